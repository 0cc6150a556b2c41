"""Text mode's line classifier: two small forests over the features of :mod:`newsmill.lines`.

Stage one scores each line from its own shape and position; stage two re-scores it with
stage one's scores of the lines around it (a story is a run of lines, so a short line
between two story paragraphs is likelier story than the same line among links).

Trained by ``train/train_lines.py`` on flattened wcxb-dev pages (derived from WCXB,
CC-BY-4.0) and shipped as ``models/lines.json``; evaluated with numpy by
:class:`newsmill.model.Forest`, so the runtime needs no ML library.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .model import Forest, load_spec

CONTEXT_NAMES = [
    "p", "p_prev", "p_next", "p_prev2", "p_next2", "p_win2", "p_win5", "p_max_before5",
    "p_max_after5", "story_before", "story_after", "gap_prev", "gap_next", "p_rank",
]


def context_features(p: np.ndarray) -> np.ndarray:
    """Stage-one scores of each line's neighbourhood (columns ``CONTEXT_NAMES``)."""
    n = p.size
    out = np.zeros((n, len(CONTEXT_NAMES)))
    if n == 0:
        return out
    pad = np.concatenate([np.zeros(5), p, np.zeros(5)])
    cs = np.concatenate([[0.0], np.cumsum(pad)])
    idx = np.arange(n) + 5
    win2 = (cs[idx + 3] - cs[idx - 2]) / 5
    win5 = (cs[idx + 6] - cs[idx - 5]) / 11
    story = p >= 0.5
    before = np.cumsum(story) - story
    after = story.sum() - np.cumsum(story)
    total = max(1, int(story.sum()))
    pos = np.flatnonzero(story)
    gap_prev = np.full(n, 50.0)
    gap_next = np.full(n, 50.0)
    if pos.size:
        j = np.searchsorted(pos, np.arange(n))  # first story line at or after i
        has_next = j < pos.size
        gap_next[has_next] = pos[j[has_next]] - np.arange(n)[has_next]
        k = np.searchsorted(pos, np.arange(n), side="left") - 1
        has_prev = k >= 0
        gap_prev[has_prev] = np.arange(n)[has_prev] - pos[k[has_prev]]
    order = np.argsort(-p, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    for i in range(n):
        out[i] = (
            p[i],
            pad[i + 4],
            pad[i + 6],
            pad[i + 3],
            pad[i + 7],
            win2[i],
            win5[i],
            pad[i : i + 5].max(),
            pad[i + 6 : i + 11].max(),
            before[i] / total,
            after[i] / total,
            np.log1p(min(gap_prev[i], 50)),
            np.log1p(min(gap_next[i], 50)),
            rank[i] / n,
        )
    return out


class LineModel:
    def __init__(self, spec: dict) -> None:
        self.stage1 = Forest(spec["stage1"])
        self.stage2 = Forest(spec["stage2"]) if spec.get("stage2") else None
        self.threshold = float(spec.get("threshold", 0.5))
        self.feature_names: list[str] = list(self.stage1.feature_names)
        self.extra: dict = spec.get("extra", {})

    def predict(self, X: np.ndarray) -> np.ndarray:
        # In chunks: the forest walks all trees for all rows at once, (rows x trees) integers.
        p = np.concatenate([self.stage1.predict(X[i : i + 4096]) for i in range(0, max(1, len(X)), 4096)])
        if self.stage2 is not None and p.size:
            p = self.stage2.predict(np.hstack([X, context_features(p)]))
        return p


@lru_cache(maxsize=8)
def load(name: str) -> LineModel | None:
    """The packaged model by name (``lines``), or a path to a model file; None if absent."""
    spec = load_spec(name)
    if spec is None:
        return None
    if "stage1" not in spec:  # a single forest
        spec = {"stage1": spec, "threshold": spec.get("threshold", 0.5), "extra": spec.get("extra", {})}
    return LineModel(spec)
