"""Bylines written as text near the headline.

"By Jane Doe" lines, a label with the name on the next line ("Written by" / "Jane Doe"), a bare
name beside the date, an author-classed element the comment filter would drop, and a forum
thread's first poster (a user name followed by "Posts: 12", "Joined: ..."). Everything works on
the blocks of the segmentation within a few lines of the headline: nothing walks the tree.
"""

from __future__ import annotations

import re

from ..segment import FLAG_NAMES, SEM_BIT, Segmentation
from .authors import CJK_AUTHOR_LABEL, CJK_LINE_LABEL, looks_personal, split_byline
from .candidates import norm_key
from .context import PageContext, query_bylines
from .dates import find_dates
from .givennames import has_given_name
from .jsonld import ARTICLE_TYPES

Found = tuple[list[str], str, float]  # names, raw text, weight

_BY_START = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|published|authored|interview|words|text|"
    r"started|asked|submitted)\s+)?by\s*:?\s*\S|"
    # Other languages' "by" is also a common word ("Door & Window", "par thème"): a capital
    # must follow.
    r"^\s*(?:(?:rédigé|écrit|publié|geschrieben|verfasst|escrito|publicado|scritto|"
    r"geschreven)\s+)?(?:par|von|por|door|di)\s*:?\s+(?-i:[A-Z])|"
    r"^\s*(?:authors?|auteure?s?|autor(?:in|en|es)?|autore|contributors?|автор(?:ы)?|текст)\s*:\s*\S|"
    r"^\s*" + CJK_LINE_LABEL + r"\s*[:：/／]\s*\S|"
    r"^\s*(?:thread starter|topic starter|original poster)\b\s*:?\s*\S|"
    # Arabic "كتب - محمود عبد الرحمن" ("written by"), Korean "김민수 기자" (name, "reporter").
    r"^\s*(?:كتب|بقلم)\s*[-–:]?\s*\S|^\s*[가-힣]{2,4}\s*(?:기자|특파원)(?![가-힣])",
    re.IGNORECASE,
)
# "January 20, 2025 by Jane Doe": a short dateline with "by" inside.
_BY_INSIDE = re.compile(r"(?:^|[\s,;|·•])(?:by|par|von|por)\s*:?\s+(?-i:[A-Z])", re.IGNORECASE)
# "2024年03月12日 来源：春田日报 作者：张伟": a Chinese or Japanese dateline with its author.
_CJK_BY = re.compile(CJK_AUTHOR_LABEL + r"\s*[:：]\s*\S")
# "Discussion in 'Advice' started by pelex, May 26": forum software's thread line.
_STARTED_BY = re.compile(
    r"\b(?:started|asked|created|submitted)\s+by\s+\S|"
    # A blog's post line: "Filed under News by Carl Jensen | 3 Comments", "Posted in Tools by ...".
    r"^\s*(?:filed under|posted in|published in)\s+[^|·•]{1,40}?\s+by\s+\S",
    re.IGNORECASE,
)
# A label on its own line, the name on the next: "Written by" / "Jane Doe".
_BY_LABEL = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|authored)\s+by|by|authors?|autor(?:in|es)?|"
    r"auteure?s?|about the author|contributors?|thread starter|topic starter)\s*:?\s*$",
    re.IGNORECASE,
)
# What a reporter's byline says after the name, when no date follows it.
_BYLINE_ROLE = re.compile(r"\b(?:staff (?:writer|reporter)|correspondent|associated press|(?:news|wire) service)\b", re.I)
_DATEISH = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\bago\b")
# Links in a block's markdown: to an author page, or to a section (a category beside the date
# is as short and as capitalised as a name).
_AUTHOR_LINK = re.compile(
    r"\]\([^)\s]*/(?:authors?|people|person|profiles?|staff|writers?|contributors?|users?|u|"
    r"members?|experts?|team)(?:/|-|\?|\))", re.IGNORECASE,
)
_SECTION_LINK = re.compile(
    r"\]\([^)\s]*/(?:category|categories|tags?|topics?|sections?|subjects?|c|r)/", re.IGNORECASE,
)
# What a forum shows under a poster's name: "Posts: 98", "Joined: ...", "Join Date".
_USER_STAT = re.compile(
    r"^\s*(?:(?:posts|messages|reputation|reaction score|points|karma|total posts|beiträge|"
    r"mensajes|messaggi)\s*:?\s*\d|(?:joined|join date|registered|member since)\s*(?::|$|\d))",
    re.IGNORECASE,
)
_USER_ROLE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(?:member|user|poster|contributor|moderator|mod|admin|administrator|"
    r"guest|newbie|rookie|veteran|expert|legend|hero|enthusiast|participant)s?\s*$",
    re.IGNORECASE,
)
_PRODUCT_TYPES = frozenset(["product", "productgroup", "offer", "aggregateoffer", "service"])
_HINT_USER = re.compile(r"author|user|poster|username")
_SEPARATORS = re.compile(r"[\W_]+|\band\b|\bund\b|\bet\b", re.IGNORECASE)

