"""Choose the story's authors among JSON-LD, meta tags, microdata, DOM bylines and the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..segment import FLAG_NAMES, SEM_BIT, Segmentation
from .authors import clean_names, is_org, last_first, looks_personal, split_byline
from .candidates import Pick, norm_key
from .context import PageContext, query_bylines
from .jsonld import agents

_AUTHOR_META = {
    "author": 0.8, "article:author": 0.85, "article:author_name": 0.85, "dc.creator": 0.8,
    "dcterms.creator": 0.8, "parsely-author": 0.85, "sailthru.author": 0.85, "byl": 0.8,
    "citation_author": 0.8, "author_name": 0.8, "twitter:data1": 0.0,
}
_BY_START = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|published)\s+)?(?:by|par|von|por|door|di)\s*:?\s*\S|"
    r"^\s*(?:author|auteur|autor|autore)s?\s*:",
    re.IGNORECASE,
)
# "January 20, 2025 by Jane Doe": a short dateline with "by" inside.
_BY_INSIDE = re.compile(r"(?:^|[\s,;|·•])(?:by|par|von|por)\s*:?\s+(?-i:[A-Z])", re.IGNORECASE)
# A label on its own line, the name on the next: "Written by" / "Jane Doe".
_BY_LABEL = re.compile(
    r"^\s*(?:(?:written|posted|reported|published)\s+by|by|author|authors|autor|auteur|"
    r"about the author|written by|posted by)\s*:?\s*$",
    re.IGNORECASE,
)
_DATEISH = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\bago\b")
_BAD_FLAGS = 0
for _n in ("nav", "footer", "side", "comment", "related", "ad", "newsletter", "popup", "card"):
    _BAD_FLAGS |= 1 << FLAG_NAMES.index(_n)
_META_FLAG = 1 << FLAG_NAMES.index("meta")
_BAD_SEM = SEM_BIT["nav"] | SEM_BIT["footer"] | SEM_BIT["aside"]


@dataclass(slots=True)
class NameCand:
    names: list[str]
    source: str
    raw: str
    weight: float


def _dom_weight(hint: str, tag: str) -> float:
    if "rel" in hint and "author" in hint or "itemprop" in hint:
        return 0.75
    if "byline" in hint:
        return 0.72
    if re.search(r"author[-_]?name|author__name|authorname|post-author|entry-author|article-author", hint):
        return 0.72
    if "/author" in hint or "/people/" in hint or "/staff/" in hint or "/writers/" in hint:
        return 0.66
    if "author" in hint or "writer" in hint:
        return 0.62
    return 0.55


def gather_structured(
    ctx: PageContext, main: dict | None, main_kind: str, orgs: set[str]
) -> tuple[list[NameCand], list[str]]:
    """Author lists from JSON-LD, meta tags and microdata, and the organisations met on the way
    (publisher candidates)."""
    cands: list[NameCand] = []
    org_names: list[str] = []
    if main:
        people: list[str] = []
        loose: list[str] = []
        for name, kind in agents(main.get("author") or main.get("creator"), ctx.graph):
            if kind == "org":
                org_names.append(name)
            elif kind == "person":
                people.append(name)
            else:
                loose.append(name)
        w = 0.92 if main_kind == "article" else 0.8
        names = clean_names(people, strict=False, orgs=set())  # typed Person: trust the type
        if names:
            cands.append(NameCand(names, "json-ld", "; ".join(people), w))
        names = clean_names(loose, strict=False, orgs=orgs)
        if names:
            cands.append(NameCand(names, "json-ld", "; ".join(loose), w - 0.07))
    for key, w in _AUTHOR_META.items():
        if not w:
            continue
        vals = ctx.meta.get(key)
        if not vals:
            continue
        raw = "; ".join(vals[:5])
        vals = [last_first(v) if key.startswith("citation") else v for v in vals[:5] if "://" not in v]
        names = clean_names(vals, strict=False, orgs=orgs)
        if names:
            cands.append(NameCand(names, "meta", raw, w))
        elif vals and is_org(vals[0], set()) and "://" not in vals[0]:
            org_names.append(vals[0])
    md = [v for prop, v, zone in ctx.microdata if prop in ("author", "creator") and zone >= 0]
    if md:
        names = clean_names(md[:3], strict=False, orgs=orgs)
        if names:
            cands.append(NameCand(names, "microdata", "; ".join(md[:3]), 0.82))
    return cands, org_names


def gather_page(
    ctx: PageContext, seg: Segmentation, window: range, kept: set[int], orgs: set[str]
) -> list[NameCand]:
    """Bylines in the DOM and "By ..." lines near the headline."""
    cands: list[NameCand] = []
    n = 0
    for hit in query_bylines(ctx):
        if hit.zone < 0 or n >= 6:
            continue
        names = split_byline(hit.text, strict=True, orgs=orgs)
        if not names and " " not in hit.text and re.search(r"author|user|poster", hit.hint):
            # A forum handle alone in an author/username element.
            names = split_byline("By " + hit.text, strict=True, orgs=orgs)
        if not names and hit.attr:
            names = split_byline(hit.attr, strict=True, orgs=orgs)
        if names:
            w = _dom_weight(hit.hint, hit.tag) + (0.04 if hit.zone > 0 else 0.0) - 0.03 * n
            cands.append(NameCand(names, "dom", hit.text, w))
            n += 1
    blocks, elems = seg.blocks, seg.elems
    n_blocks = len(blocks)
    for bi in window:
        b = blocks[bi]
        if b.chars > 200:
            continue
        e = elems[b.elem]
        if bi not in kept and (e.iflags & _BAD_FLAGS or e.isem & _BAD_SEM):
            continue
        if _BY_LABEL.match(b.text) and bi + 1 < n_blocks:
            names = split_byline("By " + blocks[bi + 1].text, strict=True, orgs=orgs)
            if names:
                cands.append(NameCand(names, "text", f"{b.text} {blocks[bi + 1].text}", 0.68))
                break
        elif _BY_START.match(b.text) or (
            b.chars <= 90 and _BY_INSIDE.search(b.text) and _DATEISH.search(b.text)
        ):
            names = split_byline(b.text, strict=True, orgs=orgs)
            if names:
                cands.append(NameCand(names, "text", b.text, 0.68))
                break
    else:
        # A bare name on its own line beside the date, just under the headline.
        for bi in window:
            b = blocks[bi]
            if b.chars > 40 or b.kind == "heading" or not looks_personal(b.text):
                continue
            # Only a name marked up as one, under an author/byline class (a bare link near a
            # date is as often a category).
            if not elems[b.elem].iflags & _META_FLAG:
                continue
            near = [blocks[j].text for j in (bi - 2, bi - 1, bi + 1, bi + 2) if 0 <= j < n_blocks]
            if any(len(t) < 60 and _DATEISH.search(t) for t in near):
                names = split_byline(b.text, strict=True, orgs=orgs, handles=False)
                if len(names) == 1:
                    cands.append(NameCand(names, "text", b.text, 0.55))
                    break
    return cands


def settled(cands: list[NameCand]) -> bool:
    """A strong structured author list: no need to read bylines in the page."""
    return any(c.weight >= 0.85 for c in cands)


def pick_authors(cands: list[NameCand]) -> Pick | None:
    if not cands:
        return None
    # How many distinct kinds of source name each person.
    kinds_of: dict[str, set[str]] = {}
    for c in cands:
        for name in c.names:
            kinds_of.setdefault(norm_key(name), set()).add(c.source)

    def support(c: NameCand) -> int:
        return max(len(kinds_of[norm_key(nm)]) for nm in c.names)

    best = max(cands, key=lambda c: c.weight + 0.08 * (support(c) - 1))
    conf = best.weight + 0.08 * (support(best) - 1)
    strong_rivals = [
        c for c in cands
        if c.weight >= 0.7 and not any(norm_key(x) in kinds_of and best.source in kinds_of[norm_key(x)] for x in c.names)
        and not set(map(norm_key, c.names)) & set(map(norm_key, best.names))
    ]
    if strong_rivals:
        conf -= 0.15
    return Pick(best.names, best.source, best.raw, min(conf, 0.98))
