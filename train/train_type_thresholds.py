"""Learn a decision-threshold factor per page type, and report it cross-validated.

    python train/train_type_thresholds.py --cv-dir bench/cv

Needs the fold models of both scorers in ``--cv-dir``: ``train/train_blocks.py --cv-out DIR``
(fold{k}.json, folds.json) and ``train/train_pagetype.py --fold-dir DIR`` (pagetype_fold{k}.json,
pagetype_oof.json). Every page is scored by the block model of its fold and typed by the
page-type model of its fold, so both are what an unseen page gets. For each fold, the factors
are chosen on the other folds' pages (best mean word F1 per predicted type) and written into
that fold's model file, with the name of its page-type model: the harness then measures the
whole thing cross-validated (``bench/run.py --cv-dir DIR``). The factors chosen on all pages
go into the packaged model (src/newsmill/models/blocks.json). Derived from WCXB (CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.metrics import word_f1  # noqa: E402
from newsmill import assemble  # noqa: E402
from newsmill.decode import decode_html  # noqa: E402
from newsmill.model import MODEL_DIR  # noqa: E402
from newsmill.pagetype import PAGE_TYPES  # noqa: E402
from newsmill.pipeline import analyse  # noqa: E402
from newsmill.render import render_text  # noqa: E402
from newsmill.score import score_blocks  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wcxb-dev"
# A margin before leaving 1.0 (0.005 tried) lowered the cross-validated F1: no margin.
FACTORS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.45, 1.6, 1.8, 2.0, 2.3, 2.6)


def page_scores(args: tuple[str, Path, Path, str]) -> tuple[str, str, list[float]]:
    """(page id, true type, word F1 at each factor) with the page's fold block model and its
    out-of-fold page type (assembly differs by type)."""
    pid, data, model_path, ptype = args
    gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())
    text, _enc = decode_html(gzip.open(data / "html" / f"{pid}.html.gz").read())
    main = gt["ground_truth"].get("main_content") or ""
    _ctx, seg, X = analyse(text, gt.get("url"))
    probs, thr = score_blocks(seg, X, str(model_path))
    out = []
    for f in FACTORS:
        kept = assemble.select(seg, probs, min(0.95, thr * f), ptype)
        out.append(word_f1(render_text([seg.blocks[i] for i in kept]), main))
    return pid, gt["_internal"]["page_type"]["primary"], out


def choose(rows: list[tuple[str, list[float]]]) -> dict[str, float]:
    """Per predicted type, the factor with the best mean F1 (types without pages: none)."""
    by: dict[str, list[list[float]]] = defaultdict(list)
    for ptype, fs in rows:
        by[ptype].append(fs)
    out = {}
    for t in PAGE_TYPES:
        if by[t]:
            means = np.mean(np.array(by[t]), axis=0)
            out[t] = FACTORS[int(np.argmax(means))]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-dir", type=Path, default=ROOT / "bench" / "cv")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-final", action="store_true", help="leave the packaged model alone")
    args = ap.parse_args()
    folds_map = json.loads((args.cv_dir / "folds.json").read_text())
    oof = json.loads((args.cv_dir / "pagetype_oof.json").read_text())
    ids = sorted(folds_map)
    jobs = [(pid, args.data, args.cv_dir / folds_map[pid], oof[pid]["type"]) for pid in ids]
    with ProcessPoolExecutor(args.jobs) as ex:
        scored = {pid: (t, fs) for pid, t, fs in ex.map(page_scores, jobs, chunksize=8)}
    fold_of = {pid: int(folds_map[pid].removeprefix("fold").removesuffix(".json")) for pid in ids}
    mismatch = sum(fold_of[p] != oof[p]["fold"] for p in ids)
    if mismatch:
        print(f"warning: {mismatch} pages have different block and page-type folds")
    base_i = FACTORS.index(1.0)
    cv: dict[str, list[float]] = defaultdict(list)
    base: dict[str, list[float]] = defaultdict(list)
    for k in sorted(set(fold_of.values())):
        train = [(oof[p]["type"], scored[p][1]) for p in ids if fold_of[p] != k]
        factors = choose(train)
        spec_path = args.cv_dir / f"fold{k}.json"
        spec = json.loads(spec_path.read_text())
        spec["type_thresholds"] = factors
        spec["pagetype_model"] = f"pagetype_fold{k}.json"
        spec_path.write_text(json.dumps(spec, separators=(",", ":")))
        print(f"fold {k}: " + ", ".join(f"{t} {f}" for t, f in factors.items()))
        for p in ids:
            if fold_of[p] == k:
                true_t, fs = scored[p]
                f = fs[FACTORS.index(factors.get(oof[p]["type"], 1.0))]
                for key in (true_t, "all"):
                    cv[key].append(f)
                    base[key].append(fs[base_i])
    print("cross-validated mean word F1 (type factors chosen on other folds, out-of-fold page types)")
    print(f"{'type':14s} {'n':>5s} {'one thr':>8s} {'by type':>8s}")
    for t in ["all", *PAGE_TYPES]:
        if cv[t]:
            print(f"{t:14s} {len(cv[t]):5d} {np.mean(base[t]):8.4f} {np.mean(cv[t]):8.4f}")
    if not args.no_final:
        factors = choose([(oof[p]["type"], scored[p][1]) for p in ids])
        path = MODEL_DIR / "blocks.json"
        spec = json.loads(path.read_text())
        spec["type_thresholds"] = factors
        path.write_text(json.dumps(spec, separators=(",", ":")))
        print("packaged: " + ", ".join(f"{t} {f}" for t, f in factors.items()) + f" -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
