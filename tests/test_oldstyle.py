"""The old-style rendering that training and the robustness figures use (bench/oldstyle.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.oldstyle import oldstyle, oldstyle_bytes  # noqa: E402
from newsmill import extract  # noqa: E402

PAGE = """<html><head><title>Bridge closes - Gazette</title>
<meta property="og:type" content="article"><meta property="og:title" content="Bridge closes">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closes"}</script>
<script>var html = "<p>in a script</p>";</script></head>
<body><header class="masthead" role="banner"><nav><a href="/">Home</a></nav></header>
<main id="content"><article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="headline">Bridge closes</h1><p class="lede">The bridge closes on Monday for six weeks of repairs.</p>
<p>Drivers will use Route 9 instead, the department said.</p></article></main>
<footer><p>Copyright 2024</p></footer></body></html>"""


def test_modern_markup_is_gone_and_the_text_stays() -> None:
    old = oldstyle(PAGE)
    for gone in ("og:type", "ld+json", "<main", "<article", "<header", "<nav", "<footer", "<h1", "<p ",
                 "<p>The", "role=", "itemscope", "itemtype="):
        assert gone not in old, gone
    assert '<font size=6><b>Bridge closes</b></font><br>' in old
    assert "The bridge closes on Monday for six weeks of repairs.<br><br>" in old
    assert 'class="story"' in old  # classes stay unless asked
    assert 'var html = "<p>in a script</p>";' in old  # scripts are not rewritten


def test_strip_classes_removes_class_and_id() -> None:
    old = oldstyle(PAGE, strip_classes=True)
    assert "class=" not in old and 'id="content"' not in old


def test_the_story_still_reads_the_same_words() -> None:
    now, then = extract(PAGE), extract(oldstyle(PAGE))
    for s in ("The bridge closes on Monday for six weeks of repairs.", "Drivers will use Route 9 instead"):
        assert s in now.text and s in then.text


def test_bytes_in_another_encoding_come_back_unchanged() -> None:
    page = "<html><body><main><p>Caf\u00e9 cr\u00e8me, 5 \u20ac</p></main></body></html>".encode("cp1252")
    old = oldstyle_bytes(page)
    assert old == "<html><body><div>Caf\u00e9 cr\u00e8me, 5 \u20ac<br><br></div></body></html>".encode("cp1252")
