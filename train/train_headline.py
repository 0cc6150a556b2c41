"""Train text mode's headline picker on flattened wcxb-dev pages, with 5-fold CV by domain.

    python train/train_headline.py              # CV report + packaged model (models/headline.json)
    python train/train_headline.py --no-final   # CV report only

Each page is flattened as ``bench/make_flat.py`` does; the candidate lines of
``newsmill.headline.candidates`` are labelled headline when they equal the ground-truth
title (letters and digits compared, case ignored). The picker takes the best-scored
candidate. The model is derived from WCXB (Murrough Foley, 2026; CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.make_flat import flatten_html  # noqa: E402
from bench.metrics import normalize_title  # noqa: E402
from newsmill.headline import HEADLINE_FEATURES, _rule_scores, candidates, headline_features  # noqa: E402
from newsmill.lines import features, split_lines  # noqa: E402
from newsmill.model import MODEL_DIR, forest_from_lightgbm  # noqa: E402
from train.train_lines import DEFAULT_DATA, NOTE, PAGE_TYPES, domain_folds, domain_of  # noqa: E402


def page_rows(args: tuple[str, Path]) -> dict | None:
    pid, data = args
    gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())
    truth = (gt.get("ground_truth") or {}).get("title")
    html = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
    lines = split_lines(flatten_html(html))
    _X, shapes, core = features(lines)
    cands = candidates(len(lines), core)
    url = gt.get("url")
    X = headline_features(lines, shapes, core, url, cands)
    t = normalize_title(truth)
    y = np.array([bool(t) and normalize_title(lines[i]) == t for i in cands], dtype=np.float32)
    return {
        "id": pid,
        "X": X,
        "y": y,
        "has_title": bool(t),
        "type": gt["_internal"]["page_type"]["primary"],
        "domain": domain_of(url or pid),
    }


def accuracy(pages: list[dict], scores: list[np.ndarray], thr: float) -> tuple[float, dict[str, float]]:
    """Share of pages whose pick is right: the title line, or nothing when there is no title."""
    per: dict[str, list[bool]] = defaultdict(list)
    for pg, sc in zip(pages, scores, strict=True):
        if len(sc) == 0 or sc.max() < thr:
            ok = not pg["has_title"]
        else:
            ok = bool(pg["y"][int(np.argmax(sc))])
        per[pg["type"]].append(ok)
    allv = [v for vs in per.values() for v in vs]
    return float(np.mean(allv)), {k: float(np.mean(v)) for k, v in per.items()}


def fit(pages: list[dict], params: dict, rounds: int):
    import lightgbm as lgb

    X = np.vstack([p["X"] for p in pages if len(p["y"])])
    y = np.concatenate([p["y"] for p in pages if len(p["y"])])
    return lgb.train(params, lgb.Dataset(X, y, feature_name=HEADLINE_FEATURES), num_boost_round=rounds)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-final", action="store_true")
    ap.add_argument("--cv-out", type=Path, help="keep the fold models here, with folds.json")
    args = ap.parse_args()

    meta = json.loads((args.data / "metadata.json").read_text())["files"]
    ids = sorted(meta)[: args.limit or None]
    t0 = time.time()
    with ProcessPoolExecutor(args.jobs) as ex:
        pages = [p for p in ex.map(page_rows, [(i, args.data) for i in ids], chunksize=8) if p]
    reachable = sum(1 for p in pages if p["y"].any())
    print(f"features: {len(pages)} pages, title line among candidates on {reachable}, {time.time() - t0:.0f}s")
    params = {
        "objective": "binary", "learning_rate": 0.06, "num_leaves": 15, "max_depth": 5,
        "min_data_in_leaf": 20, "feature_fraction": 0.9, "bagging_fraction": 0.8, "bagging_freq": 1,
        "lambda_l2": 1.0, "verbose": -1, "num_threads": args.jobs, "seed": 7,
    }
    fold_of = domain_folds((p["domain"] for p in pages), args.folds)
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    specs = []
    for k in range(args.folds):
        te = [i for i, p in enumerate(pages) if fold_of[p["domain"]] == k]
        booster = fit([p for p in pages if fold_of[p["domain"]] != k], params, args.rounds)
        for i in te:
            oof[i] = booster.predict(pages[i]["X"]) if len(pages[i]["y"]) else np.zeros(0)
        specs.append(forest_from_lightgbm(booster, HEADLINE_FEATURES, 0.5))
    best_thr, best = 0.0, -1.0
    for thr in (0.0, 0.01, 0.02, 0.05, 0.1, 0.2):
        acc, _ = accuracy(pages, oof, thr)
        if acc > best:
            best_thr, best = thr, acc
    rules = [_rule_scores(p["X"]) if len(p["y"]) else np.zeros(0) for p in pages]
    acc_m, per_m = accuracy(pages, oof, best_thr)
    acc_r, per_r = accuracy(pages, rules, 1.0)
    counts = Counter(p["type"] for p in pages)
    print(f"cross-validated (5 folds grouped by domain) headline accuracy, model threshold {best_thr}")
    print(f"  {'type':14s} {'n':>5s} {'rule':>7s} {'model':>7s}")
    for t in PAGE_TYPES:
        if t in per_m:
            print(f"  {t:14s} {counts[t]:5d} {per_r[t]:7.3f} {per_m[t]:7.3f}")
    print(f"  {'all':14s} {len(pages):5d} {acc_r:7.3f} {acc_m:7.3f}")
    if args.cv_out:
        args.cv_out.mkdir(parents=True, exist_ok=True)
        for k, spec in enumerate(specs):
            spec["threshold"] = best_thr
            (args.cv_out / f"headline{k}.json").write_text(json.dumps(spec, separators=(",", ":")))
        fm = {p["id"]: f"headline{fold_of[p['domain']]}.json" for p in pages}
        (args.cv_out / "headline_folds.json").write_text(json.dumps(fm, indent=0, sort_keys=True))
    if not args.no_final:
        booster = fit(pages, params, args.rounds)
        extra = {"cv_accuracy": round(acc_m, 4), "note": NOTE}
        spec = forest_from_lightgbm(booster, HEADLINE_FEATURES, best_thr, extra)
        out = MODEL_DIR / "headline.json"
        out.write_text(json.dumps(spec, separators=(",", ":")))
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
