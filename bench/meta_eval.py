"""Metadata accuracy on wcxb-dev: title, author and publish date, newsmill against trafilatura.

    /work/venv/bin/python bench/meta_eval.py                 # all pages, with trafilatura
    /work/venv/bin/python bench/meta_eval.py --sample 300 --no-trafilatura
    /work/venv/bin/python bench/meta_eval.py --errors author  # list the misses

Scoring, over pages whose ground truth has the field (a missing value is a miss):
With ``--title-folds`` every title comes from a chooser that never saw the page's domain (the
packaged one was trained on these pages). title = exact match ignoring case, punctuation and spacing; author = hit when the ground-truth
name and any extracted author contain one another (normalized); date = same calendar day.
Confidence calibration: accuracy of newsmill's values by confidence band. The ``--cv`` option
fits a per-field isotonic-style binning of confidence on folds grouped by domain and reports
held-out calibration, to check that the bands are not an artefact of the data they were set on.

Derived from WCXB (Murrough Foley, 2026, CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path("/work/shared/data/wcxb-dev")
FIELDS = ("title", "author", "date")
BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]
_NON_WORD = re.compile(r"[\W_]+")


def norm(s: str | None) -> str:
    return _NON_WORD.sub("", s.lower()) if s else ""


def title_hit(gt: str, got: str | None) -> bool:
    return bool(got) and norm(gt) == norm(got)


def author_hit(gt: str, got: list[str]) -> bool:
    g = norm(gt)
    if not g:
        return False
    for a in got:
        n = norm(a)
        if n and (n in g or g in n):
            return True
    return False


def date_hit(gt: str, got: str | None) -> bool:
    return bool(got) and got[:10] == gt[:10]


def load_pages(sample: int | None, seed: int) -> list[tuple[str, dict, str]]:
    meta = json.loads((DATA / "metadata.json").read_text())["files"]
    ids = sorted(meta)
    if sample:
        random.Random(seed).shuffle(ids)
        ids = sorted(ids[:sample])
    out = []
    for fid in ids:
        gt = json.loads((DATA / "ground-truth" / f"{fid}.json").read_text())
        out.append((fid, gt, meta[fid]["url"]))
    return out


def title_fold_models(folds_dir: Path):  # type: ignore[no-untyped-def]
    """domain -> the title chooser trained without that domain's fold (train_title.py --fold-dir)."""
    from newsmill.meta.titlemodel import chooser_from

    fold_of = json.loads((folds_dir / "folds.json").read_text())
    models = {int(p.stem.removeprefix("title_fold")): chooser_from(json.loads(p.read_text()))
              for p in folds_dir.glob("title_fold*.json")}
    return fold_of, models


