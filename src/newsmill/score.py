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


_LOG_WORDS = _IDX["log_words"]
_LOG_CHARS = _IDX["log_chars"]


def block_words(X: np.ndarray) -> np.ndarray:
    """Each block's weight in word F1: its words, or for text without spaces (Chinese,
    Japanese) about one per eight characters."""
    return np.maximum(np.expm1(X[:, _LOG_WORDS]), np.expm1(X[:, _LOG_CHARS]) / 8.0)


def expected_f1_threshold(
    probs: np.ndarray, words: np.ndarray, temperature: float, shift: float, fallback: float
) -> float:
    """The threshold on ``probs`` that maximises the page's expected word F1.

    Each probability becomes q = sigmoid(temperature * logit(p) + shift); taking blocks by q,
    the expected F1 of the first k is about 2 sum_k(q n) / (sum_k(n) + sum(q n)), n being
    words. The best k gives the threshold: high where much of the page is sure to be content
    (a doubtful block would cost more precision than it could bring recall), lower where less
    is. The raw scores are roughly calibrated already (of the words scored 0.4-0.5 on
    wcxb-dev, out of fold, 51% are content); temperature and shift flatten and lower them
    because that is what cross-validated page F1 preferred (0.8655 with the raw scores,
    0.8679 flattened, in the trainer's own measure), not to calibrate them. A page whose best
    block is under ``fallback`` gets ``fallback``: assembly then keeps nothing, or its
    fallback prose, as before; error pages stay empty.
    """
    if not len(probs) or probs.max() < fallback:
        return fallback
    ranked, expected = expected_f1_curve(probs, words, temperature, shift)
    return float(ranked[int(np.argmax(expected))])


def expected_f1_curve(
    probs: np.ndarray, words: np.ndarray, temperature: float, shift: float
) -> tuple[np.ndarray, np.ndarray]:
    """The scored blocks' probabilities, best first, and the page's expected word F1 when the
    blocks down to each are taken (see ``expected_f1_threshold``)."""
    scored = probs > 0
    ps = probs[scored]
    p = np.clip(ps, 1e-6, 1 - 1e-6)
    q = 1.0 / (1.0 + np.exp(-(temperature * np.log(p / (1 - p)) + shift)))
    n = words[scored]
    order = np.argsort(-q, kind="stable")
    qn = q * n
    return ps[order], 2 * np.cumsum(qn[order]) / (np.cumsum(n[order]) + qn.sum())


def page_threshold(probs: np.ndarray, X: np.ndarray, fallback: float, model_name: str = "blocks", lean: float = 0.0) -> float:
    """This page's decision threshold: the expected-F1 one when the model ships its score
    mapping (temperature, shift; ``lean`` > 0 keeps more, < 0 less), else ``fallback``."""
    scorer = model.load(model_name)
    if scorer is None or scorer.score_map is None:
        return fallback
    temperature, shift = scorer.score_map
    return expected_f1_threshold(probs, block_words(X), temperature, shift + lean, fallback)
