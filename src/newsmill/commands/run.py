"""``newsmill run``: a corpus (files, directories, WARC archives, @lists) into parts of rows.

Exit status: 0 the run finished (rows with status ``error`` are part of a finished run),
1 it stopped early (interrupted; finish it with ``--resume``), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..errors import NewsmillError

if TYPE_CHECKING:
    from ..corpus.runner import Summary


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().rstrip("b")
    try:
        if t and t[-1] in units:
            return int(float(t[:-1]) * units[t[-1]])
        return int(t)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 5M, 500k, 1048576)") from e


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "run",
        help="extract a corpus (files, directories, WARC archives, @lists) into parts of rows",
        description=(
            "Extract every record of every INPUT into OUT (a directory of part files and a "
            "manifest): one row per input record, status ok, error or skipped. INPUT is a "
            "file, a directory, a .warc/.warc.gz file or @LIST (a file of paths or URLs, one "
            "a line). A killed run is finished by the same command with --resume."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output directory")
    p.add_argument(
        "--format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="part file format (default: jsonl)",
    )
    p.add_argument("--gzip", action="store_true", help="gzip the JSONL parts (.jsonl.gz)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1; 0 runs in this process)")
    p.add_argument("--resume", action="store_true", help="finish the run already in OUT")
    p.add_argument("--overwrite", action="store_true", help="delete a run already in OUT first")
    p.add_argument("--engine", choices=("local", "spark"), default="local", help="local worker processes (default) or PySpark (Parquet, one task per WARC file)")
    p.add_argument("--spark-master", metavar="URL", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--dedup", action="store_true", help="then mark near-duplicate articles (cluster_id, duplicate_of)")
    p.add_argument("--max-bytes", type=_size, default=None, metavar="SIZE", help="per-page size limit (default 20M; 0: none)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="per-page time limit (default 30; 0: none)")
    p.add_argument("--part-rows", type=int, default=2000, metavar="N", help="rows per committed part (default 2000)")
    p.add_argument("--part-seconds", type=float, default=60.0, metavar="S", help="commit a part at least this often (default 60)")
    p.add_argument("--omit-skipped", action="store_true", help="count skipped records but write no rows for them")
    p.add_argument("--prefix", metavar="P", help="prepended to relative entries of @lists (e.g. https://data.commoncrawl.org/)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--favor-precision", action="store_true", help="keep less, cleaner text")
    g.add_argument("--favor-recall", action="store_true", help="keep more text")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from ..corpus.guards import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S
    from ..corpus.runner import RunOptions, run

    fmt = "parquet" if args.format == "parquet" else ("jsonl.gz" if args.gzip else "jsonl")
    extract = {}
    if args.favor_precision:
        extract["favor_precision"] = True
    if args.favor_recall:
        extract["favor_recall"] = True
    max_bytes = DEFAULT_MAX_BYTES if args.max_bytes is None else (args.max_bytes or None)
    timeout = DEFAULT_TIMEOUT_S if args.timeout is None else (args.timeout or None)
    if args.engine == "spark":
        return _spark(args, fmt, max_bytes, timeout, extract)
    opts = RunOptions(
        fmt=fmt,
        jobs=args.jobs,
        resume=args.resume,
        overwrite=args.overwrite,
        part_rows=max(args.part_rows, 1),
        part_seconds=args.part_seconds,
        max_bytes=max_bytes,
        timeout_s=timeout,
        omit_skipped=args.omit_skipped,
        progress=False if args.no_progress else None,
        prefix=args.prefix,
        extract=extract,
    )
    try:
        summary = run(args.inputs, args.output, opts)
    except NewsmillError as e:
        print(f"newsmill run: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"newsmill run: interrupted; committed parts are kept, finish with: --resume -o {args.output}",
            file=sys.stderr,
        )
        return 1
    return _finish(args, summary)


def _spark(args: argparse.Namespace, fmt: str, max_bytes: int | None, timeout: float | None, extract: dict) -> int:
    if fmt != "parquet":
        print("newsmill run: --engine spark writes Parquet; add --format parquet", file=sys.stderr)
        return 2
    if args.resume:
        print("newsmill run: --resume is for the local engine (Spark retries failed tasks itself)", file=sys.stderr)
        return 2
    from ..corpus.spark import run_spark

    try:
        summary = run_spark(
            args.inputs,
            args.output,
            master=args.spark_master,
            prefix=args.prefix,
            max_bytes=max_bytes,
            timeout_s=timeout,
            overwrite=args.overwrite,
            omit_skipped=args.omit_skipped,
            extract=extract,
        )
    except NewsmillError as e:
        print(f"newsmill run: {e}", file=sys.stderr)
        return 2
    return _finish(args, summary)


def _finish(args: argparse.Namespace, summary: Summary) -> int:
    """The summary lines, then the duplicate marking when asked for."""
    for line in summary.lines():
        print(line, file=sys.stderr)
    if args.dedup:
        from ..corpus.dedup import dedup_run_dir

        stats = dedup_run_dir(args.output)
        print(stats.line(), file=sys.stderr)
    return 0
