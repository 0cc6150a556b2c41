"""Each metadata source on its own small page."""

from __future__ import annotations

import json

from metadata_helpers import STORY, meta_of, page

import newsmill


def test_jsonld_newsarticle_gives_every_field() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Obama Writes Secret Letter To Iranian Leader",
        "datePublished": "2014-11-07T05:47:00-05:00",
        "dateModified": "2014-11-08T10:00:00-05:00",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
        "publisher": {"@type": "NewsMediaOrganization", "name": "China Topix"},
        "image": {"@type": "ImageObject", "url": "/img/lead.jpg"},
        "inLanguage": "en-US",
        "keywords": ["Iran", "Obama"],
        "description": "The president wrote to Tehran.",
    }
    m = meta_of(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>', f"<article>{STORY}</article>"))
    assert m["title"] == "Obama Writes Secret Letter To Iranian Leader"
    assert m["authors"] == ["Jane Doe", "John Roe"]
    assert m["published"] == "2014-11-07T05:47:00-05:00"  # the page's own zone is kept
    assert m["modified"] == "2014-11-08T10:00:00-05:00"
    assert m["publisher"] == "China Topix"
    assert m["image"] == "https://news.example.com/img/lead.jpg"
    assert m["tags"] == ["Iran", "Obama"]
    assert m["language"] == "en"
    for f in ("title", "authors", "published", "publisher", "image"):
        assert m["sources"][f]["from"] == "json-ld", f


def test_opengraph_and_article_meta() -> None:
    head = (
        '<meta property="og:title" content="Storm hits the coast">'
        '<meta property="og:site_name" content="Coast News">'
        '<meta property="og:description" content="A storm hit the coast overnight.">'
        '<meta property="og:image" content="https://cdn.example.com/storm.jpg">'
        '<meta property="og:url" content="https://news.example.com/storm">'
        '<meta property="og:locale" content="en_GB">'
        '<meta property="article:published_time" content="2024-03-02T08:15:00+00:00">'
        '<meta property="article:modified_time" content="2024-03-03T09:00:00+00:00">'
        '<meta property="article:tag" content="weather"><meta property="article:tag" content="storms">'
    )
    m = meta_of(page(head, STORY, lang=""))
    assert m["title"] == "Storm hits the coast"
    assert m["site_name"] == "Coast News"
    assert m["description"] == "A storm hit the coast overnight."
    assert m["published"] == "2024-03-02T08:15:00Z"
    assert m["modified"] == "2024-03-03T09:00:00Z"
    assert m["tags"] == ["weather", "storms"]
    assert m["canonical_url"] == "https://news.example.com/storm"
    assert m["language"] == "en"
    assert m["sources"]["published"] == {"from": "meta", "raw": "2024-03-02T08:15:00+00:00"}


def test_twitter_and_dublin_core() -> None:
    head = (
        '<meta name="twitter:title" content="Markets rally on rate hopes">'
        '<meta name="twitter:image" content="//cdn.example.com/m.png">'
        '<meta name="DC.creator" content="Maria Rossi">'
        '<meta name="DC.date.issued" content="2023-06-01">'
        '<meta name="DC.language" content="it">'
    )
    m = meta_of(page(head, STORY, lang=""))
    assert m["title"] == "Markets rally on rate hopes"
    assert m["authors"] == ["Maria Rossi"]
    assert m["published"] == "2023-06-01"
    assert m["image"] == "https://cdn.example.com/m.png"  # scheme-relative made absolute
    assert m["language"] == "it"


def test_microdata_itemprops() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/Article">'
        '<h1 itemprop="headline">Council approves new park</h1>'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Ana Lopez</span></span>'
        '<meta itemprop="datePublished" content="2022-05-17">'
        f"{STORY}</article>"
    )
    m = meta_of(page("<title>Council approves new park - Town Crier</title>", body))
    assert m["title"] == "Council approves new park"
    assert m["authors"] == ["Ana Lopez"]
    assert m["sources"]["authors"]["from"] == "microdata"
    assert m["published"] == "2022-05-17"
    assert m["sources"]["published"]["from"] == "microdata"


