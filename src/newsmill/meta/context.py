"""Read the page once for metadata: head tags, JSON-LD, microdata, <time>, bylines, figures.

A handful of CSS queries, each one pass over lexbor's C tree; everything later works on what
is gathered here and on the segmentation, never on the tree again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .jsonld import Graph

_WS = re.compile(r"\s+")
# Spaces the text join puts inside brackets and before a comma around inline markup:
# "eelgrass (<i>Zostera marina</i>), in" reads "eelgrass (Zostera marina), in", and a
# documented item's path "tidewater::Backoff".
_JOIN_GAP = re.compile(r"(?<=[(\[]) | (?=[)\],])")
_PATH_GAP = re.compile(r"(?<=\w) ?:: ?(?=\w)")
# What html.unescape treats as a character reference (the standard library's own pattern).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")

# Where a date or a name is not about the story: comments, related lists, page furniture.
# The words: comment disqus respond* reply replies related recommend more-stor also-read
# trending popular most-read mostread sidebar footer nav* menu breadcrumb teaser card* promo
# newsletter outbrain taboola ticker clock weather topbar rail* latest carousel slider next-post
# prev-post pagination testimonial (* = at a word start), then shoppers' reviews and an
# obituary's guestbook. Written as a trie with each branch opening on a letter, so the regex
# engine skips ahead to those letters: 3x faster than the flat list, and it runs on every
# ancestor's class string.
_BAD_ZONE = re.compile(
    r"c(?:omment|(?<![a-z]c)ard|arousel|lock)|disqus|"
    r"r(?:(?<![a-z]r)(?:espond|ail)|e(?:pl(?:y|ies)|lated|commend))|"
    r"mo(?:re-stor|st-?read)|also-read|t(?:rending|easer|aboola|icker|opbar|estimonial)|"
    r"p(?:opular|romo|rev-post|agination)|s(?:idebar|lider)|footer|"
    r"n(?:(?<![a-z]n)av|ewsletter|ext-post)|menu|breadcrumb|outbrain|weather|latest|"
    # Shoppers' reviews: their names are not the page's authors. ("review" alone is not: a
    # review article's byline sits in its "review-header".)
    r"reviews|(?:customer|user|product)[-_]?review|yotpo|jdgm|okendo|bazaarvoice|stamped|"
    # An obituary's guestbook: its signers are mourners.
    r"guestbook|condolence"
)
# Layout switches on a page wrapper ("has-sidebar", "template-sidebar") are not a sidebar.
# WordPress-style labels on the article element ("category-comments") name a topic, not a zone.
_LAYOUT_FLAG = re.compile(
    r"(?:^|[-_])(?:has|with|no|without|template|layout|mode|page|body|show|hide)(?:[-_]|$)|"
    r"^(?:category|tag|postid|status|format|single|type|section|topic|node)-"
)
_GOOD_ZONE = re.compile(r"article|post|entry|story|content|main|hero|headline|byline|meta")
_BAD_TAGS = frozenset(["nav", "aside"])

# Each selector costs about one pass over the tree, so they are few, and the byline, date and
# credit ones run only when the structured sources left the field open (see ``fields``).
# "autor" (de, es, pl, pt), "auteur" (fr, nl) name bylines too.
_BYLINE_SEL = (
    "[class*=byline i], [class*=author i], [class*=autor i], [class*=auteur i], [rel~=author], a[href*='/author']"
)
_DATE_SEL = "time, [class*=date i], [class*=publish i], [class*=posted i]"
_CREDIT_SEL = "[class*=credit i]"
# A thread's posts as forum software marks them up (FluxBB/punBB, phpBB, vBulletin, SMF, MyBB,
# XenForo, Discourse, Invision, Hoop.la, Reddit) or as schema.org says; ids only count as
# "post123" / "msg_123" (an id "posts" or "postbox" is a wrapper).
_POST_SEL = (
    ".blockpost, div.post, .postbit, .postbitlegacy, .postcontainer, .b-post, article.message, "
    ".topic-post, .crawler-post, .ipsComment, .cPost, .windowbg, shreddit-post, "
    "[itemtype*=DiscussionForumPosting], article[class*=post], [id^=post], [id^=msg]"
)
_POST_CLASSES = frozenset(
    "blockpost postbit postbitlegacy postcontainer b-post topic-post crawler-post ipscomment cpost "
    "windowbg".split()
)
_POST_ID = re.compile(r"^(?:post|msg)[_-]?\d+$")
# Where a list of posts is not the thread: a sidebar's latest posts, the site's menus.
_FURNITURE = re.compile(r"^(?:sidebar|side-bar|footer|nav|navbar|navigation|menu)(?:$|[-_])")
_MICRODATA_PROPS = frozenset(
    "author creator headline name datepublished datecreated datemodified publisher image "
    "inlanguage keywords description alternativeheadline".split()
)
MAX_NODES = 60  # per kind; a page with hundreds of bylines is a listing, the first ones do
_LD_TYPES = frozenset(["application/ld+json", "application/json+ld"])
_HEAD_TAGS = frozenset(["meta", "link", "title", "base"])
_COLLECT_SEL = (
    'script[type="application/ld+json"], script[type="application/json+ld"], '
    "meta, link, title, base, h1, article, [itemprop], [data-preloaded]"
)


@dataclass(slots=True)
class DomHit:
    """An element that may carry a byline or a date, with what its surroundings say."""

    text: str
    attr: str  # datetime / content attribute, or ""
    hint: str  # class, id, itemprop, rel of the element itself, lower-cased
    zone: int  # -1 comments/related/furniture, 0 unknown, 1 inside the article
    order: int  # document order among hits of its kind
    tag: str


@dataclass(slots=True)
class FirstPost:
    """The opening post of a forum thread: its date-like attributes and its text's start."""

    attrs: list[str]
    text: str


