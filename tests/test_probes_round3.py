"""Pages written by hand after the fashion of older blog engines, newsrooms of the 2000s and
news sites in other languages: each case is a page that newsmill read wrongly before."""

from __future__ import annotations

import numpy as np
from metadata_helpers import STORY, meta_of, page
from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.assemble import (
    _drop_comment_tail,
    _drop_facet_runs,
    _is_furniture_line,
    _keep_editors_notes,
    is_widget_line,
)
from newsmill.meta.authors import split_byline
from newsmill.segment import Block, segment

PARAS = [
    "The Cedar Flats town council on Monday night approved a $4.6 million budget for the coming year "
    "that keeps the public library open on Sundays, reversing a proposal from April.",
    "To make up the difference, the council voted 4-1 to cut the number of times town crews mow the "
    "parks and road shoulders from every two weeks to every three.",
    "The library decision came after a petition signed by more than 600 residents and a packed public "
    "hearing in May at which most of the speakers were parents or retirees.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAS)

# WordPress's classic default theme: the blog's name in an h1 linking home, the post's title in
# an h2, "Site » Blog Archive » Post" in <title>, and the date only in the closing paragraph.
KUBRICK = f"""<html><head><title>Cedar Flats Dispatch  &raquo; Blog Archive   &raquo; Budget keeps
library open Sundays</title></head><body><div id="page"><div id="header"><h1><a
href="http://cedarflatsdispatch.org/">Cedar Flats Dispatch</a></h1></div>
<div id="content" class="narrowcolumn"><div class="post" id="post-412">
<h2>Budget keeps library open Sundays</h2><small>by Ellen Marsh</small>
<div class="entry">{BODY}</div>
<p class="postmetadata alt"><small>This entry was posted on Tuesday, June 2nd, 2009 at 7:45 am and is
filed under <a href="/category/town-council/" rel="category tag">Town Council</a>. You can follow any
responses to this entry through the <a href="/feed/">RSS 2.0</a> feed. You can leave a response, or
trackback from your own site.</small></p></div></div></div></body></html>"""


def test_wordpress_blog_archive_label_is_not_the_title_and_the_closing_line_dates_the_post() -> None:
    art = extract(KUBRICK)
    assert art.title == "Budget keeps library open Sundays"
    assert art.site_name == "Cedar Flats Dispatch"
    assert (art.published or "").startswith("2009-06-02T07:45")


def test_a_title_split_at_a_double_hyphen() -> None:
    html = page("<title>GridironWeekly.com -- Mossbrook's quiet genius</title>",
                f"<h2>Mossbrook's quiet genius</h2>{STORY}<p>Copyright 2001 Gridiron Weekly Inc.</p>")
    meta = meta_of(html, None)
    assert meta["title"] == "Mossbrook's quiet genius"
    assert meta["site_name"] == "GridironWeekly.com"


def test_posted_by_line_of_movable_type() -> None:
    raw = "Posted by Rachel Odum at March 3, 2005 09:14 AM | Permalink"
    assert split_byline(raw) == ["Rachel Odum"]
    assert split_byline("Posted by: Walt K. at March 3, 2005 10:02 AM") == ["Walt K"]


def test_the_papers_name_before_a_staff_role_is_not_part_of_the_name() -> None:
    assert split_byline("By Gerald Vance Courier Staff Writer") == ["Gerald Vance"]
    assert split_byline("By Talia Brooks and Marcus Feld Sentinel staff writers") == ["Talia Brooks", "Marcus Feld"]
    assert split_byline("By Ann Lee Staff Writer") == ["Ann Lee"]


def test_an_outlet_after_the_reporter_is_not_a_second_author() -> None:
    assert split_byline("By Sofia Arancibia, The Highland Dispatch") == ["Sofia Arancibia"]
    # What a site goes by, alone, stays what it was (an organisation's byline).
    assert split_byline("By The Currency editors") != []


def test_sentences_and_shop_labels_are_not_bylines() -> None:
    text = "By allowing for fluid transitions between sitting and standing, this desk helps you move."
    assert split_byline(text) == []
    assert split_byline("Authorized Dealer", strict=True) == []
    assert split_byline("by lingling") == ["lingling"]  # a handle that ends in "ing"


def test_a_shoppers_review_does_not_name_the_product_pages_author() -> None:
    reviews = (
        '<div class="jdgm-rev-widg"><div class="jdgm-rev"><span class="jdgm-rev__author">Dana P.</span>'
        "<p>Great sheets, soft after one wash.</p></div></div>"
    )
    html = page('<meta property="og:type" content="product">', f"<h1>Linen sheet set</h1>{STORY}{reviews}")
    # The heading and the story are kept; the reviews, as on a product page, are not.
    meta = meta_of(html, "https://shop.example.com/products/linen-sheets", kept=[0, 1, 2], page_type="product")
    assert meta.get("authors", []) == []


def test_a_republication_note_does_not_date_the_page() -> None:
    url = "https://courier.example.org/environment/2024/05/19/drought-farmers-uphill"
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          f'"mainEntityOfPage":"{url}","headline":"Drought pushes farmers uphill",'
          '"datePublished":"2024-05-19T09:30:00-07:00","dateModified":"2024-05-20T16:05:00-07:00"}</script>')
    # Its class says "republish": no label of this page's own publication.
    note = ('<div class="article_republish__Hy"><p><em>This article originally appeared on '
            '<a href="https://dispatch.example.org/">The Highland Dispatch</a> on May 17, 2024, and is '
            "republished here under a Creative Commons license.</em></p></div>")
    body = (f'<main><h1>Drought pushes farmers uphill</h1><div class="article_date"><span>May 19, 2024</span></div>'
            f'<div class="article_body">{STORY}</div>{note}</main>')
    assert meta_of(page(ld, body), url)["published"].startswith("2024-05-19")


