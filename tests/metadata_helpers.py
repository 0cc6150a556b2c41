"""Shared helper for the metadata tests: run the metadata step alone on a small page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsmill.describe import collect, describe
from newsmill.segment import Segmentation, segment

REF = datetime(2024, 11, 22, 12, 0, tzinfo=UTC)  # "now" for every test page


def meta_of(html: str, url: str | None = "https://news.example.com/world/obama-letter", *, ref: datetime | None = REF,
            kept: list[int] | None = None, page_type: str | None = None) -> dict[str, Any]:
    """Metadata of a page, every block counted as kept unless ``kept`` says otherwise."""
    tree = LexborHTMLParser(html)
    ctx = collect(tree, url, reference_time=ref)
    seg = segment(tree.body) if tree.body is not None else Segmentation()
    return describe(ctx, seg, list(range(len(seg.blocks))) if kept is None else kept, page_type)


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


STORY = (
    "<p>The U.S. and Iran were once on opposite sides, but with a common enemy the president made "
    "the rare move to write a secret note to the Supreme Leader, officials said on Thursday.</p>"
    "<p>The move is linked to the upcoming deadline of nuclear talks among the U.S., Iran and five "
    "other world powers, namely Britain, China, France, Germany and Russia.</p>"
)
