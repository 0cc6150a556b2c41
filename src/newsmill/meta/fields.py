"""Assemble every metadata field of an Article from the page context and the segmentation."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..segment import Segmentation
from . import byline, pubdate
from .calibration import CALIBRATED_FIELDS, calibrate
from .candidates import Pick, norm_key
from .context import HOME_PATHS, PageContext, clean, story_scope
from .dates import as_reference
from .images import absolute, lead_image, story_images
from .jsonld import ORG_TYPES, agents, norm_page_url, text_of, types_of
from .language import SAMPLE_CHARS, iso639_1, pick_language
from .title import is_site_label, pick_title, site_from_title, site_labels, title_parts, title_words
from .titlemodel import CJK

_US_DMY_LANGS = ("en-us", "en_us")
_KEY_VALUE = re.compile(r"^[\w-]+:\s")


_PLATFORMS = frozenset(["blogger", "blogspot", "wordpresscom", "tumblr"])


def _site_names(ctx: PageContext, main: dict | None) -> list[tuple[str, str, str, float]]:
    """(name, source, raw, weight) for the site."""
    out: list[tuple[str, str, str, float]] = []
    v = clean(ctx.first("og:site_name"))
    if v:
        # Medium names itself in og:site_name on every publication's own domain: there the
        # publication's name (JSON-LD, <title>) comes first.
        key = norm_key(v)
        hosted = (key in _PLATFORMS or key == "medium") and key not in urlsplit(ctx.url or "").netloc.replace(".", "")
        out.append((v, "meta", v, 0.5 if hosted else 0.9))
    for node in ctx.graph.nodes:
        if "website" in types_of(node):
            name = clean(text_of(node.get("name")))
            if name:
                out.append((name, "json-ld", name, 0.85))
                break
    if main:
        for name, kind in agents(main.get("publisher"), ctx.graph)[:1]:
            # A personal blog's publisher is its author, not a site; Blogger names itself as
            # every blog's publisher.
            if kind != "person" and norm_key(name) not in _PLATFORMS:
                out.append((clean(name), "json-ld", name, 0.75))
    for key, w in (("application-name", 0.7), ("apple-mobile-web-app-title", 0.6)):
        v = clean(ctx.first(key))
        if v:
            out.append((v, "meta", v, w))
    return [o for o in out if o[0] and len(o[0]) < 120]


def _pick_site(names: list[tuple[str, str, str, float]]) -> Pick | None:
    if not names:
        return None
    name, src, raw, w = max(names, key=lambda n: n[3])  # the first of the weightiest
    agree = sum(1 for n in names[1:] if norm_key(n[0]) == norm_key(name))
    return Pick(name, src, raw, min(0.97, w + 0.05 * agree))


def _pick_publisher(
    ctx: PageContext, main: dict | None, org_authors: list[str], site: Pick | None
) -> Pick | None:
    if main:
        for name, _kind in agents(main.get("publisher"), ctx.graph)[:1]:
            name = clean(name)
            if name:
                agree = site is not None and norm_key(site.value) == norm_key(name)
                return Pick(name, "json-ld", name, 0.9 + 0.05 * agree)
    for key in ("article:publisher", "dc.publisher", "dcterms.publisher", "publisher", "citation_publisher"):
        v = clean(ctx.first(key))
        if v and "://" not in v:
            return Pick(v, "meta", v, 0.8)
    for node in ctx.graph.nodes:
        if types_of(node) & ORG_TYPES and node.get("name"):
            name = clean(text_of(node.get("name")))
            if name:
                return Pick(name, "json-ld", name, 0.7)
    if org_authors:
        return Pick(clean(org_authors[0]), "json-ld", org_authors[0], 0.6)
    if site is not None:
        return Pick(site.value, site.source, site.raw, min(site.confidence, 0.7))
    return None


def _pick_description(ctx: PageContext, main: dict | None) -> Pick | None:
    cands: list[tuple[str, str]] = []
    for key in ("og:description", "description", "twitter:description", "dc.description"):
        v = clean(ctx.first(key))
        if v:
            cands.append((v, "meta"))
    if main:
        v = clean(text_of(main.get("description")))
        if v:
            cands.append((v, "json-ld"))
    if not cands:
        return None
    v, src = cands[0]
    key = norm_key(v)
    agree = sum(1 for c in cands[1:] if norm_key(c[0]) == key)
    return Pick(v[:1000], src, v, min(0.95, 0.8 + 0.05 * agree))


def _pick_canonical(ctx: PageContext, main: dict | None) -> Pick | None:
    base = ctx.base_url
    cands: list[tuple[str, str, str, float]] = []
    for href in ctx.links.get("canonical", [])[:1]:
        cands.append((absolute(href, base) or "", "meta", href, 0.9))
    v = ctx.first("og:url")
    if v:
        cands.append((absolute(v, base) or "", "meta", v, 0.8))
    if main:
        for key in ("url", "mainEntityOfPage"):
            u = main.get(key)
            u = u.get("@id") if isinstance(u, dict) else u
            if isinstance(u, str) and u.startswith(("http", "/")):
                cands.append((absolute(u, base) or "", "json-ld", u, 0.8))
                break
    cands = [c for c in cands if c[0].startswith(("http://", "https://"))]
    if not cands:
        return None
    url, src, raw, w = cands[0]
    agree = sum(1 for c in cands[1:] if norm_page_url(c[0]) == norm_page_url(url))
    conf = w + 0.04 * agree
    if ctx.url:
        page_path = urlsplit(ctx.url).path.strip("/")
        if page_path and not urlsplit(url).path.strip("/"):
            conf -= 0.4  # a deep page claiming the home page as canonical: a template bug
    return Pick(url, src, raw, min(conf, 0.97))


def _pick_tags(ctx: PageContext, main: dict | None) -> Pick | None:
    groups: list[tuple[list[str], str, str, float]] = []
    if ctx.meta.get("article:tag"):
        vals = ctx.meta["article:tag"]
        groups.append((vals, "meta", "; ".join(vals), 0.85))
    if main and main.get("keywords"):
        kw = main["keywords"]
        vals = kw if isinstance(kw, list) else re.split(r"\s*[,;]\s*", kw) if isinstance(kw, str) else []
        vals = [v for v in vals if isinstance(v, str)]
        groups.append((vals, "json-ld", str(kw)[:500], 0.8))
    for key, w in (("news_keywords", 0.8), ("parsely-tags", 0.8), ("keywords", 0.6)):
        v = ctx.first(key)
        if v:
            groups.append((re.split(r"\s*[,;]\s*", v), "meta", v, w))
    if not groups:
        groups += _rel_tags(ctx)
    for vals, src, raw, w in groups:
        seen: set[str] = set()
        tags: list[str] = []
        for t in vals:
            t = clean(t)
            k = norm_key(t)
            # "contentId: 15cd..." and similar CMS key/value pairs are not tags.
            if t and k and k not in seen and len(t) <= 60 and not _KEY_VALUE.match(t):
                seen.add(k)
                tags.append(t)
        if tags:
            return Pick(tags[:30], src, raw, w)
    return None


_TAG_CLOUD = 30  # more rel=tag links than a story carries: a tag cloud, not the story's tags


def _rel_tags(ctx: PageContext) -> list[tuple[list[str], str, str, float]]:
    """The story's tag links (the rel-tag microformat: WordPress's "Tagged notebooks, analog"),
    looked for only inside the story's own <article>/<main>, where a sidebar's cloud is not.
    "category tag" links name the blog's section, not the story's subjects."""
    scope = story_scope(ctx)
    if scope is None:
        return []
    vals = [
        t for a in scope.css("a[rel~=tag]")
        if "category" not in (a.attributes.get("rel") or "").lower()
        and (t := clean(a.text(deep=True, separator=" ")).lstrip("# ")) and t.lower() != "uncategorized"
    ]
    if not vals or len(vals) > _TAG_CLOUD:
        return []
    return [(vals, "dom", "; ".join(vals)[:500], 0.6)]


def _site_beside_title(ctx: PageContext, seg: Segmentation, title: str, labels: set[str]) -> Pick | None:
    """The site's name from the <title> ("Story – Green Thumb Blog"), when the page's address
    (``labels``: its domain label and host) or its copyright line names it too. On wcxb-dev
    pages that have og:site_name, this agrees with it (or is a form of it: "FDA", "GitHub") on
    434 of 434; without such a check, on 62%."""
    name = site_from_title(ctx.head_title, title)
    if not name:
        return None
    key = norm_key(name)
    # "greenthumb" in "greenthumbblog", "fda" in "fdagov".
    by_host = len(key) >= 3 and any(lab in key or key in lab for lab in labels)
    if by_host or _in_copyright(seg, key):
        return Pick(name, "title", ctx.head_title or name, 0.8)
    return None


# A logo's picture, and what its alt text says besides the name ("Halden Outdoor logo",
# "Ridge Logo Image", "TopAdvisor white").
_LOGO_SEL = '[id*="logo"] img[alt], [class*="logo"] img[alt], img[class*="logo"][alt], img[id*="logo"][alt]'
_LOGO_TAIL = re.compile(
    r"(?:\s*[-|:]?\s*\b(?:logo(?:type)?\b.*|(?:white|black|dark|light|colou?r|default|corporate|primary|main|"
    r"horizontal|vertical|mobile|desktop|header|footer|retina|svg|png|image|icon|home(?:\s?page)?)))+\.?$",
    re.IGNORECASE,
)
_LOGO_HEAD = re.compile(r"^(?:(?:the )?logo(?: of| for)?|(?:return|back|go|click) to(?: the)?)\s*[-|:]?\s*", re.IGNORECASE)
_FILE_NAME_CHARS = re.compile(r"[-_.]")
# What a link's alt text says instead of a name: where it leads.
_NOT_A_NAME = re.compile(r"\b(?:home|homepage|home page|location|locations|locator|menu|search|cart|account|sign in)\b", re.I)


def _logo_alt(ctx: PageContext, labels: set[str]) -> str:
    """The alt text of the site's logo picture, a shop theme's only statement of its name: when
    it agrees with the address's domain ("STEAM" on steampowered.com), or the picture links to the
    home page. A partner's logo ("as seen in Forbes") does neither."""
    img = ctx.tree.css_first(_LOGO_SEL)
    if img is None:
        return ""
    alt = clean(img.attributes.get("alt") or "")
    alt = _LOGO_TAIL.sub("", _LOGO_HEAD.sub("", alt)).strip(" -|:.")
    key = norm_key(alt)
    if len(key) < 2 or (" " not in alt and _FILE_NAME_CHARS.search(alt)):
        return ""  # nothing left, or a file's name ("elliptic-logo-black-4", "brand.png")
    if any(len(lab) >= 4 and (key[:4] in lab or lab[:4] in key) for lab in labels):
        return alt
    if _NOT_A_NAME.search(alt) or (alt.islower() and alt.count(" ") >= 2):
        return ""  # "Return to the home page", "hire a virtual assistant": a link's purpose
    node, up = img.parent, 0
    while node is not None and up < 4:
        if node.tag == "a":
            href = (node.attributes.get("href") or "").strip()
            parts = urlsplit(href)
            home = parts.path in HOME_PATHS or "home" in parts.query.lower()
            return alt if href and home and not parts.fragment else ""
        node, up = node.parent, up + 1
    return ""


