"""Train the rescue classifier: which blocks the scorer doubted among the story's kept ones
are the story's (assemble.rescue_features names the features).

    python train/train_rescue.py --collect --cv-out bench/cv   # collect, then fold models
    python train/train_rescue.py --cv-out bench/cv --package   # from the cache; also models/rescue.json

Each wcxb-dev page (and its old-style rendering) goes through the pipeline with its fold's
block model (bench/cv), as bench/run.py --cv-dir runs it; the candidates select() looks at
again are labelled as train_blocks labels blocks against the reference (>= 0.5 is content).
Each fold's rescue model learns from the other folds' pages (domain folds, as every trainer).
A candidate is kept at p >= 0.85 (``--cut``) on every fold. That cut was set by looking at
all folds' held-out figures (so mildly tuned on them): the held-out gain (per page, the words
of right rescues minus wrong ones over the reference's words) was best at 0.75-0.8, and the
harness measured 0.8 higher still, but at 0.8 a wire release's "View original content to
download multimedia" line came back in one probe page. ``--cut 0`` instead picks each fold's
cut on the other folds' pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.oldstyle import oldstyle_bytes  # noqa: E402
from newsmill import assemble, extract  # noqa: E402
from newsmill.features import tokens  # noqa: E402
from newsmill.model import MODEL_DIR, forest_from_catboost  # noqa: E402
from train.train_blocks import DEFAULT_DATA, domain_folds, domain_of, label_blocks  # noqa: E402

CACHE = ROOT / "bench" / ".cache" / "rescue_rows.pkl"
CUTS = np.round(np.arange(0.3, 0.91, 0.05), 2)


def page_rows(args: tuple[str, Path, str]) -> list[dict]:
    """The candidates of one page, real and old-style: features, labels, words."""
    pid, data, model = args
    gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())
    raw = gzip.open(data / "html" / f"{pid}.html.gz").read()
    main = gt["ground_truth"].get("main_content") or ""
    out = []
    for old in (False, True):
        got: list = []
        assemble.RESCUE_CAPTURE = lambda seg, cand, X, got=got: got.append((seg, cand, X))  # noqa: B023
        try:
            extract(oldstyle_bytes(raw) if old else raw, None if old else gt.get("url"), model=model)
        finally:
            assemble.RESCUE_CAPTURE = None
        if not got:
            continue
        seg, cand, X = got[-1]
        labels, toks = label_blocks([b.text for b in seg.blocks], main)
        out.append({
            "id": pid, "old": old, "X": X, "y": (labels[cand] >= 0.5).astype(np.float32) if len(cand) else np.zeros(0),
            "words": np.array([len(toks[i]) for i in cand], np.float32),
            "gt_words": len(tokens(main)), "domain": domain_of(gt.get("url") or pid),
        })
    return out


def collect(data: Path, cv: Path, jobs: int) -> list[dict]:
    folds = json.loads((cv / "folds.json").read_text())
    ids = sorted(folds)
    rows: list[dict] = []
    with ProcessPoolExecutor(jobs) as ex:
        for r in ex.map(page_rows, [(i, data, str(cv / folds[i])) for i in ids], chunksize=8):
            rows += r
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps(rows))
    return rows


def weights(pages: list[dict]) -> np.ndarray:
    """Each candidate weighs its words (plus one). Weighting every page as one instead
    gave a lower held-out gain when it was tried."""
    w = np.concatenate([p["words"] + 1 for p in pages])
    return w / w.mean()


def fit(pages: list[dict], depth: int, iters: int) -> dict:
    from catboost import CatBoostClassifier

    X = np.vstack([p["X"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    m = CatBoostClassifier(depth=depth, iterations=iters, learning_rate=0.08, verbose=0, random_seed=7, thread_count=2)
    m.fit(X, y, sample_weight=weights(pages))
    tmp = CACHE.parent / "rescue_cb.json"
    m.save_model(str(tmp), format="json")
    return forest_from_catboost(json.loads(tmp.read_text()), assemble.RESCUE_NAMES)


def gain(pages: list[dict], probs: list[np.ndarray], cut: float) -> float:
    """Mean over pages of (right rescued words - wrong ones) / reference words."""
    g = [
        float(((2 * p["y"] - 1) * p["words"])[q >= cut].sum()) / max(p["gt_words"], 10) for p, q in zip(pages, probs, strict=True)
    ]
    return float(np.mean(g)) if g else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cv", type=Path, default=ROOT / "bench" / "cv")
    ap.add_argument("--collect", action="store_true", help="run the pipeline again (else read the cache)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--iters", type=int, default=400)
    # Held-out gain (below) is best at 0.75-0.8; 0.85 keeps a newswire's "View original
    # content" line (0.81) out, and measured +0.0018 real, +0.0023 old-style.
    ap.add_argument("--cut", type=float, default=0.85, help="this cut for every fold (0: chosen on the other folds)")
    ap.add_argument("--cv-out", type=Path, help="write rescue_foldK.json here")
    ap.add_argument("--package", action="store_true", help="also write src/newsmill/models/rescue.json")
    args = ap.parse_args()
    from newsmill.model import make_forest

    pages = collect(args.data, args.cv, args.jobs) if args.collect else pickle.loads(CACHE.read_bytes())
    pages = [p for p in pages if len(p["y"])]
    print(f"{len(pages)} page renderings with candidates, {sum(len(p['y']) for p in pages)} candidates, "
          f"{sum(float(p['y'].sum()) for p in pages):.0f} content", flush=True)
    # Each page's fold is its block model's (folds.json), so that the rescue model the harness
    # gives a page never learned from its domain. (Folds drawn again over only the pages with
    # candidates would differ: the domain split depends on the whole list of domains.)
    block_fold = json.loads((args.cv / "folds.json").read_text())
    fold_of = {p["id"]: int(block_fold[p["id"]].removeprefix("fold").removesuffix(".json")) for p in pages}
    cuts_total = np.zeros(len(CUTS))
    for k in range(5):
        tr = [p for p in pages if fold_of[p["id"]] != k]
        te = [p for p in pages if fold_of[p["id"]] == k]
        # The cut: from the other folds' pages, scored by a model that never saw them.
        inner = domain_folds((p["domain"] for p in tr), 4)
        inner_gain = np.zeros(len(CUTS))
        for j in range(0 if args.cut else 4):
            a = [p for p in tr if inner[p["domain"]] != j]
            b = [p for p in tr if inner[p["domain"]] == j]
            f = make_forest(fit(a, args.depth, args.iters))
            qb = [f.predict(p["X"]) for p in b]
            inner_gain += [gain(b, qb, c) * len(b) for c in CUTS]
        cut = args.cut or float(CUTS[int(np.argmax(inner_gain))])
        spec = fit(tr, args.depth, args.iters)
        f = make_forest(spec)
        q = [f.predict(p["X"]) for p in te]
        g = [gain(te, q, c) for c in CUTS]
        cuts_total += np.array(g) * len(te)
        print(f"fold {k}: cut {cut} (inner gains {np.round(inner_gain / len(tr), 4).tolist()}), "
              f"held-out gain at cut {gain(te, q, cut):.4f}, real {gain([p for p in te if not p['old']], [x for p, x in zip(te, q, strict=True) if not p['old']], cut):.4f}",
              flush=True)
        if args.cv_out:
            (args.cv_out / f"rescue_fold{k}.json").write_text(json.dumps({"forest": spec, "cut": cut}, separators=(",", ":")))
    print("held-out gain by cut:", dict(zip(CUTS.tolist(), np.round(cuts_total / len(pages), 4).tolist(), strict=True)))
    if args.package:
        best = args.cut or float(CUTS[int(np.argmax(cuts_total))])
        spec = fit(pages, args.depth, args.iters)
        (MODEL_DIR / "rescue.json").write_text(json.dumps({"forest": spec, "cut": best}, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
