"""Reading WCXB-dev pages and choosing which ones to measure."""

from __future__ import annotations

import gzip
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "wcxb-dev"
QUALITY_SAMPLE = REPO_ROOT / "bench" / "quality_sample.txt"
PAGE_TYPES = ("article", "service", "product", "collection", "forum", "listing", "documentation")


class DataError(Exception):
    """The data directory, a pages file or a folds file is not usable."""


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    page_type: str
    truth: dict[str, Any]


def resolve_data_dir(arg: str | None) -> Path:
    """--data as given; a relative path is taken from the repo root, not the cwd."""
    if not arg:
        return DEFAULT_DATA
    p = Path(arg).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


def load_pages(data_dir: Path) -> dict[str, Page]:
    """Every page with both ground truth and HTML, keyed by id, in id order."""
    gt_dir, html_dir = data_dir / "ground-truth", data_dir / "html"
    if not gt_dir.is_dir() or not html_dir.is_dir():
        raise DataError(f"{data_dir} has no ground-truth/ and html/ directories")
    pages: dict[str, Page] = {}
    for f in sorted(gt_dir.glob("*.json")):
        if not (html_dir / f"{f.stem}.html.gz").exists():
            continue
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise DataError(f"cannot read {f}: {e}") from e
        ptype = (doc.get("_internal") or {}).get("page_type", {}).get("primary") or "unknown"
        pages[f.stem] = Page(f.stem, doc.get("url"), ptype, doc.get("ground_truth") or {})
    if not pages:
        raise DataError(f"no pages found in {data_dir}")
    return pages


def read_html(data_dir: Path, page_id: str) -> bytes:
    with gzip.open(data_dir / "html" / f"{page_id}.html.gz", "rb") as fh:
        return fh.read()


def normalize_id(raw: str) -> str:
    """'1', '0001', '0001.json' and 'html/0001.html.gz' all name page 0001."""
    name = Path(raw.strip()).name.split(".")[0]
    return name.zfill(4) if name.isdigit() else name


def read_pages_file(path: Path) -> list[str]:
    """Page ids, one per line; blank lines and text after '#' are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataError(f"cannot read pages file {path}: {e}") from e
    ids = [normalize_id(line.split("#", 1)[0]) for line in lines]
    return list(dict.fromkeys(i for i in ids if i))


def quality_sample_ids() -> list[str]:
    """The fixed page ids of bench/quality_sample.txt (written by bench/make_quality_sample.py)."""
    return read_pages_file(QUALITY_SAMPLE)


def _allocate(sizes: dict[str, int], n: int, min_per_type: int) -> dict[str, int]:
    """Proportional allocation (largest remainder), each type at least min(min_per_type, size)."""
    total = sum(sizes.values())
    quota = {t: n * s / total for t, s in sizes.items()}
    alloc = {t: min(s, max(min_per_type, math.floor(quota[t]))) for t, s in sizes.items()}
    floor_of = {t: min(s, min_per_type) for t, s in sizes.items()}
    # Too few: give to the types furthest below their quota; too many: take from the furthest above.
    while sum(alloc.values()) < n:
        room = [t for t in sizes if alloc[t] < sizes[t]]
        best = max(sorted(room), key=lambda t: quota[t] - alloc[t])
        alloc[best] += 1
    while sum(alloc.values()) > n:
        room = [t for t in sizes if alloc[t] > floor_of[t]]
        if not room:
            break
        worst = min(sorted(room), key=lambda t: quota[t] - alloc[t])
        alloc[worst] -= 1
    return alloc


def stratified_sample(pages: dict[str, Page], n: int, seed: int, min_per_type: int = 0) -> list[str]:
    """A deterministic sample of n page ids, stratified by page type, sorted by id."""
    if n >= len(pages):
        return sorted(pages)
    by_type: dict[str, list[str]] = {}
    for p in pages.values():
        by_type.setdefault(p.page_type, []).append(p.id)
    alloc = _allocate({t: len(v) for t, v in by_type.items()}, n, min_per_type)
    rng = random.Random(seed)
    chosen: list[str] = []
    for t in sorted(by_type):
        chosen += rng.sample(sorted(by_type[t]), alloc[t])
    return sorted(chosen)


def read_folds(cv_dir: Path, ids: list[str]) -> dict[str, str]:
    """folds.json -> {page id: absolute model path}; every selected page must have a fold."""
    f = cv_dir / "folds.json"
    try:
        raw = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataError(f"cannot read {f}: {e}") from e
    if not isinstance(raw, dict):
        raise DataError(f"{f} must map page ids to model paths")
    folds = {normalize_id(str(k)): str((cv_dir / str(v)).resolve()) for k, v in raw.items()}
    missing = [i for i in ids if i not in folds]
    if missing:
        shown = ", ".join(missing[:20]) + (" ..." if len(missing) > 20 else "")
        raise DataError(
            f"{f} has no model for {len(missing)} selected page(s): {shown} "
            "(restrict the run with --pages-file or --types)"
        )
    return {i: folds[i] for i in ids}