def _site_from_logo(ctx: PageContext, title: Pick | None, labels: set[str]) -> Pick | None:
    """The heading that links to the home page, over a blog's posts (Blogger's themes), else
    the logo picture's alt text, when nothing else names the site; not an SVG's own title, nor
    the story's headline."""
    logo = ctx.logo_names[0] if ctx.logo_names else _logo_alt(ctx, labels)
    if not logo or len(logo.split()) > 6 or "created with" in logo.lower():
        return None
    if title and norm_key(logo) == norm_key(title.value):
        return None
    return Pick(logo, "dom", logo, 0.6)


# What a site's name adds to the publisher's, which a copyright line names instead: "Valley
# Courier Online" (© Valley Courier Publishing Co.), "GridironWeekly.com", "江南日报网" (网,
# "net"; © 江南日报社).
_NAME_SUFFIX = re.compile(r"(?:online|com|net|org|web|website|网)$")
_CJK = re.compile(f"[{CJK}]")


def _core_key(key: str) -> str:
    core = _NAME_SUFFIX.sub("", key)
    return core if len(core) >= (2 if _CJK.match(core) else 5) else key


# Shops, services, listings and manuals are titled by a short label of their own ("Sleeping
# Bags", "Quickstart") over headings that say more; stories and threads by their headline.
_LABELLED_TYPES = frozenset(["product", "collection", "listing", "service", "documentation"])
# A shop's product or category page is not published: the dates it shows are a review's, a
# sale's end or a card's, and the one it declares is when the CMS made the page. Only a date
# the page labels ("Updated March 5, 2025", "Published: …") stays, as a buyer's guide typed
# as a shop page shows one, and the date the item itself declares (a book's).
_UNDATED_TYPES = frozenset(["product", "collection"])
# A story's own heading, read as its headline: this many words at least, and at most.
_HEADLINE_WORDS = (4, 30)