@dataclass(slots=True)
class PageContext:
    """What the metadata step reads from the page before the body is segmented."""

    tree: LexborHTMLParser
    url: str | None
    graph: Graph = field(default_factory=Graph)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased key -> values
    links: dict[str, list[str]] = field(default_factory=dict)  # rel -> hrefs
    head_title: str | None = None
    h1: list[tuple[str, int]] = field(default_factory=list)  # text, zone
    h1_nodes: list[LexborNode] = field(default_factory=list)
    h1_full: list[str] = field(default_factory=list)  # with any prefix label or issue number
    logo_names: list[str] = field(default_factory=list)  # h1s that are one link to the home page
    html_lang: str | None = None
    microdata: list[tuple[str, str, int]] = field(default_factory=list)  # prop, value, zone
    bylines: list[DomHit] | None = None  # filled on demand by query_bylines
    dates: list[DomHit] | None = None  # query_dates
    first_post: FirstPost | None | bool = None  # query_first_post; False: looked, none
    credits: list[str] | None = None  # query_credits
    _scope: LexborNode | bool | None = None  # story_scope; False when there is none
    _article: LexborNode | bool | None = None  # the first <article>; False: none; None: not looked
    _headline: LexborNode | None = None  # the h1 story_scope settled on
    _story_ids: frozenset[int] | None = None  # mem_ids of the headline's ancestors
    _stop: int = 0  # mem_id of the story's own <article>/<main>, where date zones stop climbing
    _dates_whole: bool = False  # query_dates looked at the whole page
    _memo: NodeMemo = field(default_factory=dict)  # ancestors' facts for zone_of
    _zones: dict[int, int] = field(default_factory=dict)  # _zone's answers, by parent
    _date_nodes: dict[int, tuple[str, str, str, int] | None] = field(default_factory=dict)
    reference_time: datetime | None = None
    base_href: str | None = None  # <base href>, if the page has one
    title_hint: str | None = None
    article_body: str | None = None
    # An element carries data-preloaded, where Discourse ships a thread as JSON (see hydrate).
    preloaded: bool = False

    @property
    def jsonld(self) -> list[dict]:
        return self.graph.nodes

    @property
    def base_url(self) -> str | None:
        """What relative links resolve against: <base href> (itself relative to the page)."""
        if self.base_href:
            if self.url:
                try:
                    return urljoin(self.url, self.base_href)
                except ValueError:
                    return self.url
            return self.base_href if "://" in self.base_href else None
        return self.url

    def first(self, *keys: str) -> str | None:
        for k in keys:
            vals = self.meta.get(k)
            if vals:
                return vals[0]
        return None


