"""Published and modified dates, chosen among scored candidates and kept apart.

Structured fields (JSON-LD, ``article:*`` meta, microdata) outrank dates in the page's text;
text dates count only near the headline and outside comments, related lists and furniture.
A date that says it is an update never becomes the published date when the page has one; when
it has none, an update date the page shows (or its JSON-LD gives) stands in, with low confidence.
A UTC timestamp is told on the page's own calendar: in the zone the page's other dates use, or as
the shown dateline it falls on locally; a structured date that is only the last-save stamp yields
to the dateline under the headline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from itertools import chain
from urllib.parse import urlsplit

from ..segment import FLAG_NAMES, SEM_BIT, Block, Segmentation
from .candidates import Pick
from .context import PageContext, headline_in_post, is_post_class, query_dates, query_first_post
from .dates import MONTHS, DateValue, find_dates, is_future, make_date, now_utc, parse_structured
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
    # Not "republished": a note that names another outlet's earlier date.
    r"(?<!re)publi|posted|submitted|created|pubdate|issued|released|erschienen|veröffentlicht|publicado|"
    r"pubblicato|gepubliceerd|written|dateline|post-date|entry-date|article-date|story-date|"
    # Persian "publication date", Arabic "published on" / "publication date".
    r"تاریخ انتشار|نشر في|تاريخ النشر",
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
    r"archive|calendar|schedule|due|reply|live-?time|joined|regdate|register|member|listing|"
    r"access-?date|retriev",
    re.IGNORECASE,
)
# "by Jane Doe · Nov 24, 2014": a date in the byline's line is the story's.
_BY_BEFORE = re.compile(r"(?:^|\s)(?:by|par|von|por)\s+\S", re.IGNORECASE)
# First publication said in so many words: stronger than a bare "published".
_ORIG_HINT = re.compile(r"(?:originally|first|initially)\s+(?:published|posted|appeared)", re.IGNORECASE)
# A member's profile in a forum post or a comment: not the story's date.
_PROFILE_HINT = re.compile(
    r"joined|registered|member since|last (?:seen|visit|active|login)|mitglied seit|registriert|"
    r"inscrit|inscrição|registrado|dabei seit",
    re.IGNORECASE,
)
# A date something runs to, not one it was published on: "Sale ends 03/31/2026", "Offer valid
# until", "Apply by", "Gültig bis", "jusqu'au", "hasta el".
_UNTIL_HINT = re.compile(
    r"(?:\b(?:ends?|ending|expires?|expiry|expiration|until|till|through|thru|deadline|due|"
    r"closes?|closing|apply by|order by|arrives?|delivery by|get it by|bis|jusqu'?au|hasta(?: el)?|"
    r"fino al|scade|läuft ab|t/m)|gültig bis)\s*(?:on|le|el|am)?\s*:?\s*$",
    re.IGNORECASE,
)
# When a reference was read, not when the page was published: "Retrieved 3 February 2022".
_ACCESS_HINT = re.compile(
    r"retrieved|accessed|access date|abgerufen|zugegriffen|consulté|consultado|consultato|geraadpleegd",
    re.IGNORECASE,
)
# Meta names no list can hold: "w-published-date", "og:publish_date", "ms.date", "date-pub".
_META_PUB_KEY = re.compile(
    r"publi(?:sh|cation)|(?:^|[^a-z])pub(?:[^a-z]|date|time|$)|upload[-_ ]?date|release[-_ ]?date|"
    r"date[-_ ]?created|created[-_ ]?(?:date|time)"
)
_META_MOD_KEY = re.compile(r"modif|updat|last[-_ ]?(?:mod|publi|change)|revis")
_META_DATE_KEY = re.compile(r"(?:^|[.:_ -])date$")
_META_TIME_KEY = re.compile(r"date|time|published$")
_META_SKIP_KEY = re.compile(
    r"publisher|expir|review|copyright|current|verif|valid|event|start|end|birth|print|embargo|"
    r"cache|ttl|render|build|generat|crawl|index|server|now|today|load[-_]?time"
)
# Where an update date may stand in for a missing published date: shown to readers (dom, text)
# or declared on the article's own JSON-LD node. A lone modified meta tag is not: CMSs stamp
# every save there, on pages that are not dated at all (measured on wcxb-dev: 4 of 42 such
# values matched a labelled date, against 14 of 25 for these sources).
_SHOWN_UPDATE_SOURCES = frozenset(["dom", "text", "json-ld"])
ONLY_UPDATE_CAP = 0.5
_URL_DATE = re.compile(
    r"[/_-]((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
# "/20100608/", "/2010/0608/": the date as one run of digits, a whole path segment.
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d\d)/?(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/|$)")
# "/2023/october/03/": the month spelled out.
_URL_DATE_NAMED = re.compile(r"/((?:19|20)\d\d)/([a-zé]{3,9})/(0?[1-9]|[12]\d|3[01])(?=/|$)", re.IGNORECASE)

_BAD_FLAGS = 0
for _n in ("nav", "footer", "comment", "related", "ad", "cookie", "newsletter", "popup", "pager"):
    _BAD_FLAGS |= 1 << FLAG_NAMES.index(_n)
_BAD_SEM = SEM_BIT["nav"] | SEM_BIT["footer"] | SEM_BIT["aside"] | SEM_BIT["form"] | SEM_BIT["dialog"]
_META_FLAG = 1 << FLAG_NAMES.index("meta")
_NAV_FLAG = 1 << FLAG_NAMES.index("nav")
_POST_FLAG = 1 << FLAG_NAMES.index("post")
_OTHERS_FLAGS = (1 << FLAG_NAMES.index("comment")) | (1 << FLAG_NAMES.index("related"))


@dataclass(slots=True)
class DateCand:
    value: DateValue
    source: str
    raw: str
    weight: float
    modified: bool  # an update/modification date
    labelled: bool = False  # the page says "published"/"posted" next to it


def url_date(url: str | None) -> DateValue | None:
    """/2014/11/24/, /2014-11-24-, a slug's -2014-11-24, /20141124/ or /2014/1124/ in the path;
    ids that only look like dates do not match."""
    if not url:
        return None
    path = urlsplit(url).path
    m = _URL_DATE.search(path) or _URL_DATE_COMPACT.search(path)
    if m:
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_DATE_NAMED.search(path)
    mo = MONTHS.get(m.group(2).lower()) if m else None
    if m and mo:
        return make_date(int(m.group(1)), mo, int(m.group(3)))
    return None


def _hinted_text_dates(
    text: str, hint: str, dmy_first: bool, ref: datetime | None
) -> list[tuple[DateValue, bool, float]]:
    """(date, is_modified, published-label bonus) for each date written in ``text``; the words
    just before a date, or the element's class, say which kind it is. Dates a member's profile
    gives ("Joined: Mar 2017") are left out."""
    out = []
    for dv, a, _b in find_dates(text, dmy_first=dmy_first, ref=ref, limit=4):
        before = text[max(0, a - 40) : a]
        if _PROFILE_HINT.search(before[-25:]) or _UNTIL_HINT.search(before) or _ACCESS_HINT.search(before[-25:]):
            continue
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
        bonus = 0.0
        if has_pub:
            bonus = 0.15 if _ORIG_HINT.search(before) else 0.08
        elif not is_mod and last_mod < 0 and _BY_BEFORE.search(before):
            bonus = 0.06
        out.append((dv, is_mod, bonus))
    return out


# A masthead's furniture beside its clock: the weather, the print edition, "Today is".
_MASTHEAD = re.compile(r"weather|°\s?[fc]\b|\btoday is\b|e-?edition|today's paper|todays paper", re.IGNORECASE)


def _is_fetch_day(dv: DateValue, ref: datetime | None) -> bool:
    """The day the page was fetched (today, without a fetch time), a day either side for zones."""
    when = (ref or now_utc()).astimezone(UTC).date()
    return abs((dv.day - when).days) <= 1


def _is_clock(text: str, dv: DateValue) -> bool:
    # A ticking clock: a time with seconds and no label ("11/22/2024 06:30:49 am").
    return dv.has_time and bool(re.search(r"\d:\d\d:\d\d", text)) and not _PUB_HINT.search(text)


_OTHER_KEY, _MOD_KEY, _PUB_KEY, _DATE_KEY = range(4)


@lru_cache(maxsize=4096)
def _meta_key_kind(key: str) -> int:
    """What a meta name outside the two lists says: a modified, published or plain date, or
    nothing. Cached: the same few hundred names come back on every page."""
    if key in PUBLISHED_META or key in MODIFIED_META or not _META_TIME_KEY.search(key):
        return _OTHER_KEY
    if _META_SKIP_KEY.search(key):
        return _OTHER_KEY
    if _META_MOD_KEY.search(key):
        return _MOD_KEY
    if _META_PUB_KEY.search(key):
        return _PUB_KEY
    if _META_DATE_KEY.search(key):
        return _DATE_KEY
    return _OTHER_KEY


def gather_structured(ctx: PageContext, main: dict | None, main_kind: str, ref: datetime | None) -> list[DateCand]:
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
    meta = ctx.meta
    for key, w in PUBLISHED_META.items():
        vals = meta.get(key)
        if vals:
            add(vals[0], "meta", w, False)
    for key, w in MODIFIED_META.items():
        vals = meta.get(key)
        if vals:
            add(vals[0], "meta", w, True)
    for key, vals in ctx.meta.items():
        kind = _meta_key_kind(key)
        if kind == _MOD_KEY:
            add(vals[0], "meta", 0.7, True)
        elif kind == _PUB_KEY:
            add(vals[0], "meta", 0.72, False)
        elif kind == _DATE_KEY:
            add(vals[0], "meta", 0.6, False)
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


def gather_dom(ctx: PageContext, dmy_first: bool, ref: datetime | None, *, whole_page: bool = False) -> list[DateCand]:
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
            for dv, is_mod, bonus in _hinted_text_dates(hit.text, hit.hint, dmy_first, ref):
                if is_future(dv, ref) or _is_clock(hit.text, dv):
                    continue
                w = base - 0.05 + bonus - (0.1 if dv.relative else 0.0)
                cands.append(DateCand(dv, "dom", hit.text, w, is_mod, bonus > 0))
                found = True
        n_dom += found
    return cands


# What says a page is a forum thread without reading its body.
_FORUM_TYPES = frozenset(["discussionforumposting", "qapage"])  # not "question": FAQ pages list them
_FORUM_GENERATOR = re.compile(
    r"vbulletin|phpbb|xenforo|discourse|invision|fluxbb|punbb|mybb|simple machines|\bsmf\b|"
    r"vanilla|nodebb|flarum|discuz",
    re.IGNORECASE,
)
# Forum software's post containers, as segment's element signatures ("tag.class") show them:
# seen there for free, they decide whether the page's posts are worth a query of their own.
FORUM_WEIGHT = 0.72  # the opening post's own date: as good as a dated byline


def is_forum_thread(ctx: PageContext) -> bool:
    """The page says it is a thread: a forum posting or Q&A type in its JSON-LD, or a forum
    package's generator tag."""
    if any(types_of(n) & _FORUM_TYPES for n in ctx.graph.nodes):
        return True
    return any(_FORUM_GENERATOR.search(g) for g in ctx.meta.get("generator", []))


