"""Published and modified dates, chosen among scored candidates and kept apart.

Structured fields (JSON-LD, ``article:*`` meta, microdata) outrank dates in the page's text;
text dates count only near the headline and outside comments, related lists and furniture.
A date that says it is an update never becomes the published date when the page has one; when
it has none, an update date the page shows (or its JSON-LD gives) stands in, with low confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..segment import FLAG_NAMES, SEM_BIT, Segmentation
from .candidates import Pick
from .context import PageContext, query_dates
from .dates import DateValue, find_dates, is_future, make_date, parse_structured
from .jsonld import PAGE_TYPES, types_of

PUBLISHED_META = {
    "article:published_time": 0.9, "og:article:published_time": 0.9, "article:published": 0.85,
    "article.published": 0.85, "published_time": 0.85, "og:published_time": 0.85,
    "datepublished": 0.85, "publish-date": 0.8, "publish_date": 0.8, "publishdate": 0.8,
    "pubdate": 0.8, "parsely-pub-date": 0.85, "sailthru.date": 0.8, "dc.date.issued": 0.8,
    "dcterms.issued": 0.8, "citation_publication_date": 0.8, "citation_online_date": 0.75,
    "citation_date": 0.75, "article_date_original": 0.8, "original-publish-date": 0.8,
    "date_published": 0.8, "release_date": 0.7, "dc.date": 0.7, "dcterms.date": 0.7,
    "dc.date.created": 0.7, "dcterms.created": 0.7, "date": 0.65, "displaydate": 0.7,
    "cxenseparse:recs:publishtime": 0.8, "analytics:published": 0.7, "uploaddate": 0.75,
    "published": 0.75, "publication_date": 0.8, "publish_time": 0.8, "article:published_date": 0.85,
    "og:pubdate": 0.75, "date-published": 0.8, "timestamp": 0.6,
}
MODIFIED_META = {
    "article:modified_time": 0.9, "og:updated_time": 0.85, "article:modified": 0.85,
    "modified_time": 0.85, "datemodified": 0.85, "dcterms.modified": 0.8, "dc.date.modified": 0.8,
    "last-modified": 0.7, "lastmod": 0.7, "parsely-updated": 0.8, "sailthru.lastmodified": 0.8,
    "revised": 0.65,
}
_PUB_HINT = re.compile(
    r"publi|posted|created|pubdate|issued|released|erschienen|veröffentlicht|publicado|"
    r"pubblicato|gepubliceerd|written|dateline|post-date|entry-date|article-date|story-date",
    re.IGNORECASE,
)
_MOD_HINT = re.compile(
    r"updated|\bupdate\s*(?:[:·|]|on\b)|last[- _]?update|modif|edited|revised|reviewed|"
    r"mis à jour|mise à jour|aktualisiert|geändert|actualizad|aggiornat|bijgewerkt|"
    r"last[- ]?change|changed",
    re.IGNORECASE,
)
# A label alone on its line, the date on the next: "Published" / "July 8, 2025".
_DATE_LABEL = re.compile(
    r"^\s*(?:(?P<pub>published|posted|date|publication date|published on|posted on|"
    r"publié le|veröffentlicht|publicado)|(?P<mod>updated|last updated|updated on|modified|"
    r"last modified|mis à jour|aktualisiert|actualizado))\s*:?\s*$",
    re.IGNORECASE,
)
_BAD_HINT = re.compile(
    r"comment|copyright|©|clock|current|today|now|weather|event|expir|deadline|birth|"
    r"archive|calendar|schedule|due|reply|live-?time",
    re.IGNORECASE,
)
# Where an update date may stand in for a missing published date: shown to readers (dom, text)
# or declared on the article's own JSON-LD node. A lone modified meta tag is not: CMSs stamp
# every save there, on pages that are not dated at all (measured on wcxb-dev: 4 of 42 such
# values matched a labelled date, against 14 of 25 for these sources).
_SHOWN_UPDATE_SOURCES = frozenset(["dom", "text", "json-ld"])
ONLY_UPDATE_CAP = 0.5
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)

_BAD_FLAGS = 0
for _n in ("nav", "footer", "comment", "related", "ad", "cookie", "newsletter", "popup", "pager"):
    _BAD_FLAGS |= 1 << FLAG_NAMES.index(_n)
_BAD_SEM = SEM_BIT["nav"] | SEM_BIT["footer"] | SEM_BIT["aside"] | SEM_BIT["form"] | SEM_BIT["dialog"]
_META_FLAG = 1 << FLAG_NAMES.index("meta")


@dataclass(slots=True)
class DateCand:
    value: DateValue
    source: str
    raw: str
    weight: float
    modified: bool  # an update/modification date
    labelled: bool = False  # the page says "published"/"posted" next to it


def url_date(url: str | None) -> DateValue | None:
    """/2014/11/24/ or /2014-11-24- in the path; ids that only look like dates do not match."""
    if not url:
        return None
    path = urlsplit(url).path
    m = _URL_DATE.search(path)
    if not m:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _hinted_text_dates(
    text: str, hint: str, dmy_first: bool, ref: datetime
) -> list[tuple[DateValue, bool, bool]]:
    """(date, is_modified, has_published_hint) for each date written in ``text``; the words just
    before a date, or the element's class, say which kind it is."""
    out = []
    for dv, a, _b in find_dates(text, dmy_first=dmy_first, ref=ref, limit=4):
        before = text[max(0, a - 40) : a]
        # The nearest label wins: "Published Nov 24 · Updated Nov 25".
        mod_m = list(_MOD_HINT.finditer(before))
        pub_m = list(_PUB_HINT.finditer(before))
        last_mod = mod_m[-1].end() if mod_m else -1
        last_pub = pub_m[-1].end() if pub_m else -1
        if last_mod < 0 and last_pub < 0:
            is_mod = bool(_MOD_HINT.search(hint)) and not _PUB_HINT.search(hint)
            has_pub = bool(_PUB_HINT.search(hint))
        else:
            is_mod = last_mod > last_pub
            has_pub = last_pub > last_mod
        out.append((dv, is_mod, has_pub))
    return out


