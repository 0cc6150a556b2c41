"""Flatten wcxb-dev pages into visible text, one block per line, nothing removed.

This is what a naive scraper produces: every block-level element's text on its own line
(a ``<br>`` also breaks the line), scripts, styles, templates and hidden elements skipped,
navigation, widgets and footers kept. ``bench/text_eval.py`` runs text mode on the result.

    python bench/make_flat.py [--data DIR] [--out DIR] [--type article] [--limit N]

The flattened files are derived from WCXB (CC-BY-4.0) and written outside the repository
by default (``/tmp/newsmill-flat``); they are never committed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

DEFAULT_DATA = Path("/work/shared/data/wcxb-dev")
DEFAULT_OUT = Path("/tmp/newsmill-flat")

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody thead tfoot tr td th caption ul".split()
)
SKIP_TAGS = frozenset("script style noscript template head svg math iframe object".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"\s+")


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or attrs.get("type") == "hidden":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def flatten_html(html: str) -> str:
    """The page's visible text, one line per block-level element (or ``<br>``)."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(buf)).strip()
        buf.clear()
        if line:
            lines.append(line)

    # Explicit stack instead of recursion: some pages nest thousands of levels deep.
    # An entry is a node to enter, or a string marker "/" meaning "a block just closed".
    stack: list[LexborNode | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            flush()
            continue
        tag = item.tag or ""
        if tag == "-text":
            buf.append(item.text_content or "")
            continue
        if tag in SKIP_TAGS or tag[:1] in ("-", "_", "!") or _hidden(item):
            continue
        if tag == "br":
            flush()
            continue
        block = tag in BLOCK_TAGS
        if block:
            flush()
            stack.append("/")
        children = list(item.iter(include_text=True))
        stack.extend(reversed(children))
    flush()
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--type", default=None, help="only pages of this page type")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    args = ap.parse_args(argv)
    meta = json.loads((args.data / "metadata.json").read_text())["files"]
    ids = sorted(meta)
    if args.type:
        ids = [i for i in ids if meta[i]["page_type"] == args.type]
    if args.limit:
        ids = ids[: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for pid in ids:
        src = args.data / "html" / f"{pid}.html.gz"
        html = gzip.decompress(src.read_bytes()).decode("utf-8", errors="replace")
        (args.out / f"{pid}.txt").write_text(flatten_html(html), encoding="utf-8")
        n += 1
    print(f"flattened {n} pages into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
