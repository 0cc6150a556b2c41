"""The lead image and the story's images, with caption, credit and alt text."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any
from urllib.parse import urljoin

from ..segment import Segmentation
from .candidates import Pick
from .context import PageContext, query_credits
from .jsonld import image_urls

# "(Photo : REUTERS) U.S. President ..." — a credit in brackets before the caption.
_LEAD_CREDIT = re.compile(
    r"^\s*[(\[]\s*(?:photo(?:graph)?s?|image|picture|pic|foto|bild|credit|crédit|source|"
    r"illustration|video)\s*(?:by|credit)?\s*[:：]?\s*(?P<credit>[^)\]]{2,80})[)\]]\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "... Photo: Kevin Lamarque/Getty Images", "... (AP Photo/Evan Vucci)", "... © Jane Doe".
_TAIL_CREDIT = re.compile(
    r"^(?P<rest>.*?)[\s.,;|–—-]*[(\[]?\s*(?:(?:photo(?:graph)?s?|image|picture|pic|foto|bild|"
    r"credit|crédit|source|illustration|video)(?:\s+(?:by|credit))?\s*[:：]|(?:photo|image|"
    r"illustration|picture)s?\s+by\b|©|\(c\)|copyright|courtesy(?:\s+of)?)\s*(?P<credit>[^()\[\]]{2,100}?)\s*[)\]]?\s*\.?$",
    re.IGNORECASE | re.DOTALL,
)
_AGENCY_PAREN = re.compile(
    r"^(?P<rest>.*?)\s*[(\[](?P<credit>(?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Xinhua|Shutterstock|"
    r"dpa|ANSA|PA|UPI|NurPhoto|SOPA)[^()\[\]]{0,80})[)\]]\s*\.?$",
)
_SLASH_CREDIT = re.compile(
    r"^(?P<rest>.*?[.!?])?\s*(?P<credit>[\w.'’ -]{2,60}/\s?(?:Getty Images|AFP|AP|Reuters|"
    r"Shutterstock|EPA|Bloomberg|iStock(?:photo)?|Alamy|Zuma|NurPhoto|SOPA Images|Sipa|"
    r"The [A-Z][\w ]+|[A-Z][\w]+ (?:Images|Photos?|Pictures))[\w ./-]{0,40})\s*\.?$",
)
# A newspaper's credit after the caption's sentence: "... for repairs. (Jane Roe / Daily Courier)".
_PAREN_SLASH_CREDIT = re.compile(
    r"^(?P<rest>.*?[.!?])\s*[(\[](?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.&'’ -]{1,60})[)\]]\s*\.?$",
)
_JUNK_WORDS = (
    "logo", "icon", "avatar", "sprite", "pixel", "spacer", "blank.gif", "placeholder", "badge",
    "emoji", "gravatar", "loader", "loading", "1x1", "transparent", "tracking", "doubleclick",
    "feedburner", "share",
)


def _junk(src: str) -> bool:
    """Logos, icons, avatars, spacers and trackers, judged by the file name."""
    name = src.rsplit("/", 1)[-1][:200].lower()
    for w in _JUNK_WORDS:  # a plain loop: this runs for every image of every page
        if w in name:
            return True
    return False


def split_credit(caption: str, known: list[str] | None = None) -> tuple[str, str | None]:
    """(caption, credit): a photo credit written into a caption, taken out of it."""
    cap = caption.strip()
    if not cap:
        return "", None
    for k in known or ():
        if k and k in cap and k != cap:
            # Separators go; the caption's own closing period stays.
            rest = cap.replace(k, "").strip().lstrip(".,;|–—-").rstrip(",;|–—-").strip()
            credit = re.sub(
                r"^(?:photo(?:graph)?|image|credit|foto|source)\s*(?:by)?\s*[:：]?\s*", "", k.strip(" ()[]"), flags=re.I
            )
            return rest, credit.strip(" ()[]") or None
    m = _LEAD_CREDIT.match(cap)
    if m:
        return m["rest"].strip(), m["credit"].strip()
    for rx in (_AGENCY_PAREN, _TAIL_CREDIT, _SLASH_CREDIT, _PAREN_SLASH_CREDIT):
        m = rx.match(cap)
        if m and m["credit"].strip():
            return (m["rest"] or "").strip(" ,;|–—-"), m["credit"].strip(" .")
    return cap, None


def absolute(u: str | None, base: str | None) -> str | None:
    if not u:
        return None
    u = u.strip()
    if not u or u.startswith(("data:", "javascript:")):
        return None
    if u.startswith(("http://", "https://")):
        return u
    if u.startswith("//"):
        scheme = base.split(":", 1)[0] if base and ":" in base else "https"
        return f"{scheme}:{u}"
    if base:
        try:
            return urljoin(base, u)
        except ValueError:
            return u
    return u


def _resolve(src: str, base: str | None, memo: dict[str, str | None]) -> str | None:
    if src in memo:
        return memo[src]
    url = memo[src] = absolute(src, base)
    return url


def _may_resolve_into(src: str, url: str) -> bool:
    """False only when ``absolute(src, base)`` cannot be ``url``, for any base: the file name
    (last path segment, without ;params, ?query or #fragment) always ends up in the resolved
    URL, unless it is empty or a dot segment. Saves resolving every image against the lead."""
    if "\t" in src or "\r" in src or "\n" in src:
        return True  # urljoin drops these characters
    path = src.strip().split("#", 1)[0].split("?", 1)[0]
    name = path.rsplit("/", 1)[-1].split(";", 1)[0]
    return not name or name in (".", "..") or name in url


def lead_image(ctx: PageContext, main: dict | None, base: str | None) -> Pick | None:
    cands: list[tuple[str, str, float]] = []
    for key in ("og:image", "og:image:secure_url", "og:image:url"):
        v = ctx.first(key)
        if v:
            cands.append((v, "meta", 0.85))
            break
    if main:
        for u in image_urls(main.get("image") or main.get("thumbnailUrl"), ctx.graph)[:1]:
            cands.append((u, "json-ld", 0.85))
    for key in ("twitter:image", "twitter:image:src"):
        v = ctx.first(key)
        if v:
            cands.append((v, "meta", 0.75))
            break
    for v in ctx.links.get("image_src", [])[:1]:
        cands.append((v, "meta", 0.7))
    for prop, v, zone in ctx.microdata:
        if prop == "image" and zone >= 0:
            cands.append((v, "microdata", 0.7))
            break
    resolved = [(absolute(u, base), src, u, w) for u, src, w in cands]
    resolved = [r for r in resolved if r[0] and not _junk(r[0])]
    if not resolved:
        return None
    url, src, raw, w = resolved[0]
    agree = sum(1 for r in resolved[1:] if r[0] == url)
    return Pick(url, src, raw, min(0.97, w + 0.06 * agree))


# Captions outside <figure>: WordPress's "wp-caption-text", "<div class=photo><img><p
# class=caption>", a newspaper's "cutline". Not a shop card's buttons ("card-figcaption--
# action-buttons": "Add to Cart").
_CAPTION_CLASS = re.compile(r"caption|cutline|credit", re.IGNORECASE)
_BUTTON_CLASS = re.compile(r"button|btn|action", re.IGNORECASE)


def _caption_beside(seg: Segmentation, bi: int, img_elem: int) -> bool:
    """Block ``bi``, just after an image, is its caption: short, classed as one, and in the
    image's own box."""
    b = seg.blocks[bi]
    e = seg.elems[b.elem]
    return (
        b.chars <= 300 and b.kind != "control" and (b.elem == img_elem or e.parent == img_elem)
        and bool(_CAPTION_CLASS.search(e.sig)) and not _BUTTON_CLASS.search(e.sig)
    )


def story_images(
    ctx: PageContext, seg: Segmentation, kept: list[int], base: str | None
) -> tuple[list[dict[str, Any]], list[tuple[int, str, str, str]]]:
    """Images inside the kept blocks' range, each with caption, credit and alt; and where the
    Markdown renderer should put them (position in the kept list)."""
    if not kept or not seg.images:
        return [], []
    # A lead photo often stands just above the first kept paragraph, its caption with it.
    lo, hi = max(0, kept[0] - 3), kept[-1] + 1
    lead = ctx.first("og:image", "twitter:image")
    lead_url = absolute(lead, base) if lead else None
    kept_set = set(kept)
    blocks, elems = seg.blocks, seg.elems
    out: list[dict[str, Any]] = []
    positions: list[tuple[int, str, str, str]] = []
    seen: set[str] = set()
    used_caption_blocks: set[int] = set()
    resolved: dict[str, str | None] = {}  # src -> absolute URL: pages repeat their images
    for im in seg.images:
        url = None
        if not lo <= im.block_index <= hi:
            if not lead:
                continue
            if isinstance(lead_url, str) and not _may_resolve_into(im.src, lead_url):
                continue
            url = _resolve(im.src, base, resolved)
            if url != lead_url:
                continue
        if (im.width and im.width < 80) or (im.height and im.height < 60):
            continue
        if _junk(im.src):
            continue
        if url is None:
            url = _resolve(im.src, base, resolved)
        if not url or url in seen:
            continue
        seen.add(url)
        cap_blocks: list[int] = []
        if im.figure >= 0:
            f = elems[im.figure]
            if f.first_block >= 0:
                rng = range(f.first_block, f.last_block + 1)
                cap_blocks = [i for i in rng if blocks[i].kind == "caption"] or [
                    i for i in rng if blocks[i].chars < 400
                ][:2]
        elif im.block_index < len(blocks) and (
            blocks[im.block_index].kind == "caption" or _caption_beside(seg, im.block_index, im.elem)
        ):
            cap_blocks = [im.block_index]
        cap_blocks = [i for i in cap_blocks if i not in used_caption_blocks]
        used_caption_blocks.update(cap_blocks)
        raw_cap = " ".join(blocks[i].text for i in cap_blocks)
        caption, credit = split_credit(raw_cap, query_credits(ctx) if raw_cap else None)
        out.append({"url": url, "caption": caption or None, "credit": credit, "alt": im.alt or None})
        # The image goes before its caption; a kept caption block is rendered as text already.
        at = cap_blocks[0] if cap_blocks else im.block_index
        shown_cap = "" if any(i in kept_set for i in cap_blocks) else caption
        positions.append((bisect_left(kept, at), url, im.alt, shown_cap))
        if len(out) >= 50:
            break
    return out, positions
