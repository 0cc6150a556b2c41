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


def test_blocks_inside_nav_or_footer_are_not_scored_and_get_zero() -> None:
    from newsmill import model
    from newsmill.features import FEATURE_NAMES
    from newsmill.segment import Segmentation

    scorer = model.load("blocks")
    assert scorer is not None
    rng = np.random.default_rng(11)
    X = rng.random((40, len(FEATURE_NAMES))).astype(np.float32)
    X[:, FEATURE_NAMES.index("sem_nav")] = 0
    X[:, FEATURE_NAMES.index("sem_footer")] = 0
    X[3, FEATURE_NAMES.index("sem_nav")] = 1
    X[7, FEATURE_NAMES.index("sem_footer")] = 1
    p = scorer.predict(Segmentation(), X)
    others = np.setdiff1d(np.arange(40), [3, 7])
    assert p[3] == 0 and p[7] == 0
    assert np.allclose(p[others], scorer.stage1.predict(X[others]))
    assert (p[others] > 0).all()


def test_a_page_whose_blocks_all_scored_zero_stays_empty() -> None:
    """The 'never nothing' fallback picks the likeliest blocks, not blocks never scored."""
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.assemble import select
    from newsmill.segment import segment

    words = " ".join(f"link{i}" for i in range(40))
    seg = segment(LexborHTMLParser(f"<html><body><div><p>{words}</p><p>{words}</p></div></body></html>").body)
    assert select(seg, np.zeros(len(seg.blocks)), 0.4) == []
    assert select(seg, np.full(len(seg.blocks), 0.1), 0.4) != []  # scored but doubted: the fallback


def test_the_fallback_takes_no_rows_of_links_for_prose() -> None:
    """A footer's rows of links, all a page shows once its scripts are gone, are no story."""
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.assemble import select
    from newsmill.segment import segment

    links = ", ".join(f"<a href='/l{i}'>Footer link {i}</a>" for i in range(15))
    html = f"<html><body><dl><dt>Help</dt><dd>{links}</dd><dt>Our group</dt><dd>{links}</dd></dl></body></html>"
    seg = segment(LexborHTMLParser(html).body)
    assert select(seg, np.full(len(seg.blocks), 0.1), 0.4) == []
