"""Pages written by hand after blog platforms, threads, documentation generators and news sites
in twelve more languages: each case is a page that newsmill read wrongly before."""

from __future__ import annotations

from metadata_helpers import STORY, meta_of, page
from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.assemble import _drop_promo_runs, _is_date_stamp, _is_promo_link, is_widget_line
from newsmill.meta.authors import clean_names, split_byline
from newsmill.meta.dates import find_dates, jalali_to_gregorian
from newsmill.segment import segment

PARAS = [
    "For five years the backups on my home server were handled by a shell script that had grown "
    "from twelve lines to a little over four hundred, with retry loops and a lock file.",
    "This spring I rewrote it as a small Go program, and the snapshot step is the part I rewrote "
    "most carefully, because it has to be right even when everything after it breaks.",
    "Each dataset gets a snapshot named after the run's start time, and the function refuses to "
    "continue if a snapshot of that name already exists on the pool.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def test_a_newsrooms_follow_us_rider_with_its_address_is_furniture() -> None:
    assert is_widget_line(
        "Follow NBC Cornwall on X, Facebook and Instagram. Send your story ideas to spotlight@nbc.co.uk."
    )
    assert not is_widget_line("Follow the river path on foot and send your children to the left bank.")


def test_a_threads_prefix_label_is_not_part_of_its_title() -> None:
    html = page(
        "<title>Planer snipe on the last 3 inches | Ridgeline Woodworkers Forum</title>",
        '<h1 class="p-title-value"><span class="label label--green">Solved</span>'
        '<span class="label-append">&nbsp;</span>Planer snipe on the last 3 inches</h1>' + STORY,
    )
    assert meta_of(html)["title"] == "Planer snipe on the last 3 inches"


def test_an_issue_trackers_number_is_not_part_of_the_title() -> None:
    html = page(
        "<title>quill build --watch rebuilds twice · Issue #2841 · quill/quill</title>",
        '<h1 class="gh-header-title"><bdi class="js-issue-title">quill build --watch rebuilds twice '
        'on every save</bdi> <span class="f1-light">#2841</span></h1>' + STORY,
    )
    assert meta_of(html)["title"] == "quill build --watch rebuilds twice on every save"


# Chroma (Hugo) with line numbers: a table of two <pre> cells, the gutter and the code.
CODE_TABLE = (
    '<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd">'
    '<pre class="chroma"><code><span class="lnt">1\n</span><span class="lnt">2\n</span>'
    '<span class="lnt">3\n</span></code></pre></td><td class="lntd"><pre class="chroma">'
    '<code class="language-go"><span class="line"><span class="kd">func</span> <span class="nf">'
    'snapshot</span>(name <span class="kt">string</span>) <span class="kt">error</span> {\n</span>'
    '<span class="line">\t<span class="k">return</span> fmt.Errorf(<span class="s">"snapshot %s '
    'already exists"</span>, name)\n</span><span class="line">}\n</span></code></pre></td></tr>'
    "</table></div></div>"
)


def test_a_code_listing_with_line_numbers_is_code_not_a_table_row() -> None:
    seg = segment(LexborHTMLParser(f"<html><body><article>{BODY}{CODE_TABLE}</article></body></html>").body)
    code = [b for b in seg.blocks if b.kind == "code"]
    assert len(code) == 1  # the gutter of line numbers is no block
    assert code[0].text.splitlines()[1] == '\treturn fmt.Errorf("snapshot %s already exists", name)'
    assert not [b for b in seg.blocks if b.kind == "row"]


def test_a_code_listing_with_line_numbers_is_kept_in_the_story() -> None:
    html = page("<title>Backups in Go</title>", f"<article><h1>Backups in Go</h1>{BODY}{CODE_TABLE}{BODY}</article>")
    text = extract(html).text
    assert 'return fmt.Errorf("snapshot %s already exists", name)' in text
    assert "1 2 3" not in text


def test_a_profile_cards_joined_date_is_not_the_storys() -> None:
    # Forem (dev.to): the author's card, label and date in blocks of their own, beside the byline.
    html = page(
        '<title>Queues in Postgres</title><script type="application/ld+json">{"@context": '
        '"https://schema.org", "@type": "Article", "headline": "Queues in Postgres", '
        '"datePublished": "2024-04-09T14:22:31Z", "dateModified": "2024-04-10T08:00:00Z"}</script>',
        '<article><h1>Queues in Postgres</h1><div class="profile-preview-card"><a href="/ines">Ines Varga'
        '</a><ul><li><div class="key">Location</div><div class="value">Lisbon</div></li><li>'
        '<div class="key">Joined</div><div class="value"><time datetime="2020-06-14T10:00:00Z" '
        'class="date">Jun 14, 2020</time></div></li></ul></div><p>Posted on <time datetime='
        '"2024-04-09T14:22:31Z">Apr 9</time></p>' + STORY + "</article>",
    )
    assert (meta_of(html)["published"] or "").startswith("2024-04-09")


def test_medium_on_a_publications_own_domain_is_not_the_site_name() -> None:
    html = page(
        '<title>We replaced our nightly batch | by Sunniva Brekke | Larchwood Engineering</title>'
        '<meta property="og:site_name" content="Medium">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "We replaced our nightly batch", "publisher": {"@type": "Organization", '
        '"name": "Larchwood Engineering"}}</script>',
        "<article><h1>We replaced our nightly batch</h1>" + STORY + "</article>",
    )
    assert meta_of(html, "https://engineering.larchwood.example/nightly-batch-cdc-1f2e")["site_name"] == (
        "Larchwood Engineering"
    )
    assert meta_of(html, "https://medium.com/larchwood/nightly-batch-cdc-1f2e")["site_name"] == "Medium"


def _blocks(html: str) -> list:
    return segment(LexborHTMLParser(f"<html><body>{html}</body></html>").body).blocks


def test_read_also_links_in_more_languages() -> None:
    for label in ("Citește și:", "Читайте також:", "Soma zaidi:", "بیشتر بخوانید:", "อ่านข่าว :"):
        (b,) = _blocks(f'<p><strong>{label} </strong><a href="/x/1">A story about something else</a></p>')
        assert _is_promo_link(b), label
    (b,) = _blocks('<p><strong>See:</strong> <a href="/x/1">What is RAG?</a></p>')
    assert not _is_promo_link(b)  # an article's own cross-reference, kept by the annotators


def test_a_foreign_related_label_goes_with_the_links_it_heads() -> None:
    blocks = _blocks(
        "<p>The tram runs every ten minutes from Monday.</p><p><strong>อ่านข่าวที่เกี่ยวข้อง :</strong></p>"
        '<ul><li><a href="/n/1">ผู้ว่าฯ สั่งเร่งปรับเส้นทางรถสองแถว</a></li>'
        '<li><a href="/n/2">เปิดภาพขบวนรถไฟฟ้ารางเบาขบวนแรก</a></li></ul>'
    )
    assert _drop_promo_runs(blocks, list(range(len(blocks)))) == [0]


def test_advertisement_and_follow_lines_in_more_languages() -> None:
    for line in ("Hirdetés", "- โฆษณา -", "বিজ্ঞাপন", "انتهای پیام/",
                 "Urmărește știrile Gazeta de Nord-Est și pe Google News",
                 "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися про головні новини."):
        assert is_widget_line(line), line
    assert not is_widget_line("The company bought WhatsApp in 2014 for 19 billion dollars.")


def test_romanian_and_greek_by_words_are_not_part_of_the_name() -> None:
    assert split_byline("de Andrei Popescu", strict=True, orgs=set()) == ["Andrei Popescu"]
    assert split_byline("Της Μαρίας Κωνσταντίνου", strict=True, orgs=set()) == ["Μαρίας Κωνσταντίνου"]
    assert clean_names(["de la Cruz"], strict=False, orgs=set()) == ["de la Cruz"]  # a particle, kept


def test_two_hebrew_names_joined_by_the_prefix_vav_are_two_authors() -> None:
    assert clean_names(["מיכל אברהמי ויוסי בן-דוד"], strict=False, orgs=set()) == ["מיכל אברהמי", "יוסי בן-דוד"]


def test_a_content_type_tag_by_the_release_date_is_not_an_author() -> None:
    # Drupal: every field's class says "label" (field--label-hidden), which reads as byline markup.
    html = page(
        "<title>Court rules on water rights appeal</title>",
        '<main><div class="field field--label-hidden"><span class="usa-tag">Opinion Summary</span></div>'
        "<h1>Court rules on water rights appeal</h1>"
        '<div class="field field--name-field-date field--label-inline"><div class="field__label">Release Date'
        '</div><div class="field__item">March 4, 2024</div></div>' + STORY + "</main>",
    )
    assert meta_of(html).get("authors", []) == []


def test_a_testimonials_signature_is_not_the_pages_author() -> None:
    for quote in (
        '<div class="testimonial"><p>They fought for us.</p><p class="testimonial-author">Dwayne Kessler</p></div>',
        '<blockquote><p>They fought for us.</p><footer class="quote-author">Dwayne Kessler</footer></blockquote>',
    ):
        html = page("<title>Workers' compensation</title>", f"<main><h1>Workers' compensation</h1>{STORY}{quote}</main>")
        assert meta_of(html, page_type="service").get("authors", []) == [], quote


def test_a_wordpress_archive_is_titled_by_its_heading() -> None:
    html = page(
        '<title>Water Rights Archives - Corvina Valley Herald</title><meta property="og:title" '
        'content="Water Rights Archives - Corvina Valley Herald"><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "CollectionPage", "@id": '
        '"https://corvina.example/tag/water-rights/", "url": "https://corvina.example/tag/water-rights/", '
        '"name": "Water Rights Archives - Corvina Valley Herald"}, {"@type": "WebSite", "name": '
        '"Corvina Valley Herald"}]}</script>',
        '<header class="page-header"><h1 class="page-title">Water Rights</h1></header><main>'
        + "".join(f'<article class="post"><h2><a href="/s/{i}">Story {i} about wells</a></h2><p>A teaser of '
                  f"story {i}, about wells and the rights to the water under the valley.</p></article>" for i in range(6))
        + "</main>",
    )
    assert meta_of(html, "https://corvina.example/tag/water-rights/", page_type="listing")["title"] == "Water Rights"


def test_solar_hijri_dates_are_read() -> None:
    assert jalali_to_gregorian(1403, 1, 1) == (2024, 3, 20)  # Nowruz
    assert jalali_to_gregorian(1400, 1, 1) == (2021, 3, 21)
    assert jalali_to_gregorian(1395, 12, 30) == (2017, 3, 20)  # the last day of a leap year
    ((dv, start, end),) = find_dates("تاریخ انتشار: ۲۴ اسفند ۱۴۰۲ - ۱۰:۲۵")
    assert (dv.day.isoformat(), dv.hour, dv.minute) == ("2024-03-14", 10, 25)
    assert find_dates("۳۲ اسفند ۱۴۰۲") == []  # no such day


def test_a_labelled_date_in_the_story_headers_nav_strip_dates_the_story() -> None:
    html = page(
        "<title>پل تاریخی بازگشایی شد</title>",
        '<article class="news-content"><div class="item-header"><div class="item-nav"><ul class="item-date">'
        '<li>تاریخ انتشار: ۲۴ اسفند ۱۴۰۲ - ۱۰:۲۵</li></ul></div><h1>پل تاریخی بازگشایی شد</h1></div>'
        "<p>پل تاریخی پس از سه سال مرمت امروز به روی مردم باز شد و رفت و آمد خودروها از هفته آینده آغاز می شود.</p>"
        "<p>مدیر کل میراث فرهنگی استان گفت که هزینه مرمت از محل اعتبارات ملی تامین شده است و کار ادامه دارد.</p>"
        "</article>",
        lang="fa",
    )
    assert (meta_of(html)["published"] or "").startswith("2024-03-14T10:25")


def test_a_date_line_by_itself_is_no_part_of_an_articles_text() -> None:
    html = page(
        '<title>Council meeting highlights</title><script type="application/ld+json">{"@context": '
        '"https://schema.org", "@type": "NewsArticle", "headline": "Council meeting highlights"}</script>',
        "<article><h1>Council meeting highlights</h1><p>Published on 13 March 2024</p>" + STORY
        + "<p>The council next meets on 9 April 2024 at the town hall.</p></article>",
    )
    text = extract(html).text
    assert "Published on 13 March 2024" not in text
    assert "The council next meets on 9 April 2024 at the town hall." in text
    assert _is_date_stamp(_blocks("<p>Updated: 2024-03-13 10:25</p>")[0])
    assert not _is_date_stamp(_blocks("<p>Published on 13 March 2024 by the city.</p>")[0])


def test_list_items_written_as_paragraphs_keep_their_bullets() -> None:
    # Markdown converters and many editors (Substack, Ghost) set each list item in a <p>.
    html = page(
        '<title>Fixing a tap</title><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Fixing a tap"}</script>',
        "<article><h1>Fixing a tap</h1><p>There are three ways to fix a leaking tap in an old house, and "
        "each takes a different tool and an afternoon of work.</p><ol><li><p>Replace the washer, which "
        "costs almost nothing.</p></li><li><p>Replace the whole cartridge.</p></li></ol><p>Whichever you "
        "choose, turn the water off at the main valve first, and keep a towel handy.</p></article>",
    )
    art = extract(html)
    assert "\n- Replace the washer, which costs almost nothing.\n- Replace the whole cartridge.\n" in art.text
    assert "\n1. Replace the washer, which costs almost nothing.\n1. Replace the whole cartridge.\n" in art.markdown


def test_more_on_a_topic_labels_and_bracketed_read_more_links_go() -> None:
    blocks = _blocks(
        "<p>The tram runs every ten minutes from Monday.</p><p><strong>More on Harbour Line:</strong></p>"
        '<ul><li><a href="/n/1">Guide to the new harbour timetable</a></li>'
        '<li><a href="/n/2">How the depot was rebuilt</a></li></ul>'
    )
    assert _drop_promo_runs(blocks, list(range(len(blocks)))) == [0]
    # Without the colon it is a heading of the story's own ("More on the ferry" over prose).
    blocks = _blocks('<p><strong>More on the ferry</strong></p><ul><li><a href="/n/1">Ferry times</a></li>'
                     '<li><a href="/n/2">Ferry fares</a></li></ul>')
    assert _drop_promo_runs(blocks, list(range(len(blocks)))) == [0, 1, 2]
    (b,) = _blocks('<p>[Read more: <a href="/x/1">A guide to small business accounting</a>]</p>')
    assert _is_promo_link(b)
