"""Fast paths must give what the plain code they replace gave."""

import html
import json

from selectolax.lexbor import LexborHTMLParser

import newsmill
from newsmill.features import _ITEMTYPE, PAGE_SIGNALS, page_signals
from newsmill.pagetype import _CUES, _count_cues
from newsmill.segment import FLAG_NAMES, SEM_BIT, _class_bits, _token_bits, segment

_SIGNAL = {n: i for i, n in enumerate(PAGE_SIGNALS)}


def test_microdata_types_as_findall() -> None:
    html = (
        '<div itemtype="http://example.org/Thing"><div itemtype="notaurl">'
        '<div itemscope itemtype="https://schema.org/Product">'
        '<span itemtype="http://schema.org/Offer"></span></div></div></div>'
    )
    assert _ITEMTYPE.findall(html) == ["Product", "Offer"]
    out = page_signals(html, None, set(), None)
    assert out[_SIGNAL["t_product"]] == 1.0
    assert out[_SIGNAL["t_article"]] == 0.0
    # A broken attribute at the very end of the page ends the search.
    assert page_signals('<p>x</p><div itemtype="', None, set(), None)[_SIGNAL["t_product"]] == 0.0


def test_element_flags_and_roles() -> None:
    html = (
        '<body><div class="site-footer legal" id="sidebar-nav" role="Main">'
        '<p itemprop="articleBody">Some words here to read.</p></div>'
        '<nav role="navigation"><p>Menu item text</p></nav></body>'
    )
    seg = segment(LexborHTMLParser(html).body)
    div = next(e for e in seg.elems if e.tag == "div")
    assert div.flags == _class_bits("site-footer legal") | _token_bits("sidebar-nav")
    assert div.flags & (1 << FLAG_NAMES.index("footer"))
    assert div.sem & SEM_BIT["role_main"]
    assert div.sig == "div.site-footer legal"
    p = next(e for e in seg.elems if e.tag == "p")
    assert p.sem & SEM_BIT["itemprop_body"] and p.isem & SEM_BIT["role_main"]
    assert p.sig == "p."
    nav = next(e for e in seg.elems if e.tag == "nav")
    assert nav.sem & SEM_BIT["role_boilerplate"]


def test_cue_counts_as_str_count() -> None:
    texts = [
        "", "ab", "sku", "skusku api", "upvotes and votes; 3 replies, reply",
        "add to cartadd to cart — add to basket, out of stock; in stock",
        "é free quote’s free trial…our team our services\u00a0page next page 2",
        "parameterparameter returns the function's method class",
    ]
    for text in texts:
        assert _count_cues(text) == [sum(text.count(p) for p in ps) for ps in _CUES.values()], text


def test_discourse_shell_rebuilt() -> None:
    topic = {
        "title": "Pruning an old pear tree",
        "post_stream": {"posts": [
            {"username": "orchardist", "created_at": "2024-09-05T23:15:00Z",
             "cooked": "<p>My pear tree has not been pruned in ten years. Where should I start cutting back?</p>"},
            {"username": "greenthumb", "created_at": "2024-09-06T08:00:00Z",
             "cooked": "<p>Take out dead wood first, then no more than a quarter of the canopy each winter.</p>"},
        ]},
    }
    preloaded = html.escape(json.dumps({"topic_12": json.dumps(topic)}), quote=True)
    page = (
        "<html><head><title>Pruning an old pear tree - Garden Forum</title></head><body>"
        f'<div id="data-preloaded" data-preloaded="{preloaded}"></div>'
        "<noscript><p>Enable JavaScript.</p></noscript></body></html>"
    )
    text = newsmill.extract(page).text
    assert "no more than a quarter of the canopy" in text
    assert "has not been pruned in ten years" in text


def test_blank_page_as_strip() -> None:
    # extract tests a blank page with isspace, which must say what "not text.strip()" said.
    for page in ("", " \n\t", "\u3000\u00a0\u2028", b"  \r\n"):
        art = newsmill.extract(page)
        assert art.text == "" and art.title is None
    assert all(c.isspace() == (not c.strip()) for c in map(chr, range(0x3100)))
    assert newsmill.extract("\n<title>A page</title>\n").title == "A page"
