"""Choose the blocks that make the article, from their scores."""

from __future__ import annotations

import numpy as np

from .segment import Segmentation


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
    return [i for i in range(n) if keep[i]]
