"""Map the candidate scores of authors and published to calibrated confidences.

The heuristic score of a field (source weights plus agreement) orders values well but is not a
probability. ``TABLE`` holds, per field, source and score bin, the share of correct values
measured on wcxb-dev (derived from WCXB, Murrough Foley, 2026, CC-BY-4.0), shrunk towards the
score and lowered by half a standard error, so that a cell seen rarely cannot claim much.
It is written by ``bench/meta_eval.py --fit-calibration``, which also reports the same fit
cross-validated with folds grouped by domain. Other fields keep their heuristic score.

The scale is conservative at the top so that the threshold users act on means something: below
0.85 a confidence is the measured share of correct values; 0.9 is reached only by cells that
were at least 97% correct, and 0.85-0.9 holds the cells between 85% and 97%.
"""

from __future__ import annotations

import math

BIN_EDGES = (0.0, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)
# The title's confidence comes calibrated from its learned chooser (held-out accuracy by
# probability band, see train/train_title.py), so it is not re-mapped here.
CALIBRATED_FIELDS = ("authors", "published")
PRIOR_WEIGHT = 8.0  # pseudo-observations at the raw score
TOP = 0.96  # measured accuracy that maps to confidence 0.9

# field|source|bin -> confidence. Generated; see the module docstring.
TABLE: dict[str, float] = {
    "authors|dom/article|0": 0.548,
    "authors|dom/article|1": 0.601,
    "authors|dom/article|2": 0.707,
    "authors|dom/article|3": 0.784,
    "authors|dom/article|5": 0.816,
    "authors|dom/item|2": 0.627,
    "authors|dom/none|0": 0.634,
    "authors|dom/none|1": 0.862,
    "authors|dom/none|2": 0.88,
    "authors|dom/none|3": 0.845,
    "authors|dom/none|4": 0.758,
    "authors|dom/none|5": 0.787,
    "authors|dom/page|2": 0.663,
    "authors|dom/page|4": 0.76,
    "authors|json-ld/article|1": 0.755,
    "authors|json-ld/article|2": 0.771,
    "authors|json-ld/article|4": 0.75,
    "authors|json-ld/article|5": 0.909,
    "authors|json-ld/article|6": 0.928,
    "authors|json-ld/item|4": 0.75,
    "authors|json-ld/page|1": 0.556,
    "authors|json-ld/page|2": 0.662,
    "authors|json-ld/page|3": 0.688,
    "authors|json-ld/page|4": 0.854,
    "authors|json-ld/page|6": 0.877,
    "authors|meta/article|4": 0.75,
    "authors|meta/article|6": 0.825,
    "authors|meta/item|2": 0.662,
    "authors|meta/item|3": 0.679,
    "authors|meta/item|4": 0.75,
    "authors|meta/none|1": 0.711,
    "authors|meta/none|2": 0.735,
    "authors|meta/none|3": 0.857,
    "authors|meta/none|4": 0.902,
    "authors|meta/none|5": 0.855,
    "authors|meta/none|6": 0.891,
    "authors|meta/page|5": 0.796,
    "authors|microdata/item|3": 0.697,
    "authors|microdata/item|5": 0.865,
    "authors|microdata/none|1": 0.509,
    "authors|microdata/none|3": 0.87,
    "authors|microdata/none|5": 0.784,
    "authors|microdata/none|6": 0.897,
    "authors|microdata/page|6": 0.854,
    "authors|text/article|0": 0.455,
    "authors|text/article|1": 0.616,
    "authors|text/article|2": 0.678,
    "authors|text/item|1": 0.576,
    "authors|text/item|2": 0.644,
    "authors|text/none|0": 0.689,
    "authors|text/none|1": 0.776,
    "authors|text/none|2": 0.781,
    "authors|text/none|5": 0.787,
    "authors|text/page|0": 0.5,
    "authors|text/page|2": 0.644,
    "authors|text/page|3": 0.714,
    "authors|title/none|0": 0.488,
    "published|dom/article|2": 0.793,
    "published|dom/none|0": 0.547,
    "published|dom/none|1": 0.799,
    "published|dom/none|2": 0.842,
    "published|dom/none|3": 0.791,
    "published|dom/none|4": 0.67,
    "published|dom/none|6": 0.834,
    "published|json-ld/article|1": 0.458,
    "published|json-ld/article|2": 0.683,
    "published|json-ld/article|3": 0.807,
    "published|json-ld/article|4": 0.814,
    "published|json-ld/article|5": 0.866,
    "published|json-ld/article|6": 0.961,
    "published|json-ld/item|2": 0.644,
    "published|json-ld/item|4": 0.732,
    "published|json-ld/item|6": 0.881,
    "published|json-ld/page|1": 0.481,
    "published|json-ld/page|2": 0.741,
    "published|meta/article|2": 0.477,
    "published|meta/article|4": 0.679,
    "published|meta/article|6": 0.844,
    "published|meta/item|2": 0.636,
    "published|meta/item|4": 0.785,
    "published|meta/none|0": 0.25,
    "published|meta/none|1": 0.704,
    "published|meta/none|2": 0.722,
    "published|meta/none|3": 0.804,
    "published|meta/none|4": 0.888,
    "published|meta/none|5": 0.896,
    "published|meta/none|6": 0.911,
    "published|meta/page|4": 0.877,
    "published|meta/page|6": 0.874,
    "published|microdata/item|5": 0.778,
    "published|microdata/none|1": 0.469,
    "published|microdata/none|2": 0.457,
    "published|microdata/none|3": 0.69,
    "published|microdata/none|4": 0.882,
    "published|microdata/none|5": 0.778,
    "published|microdata/none|6": 0.856,
    "published|microdata/page|1": 0.584,
    "published|modified/article|0": 0.596,
    "published|modified/item|0": 0.428,
    "published|modified/none|0": 0.474,
    "published|text/article|0": 0.444,
    "published|text/article|1": 0.509,
    "published|text/article|2": 0.723,
    "published|text/item|1": 0.513,
    "published|text/none|0": 0.84,
    "published|text/none|1": 0.853,
    "published|text/none|2": 0.646,
}


