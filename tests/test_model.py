"""The tree ensembles: symmetric-tree scoring against a plain per-tree walk, and averaged
models merged into one forest."""

import sys
from pathlib import Path

import numpy as np

from newsmill.model import make_forest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))


def _spec(rng: np.random.Generator, trees: int, depth: int, features: int, classes: int = 1) -> dict:
    # Borders from a small grid, as CatBoost quantises them: trees share splits.
    return {
        "kind": "oblivious",
        "n_classes": classes,
        "feature_names": [f"f{i}" for i in range(features)],
        "feat": rng.integers(0, features, (trees, depth)).tolist(),
        "border": (rng.integers(0, 8, (trees, depth)) / 8).tolist(),
        "values": rng.normal(size=(trees, classes << depth)).tolist(),
        "scale": 0.5,
        "bias": 0.25 if classes == 1 else [0.1] * classes,
    }


def _walk(spec: dict, X: np.ndarray) -> np.ndarray:
    """Reference: each tree, each row, leaf bit by bit."""
    k = spec["n_classes"]
    out = np.zeros((len(X), k))
    for feat, border, values in zip(spec["feat"], spec["border"], spec["values"], strict=True):
        for r, x in enumerate(X):
            leaf = sum(1 << level for level, (f, b) in enumerate(zip(feat, border, strict=True)) if x[f] > np.float32(b))
            out[r] += values[leaf * k : leaf * k + k]
    out = out * spec["scale"] + np.asarray(spec["bias"])
    return out[:, 0] if k == 1 else out


def test_forest_scores_match_a_tree_by_tree_walk_in_one_chunk_and_in_many() -> None:
    rng = np.random.default_rng(3)
    spec = _spec(rng, trees=400, depth=4, features=12)
    forest = make_forest(spec)
    for rows in (5, 300):  # 300 rows of 400 trees are scored in several chunks
        X = rng.random((rows, 12)).astype(np.float32)
        assert np.allclose(forest.raw(X), _walk(spec, X))
    multi = _spec(rng, trees=60, depth=3, features=5, classes=3)
    X = rng.random((40, 5)).astype(np.float32)
    assert np.allclose(make_forest(multi).raw(X), _walk(multi, X))


def test_merged_models_score_the_mean_of_their_raw_scores() -> None:
    from train_blocks import merge_specs

    rng = np.random.default_rng(5)
    specs = [_spec(rng, trees=30, depth=3, features=6) | {"top_features": []} for _ in range(3)]
    specs[1]["scale"], specs[2]["bias"] = 2.0, -1.0
    X = rng.random((50, 6)).astype(np.float32)
    merged = make_forest(merge_specs(specs))
    expected = np.mean([make_forest(s).raw(X) for s in specs], axis=0)
    assert np.allclose(merged.raw(X), expected)