def _title_part_opening_story(title: Pick | None, seg: Segmentation, kept: list[int]) -> Pick | None:
    """The part of a whole <title> ("Elbtal-Anzeiger Online - Lokales - Großbrand in Lagerhalle")
    that the story's first kept lines show on their own: its headline, set in bold or a big
    font on pages without a heading element."""
    if title is None or title.source != "title":
        return title
    parts = [p.strip() for p in title_parts(title.value)]
    if len(parts) < 2:
        return title
    opening = {norm_key(seg.blocks[i].text) for i in kept[:3]}
    lo, hi = _HEADLINE_WORDS
    for part in parts:
        if lo <= title_words(part)[0] <= hi and norm_key(part) in opening:
            # Never measured on wcxb-dev (its <title> choices do not come here): middling.
            return Pick(part, "title", title.raw, min(title.confidence, 0.6))
    return title


def _story_heading_over_label(title: Pick | None, seg: Segmentation, kept: list[int], labels: set[str]) -> Pick | None:
    """The heading that opens a story's kept text instead of a <title> that only names the
    site or a section ("Springfield Gazette - Local", "News"), when the heading shares none of
    its words.

    Pages without an h1 (older sites set headlines in h2 or h3) give the title chooser only
    their <title>, which on such sites labels the site or section, not the story. A label is
    the site's name (its address, its names in the head, its copyright line) or a generic
    section word; a short <title> that is none of these stays ("Plugin Recommendations? -
    Help - Forum"). A menu link is no proof: documentation and blogs link the page's own title
    in their side menus (a first version lost 11 titles on wcxb-dev's old-style renderings).
    """
    if title is None or title.source != "title":
        return title
    n, words = title_words(title.value)
    if n > 3:
        return title
    lo, hi = _HEADLINE_WORDS
    for i in kept[:3]:
        b = seg.blocks[i]
        if b.kind != "heading":
            continue
        h_n, h_words = title_words(b.text)
        if lo <= h_n <= hi and not words & h_words and (
            is_site_label(title.value, labels) or _in_copyright(seg, norm_key(title.value))
        ):
            # Never measured on wcxb-dev (its stories have an h1): a middling confidence.
            return Pick(b.text.strip(), "dom", b.text, min(title.confidence, 0.6))
        break
    return title