def has_post_markup(ctx: PageContext, seg: Segmentation, window: range) -> bool:
    """Some element is classed as a forum post, or the headline sits in a post. Segment's
    "post" flag on the blocks around the headline first, for free: most pages have none."""
    if headline_in_post(ctx):
        return True
    blocks, elems = seg.blocks, seg.elems
    if not any(elems[blocks[i].elem].iflags & _POST_FLAG for i in window):
        return False
    return any(map(_post_sig, {e.sig for e in elems}))


@lru_cache(maxsize=32768)
def _post_sig(sig: str) -> bool:
    """A "tag.class" signature of a post's container (blogs' <article class="post"> aside).
    Cached: the same few hundred signatures come back on every page of a site."""
    tag, _, cls = sig.lower().partition(".")
    return is_post_class(tag, cls, strict=True)


def gather_forum(ctx: PageContext, dmy_first: bool, ref: datetime | None, *, known: bool) -> list[DateCand]:
    """The date of a thread's first post, the thread starter's: the thread's publication date.
    Posts are marked up as replies or messages, so the story-zone rules refuse their dates;
    only the first post is read here, never the replies after it."""
    post = query_first_post(ctx, known_forum=known)
    if post is None:
        return []
    for raw in post.attrs:
        dv = parse_structured(raw)
        if dv is not None and not is_future(dv, ref):
            return [DateCand(dv, "dom", raw, FORUM_WEIGHT, False)]
    # No machine-readable stamp: the first date written in the post's head ("#1 2025-11-01
    # 15:14:37"), not a member's "Joined" or "Registered" date. A post header's time with
    # seconds is the post's, not a ticking clock.
    for dv, is_mod, _bonus in _hinted_text_dates(post.text, "", dmy_first, ref):
        if not is_mod and not dv.relative and not is_future(dv, ref):
            return [DateCand(dv, "dom", post.text[:120], FORUM_WEIGHT - 0.04, False)]
    return []


