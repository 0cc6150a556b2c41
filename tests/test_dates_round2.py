"""Publication dates, round two: forum threads, the story's own <article> and <header>,
JSON-LD carried in a meta tag, the page's zone read from its published dates."""

from __future__ import annotations

import html
import json

from metadata_helpers import STORY, meta_of, page

TITLE = "<title>Harbour bridge reopens after repairs</title>"
H1 = "<h1>Harbour bridge reopens after repairs</h1>"
POST = "<p>Does anyone know why the ISO grew so quickly between the last two releases this year?</p>"
REPLY = "<p>Firmware and a second kernel were added, which accounts for most of the growth.</p>"


def _fluxbb_post(n: int, stamp: str, body: str, extra: str = "") -> str:
    return (
        f'<div id="p{n}" class="blockpost {extra}"><h2><span>#{n} <a href="#p{n}">{stamp}</a></span></h2>'
        f'<div class="postbody"><dl><dt>member{n}</dt><dd>Registered: 2020-01-05</dd></dl>'
        f'<div class="postmsg">{body}</div></div></div>'
    )


def test_forum_thread_takes_its_first_posts_date() -> None:
    # Posts are marked up as messages; the opener's date (with seconds, not a clock) is the thread's.
    body = (
        "<h1>Why did the ISO grow?</h1>"
        + _fluxbb_post(1, "2024-03-02 15:14:37", POST, "firstpost")
        + _fluxbb_post(2, "2024-03-05 09:01:02", REPLY)
    )
    m = meta_of(page("<title>Why did the ISO grow? / Forums</title>", body), url="https://bbs.example.org/viewtopic.php?id=9")
    assert m["published"][:10] == "2024-03-02"  # not the member's "Registered" date, not the reply's


def test_forum_first_post_day_corrects_a_zoneless_utc_stamp() -> None:
    ld = {"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Trip report",
          "datePublished": "2024-02-15 03:05:48"}
    head = f'<title>Trip report</title><script type="application/ld+json">{json.dumps(ld)}</script>'
    # The posts sit in a container named for replies, as forum packages name it.
    posts = "".join(
        f'<article class="message message--post" id="js-post-{n}"><div class="message-attribution">'
        f'Feb {d}, 2024 | 9:0{n} pm</div><div class="message-body">{t}</div></article>'
        for n, d, t in ((1, 14, POST), (2, 16, REPLY))
    )
    tools = "".join(f'<li><a href="/tools/{i}">Thread tool {i}</a></li>' for i in range(16))
    body = (
        f'<h1>Trip report</h1><ul class="thread-tools">{tools}</ul>'
        f'<div class="block-body js-replyNewMessageContainer">{posts}</div>'
    )
    m = meta_of(page(head, body), url="https://forum.example.com/trip-report-12.html")
    assert m["published"][:10] == "2024-02-14"  # what the opening post shows, on the page's calendar


def test_comment_dates_still_refused_on_articles() -> None:
    comments = "".join(
        f'<div class="comment" id="comment-{n}"><time datetime="2024-0{n}-01T10:00:00Z">day {n}</time>'
        f"<p>Great piece, thanks for writing it.</p></div>"
        for n in (3, 4)
    )
    m = meta_of(page(TITLE, f'<article>{H1}{STORY}</article><section class="comments">{comments}</section>'))
    assert m.get("published") is None


def test_date_inside_the_storys_article_within_a_sidebar_layout() -> None:
    # The theme wraps the whole story in a "sidebar_content" column: the story's <article> stops the walk.
    body = (
        f'<div class="sidebar_content"><article>{H1}'
        f'<time datetime="2024-06-11T08:00:00-04:00">June 11, 2024</time>{STORY}</article></div>'
    )
    m = meta_of(page(TITLE, body))
    assert m["published"] == "2024-06-11T08:00:00-04:00"  # the element's own stamp, not the text's day


def test_header_holding_the_headline_is_the_storys() -> None:
    body = (
        '<header class="post-hero__heading"><span class="post-hero__date">December 17, 2023</span>'
        f"{H1}</header><section>{STORY}</section>"
    )
    m = meta_of(page(TITLE, body))
    assert m["published"] == "2023-12-17"
    assert m["sources"]["published"]["from"] == "dom"  # read as the story's date element, not guessed from text


def test_json_ld_carried_in_a_meta_tag() -> None:
    ld = {"@context": "https://schema.org", "@type": "Article", "headline": "Harbour bridge reopens after repairs",
          "datePublished": "2023-11-17T09:00:00-05:00"}
    head = TITLE + f'<meta name="script:ld+json" content="{html.escape(json.dumps(ld))}">'
    m = meta_of(page(head, f"<div>{H1}{STORY}</div>"))
    assert m["published"] == "2023-11-17T09:00:00-05:00"
    assert m["sources"]["published"]["from"] == "json-ld"


def test_page_zone_comes_from_its_published_dates_first() -> None:
    # Published in summer (-05:00), updated in winter (-06:00), the update stamp shown more often: the UTC meta stamp is told in
    # the published date's zone, where it falls on the 30th.
    head = TITLE + '<meta property="article:published_time" content="2019-07-30T05:00:35+00:00">'
    body = (
        f"<article>{H1}"
        '<time itemprop="datePublished" datetime="2019-07-30T05:00:35-05:00">July 30, 2019</time>'
        '<time class="updated" datetime="2023-01-18T13:57:55-06:00">January 18, 2023</time>'
        '<span class="updated-on"><time class="updated" datetime="2023-01-18T13:57:55-06:00">Jan 18</time></span>'
        '<time class="updated" datetime="2023-01-18T13:57:55-06:00"></time>'
        '<time class="updated" datetime="2023-01-18T13:57:55-06:00"></time>'
        f"{STORY}</article>"
    )
    m = meta_of(page(head, body))
    assert m["published"][:10] == "2019-07-30"
