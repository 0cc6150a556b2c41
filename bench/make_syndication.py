"""Build a syndication set from WCXB-dev articles: one story on many sites, and unrelated ones.

    python bench/make_syndication.py --out DIR [--stories 150] [--unrelated 400] [--seed 0]

Writes DIR/pages/NNNNN.html and DIR/truth.json (``{"docs": {file: {"story", "variant",
"site"}}}``). Stories are the ground-truth main texts of WCXB-dev article pages (at least 150
words, none too like another). Each syndicated story appears 2 to 6 times, on different sites
(each site its own page template, navigation, cookie banner, "most read" list of other titles
and footer), as:

- ``copy``: the story as it is;
- ``truncated``: its first 30 to 60 % of paragraphs, then a "read the full story" line;
- ``edited``: a dateline and a credit line added, about 3 % of words changed, and one
  paragraph after the first dropped when there are more than four;

the first appearance always a ``copy``. Unrelated stories appear once, on a random site.
The pages are HTML files, so the benchmark measures extraction and dedup together.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "wcxb-dev"

SITES = [
    "The Morning Ledger", "Valley Courier", "Harbor Tribune", "Metro Daily", "The Plains Post",
    "Coastline News", "Riverside Herald", "Capital Wire Today", "North Star Gazette",
    "The Evening Record", "Lakeshore Times", "Summit Press",
]
NAV = ["News", "Local", "Politics", "Business", "Sports", "Opinion", "Arts", "Weather", "Obituaries", "Events"]
DATELINES = ["WASHINGTON", "NEW YORK", "LONDON", "CHICAGO", "SAN FRANCISCO", "BERLIN"]
SWAPS = {
    "said": "stated", "says": "notes", "also": "additionally", "big": "large", "help": "assist",
    "new": "fresh", "many": "numerous", "show": "demonstrate", "use": "employ", "about": "around",
    "get": "obtain", "make": "create", "important": "key", "but": "yet", "very": "really",
}
_WORD = re.compile(r"\w+")


def load_stories(data: Path, seed: int) -> list[dict[str, Any]]:
    meta = json.loads((data / "metadata.json").read_text())["files"]
    stories = []
    for pid in sorted(meta):
        if meta[pid]["page_type"] != "article":
            continue
        gt = json.loads((data / "ground-truth" / f"{pid}.json").read_text())["ground_truth"]
        text = gt.get("main_content") or ""
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        if len(_WORD.findall(text)) < 150 or len(paras) < 3:
            continue
        stories.append({"id": pid, "title": gt.get("title") or paras[0][:80], "paras": paras})
    random.Random(seed).shuffle(stories)
    # Keep stories that share little with those kept: the truth must not have hidden twins.
    kept: list[dict[str, Any]] = []
    owners: dict[str, list[int]] = {}  # shingle -> kept stories holding it
    sizes: list[int] = []
    for s in stories:
        words = _WORD.findall(" ".join(s["paras"]).lower())
        sh = {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}
        shared: dict[int, int] = {}
        for x in sh:
            for k in owners.get(x, ()):
                shared[k] = shared.get(k, 0) + 1
        if all(n / max(1, min(len(sh), sizes[k])) < 0.2 for k, n in shared.items()):
            for x in sh:
                owners.setdefault(x, []).append(len(kept))
            sizes.append(len(sh))
            kept.append(s)
    return kept


def site_template(k: int, rng: random.Random, titles: list[str], junk: list[str]) -> dict[str, Any]:
    return {
        "name": SITES[k % len(SITES)],
        "nav": rng.sample(NAV, rng.randint(5, len(NAV))),
        "most_read": rng.sample(titles, 5),
        "footer": rng.sample(junk, min(3, len(junk))) if junk else ["Contact us"],
        "wrap": ["article", "div", "section"][k % 3],
        "cls": ["story-body", "entry-content", "article__text", "post"][k % 4],
        "cookie": k % 2 == 0,
    }


def render(site: dict[str, Any], title: str, paras: list[str], author: str) -> str:
    e = html.escape
    nav = "".join(f'<li><a href="/{n.lower()}">{e(n)}</a></li>' for n in site["nav"])
    most = "".join(f'<li><a href="/story/{i}">{e(t)}</a></li>' for i, t in enumerate(site["most_read"]))
    body = "".join(f"<p>{e(p)}</p>\n" for p in paras)
    cookie = (
        '<div class="cookie-banner">We use cookies to improve your experience on our site. '
        '<button>Accept all</button></div>' if site["cookie"] else ""
    )
    foot = "".join(f"<p>{e(f)}</p>" for f in site["footer"])
    w = site["wrap"]
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)} | {e(site['name'])}</title>"
        f"<meta property='og:site_name' content='{e(site['name'])}'></head><body>{cookie}"
        f"<header><a class='logo' href='/'>{e(site['name'])}</a><nav><ul>{nav}</ul></nav></header>"
        f"<main><{w} class='{site['cls']}'><h1>{e(title)}</h1><p class='byline'>By {e(author)}</p>\n{body}</{w}>"
        f"<aside><h3>Most read</h3><ol>{most}</ol></aside></main>"
        f"<footer>{foot}<p>&copy; 2025 {e(site['name'])}. All rights reserved.</p></footer></body></html>"
    )


def edit(paras: list[str], rng: random.Random, site_name: str) -> list[str]:
    out = list(paras)
    if len(out) > 4:
        del out[rng.randrange(1, len(out))]
    out = [
        " ".join(SWAPS.get(w, w) if rng.random() < 0.6 else w for w in p.split(" ")) for p in out
    ]
    # A few more words changed at random, as copy editors do.
    out = [
        " ".join(w if rng.random() > 0.01 else rng.choice(list(SWAPS.values())) for w in p.split(" ")) for p in out
    ]
    out[0] = f"{rng.choice(DATELINES)} ({site_name}) \u2014 {out[0]}"
    out.append(f"This story was originally published by {rng.choice(SITES)} and is republished here with permission.")
    return out


def build(data: Path, out: Path, n_stories: int, n_unrelated: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    stories = load_stories(data, seed)
    if len(stories) < n_stories + n_unrelated:
        raise SystemExit(f"only {len(stories)} usable stories for {n_stories} + {n_unrelated}")
    synd, unrel = stories[:n_stories], stories[n_stories : n_stories + n_unrelated]
    others = [s["title"] for s in stories[n_stories + n_unrelated :]] or [s["title"] for s in stories]
    junk = _boilerplate_snippets(data)
    sites = [site_template(k, rng, others, junk) for k in range(len(SITES))]
    pages = out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    docs: dict[str, dict[str, Any]] = {}
    plan: list[tuple[dict[str, Any], str]] = []
    for s in synd:
        n = rng.randint(2, 6)
        variants = ["copy"] + [rng.choice(["copy", "truncated", "edited"]) for _ in range(n - 1)]
        plan += [(s, v) for v in variants]
    plan += [(s, "unrelated") for s in unrel]
    rng.shuffle(plan)
    for k, (s, variant) in enumerate(plan):
        site = rng.choice(sites)
        paras = s["paras"]
        if variant == "truncated":
            keep = max(2, round(len(paras) * rng.uniform(0.3, 0.6)))
            paras = paras[:keep] + [f"Read the full story at {rng.choice(SITES)}."]
        elif variant == "edited":
            paras = edit(paras, rng, site["name"])
        name = f"{k:05d}.html"
        (pages / name).write_text(render(site, s["title"], paras, "Staff Writer"), encoding="utf-8")
        docs[name] = {"story": s["id"], "variant": variant, "site": site["name"]}
    truth = {"seed": seed, "stories": n_stories, "unrelated": n_unrelated, "docs": docs}
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def _boilerplate_snippets(data: Path, limit: int = 300) -> list[str]:
    """Real boilerplate lines: the ``without`` snippets of WCXB-dev pages."""
    out: list[str] = []
    for f in sorted((data / "ground-truth").glob("*.json"))[:limit]:
        gt = json.loads(f.read_text())["ground_truth"]
        out += [w for w in gt.get("without") or [] if isinstance(w, str) and len(w) > 15]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--stories", type=int, default=150)
    ap.add_argument("--unrelated", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    truth = build(args.data, args.out, args.stories, args.unrelated, args.seed)
    variants: dict[str, int] = {}
    for d in truth["docs"].values():
        variants[d["variant"]] = variants.get(d["variant"], 0) + 1
    print(f"{len(truth['docs'])} pages in {args.out / 'pages'}: {variants}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

