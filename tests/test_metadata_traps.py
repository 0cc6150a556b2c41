"""The traps a metadata extractor falls into, one test each."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from metadata_helpers import STORY, meta_of, page

from newsmill.meta.images import split_credit

HEAD = "<title>Obama Writes Secret Letter To Iranian Leader</title>"
H1 = "<h1>Obama Writes Secret Letter To Iranian Leader</h1>"


def test_clock_on_the_page_is_not_the_date() -> None:
    masthead = '<header class="site-header"><div class="clock">11/22/2024 06:30:49 am</div></header>'
    only_clock = meta_of(page(HEAD, masthead + f"<article>{H1}{STORY}</article>"))
    assert only_clock.get("published") is None
    with_date = meta_of(page(
        HEAD,
        masthead + f'<article>{H1}<time datetime="2014-11-07T05:47:00-05:00">Nov 07, 2014</time>{STORY}</article>',
    ))
    assert with_date["published"] == "2014-11-07T05:47:00-05:00"


def test_unlabelled_clock_reading_in_text_is_ignored() -> None:
    m = meta_of(page(HEAD, f"<div><p>11/22/2024 06:30:49 am</p></div><article>{H1}{STORY}</article>"))
    assert m.get("published") is None


def test_copyright_year_is_not_the_date() -> None:
    footer = "<footer><p>© 2014 China Topix. All rights reserved. Updated 24.11.2014</p></footer>"
    m = meta_of(page(HEAD, f"<article>{H1}{STORY}</article>{footer}"))
    assert m.get("published") is None


def test_comment_dates_are_not_the_date() -> None:
    comments = (
        '<section class="comments"><div class="comment"><span class="author">Bob</span>'
        '<time datetime="2020-01-05T10:00:00Z">Jan 5, 2020</time><p>Great piece!</p></div></section>'
    )
    m = meta_of(page(HEAD, f"<article>{H1}{STORY}</article>{comments}"))
    assert m.get("published") is None
    assert "Bob" not in (m.get("authors") or [])


def test_related_story_dates_are_not_the_date() -> None:
    related = (
        '<aside class="related-stories"><ul>'
        '<li><a href="/a">Other story</a><time datetime="2019-03-01">Mar 1, 2019</time></li>'
        '<li><a href="/b">Another</a><time datetime="2019-02-01">Feb 1, 2019</time></li></ul></aside>'
    )
    m = meta_of(page(HEAD, f"<article>{H1}{STORY}</article>{related}"))
    assert m.get("published") is None


def test_last_updated_line_is_modified_not_published() -> None:
    # With no published date anywhere, the shown update date stands in, with low confidence.
    only_update = meta_of(page(HEAD, f"<article>{H1}<p>Last updated: November 25, 2014</p>{STORY}</article>"))
    assert only_update["published"] == "2014-11-25"
    assert only_update["confidence"]["published"] < 0.6
    assert only_update["modified"] == "2014-11-25"
    both = meta_of(page(HEAD, f"<article>{H1}<p>Published Nov. 24, 2014 · Updated Nov. 25, 2014</p>{STORY}</article>"))
    assert both["published"] == "2014-11-24"
    assert both["modified"] == "2014-11-25"


def test_modified_meta_is_never_published() -> None:
    m = meta_of(page(HEAD + '<meta property="article:modified_time" content="2014-11-25T10:00:00Z">', STORY))
    assert m.get("published") is None
    assert m["modified"] == "2014-11-25T10:00:00Z"


def test_shown_update_date_stands_in_even_when_a_meta_tag_gives_the_same_moment() -> None:
    # The meta tag, more precise, is the modified date; that the page shows the same day is
    # what lets it stand in for the missing published date.
    head = HEAD + '<meta property="article:modified_time" content="2014-11-25T10:00:00Z">'
    m = meta_of(page(head, f"<article>{H1}<p>Updated Nov. 25, 2014</p>{STORY}</article>"))
    assert m["modified"] == "2014-11-25T10:00:00Z"
    assert m["published"][:10] == "2014-11-25"
    assert m["sources"]["published"]["from"] == "modified"


def test_ambiguous_numeric_date_follows_the_order_the_page_writes_dates_in() -> None:
    # lang="en" reads 03/10/2023 as March 10; the page's other dates are written day first.
    others = '<div class="updates"><span class="date">16 February 2024</span></div>'
    body = f'<article>{H1}<div class="post-date">03/10/2023</div>{STORY}</article>{others}'
    assert meta_of(page(HEAD, body))["published"] == "2023-10-03"
    us = others.replace("16 February 2024", "February 16, 2024")
    assert meta_of(page(HEAD, body.replace(others, us)))["published"] == "2023-03-10"


def test_a_last_updated_line_after_the_story_dates_a_page_with_nothing_near_its_headline() -> None:
    body = f"<article>{H1}{STORY * 7}<p>Last updated: November 13, 2013</p></article>"  # far below
    m = meta_of(page(HEAD, body))
    assert m["modified"] == "2013-11-13"
    assert m["published"] == "2013-11-13" and m["sources"]["published"]["from"] == "modified"
    # A reader's comment saying when it was posted does not date the story.
    comment = '<div class="comments"><div class="comment"><p>Posted on March 2, 2024</p><p>Nice.</p></div></div>'
    assert meta_of(page(HEAD, f"<article>{H1}{STORY}</article>{comment}")).get("published") is None


def test_a_threads_first_post_stamp_dates_a_page_typed_as_a_thread() -> None:
    # An older forum: no classes, no structured data, a stamp over each post.
    post = "<div><div><b>{who}</b><br>Joined: Mar 2005</div><div>{when}</div><div>{text}</div></div>"
    body = "".join(
        post.format(who=w, when=d, text=t) for w, d, t in (
            ("harbourfan", "01-12-2009, 11:40 AM", "Has anyone seen the seals back on the sandbanks this winter?"),
            ("ferryman", "01-14-2009, 08:05 PM", "Eleven of them last Sunday, near the old ferry pier."),
        )
    )
    # Far below the thread's title: the forum's tools and rules stand between.
    tools = "".join(f"<div>{t}</div>" for t in ("Forum rules", "New topic", "Search this topic") * 5)
    html = page("<title>Seals back in the estuary? - Eastport Forums</title>",
                f"<h1>Seals back in the estuary?</h1>{tools}{body}")
    posts = list(range(16, 24))  # the blocks the scorer keeps: the posts
    m = meta_of(html, None, kept=posts, page_type="forum")
    assert m["published"][:10] == "2009-01-12"
    assert m["confidence"]["published"] <= 0.6  # found far from the title: a last resort
    # The same stamps on a page not typed as a thread date nothing: they may be anything.
    assert meta_of(html, None, kept=posts).get("published") is None


def test_future_date_is_refused() -> None:
    head = HEAD + '<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
    assert meta_of(page(head, STORY)).get("published") is None
    # ...and a real date elsewhere wins instead.
    body = f'<article>{H1}<time datetime="2014-11-07">Nov 7, 2014</time>{STORY}</article>'
    assert meta_of(page(head, body))["published"] == "2014-11-07"


def test_url_segments_that_only_look_like_dates() -> None:
    for url in (
        "https://shop.example.com/products/20141124-blue-widget",
        "https://example.com/item/2014/13/45/thing",
        "https://example.com/archive/1100/2014/",
        "https://example.com/id/12/11/2014-report",
    ):
        assert meta_of(page(HEAD, STORY), url).get("published") is None, url


def test_relative_dates_use_the_reference_time() -> None:
    m = meta_of(page(HEAD, f"<article>{H1}<p>Posted 3 hours ago</p>{STORY}</article>"))
    assert m["published"] == "2024-11-22T09:00:00Z"  # REF is 2024-11-22 12:00 UTC
    # Not knowing when the page was fetched, "3 hours ago" names no day.
    html = page(HEAD, f"<article>{H1}<p>Posted 3 hours ago</p>{STORY}</article>")
    assert meta_of(html, ref=None).get("published") is None


def test_junk_bylines_are_cleaned() -> None:
    body = (
        f"<article>{H1}"
        '<div class="byline">By John Smith and Jane Doe | Reuters</div>'
        '<span class="author-email">Email the author</span><span class="author-follow">Follow</span>'
        f"{STORY}</article>"
    )
    m = meta_of(page(HEAD, body))
    assert m["authors"] == ["John Smith", "Jane Doe"]


def test_ui_strings_roles_and_orgs_never_become_authors() -> None:
    body = (
        f"<article>{H1}"
        '<div class="author">Staff Writer</div><div class="author">3 hours ago</div>'
        '<div class="author">Associated Press</div><div class="author">https://x.com/someone</div>'
        f"{STORY}</article>"
    )
    assert meta_of(page(HEAD, body)).get("authors") is None


def test_organisation_author_goes_to_publisher() -> None:
    ld = {"@type": "NewsArticle", "headline": "Obama Writes Secret Letter To Iranian Leader",
          "author": {"@type": "Organization", "name": "Reuters"}}
    m = meta_of(page(HEAD + f'<script type="application/ld+json">{json.dumps(ld)}</script>', STORY))
    assert m.get("authors") is None
    assert m["publisher"] == "Reuters"


def test_jsonld_graph_with_id_references() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://t.example/#website", "name": "China Topix"},
            {"@type": "Organization", "@id": "https://t.example/#org", "name": "China Topix Ltd"},
            {"@type": "Person", "@id": "https://t.example/#/person/1", "name": "Jane Doe"},
            {
                "@type": ["Article", "NewsArticle"],
                "@id": "https://t.example/story#article",
                "headline": "Obama Writes Secret Letter To Iranian Leader",
                "author": {"@id": "https://t.example/#/person/1"},
                "publisher": {"@id": "https://t.example/#org"},
                "datePublished": "2014-11-07T05:47:00-05:00",
            },
        ],
    }
    m = meta_of(page(f'<script type="application/ld+json">{json.dumps(graph)}</script>', STORY))
    assert m["authors"] == ["Jane Doe"]
    assert m["publisher"] == "China Topix Ltd"
    assert m["site_name"] == "China Topix"
    assert m["published"] == "2014-11-07T05:47:00-05:00"


def test_title_site_suffix_and_prefix_are_stripped() -> None:
    cases = [
        ("Obama Writes Secret Letter | China Topix", "China Topix", "Obama Writes Secret Letter"),
        ("Obama Writes Secret Letter - China Topix", "China Topix", "Obama Writes Secret Letter"),
        ("China Topix: Obama Writes Secret Letter", "China Topix", "Obama Writes Secret Letter"),
        ("China Topix » Obama Writes Secret Letter", "China Topix", "Obama Writes Secret Letter"),
    ]
    for title, site, want in cases:
        m = meta_of(page(f'<title>{title}</title><meta property="og:site_name" content="{site}">', STORY))
        assert m["title"] == want, title


def test_title_suffix_from_the_domain_without_site_name() -> None:
    m = meta_of(page("<title>Obama Writes Secret Letter | ChinaTopix</title>", STORY),
                "https://www.chinatopix.com/articles/1/20141107/obama.htm")
    assert m["title"] == "Obama Writes Secret Letter"


def test_h1_agreeing_with_the_title_is_preferred() -> None:
    m = meta_of(page(
        '<title>obama writes secret letter | China Topix</title><meta property="og:site_name" content="China Topix">',
        f"<article><h1>Obama Writes Secret Letter</h1>{STORY}</article>",
    ))
    assert m["title"] == "Obama Writes Secret Letter"
    assert m["sources"]["title"]["from"] == "dom"
    lone = meta_of(page(
        '<title>Something else entirely | China Topix</title><meta property="og:site_name" content="China Topix">',
        f"<article><h1>Obama Writes Secret Letter</h1>{STORY}</article>",
    ))
    assert lone["confidence"]["title"] < m["confidence"]["title"]


def test_site_logo_h1_is_not_the_title() -> None:
    m = meta_of(page(
        '<title>Bridge reopens | Town Crier</title><meta property="og:site_name" content="Town Crier">',
        f'<header><h1 class="logo">Town Crier</h1></header><article>{STORY}</article>',
    ))
    assert m["title"] == "Bridge reopens"


def test_photo_credit_parsing() -> None:
    assert split_credit(
        "(Photo : REUTERS) U.S. President Barack Obama speaks about the economy at Rhode Island College."
    ) == ("U.S. President Barack Obama speaks about the economy at Rhode Island College.", "REUTERS")
    assert split_credit("Obama at the White House. Photo: Kevin Lamarque/Getty Images") == (
        "Obama at the White House", "Kevin Lamarque/Getty Images")
    assert split_credit("President Obama waves. (AP Photo/Evan Vucci)") == (
        "President Obama waves.", "AP Photo/Evan Vucci")
    assert split_credit("Crowds gather in the square. Jane Roe/AFP") == (
        "Crowds gather in the square.", "Jane Roe/AFP")
    assert split_credit("A quiet street at dawn.") == ("A quiet street at dawn.", None)
    assert split_credit("The pool will close for repairs. (Jane Roe / Daily Courier)") == (
        "The pool will close for repairs.", "Jane Roe / Daily Courier")
    assert split_credit("Mayor Tom Reed (left) and Ann Lee (right) at the vote.") == (
        "Mayor Tom Reed (left) and Ann Lee (right) at the vote.", None)


def test_captions_outside_figure_elements_belong_to_their_image() -> None:
    # WordPress's classic caption box and an older page's photo box: no <figure>, a classed line.
    boxes = (
        '<div class="wp-caption aligncenter"><img src="/img/pool.jpg" width="600" height="400">'
        '<p class="wp-caption-text">The Main Street pool will close for repairs.</p></div>',
        '<div class="photo"><img src="/img/pool.jpg" width="600" height="400">'
        '<p class="cutline">The Main Street pool will close for repairs. (Jane Roe / Daily Courier)</p></div>',
    )
    for box in boxes:
        m = meta_of(page(HEAD, f"<article>{H1}{STORY}{box}{STORY}</article>"))
        assert m["images"][0]["caption"] == "The Main Street pool will close for repairs.", box
    assert m["images"][0]["credit"] == "Jane Roe / Daily Courier"
    # A shop card's button box is no caption.
    card = ('<div class="card-figcaption--action-buttons"><img src="/img/mug.jpg" width="300" height="300">'
            '<div class="card-figcaption--action-buttons">Add to Cart</div></div>')
    m = meta_of(page(HEAD, f"<article>{H1}{STORY}{card}{STORY}</article>"))
    assert m["images"][0]["caption"] is None


def test_figcaption_with_nested_credit_span() -> None:
    body = (
        f"<article>{H1}<p>Intro paragraph that is long enough to be part of the story text.</p>"
        '<figure><img data-src="/img/obama.jpg" src="data:image/gif;base64,R0lGOD" alt="Obama">'
        '<figcaption>Obama speaks in Providence. <span class="credit">REUTERS/Kevin Lamarque</span>'
        f"</figcaption></figure>{STORY}</article>"
    )
    m = meta_of(page(HEAD, body))
    img = m["images"][0]
    assert img["url"] == "https://news.example.com/img/obama.jpg"  # lazy source, made absolute
    assert img["credit"] == "REUTERS/Kevin Lamarque"
    assert img["caption"] == "Obama speaks in Providence."  # its own period kept
    assert img["alt"] == "Obama"
    pos = m["_image_positions"][0]
    assert pos[1] == img["url"]


def test_srcset_image_resolves_to_the_widest() -> None:
    body = (
        f"<article>{H1}{STORY}"
        '<figure><img srcset="/s.jpg 320w, /l.jpg 1024w" alt=""><figcaption>The scene.</figcaption></figure>'
        f"{STORY}</article>"
    )
    m = meta_of(page(HEAD, body))
    assert m["images"][0]["url"] == "https://news.example.com/l.jpg"


def test_member_profile_dates_are_not_the_date() -> None:
    body = (
        f"<article>{H1}<div class=\"postprofile\"><p>Posts: 2101</p><p>Joined: Mon Jul 24, 2017 9:28 am</p>"
        f"<p>Registered: 2024-01-27</p></div>{STORY}</article>"
    )
    assert meta_of(page(HEAD, body)).get("published") is None


def test_dates_of_a_listing_in_the_main_area_are_not_the_date() -> None:
    body = (
        f"<main>{H1}{STORY}<section class=\"listing\">"
        '<a href="/a"><p class="listing__item__date">November 25, 2025</p></a>'
        '<a href="/b"><p class="listing__item__date">October 31, 2025</p></a></section></main>'
    )
    assert meta_of(page(HEAD, body)).get("published") is None


def test_an_update_credited_to_someone_is_still_an_update() -> None:
    body = f"<article>{H1}<p>Updated by Jane Doe on Nov. 25, 2014</p>{STORY}</article>"
    m = meta_of(page(HEAD, body))
    assert m["modified"] == "2014-11-25"
    assert m["sources"]["published"]["from"] == "modified"  # a stand-in, never read as published


def test_a_mastheads_clock_is_not_the_story_date() -> None:
    # "Tuesday, November 30, 2026 | Weather: 45°F" over the headline is the page's clock; with
    # no dateline elsewhere the story is left undated rather than dated the day it was fetched.
    fetched = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    for top in ("Tuesday, November 30, 2026 | Weather: 45°F", "Tuesday, November 30, 2026"):
        html = page("<title>Council approves budget</title>",
                    f"<div class='top'>{top}</div><div class='story'><h1>Council approves budget</h1>{STORY}</div>")
        assert "published" not in meta_of(html, ref=fetched, kept=[1, 2, 3]), top
    # A date over the headline that is not the fetch day is still read.
    html = page("<title>Council approves budget</title>",
                f"<div class='top'>Tuesday, June 8, 2010</div><div class='story'><h1>Council approves budget</h1>{STORY}</div>")
    assert meta_of(html, ref=fetched, kept=[1, 2, 3])["published"].startswith("2010-06-08")


def test_amp_pictures_are_images() -> None:
    # AMP pages set their pictures in <amp-img>, often with no <img> fallback at all.
    body = (f"<article>{H1}<figure><amp-img src='/img/bus.jpg' width='800' height='450' alt='A bus'></amp-img>"
            f"<figcaption>A bus on Main Street. Photo: Jane Roe</figcaption></figure>{STORY}</article>")
    imgs = meta_of(page(HEAD, body))["images"]
    assert [(i["url"], i["caption"], i["credit"]) for i in imgs] == [
        ("https://news.example.com/img/bus.jpg", "A bus on Main Street", "Jane Roe")]
