"""The headline of a flattened page: which line above (or at) the story's start is the title.

Candidates are the lines from 40 above the start of the page's core (its longest run of
prose, :func:`newsmill.lines.core_span`) to 15 below it. Each is described by its shape,
its distance to the core, how many headline-like lines lie between it and the core, how
often the page repeats it, how much it shares with the URL's slug and with the story's
first lines. A small forest (``models/headline.json``, trained by ``train/train_headline.py``
on flattened wcxb-dev pages, derived from WCXB, CC-BY-4.0) scores them; without it a
hand-weighted score of the same features decides.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from urllib.parse import urlsplit

import numpy as np

from .errors import InputError
from .lines import STOPWORDS, LineShape, words
from .model import Forest, load_spec

ABOVE, BELOW = 40, 15
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
_BYLINE = re.compile(r"^(?:by|von|par|por|door|di)\s+[A-ZÀ-Ý]", re.IGNORECASE)

HEADLINE_FEATURES = [
    "log_words", "log_chars", "cap_ratio", "allcaps_ratio", "stop_ratio", "ends_period",
    "ends_qe", "ends_colon", "separators", "widget", "date", "urlish", "bullet", "byline",
    "caption", "prose", "dist", "log_abs_dist", "rank_before", "dup", "contained",
    "slug_cover", "line_in_slug", "has_slug", "next_prose", "next_meta", "prev_widget",
    "words_rel_max", "rel_pos", "digit_ratio", "lede_overlap", "first_line", "heading_rank",
]


def slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = urlsplit(url).path.lower()
    return {w for w in _SLUG_SPLIT.split(path) if len(w) > 2 and not w.isdigit()}


def candidates(n: int, core: tuple[int, int]) -> list[int]:
    a = core[0] if core[1] > core[0] else 0
    return list(range(max(0, a - ABOVE), min(n, a + BELOW)))


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def headline_features(
    lines: list[str], shapes: list[LineShape], core: tuple[int, int], url: str | None, cands: list[int]
) -> np.ndarray:
    n = len(lines)
    a = core[0] if core[1] > core[0] else 0
    slug = slug_words(url)
    lede = set()
    for s in shapes[a : min(n, a + 6)]:
        if s.prose:
            lede |= _content_words(s.text)
    lowered = [ln.lower() for ln in lines]
    counts: dict[str, int] = {}
    for ln in lowered:
        counts[ln] = counts.get(ln, 0) + 1
    max_words = max((shapes[i].n_words for i in cands if not shapes[i].prose), default=1) or 1
    headingish = [i for i in cands if 3 <= shapes[i].n_words <= 30 and not shapes[i].prose and not shapes[i].widget]
    X = np.zeros((len(cands), len(HEADLINE_FEATURES)))
    for r, i in enumerate(cands):
        s = shapes[i]
        text = lines[i]
        low = lowered[i]
        lw = {w.lower() for w in words(text)}
        cw = _content_words(text)
        nxt = shapes[i + 1] if i + 1 < n else None
        prv = shapes[i - 1] if i > 0 else None
        contained = 0
        if len(low) >= 15:
            contained = sum(1 for j, other in enumerate(lowered) if j != i and low in other)
        rank_before = sum(1 for j in headingish if i < j < a)
        heading_rank = sum(1 for j in headingish if j < i)
        X[r] = (
            math.log1p(s.n_words),
            math.log1p(s.n_chars),
            s.cap_ratio,
            s.allcaps_ratio,
            s.stop_ratio,
            text.endswith(".") and not text.endswith("..."),
            text.endswith(("?", "!")),
            s.ends_colon,
            min(s.separators, 10),
            s.widget,
            s.date,
            s.urlish,
            s.bullet,
            bool(_BYLINE.match(text)),
            s.caption,
            s.prose,
            max(-BELOW, min(ABOVE, a - i)),
            math.log1p(abs(a - i)),
            min(rank_before, 20),
            min(counts[low], 10),
            min(contained, 10),
            len(lw & slug) / len(slug) if slug else 0.0,
            len(lw & slug) / len(lw) if slug and lw else 0.0,
            bool(slug),
            bool(nxt and nxt.prose),
            bool(nxt and (nxt.date or bool(_BYLINE.match(nxt.text)))),
            bool(prv and prv.widget),
            s.n_words / max_words,
            i / max(1, n - 1),
            s.digit_ratio,
            len(cw & lede) / len(cw) if cw else 0.0,
            i == 0,
            min(heading_rank, 30),
        )
    return X


def _rule_scores(X: np.ndarray) -> np.ndarray:
    """Without the model: a hand-weighted score of the same features."""
    f = {name: X[:, k] for k, name in enumerate(HEADLINE_FEATURES)}
    words_ = np.expm1(f["log_words"])
    score = (
        1.0
        + ((words_ >= 4) & (words_ <= 25)) * 1.0
        - f["ends_period"] * 1.2
        - f["ends_colon"] * 1.0
        + (f["cap_ratio"] >= 0.6) * 0.5
        - f["prose"] * 1.5
        - np.clip(f["dist"], 0, None) * 0.08
        - (f["dist"] < 0) * 1.0
        + 2.5 * f["slug_cover"]
        + 1.0 * f["lede_overlap"]
        - 3.0 * (f["widget"] + f["byline"] + f["caption"] + f["urlish"])
        - 3.0 * ((words_ < 2) | (words_ > 40))
        - 2.0 * f["date"] * (words_ <= 6)
    )
    return score


@lru_cache(maxsize=8)
def load(name: str = "headline") -> Forest | None:
    """The packaged model by name, or a path to a model file; None if absent or stale."""
    spec = load_spec(name)
    if spec is None:
        if name != "headline":
            raise InputError(f"no headline model at {name}")
        return None
    forest = Forest(spec)
    return forest if forest.feature_names == HEADLINE_FEATURES else None


def find_headline(
    lines: list[str],
    shapes: list[LineShape],
    core: tuple[int, int],
    url: str | None,
    model: str | None = "headline",
) -> int | None:
    """Index of the headline line, or None when no line looks like one."""
    cands = candidates(len(lines), core)
    if not cands:
        return None
    X = headline_features(lines, shapes, core, url, cands)
    forest = load(model) if model and model != "rules" else None
    if forest is not None:
        p = forest.predict(X)
        k = int(np.argmax(p))
        return cands[k] if p[k] >= forest.threshold_default else None
    scores = _rule_scores(X)
    k = int(np.argmax(scores))
    return cands[k] if scores[k] >= 1.0 else None
