"""Measure newsmill (and optionally trafilatura) on WCXB-dev: quality, metadata, speed, memory.

    python bench/run.py [--sample N] [--seed S] [--types article,forum] [--compare trafilatura]
                        [--cv-dir DIR] [--json OUT.json] [--pages-file F] [--data DIR] [--cpu K]

See bench/README.md for what each figure means and how it is computed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import report
from bench.dataset import (
    DataError,
    load_pages,
    read_folds,
    read_html,
    read_pages_file,
    resolve_data_dir,
    stratified_sample,
)
from bench.measure import default_cpu, measure, merge
from bench.peers import ADAPTERS


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="WCXB-dev directory (relative paths are from the repo root; default ../shared/data/wcxb-dev)")
    ap.add_argument("--sample", type=int, metavar="N", help="a stratified (by page type) sample of N pages")
    ap.add_argument("--seed", type=int, default=0, help="seed for --sample (default 0)")
    ap.add_argument("--types", help="comma-separated page types to keep, e.g. article,forum")
    ap.add_argument("--pages-file", type=Path, metavar="F", help="page ids to measure, one per line")
    ap.add_argument("--compare", default="", help="other tools to run on the same pages, comma-separated: trafilatura, trafilatura-text (text only, no metadata)")
    ap.add_argument("--cv-dir", type=Path, metavar="DIR", help="cross-validated run: DIR/folds.json maps page id -> model file")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every figure and per-page scores here")
    ap.add_argument("--cpu", type=int, help="CPU to pin each tool's child process to (default: the last one available)")
    ap.add_argument("--no-warmup", action="store_true", help="do not make one untimed call before timing")
    ap.add_argument("--rounds", type=int, default=5,
                    help="the tools take turns over this many interleaved chunks of the pages, so that a slow "
                    "spell of the machine slows every tool alike (default 5; 1: each tool over all pages in one go)")
    ap.add_argument("--oldstyle", action="store_true", help="give every tool each page as a 2000s site would have "
                    "served it (bench/oldstyle.py: no semantic tags, JSON-LD or Open Graph, <br><br> paragraphs) "
                    "and no URL: robustness to older markup")
    return ap.parse_args(argv)


def select_ids(args: argparse.Namespace, pages: dict) -> list[str]:
    ids = sorted(pages)
    if args.pages_file:
        wanted = read_pages_file(args.pages_file)
        unknown = [i for i in wanted if i not in pages]
        if unknown:
            raise DataError(f"{args.pages_file}: unknown page id(s): {', '.join(unknown[:20])}")
        ids = sorted(wanted)
    if args.types:
        types = {t.strip() for t in args.types.split(",") if t.strip()}
        known = {p.page_type for p in pages.values()}
        if types - known:
            raise DataError(f"unknown page type(s): {', '.join(sorted(types - known))}; known: {', '.join(sorted(known))}")
        ids = [i for i in ids if pages[i].page_type in types]
    if args.sample is not None:
        if args.sample <= 0:
            raise DataError("--sample must be a positive number")
        ids = stratified_sample({i: pages[i] for i in ids}, args.sample, args.seed)
    if not ids:
        raise DataError("no pages selected")
    return ids


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    others = [t.strip() for t in args.compare.split(",") if t.strip()]
    for t in others:
        if t not in ADAPTERS or t == "newsmill":
            print(f"error: --compare knows only: {', '.join(a for a in ADAPTERS if a != 'newsmill')}", file=sys.stderr)
            return 2
    data_dir = resolve_data_dir(args.data)
    try:
        pages = load_pages(data_dir)
        ids = select_ids(args, pages)
        folds = read_folds(args.cv_dir.resolve(), ids) if args.cv_dir else None
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    if folds is not None:
        model = (
            f"CROSS-VALIDATED - each page scored by its fold's model, {len(set(folds.values()))} "
            f"model file(s) from {args.cv_dir.resolve()}/folds.json"
        )
        missing = sorted({p for p in folds.values() if not Path(p).exists()})
        if missing:
            model += f" [WARNING: {len(missing)} model file(s) do not exist, newsmill falls back to rules]"
    else:
        model = 'packaged (model="blocks"), NOT cross-validated'

    cpu = args.cpu if args.cpu is not None else default_cpu()
    result: dict[str, Any] = {
        "run": {
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "data_dir": str(data_dir),
            "n_pages": len(ids),
            "sample": args.sample,
            "seed": args.seed,
            "types": sorted({pages[i].page_type for i in ids}) if args.types else None,
            "pages_file": str(args.pages_file) if args.pages_file else None,
            "model": model,
            "cross_validated": folds is not None,
            "cv_dir": str(args.cv_dir.resolve()) if args.cv_dir else None,
            "cpu": cpu,
            "warmup": not args.no_warmup,
            "oldstyle": args.oldstyle,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "tools": {},
        "pages": {i: {"type": pages[i].page_type, "url": pages[i].url} for i in ids},
    }
    for i in ids:  # for the speed ratio by page size
        result["pages"][i]["html_bytes"] = len(read_html(data_dir, i))
    print(f"measuring {len(ids)} pages; model: {model}", file=sys.stderr)
    tools = ["newsmill", *others]
    # Tools take turns chunk by chunk (every n-th page in a chunk, so each holds the same mix):
    # the machine's speed drifts over minutes, and one tool's whole pass in a slow spell once
    # read 4.76x where the runs before it read 5.4x to 6.3x.
    n_rounds = max(1, min(args.rounds, len(ids)))
    chunks = [ids[r::n_rounds] for r in range(n_rounds)]
    runs: dict[str, list] = {t: [] for t in tools}
    for chunk in chunks:
        for tool in tools:
            try:
                runs[tool].append(measure(
                    tool, pages, chunk, data_dir,
                    folds=folds if tool == "newsmill" else None,
                    cpu=cpu, warmup=not args.no_warmup, oldstyle=args.oldstyle,
                ))
            except RuntimeError as e:
                print(f"error: {e}", file=sys.stderr)
                return 1
    result["run"]["rounds"] = n_rounds
    for tool in tools:
        run = merge(runs[tool])
        scores = report.score_run(pages, ids, run)
        result["tools"][tool] = {
            "version": run.version,
            "call": run.call,
            "summary": report.summarize(pages, scores),
            "page_types": report.page_types(pages, scores),
            "speed": report.speed(run, scores),
            "memory": report.memory(run),
            "errors": report.errors(scores),
        }
        for pid, s in scores.items():
            result["pages"][pid][tool] = s

    table = report.format_table(result)
    print(table)
    if args.json:
        out = args.json if args.json.is_absolute() else Path.cwd() / args.json
        out.parent.mkdir(parents=True, exist_ok=True)
        result["table"] = table
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"\nwrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
