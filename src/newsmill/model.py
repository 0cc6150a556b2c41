"""A gradient-boosted forest evaluated with numpy, so the runtime needs no ML library.

The forest is trained with LightGBM by ``train/train_blocks.py`` and exported to a compact
JSON file: every tree's nodes flattened into arrays, leaves looping onto themselves, so that
all trees advance one level per numpy step for all blocks at once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "models"


class Forest:
    def __init__(self, spec: dict) -> None:
        self.feature_names: list[str] = spec["feature_names"]
        self.threshold_default: float = spec.get("threshold", 0.5)
        self.extra: dict = spec.get("extra", {})
        self.feat = np.asarray(spec["feat"], dtype=np.int32)
        self.thr = np.asarray(spec["thr"], dtype=np.float64)
        self.left = np.asarray(spec["left"], dtype=np.int32)
        self.right = np.asarray(spec["right"], dtype=np.int32)
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int32)
        self.depth = int(spec["depth"])
        self.init = float(spec.get("init", 0.0))
        self.n_classes = int(spec.get("n_classes", 1))

    def raw(self, X: np.ndarray) -> np.ndarray:
        n = X.shape[0]
        if n == 0:
            return np.zeros((0,) if self.n_classes == 1 else (0, self.n_classes))
        idx = np.broadcast_to(self.roots, (n, self.roots.size)).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            go_left = X[rows, self.feat[idx]] <= self.thr[idx]
            idx = np.where(go_left, self.left[idx], self.right[idx])
        leaf = self.value[idx]
        if self.n_classes == 1:
            return leaf.sum(axis=1) + self.init
        # Multiclass: trees are interleaved class by class.
        return leaf.reshape(n, -1, self.n_classes).sum(axis=1) + self.init

    def predict(self, X: np.ndarray) -> np.ndarray:
        r = self.raw(X)
        if self.n_classes == 1:
            return 1.0 / (1.0 + np.exp(-r))
        r = r - r.max(axis=1, keepdims=True)
        e = np.exp(r)
        return e / e.sum(axis=1, keepdims=True)


def forest_from_lightgbm(booster, feature_names: list[str], threshold: float = 0.5, extra: dict | None = None) -> dict:
    """Flatten a LightGBM booster's dump into the arrays ``Forest`` reads."""
    dump = booster.dump_model()
    n_classes = int(dump.get("num_class", 1))
    feat: list[int] = []
    thr: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    max_depth = 0

    def add(node: dict, depth: int) -> int:
        nonlocal max_depth
        i = len(feat)
        feat.append(0)
        thr.append(0.0)
        left.append(i)
        right.append(i)
        value.append(0.0)
        if "leaf_value" in node:
            value[i] = float(node["leaf_value"])
            thr[i] = np.inf
            max_depth = max(max_depth, depth)
            return i
        if node.get("decision_type", "<=") != "<=":
            raise ValueError("only numerical splits are supported")
        feat[i] = int(node["split_feature"])
        thr[i] = float(node["threshold"])
        left[i] = add(node["left_child"], depth + 1)
        right[i] = add(node["right_child"], depth + 1)
        return i

    for t in dump["tree_info"]:
        roots.append(add(t["tree_structure"], 0))
    return {
        "feature_names": feature_names,
        "threshold": threshold,
        "extra": extra or {},
        "feat": feat,
        "thr": [float(x) if np.isfinite(x) else 3.0e38 for x in thr],
        "left": left,
        "right": right,
        "value": value,
        "roots": roots,
        "depth": max_depth,
        "init": 0.0,
        "n_classes": n_classes,
    }


@lru_cache(maxsize=8)
def load(name: str) -> Forest | None:
    """A packaged model by name (``blocks``), or a path to a model file; None if absent."""
    p = Path(name)
    if not p.suffix:
        p = MODEL_DIR / f"{name}.json"
    if not p.exists():
        return None
    with p.open() as f:
        return Forest(json.load(f))
