"""Pages whose scripts reveal the story: the whole content sits in a hidden wrapper."""

from newsmill import extract

STORY = " ".join(
    f"Paragraph {i} of the council story tells readers what the members decided about the new bridge budget."
    for i in range(1, 25)
)
SENTENCES = [s.strip() for s in STORY.split(".") if s.strip()]


def _paras(sentences: list[str]) -> str:
    return "".join(f"<p>{s}.</p>" for s in sentences)


PARAS = _paras(SENTENCES)


def _page(wrapper_attr: str, menu: str = "") -> str:
    return (
        "<html><body><header><a href='/'>Home</a></header>"
        f"<div {wrapper_attr}><article><h1>Council approves bridge</h1>{menu}{PARAS}</article></div>"
        "</body></html>"
    )


def test_story_in_display_none_wrapper_is_read() -> None:
    art = extract(_page('style="display:none"'))
    assert "Paragraph 12 of the council story" in art.text
    assert "Paragraph 24 of the council story" in art.text


def test_story_in_hidden_attribute_wrapper_is_read() -> None:
    art = extract(_page("hidden"))
    assert "Paragraph 3 of the council story" in art.text


def test_hidden_menu_inside_revealed_wrapper_stays_hidden() -> None:
    menu = '<div style="display: none"><ul><li><a href="/a">Secret menu entry</a></li></ul></div>'
    art = extract(_page('style="display:none"', menu))
    assert "Paragraph 12 of the council story" in art.text
    assert "Secret menu entry" not in art.text


def test_small_hidden_popup_on_a_visible_page_stays_hidden() -> None:
    html = (
        "<html><body><article><h1>Council approves bridge</h1>"
        f"{PARAS}</article><div style='display:none'><p>Subscribe to our newsletter popup text that "
        "nobody sees until they scroll down the page for a while.</p></div></body></html>"
    )
    art = extract(html)
    assert "Paragraph 12 of the council story" in art.text
    assert "newsletter popup" not in art.text


def _shop_page(main_visible: str) -> str:
    # A shop's mega-menu outweighs _REVEAL_BELOW on its own; the product grid sits in a
    # wrapper that an app's script shows once it has run.
    menu = "".join(f"<li><a href='/c/{i}'>Menu category number {i} of the shop</a></li>" for i in range(80))
    cards = "".join(
        f"<li class='card'><h3><a href='/p/{i}'>Roast number {i} whole bean coffee</a></h3><span>${i}.99</span></li>"
        for i in range(40)
    )
    return (
        f"<html><body><header><nav><ul>{menu}</ul></nav></header><main>{main_visible}"
        f"<div class='lockdown-content' style='display:none;'><h1>Coffee</h1><ul>{cards}</ul></div>"
        "</main><footer><a href='/about'>About us</a></footer></body></html>"
    )


def test_hidden_wrapper_that_is_all_of_main_is_read_despite_a_big_menu() -> None:
    art = extract(_shop_page(""))
    assert "Roast number 7 whole bean coffee" in art.text
    assert "Roast number 33 whole bean coffee" in art.text


def test_hidden_wrapper_stays_hidden_when_main_shows_content() -> None:
    art = extract(_shop_page(PARAS))
    assert "Paragraph 12 of the council story" in art.text
    assert "Roast number 7 whole bean coffee" not in art.text


def _old_shop_page(main_id: str) -> str:
    # The same shop served without <main> (older markup): the element whose id names the
    # main content stands in for it.
    return _shop_page("").replace("<main>", f"<div id='{main_id}'>").replace("</main>", "</div>")


def test_hidden_wrapper_that_is_all_of_a_main_content_id_is_read() -> None:
    art = extract(_old_shop_page("MainContent"))
    assert "Roast number 7 whole bean coffee" in art.text
    assert "Roast number 33 whole bean coffee" in art.text


def test_hidden_wrapper_in_another_id_stays_hidden() -> None:
    art = extract(_old_shop_page("page-wrapper"))
    assert "Roast number 7 whole bean coffee" not in art.text


