"""How much text F1 would a perfect page-type classifier add?

    python bench/type_oracle.py [--oldstyle]        # ~2 min on 1 core

Every wcxb-dev page is extracted twice with its fold model: once as newsmill types it, once
with its annotated type given by the classifier instead (the pipeline's own overrides, such as a
signed headline's, still apply after it; the block scores are the same, the rules and the
threshold read the type). Prints both mean word F1s and, for the pages the classifier gets
wrong, the F1 the annotated type would add, by (annotated, predicted) pair.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/wcxb-dev"))
    ap.add_argument("--oldstyle", action="store_true", help="the pages rewritten as older markup, without URL")
    a = ap.parse_args()
    import newsmill
    from bench.dataset import load_pages, read_html
    from bench.metrics import word_f1
    from bench.oldstyle import oldstyle_bytes
    from newsmill import pipeline as P

    data = Path(a.data)
    pages = load_pages(data)
    folds = json.loads((ROOT / "bench/cv/folds.json").read_text())
    classify = P.pagetype.classify
    forced: dict = {}

    def classify_hook(*args, **kw):
        page_type, conf = classify(*args, **kw)
        return (forced["type"], conf) if forced.get("type") else (page_type, conf)

    P.pagetype.classify = classify_hook
    got, truth, gain = [], [], Counter()
    for pid, page in pages.items():
        html, url = read_html(data, pid), page.url
        if a.oldstyle:
            html, url = oldstyle_bytes(html), None
        ref, model = page.truth.get("main_content"), str(ROOT / "bench/cv" / folds[pid])
        forced.clear()
        art = newsmill.extract(html, url=url, model=model)
        f_got = word_f1(art.text, ref)
        forced["type"] = page.page_type
        f_true = word_f1(newsmill.extract(html, url=url, model=model).text, ref)
        got.append(f_got)
        truth.append(f_true)
        if art.page_type != page.page_type:
            gain[(page.page_type, art.page_type)] += f_true - f_got
    n = len(got)
    print(f"{n} pages: F1 {sum(got) / n:.5f} as typed, {sum(truth) / n:.5f} with the annotated type "
          f"({(sum(truth) - sum(got)) / n:+.5f})")
    for (t, p), g in gain.most_common():
        if abs(g) >= 0.01:
            print(f"  {t} typed {p}: {g:+.3f} (sum of page F1 changes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
