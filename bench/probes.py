"""Hand-written probe pages: what newsmill gets right on pages beyond wcxb-dev.

    python bench/probes.py                       # every group under bench/probes/, a summary
    python bench/probes.py bench/probes/bounds   # one group (or files), each failing check
    V=1 python bench/probes.py FILE              # with the extracted text

The pages were written by hand after the fashion of older engines, big-site templates, news in
28 languages, threads, manuals, blog platforms, official releases, service pages, shops and
listings of many stacks, heavy regional news pages, and news genres beyond the story page (live
blogs, obituaries, galleries, match reports, wiki and journal pages); none comes from a benchmark. Their
expectations are a careful reader's, and some are debatable (a caption, a standfirst, a
poster's name in a thread's text): the "_notes" key of a page's JSON says which. So the count is a regression check, not a
score. Each probe is NAME.html with NAME.json beside it:
{"url": "https://..." or null,
 "title": "...", "authors": ["..."], "published": "2009-03-14" (prefix of ISO value),
 "site_name": "...", "language": "en", "page_type": "article",
 "must_have": ["sentence fragments the text must contain"],
 "must_not": ["fragments of boilerplate the text must not contain"],
 "quotes": [["quote fragment", "speaker"]]}
Any key may be left out. Prints FAIL lines and a summary.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import newsmill  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes"



def norm(s: str | None) -> str:
    return " ".join((s or "").split()).lower()


def check(html_path: str) -> tuple[newsmill.Article, list[str]]:
    exp_path = html_path[:-5] + ".json"
    exp = json.load(open(exp_path)) if os.path.exists(exp_path) else {}
    raw = open(html_path, "rb").read()
    a = newsmill.extract(raw, url=exp.get("url"))
    fails = []
    if "title" in exp and norm(a.title) != norm(exp["title"]):
        fails.append(f"title: got {a.title!r} want {exp['title']!r}")
    if "authors" in exp and [norm(x) for x in a.authors] != [norm(x) for x in exp["authors"]]:
        fails.append(f"authors: got {a.authors!r} want {exp['authors']!r}")
    if "published" in exp and not (a.published or "").startswith(exp["published"] or "\0"):
        if not (exp["published"] is None and a.published is None):
            fails.append(f"published: got {a.published!r} want {exp['published']!r}")
    for k in ("site_name", "language", "page_type"):
        if k in exp and norm(getattr(a, k)) != norm(exp[k]):
            fails.append(f"{k}: got {getattr(a, k)!r} want {exp[k]!r}")
    text = norm(a.text)
    for s in exp.get("must_have", []):
        if norm(s) not in text:
            fails.append(f"missing text: {s[:90]!r}")
    for s in exp.get("must_not", []):
        if norm(s) in text:
            fails.append(f"leaked text: {s[:90]!r}")
    for q, sp in exp.get("quotes", []):
        hit = [x for x in a.quotes if norm(q) in norm(x.text)]
        if not hit:
            fails.append(f"quote not found: {q[:60]!r}")
        elif norm(hit[0].speaker) != norm(sp):
            fails.append(f"quote speaker: {q[:40]!r} got {hit[0].speaker!r} want {sp!r}")
    return a, fails

def summary() -> None:
    total = passed = 0
    for group in sorted(p for p in PROBES.iterdir() if p.is_dir()):
        paths = sorted(glob.glob(str(group / "*.html")))
        ok = sum(not check(p)[1] for p in paths)
        print(f"{group.name:10s} {ok:3d}/{len(paths)}")
        total, passed = total + len(paths), passed + ok
    print(f"{'all':10s} {passed:3d}/{total} probes pass")


if __name__ == "__main__":
    if len(sys.argv) == 1:
        summary()
        sys.exit(0)
    paths = []
    for p in sys.argv[1:]:
        paths += sorted(glob.glob(os.path.join(p, "*.html"))) if os.path.isdir(p) else [p]
    verbose = os.environ.get("V")
    nf = 0
    for p in paths:
        a, fails = check(p)
        nf += bool(fails)
        print(("FAIL " if fails else "ok   ") + p)
        for f in fails:
            print("     " + f)
        if verbose or fails:
            print(f"     [type={a.page_type} title={a.title!r} authors={a.authors} published={a.published} site={a.site_name}]")
            if verbose:
                print("     --- text\n" + "\n".join("     | " + line for line in a.text.splitlines() if line.strip()))
    print(f"{len(paths) - nf}/{len(paths)} probes pass")