_COPYRIGHT_MARK = re.compile(r"©|\(c\)|copyright|版权所有", re.I)


def _in_copyright(seg: Segmentation, key: str) -> bool:
    """``key`` (a norm_key), or its core (less "Online", ".com", 网), is in the page's copyright
    line: the name the site goes by."""
    core = _core_key(key)
    for b in seg.blocks:
        if b.chars <= 300 and _COPYRIGHT_MARK.search(b.text):
            line = norm_key(b.text)
            if key in line or core in line:
                return True
    return False


def _title_anchor(seg: Segmentation, titles: list[str], kept: list[int], n_title: int = 0) -> tuple[int, bool]:
    """The block holding the headline (the chosen title, else a visible h1), else the first
    kept block; and whether the headline was found. The first ``n_title`` of ``titles`` are
    the chosen title's forms."""
    keys = [k for k in (norm_key(t) for t in titles) if k]
    if keys:
        limit = min(len(seg.blocks), max(kept[0] + 60 if kept else 0, 400))
        blocks = seg.blocks
        heads: list[tuple[int, str]] = []  # headings keyed so far: each is keyed once
        scanned = 0
        for key in keys:
            for i, k in heads:
                if k == key:
                    return i, True
            while scanned < limit:
                i = scanned
                scanned += 1
                b = blocks[i]
                if b.kind == "heading" and b.chars < 400:
                    k = norm_key(b.text)
                    heads.append((i, k))
                    if k == key:
                        return i, True
        # No heading holds it: an older page sets its headline as a styled line (<font><b>),
        # a text block of its own. Its dateline is read around it, not around the first
        # paragraph, which may sit below captions and share links. Only the chosen title
        # counts here, and only a line just before the story: a sticky bar or a list of
        # related stories repeats the headline elsewhere.
        first = kept[0] if kept else 0
        wanted = {k for k in map(norm_key, titles[:n_title]) if k}
        for i in range(min(first, limit - 1), max(-1, first - 60), -1):
            b = blocks[i]
            if b.chars < 400 and b.link_chars * 2 < b.chars and norm_key(b.text) in wanted:
                return i, True
    return (kept[0] if kept else 0), False


