"""Could a learned model drop whole sections that the references leave out?

    python bench/section_study.py          # real pages, cross-validated fold models (~3 min on 1 core)

newsmill's output on many shop, service and listing pages holds whole sections that WCXB's
references leave out (an FAQ, a seller's feedback, "Tech specs", "Get $130 in value"), and
the same headings are kept by the references of other pages. This study asks whether a model
can tell them apart:
1. every wcxb-dev page is extracted with its fold model; its output blocks are cut into
   sections at each heading (the lines before the first heading are a section too), and for
   each section the page's word F1 without it is computed (its gain: positive when the
   reference leaves it out);
2. a LightGBM classifier learns "dropping this section gains more than 0.002" from the
   section's features (page type, heading level and words hashed into 128 slots, the
   section's size, share of the page, position, link density, list and table shares, and the
   block scorer's scores of its blocks against the page threshold), with the wcxb-dev folds of
   ``bench/cv/folds.json`` (each page predicted by a model that learned from no page of its
   domain);
3. each page drops the sections predicted at ``p`` or above, and its F1 is computed again.
It prints the ceiling (each page's best single section dropped, an oracle) and, for each
``p``, the sections dropped and the mean F1 change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
_HASH = 128
_WORD = re.compile(r"\w+")


def _f1(c: Counter, ref: Counter, n_ref: int) -> float:
    n = sum(c.values())
    if n == 0 and n_ref == 0:
        return 1.0
    ov = sum((c & ref).values())
    if n == 0 or n_ref == 0 or ov == 0:
        return 0.0
    p, r = ov / n, ov / n_ref
    return 2 * p * r / (p + r)


def sections(data: Path) -> tuple[list[dict], dict[str, float]]:
    """The output's sections, each with its features and its word bag, and every page's F1."""
    import newsmill
    from bench.dataset import load_pages, read_html
    from newsmill import pipeline as P
    from newsmill.segment import heading_level

    pages = load_pages(data)
    folds = json.loads((ROOT / "bench/cv/folds.json").read_text())
    cap: dict = {}
    render, select = P.render_text, P.assemble.select

    def render_hook(blocks, quotes=None):
        cap["blocks"] = list(blocks)
        return render(blocks, quotes)

    def select_hook(seg, probs, threshold, page_type=None, rescue=None):
        cap.update(seg=seg, probs=probs, threshold=threshold)
        return select(seg, probs, threshold, page_type, rescue)

    P.render_text, P.assemble.select = render_hook, select_hook
    out, f1 = [], {}
    for pid, page in pages.items():
        cap.clear()
        a = newsmill.extract(read_html(data, pid), url=page.url, model=str(ROOT / "bench/cv" / folds[pid]))
        blocks = cap.get("blocks", [])
        seg, probs, thr = cap.get("seg"), cap.get("probs"), float(cap.get("threshold") or 0.0)
        index = {id(b): i for i, b in enumerate(seg.blocks)} if seg is not None else {}
        by_elem: dict[int, int] = {}
        for i, b in enumerate(seg.blocks if seg is not None else []):
            by_elem.setdefault(b.elem, i)
        score = []
        for b in blocks:  # blocks added from JSON-LD have no score
            i = index.get(id(b), by_elem.get(b.elem))
            score.append(float(probs[i]) - thr if i is not None else np.nan)
        bags = [Counter(_WORD.findall(b.text.lower())) for b in blocks]
        ref = Counter(_WORD.findall((page.truth.get("main_content") or "").lower()))
        secs: list[list[int]] = []
        for i, b in enumerate(blocks):
            if heading_level(b) or not secs:
                secs.append([])
            secs[-1].append(i)
        total = sum(bags, Counter())
        f1[pid] = _f1(total, ref, sum(ref.values()))
        words = max(1, sum(total.values()))
        for j, idx in enumerate(secs):
            head = blocks[idx[0]]
            lv = heading_level(head)
            s = np.array([score[i] for i in idx])
            s = s[~np.isnan(s)] if (~np.isnan(s)).any() else np.zeros(1)
            bag = sum((bags[i] for i in idx), Counter())
            chars = sum(blocks[i].chars for i in idx) or 1
            hashed = np.zeros(_HASH)
            for w in _WORD.findall(head.text.lower()) if lv else []:
                hashed[zlib.crc32(w.encode()) % _HASH] = 1.0
            x = [TYPES.index(a.page_type) if a.page_type in TYPES else -1, lv, len(idx),
                 np.log1p(sum(bag.values())), sum(bag.values()) / words, j / len(secs), len(secs) - 1 - j,
                 len(secs), s.mean(), s.min(), s.max(), sum(blocks[i].link_chars for i in idx) / chars,
                 sum(blocks[i].kind == "li" for i in idx) / len(idx),
                 sum(blocks[i].kind == "row" for i in idx) / len(idx), thr]
            out.append({"page": pid, "fold": folds[pid], "x": np.concatenate([x, hashed]), "bag": bag,
                        "total": total, "ref": ref})
    return out, f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/wcxb-dev"))
    a = ap.parse_args()
    import lightgbm as lgb

    rows, base = sections(Path(a.data))  # (a page without output has no section)
    n_ref = {r["page"]: sum(r["ref"].values()) for r in rows}
    gain = np.array([_f1(r["total"] - r["bag"], r["ref"], n_ref[r["page"]]) - base[r["page"]] for r in rows])
    X = np.array([r["x"] for r in rows])
    fold = np.array([r["fold"] for r in rows])
    y = (gain > 0.002).astype(int)
    params = dict(objective="binary", learning_rate=0.05, num_leaves=15, min_data_in_leaf=30,
                  feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, verbose=-1, seed=1)
    pred = np.zeros(len(rows))
    for k in sorted(set(fold)):
        train = fold != k
        model = lgb.train(params, lgb.Dataset(X[train], y[train], categorical_feature=[0]), 200)
        pred[~train] = model.predict(X[~train])
    pages = len(base)
    best: dict[str, float] = {}
    for r, g in zip(rows, gain, strict=True):
        best[r["page"]] = max(best.get(r["page"], 0.0), g)
    print(f"{len(rows)} sections on {len(n_ref)} of {pages} pages, {int(y.sum())} whose drop gains > 0.002; mean F1 "
          f"{sum(base.values()) / pages:.5f}; best single section dropped per page (oracle) "
          f"{sum(base.values()) / pages + sum(best.values()) / pages:.5f}")
    for p in (0.3, 0.5, 0.7, 0.9):
        dropped: dict[str, Counter] = {}
        for r, q in zip(rows, pred, strict=True):
            if q >= p:
                dropped[r["page"]] = dropped.get(r["page"], Counter()) + r["bag"]
        new = dict(base)
        for r in rows:
            if r["page"] in dropped:
                new[r["page"]] = _f1(r["total"] - dropped[r["page"]], r["ref"], n_ref[r["page"]])
        better = sum(new[k] > base[k] + 1e-9 for k in base)
        worse = sum(new[k] < base[k] - 1e-9 for k in base)
        print(f"p >= {p}: {int((pred >= p).sum())} sections dropped on {len(dropped)} pages; mean F1 "
              f"{sum(new.values()) / pages:.5f} ({(sum(new.values()) - sum(base.values())) / pages:+.5f}; "
              f"{better} pages better, {worse} worse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
