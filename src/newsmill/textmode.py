"""Text mode: an Article from a page that was already flattened to text, one block per line.

The input has no markup left, so every decision is made from the lines themselves:

* story lines: a small learned classifier (``models/lines.json``, trained on flattened
  wcxb-dev pages by ``train/train_lines.py``) over shape and position features from
  :mod:`newsmill.lines`; without the model, a rule on the same features;
* headline: the best headline-shaped line above the story's first paragraph;
* masthead (site name): a short name line at the very top, or a line that spells the domain;
* captions with credits ("(Photo : REUTERS) ...") become ``images`` and leave the text;
* ``published`` only when the text states it: a labelled date ("Published ...", a byline
  date) or a date line between the headline and the story. A clock reading or date line at
  the top of the page, above the headline, is when the page was fetched, so it is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np

from . import linemodel
from .article import Article, Image
from .errors import InputError
from .headline import find_headline
from .lines import CAPTION_RE, FEATURE_NAMES, WIDGET_RE, LineShape, features, split_lines
from .meta.dates import DateValue, as_reference, find_dates, is_future
from .quotes import find_quotes

# Bigger inputs are cut to this (the longest wcxb-dev page flattens to 2,641 lines, 109 kB):
# the rest of a page that long is not a story, and the cut keeps the time per page bounded.
MAX_CHARS = 2_000_000
MAX_LINES = 20_000
_MODEL_NAME = "lines"

_DATE_LABEL = re.compile(
    r"\b(?:published|posted|first published|publication date|date|dated|released|written|"
    r"veröffentlicht|publié|publicado|pubblicato)\b",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(
    r"\b(?:updated?|last updated?|modified|last modified|revised|aktualisiert|mis à jour)\b", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?i:by|von|par|por|door|di)\s+(?P<names>[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|van|von|de|der|da|di|la|le|and|&|,)){0,8})",
)
_SECONDS = re.compile(r"\d:\d\d:\d\d")
_RELATIVE_HINT = re.compile(r"\bago\b|\byesterday\b|\btoday\b|\bil y a\b|\bvor\s+\d|\bhace\b", re.IGNORECASE)
_SHORT_COMMON = frozenset(
    "a an the of and for on in at to by my our new big top day sun now web net pro one two all "
    "art car bay san los las el la le de der die das den du des et y e van von und our your".split()
)


@dataclass(slots=True)
class _Page:
    lines: list[str]
    shapes: list[LineShape]
    probs: np.ndarray
    threshold: float
    core: tuple[int, int]


def extract_text(
    text: str,
    url: str | None = None,
    *,
    fetched: datetime | None = None,
    line_model: str | None = None,
    headline_model: str | None = None,
) -> Article:
    """Turn a flattened page (one block per line) into an :class:`Article`.

    ``url`` helps find the masthead; ``fetched`` (when the page was fetched) resolves
    relative dates ("3 hours ago") and tells a clock reading from a publication date.
    ``line_model`` and ``headline_model`` name other models (paths to their JSON, as the
    evaluation's cross-validation folds are), or ``"rules"`` for the hand-written rules that
    need no model. A value that is not ``str`` raises :class:`newsmill.errors.InputError`.
    """
    if not isinstance(text, str):
        raise InputError(f"expected str, got {type(text).__name__}")
    if fetched is not None and not isinstance(fetched, datetime):
        raise InputError(f"fetched must be a datetime, got {type(fetched).__name__}")
    lines = split_lines(text[:MAX_CHARS])[:MAX_LINES]
    art = Article(url=url)
    if not lines:
        return art
    page = _classify(lines, line_model or _MODEL_NAME)
    n = len(lines)
    drop: set[int] = set()

    title_i = find_headline(lines, page.shapes, page.core, url, headline_model or "headline")
    if title_i is not None:
        art.title = lines[title_i]
        art.sources["title"] = {"from": "text", "raw": lines[title_i]}
        art.confidence["title"] = 0.7
        drop.add(title_i)

    site = _find_site_name(page, url, title_i)
    if site is not None:
        site_i, name = site
        art.site_name = name
        art.sources["site_name"] = {"from": "text", "raw": lines[site_i]}
        art.confidence["site_name"] = 0.8 if url else 0.5
        drop.add(site_i)

    top = title_i if title_i is not None else page.core[0]
    ref = as_reference(fetched) if fetched is not None else None
    dates = _find_dates(page, top, ref, fetched is not None)
    for field_name, (i, dv, raw) in dates.items():
        setattr(art, field_name, dv.iso())
        art.sources[field_name] = {"from": "text", "raw": raw}
        art.confidence[field_name] = 0.6
        if page.shapes[i].n_words <= 12:
            drop.add(i)

    authors = _find_authors(page, top)
    if authors:
        i, names = authors
        art.authors = names
        art.sources["authors"] = {"from": "text", "raw": lines[i]}
        drop.add(i)

    # Captions with a credit, between the headline and the end of the story.
    end = max(page.core[1], top + 1)
    for i in range(max(0, top), min(n, end + 3)):
        m = CAPTION_RE.match(lines[i]) if page.shapes[i].caption else None
        if not m:
            continue
        caption = next((m[g] for g in ("cap1", "cap2", "cap3", "cap5") if m[g]), None)
        credit = next((m[g] for g in ("credit1", "credit2", "credit3", "credit4", "credit5") if m[g]), None)
        art.images.append(
            Image(url="", caption=(caption or "").strip() or None, credit=(credit or "").strip() or None)
        )
        drop.add(i)

    kept = [i for i in range(n) if page.probs[i] >= page.threshold and i not in drop]
    art.text = "\n\n".join(lines[i] for i in kept)
    art.markdown = _markdown(page, kept)
    art.quotes = find_quotes(art.text)
    return art


def _classify(lines: list[str], model_name: str) -> _Page:
    X, shapes, core = features(lines)
    forest = None if model_name == "rules" else linemodel.load(model_name)
    if model_name not in ("rules", _MODEL_NAME) and forest is None:
        raise InputError(f"no line model at {model_name}")
    if forest is not None and forest.feature_names == FEATURE_NAMES:
        probs = forest.predict(X)
        thr = forest.threshold
    else:
        probs, thr = _rule_probs(shapes, core), 0.5
    probs = np.asarray(probs, dtype=np.float64)
    probs[[i for i, s in enumerate(shapes) if s.cta]] = 0.0  # calls to action are never story
    return _Page(lines, shapes, probs, thr, core)


def _rule_probs(shapes: list[LineShape], core: tuple[int, int]) -> np.ndarray:
    """Without the model: the core's lines that are not widgets, and prose right next to it."""
    a, b = core
    out = np.zeros(len(shapes))
    for i, s in enumerate(shapes):
        if s.widget and s.n_words < 15:
            continue
        if a <= i < b or (s.prose and (a - 2 <= i < a or b <= i < b + 2)):
            out[i] = 1.0
    return out


def _first_story_line(page: _Page) -> int:
    """The first prose line kept as story (or the core's start when it comes earlier)."""
    for i, p in enumerate(page.probs):
        if p >= page.threshold and page.shapes[i].prose:
            return min(i, page.core[0]) if page.core[1] > page.core[0] else i
    return page.core[0]


# --- masthead ---------------------------------------------------------------------------------


def _domain_label(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    parts = host.split(".")
    if len(parts) < 2:
        return None
    # "news.example.co.uk" -> "example"; "chinatopix.com" -> "chinatopix"
    label = parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac") else parts[-2]
    return label or None


def _squash(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def site_case(name: str) -> str:
    """An all-capitals masthead in title case, short acronyms kept: "CHINA TOPIX" -> "China Topix"."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    out = []
    for w in name.split():
        core = "".join(c for c in w if c.isalpha())
        if len(core) <= 3 and core.lower() not in _SHORT_COMMON:
            out.append(w)  # an acronym: BBC, CNN, NPR
        else:
            out.append(w[:1] + w[1:].lower())
    return " ".join(out)


def _find_site_name(page: _Page, url: str | None, title_i: int | None) -> tuple[int, str] | None:
    n = len(page.lines)
    label = _domain_label(url)
    limit = title_i if title_i is not None else min(n, 10)
    if label and len(label) >= 3:
        # A short line that spells the domain: at the top, or in the footer.
        zone = list(range(min(n, max(limit, 1) + 1))) + list(range(max(0, n - 15), n))
        for i in zone:
            s = page.shapes[i]
            if s.n_words == 0 or s.n_words > 5 or i == title_i or s.widget and s.n_words > 3:
                continue
            if _squash(page.lines[i]) == label:
                return i, site_case(page.lines[i])
    # Otherwise the first line, when it looks like a name (short, no sentence, not a widget).
    if title_i is None or title_i == 0:
        return None
    first = page.shapes[0]
    if (
        1 <= first.n_words <= 4
        and not first.ends_sentence
        and not first.widget
        and not first.date
        and not first.clock
        and not first.bullet
        and (first.allcaps_ratio >= 0.99 or first.cap_ratio >= 0.99)
        and len(first.text) <= 40
    ):
        return 0, site_case(first.text)
    return None


# --- dates and bylines ------------------------------------------------------------------------


def _find_dates(
    page: _Page, top: int, ref: datetime | None, have_ref: bool
) -> dict[str, tuple[int, DateValue, str]]:
    """``published`` (and ``modified``) as the text states them.

    A date counts when it is labelled ("Published", "Posted", "Updated") or sits in a byline,
    or when it is a date line between the headline and the end of the story's first lines.
    Unlabelled dates above the headline, and unlabelled readings with seconds, are the
    page's clock. With a fetch time, an unlabelled date on the fetch day is also refused.
    """
    out: dict[str, tuple[int, DateValue, str]] = {}
    n = len(page.lines)
    first = _first_story_line(page)
    header = range(0, min(n, max(first, top) + 3))
    footer = range(max(0, page.core[1]), min(n, page.core[1] + 8))
    for i in list(header) + [j for j in footer if j not in header]:
        s = page.shapes[i]
        if not (s.date or s.clock or have_ref and _RELATIVE_HINT.search(page.lines[i])) or s.n_words > 40:
            continue
        line = page.lines[i]
        found = find_dates(line, ref=ref, limit=2) if (s.date or have_ref) else []
        if not found:
            continue
        prev_end = 0
        for dv, a, b in found:
            # The label nearest before the date decides: "Published ... | Updated ...".
            before = line[prev_end:a]
            prev_end = b
            pub = [m.end() for m in _DATE_LABEL.finditer(before)]
            upd = [m.end() for m in _UPDATE_LABEL.finditer(before)]
            updated = bool(upd) and (not pub or upd[-1] > pub[-1])
            labelled = bool(pub) and not updated or (not upd and bool(_BYLINE.match(line)))
            if ref is not None and is_future(dv, ref):
                continue
            if not labelled and not updated:
                if i < top and not _date_above_headline(page, i, top):
                    continue
                if i in footer and i >= first + 3:
                    continue
                if _SECONDS.search(line[a:b]) or s.n_words > 12:
                    continue  # a reading to the second is a clock, not a dateline
                if _words_around(line, a, b) > 4:
                    continue  # a date inside other text (a teaser, a ticker), not a dateline
                if ref is not None and dv.day == ref.date():
                    continue
            key = "modified" if updated else "published"
            if key not in out:
                out[key] = (i, dv, line)
    return out


_META_SEP = re.compile(r"\s+[|·•—–/-]\s+|\s*[|·•]\s*")


def _words_around(line: str, a: int, b: int) -> int:
    """Words next to a date within its part of a meta line ("Name · May 2, 2025 · 3 min read")."""
    lo = max((m.end() for m in _META_SEP.finditer(line, 0, a)), default=0)
    hi = next((m.start() for m in _META_SEP.finditer(line, b)), len(line))
    return len((line[lo:a] + " " + line[b:hi]).split())


def _date_above_headline(page: _Page, i: int, top: int) -> bool:
    """A date line just above the headline (a kicker or dateline), not the page's top bar.

    The top bar (first two lines) and anything with a widget or menu line between it and
    the headline belong to the page, not the story.
    """
    if i < 2 or top - i > 3:
        return False
    return not any(page.shapes[j].widget or page.shapes[j].separators >= 2 for j in range(i + 1, top))


def _find_authors(page: _Page, top: int) -> tuple[int, list[str]] | None:
    first = _first_story_line(page)
    for i in range(max(0, top), min(len(page.lines), first + 2)):
        s = page.shapes[i]
        if s.n_words > 14 or s.prose:
            continue
        m = _BYLINE.match(page.lines[i])
        if not m:
            continue
        names = re.split(r"\s*(?:,|\band\b|&)\s*", m["names"])
        names = [nm.strip(" .") for nm in names if nm.strip(" .") and nm[:1].isupper()]
        if names:
            return i, names
    return None


# --- markdown ---------------------------------------------------------------------------------


def _markdown(page: _Page, kept: list[int]) -> str:
    parts = []
    for i in kept:
        s = page.shapes[i]
        line = page.lines[i]
        nxt = page.shapes[i + 1] if i + 1 < len(page.shapes) else None
        if (
            not s.ends_sentence
            and 1 <= s.n_words <= 15
            and not s.bullet
            and nxt is not None
            and nxt.prose
            and not WIDGET_RE.search(line)
        ):
            parts.append("## " + line)
        elif s.bullet:
            parts.append("- " + re.sub(r"^[-*•·▪►–—]\s*", "", line))
        else:
            parts.append(line)
    return "\n\n".join(parts)
