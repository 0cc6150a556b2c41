"""Read the page once for metadata: head tags, JSON-LD, microdata, <time>, bylines, figures.

A handful of CSS queries, each one pass over lexbor's C tree; everything later works on what
is gathered here and on the segmentation, never on the tree again.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .jsonld import Graph

_WS = re.compile(r"\s+")

# Where a date or a name is not about the story: comments, related lists, page furniture.
_BAD_ZONE = re.compile(
    r"comment|disqus|(?<![a-z])respond|reply|replies|related|recommend|more-stor|also-read|"
    r"trending|popular|most-read|mostread|sidebar|footer|(?<![a-z])nav|menu|breadcrumb|teaser|"
    r"(?<![a-z])card|promo|newsletter|outbrain|taboola|ticker|clock|weather|topbar|"
    r"(?<![a-z])rail|latest|carousel|slider|next-post|prev-post|pagination",
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
_BYLINE_SEL = "[class*=byline i], [class*=author i], [rel~=author], a[href*='/author']"
_DATE_SEL = "time, [class*=date i], [class*=publish i], [class*=posted i]"
_CREDIT_SEL = "[class*=credit i]"
_MICRODATA_PROPS = frozenset(
    "author creator headline name datepublished datecreated datemodified publisher image "
    "inlanguage keywords description alternativeheadline".split()
)
MAX_NODES = 60  # per kind; a page with hundreds of bylines is a listing, the first ones do


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
    html_lang: str | None = None
    microdata: list[tuple[str, str, int]] = field(default_factory=list)  # prop, value, zone
    bylines: list[DomHit] | None = None  # filled on demand by query_bylines
    dates: list[DomHit] | None = None  # query_dates
    credits: list[str] | None = None  # query_credits
    _scope: LexborNode | bool | None = None  # story_scope; False when there is none
    _dates_whole: bool = False  # query_dates looked at the whole page
    reference_time: datetime | None = None
    base_href: str | None = None  # <base href>, if the page has one
    title_hint: str | None = None
    article_body: str | None = None

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


def _bad_token(tok: str) -> bool:
    # A BEM modifier ("article--right-rail", "node--promoted") describes layout, not a zone.
    base = tok.split("--", 1)[0]
    return bool(_BAD_ZONE.search(base)) and not _LAYOUT_FLAG.search(base)


def zone_of(node: LexborNode, limit: int = 16) -> int:
    """-1 when an ancestor is a comment thread, related list or page furniture; 1 when inside
    the article; 0 otherwise. A <footer> inside an <article> is the story's own footer."""
    good = 0
    footer = False
    n: LexborNode | None = node.parent
    steps = 0
    while n is not None and steps < limit:
        tag = n.tag
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
        a = n.attributes
        cls = a.get("class")
        ident = a.get("id")
        if cls or ident:
            s = f"{cls or ''} {ident or ''}".lower()
            if _BAD_ZONE.search(s) and any(_bad_token(tok) for tok in s.split()):
                if not (tag == "footer" or (footer and "footer" in s)):
                    return -1
                footer = True
            if not good and _GOOD_ZONE.search(s):
                good = 1
        ip = a.get("itemprop")
        if ip and "articleBody" in ip:
            good = 1
        n = n.parent
        steps += 1
    return -1 if footer else good


def _in_site_header(node: LexborNode) -> bool:
    n = node.parent
    steps = 0
    while n is not None and steps < 14:
        if n.tag == "header":
            # A <header> inside <article> is the story's head, not the site's masthead.
            p = n.parent
            k = 0
            while p is not None and k < 14:
                if p.tag == "article":
                    return False
                p = p.parent
                k += 1
            return True
        if n.tag == "article":
            return False
        n = n.parent
        steps += 1
    return False


def _hint(a: dict[str, str | None]) -> str:
    return " ".join(filter(None, (a.get("class"), a.get("id"), a.get("itemprop"), a.get("rel")))).lower()