_BYLINE_BLOCK = re.compile(r"^\s*(?:(?:written|posted|published)\s+)?(?:by|par|von|por)\b", re.IGNORECASE)
_KICKER_CHARS = 40  # a dateline set above the headline is the date and a word or two
_ENTRY_POSTED = re.compile(r"\s*this (?:entry|post|article|story) was (?:posted|published|written)\b", re.IGNORECASE)
TAIL_BLOCKS = 8  # how far past the story's last block a closing "Written by ... / date" is looked for


def _text_dates(
    blocks: list[Block], bi: int, dmy_first: bool, ref: datetime | None
) -> tuple[str, list[tuple[DateValue, bool, float]]]:
    b = blocks[bi]
    text = b.text
    if b.chars < 40 and bi and blocks[bi - 1].chars < 30 and _PROFILE_HINT.search(blocks[bi - 1].text):
        return text, []  # a profile card's "Joined" / "Jun 14, 2020", label and value apart
    lab = _DATE_LABEL.match(text) if b.chars < 40 else None
    if lab and bi + 1 < len(blocks) and blocks[bi + 1].chars < 80:
        text = f"{text} {blocks[bi + 1].text}"
    found = [
        t for t in _hinted_text_dates(text, "", dmy_first, ref)
        if not is_future(t[0], ref) and not _is_clock(b.text, t[0])
    ]
    return text, found


