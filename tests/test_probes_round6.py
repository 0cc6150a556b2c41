"""Pages written by hand in news genres beyond the story page: a wiki article, an obituary, a
journal article, a German local story, a photo gallery. Each case is one newsmill read wrongly."""

from __future__ import annotations

from metadata_helpers import STORY, meta_of, page

from newsmill.assemble import is_widget_line
from newsmill.quotes import find_quotes


def test_a_references_access_date_is_not_the_pages_date() -> None:
    ref = (
        '<ol class="references"><li><span class="reference-text"><cite class="citation web">'
        '<a href="https://example.org/history">"Our history"</a>. Railway Society'
        '<span class="reference-accessdate">. Retrieved <span class="nowrap">3 February</span> 2022</span>.'
        "</cite></span></li></ol>"
    )
    html = page("<title>Pelling Light Railway - Rail Wiki</title>", "<h1>Pelling Light Railway</h1>" + STORY + ref)
    assert meta_of(html, "https://rail.example.org/wiki/Pelling_Light_Railway").get("published") is None
    # The same words in a story's text: "accessed" is a reference's, not a dateline.
    text_ref = page("<title>Notes</title>", "<h1>Notes</h1>" + STORY + "<p>Accessed 3 February 2022.</p>")
    assert meta_of(text_ref).get("published") is None


OBIT_LD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",'
    '"headline":"Winifred Ann Dolbeare Obituary","datePublished":"2024-03-02"}</script>'
)


def test_an_obituarys_subject_and_its_guestbook_signers_are_not_its_authors() -> None:
    head = (
        "<title>Winifred Ann Dolbeare Obituary | Brackwater Funeral Home</title>"
        '<meta property="og:title" content="Winifred Ann Dolbeare Obituary">'
        '<meta property="og:type" content="article">' + OBIT_LD
    )
    guestbook = (
        '<section class="guestbook"><h2>Guestbook</h2><div class="guestbook-entry">'
        '<p class="gb-author"><strong>Paul and Irene Lacasse</strong> · <span class="gb-date">March 3, 2024</span></p>'
        "<p>Winnie registered our first car and asked after it for thirty years.</p></div></section>"
    )
    # The guestbook follows the obituary and its service times, as on a funeral home's page.
    html = page(head, "<h1>Winifred Ann Dolbeare</h1>" + STORY * 7 + guestbook)
    assert meta_of(html, "https://funeral.example.com/obituaries/winifred-dolbeare").get("authors") in (None, [])


def test_inline_markup_in_a_headline_leaves_no_space_inside_brackets() -> None:
    html = page(
        "<title>Marine heatwaves advance flowering of eelgrass (Zostera marina) in a temperate estuary"
        " | Estuarine Letters</title>",
        "<h1>Marine heatwaves advance flowering of eelgrass (<i>Zostera marina</i>) in a temperate estuary</h1>"
        + STORY,
    )
    assert meta_of(html)["title"] == (
        "Marine heatwaves advance flowering of eelgrass (Zostera marina) in a temperate estuary"
    )


def test_a_party_role_joined_to_a_german_speakers_office_is_not_her_name() -> None:
    text = (
        "Im Ausschuss sorgte das für Kritik. Grünen-Stadträtin Melanie Osterkamp fragte, warum die "
        "Schäden nicht schon bei der Voruntersuchung aufgefallen seien. „Wir haben damals ein Gutachten "
        "für 40.000 Euro bezahlt. Da erwarte ich, dass jemand auch unter die Fliesen schaut“, sagte Osterkamp."
    )
    speakers = {q.speaker for q in find_quotes(text)}
    assert speakers == {"Melanie Osterkamp"}
    spd = "„Das ist ein Problem für alle Vereine hier“, sagte SPD-Fraktionschef Jürgen Maier am Dienstag."
    assert [q.speaker for q in find_quotes(spd)] == ["Jürgen Maier"]


def test_a_galleries_end_card_is_furniture() -> None:
    assert is_widget_line("You've reached the end of the gallery.")
    assert is_widget_line("End of slideshow")
    assert not is_widget_line("We reached the end of the gallery walk at dusk, tired and happy.")


