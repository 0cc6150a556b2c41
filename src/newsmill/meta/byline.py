"""Choose the story's authors among JSON-LD, meta tags, microdata, DOM bylines and the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..segment import Segmentation
from . import nearhead
from .authors import clean_names, is_org, last_first, looks_personal, split_byline
from .candidates import Pick, norm_key
from .context import PageContext, query_bylines
from .givennames import has_given_name
from .jsonld import agents

_AUTHOR_META = {
    "author": 0.8, "article:author": 0.85, "article:author_name": 0.85, "dc.creator": 0.8,
    "dcterms.creator": 0.8, "parsely-author": 0.85, "sailthru.author": 0.85, "byl": 0.8,
    "citation_author": 0.8, "author_name": 0.8, "twitter:data1": 0.0,
}
# Other meta keys that hold a byline ("nar_author", "article_author"); URLs are skipped.
_AUTHOR_META_KEY = re.compile(r"(?:^|[_.:-])author(?:[_-]?name)?$")
# A login name leaked by the CMS ("andrew.keaveney"): trusted less than a byline in the page.
_LOGIN = re.compile(r"^[a-z0-9]+[._][a-z0-9._]+$")


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


# Twitter's "label1: Written by / data1: Jane Doe" pairs (Yoast, Ghost); data1 alone is as
# often the reading time, so only a "written by" label makes it a byline.
_TWITTER_LABEL = re.compile(r"^(?:written|posted|authored)\s+by$|^authors?$|^by$", re.IGNORECASE)


def _labelled_twitter_data(ctx: PageContext) -> list[tuple[str, float]]:
    out = []
    for i in (1, 2, 3):
        label = ctx.meta.get(f"twitter:label{i}")
        if label and _TWITTER_LABEL.match(label[0].strip()):
            out.append((f"twitter:data{i}", 0.78))
    return out


@lru_cache(maxsize=4096)
def _other_author_key(key: str) -> bool:
    """A meta name outside _AUTHOR_META that holds a byline (cached: names repeat across pages)."""
    return key not in _AUTHOR_META and bool(_AUTHOR_META_KEY.search(key))


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
    keys = list(_AUTHOR_META.items())
    keys += [(k, 0.75) for k in ctx.meta if _other_author_key(k)]
    keys += _labelled_twitter_data(ctx)
    for key, w in keys:
        if not w:
            continue
        vals = ctx.meta.get(key)
        if not vals:
            continue
        raw = "; ".join(vals[:5])
        vals = [last_first(v) if key.startswith("citation") else v for v in vals[:5] if "://" not in v]
        # "Press | Portal": a chain of outlets, one of them the site (a news portal's article:author).
        chains = [v for v in vals if " | " in v and any(norm_key(p) in orgs for p in v.split(" | "))]
        if chains:
            org_names += [chains[0].split(" | ")[0].strip()]
            vals = [v for v in vals if v not in chains]
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
    for c in cands:
        if all(norm_key(nm) in orgs for nm in c.names):
            # The site's own name as author ("Five Books"): a byline in the page may say who.
            c.weight = min(c.weight, 0.6)
        elif all(_LOGIN.match(nm) for nm in c.names):
            c.weight = min(c.weight, 0.7)
    return cands, org_names


def _infer_anchor(window: range, n_blocks: int) -> int:
    """The headline's block, from the window fields.py centres on it (4 before, 12 after)."""
    if window.start > 0:
        return window.start + 4
    if window.stop < n_blocks:
        return max(0, window.stop - 12)
    return window.start


def gather_page(
    ctx: PageContext, seg: Segmentation, window: range, kept: set[int], orgs: set[str],
    anchor: int | None = None,
) -> list[NameCand]:
    """Bylines in the DOM, "By ..." lines and bare names near the headline (block ``anchor``),
    and, on a forum page with none of these, the first poster."""
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
    if anchor is None:
        anchor = _infer_anchor(window, len(seg.blocks))
    for names, raw, w in nearhead.text_bylines(seg, window, kept, orgs, anchor):
        cands.append(NameCand(names, "text", raw, w))
    if not cands:
        for names, raw, w in nearhead.first_poster(ctx, seg, window, orgs, anchor):
            cands.append(NameCand(names, "dom", raw, w))
    if not cands:
        for names, raw, w in nearhead.author_box(seg, orgs, anchor):
            cands.append(NameCand(names, "text", raw, w))
    if not cands:
        for names, raw, w in nearhead.site_person(ctx, seg, orgs, anchor):
            cands.append(NameCand(names, "title", raw, w))
    return cands


def _is_handle(name: str) -> bool:
    """A login or a one-word handle ("andrew.keaveney", "KatieS", "jdoe"), not a plain
    capitalised word ("Venteur" is as likely the site's name)."""
    if _LOGIN.match(name):
        return True
    return " " not in name and (
        not name[:1].isupper() or any(ch.isdigit() or ch.isupper() for ch in name[1:])
    )


def _handle_only(c: NameCand) -> bool:
    return all(_is_handle(nm) for nm in c.names)


def settled(cands: list[NameCand]) -> bool:
    """A strong structured author list: no need to read bylines in the page. A login handle
    is not settled: the page may show the person's name."""
    return any(c.weight >= 0.85 and not _handle_only(c) for c in cands)


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
    if _handle_only(best) and not kinds_of[norm_key(best.names[0])] & {"dom", "text"}:
        # A CMS login in the structured data only, a person's name in the byline: the byline.
        # (A handle the page shows too is the byline: a forum's poster.)
        people = [c for c in cands if c.source in ("dom", "text") and c.weight >= 0.5
                  and all(looks_personal(nm) and (c.source == "dom" or has_given_name(nm))
                          for nm in c.names)]
        if people:
            best = max(people, key=lambda c: c.weight + 0.08 * (support(c) - 1))
    conf = best.weight + 0.08 * (support(best) - 1)
    strong_rivals = [
        c for c in cands
        if c.weight >= 0.7 and not any(norm_key(x) in kinds_of and best.source in kinds_of[norm_key(x)] for x in c.names)
        and not set(map(norm_key, c.names)) & set(map(norm_key, best.names))
    ]
    if strong_rivals:
        conf -= 0.15
    return Pick(best.names, best.source, best.raw, min(conf, 0.98))