def gather_text(
    seg: Segmentation, window: range, kept: set[int], dmy_first: bool, ref: datetime | None, *,
    anchor: int | None = None, headline: bool = True,
) -> list[DateCand]:
    """Dates written near the headline: "Published on Nov. 24, 2014 by ...", and failing that
    a closing byline with its date just after the story ("Written by Jane Doe" / "April 8, 2024").

    ``anchor`` is the headline's block (``headline``), or else the story's first. Flags the
    headline's own block carries (an ancestor's class: a post "card", a "newsletter" layout)
    are the story's container, not furniture, so they do not disqualify the dateline just under
    it, or a short one just above it ("Editorial November 22, 2018"; a longer line there is more
    often a ticker of other stories).
    """
    cands: list[DateCand] = []
    blocks = seg.blocks
    elems = seg.elems
    head_bad = elems[blocks[anchor].elem].iflags & _BAD_FLAGS if anchor is not None and anchor < len(blocks) else 0
    if anchor is not None:  # and the story's own container's
        head_bad |= seg.story_flags(kept, anchor) & _BAD_FLAGS
    n_txt = 0
    order: Iterable[int] = window
    if headline and anchor is not None and window.start < anchor < window.stop:
        # Under the headline first, then up from it: what stands above it is more often a
        # ticker or a list of other stories than a dateline.
        order = chain(range(anchor, window.stop), range(anchor - 1, window.start - 1, -1))
    for bi in order:
        b = blocks[bi]
        if b.chars > 250 or n_txt >= 3:
            continue
        e = elems[b.elem]
        if bi not in kept:
            bad = e.iflags & _BAD_FLAGS
            if anchor is not None and (anchor < bi <= anchor + 10 or anchor - 4 <= bi < anchor and b.chars <= _KICKER_CHARS):
                bad &= ~head_bad
                if bad == _NAV_FLAG and b.chars <= 60 and _PUB_HINT.search(b.text):
                    bad = 0  # "Publication date: …" in the story header's "item-nav" strip
            if bad or e.isem & _BAD_SEM:
                continue
        elif e.iflags & _OTHERS_FLAGS & ~head_bad or e.isem & SEM_BIT["aside"]:
            continue  # readers' comments and other stories, kept with the story, do not date it
        low = b.text.lower()
        if "©" in b.text or "copyright" in low or "all rights reserved" in low:
            continue
        above = anchor is not None and bi < anchor and bi not in kept
        if above and _MASTHEAD.search(low):
            continue  # "Tuesday, November 30, 2026 | Weather: 45°F": the page's clock
        text, found = _text_dates(blocks, bi, dmy_first, ref)
        for dv, is_mod, bonus in found:
            if above and not bonus and _is_fetch_day(dv, ref):
                continue  # today's date over the headline, unlabelled: the masthead's clock
            w = 0.55 + (bonus * 1.25) + (0.05 if e.iflags & _META_FLAG else 0.0)
            # The first dateline under the headline is the story's; later ones are often an
            # embedded book, event or product's date.
            w -= (0.1 if dv.relative else 0.0) + 0.03 * n_txt
            cands.append(DateCand(dv, "text", text, w, is_mod, bonus > 0))
            n_txt += 1
    if not any(not c.modified for c in cands) and kept:
        cands += _tail_dates(seg, max(kept), dmy_first, ref)
    return cands