def collect(tree: LexborHTMLParser, url: str | None, *, reference_time: datetime | None = None) -> PageContext:
    """Gather metadata candidates. Runs before segmentation; sets ``title_hint`` and
    ``article_body`` for the content scorer."""
    ctx = PageContext(tree, url, reference_time=reference_time)
    for node in tree.css('script[type="application/ld+json"], script[type="application/json+ld"]'):
        ctx.graph.add_script(node.text(deep=True) or "")
    root = tree.root
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        ctx.html_lang = lang.strip() if lang else None
    for m in tree.css("meta, link, title, base"):
        tag = m.tag
        a = m.attributes
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
                    ctx.microdata.append((prop, v.strip(), zone_of(m)))
        elif tag == "link":
            rel, href = a.get("rel"), a.get("href")
            if rel and href:
                for r in rel.lower().split():
                    ctx.links.setdefault(r, []).append(href.strip())
        elif ctx.head_title is None:
            p = m.parent
            if p is None or p.tag not in ("svg", "symbol", "g"):
                ctx.head_title = clean(m.text(deep=True))
    for h in tree.css("h1")[:6]:
        t = clean(h.text(deep=True, separator=" "))
        if t:
            ctx.h1.append((t, -1 if _in_site_header(h) else zone_of(h)))
            ctx.h1_nodes.append(h)
    for node in tree.css("[itemprop]")[: MAX_NODES * 2]:
        if node.tag == "meta":
            continue  # read with the other meta tags
        a = node.attributes
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
                ctx.microdata.append((prop, val[:300], zone_of(node)))
    # Features for the content scorer.
    from .title import title_hint  # local: title imports this module's types

    ctx.title_hint = title_hint(ctx)
    main, _kind = ctx.graph.main_entity(set())
    for obj in ([main] if main else []) + ctx.graph.nodes:
        body = obj.get("articleBody") or obj.get("text")
        if isinstance(body, str) and len(body) > 200:
            ctx.article_body = body
            break
    return ctx


def story_scope(ctx: PageContext, headline: str | None = None) -> LexborNode | None:
    """The part of the tree around the headline where bylines and dates are looked for: the
    enclosing <article>/<main>, else a few levels above the h1. Querying a subtree instead of the
    whole page keeps these queries cheap and away from sidebars and footers."""
    if ctx._scope is not None:
        return ctx._scope or None
    node = None
    for (text, zone), h in zip(ctx.h1, ctx.h1_nodes, strict=False):
        if zone >= 0 and (headline is None or text == headline):
            node = h
            break
    if node is None and ctx.h1_nodes and headline is not None:
        return story_scope(ctx, None)
    scope = None
    if node is not None:
        n, steps, fallback = node.parent, 0, None
        while n is not None and n.tag not in ("body", "html") and steps < 8:
            a = n.attributes
            if n.tag in ("article", "main") or a.get("role") == "main" or "Article" in (a.get("itemtype") or ""):
                scope = n
                break
            if steps == 4:
                fallback = n
            n, steps = n.parent, steps + 1
        scope = scope or fallback or (n if n is not None and n.tag not in ("body", "html") else None)
    if scope is None:
        scope = ctx.tree.css_first("article")
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
            text = clean(node.text(deep=True, separator=" "))
            if text and len(text) < 300:
                hint = _hint(a) or (a.get("href") or "").lower()
                ctx.bylines.append(DomHit(text, a.get("content") or "", hint, zone_of(node), i, node.tag))
    return ctx.bylines


def query_dates(ctx: PageContext, *, whole_page: bool = False) -> list[DomHit]:
    """<time> and date-classed elements (queried once, on demand); ``whole_page`` looks outside
    the story's scope too, for pages whose date sits away from the headline."""
    if ctx.dates is None or (whole_page and not ctx._dates_whole):
        scoped = ctx.dates is None
        ctx.dates = []
        nodes = _scoped_css(ctx, _DATE_SEL) if scoped else ctx.tree.css(_DATE_SEL)[:MAX_NODES]
        ctx._dates_whole = not scoped or story_scope(ctx) is None
        for i, node in enumerate(nodes):
            a = node.attributes
            attr = a.get("datetime") or a.get("content") or ""
            text = clean(node.text(deep=True, separator=" "))
            if (attr or text) and len(text) < 200:
                z = -1 if _in_site_header(node) else zone_of(node)
                hint = _hint(a) + (" pubdate" if "pubdate" in a else "")
                ctx.dates.append(DomHit(text, attr.strip(), hint, z, i, node.tag))
    return ctx.dates


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
            t = clean(node.text(deep=True, separator=" "))
            if in_figure and t and len(t) < 200:
                ctx.credits.append(t)
    return ctx.credits