def _is_clock(text: str, dv: DateValue) -> bool:
    # A ticking clock: a time with seconds and no label ("11/22/2024 06:30:49 am").
    return dv.has_time and bool(re.search(r"\d:\d\d:\d\d", text)) and not _PUB_HINT.search(text)


def gather_structured(ctx: PageContext, main: dict | None, main_kind: str, ref: datetime) -> list[DateCand]:
    """Dates from JSON-LD, meta tags and microdata."""
    cands: list[DateCand] = []

    def add(raw: object, source: str, weight: float, modified: bool) -> None:
        if not raw or not isinstance(raw, str):
            return
        dv = parse_structured(raw)
        if dv is None or is_future(dv, ref):
            return
        cands.append(DateCand(dv, source, raw, weight, modified))

    if main:
        page_w = 1.0 if main_kind in ("article", "item") else 0.8
        add(main.get("datePublished"), "json-ld", 0.92 * page_w, False)
        add(main.get("dateCreated"), "json-ld", 0.75 * page_w, False)
        add(main.get("uploadDate"), "json-ld", 0.8 * page_w, False)
        add(main.get("dateModified"), "json-ld", 0.9 * page_w, True)
    if main_kind != "article":
        # A WebPage node's dates when the main node had none.
        for node in ctx.graph.nodes:
            if node is not main and "datePublished" in node:
                if types_of(node) & PAGE_TYPES:
                    add(node.get("datePublished"), "json-ld", 0.7, False)
                    add(node.get("dateModified"), "json-ld", 0.7, True)
                    break
    for key, w in PUBLISHED_META.items():
        add(ctx.first(key), "meta", w, False)
    for key, w in MODIFIED_META.items():
        add(ctx.first(key), "meta", w, True)
    seen_md: set[str] = set()
    for prop, val, zone in ctx.microdata:
        if zone < 0 or prop in seen_md or prop not in ("datepublished", "datecreated", "datemodified"):
            continue
        seen_md.add(prop)
        w = 0.85 if prop == "datepublished" else 0.7 if prop == "datecreated" else 0.8
        add(val, "microdata", w, prop == "datemodified")
    dv = url_date(ctx.url)
    if dv is not None and not is_future(dv, ref):
        cands.append(DateCand(dv, "url", ctx.url or "", 0.5, False))
    return cands


def gather_dom(ctx: PageContext, dmy_first: bool, ref: datetime, *, whole_page: bool = False) -> list[DateCand]:
    """<time> and date-classed elements, first ones in the story's zone first."""
    cands: list[DateCand] = []
    n_dom = 0
    for hit in query_dates(ctx, whole_page=whole_page):
        if hit.zone < 0 or _BAD_HINT.search(hit.hint) or "©" in hit.text or "copyright" in hit.text.lower():
            continue
        if n_dom >= 6:
            break
        base = 0.72 if hit.zone > 0 else 0.6
        base -= 0.04 * n_dom
        found = False
        if hit.attr:
            dv = parse_structured(hit.attr)
            if dv is not None and not is_future(dv, ref):
                label = f"{hit.hint} {hit.text}"
                is_mod = bool(_MOD_HINT.search(label)) and not _PUB_HINT.search(hit.hint)
                has_pub = bool(_PUB_HINT.search(hit.hint))
                w = base + (0.08 if has_pub else 0.0)
                cands.append(DateCand(dv, "dom", hit.attr, w, is_mod, has_pub))
                found = True
        if not found and hit.text:
            for dv, is_mod, has_pub in _hinted_text_dates(hit.text, hit.hint, dmy_first, ref):
                if is_future(dv, ref) or _is_clock(hit.text, dv):
                    continue
                w = base - 0.05 + (0.08 if has_pub else 0.0) - (0.1 if dv.relative else 0.0)
                cands.append(DateCand(dv, "dom", hit.text, w, is_mod, has_pub))
                found = True
        n_dom += found
    return cands