def test_time_element_and_dom_byline() -> None:
    body = (
        "<article><h1>Bridge reopens after repairs</h1>"
        '<div class="byline">By <a rel="author" href="/staff/kim">Kim Lee</a></div>'
        '<time datetime="2021-09-14T07:30:00+02:00">14 September 2021</time>'
        f"{STORY}</article>"
    )
    m = meta_of(page("<title>Bridge reopens after repairs</title>", body))
    assert m["authors"] == ["Kim Lee"]
    assert m["sources"]["authors"]["from"] == "dom"
    assert m["published"] == "2021-09-14T07:30:00+02:00"
    assert m["sources"]["published"]["from"] == "dom"


def test_written_dateline_near_the_headline() -> None:
    body = f"<article><h1>Library extends hours</h1><p>Published on Nov. 24, 2014 by Sam Green</p>{STORY}</article>"
    m = meta_of(page("<title>Library extends hours</title>", body))
    assert m["published"] == "2014-11-24"
    assert m["authors"] == ["Sam Green"]


def test_url_date_is_a_weak_last_resort() -> None:
    m = meta_of(page("<title>Flood warning</title>", STORY), "https://news.example.com/2014/11/24/flood-warning/")
    assert m["published"] == "2014-11-24"
    assert m["sources"]["published"]["from"] == "url"
    assert m["confidence"]["published"] < 0.7


def test_canonical_resolved_against_page_url() -> None:
    m = meta_of(page('<link rel="canonical" href="/world/obama-letter-123">', STORY),
                "https://news.example.com/world/obama-letter-123?utm_source=x")
    assert m["canonical_url"] == "https://news.example.com/world/obama-letter-123"


def test_language_from_text_when_markup_is_missing() -> None:
    fr = (
        "<p>Le président de la République a annoncé mardi une série de mesures destinées à soutenir "
        "le pouvoir d'achat des ménages les plus modestes, dans un contexte de forte inflation.</p>"
        "<p>Les syndicats ont salué une avancée, tout en réclamant des hausses de salaires plus "
        "importantes dans la fonction publique et dans le secteur privé.</p>"
    )
    m = meta_of(page("", fr, lang=""))
    assert m["language"] == "fr"
    assert m["sources"]["language"]["from"] == "text"


def test_agreement_raises_confidence() -> None:
    both = page(
        '<meta property="article:published_time" content="2020-02-02T10:00:00Z">'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"X y z",'
        '"datePublished":"2020-02-02T10:00:00Z"}</script>',
        STORY,
    )
    alone = page("", f'<article><h1>X y z</h1><span class="date">Feb 2, 2020</span>{STORY}</article>')
    assert meta_of(both)["confidence"]["published"] > meta_of(alone)["confidence"]["published"]


def test_extract_fills_the_article_record() -> None:
    html = page(
        '<meta property="og:site_name" content="Coast News">'
        '<meta property="article:published_time" content="2024-03-02T08:15:00+00:00">'
        '<meta name="author" content="Lena Park">'
        "<title>Storm hits the coast | Coast News</title>",
        f"<article><h1>Storm hits the coast</h1>{STORY}</article>",
    )
    art = newsmill.extract(html, url="https://news.example.com/storm")
    assert art.title == "Storm hits the coast"
    assert art.authors == ["Lena Park"]
    assert art.published == "2024-03-02T08:15:00Z"
    assert art.site_name == "Coast News"
    assert set(art.sources) >= {"title", "authors", "published"}
    assert all(0.0 <= c <= 1.0 for c in art.confidence.values())


def test_broken_jsonld_does_not_crash() -> None:
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken",}</script>'
        '<script type="application/ld+json">{not json at all</script>',
        STORY,
    )
    m = meta_of(html)
    assert m["title"] == "Broken"  # the trailing comma is repaired, the garbage skipped


def test_empty_page_gives_no_metadata() -> None:
    m = meta_of("<html><body></body></html>", None)
    assert "title" not in m and "published" not in m and "authors" not in m