def clean(s: str | None) -> str:
    """Collapse whitespace; undo the double HTML escaping CMSs leave in meta values."""
    if not s:
        return ""
    if "&" in s and ";" in s:
        s = html.unescape(s)
    return _WS.sub(" ", s).strip()


def _short_clean(raw: str, limit: int) -> str | None:
    """``clean(raw)`` when it is shorter than ``limit``, else None. A long text (a wrapper whose
    class happens to say "date") is turned down from its start, without cleaning it all:
    cleaning drops whitespace and turns entities into characters, so the non-space characters
    outside anything entity-like in a prefix all stay. A cut entity at the prefix's end can
    count a few characters too many, hence the margin."""
    n = len(raw)
    if n >= 2 * limit:
        entities = "&" in raw and ";" in raw  # what makes clean() unescape
        need = limit + 40 if entities else limit
        k = 2 * limit
        while k < n:
            head = _CHARREF.sub("", raw[:k]) if entities else raw[:k]
            if len("".join(head.split())) >= need:
                return None
            k *= 8
    t = clean(raw)
    return t if len(t) < limit else None


# A story's own footer ("post-footer", "entry-footer"): its byline and date, not the page's.
_STORY_FOOTER = re.compile(r"^(?:post|entry|article|story)[-_]footer(?:[-_]line(?:[-_]\d+)?)?$")


def _bad_token(tok: str) -> bool:
    # A BEM modifier ("article--right-rail", "node--promoted") describes layout, not a zone.
    base = tok.split("--", 1)[0]
    return bool(_BAD_ZONE.search(base)) and not _LAYOUT_FLAG.search(base) and not _STORY_FOOTER.match(base)


@lru_cache(maxsize=16384)
def _zone_words(s: str) -> tuple[bool, bool]:
    """(furniture, story) verdicts on a lower-cased "class id" string. Cached: the same
    wrappers' classes come up for every hit on a page and on every page of a site."""
    bad = bool(_BAD_ZONE.search(s)) and any(_bad_token(tok) for tok in s.split())
    return bad, bool(_GOOD_ZONE.search(s))


# What the upward walks read of an element: tag, lower-cased "class id" ("" when it has
# neither), whether its itemprop names the articleBody, and its parent.
_Up = tuple[str, str, bool, "LexborNode | None"]
NodeMemo = dict[int, _Up]


def _up(node: LexborNode, memo: NodeMemo) -> _Up:
    """An element's facts for the upward walks, read once per page: the bylines, dates and
    headings of a page share most of their ancestors."""
    key = node.mem_id
    got = memo.get(key)
    if got is None:
        a = node.attributes
        cls = a.get("class")
        ident = a.get("id")
        s = f"{cls or ''} {ident or ''}".lower() if cls or ident else ""
        ip = a.get("itemprop")
        got = memo[key] = (node.tag, s, bool(ip and "articleBody" in ip), node.parent)
    return got


def _ancestors(node: LexborNode, memo: NodeMemo, limit: int) -> Iterator[tuple[LexborNode, str, str]]:
    """(element, tag, lower-cased class and id) of up to ``limit`` ancestors, nearest first."""
    n = node.parent
    for _ in range(limit):
        if n is None:
            return
        tag, s, _body, parent = _up(n, memo)
        yield n, tag, s
        n = parent