def test_site_name_from_the_title_when_the_copyright_names_the_publisher() -> None:
    html = page("<title>Valley Courier Online: Mill closing leaves 340 jobless</title>",
                f"<h2>Mill closing leaves 340 jobless</h2>{STORY}"
                "<p>Copyright &copy; 1999 Valley Courier Publishing Co. All rights reserved.</p>")
    assert meta_of(html, None)["site_name"] == "Valley Courier Online"
    zh = page("<title>临川市首座零碳图书馆开馆 屋顶光伏满足全年用电_江南日报网</title>",
              "<h1>临川市首座零碳图书馆开馆 屋顶光伏满足全年用电</h1><p>" + "临川市图书馆今天正式开馆。" * 8 + "</p>"
              "<p>版权所有 © 江南日报社 未经授权禁止转载</p>", lang="zh")
    assert meta_of(zh, None)["site_name"] == "江南日报网"


def test_a_japanese_reporters_label_before_the_name() -> None:
    html = page("<title>自動運転バス、来春から本格運行へ</title>",
                '<h1>自動運転バス、来春から本格運行へ</h1><span class="byline">記者 佐藤美咲</span>'
                "<p>" + "湊川市は自動運転バスの通年運行を始めると発表した。" * 6 + "</p>", lang="ja")
    assert meta_of(html)["authors"] == ["佐藤美咲"]


def test_story_tool_rows_of_older_pages_are_widget_lines() -> None:
    assert is_widget_line("[ Printer-friendly format | E-mail this column | Discuss this on the message boards ]")
    assert is_widget_line("Printer-friendly version | E-mail this story | Write a letter to the editor")
    assert not is_widget_line("Discuss this with your doctor before you change the dose.")


def _block(text: str, link_chars: int = 0) -> Block:
    return Block("p", text, text, 0, "p", chars=len(text), link_chars=link_chars)


def test_read_also_links_in_more_languages() -> None:
    for label, link in (("Baca juga: ", "Banjir Rendam 3 Kecamatan di Rawabening"),
                        ("　　延伸阅读：", "临川滨江新区今年新增公共文化设施12处")):
        assert _is_furniture_line(_block(label + link, len(link))), label
    assert is_widget_line("Haberin Devamı")