def domain_of(url: str) -> str:
    """As train/train_title.py groups pages: hostname less www., last two labels."""
    host = urlsplit(url or "").hostname or url or ""
    parts = host.lower().removeprefix("www.").split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def run_newsmill(
    pages: list[tuple[str, dict, str]], title_folds: Path | None = None
) -> tuple[dict[str, dict], dict[str, float]]:
    import newsmill
    from newsmill import describe as dmod
    from newsmill.meta import titlemodel

    timing = {"collect": 0.0, "describe": 0.0, "total": 0.0}
    real_collect, real_describe = dmod.collect, dmod.describe

    def timed_collect(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return real_collect(*a, **k)
        finally:
            timing["collect"] += time.perf_counter() - t

    last_raw: dict[str, float] = {}

    def timed_describe(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            out = real_describe(*a, **k)
        finally:
            timing["describe"] += time.perf_counter() - t
        last_raw.clear()
        last_raw.update(out.get("_raw_confidence", {}))  # the scores before calibration
        return out

    dmod.collect, dmod.describe = timed_collect, timed_describe  # the pipeline calls these
    # Warm the lazily loaded language model so its one-off load is not counted per page.
    newsmill.meta.language._langid()
    res: dict[str, dict] = {}
    real_load = titlemodel.load_model
    fold_of, fold_models = title_fold_models(title_folds) if title_folds else ({}, {})
    try:
        for fid, _gt, url in pages:
            if title_folds:
                m = fold_models[fold_of[domain_of(url)]]
                titlemodel.load_model = lambda m=m: m  # type: ignore[assignment,misc]
            html = gzip.open(DATA / "html" / f"{fid}.html.gz").read()
            t = time.perf_counter()
            last_raw.clear()
            art = newsmill.extract(html, url=url)
            timing["total"] += time.perf_counter() - t
            res[fid] = {
                "title": art.title,
                "author": list(art.authors),
                "date": art.published,
                "conf": dict(art.confidence),
                "src": {k: v.get("from") for k, v in art.sources.items()},
                "raw": dict(last_raw),
            }
    finally:
        dmod.collect, dmod.describe = real_collect, real_describe
        titlemodel.load_model = real_load  # type: ignore[assignment]
    return res, timing


def run_trafilatura(pages: list[tuple[str, dict, str]], cache: Path | None) -> dict[str, dict]:
    cached: dict[str, dict] = {}
    if cache and cache.exists():
        cached = json.loads(cache.read_text())
    todo = [p for p in pages if p[0] not in cached]
    if todo:
        import trafilatura

        for fid, _gt, url in todo:
            html = gzip.open(DATA / "html" / f"{fid}.html.gz").read().decode("utf-8", "replace")
            try:
                r = trafilatura.bare_extraction(html, url=url, with_metadata=True)
                if r is not None and not isinstance(r, dict):
                    r = r.as_dict()
                r = r or {}
                cached[fid] = {"title": r.get("title"), "author": r.get("author"), "date": r.get("date")}
            except Exception as e:  # a crash is a miss on every field
                cached[fid] = {"error": repr(e)}
        if cache:
            cache.write_text(json.dumps(cached))
    out = {}
    for fid, _gt, _url in pages:
        r = cached.get(fid, {})
        authors = [a.strip() for a in (r.get("author") or "").split(";") if a.strip()]
        out[fid] = {"title": r.get("title"), "author": authors, "date": r.get("date")}
    return out


def score(pages: list[tuple[str, dict, str]], res: dict[str, dict]) -> dict[str, list[tuple[str, bool]]]:
    """field -> [(fid, hit)] over pages whose ground truth has the field."""
    out: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for fid, gt, _url in pages:
        g = gt["ground_truth"]
        r = res[fid]
        if g.get("title"):
            out["title"].append((fid, title_hit(g["title"], r["title"])))
        if g.get("author"):
            out["author"].append((fid, author_hit(g["author"], r["author"])))
        if g.get("publish_date"):
            out["date"].append((fid, date_hit(g["publish_date"], r["date"])))
    return out


_CONF_KEY = {"title": "title", "author": "authors", "date": "published"}


def calibration_rows(
    pages: list[tuple[str, dict, str]], res: dict[str, dict]
) -> list[tuple[str, float, bool, str]]:
    """(field, confidence, correct, domain) for every value newsmill gave on a page whose ground
    truth has the field."""
    return [(f, float(r["conf"].get(_CONF_KEY[f], 0.0)), hit, dom) for f, r, hit, dom in _given(pages, res)]


def _given(pages: list[tuple[str, dict, str]], res: dict[str, dict]) -> Iterator[tuple[str, dict, bool, str]]:
    """(field, newsmill's result, correct, domain) where both the ground truth and newsmill
    have the field."""
    for fid, gt, url in pages:
        g = gt["ground_truth"]
        r = res[fid]
        dom = (urlsplit(url).hostname or "").removeprefix("www.")
        for f in FIELDS:
            key = {"title": "title", "author": "author", "date": "publish_date"}[f]
            if g.get(key) and r[f]:
                yield f, r, {"title": title_hit, "author": author_hit, "date": date_hit}[f](g[key], r[f]), dom


def band_table(rows: list[tuple[str, float, bool, str]]) -> str:
    lines = ["| field | " + " | ".join(f"[{lo:.2f},{min(hi, 1):.2f}{')' if hi < 1 else ']'}" for lo, hi in BANDS) + " | >=0.9 |",
             "|---|" + "---|" * (len(BANDS) + 1)]
    for f in (*FIELDS, "all"):
        cells = []
        sel = [r for r in rows if f == "all" or r[0] == f]
        for lo, hi in BANDS:
            b = [r for r in sel if lo <= r[1] < hi]
            cells.append(f"{sum(r[2] for r in b) / len(b):.3f} (n={len(b)})" if b else "-")
        hi9 = [r for r in sel if r[1] >= 0.9]
        cells.append(f"{sum(r[2] for r in hi9) / len(hi9):.3f} (n={len(hi9)})" if hi9 else "-")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def null_gt_high_conf(pages: list[tuple[str, dict, str]], res: dict[str, dict]) -> str:
    """Values given with confidence >= 0.9 on pages whose ground truth has no such field."""
    parts = []
    for f, key in (("author", "author"), ("date", "publish_date")):
        n_null = n_hi = 0
        for fid, gt, _url in pages:
            if gt["ground_truth"].get(key):
                continue
            n_null += 1
            r = res[fid]
            if r[f] and r["conf"].get(_CONF_KEY[f], 0) >= 0.9:
                n_hi += 1
        parts.append(f"{f}: {n_hi} of {n_null} pages without ground truth got a value at >=0.9")
    return "; ".join(parts)


def fit_rows(
    pages: list[tuple[str, dict, str]], res: dict[str, dict]
) -> list[tuple[str, str, float, bool, str]]:
    """(field, source, raw score, correct, domain) for calibration fitting."""
    rows = []
    for f, r, hit, dom in _given(pages, res):
        name = _CONF_KEY[f]
        if name in r["raw"]:
            cell, raw = r["raw"][name]
            rows.append((name, cell, float(raw), hit, dom))
    return rows


def fit_calibration(
    rows: list[tuple[str, str, float, bool, str]], folds: int = 5, seed: int = 0,
    title_rows: list[tuple[str, float, bool, str]] | None = None,
) -> str:
    """Fit the calibration table on all rows, and report it cross-validated with folds grouped
    by domain (a domain's pages are never both in the fitting and the held-out part). Titles are
    calibrated by their chooser, not by the table: ``title_rows`` (held out only when the run
    used --title-folds) are added to the held-out table as they are."""
    from newsmill.meta.calibration import calibrate, fit

    domains = sorted({r[4] for r in rows})
    random.Random(seed).shuffle(domains)
    fold_of = {d: i % folds for i, d in enumerate(domains)}
    held: list[tuple[str, float, bool, str]] = []
    for k in range(folds):
        table = fit([r[:4] for r in rows if fold_of[r[4]] != k])
        for name, src, raw, ok, dom in rows:
            if fold_of[dom] == k:
                f = {"title": "title", "authors": "author", "published": "date"}[name]
                held.append((f, calibrate(name, src, raw, table), ok, dom))
    held += title_rows or []
    table = fit([r[:4] for r in rows])
    note = " (titles: from the per-fold choosers)" if title_rows else " (titles: not held out, omitted)"
    lines = ["Held-out calibration (5 folds grouped by domain)" + note + ":", band_table(held), "",
             "TABLE = " + json.dumps(dict(sorted(table.items())), indent=4)]
    return "\n".join(lines)


def grouped_cv(rows: list[tuple[str, float, bool, str]], folds: int = 5, seed: int = 0) -> str:
    """Held-out check of the confidence bands: on each fold (domains never split), the accuracy
    of the >=0.9 band measured on the other folds is compared with the held-out one."""
    domains = sorted({r[3] for r in rows})
    random.Random(seed).shuffle(domains)
    fold_of = {d: i % folds for i, d in enumerate(domains)}
    lines = ["| fold | train acc >=0.9 | held-out acc >=0.9 | held-out n |", "|---|---|---|---|"]
    for k in range(folds):
        tr = [r for r in rows if fold_of[r[3]] != k and r[1] >= 0.9]
        te = [r for r in rows if fold_of[r[3]] == k and r[1] >= 0.9]
        a_tr = sum(r[2] for r in tr) / max(len(tr), 1)
        a_te = sum(r[2] for r in te) / max(len(te), 1)
        lines.append(f"| {k} | {a_tr:.3f} | {a_te:.3f} | {len(te)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=0, help="random sample of N pages (default: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--trafilatura-cache", type=Path, default=None,
                    help="JSON file to reuse trafilatura's answers between runs")
    ap.add_argument("--errors", choices=FIELDS, help="print newsmill's misses on this field")
    ap.add_argument("--cv", action="store_true", help="domain-grouped check of the >=0.9 band")
    ap.add_argument("--title-folds", type=Path, default=None,
                    help="score each page's title with the chooser trained without its domain "
                         "(directory written by train/train_title.py --fold-dir)")
    ap.add_argument("--json", type=Path, help="write per-page results here")
    ap.add_argument("--fit-calibration", action="store_true",
                    help="fit newsmill.meta.calibration.TABLE on these pages; print it with its "
                         "domain-grouped cross-validation")
    args = ap.parse_args(argv)

    pages = load_pages(args.sample or None, args.seed)
    t0 = time.perf_counter()
    ours, timing = run_newsmill(pages, args.title_folds)
    wall = time.perf_counter() - t0
    theirs = None if args.no_trafilatura else run_trafilatura(pages, args.trafilatura_cache)

    s_ours = score(pages, ours)
    s_theirs = score(pages, theirs) if theirs else None
    print(f"pages: {len(pages)}   newsmill wall {wall:.1f}s")
    print(f"metadata time per page: collect {1000 * timing['collect'] / len(pages):.3f} ms, "
          f"describe {1000 * timing['describe'] / len(pages):.3f} ms "
          f"(whole extract {1000 * timing['total'] / len(pages):.2f} ms)")
    print()
    print("| field | n | newsmill | trafilatura 2.3.1 |")
    print("|---|---|---|---|")
    for f in FIELDS:
        hits = s_ours[f]
        acc = sum(h for _, h in hits) / max(len(hits), 1)
        t = "-"
        if s_theirs is not None:
            th = s_theirs[f]
            t = f"{sum(h for _, h in th) / max(len(th), 1):.3f}"
        print(f"| {f} | {len(hits)} | {acc:.3f} | {t} |")
    rows = calibration_rows(pages, ours)
    print()
    print("Accuracy by confidence band (newsmill values on pages whose ground truth has the field):")
    print(band_table(rows))
    print(null_gt_high_conf(pages, ours))
    if args.cv:
        print()
        print(grouped_cv(rows))
    if args.fit_calibration:
        print()
        title_rows = [r for r in rows if r[0] == "title"] if args.title_folds else None
        print(fit_calibration(fit_rows(pages, ours), title_rows=title_rows))
    if args.errors:
        f = args.errors
        key = {"title": "title", "author": "author", "date": "publish_date"}[f]
        gts = {fid: gt for fid, gt, _ in pages}
        print()
        for fid, hit in s_ours[f]:
            if not hit:
                r = ours[fid]
                print(f"{fid} gt={gts[fid]['ground_truth'][key]!r} got={r[f]!r} "
                      f"conf={r['conf'].get(_CONF_KEY[f])} src={r['src'].get(_CONF_KEY[f])}"
                      + (f" traf={theirs[fid][f]!r}" if theirs else ""))
    if args.json:
        args.json.write_text(json.dumps({"newsmill": ours, "trafilatura": theirs}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