_AUTHOR_CLASS = re.compile(r"author|byline|writer|posted-?by|contributor")
_BAD_FLAGS = 0
for _n in ("nav", "footer", "comment", "related", "ad", "newsletter"):
    _BAD_FLAGS |= 1 << FLAG_NAMES.index(_n)
# Classes that wrap a byline as often as a sidebar: bad only away from the headline.
_WEAK_FLAGS = 0
for _n in ("side", "popup", "card"):
    _WEAK_FLAGS |= 1 << FLAG_NAMES.index(_n)
_META_FLAG = 1 << FLAG_NAMES.index("meta")
_BAD_SEM = SEM_BIT["nav"] | SEM_BIT["footer"] | SEM_BIT["aside"]


def _usable(seg: Segmentation, kept: set[int], anchor: int):  # type: ignore[no-untyped-def]
    """A test for blocks outside furniture. Marks the headline carries too (a page wrapper
    classed "grid" or "sidebar-layout") say nothing about a block beside it, nor do those of the
    story's own container under it."""
    blocks, elems = seg.blocks, seg.elems
    base_flags = base_sem = 0
    if 0 <= anchor < len(blocks):
        e = elems[blocks[anchor].elem]
        base_flags, base_sem = e.iflags | seg.story_flags(kept, anchor), e.isem & _BAD_SEM
    strong, weak = _BAD_FLAGS & ~base_flags, _WEAK_FLAGS & ~base_flags

    def usable(bi: int) -> bool:
        if bi in kept:
            return True
        e = elems[blocks[bi].elem]
        if e.iflags & strong or e.isem & _BAD_SEM & ~base_sem:
            return False
        return not (e.iflags & weak) or abs(bi - anchor) <= 4

    return usable


def _author_classed(seg: Segmentation, ei: int, levels: int = 4) -> bool:
    """The block's element or one of its nearest ancestors (``levels`` in all) has an
    author/byline class; ``levels=1``: the element itself ("h4.author-box__name")."""
    elems = seg.elems
    for _ in range(levels):
        if ei < 0:
            return False
        e = elems[ei]
        if e.flags & _META_FLAG and _AUTHOR_CLASS.search(e.sig.lower()):
            # A testimonial's or a quotation's signature is not a byline ("testimonial-author").
            return not _QUOTED_BY.search(e.sig.lower()) and not _in_quote_box(seg, e.parent)
        ei = e.parent
    return False


_QUOTED_BY = re.compile(r"testimonial|quote")  # (not "review": a review article's byline says so)


def _in_quote_box(seg: Segmentation, ei: int, levels: int = 3) -> bool:
    elems = seg.elems
    while ei >= 0 and levels:
        e = elems[ei]
        if e.tag == "blockquote" or _QUOTED_BY.search(e.sig.lower()):
            return True
        ei, levels = e.parent, levels - 1
    return False


def _only_names(text: str, names: list[str]) -> bool:
    """The line holds nothing but these names and separators ("A, B and C")."""
    rest = text
    for nm in names:
        rest = rest.replace(nm, " ")
    return not _SEPARATORS.sub("", rest)