def test_a_correction_set_just_under_the_story_body_is_kept() -> None:
    note = ("Correction, Oct. 15, 2026: An earlier version of this article gave the wrong year for the "
            "land trust agreements. They were signed in 2025, not 2024.")
    html = (f'<html><body><article><div class="body">{BODY}</div><p class="sc-correction"><em>{note}</em></p>'
            '<section><h2>Recommended for you</h2><p>Who owns the water under the valley? A look at the '
            "rights that decide each farm's fate this year.</p></section></article></body></html>")
    seg = segment(LexborHTMLParser(html).body)
    keep = np.array([b.text in PARAS for b in seg.blocks])
    body = seg.elems[seg.blocks[0].elem].parent
    _keep_editors_notes(seg, keep, seg.elems[body])
    kept = [seg.blocks[i].text for i in np.flatnonzero(keep)]
    assert note in kept
    assert not any("water under the valley" in t for t in kept)  # past the next heading


def test_a_blog_comment_section_without_a_comment_class_ends_the_story() -> None:
    html = ("<html><body><div id='content'>" + BODY * 2 +
            "<h2 id='trackbacks'>TrackBack</h2><p>TrackBack URL for this entry: http://example.net/tb/413</p>"
            "<h2>Comments</h2><p>Bruno fixed my capo with a paper clip in 1983.</p>"
            "<p>Posted by: Walt K. at March 3, 2005 10:02 AM</p></div></body></html>")
    blocks = segment(LexborHTMLParser(html).body).blocks
    out = _drop_comment_tail(blocks, list(range(len(blocks))))
    texts = [blocks[i].text for i in out]
    assert texts == PARAS * 2
    # On a page taken for a thread, "Comments" may head the replies: only the blog engine's own
    # headings ("TrackBack") end the story there.
    assert [blocks[i].text for i in _drop_comment_tail(blocks, list(range(len(blocks))), forum=True)] == PARAS * 2
    thread = segment(LexborHTMLParser("<body>" + BODY * 2 + "<h2>Comments</h2><p>A reply.</p></body>").body).blocks
    assert len(_drop_comment_tail(thread, list(range(len(thread))), forum=True)) == len(thread)
    # A short note before such a heading is no story to end: nothing is dropped.
    short = segment(LexborHTMLParser("<body><p>Thanks all.</p><h2>Comments</h2><p>A reply.</p></body>").body).blocks
    assert len(_drop_comment_tail(short, list(range(len(short))))) == len(short)


def test_an_old_pages_comment_heading_in_font_tags_ends_the_story_too() -> None:
    # The same blog set in old markup: its "Comments" heading a <font size=4><b> line.
    html = ("<html><body><div id='content'>" + BODY * 2 +
            "<font size=4><b>Comments</b></font><br>Bruno fixed my capo with a paper clip in 1983.<br><br>"
            "Posted by: Walt K. at March 3, 2005 10:02 AM<br><br></div></body></html>")
    blocks = segment(LexborHTMLParser(html).body).blocks
    assert [blocks[i].text for i in _drop_comment_tail(blocks, list(range(len(blocks))))] == PARAS * 2


def _news_page(n_stories: int) -> str:
    items = ",".join(
        f'{{"@type":"NewsArticle","headline":"Story {k}","datePublished":"2024-05-0{k + 1}T09:00:00Z"}}'
        for k in range(n_stories)
    )
    ld = f'<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{items}]}}</script>'
    return page(ld, f"<h1>Budget keeps library open Sundays</h1>{BODY}")


