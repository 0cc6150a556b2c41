"""Text mode on flattened wcxb-dev pages, next to keep-everything and HTML mode.

    python bench/make_flat.py                      # once: flattened pages -> /tmp/newsmill-flat
    python bench/text_eval.py [--flat DIR] [--type article] [--limit N] [--no-html] [--json OUT]
    python bench/text_eval.py --cv /tmp/lines-cv   # out-of-fold: honest figures for text mode

For every page: word-bag F1 (mean per page, lower-cased ``\\w+`` tokens, Counter
intersection) against ``ground_truth.main_content`` of

* keep-all: the flattened text itself, nothing removed;
* text mode: ``newsmill.extract_text(flat, url)``;
* HTML mode: ``newsmill.extract(html, url)`` on the same page's HTML.

Also for text mode: title exact (normalized) match, and ``published``: right day when the
ground truth has a date, and how often a date is given when the ground truth has none.
Pages missing from --flat are flattened on the fly. Figures are derived from WCXB (CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.make_flat import DEFAULT_OUT, flatten_html  # noqa: E402
from bench.metrics import date_match, title_match, word_f1  # noqa: E402
from newsmill import extract  # noqa: E402
from newsmill.siteclean import clean_site  # noqa: E402
from newsmill.textmode import extract_text  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wcxb-dev"
PAGE_TYPES = ["article", "service", "product", "collection", "forum", "listing", "documentation"]


def flat_text(args: argparse.Namespace, pid: str, raw: bytes | None = None) -> str:
    """The page flattened by bench/make_flat.py, or flattened now when it is not on disk."""
    fp = args.flat / f"{pid}.txt"
    if fp.exists():
        return fp.read_text(encoding="utf-8")
    if raw is None:
        raw = gzip.decompress((args.data / "html" / f"{pid}.html.gz").read_bytes())
    return flatten_html(raw.decode("utf-8", "replace"))


def _siteclean_report(args: argparse.Namespace, rows: list[dict], line_model) -> None:
    """Keep-all and text mode, before and after removing lines repeated across a domain's pages."""
    by_domain: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_domain[r["domain"]].append(r)
    groups = {d: rs for d, rs in by_domain.items() if len(rs) >= 2}
    sums = defaultdict(float)
    n = 0
    for rs in groups.values():
        flats = {r["id"]: flat_text(args, r["id"]) for r in rs}
        cleaned = clean_site(flats)
        for r in rs:
            doc = json.loads((args.data / "ground-truth" / f"{r['id']}.json").read_text())
            truth = doc["ground_truth"]["main_content"]
            url = doc.get("url")
            sums["keep_all"] += r["keep_all"]
            sums["keep_all_clean"] += word_f1(cleaned[r["id"]], truth)
            sums["text"] += r["text"]
            sums["text_clean"] += word_f1(extract_text(cleaned[r["id"]], url, line_model=line_model(r["id"])).text, truth)
            n += 1
    print(f"site cleaning: {n} pages of {len(groups)} domains with 2+ pages (mean word F1)")
    print(f"  keep-all {sums['keep_all'] / n:.4f} -> after site cleaning {sums['keep_all_clean'] / n:.4f}")
    print(f"  text mode {sums['text'] / n:.4f} -> after site cleaning {sums['text_clean'] / n:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--flat", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--type", default=None, help="only pages of this type")
    ap.add_argument("--limit", type=int, default=0, help="every k-th page so that about N remain")
    ap.add_argument("--no-html", action="store_true", help="skip HTML mode (faster)")
    ap.add_argument("--json", type=Path, help="write per-page figures here")
    ap.add_argument("--cv", type=Path, help="fold models from train/train_lines.py --cv-out: each page "
                    "is read by the model that did not see its domain")
    ap.add_argument("--html-cv", type=Path, help="HTML mode's fold models (bench/cv from "
                    "train/train_blocks.py --cv-out), so that HTML mode is out-of-fold too")
    ap.add_argument("--rules", action="store_true", help="the rule instead of the learned model")
    ap.add_argument("--siteclean", action="store_true", help="also measure site-level cleaning on pages "
                    "whose domain has 2+ pages in the data")
    args = ap.parse_args(argv)

    meta = json.loads((args.data / "metadata.json").read_text())["files"]
    ids = sorted(meta)
    if args.type:
        ids = [i for i in ids if meta[i]["page_type"] == args.type]
    if args.limit and len(ids) > args.limit:
        step = len(ids) / args.limit
        ids = [ids[int(k * step)] for k in range(args.limit)]
    folds = json.loads((args.cv / "folds.json").read_text()) if args.cv else {}

    def line_model(pid: str) -> str | None:
        if args.rules:
            return "rules"
        if args.cv:
            return str(args.cv / folds[pid])
        return None

    html_folds = json.loads((args.html_cv / "folds.json").read_text()) if args.html_cv else {}
    hfolds = json.loads((args.cv / "headline_folds.json").read_text()) if args.cv else {}

    def headline_model(pid: str) -> str | None:
        if args.rules:
            return "rules"
        if args.cv and pid in hfolds:
            return str(args.cv / hfolds[pid])
        return None

    rows = []
    t_text = t_html = 0.0
    for pid in ids:
        gt_doc = json.loads((args.data / "ground-truth" / f"{pid}.json").read_text())
        gt = gt_doc.get("ground_truth") or {}
        if gt.get("main_content") is None:
            continue
        url = gt_doc.get("url")
        raw = gzip.decompress((args.data / "html" / f"{pid}.html.gz").read_bytes())
        flat = flat_text(args, pid, raw)
        t0 = time.perf_counter()
        art = extract_text(flat, url, line_model=line_model(pid), headline_model=headline_model(pid))
        t_text += time.perf_counter() - t0
        row = {
            "id": pid,
            "type": meta[pid]["page_type"],
            "keep_all": word_f1(flat, gt["main_content"]),
            "text": word_f1(art.text, gt["main_content"]),
            "title": title_match(gt.get("title"), art.title) if gt.get("title") else None,
            "date_ok": date_match(gt.get("publish_date"), art.published) if gt.get("publish_date") else None,
            "date_spurious": (art.published is not None) if not gt.get("publish_date") else None,
            "date_given": art.published is not None,
            "date_any_ok": date_match(gt.get("publish_date"), art.published or art.modified)
            if gt.get("publish_date") else None,
            "domain": (urlsplit(url or "").hostname or "").removeprefix("www."),
        }
        if not args.no_html:
            t0 = time.perf_counter()
            html_model = str(args.html_cv / html_folds[pid]) if pid in html_folds else "blocks"
            row["html"] = word_f1(extract(raw, url, model=html_model).text, gt["main_content"])
            t_html += time.perf_counter() - t0
        rows.append(row)

    by_type: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    cols = ["keep_all", "text"] + ([] if args.no_html else ["html"])
    head = f"{'type':14s} {'n':>5s} " + " ".join(f"{c:>9s}" for c in cols)
    head += f" {'title':>7s} {'date ok':>8s} {'+modified':>10s} {'no-date->date':>14s}"
    print("word F1 (mean per page) against ground_truth.main_content")
    print(head)

    def line(name: str, rs: list[dict]) -> str:
        s = f"{name:14s} {len(rs):5d} " + " ".join(f"{sum(r[c] for r in rs) / len(rs):9.4f}" for c in cols)
        t = [r["title"] for r in rs if r["title"] is not None]
        d = [r["date_ok"] for r in rs if r["date_ok"] is not None]
        d2 = [r["date_any_ok"] for r in rs if r["date_any_ok"] is not None]
        sp = [r["date_spurious"] for r in rs if r["date_spurious"] is not None]
        s += f" {sum(t) / len(t) if t else 0:7.3f} {sum(d) / len(d) if d else 0:8.3f}"
        s += f" {sum(d2) / len(d2) if d2 else 0:10.3f}"
        s += f" {sum(sp) / len(sp) if sp else 0:14.3f}"
        return s

    for t in PAGE_TYPES:
        if by_type.get(t):
            print(line(t, by_type[t]))
    if rows:
        print(line("all", rows))
        print(f"seconds per page: text mode {t_text / len(rows):.4f}"
              + ("" if args.no_html else f", HTML mode {t_html / len(rows):.4f}"))
    if args.siteclean:
        _siteclean_report(args, rows, line_model)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