def _streamed_page(markers: bool) -> str:
    # React server streaming: placeholders with fallbacks in place, the content at the end.
    open_m, close_m = ("<!--$?-->", "<!--/$-->") if markers else ("", "")
    first, second = _paras(SENTENCES[:12]), _paras(SENTENCES[12:])
    return (
        "<html><body><header><a href='/'>Home</a></header><main><article>"
        "<h1>Council approves bridge</h1>"
        f"{open_m}<template id=\"B:0\"></template><div>Spinner fallback text</div>{close_m}"
        "<p>The mayor spoke between the two streamed parts of the story, as planned.</p>"
        f"{open_m}<template id=\"B:1\"></template>{close_m}"
        "</article></main><footer>Copyright</footer>"
        f"<div hidden id=\"S:1\">{second}</div><div hidden id=\"S:0\">{first}</div>"
        "<script>$RC(\"B:0\",\"S:0\");$RC(\"B:1\",\"S:1\")</script></body></html>"
    )


def test_streamed_suspense_segments_are_read_in_place() -> None:
    text = extract(_streamed_page(markers=True)).text
    first = text.find("Paragraph 1 of the council story")
    mayor = text.find("The mayor spoke")
    last = text.find("Paragraph 24 of the council story")
    assert 0 <= first < mayor < last
    assert text.count("Paragraph 5 of the council story") == 1
    assert "Spinner fallback text" not in text


def test_streamed_segments_without_comment_markers_still_read_once() -> None:
    text = extract(_streamed_page(markers=False)).text
    assert text.count("Paragraph 20 of the council story") == 1
    assert text.find("Paragraph 2 of") < text.find("The mayor spoke") < text.find("Paragraph 20 of")


def _tabbed_docs(panel_attrs: str) -> str:
    paras = _paras(SENTENCES[:10])
    return (
        "<html><body><nav><a href='/'>Docs home</a></nav><main><article><h1>Send a message</h1>"
        f"{paras}<div role='tablist'><button>Python</button><button>Node.js</button></div>"
        "<div role='tabpanel'><pre>pip install messaging-client</pre></div>"
        f"<div {panel_attrs}><pre>npm install messaging-client</pre></div>"
        "<div hidden><ul><li><a href='/x'>Hidden drop-down menu entry</a></li></ul></div>"
        "</article></main></body></html>"
    )


def test_hidden_tab_panels_are_read_and_other_hidden_elements_are_not() -> None:
    for attrs in ("role='tabpanel' hidden", "class='tab-pane' style='display:none'", "aria-labelledby='t2' hidden"):
        text = extract(_tabbed_docs(attrs)).text
        assert "pip install messaging-client" in text
        assert "npm install messaging-client" in text, attrs
        assert "Hidden drop-down menu entry" not in text


def test_a_hidden_panel_named_by_its_id_alone_is_read() -> None:
    # Old markup, or a design system's hashed classes with the ARIA role stripped: only the
    # panel's id ("tabs-b1-tabpanel-1", "faq-answer-2") says it is a tab or an answer.
    for attrs in ("id='tabs-b1-tabpanel-1' class='css-fpaQZr' hidden", "id='faq-answer-2' style='display:none'"):
        text = extract(_tabbed_docs(attrs)).text
        assert "npm install messaging-client" in text, attrs
        assert "Hidden drop-down menu entry" not in text


def test_a_hidden_panel_with_a_bem_class_is_read() -> None:
    # Block-element-modifier class names: "tab__content", "tabs__pane", "toggle__content".
    for attrs in ("class='tab__content' hidden", "class='tabs__pane' style='display:none'", "class='toggle__content' hidden"):
        text = extract(_tabbed_docs(attrs)).text
        assert "npm install messaging-client" in text, attrs
        assert "Hidden drop-down menu entry" not in text