def test_a_page_declaring_one_news_story_is_an_article(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsmill.pipeline as pipeline

    monkeypatch.setattr(pipeline.pagetype, "classify", lambda *a, **k: ("listing", 0.4))
    art = extract(_news_page(1), url="https://news.example.com/local/2024/05/01/library")
    assert (art.page_type, art.page_type_confidence) == ("article", 0.9)
    # A section front declares many stories: the model's type stands.
    assert extract(_news_page(3), url="https://news.example.com/local/").page_type == "listing"


def _li(text: str, linked: bool = True) -> Block:
    return Block("li", text, text, 0, "li", chars=len(text), link_chars=len(text) if linked else 0)


def test_a_filter_panels_options_and_magento_pager_lines_leave() -> None:
    for line in ("You're currently reading page 1", "Page 3", "Items 1-12 of 41"):
        assert is_widget_line(line), line
    facets = [_li(t) for t in ("Cast iron 9 items", "Stoneware 11 items", "Glass 6 items", "Cotton (14)")]
    cards = [_li("Hokuto Cast Iron Teapot 0.8L"), _li("$46.00", linked=False)]
    blocks = cards + facets
    assert _drop_facet_runs(blocks, list(range(len(blocks)))) == [0, 1]
    # Two in a row are no panel; titles that end in a year are no counts.
    assert _drop_facet_runs(facets[:2], [0, 1]) == [0, 1]
    years = [_li(f"The Best {w} Franchises of 2024") for w in ("Restaurant", "Burger", "Gym")]
    assert _drop_facet_runs(years, [0, 1, 2]) == [0, 1, 2]


def test_shop_and_form_builder_buttons_are_widget_lines() -> None:
    for line in ("People who viewed this item also viewed", "Notify Me When Back in Stock", "Current price",
                 "Oops! Something went wrong while submitting the form.", "Show child attributes",
                 "Save this event", "Refine your results"):
        assert is_widget_line(line), line
    assert not is_widget_line("People who viewed the eclipse from the hill said it lasted four minutes.")


# Drupal 8's Bartik theme: the page title in a block of its own, the node (classed
# "node--promoted", promoted to the front page) holding the "Submitted by" line and the body.
DRUPAL = f"""<html lang="en"><head><title>Council approves river trail | Millbrook Gazette</title></head><body>
<div class="dialog-off-canvas-main-canvas"><header role="banner"><a href="/" rel="home">Millbrook Gazette</a></header>
<main id="content" class="column main-content" role="main"><div class="region region-content">
<div id="block-bartik-page-title" class="block block-core block-page-title-block"><div class="content">
<h1 class="title page-title"><span>Council approves river trail</span></h1></div></div>
<div id="block-bartik-content" class="block block-system block-system-main-block"><div class="content">
<article role="article" class="node node--type-article node--promoted node--view-mode-full">
<header class="node__header"><div class="node__meta"><span>Submitted by <span rel="schema:author"><span
property="schema:name">Helen Fairbanks</span></span> on <span property="schema:dateCreated"
content="2024-03-12T21:35:08+00:00">Tue, 03/12/2024 - 14:35</span></span></div></header>
<div class="node__content clearfix"><div class="field field--name-body">{BODY}</div></div></article>
</div></div></div></main></div></body></html>"""


def test_drupal_submitted_line_names_author_and_date_inside_a_promoted_node() -> None:
    art = extract(DRUPAL, url="https://millbrookgazette.example.com/news/council-approves-river-trail")
    assert art.authors == ["Helen Fairbanks"]
    assert (art.published or "").startswith("2024-03-12")


def test_blogger_is_not_the_blogs_name() -> None:
    ld = ('<script type="application/ld+json">{"@context":"http://schema.org","@type":"BlogPosting",'
          '"headline":"The old spur line to Hadley","publisher":{"@type":"Organization","name":"Blogger"}}</script>')
    html = page(ld, '<header><h1 class="title"><a href="https://branchline.blogspot.com/">Branch Line Ramblings</a>'
                f"</h1></header><h3 class='post-title'>The old spur line to Hadley</h3>{STORY}")
    assert meta_of(html, "https://branchline.blogspot.com/2024/03/old-spur-line.html")["site_name"] == "Branch Line Ramblings"


def test_mediawiki_edit_links_and_the_articles_subject() -> None:
    html = ("<html><head><title>Velmora Lighthouse - Coastpedia</title></head><body>"
            '<h1 id="firstHeading">Velmora Lighthouse</h1><div id="mw-content-text">'
            "<p><b>Velmora Lighthouse</b> is an active lighthouse on Skarn Point, at the northern entrance to "
            "Velmora Fjord. Completed in 1857, the granite tower is the tallest on the coast.</p>"
            '<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">'
            '<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit">edit</a>'
            '<span class="mw-editsection-bracket">]</span></span></h2>' + BODY + "</div></body></html>")
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert "History" in texts and not any("[edit]" in t for t in texts)
    assert meta_of(html, None).get("authors", []) == []


def test_more_furniture_lines() -> None:
    assert is_widget_line("Top highlight")
    assert _is_furniture_line(_block("Te recomendamos: Frente frío 15 provocará heladas", 40))
    assert _is_furniture_line(_block("Foto: Elbtal-Anzeiger/Hinrichs"))


def test_bylines_in_other_languages_classes_and_stamps() -> None:
    html = page("<title>Los regantes piden agua</title>", '<h1>Los regantes piden agua</h1><p class="meta">'
                '<span class="autor">Lucía Márquez Ortega</span></p>' + STORY, lang="es")
    assert meta_of(html)["authors"] == ["Lucía Márquez Ortega"]
    assert split_byline("Por Lucía Márquez Ortega Publicado") == ["Lucía Márquez Ortega"]
    assert split_byline("Av Erik Lindqvist Publicerad") == ["Erik Lindqvist"]


def test_quotes_are_read_on_dated_pages_typed_service(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsmill.pipeline as pipeline

    monkeypatch.setattr(pipeline.pagetype, "classify", lambda *a, **k: ("service", 0.4))
    body = BODY + '<p>"We have people filling out job applications on Sunday," said Joan Whitlock, the director.</p>'
    dated = page('<meta property="article:published_time" content="2024-03-12T09:00:00Z"><title>Budget</title>',
                 f"<h1>Budget keeps library open</h1>{body}")
    art = extract(dated)
    assert art.page_type == "service" and art.published
    assert [q.speaker for q in art.quotes] == ["Joan Whitlock"]
    # An undated service page (its testimonials) is not read for speech: it would pay for nothing.
    undated = extract(page("<title>Budget</title>", f"<h1>Budget keeps library open</h1>{body}"))
    assert undated.page_type == "service" and not undated.published and undated.quotes == []


def test_guillemets_quoting_words_in_a_title_are_not_separators() -> None:
    from newsmill.meta.title import _SEP, site_from_title

    head = "Lago di Como, arrivano i battelli elettrici: «Emissioni dimezzate entro il 2030» - Cronache del Lario"
    assert site_from_title(head, "Lago di Como, arrivano i battelli elettrici: «Emissioni dimezzate entro il 2030»") == (
        "Cronache del Lario"
    )
    assert _SEP.split("Site » Section » Title") == ["Site", "Section", "Title"]
    assert _SEP.split("»Wir hatten Glück« - Feuer - Zeitung") == ["»Wir hatten Glück«", "Feuer", "Zeitung"]
    assert _SEP.split("« Le texte » - Le Site") == ["« Le texte »", "Le Site"]


def test_the_title_part_the_story_opens_with() -> None:
    html = page("<title>Elbtal-Anzeiger Online - Lokales - Großbrand in Lagerhalle: Zwei Millionen Euro Schaden</title>",
                '<table><tr><td><span class="headline"><b>Großbrand in Lagerhalle: Zwei Millionen Euro Schaden</b>'
                f"</span></td></tr></table>{STORY}<p>Copyright 2008 Elbtal-Anzeiger</p>", lang="de")
    meta = meta_of(html, None)
    assert meta["title"] == "Großbrand in Lagerhalle: Zwei Millionen Euro Schaden"


def test_bylines_of_chinese_korean_arabic_and_german_papers() -> None:
    assert split_byline("2012年03月14日 10:22 来源：钱江晚报 作者：王晓燕 大 中 小") == ["王晓燕"]
    assert split_byline("김민수 기자 minsu@hanbitnews.co.kr") == ["김민수"]
    assert split_byline("كتب - محمود عبد الرحمن الثلاثاء 22 مايو 2007 - 13:40") == ["محمود عبد الرحمن"]
    assert split_byline("Von Katrin Behrens, Leipzig") == ["Katrin Behrens"]
    assert split_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    html = page("<title>افتتاح أول مكتبة رقمية</title>", "<h1>افتتاح أول مكتبة رقمية</h1>"
                "<p>كتب - محمود عبد الرحمن</p><p>" + "افتتحت محافظة الغربية أمس أول مكتبة رقمية عامة في المدينة. " * 5 + "</p>",
                lang="ar")
    assert meta_of(html)["authors"] == ["محمود عبد الرحمن"]


def test_times_after_a_weekday_and_in_japanese() -> None:
    from newsmill.meta.dates import find_dates

    (dv, _a, _b), = find_dates("14 Mart 2012 Çarşamba 10:22")
    assert (dv.day.isoformat(), dv.hour, dv.minute) == ("2012-03-14", 10, 22)
    (dv, _a, _b), = find_dates("2009年11月27日18時5分")
    assert (dv.day.isoformat(), dv.hour, dv.minute) == ("2009-11-27", 18, 5)
    (dv, _a, b), = find_dates("June 2, 2009 Tuesday")
    assert dv.hour is None and b == len("June 2, 2009")  # a weekday alone is no time


def test_editor_credit_and_related_heading_in_chinese_and_korean() -> None:
    assert is_widget_line("（责任编辑：李明）")
    assert is_widget_line("관련기사")


def test_a_key_value_table_marked_presentation_is_still_data() -> None:
    html = ('<html><body><table id="productDetails" role="presentation"><tr><th>Brand</th><td>Brindlewood</td></tr>'
            "<tr><th>Capacity</th><td>0.5 Liters</td></tr><tr><th>Item Weight</th><td>2.6 Pounds</td></tr></table>"
            '<table class="variations" role="presentation"><tr><th>Size</th><td><select><option>Small</option>'
            "</select></td></tr><tr><th>Period</th><td><select><option>1-3 Days</option></select></td></tr></table>"
            "</body></html>")
    blocks = segment(LexborHTMLParser(html).body).blocks
    rows = [b.text for b in blocks if b.kind == "row"]
    assert rows == ["Brand | Brindlewood", "Capacity | 0.5 Liters", "Item Weight | 2.6 Pounds"]


def test_a_table_of_one_cell_a_row_wraps_content() -> None:
    # GitHub sets each comment's body in <table class="d-block"><tr><td class="comment-body">.
    html = ('<html><body><table class="d-block"><tbody><tr><td class="d-block comment-body">'
            "<p>Same here on Windows 11. VS Code writes to a temp file and renames it over the original.</p>"
            "</td></tr></tbody></table></body></html>")
    blocks = segment(LexborHTMLParser(html).body).blocks
    assert [b.kind for b in blocks] == ["p"]


def test_thread_furniture_invision_signatures_and_mail_archives() -> None:
    from newsmill.assemble import _in_signature
    from newsmill.meta.dates import find_dates

    html = ('<html><body><div class="cPost_contentWrap"><div data-role="commentContent"><p>Check the pads first, '
            "they glaze when you ride the brakes down long hills.</p></div>"
            '<div data-role="memberSignature" class="ipsResponsive_hidePhone"><p>If it ain\'t broke, you haven\'t '
            "added enough aftermarket parts yet.</p></div></div></body></html>")
    seg = segment(LexborHTMLParser(html).body)
    assert [_in_signature(seg.elems, b.elem) for b in seg.blocks] == [False, True]
    assert is_widget_line("Previous message: [Tidewater-dev] Proposal: deprecate implicit string coercion in format()")
    assert is_widget_line("Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]")
    (dv, _a, _b), = find_dates("Tue Mar  8 14:02:11 EST 2011")
    assert (dv.day.isoformat(), dv.hour, dv.minute, dv.offset) == ("2011-03-08", 14, 2, -300)


STORY_P = (
    "<p>All four municipal pools in Harbor Falls will open at 9 a.m. instead of 11 a.m. through Thursday "
    "while a heat warning remains in effect, the parks department said in a statement on Monday.</p>"
)


def _kept_texts(html: str, page_type: str = "article") -> list[str]:
    from newsmill.assemble import select

    seg = segment(LexborHTMLParser(html).body)
    probs = np.ones(len(seg.blocks))  # the model kept everything: what does assembly leave?
    return [seg.blocks[i].text for i in select(seg, probs, 0.5, page_type)]


def test_long_comments_under_a_short_story_still_end_it() -> None:
    comments = "".join(f"<div><p>reader{k} says:</p><p>I remember the post office on Main Street well, it was "
                       f"where I mailed my first letter to my sister in {1950 + k}.</p></div>" for k in range(30))
    html = f"<html><body><article>{STORY_P}{BODY}<h3>30 Responses to “Residents pack hearing”</h3>{comments}</article></body></html>"
    assert _kept_texts(html)[1:] == PARAS


def test_the_next_story_an_endless_page_loads_is_not_this_one() -> None:
    second = ("<article class='nt-article'><h1>Northgate school district weighs four-day week</h1>"
              "<p>The Northgate School District is considering a four-day school week to fill teacher gaps.</p></article>")
    html = f"<html><body><article class='nt-article'><h1>Budget keeps library open</h1>{STORY_P}{BODY}</article>{second}</body></html>"
    texts = _kept_texts(html)
    assert texts[0] == "Budget keeps library open" and not any("Northgate" in t for t in texts)


def test_rails_and_teasers_outside_the_story_leave() -> None:
    rail = ("<aside class='right-rail'><h3>Most read</h3><p>Neighbors say the six-story building would block harbor "
            "views, while the developer argues the city needs rental housing.</p></aside>")
    grid = ("<section class='related-grid'><div class='card'><p>Farm labor contractors say visa delays could leave "
            "orchards short of pickers in June, just as the harvest peaks.</p></div></section>")
    html = f"<html><body><main><article>{STORY_P}{BODY}</article>{rail}{grid}</main></body></html>"
    texts = _kept_texts(html)
    assert texts[-len(PARAS):] == PARAS and not any("Neighbors" in t or "Farm labor" in t for t in texts)
    # No story in an <article> of its own: nothing is taken for a rail.
    assert any("Neighbors" in t for t in _kept_texts(f"<html><body>{STORY_P}{rail}</body></html>"))


def test_a_related_links_date_does_not_beat_the_date_the_page_shows() -> None:
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"headline":"Bakery saved by villagers","datePublished":"2024-05-20T05:12:44.000Z",'
          '"dateModified":"2024-05-21T14:03:17.000Z"}</script>')
    body = ('<article><h1>Bakery saved by villagers</h1><div><span>20 May 2024</span></div>' + STORY +
            '<section data-component="links-block"><h2>More on this story</h2><ul><li><a href="/news/bakery-close">'
            "Village bakery to close after 140 years</a><div>Published<time datetime=\"2024-02-12\">12 February 2024"
            "</time></div></li></ul></section></article>")
    assert meta_of(page(ld, body))["published"].startswith("2024-05-20")


def test_broadcasters_and_wire_furniture_lines() -> None:
    for line in ("The Daily Briefing newsletter provides all the news you need to start your day. Sign up here.",
                 "The NBC is not responsible for the content of external sites.",
                 "For the latest news, weather, sports, and streaming video, head to WKTX 7 News.",
                 "You may also be interested in", "More on this story",
                 "Follow BBC Cornwall on X, Facebook and Instagram."):
        assert is_widget_line(line), line
    assert not is_widget_line("To read the full report from the inspectors, click here.")
    assert not is_widget_line("Follow the river on foot for two miles.")
    assert _is_furniture_line(_block("Credit: Jamie Folds/SWNS"))


def test_the_outlet_a_byline_was_written_for_is_not_the_name() -> None:
    from newsmill.meta.authors import clean_names

    # As the page's author meta gives it: no "By" to start a byline's reading.
    assert clean_names(["Gemma Pritchard For Mailonline"], strict=False, orgs=set()) == ["Gemma Pritchard"]
    assert split_byline("By Jane Forbes") == ["Jane Forbes"]


def test_an_author_bio_counts_when_the_story_has_no_headline() -> None:
    from newsmill.meta.nearhead import author_box

    html = ("<html><body>" + BODY + "<p>Julia Gralberg</p><p>Julia Gralberg is a freelance travel writer and the "
            "editor of a hotel guide. When she isn't busy testing hotel beds you'll find her on her yoga mat.</p>"
            "</body></html>")
    seg = segment(LexborHTMLParser(html).body)
    name = next(i for i, b in enumerate(seg.blocks) if b.text == "Julia Gralberg")
    # With no headline found, the anchor is a block of the story, here the name's own line:
    # a bio that names it is the author's, not the article's subject.
    assert author_box(seg, set(), name)[0][0] == ["Julia Gralberg"]