def zone_of(node: LexborNode, limit: int = 16, memo: NodeMemo | None = None, stop: int = 0) -> int:
    """-1 when an ancestor is a comment thread, related list or page furniture; 1 when inside
    the article; 0 otherwise. A <footer> inside an <article> is the story's own footer.
    ``memo`` keeps what was read of each ancestor for the next call on the same page. ``stop``
    is the story's own <article>/<main>: what wraps it (a layout's "sidebar_content" column,
    say) says nothing about what is inside it."""
    if memo is None:
        memo = {}
    good = 0
    footer = False
    n: LexborNode | None = node.parent
    steps = 0
    while n is not None and steps < limit:
        if stop and n.mem_id == stop:
            return -1 if footer and n.tag != "article" else 1
        tag, s, body, parent = _up(n, memo)
        if tag in ("body", "html"):
            break
        if tag == "article" or tag == "main":
            if footer and tag == "article":
                footer = False
            good = 1
        elif tag == "footer" or (tag == "aside" and not good):
            footer = True  # furniture, unless an <article> holds it (its own footer or aside)
        elif tag in _BAD_TAGS:
            return -1
        if s:
            bad, story = _zone_words(s)
            if bad:
                if not (tag == "footer" or (footer and "footer" in s)):
                    return -1
                footer = True
            if not good and story:
                good = 1
        if body:
            good = 1
        n = parent
        steps += 1
    return -1 if footer else good


def _in_site_header(node: LexborNode, memo: NodeMemo | None = None, story: frozenset[int] = frozenset()) -> bool:
    """Inside a <header> that is the site's masthead. ``story`` holds the headline's ancestors:
    a <header> around the page's headline is the story's own head."""
    if memo is None:
        memo = {}
    for n, tag, _s in _ancestors(node, memo, 14):
        if tag == "header":
            if n.mem_id in story:
                return False
            # A <header> inside <article> is the story's head, not the site's masthead.
            return not any(t == "article" for _n, t, _c in _ancestors(n, memo, 14))
        if tag == "article":
            return False
    return False


def _zone(ctx: PageContext, node: LexborNode, *, header: bool = False, story: bool = False) -> int:
    """zone_of, or -1 too in the site's header when ``header``; kept per parent, as both depend
    only on the ancestors (sibling hits share them). ``story``: once the headline is known, the
    walk stops at the story's own <article>/<main> and a <header> holding the headline is the
    story's."""
    p = node.parent
    key = (p.mem_id if p is not None else 0) * 4 + header * 2 + story
    z = ctx._zones.get(key)
    if z is None:
        ids = (ctx._story_ids or frozenset()) if story else frozenset()
        if header and _in_site_header(node, ctx._memo, ids):
            z = -1
        else:
            z = zone_of(node, memo=ctx._memo, stop=ctx._stop if story else 0)
        ctx._zones[key] = z
    return z


def _is_ld_type(t: str | None) -> bool:
    """``script[type=...]`` as lexbor matches it: the whole value, ASCII case ignored."""
    return t is not None and t.isascii() and t.lower() in _LD_TYPES


def _hint(a: dict[str, str | None]) -> str:
    return " ".join(filter(None, (a.get("class"), a.get("id"), a.get("itemprop"), a.get("rel")))).lower()