def test_a_hidden_focusable_panel_without_its_role_is_read() -> None:
    # ARIA's tab pattern makes each panel focusable; an old-style rendering drops the role.
    text = extract(_tabbed_docs("class='css-l8vwfh' tabindex='0' hidden")).text
    assert "npm install messaging-client" in text
    assert "Hidden drop-down menu entry" not in text


def test_self_closed_iframe_in_noscript_does_not_swallow_the_page() -> None:
    html = (
        "<html><body><noscript><iframe src='https://tags.example/ns.html' height='0' width='0' "
        "style='display:none' /></noscript>"
        f"<article><h1>Council approves bridge</h1>{PARAS}</article></body></html>"
    )
    text = extract(html).text
    assert "Paragraph 1 of the council story" in text
    assert "Paragraph 24 of the council story" in text


def test_a_streamed_segment_that_names_itself_is_read_once() -> None:
    html = (
        "<html><body><main><p>Intro of the page, long enough to be read as the start of a story.</p>"
        "<template id='B:0'></template></main>"
        "<div hidden id='S:0'><p>Segment text that streams in and points at itself again.</p>"
        "<template id='B:0'></template><template id='P:0'></template></div></body></html>"
    )
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.segment import segment

    blocks = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert sum("Segment text that streams in" in t for t in blocks) == 1
    assert blocks.index(next(t for t in blocks if "Segment text" in t)) == 1  # in place, after the intro



def test_a_popover_is_not_read_until_opened() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.segment import segment

    # An element with the popover attribute shows only when a button opens it: here a forum
    # software's app-install card, beside a story that is visible.
    card = ("<div class='iCard' popover><p>To install this app on iOS, tap the Share icon in Safari and then "
            "tap Add to Home Screen in the menu that opens.</p></div>")
    html = f"<html><body>{card}<article><h1>Council approves bridge</h1>{PARAS}</article></body></html>"
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert "Council approves bridge" in texts and not any("install this app" in t for t in texts)
    assert "Paragraph 12 of the council story" in extract(html).text


def test_a_tooltip_is_not_read() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.segment import segment

    # A tooltip shows on hover over a control ("Show activity on this post."), not as text.
    tip = "<div class='s-popover' role='tooltip'>Show activity on this post.</div>"
    html = f"<html><body><article><h1>Council approves bridge</h1>{tip}{PARAS}</article></body></html>"
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert "Council approves bridge" in texts and not any("Show activity" in t for t in texts)


def test_a_tooltip_named_by_its_class_is_not_read_but_its_toggle_is() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.segment import segment

    # A spec's explanation, shown on hover over its "More information" icon.
    tip = (
        "<h4 class='overview-item__title'>Cup style <span class='tool-tip'><button>More information</button>"
        "<div class='tool-tip__content'>Open-back designs leak sound; closed-back designs isolate better.</div>"
        "</span></h4><p>Open-Back</p>"
    )
    html = f"<html><body><article><h1>Sundara</h1>{tip}{PARAS}</article></body></html>"
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert "Cup style" in texts and "More information" in texts and "Open-Back" in texts
    assert not any("leak sound" in t for t in texts)


def test_an_icon_fonts_ligature_is_not_read() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.segment import segment

    # Material icons draw a glyph from the icon's name written as text: "local_offer" is a tag.
    offer = (
        "<p><span class='material-icons-outlined'>local_offer</span> Save up to $800 on treadmills</p>"
        "<p><i class='material-symbols-rounded notranslate'>chevron_right</i>See all offers</p>"
    )
    html = f"<html><body><article><h1>Home gyms</h1>{offer}{PARAS}</article></body></html>"
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert any(t.startswith("Save up to $800") for t in texts) and "See all offers" in texts
    assert not any("local_offer" in t or "chevron_right" in t for t in texts)


