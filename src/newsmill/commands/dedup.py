"""``newsmill dedup``: mark near-duplicate articles (syndicated copies) in rows of a run.

Exit status: 0 done, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import os
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "dedup",
        help="mark near-duplicate articles (cluster_id, duplicate_of) in a run's rows",
        description=(
            "Read rows (a `newsmill run` output directory, or .jsonl/.jsonl.gz/.parquet files) "
            "and write them to OUT with cluster_id and duplicate_of set: MinHash LSH over word "
            "shingles of the text, containment for truncated copies. With OUT the same as a "
            "run directory IN, the run's parts are rewritten in place."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="IN")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output directory")
    p.add_argument("--format", choices=("jsonl", "jsonl.gz", "parquet"), help="default: that of the input")
    p.add_argument("--part-rows", type=int, default=10000, metavar="N", help="rows per output part (default 10000)")
    d = _defaults()
    p.add_argument("--jaccard", type=float, default=d.jaccard, help=f"Jaccard similarity of a duplicate (default {d.jaccard})")
    p.add_argument(
        "--containment",
        type=float,
        default=d.containment,
        help=f"share of a shorter text's shingles in a longer one, for truncated copies (default {d.containment})",
    )
    p.add_argument("--shingle", type=int, default=d.shingle, help=f"words per shingle (default {d.shingle})")
    p.set_defaults(func=main)


def _defaults():  # noqa: ANN202 - DedupConfig, imported late: numpy, datasketch
    from ..corpus.dedup import DedupConfig

    return DedupConfig()


def main(args: argparse.Namespace) -> int:
    from ..corpus.dedup import DedupConfig, dedup_files, dedup_run_dir
    from ..corpus.sinks import part_files

    cfg = DedupConfig(shingle=args.shingle, jaccard=args.jaccard, containment=args.containment)
    try:
        same = len(args.inputs) == 1 and os.path.isdir(args.inputs[0]) and os.path.exists(args.output) and os.path.samefile(args.inputs[0], args.output)
        if same:
            stats = dedup_run_dir(args.output, cfg)
        else:
            if os.path.isdir(args.output) and part_files(args.output):
                print(f"newsmill dedup: {args.output} already holds part files", file=sys.stderr)
                return 2
            stats = dedup_files(args.inputs, args.output, fmt=args.format, part_rows=args.part_rows, cfg=cfg)
    except (OSError, ValueError) as e:
        print(f"newsmill dedup: {e}", file=sys.stderr)
        return 2
    print(stats.line(), file=sys.stderr)
    return 0