def _tail_dates(seg: Segmentation, last: int, dmy_first: bool, ref: datetime | None) -> list[DateCand]:
    """A dateline closing the story: labelled ("Posted on ..."), in a byline ("by X · date"), or
    on the line after a byline. Anything else after the story is a comment or a related item."""
    blocks = seg.blocks
    out: list[DateCand] = []
    for bi in range(max(0, last - 2), min(len(blocks), last + TAIL_BLOCKS)):
        b = blocks[bi]
        e = seg.elems[b.elem]
        if e.iflags & _BAD_FLAGS or e.isem & _BAD_SEM:
            continue
        # WordPress's classic themes close a post with one long paragraph that opens "This entry
        # was posted on Tuesday, June 2nd, 2009 at 7:45 am and is filed under ...": its opening
        # is a labelled date line. Other long blocks are prose.
        long_entry = b.chars > 160
        if long_entry and not _ENTRY_POSTED.match(b.text):
            continue
        after_byline = bi > 0 and blocks[bi - 1].chars < 80 and bool(_BYLINE_BLOCK.match(blocks[bi - 1].text))
        if long_entry:
            text = b.text[:160]
            found = [t for t in _hinted_text_dates(text, "", dmy_first, ref) if not is_future(t[0], ref)][:1]
        else:
            text, found = _text_dates(blocks, bi, dmy_first, ref)
        for dv, is_mod, bonus in found:
            if is_mod or not (bonus > 0 or after_byline) or dv.relative:
                continue
            out.append(DateCand(dv, "text", text, 0.5 + bonus, False, bonus > 0))
        if out:
            break
    return out


# A line that starts with a date's label: "Last updated: November 13, 2025". Not "Reviewed":
# shoppers' reviews and medical reviewers carry their own dates.
_LABELLED_LINE = re.compile(
    r"^\s*(?:(?:originally\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified))(?:\s+on)?\s*:?\s*\S",
    re.IGNORECASE,
)
LABELLED_CHARS = 80


def gather_labelled(seg: Segmentation, kept: set[int], dmy_first: bool, ref: datetime | None) -> list[DateCand]:
    """A labelled date line anywhere in the story or around it, for a page with no date near
    its headline: some pages say "Last updated: ..." only at the end of the story or in its
    closing box. Not in comments, related stories or the page's menus and footer."""
    blocks, elems = seg.blocks, seg.elems
    for bi, b in enumerate(blocks):
        if b.chars > LABELLED_CHARS or not _LABELLED_LINE.match(b.text):
            continue
        e = elems[b.elem]
        if bi not in kept and (e.iflags & _BAD_FLAGS or e.isem & _BAD_SEM):
            continue
        if e.iflags & _OTHERS_FLAGS:
            continue
        out = [
            DateCand(dv, "text", b.text, 0.45 + bonus, is_mod, bonus > 0)
            for dv, is_mod, bonus in _hinted_text_dates(b.text, "", dmy_first, ref)
            if not dv.relative and not is_future(dv, ref)
        ]
        if out:
            return out[:1]
    return []


