"""Speed A/B of two checkouts of newsmill on the same pages, taking turns.

    python bench/speed_ab.py OLD_CHECKOUT NEW_CHECKOUT [--pages 300] [--rounds 4] [--cpu 1]

Each round runs each checkout in a fresh interpreter (its own ``src`` first on the path),
pinned to one core, over the same pages (every fifth wcxb-dev page, default model), and prints
the CPU milliseconds a page. The machine's speed drifts within minutes, so the two take turns
and several rounds are printed rather than one figure: a change is slower only if it is slower
in every round.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import DEFAULT_DATA  # noqa: E402

# Run in the child: import newsmill from the checkout given, warm up, time the pages.
_CHILD = r"""
import glob, gzip, json, sys, time
sys.path.insert(0, sys.argv[1] + "/src")
import newsmill
files = sorted(glob.glob(sys.argv[2] + "/html/*.html.gz"))[::5][: int(sys.argv[3])]
docs = []
for f in files:
    truth = json.load(open(f.replace("/html/", "/ground-truth/").replace(".html.gz", ".json")))
    docs.append((gzip.open(f).read(), truth.get("url")))
newsmill.preload()
for html, url in docs[:10]:
    newsmill.extract(html, url=url)
t = time.process_time()
for html, url in docs:
    newsmill.extract(html, url=url)
print("%.2f" % ((time.process_time() - t) * 1000 / len(docs)))
"""


def run(checkout: str, data: Path, pages: int, cpu: int) -> float:
    cmd = [sys.executable, "-c", _CHILD, os.path.abspath(checkout), str(data), str(pages)]
    if hasattr(os, "sched_setaffinity"):
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, preexec_fn=lambda: os.sched_setaffinity(0, {cpu}))
    else:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--cpu", type=int, default=1)
    args = ap.parse_args()
    print("round  old ms/page  new ms/page")
    for r in range(1, args.rounds + 1):
        old = run(args.old, args.data, args.pages, args.cpu)
        new = run(args.new, args.data, args.pages, args.cpu)
        print(f"{r:5d}  {old:11.2f}  {new:11.2f}")


if __name__ == "__main__":
    main()
