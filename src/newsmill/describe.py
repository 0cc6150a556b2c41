"""Metadata: title, authors, dates, site, language, canonical URL, images.

Stub with the interface the pipeline uses; the full candidate-scoring version replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser

from .segment import Segmentation


@dataclass(slots=True)
class PageContext:
    """What the metadata step reads from the page head before the body is segmented."""

    tree: LexborHTMLParser
    url: str | None
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    title_hint: str | None = None
    article_body: str | None = None


def collect(tree: LexborHTMLParser, url: str | None) -> PageContext:
    ctx = PageContext(tree, url)
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = orjson.loads(node.text(deep=True) or "null")
        except orjson.JSONDecodeError:
            continue
        items = data if isinstance(data, list) else [data]
        for it in items:
            if isinstance(it, dict):
                ctx.jsonld.extend(g for g in it.get("@graph", [it]) if isinstance(g, dict))
    for m in tree.css("meta"):
        a = m.attributes
        k = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        v = a.get("content")
        if k and v and k not in ctx.meta:
            ctx.meta[k] = v.strip()
    for obj in ctx.jsonld:
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body) > 200:
            ctx.article_body = body
            break
    t = ctx.meta.get("og:title")
    if not t:
        tn = tree.css_first("title")
        t = tn.text(deep=True).strip() if tn else None
    ctx.title_hint = t
    return ctx


def describe(ctx: PageContext, seg: Segmentation, kept: list[int]) -> dict[str, Any]:
    """Article fields (without text) with ``sources`` and ``confidence``."""
    out: dict[str, Any] = {"sources": {}, "confidence": {}}
    if ctx.title_hint:
        out["title"] = ctx.title_hint
        out["sources"]["title"] = {"from": "meta", "raw": ctx.title_hint}
    return out
