"""Choose the blocks that make the article, from their scores."""

from __future__ import annotations

import re

import numpy as np

from .segment import FLAG_NAMES, SEM_BIT, Segmentation

_FLAG_BIT = {n: 1 << i for i, n in enumerate(FLAG_NAMES)}
_BODY_SEM = SEM_BIT["itemprop_body"]

# Widget lines that sit between paragraphs: short, and nothing but the call to action.
# On wcxb-dev, dropping them changes cross-validated F1 by +0.0001: they are rare there,
# but a reader never wants them.
_WIDGET = re.compile(
    r"^(?:advertisements?|sponsored(?: content)?|"
    r"(?:like|follow|find|join) us on (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|pinterest)"
    r"(?: (?:and|or) \w+)?|follow us|share (?:this|on \w+)(?: article| story| post)?|tweet|"
    r"subscribe(?: now| today)?|sign up|sign up for (?:our|the) \w+ ?newsletter|read more|"
    r"related(?: articles| stories)?|recommended|more stories|you may also like|"
    r"skip to (?:main )?content|back to top|leave a comment|make \w+ your homepage)$"
)
# Listing controls: filter, sort and view switches, pagination, result counters, per-card
# "add to compare" buttons. Matched on the block's words, lower-cased.
_CONTROL = re.compile(
    r"^(?:filters?|filter (?:and )?sort|sort(?: by| options)?|view options|refine(?: by| results)?|"
    r"clear (?:all|filters)|(?:show|hide) filters|load(?:ing)? more|loading|show more|view more|"
    r"next(?: page)?|previous(?: page)?|prev|page \d+ of \d+|"
    r"(?:showing|displaying|viewing) (?:\d+ (?:to )?\d+ )?of \d+(?: \w+){0,2}|"
    r"add(?: .{1,80})? to (?:compare|comparison|cart|wish ?list|favou?rites)|add to (?:bag|basket))$"
)
_WORDS = re.compile(r"\w+")
_FALLBACK_MIN_WORDS = 25


def is_widget_line(text: str) -> bool:
    if len(text) > 120:  # the cheap test first: most kept blocks are prose
        return False
    words = _WORDS.findall(text.lower())
    if not words:
        return False
    line = " ".join(words)
    return (len(words) <= 8 and _WIDGET.match(line) is not None) or (
        len(words) <= 16 and _CONTROL.match(line) is not None
    )


def select(seg: Segmentation, probs: np.ndarray, threshold: float) -> list[int]:
    """Indices of kept blocks, in document order.

    A block is kept when its probability clears the threshold; lone short blocks between
    rejected neighbours are dropped, and a heading directly followed by kept text is kept.
    """
    n = len(seg.blocks)
    if n == 0:
        return []
    keep = probs >= threshold
    blocks = seg.blocks
    for i in range(n):
        b = blocks[i]
        if not keep[i] and b.kind == "heading" and i + 1 < n and keep[i + 1] and probs[i] >= threshold * 0.5:
            keep[i] = True
    if not keep.any():
        # Never nothing when the page has a story to tell: the most likely blocks, if they
        # hold real prose. Error and blocked pages ("Access denied", a dozen words) stay empty.
        cand = probs >= probs.max() * 0.5
        words = sum(blocks[i].text.count(" ") + 1 for i in np.nonzero(cand)[0])
        if words >= _FALLBACK_MIN_WORDS:
            keep = cand
    boxed = _in_small_box(seg)
    return [
        i for i in range(n)
        if keep[i] and not boxed[blocks[i].elem] and not is_widget_line(blocks[i].text)
    ]


# A newsletter sign-up or cookie notice is a small box whose own class says so.
_BOX_BITS = _FLAG_BIT["newsletter"] | _FLAG_BIT["cookie"]
_BOX_MAX_CHARS = 600


def _in_small_box(seg: Segmentation) -> list[bool]:
    """Per element: inside (up to two levels below) a small newsletter or cookie box."""
    elems = seg.elems
    out = [False] * len(elems)
    for j in range(len(elems)):
        a, hops = j, 0
        while a >= 0 and hops < 3:
            ae = elems[a]
            if ae.flags & _BOX_BITS and ae.chars <= _BOX_MAX_CHARS and not ae.isem & _BODY_SEM:
                out[j] = True
                break
            a, hops = ae.parent, hops + 1
    return out