def text_bylines(
    seg: Segmentation, window: range, kept: set[int], orgs: set[str], anchor: int
) -> list[Found]:
    """A "By ..." line or a labelled name near the headline, else a bare name beside the date."""
    blocks = seg.blocks
    n_blocks = len(blocks)
    usable = _usable(seg, kept, anchor)
    for bi in window:
        b = blocks[bi]
        if b.chars > 200 or not usable(bi):
            continue
        text = b.text
        if _BY_LABEL.match(text) and bi + 1 < n_blocks:
            nxt = blocks[bi + 1].text
            names = split_byline("By " + nxt, strict=True, orgs=orgs) if len(nxt) < 200 else []
            if names:
                return [(names, f"{text} {nxt}", 0.68)]
        elif _BY_START.match(text) or _STARTED_BY.search(text) or (
            b.chars <= 90 and (_BY_INSIDE.search(text) and _DATEISH.search(text) or _CJK_BY.search(text))
        ):
            names = split_byline(text, strict=True, orgs=orgs)
            if names:
                return [(names, text, 0.68)]
        elif bi == anchor and (tail := _fused_byline(text)):
            names = split_byline(tail, strict=True, orgs=orgs)
            if names:
                return [(names, tail, 0.6)]
    return _bare_names(seg, window, usable, orgs, anchor)


def _fused_byline(text: str) -> str | None:
    """The "By ... <date>" or "By ... <role>" part of a headline block that ran on into its
    byline, as headline, byline and date set apart only by <br> do on older pages ("Council
    approves budget By John Smith, Staff Writer Published: March 12, 2008", "... By JOHN SMITH
    Courier Staff Writer")."""
    m = _BY_INSIDE.search(text)
    if m is None or m.start() == 0:
        return None
    tail = text[m.start() :].lstrip(" ,;|·•")
    return tail if len(tail) <= 90 and (_DATEISH.search(tail) or _BYLINE_ROLE.search(tail)) else None


_DOC_KIND = re.compile(
    r"\b(?:summary|release|statement|update|news|notice|advisory|report|opinion|analysis|editorial|"
    r"column|feature|briefing|bulletin|announcement|speech|article|story|blog|podcast|video)\b",
    re.IGNORECASE,
)


def _bare_names(seg: Segmentation, window: range, usable, orgs: set[str], anchor: int) -> list[Found]:  # type: ignore[no-untyped-def]
    """A name on its own line (or before the date on the dateline) just by the headline, with
    something saying it is a person: an author class or link, or a date beside it and a common
    given name."""
    blocks = seg.blocks
    n_blocks = len(blocks)
    lo, hi = max(window.start, anchor - 3), min(window.stop, anchor + 7)
    for bi in range(lo, hi):
        b = blocks[bi]
        if bi == anchor or b.chars > 100 or not usable(bi):
            continue
        text = b.text
        authorish = _author_classed(seg, b.elem) or bool(_AUTHOR_LINK.search(b.md))
        if b.kind == "heading" and not _author_classed(seg, b.elem, levels=1):
            continue  # a section heading, unless an author box marks its name up as one
        if _DATEISH.search(text) and find_dates(text, limit=2):
            # The dateline itself: "Ryan Bald 02 Feb 2026", "Aaron Ricadela | Writer | July 2".
            names = split_byline(text, strict=True, orgs=orgs, handles=False)
            if names and (authorish or all(has_given_name(nm) for nm in names)):
                return [(names, text, 0.55)]
            continue
        if b.chars > 80 or _SECTION_LINK.search(b.md):
            continue
        names = split_byline(text, strict=True, orgs=orgs, handles=False)
        if not names or not _only_names(text, names) or not (len(names) > 1 or looks_personal(text)):
            continue
        near_date = any(
            len(blocks[j].text) < 60 and _DATEISH.search(blocks[j].text)
            for j in (bi - 2, bi - 1, bi + 1, bi + 2) if 0 <= j < n_blocks and j != anchor
        )
        # Under a meta/byline/date class; a content-type tag there ("Opinion Summary", "Press
        # Release": Drupal's field classes say "label") is not a name.
        marked = bool(seg.elems[b.elem].iflags & _META_FLAG) and not _DOC_KIND.search(text)
        if authorish or (near_date and (marked or any(has_given_name(nm) for nm in names))):
            return [(names, text, 0.55 if authorish else 0.5)]
    return []


