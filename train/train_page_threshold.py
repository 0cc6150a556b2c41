"""Learn how each page's expected-F1 threshold reads the block scores; report it cross-validated.

    python train/train_page_threshold.py --cv-dir bench/cv

A page's decision threshold is the one that maximises its expected word F1, computed from the
block scores mapped to sigmoid(temperature * logit(p) + shift)
(``newsmill.score.expected_f1_threshold``). This script chooses (temperature, shift) on a grid.

Needs the fold models of both scorers in ``--cv-dir``: ``train/train_blocks.py --cv-out DIR``
(fold{k}.json, folds.json) and ``train/train_pagetype.py --fold-dir DIR`` (pagetype_fold{k}.json,
pagetype_oof.json). Every page is scored by the block model of its fold and typed by the
page-type model of its fold (assembly differs by type), so both are what an unseen page gets.
For each fold, the pair is chosen on the other folds' pages (best mean word F1) and written
into that fold's model file with the name of its page-type model: the harness then measures
the whole thing cross-validated (``bench/run.py --cv-dir DIR``). The pair chosen on all pages
goes into the packaged model (src/newsmill/models/blocks.json). Derived from WCXB (CC-BY-4.0).

One pair for all page types: a shift per predicted type, chosen the same way, measured no
better (0.8788 against 0.8793), and one pair does not lean on the page-type guess.
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
from newsmill.score import block_words, expected_f1_threshold, score_blocks  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wcxb-dev"
TEMPERATURES = (0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
SHIFTS = tuple(round(float(s), 2) for s in np.arange(-2.0, 0.76, 0.25))
GRID = [(t, s) for t in TEMPERATURES for s in SHIFTS]


def page_scores(args: tuple[str, Path, Path, str]) -> tuple[str, str, list[float], float]:
    """(page id, true type, word F1 for each grid point, word F1 at the fixed threshold)."""
    pid, data, model_path, ptype = args
    gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())
    text, _enc = decode_html(gzip.open(data / "html" / f"{pid}.html.gz").read())
    main = gt["ground_truth"].get("main_content") or ""
    _ctx, seg, X = analyse(text, gt.get("url"))
    probs, fixed = score_blocks(seg, X, str(model_path))
    words = block_words(X)
    memo: dict[float, float] = {}

    def f1_at(thr: float) -> float:
        if thr not in memo:
            kept = assemble.select(seg, probs, thr, ptype)
            memo[thr] = word_f1(render_text([seg.blocks[i] for i in kept]), main)
        return memo[thr]

    out = []
    for temperature, shift in GRID:
        out.append(f1_at(expected_f1_threshold(probs, words, temperature, shift, fixed)))
    return pid, gt["_internal"]["page_type"]["primary"], out, f1_at(fixed)


def choose(rows: list[list[float]]) -> tuple[float, float]:
    """The grid point with the best mean F1 over these pages."""
    return GRID[int(np.argmax(np.mean(np.array(rows), axis=0)))]


def write(path: Path, pair: tuple[float, float], pagetype_model: str | None = None) -> None:
    spec = json.loads(path.read_text())
    spec.pop("type_thresholds", None)
    spec["page_threshold"] = {"temperature": pair[0], "shift": pair[1]}
    if pagetype_model:
        spec["pagetype_model"] = pagetype_model
    path.write_text(json.dumps(spec, separators=(",", ":")))


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
        scored = {pid: (t, fs, fixed) for pid, t, fs, fixed in ex.map(page_scores, jobs, chunksize=8)}
    fold_of = {pid: int(folds_map[pid].removeprefix("fold").removesuffix(".json")) for pid in ids}
    mismatch = sum(fold_of[p] != oof[p]["fold"] for p in ids)
    if mismatch:
        print(f"warning: {mismatch} pages have different block and page-type folds")
    cv: dict[str, list[float]] = defaultdict(list)
    base: dict[str, list[float]] = defaultdict(list)
    for k in sorted(set(fold_of.values())):
        pair = choose([scored[p][1] for p in ids if fold_of[p] != k])
        write(args.cv_dir / f"fold{k}.json", pair, f"pagetype_fold{k}.json")
        print(f"fold {k}: temperature {pair[0]}, shift {pair[1]}")
        at = GRID.index(pair)
        for p in ids:
            if fold_of[p] == k:
                true_t, fs, fixed = scored[p]
                for key in (true_t, "all"):
                    cv[key].append(fs[at])
                    base[key].append(fixed)
    print("cross-validated mean word F1 (pair chosen on other folds, out-of-fold page types)")
    print(f"{'type':14s} {'n':>5s} {'fixed':>8s} {'page':>8s}")
    for t in ["all", *PAGE_TYPES]:
        if cv[t]:
            print(f"{t:14s} {len(cv[t]):5d} {np.mean(base[t]):8.4f} {np.mean(cv[t]):8.4f}")
    if not args.no_final:
        pair = choose([scored[p][1] for p in ids])
        write(MODEL_DIR / "blocks.json", pair)
        print(f"packaged: temperature {pair[0]}, shift {pair[1]} -> {MODEL_DIR / 'blocks.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