def test_a_shops_logo_picture_names_the_site_when_nothing_else_does() -> None:
    logo = (
        '<div id="logo"><a href="https://www.haldenoutdoor.co.uk/index.php?route=common/home">'
        '<img src="/image/halden-logo.png" alt="Halden Outdoor logo"></a></div>'
    )
    url = "https://www.haldenoutdoor.co.uk/index.php?route=product/product&product_id=42"
    html = page("<title>Trailhead 2 Ultralight Tent</title>", logo + "<h1>Trailhead 2 Ultralight Tent</h1>" + STORY)
    assert meta_of(html, url)["site_name"] == "Halden Outdoor"
    # A partner's logo ("as seen in") neither links home nor matches the address.
    partner = '<div class="press-logos"><a href="https://forbes.example/x"><img class="logo" alt="Forbes"></a></div>'
    html = page("<title>Trailhead 2 Ultralight Tent</title>", "<h1>Trailhead 2 Ultralight Tent</h1>" + STORY + partner)
    assert meta_of(html, url).get("site_name") is None
    # Nor does a link's purpose stand for a name.
    back = '<a class="logo" href="/"><img alt="Return to the home page (header)"></a>'
    html = page("<title>Trailhead 2 Ultralight Tent</title>", back + "<h1>Trailhead 2 Ultralight Tent</h1>" + STORY)
    assert meta_of(html, url).get("site_name") is None


def test_a_portals_outlet_chain_is_not_the_author() -> None:
    head = (
        "<title>School camping trip | Daon News</title>"
        '<meta property="og:site_name" content="다온 뉴스">'
        '<meta property="og:article:author" content="한결일보 | 다온 뉴스">'
    )
    body = "<h1>School camping trip</h1>" + STORY
    authors = meta_of(page(head, body, lang="ko"), "https://n.daon.example/article/0417/77120").get("authors") or []
    assert not any("다온" in a or "|" in a for a in authors)


def test_a_blogs_logo_heading_does_not_scope_the_byline_search() -> None:
    # Blogger's classic themes set the blog's name as an h1 linking home, in the header; the
    # post's "Posted by" line sits in the post's footer, far from it.
    body = (
        "<div id='outer-wrapper'><div id='wrap2'><div id='header-wrapper'>"
        "<div class='header section' id='header'><div class='widget Header' id='Header1'><div id='header-inner'>"
        "<div class='titlewrapper'><h1 class='title'><a href='http://picklejar.blogspot.com/'>Pickle Jar "
        "Chronicles</a></h1></div></div></div></div></div><div id='content-wrapper'><div id='main-wrapper'><div class='post hentry'>"
        "<h3 class='post-title entry-title'>How I lost the pickle contest</h3>"
        f"<div class='post-body entry-content'>{STORY * 7}</div><div class='post-footer'>"
        "<span class='post-author vcard'>Posted by <span class='fn'>Bev Tunstall</span></span>"
        "</div></div></div></div></div></div>"
    )
    html = page("<title>Pickle Jar Chronicles: How I lost the pickle contest</title>", body)
    assert meta_of(html, "http://picklejar.blogspot.com/2008/09/pickle-contest.html")["authors"] == ["Bev Tunstall"]


def test_a_spanish_bare_speech_verb_has_the_subject_just_named() -> None:
    # An institute is not a person, and a place after a preposition is not the subject.
    text = (
        "La ingeniera agrónoma Marcela Duarte Villaverde, que acompaña a la cooperativa desde el Instituto "
        "Provincial de Tecnología Agropecuaria, destacó el trabajo de las mujeres. “Muchas de las mejoras "
        "en la calidad salieron de ellas y sabían exactamente cuándo estaba listo”, señaló.\n\n"
        "El ministro de Producción provincial, Anselmo Rivadeneira, anunció una segunda planta de secado "
        "en la localidad de Las Tunas. “Este contenedor demuestra que desde Valle Hondo se puede vender "
        "al mundo”, dijo."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Marcela Duarte Villaverde", "Anselmo Rivadeneira"]


def test_a_newswire_releases_source_tag_is_furniture() -> None:
    assert is_widget_line("SOURCE Brightfen Water Systems")
    assert not is_widget_line("Source: Bureau of Labor Statistics, 2024")
    assert not is_widget_line("SOURCE: company filings")


def test_a_headings_control_and_an_items_path_read_as_shown() -> None:
    html = page(
        "<title>Backoff in tidewater - Rust</title>",
        '<h1>Struct <a href="index.html">tidewater</a>::<wbr><a class="struct" href="#">Backoff</a>'
        '<button id="copy-path" title="Copy item path to clipboard">Copy item path</button></h1>' + STORY,
    )
    assert meta_of(html, "https://docs.example.rs/tidewater/struct.Backoff.html")["title"] == "Struct tidewater::Backoff"


def test_a_date_line_with_its_reading_time_is_a_stamp() -> None:
    from newsmill.assemble import _is_date_stamp
    from newsmill.segment import Block

    def line(t: str) -> Block:
        return Block("text", t, t, 0, "p", chars=len(t))

    assert _is_date_stamp(line("3 December 2018 · 24 minute read"))
    assert _is_date_stamp(line("March 3, 2024 - 5 min read"))
    assert not _is_date_stamp(line("The ferry left on 3 December 2018, a 24 minute ride."))