def _faq_page(answer_attr: str, answer: str) -> str:
    qa = "".join(
        f"<div class='sc-a1 qRow'><div class='sc-a1 qHead'><h3>Question {i} about pet insurance plans?</h3></div>"
        f"<div class='sc-a1 empty'></div><div {answer_attr}><p>{answer.format(i)}</p></div></div>"
        for i in range(1, 5)
    )
    return (
        "<html><body><header><a href='/'>Home</a></header><main><h1>Compare pet insurance</h1>"
        f"{_paras(SENTENCES[:8])}<h2>Pet insurance FAQs</h2>{qa}</main>"
        "<div style='display:none' class='sc-b2 menu'><p>Hidden drop-down menu entry that no reader sees here.</p></div>"
        "</body></html>"
    )


def test_a_collapsed_answer_under_its_question_is_read() -> None:
    # A hashed class names no panel: the question just before the hidden element says it is one.
    answer = "Pet insurance reimburses part or all of the vet bills of your pet's treatment, case {}."
    text = extract(_faq_page("class='sc-a1 kAHMfN' style='visibility:hidden' height='0'", answer)).text
    assert "reimburses part or all of the vet bills of your pet's treatment, case 3" in text
    assert "Hidden drop-down menu entry" not in text


def test_a_hidden_widget_after_a_question_stays_hidden() -> None:
    # A poll's options and votes after its question hold no sentence: not an answer.
    text = extract(_faq_page("class='poll-area' hidden", "Fallout {}2%, 197 votes The Last of Us 19%, 71 votes")).text
    assert "197 votes" not in text


def _sections_page(body_attr: str) -> str:
    sections = "".join(
        f"<div class='css-p1 e2'><h3>Cushioning and midsole foam, part {i}</h3>"
        f"<div class='css-1k e2' {body_attr}><p>The midsole foam in your shoes plays into comfort and ride, "
        f"and a softer foam absorbs more of each landing, section {i}.</p></div></div>"
        for i in range(1, 5)
    )
    return (
        "<html><body><header><a href='/'>Home</a></header><main><h1>How to choose running shoes</h1>"
        f"{_paras(SENTENCES[:8])}{sections}</main></body></html>"
    )


def test_a_collapsed_section_under_its_heading_is_read() -> None:
    # The hidden attribute on the body of a heading's collapsible section (hashed classes).
    text = extract(_sections_page("hidden aria-hidden='true' tabindex='-1'")).text
    assert "a softer foam absorbs more of each landing, section 3" in text


def test_a_styled_hidden_box_under_a_heading_stays_hidden() -> None:
    # A forum's board description under its title, hidden by style: not a collapsed section.
    text = extract(_sections_page("style='display:none'")).text
    assert "section 3" not in text


def test_a_read_more_expanders_hidden_part_is_read() -> None:
    page = (
        "<html><body><header><a href='/'>Home</a></header><main><h1>The garden year</h1>"
        f"{_paras(SENTENCES[:8])}<div class='row expander-container'>"
        "<div class='expander-content' style='display:none'><p>Excerpt. In early spring the beds are "
        "turned and the first peas go into the cold ground along the fence.</p></div>"
        "<a href='#'>Read more</a></div></main></body></html>"
    )
    assert "the first peas go into the cold ground" in extract(page).text


def test_hidden_product_under_hidden_mega_menus_is_read() -> None:
    # A shop draws its product once a script has run: the product sits in a display:none
    # wrapper, and the header's drop-down menus (hidden too) together hold more text than it.
    menus = "".join(
        "<div class='mega-menu' style='display:none'><ul>"
        + "".join(f"<li><a href='/c/{m}/{i}'>Menu {m} category number {i}</a></li>" for i in range(20))
        + "</ul></div>"
        for m in range(8)
    )
    html = (
        f"<html><body><div class='site-header'><a href='/'>Shop</a>{menus}</div>"
        f"<div class='product-wrapper' style='display:none'><h1>Almond thins</h1>{PARAS}</div>"
        "</body></html>"
    )
    art = extract(html)
    assert "Paragraph 12 of the council story" in art.text
    assert "Menu 3 category number 7" not in art.text
