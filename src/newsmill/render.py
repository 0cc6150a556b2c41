"""Render the kept blocks as plain text and as Markdown.

Both formats come from the same list of typed blocks, so they never disagree on content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .segment import Block

_LINE_KINDS = ("li", "row", "dt", "dd")
# A term longer than this is a heading of its own, not a label on its definition's line.
_TERM_CHARS = 60
# A table cell's text nodes are joined with spaces (segment reads a row's cells so), which puts
# one before punctuation and after an opening bracket: "<a>Sage</a>, <a>Slate</a>" would read
# "Sage , Slate", "(<a>quarts</a>)" "( quarts )".
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:!?)\]](?:\s|$))|(?<= [(\[]) (?=\S)")


def _row_text(s: str) -> str:
    return _SPACE_BEFORE_PUNCT.sub("", s) if " " in s else s


def render_text(blocks: Sequence[Block], quote_spans: list[tuple[int, int]] | None = None) -> str:
    """Headings and paragraphs on their own lines, blank line between paragraphs.

    Consecutive list items and table rows stay on consecutive lines, as a reader sees them;
    list items carry a "- " bullet, as in trafilatura's text output and in WCXB's references.
    With ``quote_spans`` (a list), the ``(start, end)`` offsets of each quote block's text (a
    ``<blockquote>``'s paragraphs) in the returned text are appended to it, for ``find_quotes``.
    """
    out: list[str] = []
    prev_kind = prev_term = ""
    n = 0  # characters written
    for b in blocks:
        kind = "li" if b.item else b.kind
        if prev_term == "dt" and b.in_list_term == "dd" and len(out[-1]) <= _TERM_CHARS:
            # A term and its definition read as one line, "Material: Vinyl", as on a spec sheet.
            out.append(" " if out[-1].endswith((":", "?")) else ": ")
            n += len(out[-1])
        elif out:
            out.append("\n" if kind == prev_kind and kind in _LINE_KINDS else "\n\n")
            n += len(out[-1])
        if b.kind == "quote" and quote_spans is not None:
            quote_spans.append((n, n + len(b.text)))
        out.append("- " + b.text if kind == "li" else _row_text(b.text) if b.kind == "row" else b.text)
        n += len(out[-1])
        prev_kind = kind
        prev_term = b.in_list_term
    return "".join(out)


def _md_escape_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _table(rows: list[Block]) -> str:
    width = max(len(r.cells or [r.text]) for r in rows)
    lines = []
    for i, r in enumerate(rows):
        cells = [_md_escape_cell(_row_text(c)) for c in (r.cells or [r.text])]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join([" --- "] * width) + "|")
    return "\n".join(lines)


def render_markdown(blocks: Sequence[Block], images: Sequence[tuple[int, str, str, str]] = ()) -> str:
    """Markdown with headings, lists, quotes, GFM tables, code blocks, links and images.

    ``images`` holds ``(position, url, alt, caption)``: the image goes before block ``position``.
    """
    parts: list[str] = []
    img_at: dict[int, list[tuple[str, str, str]]] = {}
    for pos, url, alt, cap in images:
        img_at.setdefault(pos, []).append((url, alt, cap))
    i = 0
    n = len(blocks)
    prev_kind = ""
    while i < n:
        for url, alt, cap in img_at.pop(i, []):
            parts.append(f"![{alt}]({url})" + (f"\n*{cap}*" if cap else ""))
            prev_kind = "img"
        b = blocks[i]
        k = "li" if b.item else b.kind
        if k == "row":
            j = i
            while j < n and blocks[j].kind == "row" and blocks[j].elem == b.elem:
                j += 1
            parts.append(_table(list(blocks[i:j])))
            i = j
            prev_kind = "row"
            continue
        if k == "heading":
            s = "#" * max(1, min(b.level, 6)) + " " + b.text
        elif k == "li":
            indent = "  " * max(0, (b.item or b.level) - 1)
            s = indent + ("1. " if b.ordered else "- ") + b.md
        elif k == "quote":
            s = "> " + b.md
        elif k == "code":
            s = "```\n" + b.text + "\n```"
        elif k == "caption":
            s = "*" + b.md + "*"
        elif k == "dt":
            s = "**" + b.md + "**"
        else:
            s = b.md
        if parts and k == prev_kind and k in ("li", "quote"):
            parts[-1] += ("\n>\n" if k == "quote" else "\n") + s
        else:
            parts.append(s)
        prev_kind = k
        i += 1
    for rest in img_at.values():
        for url, alt, cap in rest:
            parts.append(f"![{alt}]({url})" + (f"\n*{cap}*" if cap else ""))
    return "\n\n".join(parts)