def test_base_href_resolves_relative_links() -> None:
    m = meta_of(page('<base href="https://cdn.example.org/site/"><meta property="og:image" content="img/a.jpg">', STORY))
    assert m["image"] == "https://cdn.example.org/site/img/a.jpg"


def test_site_name_from_the_title_when_the_address_or_copyright_line_confirms_it() -> None:
    # No og:site_name or JSON-LD: the <title> beside the headline names the site. It is taken
    # only when the page's address or its copyright line names the site too.
    body = f"<article><h1>How to grow tomatoes in a small garden</h1>{STORY}</article>"
    title = "<title>How to grow tomatoes in a small garden – Green Thumb Blog</title>"
    m = meta_of(page(title, body), "https://www.greenthumb.com/2023/04/02/grow-tomatoes/")
    assert m["site_name"] == "Green Thumb Blog"
    assert m["sources"]["site_name"]["from"] == "title"
    footer = "<footer><p>© 2023 Green Thumb Blog. All rights reserved.</p></footer>"
    assert meta_of(page(title, body + footer), None)["site_name"] == "Green Thumb Blog"
    # A headline with a separator of its own (French sets " : ") is still the title's part.
    fr_body = f"<article><h1>Inondations : la décrue s'amorce dans le Gard</h1>{STORY}</article>"
    fr = meta_of(page("<title>Inondations : la décrue s'amorce dans le Gard - Le Journal du Sud</title>",
                      fr_body + "<footer><p>© Le Journal du Sud 2026</p></footer>", lang="fr"), None)
    assert fr["site_name"] == "Le Journal du Sud"
    # Unconfirmed, the <title>'s other part is often a tagline or a place: no site name.
    m = meta_of(page("<title>Award-Winning Electricians in San Jose, CA - Updated 2025</title>",
                     f"<h1>Award-Winning Electricians in San Jose, CA</h1>{STORY}"),
                "https://www.woodingelectric.com/electricians-san-jose/")
    assert "site_name" not in m


def test_an_older_blogs_post_footer_gives_author_and_date() -> None:
    # Blogger's classic template: hAtom's <abbr class="published" title=...> in the post's own
    # footer ("post-footer" is the post's, not the page's), the blog's name before the title.
    body = (
        "<div class='post hentry'><h3 class='post-title entry-title'>Planting day</h3>"
        f"<div class='post-body entry-content'>{STORY}</div><div class='post-footer'>"
        "<div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Posted by "
        "<span class='fn'>Margaret Smith</span></span> <span class='post-timestamp'>at <a href='/p.html'>"
        "<abbr class='published' title='2010-05-15T18:12:00-07:00'>6:12 PM</abbr></a></span></div></div></div>"
    )
    m = meta_of(page("<title>Garden Notes: Planting day</title>", body),
                "http://gardennotes.blogspot.com/2010/05/planting-day.html")
    assert (m["title"], m["authors"], m["published"]) == ("Planting day", ["Margaret Smith"], "2010-05-15T18:12:00-07:00")
    assert m["site_name"] == "Garden Notes"


def test_rel_tag_links_inside_the_story_are_its_tags_not_categories_or_a_sidebar_cloud() -> None:
    links = [("category tag", "Tools"), ("tag", "notebooks"), ("tag", "#analog"), ("tag", "Uncategorized")]
    footer = " ".join(f'<a rel="{rel}" href="/t/{i}">{text}</a>' for i, (rel, text) in enumerate(links))
    cloud = "".join(f'<a rel="tag" href="/tag/t{i}">cloud tag {i}</a>' for i in range(5))
    body = f"<article><h1>A paper notebook</h1>{STORY}<footer>{footer}</footer></article><aside>{cloud}</aside>"
    m = meta_of(page("<title>A paper notebook</title>", body))
    assert m["tags"] == ["notebooks", "analog"]
    assert m["sources"]["tags"]["from"] == "dom"
    # Keywords the page declares win over its links.
    m = meta_of(page('<title>A paper notebook</title><meta name="keywords" content="paper, pens">', body))
    assert m["tags"] == ["paper", "pens"]
