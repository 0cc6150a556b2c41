"""Plain text keeps the structure a reader sees: list items are bulleted, one per line."""

from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.render import render_text
from newsmill.segment import Block, segment


def _blocks(html: str) -> list[Block]:
    return segment(LexborHTMLParser(html).body).blocks


def _texts(html: str) -> list[str]:
    return [b.text for b in _blocks(html)]


PROSE = "The recipe needs patience more than skill, and the steps below are in the order we used."


def test_list_items_are_bulleted_lines_in_plain_text() -> None:
    html = (
        "<html><body><article><h1>Bread at home</h1>"
        f"<p>{PROSE}</p><p>{PROSE}</p>"
        "<ul><li>Mix the flour and the water for a full minute</li>"
        "<li>Rest the dough overnight in a cool kitchen</li></ul>"
        f"<p>{PROSE}</p></article></body></html>"
    )
    art = extract(html)
    assert "- Mix the flour and the water for a full minute\n- Rest the dough overnight in a cool kitchen" in art.text
    assert "- The recipe" not in art.text



def test_a_word_meeting_an_inline_element_is_spaced_but_sub_sup_and_word_endings_join() -> None:
    html = (
        "<html><body><article><h1>Title</h1>"
        "<p>What the director is doing in<em>Starship Troopers </em>is very interesting, "
        "said the critic of the film for the paper.</p>"
        "<p>Water is H<sub>2</sub>O and this is the 10<sup>th</sup> time; <span class=dc>T</span>he "
        "drop cap stays whole, and <em>Starship Trooper</em>s is one word.</p></article></body></html>"
    )
    text = extract(html).text
    assert "doing in Starship Troopers is very interesting" in text
    assert "H2O" in text and "10th" in text and "The drop cap" in text
    assert "Starship Troopers is one word" in text


def test_heading_permalink_marks_are_not_text() -> None:
    html = (
        "<html><body><article><h1>Docs</h1>"
        "<h2 id='x'>Chunk-Encoded Requests<a class='headerlink' href='#x'>¶</a></h2>"
        "<p>See <a href='#y'>section 3</a> for more.</p></article></body></html>"
    )
    assert _texts(html) == ["Docs", "Chunk-Encoded Requests", "See section 3 for more."]


def test_a_highlighted_listing_with_line_elements_is_one_code_block() -> None:
    from newsmill.render import render_markdown

    html = (
        "<html><body><article><p>Install first.</p><pre><div class=line>pip install twilio</div>"
        "<div class=line>python send.py</div></pre><p>After.</p></article></body></html>"
    )
    blocks = _blocks(html)
    assert [(b.kind, b.text) for b in blocks] == [
        ("p", "Install first."), ("code", "pip install twilio\npython send.py"), ("p", "After."),
    ]
    assert "```\npip install twilio\npython send.py\n```" in render_markdown(blocks)


def test_a_drop_cap_joins_the_word_it_starts() -> None:
    """A first letter set apart, in its own span or its own box, is still the first letter of
    the first word; a lone letter that starts nothing (an index "A", then "Apple") stays."""

    def texts(body: str) -> list[str]:
        return _texts(f"<html><body>{body}</body></html>")

    assert texts("<p><span class=dropcap>T</span><span>here are many cameras.</span></p>") == [
        "There are many cameras."
    ]
    assert texts(
        "<div><div class=first-letter>D</div><div class=rich><p>uring the pandemic, classes moved.</p></div></div>"
    ) == ["During the pandemic, classes moved."]
    assert texts("<div><div>A</div><p>Apple pie</p><div>B</div></div>") == ["A", "Apple pie", "B"]


def test_citation_marks_linking_to_notes_are_not_text_but_superscripts_are() -> None:
    html = (
        "<html><body><p>The prizes are awarded annually.<sup class=reference><a href='#cite_note-1'>[1]</a></sup>"
        " Water is H<sub>2</sub>O for the 10<sup>th</sup> time; see x<sup>2</sup>"
        "<sup><a href='/wiki/Other'>[2]</a></sup>.</p></body></html>"
    )
    assert _texts(html) == ["The prizes are awarded annually. Water is H2O for the 10th time; see x2[2]."]


def test_numbered_and_symbol_footnote_marks_are_not_text_but_exponents_are() -> None:
    html = (
        "<html><body><p>Members discuss careers.<sup class=fn> <a href='#citations'>2</a></sup>"
        " Tuition is $1,000 per class<sup>*</sup>. The room is 20 m<sup>2</sup>"
        " and the 3<sup><a href='/notes'>4</a></sup> rule holds.</p></body></html>"
    )
    assert _texts(html) == ["Members discuss careers. Tuition is $1,000 per class. The room is 20 m2 and the 34 rule holds."]


def test_a_label_and_its_value_in_adjacent_spans_are_spaced() -> None:
    html = "<p><span>Item number:</span><span>3353307</span> at <span>10:</span><span>30</span></p>"
    assert _texts(html) == ["Item number: 3353307 at 10:30"]


def test_description_terms_share_a_line_with_their_definition_in_plain_text() -> None:
    html = (
        "<dl><dt><div>Overall Dimensions</div></dt><dd>43 H X 27 W</dd>"
        "<div><dt>Pattern:</dt> <dd>Plain</dd></div>"
        "<dt>Colour</dt><dd><p>Black</p><p>Sold in two finishes.</p></dd>"
        f"<dt>{'A term long enough to be a heading of its own for the paragraph below it'}</dt>"
        "<dd>Its definition.</dd></dl>"
    )
    assert render_text(_blocks(html)) == (
        "Overall Dimensions: 43 H X 27 W\n\nPattern: Plain\n\nColour: Black\n\nSold in two finishes.\n\n"
        "A term long enough to be a heading of its own for the paragraph below it\n\nIts definition."
    )


def test_paragraphs_of_invisible_characters_are_not_blocks() -> None:
    html = "<html><body><p>One paragraph.</p><p>&zwj;</p><p>&#8203; &zwj;</p><p>Two.</p></body></html>"
    assert _texts(html) == ["One paragraph.", "Two."]


def test_a_table_cell_s_linked_values_read_without_a_space_before_their_commas() -> None:
    html = (
        "<html><body><table>"
        "<tr><td>Color</td><td><a href='/c/sage'>Sage</a>, <a href='/c/red'>Ember Red</a>, "
        "<a href='/c/slate'>Slate</a></td></tr>"
        "<tr><td>Size (<a href='/s'>quarts</a>)</td><td>5.5</td></tr>"
        "</table></body></html>"
    )
    blocks = [b for b in _blocks(html) if b.kind == "row"]
    text = render_text(blocks)
    assert "Color | Sage, Ember Red, Slate" in text
    assert "Size (quarts) | 5.5" in text