def first_poster(
    ctx: PageContext, seg: Segmentation, window: range, orgs: set[str], anchor: int
) -> list[Found]:
    """Who opened the thread: an author-classed element right by the headline (the comment
    filter drops it, as forum posts sit in "reply" and "comment" boxes), or a user name
    followed by the forum's "Posts: / Joined:" lines."""
    if ctx.graph.of_types(_PRODUCT_TYPES) or (ctx.first("og:type") or "").lower().startswith("product"):
        return []  # the names by a product's title are its reviewers'
    blocks = seg.blocks
    near: dict[str, int] = {}
    for bi in range(max(window.start, anchor - 3), min(window.stop, anchor + 4)):
        if bi != anchor and blocks[bi].chars <= 80:
            near.setdefault(blocks[bi].text, bi)
    for hit in query_bylines(ctx):
        if hit.zone < 0 and hit.text in near and _HINT_USER.search(hit.hint):
            t = hit.text
            names = split_byline(t if " " in t else "By " + t, strict=True, orgs=orgs)
            if names:
                return [(names, t, 0.6)]
    for j in window:
        if not _USER_STAT.match(blocks[j].text):
            continue
        # The poster's name is the nearest line above the stats, past a rank ("Member").
        for bi in range(j - 1, max(window.start, j - 4) - 1, -1):
            text = blocks[bi].text
            if _USER_STAT.match(text) or _USER_ROLE.match(text):
                continue
            if 2 <= len(text) <= 40 and bi != anchor:
                names = split_byline("By " + text, strict=True, orgs=orgs)
                if len(names) == 1 and norm_key(names[0]) not in orgs:
                    return [(names, text, 0.58)]
            break
        break
    return []


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|｜]\s*")


def site_person(ctx: PageContext, seg: Segmentation, orgs: set[str], anchor: int) -> list[Found]:
    """A personal site's owner: the site is named after a person ("Go ahead, self-host
    Postgres | Pierce Freeman", a masthead reading "Cassidy Williams") and the story names no
    one else. Only names that start with a common given name count."""
    if (ctx.first("og:type") or "").lower() != "article" and not ctx.graph.of_types(ARTICLE_TYPES):
        return []  # shops and service pages are named after founders too ("Robert Half")
    seen: list[str] = []
    site = ctx.first("og:site_name")
    if site:
        seen.append(site)
    if ctx.head_title and _TITLE_PARTS.search(ctx.head_title):
        parts = _TITLE_PARTS.split(ctx.head_title)
        seen += [parts[-1], parts[0]]
    seen += [seg.blocks[i].text for i in range(min(anchor, 3, len(seg.blocks)))]
    # A story headed by a person's name is about that person (an obituary, a profile).
    heads = {norm_key(t) for t, _zone in ctx.h1} | {norm_key(ctx.first("og:title") or "")}
    for text in seen:
        text = text.strip()
        if norm_key(text) in heads or len(text) > 40 or text.isupper() or not looks_personal(text) or not has_given_name(text):
            continue
        names = split_byline(text, strict=True, orgs=set(), handles=False)
        if len(names) == 1 and names[0] == text:
            return [(names, text, 0.45)]
    return []


# The author box after a story: a label ("About the author", "Article written by:"), the name,
# a role line ("| Author") and a bio that starts with the name ("Jane Doe is a ...").
_BOX_LABEL = re.compile(
    r"^\s*(?:about the (?:author|writer)|about our (?:expert|author)s?|meet the (?:author|writer)|"
    r"(?:article\s+)?(?:written|authored)\s+by|article by|authors?)\s*:?\s*$",
    re.IGNORECASE,
)
_BOX_BY = re.compile(r"^\s*(?:written|authored|article)\s+by\s+\S", re.IGNORECASE)
_BOX_ROLE = re.compile(r"^\s*[|·•–—-]?\s*(?:author|writer|contributor|columnist)\s*$", re.IGNORECASE)
_BIO = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:is|was)\s+(?:an?|the)\s")
# What says a bio is a person's, not a product's ("Flexbox is a layout model"): a pronoun or an
# occupation.
_PERSON_CUE = re.compile(
    r"\b(?:he|she|his|her|him)\b|\b(?:writer|author|journalist|editor|reporter|columnist|blogger|"
    r"(?:co-?)?founder|ceo|entrepreneur|consultant|coach|trainer|expert|specialist|professional|"
    r"professor|researcher|scientist|engineer|developer|designer|marketer|strategist|analyst|"
    r"attorney|lawyer|physician|doctor|nurse|dietitian|nutritionist|therapist|photographer|"
    r"athlete|triathlete|chef|head of|director|manager|contributor|teacher|educator|instructor|"
    r"host|creator)s?\b",
    re.IGNORECASE,
)
_ORG_CUE = re.compile(
    r"\b(?:non-?profit|website|company|firm|organi[sz]ation|platform|brand|agency|community|"
    r"project|magazine|publication|startup|business|provider|manufacturer|service)\b",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"[,.;]|\b(?:of|and|at|in|who|with|for|that|based)\b")