_ABOVE_STORY = 8  # blocks read above the story's first when no headline was found
FAR_DATE_CAP = 0.6  # confidence of a date found only far from the headline


def _lead_text(seg: Segmentation, kept: list[int], limit: int = SAMPLE_CHARS) -> str:
    """The first ``limit`` characters of the first 40 kept blocks, joined by spaces; joins only
    as many blocks as that takes."""
    parts: list[str] = []
    n = -1
    for i in kept[:40]:
        t = seg.blocks[i].text
        parts.append(t)
        n += len(t) + 1
        if n >= limit:
            break
    return " ".join(parts)[:limit]


def _declares_day(node: dict[str, Any] | None, pick: Pick) -> bool:
    v = node.get("datePublished") if node else None
    return isinstance(v, str) and v[:10] == pick.value[:10]


def describe(ctx: PageContext, seg: Segmentation, kept: list[int], page_type: str | None = None) -> dict[str, Any]:
    """Article keyword fields (without text) with ``sources`` and ``confidence``. ``page_type``
    is what the page-type model says the page is, when known."""
    out: dict[str, Any] = {"sources": {}, "confidence": {}}
    # Without the time the page was fetched, no relative date is read ("3 hours ago" names a
    # day only from that moment) and "the future" is after now.
    ref = as_reference(ctx.reference_time) if ctx.reference_time is not None else None
    page_urls = {norm_page_url(ctx.url)} | {norm_page_url(h) for h in ctx.links.get("canonical", [])[:1]}
    page_urls.discard("")
    main, main_kind = ctx.graph.main_entity(page_urls)

    site_names = _site_names(ctx, main)
    site = _pick_site(site_names)
    if site:
        site.record(out, "site_name")
    names = [n[0] for n in site_names]
    story = page_type not in _LABELLED_TYPES
    labels = site_labels(ctx, names)
    title = pick_title(ctx, main, names, story=story, labels=labels)
    if story:
        title = _title_part_opening_story(_story_heading_over_label(title, seg, kept, labels), seg, kept)
    if title:
        title.record(out, "title")
    if not site and title:  # no site name anywhere: ``labels`` are the address's alone
        site = _site_beside_title(ctx, seg, title.value, labels)
        if site:
            site.record(out, "site_name")
    if not site:
        site = _site_from_logo(ctx, title, labels)
        if site:
            site.record(out, "site_name")

    story_scope(ctx, title.raw if title and title.source == "dom" else None)
    orgs = {norm_key(n[0]) for n in site_names}
    orgs.discard("")
    heads = ([title.value, title.raw] if title else []) + [t for t, zone in ctx.h1 if zone >= 0][:2]
    # The story's blocks hold the heading as shown, with a thread's prefix label.
    heads += [f for (t, zone), f in zip(ctx.h1, ctx.h1_full, strict=False) if zone >= 0 and f != t][:2]
    anchor, found = _title_anchor(seg, heads, kept, 2 if title else 0)
    n_blocks = len(seg.blocks)
    # Without a headline to stand by, the story's first block is the anchor, and its byline and
    # dateline may lie further up, above a lead image, its caption and share links.
    window = range(max(0, anchor - (4 if found else _ABOVE_STORY)), min(n_blocks, anchor + 12))
    kept_set = set(kept)
    name_cands, org_authors = byline.gather_structured(ctx, main, main_kind, orgs)
    if not byline.settled(name_cands):
        name_cands += byline.gather_page(ctx, seg, window, kept_set, orgs, anchor)
    authors = byline.pick_authors(name_cands)
    if authors:
        authors.record(out, "authors")
    publisher = _pick_publisher(ctx, main, org_authors, site)
    if publisher:
        publisher.record(out, "publisher")

    lang_markup = (ctx.html_lang or ctx.first("og:locale") or "").lower()
    dmy_first = not (lang_markup.startswith(_US_DMY_LANGS) or lang_markup in ("en", ""))
    date_cands = pubdate.gather_structured(ctx, main, main_kind, ref)
    far = False  # the date comes from far from the headline: a last resort
    if not pubdate.settled(date_cands):
        date_cands += pubdate.gather_dom(ctx, dmy_first, ref)
        date_cands += pubdate.gather_text(seg, window, kept_set, dmy_first, ref, anchor=anchor, headline=found)
        forum = pubdate.is_forum_thread(ctx)
        # A thread's posts, when the page says it is one, or shows them and had no date so far
        # (a page whose JSON-LD calls it an article is not a thread: no need to look).
        if forum or (
            main_kind != "article"
            and not any(not c.modified and c.source != "url" for c in date_cands)
            and pubdate.has_post_markup(ctx, seg, window)
        ):
            date_cands += pubdate.gather_forum(ctx, dmy_first, ref, known=forum)
        if not any(not c.modified and c.source != "url" for c in date_cands):
            # No date near the headline: look at the whole page, trusting what is found less.
            for c in pubdate.gather_dom(ctx, dmy_first, ref, whole_page=True):
                c.weight -= 0.1
                date_cands.append(c)
        if not date_cands:
            # Last resorts, far from the headline: a labelled line anywhere in the story, or
            # on a thread its first post's stamp.
            date_cands = pubdate.gather_labelled(seg, kept_set, dmy_first, ref) or (
                pubdate.gather_thread_start(seg, kept, dmy_first, ref) if page_type == "forum" else []
            )
            far = bool(date_cands)
    published, modified = pubdate.pick_dates(date_cands, dmy_first)
    if published and page_type in _UNDATED_TYPES and not (
        pubdate.labelled(published, date_cands) or (main_kind == "item" and _declares_day(main, published))
    ):
        published = None
    if published and page_type == "service" and not pubdate.labelled(published, date_cands) and (
        main_kind == "item" or (main_kind == "page" and published.source == "json-ld")
    ):
        # A service page about a product, course or app: the date its item declares is the
        # item's (a release, a course's start), not when the page was published. One that
        # declares only a WebPage: the date is when the CMS made the page (SEO plugins write
        # one for every page), not a publication.
        published = None
    if published and page_type == "listing" and pubdate.item_date(published, date_cands):
        # A list's page has no date of its own: the one shown first is its first item's.
        published = None
    if published:
        published.record(out, "published")
    if modified:
        modified.record(out, "modified")

    for name, pick in (
        ("description", _pick_description(ctx, main)),
        ("canonical_url", _pick_canonical(ctx, main)),
        ("tags", _pick_tags(ctx, main)),
    ):
        if pick:
            pick.record(out, name)

    base = ctx.base_url
    lead = lead_image(ctx, main, base)
    images, positions = story_images(ctx, seg, kept, base)
    if lead:
        lead.record(out, "image")
    elif images:
        Pick(images[0]["url"], "dom", images[0]["url"], 0.6).record(out, "image")
    if images:
        out["images"] = images
        out["_image_positions"] = positions

    text = _lead_text(seg, kept)
    lang = pick_language(ctx, main, text)
    if lang:
        lang.record(out, "language")

    # Heuristic scores become calibrated confidences where ground truth allowed measuring them.
    # The cell also knows whether the page's JSON-LD calls it an article: titles and dates of
    # articles are more settled than those of product, service or forum pages.
    raw_conf: dict[str, tuple[str, float]] = {}
    for name in CALIBRATED_FIELDS:
        if name in out["confidence"]:
            cell = f'{out["sources"][name]["from"]}/{main_kind or "none"}'
            raw_conf[name] = (cell, out["confidence"][name])
            out["confidence"][name] = calibrate(name, cell, out["confidence"][name])
    if far and "published" in out["confidence"]:
        # The calibration cells were measured on datelines near headlines, not on these.
        out["confidence"]["published"] = min(out["confidence"]["published"], FAR_DATE_CAP)
    out["_raw_confidence"] = raw_conf
    return out


__all__ = ["describe", "iso639_1"]
