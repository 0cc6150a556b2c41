"""Train the title chooser (src/newsmill/models/title.json) on wcxb-dev.

    /work/venv/bin/python train/train_title.py            # coverage, grouped CV, then fit and save
    /work/venv/bin/python train/train_title.py --no-save  # coverage and CV only
    /work/venv/bin/python train/train_title.py --cache /tmp/title.pkl --fold-dir /tmp/title_folds
    /work/venv/bin/python bench/meta_eval.py --title-folds /tmp/title_folds --cv --fit-calibration
        # end-to-end figures with every title chosen by a model that never saw its domain

Every title candidate of a page (see newsmill.meta.titlemodel) is labelled correct when it equals
the ground-truth title ignoring case, punctuation and spacing. A CatBoost binary model scores
candidates; the page's title is its best-scored candidate. Accuracy is reported with 5 folds
grouped by domain (a domain's pages are never both in training and test). The shipped model is
fitted on all pages. Derived from WCXB (Murrough Foley, 2026, CC-BY-4.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data/wcxb-dev")
OUT = ROOT / "src" / "newsmill" / "models" / "title.json"
CAL_EDGES = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
PARAMS = {"iterations": 150, "depth": 5, "learning_rate": 0.15, "l2_leaf_reg": 5.0,
          "random_seed": 0, "verbose": False, "thread_count": 2, "allow_writing_files": False}


def domain_of(url: str) -> str:
    host = urlsplit(url or "").hostname or url or ""
    parts = host.lower().removeprefix("www.").split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def page_rows(fid: str, url: str) -> tuple[list, np.ndarray, str]:
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.decode import decode_html
    from newsmill.describe import collect
    from newsmill.meta.fields import _site_names
    from newsmill.meta.jsonld import norm_page_url
    from newsmill.meta.title import title_candidates

    raw = gzip.open(DATA / "html" / f"{fid}.html.gz").read()
    text, _charset = decode_html(raw)
    ctx = collect(LexborHTMLParser(text), url)
    page_urls = {norm_page_url(ctx.url)} | {norm_page_url(h) for h in ctx.links.get("canonical", [])[:1]}
    page_urls.discard("")
    main, _kind = ctx.graph.main_entity(page_urls)
    cands, X = title_candidates(ctx, main, [n[0] for n in _site_names(ctx, main)])
    return cands, X, ctx.head_title or ""


def load(cache: Path | None) -> list[dict]:
    if cache and cache.exists():
        import pickle

        return pickle.loads(cache.read_bytes())
    from newsmill.meta.candidates import norm_key

    meta = json.loads((DATA / "metadata.json").read_text())["files"]
    pages = []
    for fid in sorted(meta):
        gt = json.loads((DATA / "ground-truth" / f"{fid}.json").read_text())["ground_truth"]
        if not gt.get("title"):
            continue
        url = meta[fid]["url"]
        cands, X, _head = page_rows(fid, url)
        g = norm_key(gt["title"])
        y = np.asarray([c.key == g for c in cands], dtype=np.float32)
        pages.append({"fid": fid, "domain": domain_of(url), "X": X, "y": y,
                      "texts": [c.text for c in cands], "gt": gt["title"]})
    if cache:
        import pickle

        cache.write_bytes(pickle.dumps(pages))
    return pages


def fit(pages: list[dict]):  # type: ignore[no-untyped-def]
    from catboost import CatBoostClassifier

    X = np.vstack([p["X"] for p in pages if len(p["y"])])
    y = np.concatenate([p["y"] for p in pages if len(p["y"])])
    m = CatBoostClassifier(**PARAMS)
    m.fit(X, y)
    return m


def calibration_map(held: list[tuple[float, bool]]) -> list[list[float]]:
    """[lower edge, confidence] per probability bin: the held-out accuracy, shrunk towards the
    probability, lowered by half a standard error, mapped with the conservative scale of
    newsmill.meta.calibration, and never above a higher bin."""
    from newsmill.meta.calibration import conservative

    out = []
    for lo, hi in zip(CAL_EDGES, CAL_EDGES[1:], strict=False):
        b = [(pr, ok) for pr, ok in held if lo <= pr < hi]
        prior = sum(pr for pr, _ in b) / len(b) if b else (lo + min(hi, 1.0)) / 2
        p = (sum(ok for _, ok in b) + 8 * prior) / (len(b) + 8)
        p -= 0.5 * math.sqrt(p * (1 - p) / (len(b) + 8))
        out.append([lo, round(max(0.05, min(0.99, conservative(p))), 3)])
    for i in range(len(out) - 2, -1, -1):
        out[i][1] = min(out[i][1], out[i + 1][1])
    return out


def export(model, pages: list[dict], cal: list[list[float]], path: Path) -> None:  # type: ignore[no-untyped-def]
    from newsmill.meta.titlemodel import feature_names
    from newsmill.model import forest_from_catboost, make_forest

    tmp = path.with_suffix(".cb.json")
    model.save_model(str(tmp), format="json")
    spec = forest_from_catboost(json.loads(tmp.read_text()), feature_names())
    tmp.unlink()
    X = np.vstack([p["X"] for p in pages if len(p["y"])])
    diff = np.abs(make_forest(spec).predict(X) - model.predict_proba(X)[:, 1]).max()
    if diff > 1e-6:
        raise SystemExit(f"exported model disagrees with CatBoost by {diff:.2e}")
    spec["calibration"] = cal
    spec["trained_on"] = "wcxb-dev (derived from WCXB, Murrough Foley, 2026, CC-BY-4.0)"
    path.write_text(json.dumps(spec, separators=(",", ":")))
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the page features")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--fold-dir", type=Path, default=None,
                    help="also write the 5 per-fold models here (for bench/meta_eval.py --title-folds)")
    ap.add_argument("--errors", action="store_true", help="print held-out misses")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    pages = load(args.cache)
    n = len(pages)
    covered = sum(1 for p in pages if p["y"].any())
    print(f"pages with a ground-truth title: {n}; a candidate equals it on {covered} "
          f"({covered / n:.3f}); candidates per page {np.mean([len(p['y']) for p in pages]):.1f}")

    domains = sorted({p["domain"] for p in pages})
    random.Random(0).shuffle(domains)
    fold_of = {d: i % 5 for i, d in enumerate(domains)}
    hits = 0
    held: list[tuple[float, bool]] = []
    models = []
    for k in range(5):
        model = fit([p for p in pages if fold_of[p["domain"]] != k])
        models.append(model)
        for p in pages:
            if fold_of[p["domain"]] != k or not len(p["y"]):
                continue
            prob = model.predict_proba(p["X"])[:, 1]
            i = int(np.argmax(prob))
            ok = bool(p["y"][i])
            hits += ok
            held.append((float(prob[i]), ok))
            if args.errors and not ok:
                print(f"{p['fid']} gt={p['gt']!r} got={p['texts'][i]!r}")
    print(f"title accuracy, 5-fold CV grouped by domain: {hits / n:.3f} ({hits}/{n})")
    for lo, hi in zip(CAL_EDGES, CAL_EDGES[1:], strict=False):
        b = [ok for pr, ok in held if lo <= pr < hi]
        if b:
            print(f"  held-out prob [{lo:.2f},{hi:.2f}): acc {sum(b) / len(b):.3f} n={len(b)}")
    cal = calibration_map(held)
    print("confidence map (held-out, conservative):", cal)
    if args.fold_dir:
        # Per-fold models, so that bench/meta_eval.py --title-folds scores every page with a
        # model that never saw its domain.
        args.fold_dir.mkdir(parents=True, exist_ok=True)
        for k, model in enumerate(models):
            export(model, pages, cal, args.fold_dir / f"title_fold{k}.json")
        (args.fold_dir / "folds.json").write_text(json.dumps(fold_of))
    if not args.no_save:
        export(fit(pages), pages, cal, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