def collect(tree: LexborHTMLParser, url: str | None, *, reference_time: datetime | None = None) -> PageContext:
    """Gather metadata candidates. Runs before segmentation; sets ``title_hint`` and
    ``article_body`` for the content scorer."""
    ctx = PageContext(tree, url, reference_time=reference_time)
    # One pass over the tree for everything the head and microdata give; each pass costs about
    # as much as the work done on what it finds. A node matching several selectors comes back
    # once per selector, so each is dealt to its lists by what it is, once.
    scripts: list[LexborNode] = []
    heads: list[tuple[LexborNode, dict[str, str | None]]] = []
    h1s: list[LexborNode] = []
    props: list[tuple[LexborNode, dict[str, str | None]]] = []
    seen: set[int] = set()
    for node in tree.css(_COLLECT_SEL):
        nid = node.mem_id
        if nid in seen:
            continue
        seen.add(nid)
        tag = node.tag
        a = node.attributes
        if tag in _HEAD_TAGS:
            heads.append((node, a))
        elif tag == "h1":
            h1s.append(node)
        elif tag == "article":
            if ctx._article is None:
                ctx._article = node
        elif tag == "script" and _is_ld_type(a.get("type")):
            scripts.append(node)
        if "itemprop" in a:
            props.append((node, a))
        if "data-preloaded" in a:
            ctx.preloaded = True
    if ctx._article is None:
        ctx._article = False
    for node in scripts:
        ctx.graph.add_script(node.text(deep=True) or "")
    root = tree.root
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        ctx.html_lang = lang.strip() if lang else None
    for m, a in heads:
        tag = m.tag
        if tag == "base":
            href = a.get("href")
            if href and ctx.base_href is None:
                ctx.base_href = href.strip()
        elif tag == "meta":
            k = a.get("property") or a.get("name") or a.get("http-equiv")
            v = a.get("content")
            if k and v and v.strip():
                ctx.meta.setdefault(k.strip().lower(), []).append(v.strip())
            elif a.get("itemprop") and v:
                prop = a["itemprop"].strip().lower()  # type: ignore[union-attr]
                if prop in _MICRODATA_PROPS:
                    ctx.microdata.append((prop, v.strip(), _zone(ctx, m)))
        elif tag == "link":
            rel, href = a.get("rel"), a.get("href")
            if rel and href:
                for r in rel.lower().split():
                    ctx.links.setdefault(r, []).append(href.strip())
        elif ctx.head_title is None:
            p = m.parent
            if p is None or p.tag not in ("svg", "symbol", "g"):
                ctx.head_title = clean(m.text(deep=True))
    titles = [t.lower() for t in (ctx.head_title, ctx.first("og:title")) if t]
    for key, vals in ctx.meta.items():
        if key.endswith("ld+json"):  # <meta name="script:ld+json" content="{...}">, Next.js style
            for v in vals[:4]:
                ctx.graph.add_script(v)
    if not h1s:
        h1s = _big_type(tree, ctx._memo)
    for h in h1s[:6]:
        full = _PATH_GAP.sub("::", _JOIN_GAP.sub("", clean(h.text(deep=True, separator=" "))))
        t = _heading_text(h, full)
        if t:
            z = _zone(ctx, h, header=True)
            if z < 0 and _names_page(t, titles):
                # The page's headline: its <header> is the story's, not the masthead, and its
                # <article>/<main> is the story, whatever layout column wraps it.
                z = zone_of(h, memo=ctx._memo, stop=_own_article(h, ctx._memo))
            ctx.h1.append((t, z))
            ctx.h1_nodes.append(h)
            ctx.h1_full.append(full)
            if _links_home(h, t):
                ctx.logo_names.append(t)
    for node, a in props[: MAX_NODES * 2]:
        if node.tag == "meta":
            continue  # read with the other meta tags
        for prop in (a.get("itemprop") or "").lower().split():
            if prop not in _MICRODATA_PROPS:
                continue
            if prop in ("author", "creator", "publisher"):
                inner = node.css_first("[itemprop~=name]")
                val = (inner.attributes.get("content") or inner.text(deep=True)) if inner else None
                val = val or a.get("content") or node.text(deep=True, separator=" ")
            elif prop == "image":
                val = a.get("src") or a.get("content") or a.get("href") or ""
                if not val:
                    img = node.css_first("img")
                    val = (img.attributes.get("src") or "") if img else ""
            else:
                val = a.get("content") or a.get("datetime") or node.text(deep=True, separator=" ")
            val = clean(val)
            if val:
                ctx.microdata.append((prop, val[:300], _zone(ctx, node)))
    # Features for the content scorer.
    ctx.title_hint = _title_hint()(ctx)
    main, _kind = ctx.graph.main_entity(set())
    for obj in ([main] if main else []) + ctx.graph.nodes:
        body = obj.get("articleBody") or obj.get("text")
        if isinstance(body, str) and len(body) > 200:
            ctx.article_body = body
            break
    return ctx


HOME_PATHS = frozenset(["", "/", "./", "index.html", "/index.html", "/index.htm", "/index.php", "/index.shtml"])


