"""Score blocks: the probability that each belongs to the main content."""

from __future__ import annotations

import numpy as np

from . import model
from .features import FEATURE_NAMES
from .segment import SEM_BIT, Segmentation

_IDX = {n: i for i, n in enumerate(FEATURE_NAMES)}
_BOILER_SEM = SEM_BIT["nav"] | SEM_BIT["footer"] | SEM_BIT["aside"] | SEM_BIT["role_boilerplate"]


def rule_scores(seg: Segmentation, X: np.ndarray) -> np.ndarray:
    """Fallback when no model ships: inside the densest container, few links, no nav/footer."""
    inside = X[:, _IDX["in_best"]] > 0
    ld = X[:, _IDX["link_density"]]
    boiler = np.fromiter(((seg.elems[b.elem].isem & _BOILER_SEM) != 0 for b in seg.blocks), dtype=bool, count=len(seg.blocks))
    return (inside & (ld < 0.5) & ~boiler).astype(np.float64)


def score_blocks(seg: Segmentation, X: np.ndarray, model_name: str = "blocks") -> tuple[np.ndarray, float]:
    scorer = model.load(model_name)
    if scorer is None:
        return rule_scores(seg, X), 0.5
    return scorer.predict(seg, X), scorer.threshold


def pagetype_model(model_name: str = "blocks") -> str:
    """The page-type model that goes with a block model."""
    scorer = model.load(model_name)
    return scorer.pagetype_model if scorer is not None else "pagetype"


def type_threshold(threshold: float, page_type: str | None, model_name: str = "blocks") -> float:
    """The decision threshold for a page of this type (no change without a learned factor)."""
    scorer = model.load(model_name)
    if scorer is None or page_type is None:
        return threshold
    return min(0.95, threshold * scorer.type_factor.get(page_type, 1.0))
