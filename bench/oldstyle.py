"""A modern page rendered the way a site of the 2000s would have served it, for training and
for measuring robustness: the same text, none of today's markup.

- no JSON-LD, Open Graph, Twitter or article: meta tags, no microdata, roles or ARIA;
- no semantic elements (article, main, section, header, footer, nav, aside, figure, time):
  they become <div>;
- paragraphs set with <br><br> instead of <p>; headings as <font size=N><b>...</b></font><br>;
- with ``strip_classes``, no class or id attributes either.

Scripts and style sheets are left as they are. The rewrite works on the markup's text, not a
tree, so that what a parser makes of the result is what it would make of such a page.
"""

from __future__ import annotations

import re

_SEMANTIC = re.compile(
    r"<(/?)(?:article|main|section|header|footer|nav|aside|figure|figcaption|time)\b", re.I
)
_P_OPEN = re.compile(r"<p\b[^>]*>", re.I)
_P_CLOSE = re.compile(r"</p\s*>", re.I)
_H_OPEN = re.compile(r"<h([1-6])\b[^>]*>", re.I)
_H_CLOSE = re.compile(r"</h[1-6]\s*>", re.I)
_JSONLD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.I | re.S)
_SOCIAL_META = re.compile(r"<meta[^>]+(?:property|name)=[\"'](?:og:|twitter:|article:)[^>]*>", re.I)
_MARKUP_ATTRS = re.compile(
    r"\s(?:role|itemprop|itemtype|itemscope|aria-[a-z]+)(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?", re.I
)
_CLASS_ID = re.compile(r"\s(?:class|id)=(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
_CODE = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)", re.I | re.S)


def oldstyle(html: str, strip_classes: bool = False) -> str:
    html = _SOCIAL_META.sub("", _JSONLD.sub("", html))
    parts = _CODE.split(html)
    for i in range(0, len(parts), 2):  # odd parts are scripts and styles
        part = _SEMANTIC.sub(lambda m: f"<{m.group(1)}div", parts[i])
        part = _P_CLOSE.sub("<br><br>", _P_OPEN.sub("", part))
        part = _H_OPEN.sub(lambda m: f"<font size={7 - int(m.group(1))}><b>", part)
        part = _H_CLOSE.sub("</b></font><br>", part)
        part = _MARKUP_ATTRS.sub("", part)
        parts[i] = _CLASS_ID.sub("", part) if strip_classes else part
    return "".join(parts)


def oldstyle_bytes(html: bytes, strip_classes: bool = False) -> bytes:
    """The same on a page's bytes: the rewrite touches only ASCII markup, so bytes in any other
    encoding come back as they were (``surrogateescape``)."""
    return oldstyle(html.decode("utf-8", "surrogateescape"), strip_classes).encode("utf-8", "surrogateescape")