def _links_home(h: LexborNode, text: str) -> bool:
    """The heading is one link to the site's home page: the site's logo set in an h1, as older
    blog and news themes do (<h1 id="logo"><a href="/">The Hill Country Review</a></h1>)."""
    a = h.css_first("a[href]")
    if a is None or clean(a.text(deep=True, separator=" ")) != text:
        return False
    href = (a.attributes.get("href") or "").strip()
    if not href:
        return False
    parts = urlsplit(href)
    if parts.netloc:  # "https://www.example.com/", not "https://www.example.com/?p=12"
        return not parts.query and not parts.fragment and parts.path in HOME_PATHS
    return href in HOME_PATHS


# Pages of the 2000s set the headline in large type (<font size=5><b>...</b></font>) rather
# than an <h1>. With no <h1> at all, the first few such lines stand in for it.
_BIG_TYPE_SEL = "font[size], big"
_BIG_TYPE_MAX = 3


def _big_type(tree: LexborHTMLParser, memo: NodeMemo) -> list[LexborNode]:
    out: list[LexborNode] = []
    for node in tree.css(_BIG_TYPE_SEL):
        if node.tag == "font":
            size = (node.attributes.get("size") or "").strip()
            big = size.startswith("+") and size[1:].isdigit() and int(size[1:]) >= 1
            if not (big or size.isdigit() and int(size) >= 4):
                continue
        words = len((node.text(deep=True) or "").split())
        if not 2 <= words <= 30 or node.css_first("a") is not None:
            continue
        if any(tag == "a" for _n, tag, _s in _ancestors(node, memo, 4)):
            continue  # a link in large type: navigation
        out.append(node)
        if len(out) == _BIG_TYPE_MAX:
            break
    return out


def _own_article(node: LexborNode, memo: NodeMemo) -> int:
    """mem_id of the nearest <article>/<main> above ``node`` (0: none within a few levels)."""
    return next((n.mem_id for n, tag, _s in _ancestors(node, memo, 8) if tag in ("article", "main")), 0)


# A thread's prefix label set inside its title ("Solved", "Question": XenForo, vBulletin) and an
# issue tracker's number after it ("#2841") are not the headline's words.
_LABEL_CLASS = re.compile(r"(?<![a-z])(?:label|badge|prefix)(?![a-z])")
_ISSUE_NUMBER = re.compile(r"#\d+")


def _heading_text(h: LexborNode, t: str) -> str:
    kids = list(h.iter())
    if len(kids) < 2 or len(t) > 400:
        return t
    first, last = kids[0], kids[-1]
    cls = (first.attributes.get("class") or "").lower()
    if cls and _LABEL_CLASS.search(cls):
        label = clean(first.text(deep=True, separator=" "))
        if label and len(label.split()) <= 3 and t.startswith(label) and len(t) > len(label) + 3:
            t = t[len(label):].strip()
    # An issue's number after the title, or a control set in the heading ("Copy item path").
    tail = clean(last.text(deep=True, separator=" "))
    if (last.tag == "button" or _ISSUE_NUMBER.fullmatch(tail)) and tail and t.endswith(tail) and len(t) > len(tail) + 3:
        t = t[: -len(tail)].strip()
    return t


def _in_quotation(node: LexborNode, levels: int = 6) -> bool:
    up = node.parent
    while up is not None and levels:
        if up.tag == "blockquote":
            return True
        up, levels = up.parent, levels - 1
    return False


def _names_page(h1: str, titles: list[str]) -> bool:
    """The h1 is the page's headline: several words making up most of the page's title. A
    masthead's h1 is the site's name, a short part of it."""
    low = h1.lower()
    return " " in low and any(low in t and 2 * len(low) >= len(t) for t in titles)


def _title_hint() -> Callable[[PageContext], str | None]:
    """title.title_hint, imported on first use: title imports this module's types."""
    global _TITLE_HINT
    if _TITLE_HINT is None:
        from .title import title_hint

        _TITLE_HINT = title_hint
    return _TITLE_HINT


_TITLE_HINT: Callable[[PageContext], str | None] | None = None