THREAD_HEAD_BLOCKS = 12  # kept blocks read for the opening post's date


def gather_thread_start(seg: Segmentation, kept: list[int], dmy_first: bool, ref: datetime | None) -> list[DateCand]:
    """On a page typed as a thread with no date found otherwise, the first date written in its
    opening blocks: the first post's stamp ("On 6/14/2024 at 9:12 AM, JGD said:"), the thread's
    publication date. Not a member's "Joined" date, an edit stamp or a relative time. A Q&A
    question's "asked Mar 26, 2019 at 16:18" counts though not kept (a stamp, not text)."""
    blocks = seg.blocks
    head = kept[:THREAD_HEAD_BLOCKS]
    if not head:
        return []
    inside = set(head)
    for bi in range(head[0], head[-1] + 1):
        b = blocks[bi]
        if b.chars > 160 or (bi not in inside and b.text[:6].lower() != "asked "):
            continue
        for dv, is_mod, _bonus in _hinted_text_dates(b.text, "", dmy_first, ref):
            if not is_mod and not dv.relative and not is_future(dv, ref):
                return [DateCand(dv, "text", b.text, 0.45, False)]
    return []


_STRUCTURED = frozenset(["json-ld", "meta", "microdata"])
_SHOWN = frozenset(["dom", "text"])
# A published stamp this close to the last modification may be the CMS's save time, not the day
# the story came out (site rebuilds, migrations, template fields).
_SAVE_STAMP_DAYS = 2


def _resaved(pub: DateValue, cands: list[DateCand]) -> bool:
    """A structured modified date on (or within a couple of days of) the published one."""
    return any(
        c.modified and c.source in _STRUCTURED and abs((c.value.day - pub.day).days) <= _SAVE_STAMP_DAYS
        for c in cands
    )


def settled(cands: list[DateCand]) -> bool:
    """Structured sources agree on a strong published date: no need to read the page. Not when
    the date is a UTC or zone-less timestamp (the page's own calendar day may differ) or looks
    like a save stamp: then the page's visible dateline has a say."""
    pub = [c for c in cands if not c.modified and c.source != "url"]
    if not pub:
        return False
    best = max(pub, key=lambda c: c.weight)
    v = best.value
    if v.has_time and not v.offset:
        return False
    if _resaved(v, cands):
        return False
    return best.weight >= 0.85 and all(c.value.day == best.value.day for c in pub if c.weight >= 0.7)


def _page_offset(cands: list[DateCand]) -> int | None:
    """The zone the page writes its times in: the most common offset other than UTC, among its
    published dates first (an update stamp may carry another season's offset, DST)."""
    for pub_only in (True, False):
        counts = Counter(
            c.value.offset for c in cands
            if c.value.has_time and c.value.offset and not (pub_only and c.modified)
        )
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _reconcile(top: DateCand, conf: float, cands: list[DateCand]) -> tuple[DateCand, float]:
    """Let the page's own zone and dateline correct a structured published date.

    A UTC timestamp is rendered in the zone the page's other dates use; failing that, a shown
    dateline (or the URL's date) one day off that the moment could fall on locally wins. A
    structured date that is also the last-save stamp yields to an earlier dateline shown next
    to the headline.
    """
    v = top.value
    if top.source not in _STRUCTURED:
        return top, conf
    # What the page shows as its date: a written day, not another UTC timestamp.
    shown = [
        c for c in cands
        if not c.modified and (c.source in _SHOWN or c.source == "url") and not (c.value.has_time and c.value.offset == 0)
    ]
    midnight = v.hour == 0 and v.minute == 0 and v.second == 0  # a bare day stored as a moment
    if v.has_time and not v.offset and not midnight:
        zone = _page_offset(cands)
        if zone is not None and v.offset == 0:
            return DateCand(v.in_zone(zone), top.source, top.raw, top.weight, False, top.labelled), conf
        page_day = [c for c in shown if c.source != "url"] or shown
        if page_day:
            best = max(page_day, key=lambda c: c.weight)
            if v.could_be_local_day(best.value.day):
                return best, conf
    # Not when the page shows that day itself next to its headline: then it is the date.
    if _resaved(v, cands) and not any(c.source == "text" and not c.modified and c.value.day == v.day for c in cands):
        early = [c for c in shown if c.source != "url" and (v.day - c.value.day).days >= 1]
        if early:
            best = max(shown, key=lambda c: c.weight)
            if best in early:
                return best, min(conf, 0.75)
    return top, conf


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


_EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_FIRST = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _EN_MONTH + r",?\s+\d{4}\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(r"\b" + _EN_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", re.IGNORECASE)


def _settle_order(cands: list[DateCand], dmy_first: bool | None = None) -> None:
    """An ambiguous "03/10/2023" takes the reading another date on the page (the URL's, a
    structured one) confirms; failing that, the order the page writes its other dates in
    ("16 February 2026" is day first: a British page, whatever its lang="en" says).
    ``dmy_first`` is the order the ambiguous dates were read in."""
    days = {c.value.day for c in cands if c.value.alt is None}
    open_: list[DateCand] = []
    for c in cands:
        alt = c.value.alt
        if alt is not None and alt in days and c.value.day not in days:
            c.value = c.value.swapped()
        elif alt is not None and c.value.day not in days:
            open_.append(c)
    if not open_ or dmy_first is None:
        return
    raws = {c.raw for c in cands if c.value.alt is None and c.source in _SHOWN}
    day_first = sum(len(_DAY_FIRST.findall(r)) for r in raws)
    month_first = sum(len(_MONTH_FIRST.findall(r)) for r in raws)
    if (day_first > month_first) != dmy_first and day_first != month_first:
        for c in open_:
            c.value = c.value.swapped()


def labelled(pick: Pick, cands: list[DateCand]) -> bool:
    """The page labels the picked date: a shown update stamp, or a candidate of its day said
    to be the publication date."""
    day = pick.value[:10]
    return pick.source == "modified" or any(c.labelled and c.value.iso()[:10] == day for c in cands)


# Days a page's own date may lie before every other date it shows: an old article beside a
# strip of recent posts, not the first card of a list.
_APART_DAYS = 60


def item_date(pick: Pick, cands: list[DateCand]) -> bool:
    """The picked date is one of a run of dated items: three or more shown dates (elements or
    text lines, not declared ones) across two days or more, as a list of cards or posts shows
    them. Not so when the page pairs it with a later shown update (an article's header), or when it
    lies well before all the others (the page's own date beside recent posts)."""
    shown = [c for c in cands if c.source in ("dom", "text")]
    days = {c.value.day for c in shown}
    if len(days) < 2 or len({c.raw for c in shown}) < 3:
        return False
    day = date.fromisoformat(pick.value[:10])
    if day not in days:
        return False
    if pick.source != "modified" and any(c.modified and c.value.day > day for c in shown):
        return False
    return not all((d - day).days > _APART_DAYS for d in days if d != day)


def pick_dates(cands: list[DateCand], dmy_first: bool | None = None) -> tuple[Pick | None, Pick | None]:
    _settle_order(cands, dmy_first)
    pub = _choose([c for c in cands if not c.modified])
    if pub is not None:
        pub = _reconcile(pub[0], pub[1], cands)
    mod = _choose([c for c in cands if c.modified])
    p_pick = m_pick = None
    if pub:
        c, conf = pub
        p_pick = Pick(c.value.iso(), c.source, c.raw, min(conf, 0.99))
    if mod:
        c, conf = mod
        m_pick = Pick(c.value.iso(), c.source, c.raw, min(conf, 0.99))
    if pub is None and mod is not None and any(
        c.modified and c.source in _SHOWN_UPDATE_SOURCES and c.value.day == mod[0].value.day for c in cands
    ):
        # The page states no published date anywhere, only an update: the date it shows (or
        # declares for the article itself) is the best answer to "when is this from", though
        # not proof of first publication, so it comes with a low confidence. A meta tag that
        # agrees with the shown date (the top candidate, being more precise) counts as shown.
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