_NAME_LABEL = re.compile(r"^\s*authors?\s*:?\s*$", re.IGNORECASE)


def _bio_name(text: str) -> str | None:
    head = text[:80]
    # _BIO starts with an ASCII capital and holds "is" or "was": most paragraphs fail these
    # tests, which cost less than the pattern's backtracking over capitalised words.
    if not ("A" <= head[:1] <= "Z" and ("is" in head or "was" in head)):
        return None
    m = _BIO.match(head)
    return m.group(1) if m else None



def _person_bio(text: str) -> str | None:
    """The name a person's bio starts with ("Jane Doe is a freelance writer ...")."""
    name = _bio_name(text)
    if not name or not (looks_personal(name) or has_given_name(name)):
        return None
    # "is a non-profit, socially motivated website": what it is, up to "of", "and", a comma.
    head = _PHRASE_END.split(text[len(name):len(name) + 60], maxsplit=1)[0]
    if _PERSON_CUE.search(text[:300]) and not _ORG_CUE.search(head):
        return name
    return None


def author_box(seg: Segmentation, orgs: set[str], anchor: int) -> list[Found]:
    """The one person an author box names: a label then the name (or a bio) or "Written by
    Jane Doe" on its own line anywhere (a blog's sidebar may come first), and after the
    headline a name over a role line or a bio paragraph whose name also stands alone on the
    page. Several people (a team page, testimonials): none."""
    blocks = seg.blocks
    n_blocks = len(blocks)
    found: dict[str, tuple[list[str], str]] = {}
    short: set[str] | None = None
    for bi in range(n_blocks):
        if bi == anchor:
            continue
        b = blocks[bi]
        text = b.text
        names: list[str] = []
        if b.chars <= 40 and _BOX_LABEL.match(text):
            for nxt in (blocks[j].text for j in range(bi + 1, min(n_blocks, bi + 3))):
                bio = _person_bio(nxt)
                if bio:
                    names = [bio]
                elif len(nxt) <= 80:
                    names = split_byline("By " + nxt, strict=True, orgs=orgs, handles=False)
                    if _NAME_LABEL.match(text) and not all(has_given_name(nm) for nm in names):
                        names = []  # "Author" also heads a table column or a form field
                if names:
                    break
        elif b.chars <= 60 and _BOX_BY.match(text):
            names = split_byline(text, strict=True, orgs=orgs, handles=False)
        elif bi < anchor:
            continue  # a name over a role line or a bio: only after the headline
        elif b.chars <= 40 and bi + 1 < n_blocks and _BOX_ROLE.match(blocks[bi + 1].text):
            if looks_personal(text):
                names = split_byline(text, strict=True, orgs=orgs, handles=False)
        elif b.chars > 40:
            bio = _person_bio(text)
            if bio:
                if short is None:
                    short = {blocks[j].text.strip() for j in range(n_blocks) if blocks[j].chars <= 40}
                # Confirmed by the name alone on a line (the box's heading, the byline); not
                # the headline's: "Velmora Lighthouse is an active lighthouse ..." opens the
                # article on its subject.
                if bio in short and not (
                    0 <= anchor < n_blocks and blocks[anchor].kind == "heading" and bio == blocks[anchor].text.strip()
                ):
                    names = split_byline("By " + bio, strict=True, orgs=orgs)
        if len(names) == 1:
            found.setdefault(norm_key(names[0]), (names, text))
            if len(found) > 1:
                return []
    if len(found) == 1:
        names, raw = next(iter(found.values()))
        return [(names, raw, 0.55)]
    return []