def story_scope(ctx: PageContext, headline: str | None = None) -> LexborNode | None:
    """The part of the tree around the headline where bylines and dates are looked for: the
    enclosing <article>/<main>, else a few levels above the h1. Querying a subtree instead of the
    whole page keeps these queries cheap and away from sidebars and footers."""
    if ctx._scope is not None:
        return ctx._scope or None
    node = None
    for (text, zone), h in zip(ctx.h1, ctx.h1_nodes, strict=False):
        # Not the site's logo set in an h1 (a blog theme's): the story is elsewhere.
        if zone >= 0 and (text == headline if headline is not None else text not in ctx.logo_names):
            node = h
            break
    if node is None and ctx.h1_nodes and headline is not None:
        return story_scope(ctx, None)
    scope = None
    if node is not None:
        ctx._headline = node
        ups: list[int] = []
        up = node.parent
        while up is not None and len(ups) < 14:
            ups.append(up.mem_id)
            up = up.parent
        ctx._story_ids = frozenset(ups)
        n, steps, fallback = node.parent, 0, None
        while n is not None and n.tag not in ("body", "html") and steps < 8:
            a = n.attributes
            if n.tag in ("article", "main") or a.get("role") == "main" or "Article" in (a.get("itemtype") or ""):
                scope = n
                ctx._stop = n.mem_id
                break
            if steps == 4:
                fallback = n
            n, steps = n.parent, steps + 1
        scope = scope or fallback or (n if n is not None and n.tag not in ("body", "html") else None)
    if scope is None:
        # The page's first <article>, as collect met it (its one pass saw every element).
        first = ctx._article if ctx._article is not None else ctx.tree.css_first("article")
        scope = None if first is False else first
    ctx._scope = scope if scope is not None else False
    return scope


def _scoped_css(ctx: PageContext, selector: str) -> list[LexborNode]:
    scope = story_scope(ctx)
    return (scope if scope is not None else ctx.tree).css(selector)[:MAX_NODES]


def query_bylines(ctx: PageContext) -> list[DomHit]:
    """Elements that look like bylines (queried once, on demand)."""
    if ctx.bylines is None:
        ctx.bylines = []
        for i, node in enumerate(_scoped_css(ctx, _BYLINE_SEL)):
            a = node.attributes
            text = _short_clean(node.text(deep=True, separator=" "), 300)
            if text:
                hint = _hint(a) or (a.get("href") or "").lower()
                # A name in a <blockquote> signs the quotation ("— Dwayne Kessler, client").
                zone = -1 if _in_quotation(node) else _zone(ctx, node)
                ctx.bylines.append(DomHit(text, a.get("content") or "", hint, zone, i, node.tag))
    return ctx.bylines


def query_dates(ctx: PageContext, *, whole_page: bool = False) -> list[DomHit]:
    """<time> and date-classed elements (queried once, on demand); ``whole_page`` looks outside
    the story's scope too, for pages whose date sits away from the headline."""
    if ctx.dates is None or (whole_page and not ctx._dates_whole):
        scoped = ctx.dates is None
        ctx.dates = []
        nodes = _scoped_css(ctx, _DATE_SEL) if scoped else ctx.tree.css(_DATE_SEL)[:MAX_NODES]
        ctx._dates_whole = not scoped or story_scope(ctx) is None
        read = ctx._date_nodes  # the whole page's pass meets the scoped pass's nodes again
        last = -1
        for i, node in enumerate(nodes):
            key = node.mem_id
            if key == last:
                continue  # "<time class=date>" comes back once per selector it matches
            last = key
            if key in read:
                got = read[key]
            else:
                got = None
                a = node.attributes
                # hAtom (older blogs): <abbr class="published" title="2010-05-15T18:12:00-07:00">.
                attr = a.get("datetime") or a.get("content") or (a.get("title") if node.tag == "abbr" else "") or ""
                text = _short_clean(node.text(deep=True, separator=" "), 200)
                if text is not None and (attr or text):
                    z = _zone(ctx, node, header=True, story=True)
                    hint = _hint(a) + (" pubdate" if "pubdate" in a else "")
                    got = (text, attr.strip(), hint, z)
                read[key] = got
            if got is not None:
                ctx.dates.append(DomHit(got[0], got[1], got[2], got[3], i, node.tag))
    return ctx.dates


