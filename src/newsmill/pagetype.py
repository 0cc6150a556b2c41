"""What kind of page this is: article, forum, product, collection, listing, documentation
or service, from page-level statistics of the blocks and from schema.org and URL hints."""

from __future__ import annotations

import math
import re
from itertools import compress
from operator import attrgetter

import numpy as np

from . import model
from .features import FEATURE_NAMES, PAGE_SIGNALS
from .segment import KIND_ID, Block, Segmentation, heading_level

PAGE_TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]

_F = {n: i for i, n in enumerate(FEATURE_NAMES)}
_KINDS = ["p", "text", "li", "heading", "code", "row", "cell", "control", "caption", "quote", "dd"]
# Cue phrases, counted on lower-cased text (see _count_cues; a big regex is ten times slower).
_CUES: dict[str, tuple[str, ...]] = {
    "cart": ("add to cart", "add to bag", "add to basket", "buy now", "in stock", "out of stock", "sku", "quantity"),
    "forum": ("replies", "reply", "posted", "joined", "member", "thread", "upvote", "votes", "answered", "quote"),
    "docs": ("parameter", "returns", "argument", "function", "method", "class", "install", "example", "usage", "api"),
    "service": ("contact us", "get started", "book ", "pricing", "free trial", "free quote", "consultation", "our team", "our services", "testimonial"),
    "list": ("result", "sort by", "filter", "showing ", "page ", "next page", "load more", "view all"),
}
# The phrases are counted as str.count would (each on its own, left to right, without
# overlaps), in one pass rather than one a phrase: each is anchored on its first three letters,
# the text's three-letter windows are looked up in a table at once, and only the few positions
# holding an anchor are compared.
_LETTERS = b"abcdefghijklmnopqrstuvwxyz "
_LETTER_ID = bytes(_LETTERS.find(b) + 1 for b in range(256))  # 1-27; 0: no phrase holds it


def _anchor_table() -> tuple[np.ndarray, dict[int, list[tuple[bytes, int]]]]:
    """Which three-letter codes start a phrase, and the phrases (with their group) each starts."""
    anchors = np.zeros(1 << 15, bool)
    by_anchor: dict[int, list[tuple[bytes, int]]] = {}
    for group, phrases in enumerate(_CUES.values()):
        for phrase in phrases:
            ids = phrase.encode("ascii")[:3].translate(_LETTER_ID)
            code = (ids[0] << 10) | (ids[1] << 5) | ids[2]
            anchors[code] = True
            by_anchor.setdefault(code, []).append((phrase.encode("ascii"), group))
    return anchors, by_anchor


_ANCHORS, _BY_ANCHOR = _anchor_table()


def _count_cues(text: str) -> list[int]:
    """How often each group's phrases occur in ``text``: sum(text.count(p) for p in phrases)."""
    raw = text.encode("ascii", "replace")  # one byte a character: the phrases are ASCII
    ids = np.frombuffer(raw.translate(_LETTER_ID), np.uint8).astype(np.uint16)
    windows = (ids[:-2] << 10) | (ids[1:-1] << 5) | ids[2:]
    hits = np.flatnonzero(_ANCHORS.take(windows))
    counts = [0] * len(_CUES)
    free: dict[bytes, int] = {}  # where each phrase may next be counted (str.count skips overlaps)
    for pos, code in zip(hits.tolist(), windows.take(hits).tolist(), strict=True):
        for phrase, group in _BY_ANCHOR[code]:
            if pos >= free.get(phrase, 0) and raw.startswith(phrase, pos):
                counts[group] += 1
                free[phrase] = pos + len(phrase)
    return counts


_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:€|eur\b|usd\b|gbp\b)")
# Every _PRICE match holds one of these, and lies within two characters of it.
_PRICE_NEEDS = ("$", "€", "£", "¥", "eur", "usd", "gbp")
_PRICE_REACH = 2
_CHARS = attrgetter("chars")
_TEXT = attrgetter("text")
# log_same_sig is log1p(siblings): 0.69 for one, 1.10 for two; the midpoint tells them apart.
_TWO_SIBLINGS = 0.9

