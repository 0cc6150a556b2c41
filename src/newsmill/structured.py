"""Content the page states in its structured data but does not show as text.

Shops often keep a product's description in a tab or a script-rendered panel; the page's
JSON-LD ``Product`` still carries it. When the extracted text lacks most of it, the
description is added after the page's first heading (and the product's name when nothing
was extracted at all). A story rendered by scripts in the browser may show nothing but a
shell; its JSON-LD ``articleBody`` is then the text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from .meta.jsonld import Graph, text_of
from .segment import Block

_PRODUCT = frozenset(["product", "productgroup", "individualproduct", "productmodel"])
_WORD = re.compile(r"\w+")
_MIN_WORDS = 15  # shorter descriptions are taglines, usually on the page already
_MISSING = 0.5  # add the description when less than this share of its words was extracted


def _plain(s: str) -> list[str]:
    """Paragraphs of a description that may hold HTML, character references or line breaks,
    or be URL-encoded ("An%20elegant%20sofa": some shops' templates encode the field)."""
    if "%20" in s and " " not in s:
        s = unquote(s)
    if "<" in s and ">" in s:
        s = LexborHTMLParser(f"<div>{s}</div>").body.text(separator="\n")  # type: ignore[union-attr]
    elif "&" in s:
        s = html.unescape(s)  # "Subscribe &amp; Save" in a JSON string
    paras = (" ".join(line.split()) for line in s.splitlines())
    return [p for p in paras if p]


def product_description(graph: Graph) -> tuple[str | None, list[str]]:
    """(name, description paragraphs) of the page's product, if its JSON-LD has one."""
    for node in graph.of_types(_PRODUCT):
        desc = text_of(node.get("description"))
        if desc and len(_WORD.findall(desc)) >= _MIN_WORDS:
            return text_of(node.get("name")), _plain(desc)
    return None, []


def add_product_description(graph: Graph, blocks: list[Block]) -> tuple[list[Block], int, int]:
    """``blocks`` with the structured product description added when the text lacks it, and
    where (index, count) blocks were inserted, so that image positions can follow."""
    name, paras = product_description(graph)
    if not paras:
        return blocks, 0, 0
    have = {w for b in blocks for w in _WORD.findall(b.text.lower())}
    words = [w for p in paras for w in _WORD.findall(p.lower())]
    if sum(w in have for w in words) >= _MISSING * len(words):
        return blocks, 0, 0
    return _insert_after_heading(blocks, paras, name if not blocks else None)


def _insert_after_heading(
    blocks: list[Block], paras: list[str], heading: str | None = None
) -> tuple[list[Block], int, int]:
    """``blocks`` with ``paras`` (after ``heading``, if given) inserted after the first heading
    of the first five blocks, else first; and where (index, count)."""
    new = [Block("p", p, p, blocks[0].elem if blocks else 0, "p", chars=len(p)) for p in paras]
    if heading:
        new.insert(0, Block("heading", heading, heading, 0, "h1", level=1, chars=len(heading)))
    at = next((i + 1 for i, b in enumerate(blocks[:5]) if b.kind == "heading"), 0)
    return blocks[:at] + new + blocks[at:], at, len(new)


# A page whose extracted text is under _SHELL_WORDS words is a shell when its articleBody has
# at least _BODY_WORDS and the text holds under half of them.
_SHELL_WORDS = 50
_BODY_WORDS = 80


def add_article_body(article_body: str | None, blocks: list[Block]) -> tuple[list[Block], int, int]:
    """``blocks`` with the JSON-LD articleBody's paragraphs added when the page showed next to
    nothing of it (a script-rendered shell), and where (index, count) they were inserted."""
    if not article_body:
        return blocks, 0, 0
    have: list[str] = []
    for b in blocks:  # most pages with an articleBody show it: stop counting at the bar
        have += _WORD.findall(b.text.lower())
        if len(have) >= _SHELL_WORDS:
            return blocks, 0, 0
    paras = _plain(article_body)
    words = [w for p in paras for w in _WORD.findall(p.lower())]
    seen = set(have)
    if len(words) < _BODY_WORDS or sum(w in seen for w in words) >= _MISSING * len(words):
        return blocks, 0, 0
    return _insert_after_heading(blocks, paras)
