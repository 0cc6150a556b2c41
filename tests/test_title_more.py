"""Title candidates: cleaning of heading text and h1s that sit in the site's header."""

from __future__ import annotations

from metadata_helpers import STORY, meta_of, page
from selectolax.lexbor import LexborHTMLParser

from newsmill.describe import collect
from newsmill.meta.candidates import norm_key
from newsmill.meta.title import title_candidates
from newsmill.meta.titlemodel import clean_title

DEEP_URL = "https://www.towncrier.example/news/2024/council-approves-new-park"


def test_style_rules_inside_a_heading_are_dropped() -> None:
    # Styled components print their CSS inside the h1; only the words are the title.
    h1 = (".css-1a8e{cursor:pointer;display:inline-block;}.no-touch .css-1a8e:hover{color:red;} "
          "Augustinus Bader .css-wk2{white-space:pre-wrap;} The Cream")
    assert clean_title(h1) == "Augustinus Bader The Cream"


def test_utf8_read_as_latin1_is_repaired() -> None:
    assert clean_title("itertools \u00e2\x80\x94 Functions creating iterators") == "itertools — Functions creating iterators"
    assert clean_title("A DIY Investor\u00e2\x80\x99s Guide") == "A DIY Investor’s Guide"
    # Real accented text is left alone.
    assert clean_title("São Paulo é a maior cidade") == "São Paulo é a maior cidade"


def test_permalink_marks_are_dropped_but_not_a_languages_sharp() -> None:
    assert clean_title("json — JSON encoder and decoder ¶") == "json — JSON encoder and decoder"
    assert clean_title("Installing the SDK #") == "Installing the SDK"
    assert clean_title("Learning C#") == "Learning C#"


def test_a_heading_printed_two_or_three_times_is_read_once() -> None:
    assert clean_title("The product system The product system The product system") == "The product system"
    assert clean_title("Mobile menu title Mobile menu title") == "Mobile menu title"
    assert clean_title("Bora Bora") == "Bora Bora"  # one repeated word is a name, not a copy
    assert clean_title("Fly me to the moon") == "Fly me to the moon"


def test_h1_in_the_site_header_is_a_candidate() -> None:
    html = page(
        "<title>Town Crier</title>",
        "<header><nav><a href='/'>Home</a></nav><h1>Council approves new park</h1></header>"
        f"<div class='body'>{STORY}</div>",
    )
    ctx = collect(LexborHTMLParser(html), DEEP_URL)
    cands, X = title_candidates(ctx, None, ["Town Crier"])
    by_key = {c.key: c for c in cands}
    cand = by_key[norm_key("Council approves new park")]
    assert "h1aux" in cand.full
    assert X.shape[0] == len(cands)


def test_header_h1_beats_a_bare_site_name_below_the_home_page() -> None:
    # The <title> only names the site; the headline is the h1 of the page's header.
    html = page(
        '<title>Town Crier</title><meta property="og:site_name" content="Town Crier">',
        "<header><h1>Council approves new park</h1></header>"
        f"<div class='body'>{STORY}</div>",
    )
    m = meta_of(html, DEEP_URL)
    assert m["title"] == "Council approves new park"
    assert m["sources"]["title"]["from"] == "dom"


def test_styled_h1_gives_a_clean_title() -> None:
    html = page(
        "<title>The Cream with TFC8 Face Moisturizer - Augustinus Bader | Shop</title>",
        "<main><h1><style>.css-1a8e{cursor:pointer;font-weight:700;}</style>"
        ".css-1a8e{cursor:pointer;font-weight:700;} Augustinus Bader "
        ".css-wk2{white-space:pre-wrap;} The Cream with TFC8 Face Moisturizer</h1>"
        f"{STORY}</main>",
    )
    m = meta_of(html, "https://shop.example/product/the-cream")
    assert "{" not in m["title"] and "css" not in m["title"]
    assert m["title"].endswith("The Cream with TFC8 Face Moisturizer")


def test_chinese_title_separators_split_off_the_site_name() -> None:
    story = "<p>春田市议会周二晚以五比二的投票结果通过了下一财年的预算，结束了数周以来关于削减图书馆经费的争论。</p>" * 3
    for title in ("城市议会通过新预算_新闻中心_春田日报", "城市议会通过新预算--春田日报", "城市议会通过新预算｜春田日报"):
        html = page(f"<title>{title}</title>", f"<h1>城市议会通过新预算</h1>{story}", lang="zh-CN")
        assert meta_of(html, "https://news.example.cn/2024/03/12/budget.html")["title"] == "城市议会通过新预算", title
    # An underscore between Latin words is not a separator.
    html = page("<title>snake_case_names explained</title>", f"<h1>snake_case_names explained</h1>{STORY}")
    assert meta_of(html)["title"] == "snake_case_names explained"


def test_story_h1_beats_a_short_title_that_only_labels_the_section() -> None:
    # Older and smaller sites give every page the same <title>: "News", the section, the site
    # less its section. The story's h1 says what the page is; the confidence stays middling.
    story = f"<div class='menu'><a href='/'>Home</a> <a href='/news'>News</a></div><article><h1>Council approves new park</h1>{STORY}</article>"
    for title, url in (("News", None), ("Local News", DEEP_URL), ("Town Crier :: News", "https://www.towncrier.com/2024/park")):
        m = meta_of(page(f"<title>{title}</title>", story), url)
        assert m["title"] == "Council approves new park", title
        assert m["confidence"]["title"] < 0.9, title
    zh_story = "<p>春田市议会周二晚以五比二的投票结果通过了下一财年的预算，结束了数周以来关于削减图书馆经费的争论。</p>" * 3
    m = meta_of(page("<title>新闻</title>", f"<article><h1>城市议会通过新预算</h1>{zh_story}</article>", lang="zh-CN"))
    assert m["title"] == "城市议会通过新预算"