PAGE_FEATURE_NAMES: list[str] = (
    [f"hint_{n}" for n in PAGE_SIGNALS]
    + ["log_chars", "log_blocks", "link_density", "best_frac", "best_para", "best_group_para",
       "best_group_log_count", "log_groups", "mean_sent_ends", "punct_share", "date_share",
       "log_images", "url_depth", "url_digits", "log_words_per_block"]
    + [f"share_{k}" for k in _KINDS]
    + ["cue_price"]
    + [f"cue_{k}" for k in _CUES]
)


def _count_prices(text: str) -> int:
    """``len(_PRICE.findall(text))``, the pattern run only around the currency marks: the scan
    of a whole page's short blocks tried both of its alternatives at every character (0.7 ms
    a priced page). Each match lies in one mark's reach, so the pieces, overlapping ones
    joined, are read as the whole scan reads them."""
    spans = []
    for needle in _PRICE_NEEDS:
        at = text.find(needle)
        while at >= 0:
            # The reach's end is past the character that "eur\b" looks at.
            spans.append((max(0, at - _PRICE_REACH), at + len(needle) + _PRICE_REACH))
            at = text.find(needle, at + 1)
    if not spans:
        return 0
    spans.sort()
    count = 0
    start, end = spans[0]
    for a, b in spans[1:]:
        if a <= end:
            end = max(end, b)
        else:
            count += len(_PRICE.findall(text, start, end))
            start, end = a, b
    return count + len(_PRICE.findall(text, start, end))


def page_features(seg: Segmentation, X: np.ndarray, url: str | None) -> np.ndarray:
    """One row of page-level features, from the block features already computed."""
    n = X.shape[0]
    blocks, elems = seg.blocks, seg.elems
    chars = np.fromiter(map(_CHARS, blocks), np.float64, n) if n else np.zeros(0)
    total = max(float(chars.sum()), 1.0)
    row: list[float] = []
    if n:
        row += X[0, [_F[f"page_{k}"] for k in PAGE_SIGNALS]].tolist()
        row += [
            float(X[0, _F["page_log_chars"]]), float(X[0, _F["page_log_blocks"]]),
            float(X[0, _F["page_link_density"]]), float(X[0, _F["best_frac"]]),
            float(X[0, _F["best_para_share"]]), float(X[0, _F["best_group_para"]]),
            float(X[0, _F["best_group_log_count"]]),
        ]
    else:
        row += [0.0] * (len(PAGE_SIGNALS) + 7)
    # Blocks whose element has two or more same-signature siblings, read off X.
    rep = np.flatnonzero(X[:, _F["log_same_sig"]] > _TWO_SIBLINGS).tolist() if n else []
    rep_elems = {blocks[i].elem for i in rep}
    groups = {(elems[e].parent, elems[e].sig) for e in rep_elems}
    row.append(math.log1p(len(groups)))
    if n:
        row.append(float(X[:, _F["sent_ends"]].mean()))
        row.append(float((chars * X[:, _F["ends_punct"]]).sum() / total))
        row.append(float(X[:, _F["date_text"]].mean()))
    else:
        row += [0.0, 0.0, 0.0]
    row.append(math.log1p(len(seg.images)))
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "").split("?")[0]
    row.append(float(len([p for p in path.split("/") if p])))
    row.append(float(len(re.findall(r"\d", path))))
    row.append(math.log1p(total / max(n, 1)))
    kind_col = X[:, _F["kind"]] if n else np.zeros(0)
    for k in _KINDS:
        row.append(float(chars[kind_col == KIND_ID[k]].sum() / total) if n else 0.0)
    # Cue words, over short blocks only: page furniture says what the page is for.
    text = " ".join(compress(map(_TEXT, blocks), (chars < 200).tolist()))[:20000].lower()
    row.append(math.log1p(_count_prices(text)))
    row += map(math.log1p, _count_cues(text))
    return np.asarray([row], dtype=np.float32)


