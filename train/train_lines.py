"""Train text mode's line classifier on flattened wcxb-dev pages, with 5-fold CV by domain.

    python train/train_lines.py                 # CV report + packaged model (models/lines.json)
    python train/train_lines.py --no-final      # CV report only
    python train/train_lines.py --cv-out /tmp/lines-cv   # also keep fold models for
                                                # bench/text_eval.py --cv /tmp/lines-cv

Each wcxb-dev page is flattened the way a naive scraper would (``bench/make_flat.py``: one
line per block-level element, nothing removed). A line is labelled story when its words are
in the page's ground-truth main content (word-trigram containment for lines of 3+ words,
a whole ground-truth line for shorter ones). Features are ``newsmill.lines.FEATURE_NAMES``.

The model is derived from WCXB (Murrough Foley, 2026; CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.make_flat import flatten_html  # noqa: E402
from newsmill.features import tokens  # noqa: E402
from newsmill.linemodel import CONTEXT_NAMES, context_features  # noqa: E402
from newsmill.lines import FEATURE_NAMES, features, split_lines  # noqa: E402
from newsmill.model import MODEL_DIR, forest_from_lightgbm  # noqa: E402

sys.path.insert(0, str(ROOT / "train"))
from train_blocks import (  # noqa: E402,F401  (one scorer, one split, for every trainer)
    DEFAULT_DATA,
    PAGE_TYPES,
    best_threshold,
    domain_folds,
    domain_of,
    mean_f1,
    page_f1,
)

NOTE = "Derived from WCXB (Murrough Foley, 2026), wcxb-dev split, CC-BY-4.0."


def label_lines(lines: list[str], gt: str) -> np.ndarray:
    gt_toks = tokens(gt)
    gt_tri = {tuple(gt_toks[i : i + 3]) for i in range(len(gt_toks) - 2)}
    gt_lines = {" ".join(tokens(line)) for line in gt.split("\n") if line.strip()}
    y = np.zeros(len(lines), dtype=np.float32)
    for i, line in enumerate(lines):
        toks = tokens(line)
        if len(toks) >= 3:
            tri = [tuple(toks[j : j + 3]) for j in range(len(toks) - 2)]
            y[i] = sum(1 for x in tri if x in gt_tri) / len(tri)
        elif toks:
            y[i] = 1.0 if " ".join(toks) in gt_lines else 0.0
    return y


def page_rows(args: tuple[str, Path]) -> dict | None:
    pid, data = args
    gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())
    main = (gt.get("ground_truth") or {}).get("main_content")
    if main is None:
        return None
    html = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
    lines = split_lines(flatten_html(html))
    X, _shapes, _core = features(lines)
    toks = [tokens(ln) for ln in lines]
    return {
        "id": pid,
        "X": X,
        "y": label_lines(lines, main),
        "ntok": np.array([len(t) for t in toks], dtype=np.float32),
        "toks": toks,
        "gt": Counter(tokens(main)),
        "type": gt["_internal"]["page_type"]["primary"],
        "domain": domain_of(gt.get("url") or pid),
    }


def fit(pages: list[dict], params: dict, rounds: int, key: str = "X", names: list[str] = FEATURE_NAMES):
    import lightgbm as lgb

    X = np.vstack([p[key] for p in pages])
    y = np.concatenate([(p["y"] >= 0.5).astype(np.float32) for p in pages])
    # Pages count about equally, and within a page a line counts by its words: that is
    # what the mean per-page word F1 rewards.
    w = np.concatenate([(p["ntok"] + 1.0) / (p["ntok"].sum() + len(p["ntok"])) * 100 for p in pages])
    ds = lgb.Dataset(X, y, weight=w, feature_name=names, free_raw_data=True)
    return lgb.train(params, ds, num_boost_round=rounds)


def load_pages(data: Path, ids: list[str], jobs: int, cache: Path | None) -> list[dict]:
    if cache and cache.exists():
        with cache.open("rb") as f:
            pages = pickle.load(f)
        if [p["id"] for p in pages] == [i for i in ids if i in {p["id"] for p in pages}]:
            return pages
    with ProcessPoolExecutor(jobs) as ex:
        pages = [p for p in ex.map(page_rows, [(i, data) for i in ids], chunksize=8) if p]
    if cache:
        with cache.open("wb") as f:
            pickle.dump(pages, f)
    return pages


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=150)
    ap.add_argument("--leaves", type=int, default=15)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (quick runs)")
    ap.add_argument("--no-final", action="store_true", help="skip the packaged model")
    ap.add_argument("--cv-out", type=Path, help="keep the fold models here, with folds.json")
    ap.add_argument("--cache", type=Path, help="pickle of the page features, reused when present")
    ap.add_argument("--stages", type=int, choices=(1, 2), default=1,
                    help="2 adds a second forest over the first one's scores of neighbouring lines "
                    "(measured: no gain, so 1 is shipped)")
    args = ap.parse_args()

    meta = json.loads((args.data / "metadata.json").read_text())["files"]
    ids = sorted(meta)
    if args.limit:
        ids = ids[: args.limit]
    t0 = time.time()
    pages = load_pages(args.data, ids, args.jobs, args.cache)
    n_lines = sum(len(p["y"]) for p in pages)
    print(f"features: {len(pages)} pages, {n_lines} lines, {time.time() - t0:.0f}s")

    params = {
        "objective": "binary",
        "learning_rate": 0.08,
        "num_leaves": args.leaves,
        "max_depth": args.depth,
        "min_data_in_leaf": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "verbose": -1,
        "num_threads": args.jobs,
        "seed": 7,
    }
    names2 = FEATURE_NAMES + CONTEXT_NAMES
    # Folds grouped by domain: no site is both learned from and scored.
    fold_of_domain = domain_folds((p["domain"] for p in pages), args.folds)
    folds = [[i for i, p in enumerate(pages) if fold_of_domain[p["domain"]] == k] for k in range(args.folds)]

    # Stage one, out of fold: every page scored by the model that did not see its domain.
    oof1: list[np.ndarray] = [np.zeros(0)] * len(pages)
    stage1_specs = []
    for k, te in enumerate(folds):
        tset = set(te)
        booster = fit([p for i, p in enumerate(pages) if i not in tset], params, args.rounds)
        for i in te:
            oof1[i] = booster.predict(pages[i]["X"]) if len(pages[i]["y"]) else np.zeros(0)
        stage1_specs.append(forest_from_lightgbm(booster, FEATURE_NAMES, 0.5))
        print(f"stage 1 fold {k}: scored {len(te)} pages")
    for i, p in enumerate(pages):
        p["X2"] = np.hstack([p["X"], context_features(oof1[i])])
    # Stage two, out of fold, on stage one's out-of-fold scores.
    oof2: list[np.ndarray] = list(oof1)
    stage2_specs: list[dict | None] = [None] * args.folds
    for k, te in enumerate(folds if args.stages == 2 else []):
        tset = set(te)
        booster = fit([p for i, p in enumerate(pages) if i not in tset], params, args.rounds, "X2", names2)
        for i in te:
            oof2[i] = booster.predict(pages[i]["X2"]) if len(pages[i]["y"]) else np.zeros(0)
        stage2_specs[k] = forest_from_lightgbm(booster, names2, 0.5)
        print(f"stage 2 fold {k}: scored {len(te)} pages")

    thr1, _ = best_threshold(pages, oof1)
    thr2, _ = best_threshold(pages, oof2)
    f_all, per_type_all = mean_f1(pages, [np.ones(len(p["y"])) for p in pages], 0.5)
    f1_, per_type1 = mean_f1(pages, oof1, thr1)
    f2_, per_type2 = mean_f1(pages, oof2, thr2)
    print("cross-validated (5 folds grouped by domain) line-selection word F1")
    print(f"  {'type':14s} {'n':>5s} {'keep-all':>9s} {'stage 1':>9s} {'stage 2' if args.stages == 2 else '(same)':>9s}")
    counts = Counter(p["type"] for p in pages)
    for t in PAGE_TYPES:
        if t in per_type2:
            print(f"  {t:14s} {counts[t]:5d} {per_type_all[t]:9.4f} {per_type1[t]:9.4f} {per_type2[t]:9.4f}")
    print(f"  {'all':14s} {len(pages):5d} {f_all:9.4f} {f1_:9.4f} {f2_:9.4f}")
    print(f"  thresholds: stage 1 {thr1:.2f}, stage 2 {thr2:.2f}")
    if args.cv_out:
        args.cv_out.mkdir(parents=True, exist_ok=True)
        folds_map = {pages[i]["id"]: f"fold{k}.json" for k, te in enumerate(folds) for i in te}
        for k in range(args.folds):
            spec = {"stage1": stage1_specs[k], "stage2": stage2_specs[k], "threshold": thr2,
                    "extra": {"note": NOTE}}
            (args.cv_out / f"fold{k}.json").write_text(json.dumps(spec, separators=(",", ":")))
        (args.cv_out / "folds.json").write_text(json.dumps(folds_map, indent=0, sort_keys=True))
    if not args.no_final:
        b1 = fit(pages, params, args.rounds)
        b2 = fit(pages, params, args.rounds, "X2", names2) if args.stages == 2 else None
        extra = {"cv_f1": round(f2_, 4), "note": NOTE, "trained_on": f"{len(pages)} wcxb-dev pages"}
        spec = {
            "stage1": forest_from_lightgbm(b1, FEATURE_NAMES, thr2),
            "stage2": forest_from_lightgbm(b2, names2, thr2) if b2 is not None else None,
            "threshold": thr2,
            "extra": extra,
        }
        MODEL_DIR.mkdir(exist_ok=True)
        out = MODEL_DIR / "lines.json"
        out.write_text(json.dumps(spec, separators=(",", ":")))
        b, names = (b2, names2) if b2 is not None else (b1, FEATURE_NAMES)
        imp = sorted(zip(b.feature_importance("gain"), names, strict=True), reverse=True)[:12]
        print("top features:", ", ".join(n for _, n in imp))
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