def gather_text(seg: Segmentation, window: range, kept: set[int], dmy_first: bool, ref: datetime) -> list[DateCand]:
    """Dates written near the headline: "Published on Nov. 24, 2014 by ..."."""
    cands: list[DateCand] = []
    blocks = seg.blocks
    elems = seg.elems
    n_txt = 0
    for bi in window:
        b = blocks[bi]
        if b.chars > 250 or n_txt >= 3:
            continue
        e = elems[b.elem]
        if bi not in kept and (e.iflags & _BAD_FLAGS or e.isem & _BAD_SEM):
            continue
        low = b.text.lower()
        if "©" in b.text or "copyright" in low or "all rights reserved" in low:
            continue
        text = b.text
        lab = _DATE_LABEL.match(text) if b.chars < 40 else None
        if lab and bi + 1 < len(blocks) and blocks[bi + 1].chars < 80:
            text = f"{text} {blocks[bi + 1].text}"
        for dv, is_mod, has_pub in _hinted_text_dates(text, "", dmy_first, ref):
            if is_future(dv, ref) or _is_clock(b.text, dv):
                continue
            w = 0.55 + (0.1 if has_pub else 0.0) + (0.05 if e.iflags & _META_FLAG else 0.0)
            w -= 0.1 if dv.relative else 0.0
            cands.append(DateCand(dv, "text", text, w, is_mod, has_pub))
            n_txt += 1
    return cands


def settled(cands: list[DateCand]) -> bool:
    """Structured sources agree on a strong published date: no need to read the page."""
    pub = [c for c in cands if not c.modified and c.source != "url"]
    if not pub:
        return False
    best = max(pub, key=lambda c: c.weight)
    return best.weight >= 0.85 and all(c.value.day == best.value.day for c in pub if c.weight >= 0.7)


def _choose(cands: list[DateCand]) -> tuple[DateCand, float] | None:
    if not cands:
        return None
    groups: dict[object, list[DateCand]] = {}
    for c in cands:
        groups.setdefault(c.value.day, []).append(c)

    def score(g: list[DateCand]) -> float:
        kinds = {c.source for c in g}
        return max(c.weight for c in g) + 0.06 * (len(kinds) - 1)

    best_day, best = max(groups.items(), key=lambda kv: score(kv[1]))
    conf = score(best)
    rivals = [score(g) for d, g in groups.items() if d != best_day]
    if rivals:
        conf -= 0.5 * max(0.0, max(rivals) - 0.4)
    # The most precise form of the day, from the strongest source that gives it.
    top = max(best, key=lambda c: (c.weight + (0.05 if c.value.has_time else 0) + (0.05 if c.value.offset is not None else 0)))
    return top, conf


def pick_dates(cands: list[DateCand]) -> tuple[Pick | None, Pick | None]:
    pub = _choose([c for c in cands if not c.modified])
    mod = _choose([c for c in cands if c.modified])
    p_pick = m_pick = None
    if pub:
        c, conf = pub
        p_pick = Pick(c.value.iso(), c.source, c.raw, min(conf, 0.99))
    if mod:
        c, conf = mod
        m_pick = Pick(c.value.iso(), c.source, c.raw, min(conf, 0.99))
    if pub is None and mod is not None and mod[0].source in _SHOWN_UPDATE_SOURCES:
        # The page states no published date anywhere, only an update: the date it shows (or
        # declares for the article itself) is the best answer to "when is this from", though
        # not proof of first publication, so it comes with a low confidence.
        # ``from`` says so ("modified"), which also gives it its own calibration cell.
        c, conf = mod
        p_pick = Pick(c.value.iso(), "modified", c.raw, min(conf, ONLY_UPDATE_CAP))
    if pub and mod and pub[0].value.day > mod[0].value.day:
        # Published after modified: one of them is wrong; trust both less.
        p_pick.confidence -= 0.15  # type: ignore[union-attr]
        m_pick.confidence -= 0.25  # type: ignore[union-attr]
    elif pub and mod and pub[0].value.day < mod[0].value.day:
        # Updated since: the page likely shows the update date, and "the date" is ambiguous.
        p_pick.confidence = min(p_pick.confidence, 0.86)  # type: ignore[union-attr]
    return p_pick, m_pick
