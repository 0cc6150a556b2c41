"""Pairwise precision and recall of ``newsmill dedup`` on a syndication set, and its speed.

    python bench/bench_dedup.py [--set DIR] [--jobs 2] [--stories 150] [--unrelated 400]

Builds the set with bench/make_syndication.py (in a temporary directory unless ``--set`` names
one already built), extracts the pages with ``newsmill run``, then marks clusters with the
dedup step and compares them with the truth: a predicted pair is two pages in one cluster, a
true pair two pages of one story. Prints precision and recall over pairs (targets 0.98 and
0.95), recall by variant (copy, truncated, edited), and dedup records per second (the dedup
step alone, over the extracted rows).
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT / "bench"))

import make_syndication  # noqa: E402

from newsmill.corpus.dedup import DedupConfig, dedup_files  # noqa: E402
from newsmill.corpus.sinks import part_files, read_rows  # noqa: E402


def pairs_of(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def evaluate(rows: list[dict[str, Any]], truth: dict[str, Any]) -> dict[str, Any]:
    docs = truth["docs"]
    story: dict[str, list[str]] = defaultdict(list)
    for name, d in docs.items():
        story[d["story"]].append(name)
    pred: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        name = Path(r["id"]).name
        if r.get("cluster_id"):
            pred[r["cluster_id"]].append(name)
    true_pairs, pred_pairs = pairs_of(story), pairs_of(pred)
    tp = true_pairs & pred_pairs
    res: dict[str, Any] = {
        "true_pairs": len(true_pairs),
        "predicted_pairs": len(pred_pairs),
        "precision": len(tp) / len(pred_pairs) if pred_pairs else 1.0,
        "recall": len(tp) / len(true_pairs) if true_pairs else 1.0,
        "recall_by_variant": {},
    }
    # A pair's variant: the other page's, when one of them is a plain copy.
    by: dict[str, list[bool]] = defaultdict(list)
    for a, b in true_pairs:
        va, vb = docs[a]["variant"], docs[b]["variant"]
        kind = "+".join(sorted({va, vb}))
        by[kind].append((a, b) in tp)
    res["recall_by_variant"] = {k: round(sum(v) / len(v), 4) for k, v in sorted(by.items())}
    res["false_pairs"] = sorted(pred_pairs - true_pairs)[:10]
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, help="a set built by make_syndication.py (default: build one in a temp dir)")
    ap.add_argument("--data", type=Path, default=make_syndication.DEFAULT_DATA)
    ap.add_argument("--stories", type=int, default=150)
    ap.add_argument("--unrelated", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="bench_dedup-")
    work = Path(tmp.name)
    try:
        sset = args.set
        if sset is None:
            sset = work / "set"
            make_syndication.build(args.data, sset, args.stories, args.unrelated, args.seed)
        truth = json.loads((sset / "truth.json").read_text())
        runs = work / "run"
        cmd = [sys.executable, "-m", "newsmill", "run", str(sset / "pages"), "-o", str(runs), "--jobs", str(args.jobs), "--no-progress"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        print(proc.stderr.strip().splitlines()[0])
        out = work / "dedup"
        stats = dedup_files([str(runs)], str(out), cfg=DedupConfig())
        rows = [r for f in part_files(str(out)) for r in read_rows(f)]
        res = evaluate(rows, truth)
        print(
            f"syndication set: {len(truth['docs'])} pages, {truth['stories']} syndicated stories, "
            f"{truth['unrelated']} unrelated; true pairs {res['true_pairs']}, predicted {res['predicted_pairs']}"
        )
        print(f"pairwise precision {res['precision']:.4f} (target >= 0.98), recall {res['recall']:.4f} (target >= 0.95)")
        print(f"recall by pair kind: {res['recall_by_variant']}")
        print(
            f"dedup: {stats.rows} records in {stats.elapsed_s:.2f} s = {stats.rows / stats.elapsed_s:.0f} records/s "
            f"({stats.candidates} candidate pairs, {stats.pairs} confirmed)"
        )
        if res["false_pairs"]:
            print(f"some false pairs: {res['false_pairs'][:5]}")
        if args.json:
            args.json.write_text(json.dumps({"eval": res, "dedup": stats.to_dict()}, indent=2))
    finally:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