def classify(seg: Segmentation, X: np.ndarray, url: str | None, model_name: str = "pagetype") -> tuple[str | None, float | None]:
    """The most likely page type and its probability; (None, None) without a model."""
    m = model.load(model_name)
    if m is None:
        return None, None
    probs = m.stage1.predict(page_features(seg, X, url))[0]
    i = int(np.argmax(probs))
    return PAGE_TYPES[i], round(float(probs[i]), 3)


# A story's byline: "By Jane Doe", "Par Jean Dupont", "Von Max Muster": a by-word and a name.
_BYLINE = re.compile(r"^(?i:by|par|por|von|di|door|av|af|przez)\s+[A-ZÀ-ÞА-Я]")
# Chinese and Japanese pages label it within the line: "来源：新华社 作者：李明华".
_BYLINE_CJK = re.compile(r"(?:作者|记者|記者)\s*[：:]\s*\S")
_BYLINE_MAX_CHARS = 120
_BYLINE_BEFORE, _BYLINE_AFTER = 2, 6  # blocks around the headline where a byline stands


# A thread's opening line signs its title too: "By Joe Root August 26 in Digital Forum",
# "by Shancock" over "Posted: 2 years ago 21 replies"; and old boards sign every post ("by
# Ann » Sat Dec 02, 2023").
_THREAD_SIGN = re.compile(r"(?:\d|\bago)\s+in\s+\w|\b(?:repl(?:y|ies)|posts?|posted|started|thread|topic)\b", re.I)
_THREAD_BYLINES = 3
_THREAD_SIGN_LINES = 3  # the by-line and the short lines after it


def _is_byline(b: Block) -> bool:
    return b.chars < _BYLINE_MAX_CHARS and (_BYLINE.match(b.text.lstrip()) or _BYLINE_CJK.search(b.text)) is not None


def signed_headline(blocks: list[Block], thread: bool = False) -> bool:
    """Whether a short "By <Name>" line stands next to the page's first h1 (or its old form).
    With ``thread`` (a page typed forum or listing), not a thread's signature nor a list of
    signed cards: the by-line and the short lines after it name no board, replies or post, and
    the page has fewer than _THREAD_BYLINES by-lines."""
    # (An older page sets its headline as <font size=6><b>: a line at heading level 1.)
    at = next((i for i, b in enumerate(blocks) if heading_level(b) == 1), None)
    if at is None:
        return False
    lo = max(0, at - _BYLINE_BEFORE)
    by = next((i for i in range(lo, min(len(blocks), at + _BYLINE_AFTER)) if _is_byline(blocks[i])), None)
    if by is None:
        return False
    if thread:
        # (An old layout sets "By Joe Root", "August 26" and "in Digital Forum" apart.)
        near = " ".join(b.text for b in blocks[by : by + _THREAD_SIGN_LINES] if b.chars < _BYLINE_MAX_CHARS)
        if _THREAD_SIGN.search(near):
            return False
        if sum(map(_is_byline, blocks)) >= _THREAD_BYLINES:
            return False
    return True


# A blog's or a newsroom's permalink: a year and month in the path, then a slug of words
# ("/2008/09/lean-startup.html", "/2015/07/organic-pest-control/"). Forums address threads by
# number or by a slug under /threads/ or /t/, never by month; a mail archive's month folder
# holds numbered messages ("/2024/01/msg00123.html"), which the slug's hyphen rules out.
_PERMALINK = re.compile(r"/(?:19|20)\d\d/(?:0[1-9]|1[0-2])/(?:(?:0[1-9]|[12]\d|3[01])/)?[^/?#]*[^\W\d_]-[^\W\d_]", re.I)


def story_permalink(url: str | None) -> bool:
    """Whether the page's address is a dated story permalink (a blog post, a news story)."""
    return bool(url) and _PERMALINK.search(url) is not None