def is_post_class(tag: str, cls: str, *, strict: bool = False) -> bool:
    """An element with this tag and lower-cased class is a forum post's container. ``strict``
    leaves out <article class="post ...">, which every blog's article also is."""
    toks = cls.split()
    if tag == "shreddit-post" or (tag == "article" and "message" in toks):
        return True
    if tag == "article" and "post" in cls and (not strict or "post-box" in toks):
        return True
    return any(t in _POST_CLASSES for t in toks) or (tag == "div" and "post" in toks)


def _is_post(node: LexborNode) -> bool:
    """Which of _POST_SEL's matches is a post (lexbor's css_matches also looks below)."""
    a = node.attributes
    if _POST_ID.match(a.get("id") or "") or "DiscussionForumPosting" in (a.get("itemtype") or ""):
        return True
    return is_post_class(node.tag or "", (a.get("class") or "").lower())


def headline_in_post(ctx: PageContext) -> bool:
    """The headline sits inside a post's container: the page shows a thread's opening post."""
    h = ctx._headline if ctx._headline is not None else (ctx.h1_nodes[0] if ctx.h1_nodes else None)
    if h is None:
        return False
    for n, tag, _s in _ancestors(h, ctx._memo, 6):
        if tag in ("body", "html"):
            break
        if _is_post(n):
            return True
    return False


def _inside(node: LexborNode, outer: LexborNode, limit: int = 40) -> bool:
    key = outer.mem_id
    n = node.parent
    while n is not None and limit:
        if n.mem_id == key:
            return True
        n, limit = n.parent, limit - 1
    return False


def _in_furniture(node: LexborNode, memo: NodeMemo) -> bool:
    for _n, tag, s in _ancestors(node, memo, 24):
        if tag in ("body", "html"):
            break
        if tag in ("nav", "aside", "footer") or (s and any(_FURNITURE.match(t) for t in s.split())):
            return True
    return False


def query_first_post(ctx: PageContext, *, known_forum: bool) -> FirstPost | None:
    """The first post of the thread the page shows: its date is the thread's. A page is taken
    for a thread when it says so (``known_forum``: JSON-LD, generator) or shows two posts or
    more; a single "post" element is as likely a blog's article. Queried once, on demand."""
    if ctx.first_post is None:
        ctx.first_post = False
        first: LexborNode | None = None
        n_posts = 0
        marked = False  # the post says it is one: schema.org's type, Reddit's element
        for node in ctx.tree.css(_POST_SEL)[: MAX_NODES * 4]:
            if not _is_post(node):
                continue
            if first is not None and (node.mem_id == first.mem_id or _inside(node, first)):
                continue
            if _in_furniture(node, ctx._memo):
                continue
            n_posts += 1
            if first is None:
                first = node
                marked = node.tag == "shreddit-post" or "DiscussionForumPosting" in (
                    node.attributes.get("itemtype") or ""
                )
            else:
                break
        if first is not None and (n_posts >= 2 or known_forum or marked):
            attrs = [v for k, v in first.attributes.items() if v and ("time" in k or "date" in k)]
            stamp = first.css_first("[datetime]")
            if stamp is not None:
                attrs.append(stamp.attributes.get("datetime") or "")
            raw = first.text(deep=True, separator=" ")
            ctx.first_post = FirstPost([a.strip() for a in attrs if a], clean(raw[:1500])[:400])
    return ctx.first_post or None


def query_credits(ctx: PageContext) -> list[str]:
    """Photo credits marked up inside figures and captions (queried once, on demand)."""
    if ctx.credits is None:
        ctx.credits = []
        for node in ctx.tree.css(_CREDIT_SEL)[:MAX_NODES]:
            n, k, in_figure = node.parent, 0, False
            while n is not None and k < 5 and not in_figure:
                cls = (n.attributes.get("class") or "").lower() if n.tag != "-text" else ""
                in_figure = n.tag in ("figure", "figcaption") or "caption" in cls
                n, k = n.parent, k + 1
            if not in_figure:
                continue
            t = _short_clean(node.text(deep=True, separator=" "), 200)
            if t:
                ctx.credits.append(t)
    return ctx.credits
