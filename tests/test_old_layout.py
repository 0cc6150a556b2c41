"""Pages of the table-and-<br> era: layout tables are walked as layout, <br><br> ends a paragraph."""

from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.segment import Block, segment

P1 = (
    "SPRINGFIELD -- The city council voted 5-2 on Tuesday night to approve a budget of $48 million "
    "for the coming fiscal year, ending weeks of debate over cuts to the library and parks departments."
)
P2 = (
    'Mayor Jane Doe said the budget was "the best we could do in a difficult year," adding that the '
    "city had avoided layoffs by freezing hiring and delaying road repairs until next spring."
)
P3 = (
    "Council member Bob Brown, who voted against the plan, said the library cuts would hurt families "
    "who depend on the branch for internet access during the week and on weekends."
)

OLD_PAGE = f"""<html><head><title>Council approves budget - Springfield Gazette</title></head>
<body><table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><font size="1"><a href="/">Home</a> | <a href="/news">News</a> |
<a href="/sports">Sports</a></font></td></tr>
<tr><td width="150" valign="top"><font size="2"><b>Sections</b><br><a href="/local">Local</a><br>
<a href="/world">World</a><br><a href="/business">Business</a></font></td>
<td valign="top"><font size="4"><b>Council approves budget</b></font><br><br>
<font size="2">{P1}<br><br>
{P2}<br>
<br>
{P3}</font></td></tr>
<tr><td colspan="2"><font size="1">Copyright 2008 Springfield Gazette.</font></td></tr>
</table></body></html>"""


def _blocks(html: str) -> list[Block]:
    return segment(LexborHTMLParser(html).body).blocks


def test_a_layout_table_is_not_read_as_rows_and_blank_lines_end_paragraphs() -> None:
    blocks = _blocks(OLD_PAGE)
    texts = [b.text for b in blocks]
    # Each paragraph is a block of its own, not one "row" joining menu, story and footer.
    assert P1 in texts and P2 in texts and P3 in texts
    assert "row" not in {b.kind for b in blocks}
    assert not any("Sections" in t and "SPRINGFIELD" in t for t in texts)


def test_old_page_story_comes_out_in_paragraphs() -> None:
    art = extract(OLD_PAGE, url="http://www.springfieldgazette.example/news/2008/03/12/budget.html")
    paras = art.markdown.split("\n\n")
    for p in (P1, P2, P3):
        assert p in paras
    assert paras.index(P1) < paras.index(P2) < paras.index(P3)


def test_a_data_table_is_still_rows() -> None:
    html = (
        "<html><body><table><tr><th>Model</th><th>Range</th></tr>"
        "<tr><td>Kqi3 Max</td><td>29.8 miles</td></tr><tr><td>Ninebot G2</td><td>34 miles</td></tr>"
        "</table></body></html>"
    )
    assert [b.text for b in _blocks(html) if b.kind == "row"] == [
        "Model | Range", "Kqi3 Max | 29.8 miles", "Ninebot G2 | 34 miles",
    ]


def test_a_long_cell_or_a_presentation_role_makes_a_layout_table() -> None:
    story = " ".join([P1, P2, P3])
    long_cell = f"<html><body><table><tr><td>Menu</td><td>{story}</td></tr></table></body></html>"
    assert not any(b.kind == "row" for b in _blocks(long_cell))
    presentation = (
        '<html><body><table role="presentation"><tr><td>Menu</td><td>Short story text here</td></tr>'
        "</table></body></html>"
    )
    assert not any(b.kind == "row" for b in _blocks(presentation))


def test_single_breaks_and_breaks_inside_links_or_code_do_not_split() -> None:
    html = (
        "<html><body><p>Line one of an address<br>Line two of the address</p>"
        '<p>See <a href="/x">the first part<br><br>and the second part</a> of the guide.</p>'
        "<p>Run <code>make<br><br>install</code> to finish the setup here.</p></body></html>"
    )
    texts = [b.text for b in _blocks(html)]
    assert texts == [
        "Line one of an address Line two of the address",
        "See the first part and the second part of the guide.",
        "Run make install to finish the setup here.",
    ]


