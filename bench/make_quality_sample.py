"""Write bench/quality_sample.txt: a fixed, stratified set of page ids for the test suite's
quality floor. Re-running it gives the same file (fixed seed); there is no need to.

    python bench/make_quality_sample.py [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.dataset import QUALITY_SAMPLE, load_pages, resolve_data_dir, stratified_sample
from bench.report import type_order

SIZE = 150
MIN_PER_TYPE = 12
SEED = 1497


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="WCXB-dev directory (default ../shared/data/wcxb-dev)")
    args = ap.parse_args(argv)
    pages = load_pages(resolve_data_dir(args.data))
    ids = stratified_sample(pages, SIZE, SEED, min_per_type=MIN_PER_TYPE)
    counts = Counter(pages[i].page_type for i in ids)
    lines = [
        "# WCXB-dev pages for the test suite's quality floor (derived from WCXB, CC-BY-4.0).",
        f"# {len(ids)} ids, stratified by page type (proportional, at least {MIN_PER_TYPE} each), seed {SEED}.",
        "# Written by bench/make_quality_sample.py; read with bench.dataset.quality_sample_ids().",
        "# " + ", ".join(f"{t} {counts[t]}" for t in type_order(counts)),
    ]
    lines += [f"{i}  # {pages[i].page_type}" for i in ids]
    QUALITY_SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {QUALITY_SAMPLE} ({len(ids)} pages: {dict(counts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
