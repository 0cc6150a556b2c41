"""Could a learned per-page lean of the page threshold beat the expected-F1 threshold?

    python bench/lean_study.py                  # both modes, cross-validated fold models (~7 min on 2 cores)

The page threshold (``score.page_threshold``) keeps the blocks that maximise the page's
expected word F1 under the block scorer's probabilities; ``lean`` moves that choice towards
more (> 0) or less (< 0) text. This study asks whether the best lean can be told from the page:
1. every wcxb-dev page (real and old-style rendering) is extracted with its fold model at each
   lean of ``--leans``, giving its word F1 at each, and the page's features are read at lean 0
   (page type, block and word counts, the thresholds at leans -1/0/+1 and the share of words
   each keeps, a word-weighted histogram of the block scores, the expected F1 itself);
2. a LightGBM regressor learns F1(lean) - F1(0) from those features and the lean, with the
   wcxb-dev folds of ``bench/cv/folds.json`` (each page predicted by a model that learned from
   no page of its domain), and each page takes the lean it predicts best when the predicted
   gain clears ``--margin``.
It prints, for each mode, the mean F1 at lean 0, with one lean for all pages, with the best lean
of each page (an oracle: the ceiling), and with the cross-validated choice.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]


def _features(probs: np.ndarray, X: np.ndarray, fallback: float, model_name: str, page: tuple) -> dict:
    from newsmill import model as M
    from newsmill import score as S

    w = S.block_words(X)
    W = max(float(w.sum()), 1e-9)
    f = {"log_blocks": float(np.log1p(len(probs))), "log_words": float(np.log1p(W)), "base": float(fallback),
         "max_p": float(probs.max()) if len(probs) else 0.0}
    for lean in (-1.0, 0.0, 1.0):
        t = S.page_threshold(probs, X, fallback, model_name, lean)
        f[f"t{lean:+.0f}"] = t
        f[f"kept{lean:+.0f}"] = float(w[probs >= t].sum() / W)
    edges = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.01]
    for i in range(6):
        f[f"h{i}"] = float(w[(probs >= edges[i]) & (probs < edges[i + 1])].sum() / W)
    f["near"] = float(w[np.abs(probs - f["t+0"]) < 0.1].sum() / W)
    scorer = M.load(model_name)
    f["ef1"] = 0.0
    if scorer is not None and scorer.score_map and len(probs) and probs.max() >= fallback:
        f["ef1"] = float(S.expected_f1_curve(probs, w, *scorer.score_map)[1].max())
    page_type, conf = page
    for t in TYPES:
        f["is_" + t] = float(page_type == t)
    f["conf"] = float(conf or 0.0)
    return f


def run_mode(args: tuple[str, list[float], bool]) -> dict:
    """Per page: F1 at each lean and the features at lean 0."""
    data, leans, old = args
    import newsmill
    from bench.dataset import load_pages, read_html
    from bench.metrics import word_prf
    from bench.oldstyle import oldstyle_bytes
    from newsmill import pipeline as P
    from newsmill import score as S

    data_dir = Path(data)
    pages = load_pages(data_dir)
    folds = json.loads((ROOT / "bench/cv/folds.json").read_text())
    state: dict = {}
    classify, threshold = P.pagetype.classify, S.page_threshold

    def classify_hook(*a, **k):
        state["page"] = classify(*a, **k)
        return state["page"]

    def threshold_hook(probs, X, fallback, model_name="blocks", lean=0.0):
        if state["lean"] == 0.0 and "f" not in state and lean == 0.0:
            state["f"] = _features(probs, X, fallback, model_name, state.get("page", (None, 0.0)))
        return threshold(probs, X, fallback, model_name, lean + state["lean"])

    P.pagetype.classify, P.page_threshold = classify_hook, threshold_hook
    out = {}
    for pid, page in pages.items():
        html, url = read_html(data_dir, pid), page.url
        if old:
            html, url = oldstyle_bytes(html), None
        row: dict = {"fold": folds[pid], "f1": {}}
        for lean in leans:
            state.clear()
            state["lean"] = lean
            a = newsmill.extract(html, url=url, model=str(ROOT / "bench/cv" / folds[pid]))
            row["f1"][lean] = word_prf(a.text, page.truth.get("main_content")).f1
            if "f" in state:
                row["features"] = state["f"]
        out[pid] = row
    return out


def cross_validate(modes: dict[str, dict], leans: list[float], margin: float) -> dict[str, float]:
    import lightgbm as lgb

    names = None
    rows = []
    for mode, pages in modes.items():
        for pid, r in pages.items():
            if "features" not in r:
                continue
            names = names or sorted(r["features"])
            for lean in leans:
                rows.append((mode, pid, r["fold"], [r["features"][n] for n in names] + [lean], lean,
                             r["f1"][lean] - r["f1"][0.0]))
    X = np.array([r[3] for r in rows])
    y = np.array([r[5] for r in rows])
    fold = np.array([r[2] for r in rows])
    params = dict(objective="regression", learning_rate=0.05, num_leaves=15, min_data_in_leaf=40,
                  feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, verbose=-1, seed=1)
    pred = np.zeros(len(rows))
    for k in sorted(set(fold)):
        train = fold != k
        pred[~train] = lgb.train(params, lgb.Dataset(X[train], y[train]), 200).predict(X[~train])
    best: dict = {}
    for r, p in zip(rows, pred, strict=True):
        if (r[0], r[1]) not in best or p > best[(r[0], r[1])][0]:
            best[(r[0], r[1])] = (p, r[4])
    return {f"{m}/{pid}": (b[1] if b[0] > margin else 0.0) for (m, pid), b in best.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/wcxb-dev"))
    ap.add_argument("--leans", default="-3,-2,-1,-0.5,0,0.5,1,2,3")
    ap.add_argument("--margin", type=float, default=0.0, help="predicted F1 gain a lean needs (default 0)")
    ap.add_argument("--json", help="write every page's F1 at each lean, its features and its pick here")
    a = ap.parse_args()
    leans = sorted({float(x) for x in a.leans.split(",")} | {0.0})
    with ProcessPoolExecutor(2) as pool:
        real, old = pool.map(run_mode, [(a.data, leans, False), (a.data, leans, True)])
    modes = {"real": real, "oldstyle": old}
    picks = cross_validate(modes, leans, a.margin)
    for mode, pages in modes.items():
        n = len(pages)
        mean = {lean: sum(r["f1"][lean] for r in pages.values()) / n for lean in leans}
        oracle = sum(max(r["f1"].values()) for r in pages.values()) / n
        cv = sum(r["f1"][picks.get(f"{mode}/{pid}", 0.0)] for pid, r in pages.items()) / n
        moved = sum(1 for pid in pages if picks.get(f"{mode}/{pid}", 0.0) != 0.0)
        print(f"{mode}: lean 0 {mean[0.0]:.5f}; one lean for all: "
              + ", ".join(f"{lean:+g} {v:.5f}" for lean, v in mean.items() if lean)
              + f"; best lean per page (oracle) {oracle:.5f}; cross-validated pick {cv:.5f}"
              f" ({cv - mean[0.0]:+.5f}, {moved} pages moved)")
    if a.json:
        Path(a.json).write_text(json.dumps({"modes": modes, "picks": picks}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