HEADER_CELL = """<html><body><table><tr><td valign="top">
<font size="1"><a href="/news/">News</a> &gt; <a href="/news/local/">Local</a></font><br>
<font face="Georgia" size="5"><b>Bridge to close six weeks for repairs</b></font><br>
<font size="2"><b>By MARIA LOPEZ</b><br>Gazette Staff Writer</font><br><br>
<font size="2">{P1}<br><br>{P2}</font><br><br>
<font size="1">Copyright &copy; 2008 The Valley Gazette. All rights reserved. This material may not be
published, broadcast, rewritten or redistributed.</font></td></tr></table></body></html>"""


def test_styled_lines_of_a_story_cell_are_blocks_of_their_own() -> None:
    texts = [b.text for b in _blocks(HEADER_CELL.format(P1=P1, P2=P2))]
    # Breadcrumb, headline and byline were one block joined by single <br>s.
    assert "Bridge to close six weeks for repairs" in texts
    assert "News > Local" in texts
    assert "By MARIA LOPEZ" in texts
    assert P1 in texts and P2 in texts


def test_a_styled_first_line_inside_a_paragraph_does_not_split() -> None:
    html = "<html><body><p><b>Q:</b><br>Will the bridge close again next year for the railings?</p></body></html>"
    assert [b.text for b in _blocks(html)] == ["Q: Will the bridge close again next year for the railings?"]


def test_old_news_page_drops_crumbs_and_wire_notice_and_finds_its_quotes() -> None:
    html = HEADER_CELL.format(P1=P1, P2=P2)
    art = extract(html, url="http://www.valleygazette.example/news/local/2008/03/11/bridge.html")
    assert "News > Local" not in art.text
    assert "rewritten or redistributed" not in art.text and "All rights reserved" not in art.text
    assert P1 in art.text and P2 in art.text
    # Whatever type the page-type model gives such a page, a news quote is read.
    assert [q.speaker for q in art.quotes] == ["Jane Doe"]


def test_headline_in_large_type_is_the_title_when_the_page_has_no_h1() -> None:
    html = HEADER_CELL.format(P1=P1, P2=P2).replace(
        "<html><body>", "<html><head><title>Bridge to close six weeks for repairs - The Valley Gazette: "
        "Local news, sports and weather for the valley</title></head><body>",
    )
    art = extract(html)
    assert art.title == "Bridge to close six weeks for repairs"
    assert art.sources["title"]["from"] == "dom"


# A story cell of the 2000s: headline and dateline in styled lines, then tools and a photo
# credit before the story (and no address that would give the date).
DATELINE_PAGE = """<html><head><title>Bridge to close six weeks for repairs - The Valley Gazette</title></head>
<body><table><tr><td valign="top">
<font size="5"><b>Bridge to close six weeks for repairs</b></font><br>
<font size="2">March 11, 2008</font><br><br>
<div><a href="/email">Email this story</a></div><div><a href="/print">Print this story</a></div>
<div>Photo: Valley Gazette staff</div><div>Font size: <a href="#">A</a> <a href="#">A</a></div>
<div>Reader comments: 3</div><div>Most read stories in Local this week</div>
<font size="2">{P1}<br><br>{P2}<br><br>{P3}</font>
</td></tr></table></body></html>"""


def test_dateline_under_a_styled_headline_is_found_past_the_story_tools() -> None:
    art = extract(DATELINE_PAGE.format(P1=P1, P2=P2, P3=P3))
    assert P1 in art.text
    assert art.published == "2008-03-11"
    assert art.sources["published"]["from"] == "text"


def test_story_tools_with_the_reporters_address_and_a_related_stories_run_leave_the_story() -> None:
    import numpy as np

    from newsmill import assemble

    html = (
        f"<html><body><table><tr><td><font size=2>{P1}<br><br>{P2}<br><br>"
        "<a href='mailto:js@example.com'>E-mail John Smith</a> | <a href='/p'>Print this story</a> | "
        "<a href='/e'>E-mail this story</a><br><br><b>Related stories:</b><br>"
        "<a href='/a'>School board to discuss budget cuts</a><br><a href='/b'>Parents rally for Elm Street</a>"
        "</font></td></tr></table></body></html>"
    )
    seg = segment(LexborHTMLParser(html).body)
    # Even when the model keeps every line, the tools and the other stories' links leave.
    kept = [seg.blocks[i].text for i in assemble.select(seg, np.full(len(seg.blocks), 0.9), 0.5, "article")]
    assert kept == [P1, P2]
    assert assemble.is_widget_line("Email this story | Printer-friendly version")
    assert not assemble.is_widget_line("Email marketing tips for small shops")