def bin_of(score: float) -> int:
    for i in range(len(BIN_EDGES) - 1):
        if score < BIN_EDGES[i + 1]:
            return i
    return len(BIN_EDGES) - 2


def key(field: str, source: str, score: float) -> str:
    return f"{field}|{source}|{bin_of(score)}"


def fit(rows: list[tuple[str, str, float, bool]]) -> dict[str, float]:
    """(field, source, raw score, correct) -> table of calibrated confidences."""
    cells: dict[str, list[tuple[float, bool]]] = {}
    for field, source, score, ok in rows:
        cells.setdefault(key(field, source, score), []).append((score, ok))
    table: dict[str, float] = {}
    for k, obs in cells.items():
        n = len(obs)
        prior = 0.9 * sum(s for s, _ in obs) / n  # scores run a little high
        p = (sum(ok for _, ok in obs) + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)
        p -= 0.5 * math.sqrt(p * (1 - p) / (n + PRIOR_WEIGHT))
        table[k] = round(max(0.05, min(0.99, conservative(p))), 3)
    return table


def conservative(p: float) -> float:
    """Measured accuracy -> confidence: 0.97 maps to 0.9 (see the module docstring)."""
    if p < 0.85:
        return p
    if p < TOP:
        return 0.85 + (p - 0.85) * (0.05 / (TOP - 0.85))
    return 0.9 + (p - TOP) * (0.09 / (1 - TOP))


def calibrate(field: str, source: str, score: float, table: dict[str, float] | None = None) -> float:
    """The calibrated confidence; a cell never seen keeps 0.9 x the raw score."""
    t = TABLE if table is None else table
    v = t.get(key(field, source, score))
    return v if v is not None else round(0.9 * score, 3)