def test_a_short_title_that_shares_words_with_the_h1_is_not_overruled() -> None:
    # "Parks" names the h1's subject, and a two-word h1 is no headline to prefer: both stay
    # with the learned chooser, which takes the <title> on such pages.
    for title, h1 in (("Parks", "Council approves new parks budget"), ("Town Crier", "Our parks")):
        body = f"<article><h1>{h1}</h1>{STORY}</article>"
        picked = meta_of(page(f"<title>{title}</title>", body))["title"]
        assert picked == title, (title, picked)


OLD_PAGE = """<table><tr><td class=nav><a href=/>Home</a> | <a href=/local>Local</a> | <a href=/sports>Sports</a></td></tr>
<tr><td><h2 class=headline>Council votes to close Main Street pool for repairs</h2>
<div class=byline>By Jane Smith, Staff Writer</div>{story}</td></tr>
<tr><td>Copyright 2010 Springfield Gazette. All rights reserved.</td></tr></table>"""


def test_an_older_pages_h2_headline_beats_a_title_that_names_the_site_or_section() -> None:
    # No h1: the <title> "Site - Section" was all the chooser saw. Its pick names the site
    # (in the copyright line) or the section (a menu link); the story's heading is the title.
    html = page("<title>Springfield Gazette - Local</title>", OLD_PAGE.format(story=STORY))
    kept = list(range(1, 5))  # the heading, byline and story; not the menu or the notice
    for url in (None, "http://www.springfieldgazette.com/news/local/article_4f2a.html",
                "http://www.sj-gazette.com/news/local/article_4f2a.html"):
        m = meta_of(html, url, kept=kept, page_type="article")
        assert m["title"] == "Council votes to close Main Street pool for repairs", url
        assert m["confidence"]["title"] <= 0.6


def test_a_short_title_that_is_no_label_beats_a_heading_in_the_post() -> None:
    # A thread titled "Plugin Recommendations?" whose post opens with a heading of its own.
    html = page(
        "<title>Plugin Recommendations? - Help - Obsidian Forum</title>",
        "<div><a href='/c/help'>Help</a></div><div class=post><h3>What I am trying to do here</h3>"
        f"{STORY}</div>",
    )
    m = meta_of(html, "https://forum.obsidian.md/t/plugin-recommendations/123", kept=[1, 2, 3], page_type="forum")
    assert m["title"] == "Plugin Recommendations?"


def test_a_hosted_blogs_name_is_its_subdomain() -> None:
    # On blogspot.com, wordpress.com, substack.com... the site is the subdomain: the blog's name
    # in the header h1 and in "Garden Notes: Planting day" is the site, the post's h3 the title.
    body = ("<div class='header'><h1><a href='/'>Garden Notes</a></h1></div><div class='post'>"
            f"<h3 class='post-title'><a href='/2010/05/planting-day.html'>Planting day</a></h3>{STORY}</div>")
    for url in ("http://gardennotes.blogspot.com/2010/05/planting-day.html",
                "https://gardennotes.wordpress.com/2010/05/15/planting-day/"):
        m = meta_of(page("<title>Garden Notes: Planting day</title>", body), url)
        assert (m["title"], m["site_name"]) == ("Planting day", "Garden Notes"), url


def test_a_logo_h1_named_like_the_address_is_not_the_title_and_a_blogs_post_line_gives_the_author() -> None:
    # An older blog theme: the site's name in the h1 (with "The" before the address's name),
    # the post's headline in an h2, "Filed under ... by ..." without a date.
    body = (
        '<div id="header"><h1 id="logo"><a href="/">The Hill Country Review</a></h1></div>'
        '<div class="post"><h2 class="title">Ranchers brace for a dry winter</h2>'
        '<div class="meta">Filed under <a href="/news">News</a> by Carl Jensen | 3 Comments</div>'
        f'<div class="entry">{STORY}</div></div>'
    )
    head = "<title>The Hill Country Review | Ranchers brace for a dry winter</title>"
    m = meta_of(page(head, body), "http://www.hillcountryreview.com/news/2009/11/ranchers-brace-dry-winter.html")
    assert (m["title"], m["authors"], m["site_name"]) == (
        "Ranchers brace for a dry winter", ["Carl Jensen"], "The Hill Country Review"
    )
    # Without the address, the h1's one link to the home page says it is the site's logo.
    assert meta_of(page(head, body), None)["title"] == "Ranchers brace for a dry winter"
    # An h1 linking elsewhere (the story's own permalink) is no logo.
    story_h1 = body.replace('<h1 id="logo"><a href="/">The Hill Country Review</a></h1>', "").replace(
        '<h2 class="title">Ranchers brace for a dry winter</h2>',
        '<h1><a href="/2009/11/ranchers-brace-dry-winter.html">Ranchers brace for a dry winter</a></h1>',
    )
    assert meta_of(page(head, story_h1), None)["title"] == "Ranchers brace for a dry winter"
