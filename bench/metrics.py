"""Scoring one extraction against WCXB ground truth: word-bag F1, snippets, metadata.

Everything here is pure and small so tests can import it (``from bench.metrics import word_f1``).
The choices that the data's README leaves open are documented in bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.utils import parsedate
from typing import Any

_TOKEN_RE = re.compile(r"\w+")
_NAME_TOKEN_RE = re.compile(r"[^\W_]+")  # \w without the underscore: "q_admin" is "q admin"
_SPACE_RE = re.compile(r"\s+")


# --- word-bag F1 ------------------------------------------------------------------------------


def tokens(text: str | None) -> list[str]:
    """Lower-cased ``\\w+`` tokens, the benchmark's unit of text."""
    return _TOKEN_RE.findall(text.lower()) if text else []


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def word_prf(predicted: str | None, reference: str | None) -> PRF:
    """Precision, recall and F1 of the predicted word bag against the reference word bag.

    Overlap is the multiset intersection. Both empty is a perfect 1.0; exactly one empty is 0
    for all three (an empty prediction has no precision to speak of, and vice versa).
    """
    pred, ref = Counter(tokens(predicted)), Counter(tokens(reference))
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_pred == 0 and n_ref == 0:
        return PRF(1.0, 1.0, 1.0)
    if n_pred == 0 or n_ref == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    if overlap == 0:
        return PRF(0.0, 0.0, 0.0)
    p, r = overlap / n_pred, overlap / n_ref
    return PRF(p, r, 2 * p * r / (p + r))


def word_f1(predicted: str | None, reference: str | None) -> float:
    return word_prf(predicted, reference).f1


# --- snippets ---------------------------------------------------------------------------------

# Typographic quotes, primes and dashes -> ASCII, so "don’t" matches "don't".
_PUNCT_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d", "-"),
    }
)

# UTF-8 read as Latin-1/cp1252 ("youâ\x80\x99re", "youâ€™re"): some pages carry it in their
# bytes and the ground truth copied it; repairing both sides makes the match encoding-blind.
_CP1252_BYTE = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass
_MOJIBAKE_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf" + "".join(re.escape(c) for c in _CP1252_BYTE) + "]{1,3}"
)


def _unmojibake_match(m: re.Match[str]) -> str:
    raw = bytearray()
    for ch in m.group():
        code = ord(ch)
        raw.append(code if code < 0x100 else _CP1252_BYTE[ch])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()


def fix_mojibake(text: str) -> str:
    return _MOJIBAKE_RE.sub(_unmojibake_match, text)


def normalize_snippet(text: str | None) -> str:
    """Text as compared for snippets: mojibake repaired, NFKC, ASCII quotes/dashes, invisible
    format characters (soft hyphen, zero-width, direction marks) dropped, case-folded,
    whitespace collapsed to single spaces."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", fix_mojibake(text)).translate(_PUNCT_MAP)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    return _SPACE_RE.sub(" ", s.casefold()).strip()


def snippet_hits(text: str | None, snippets: Iterable[str] | None) -> tuple[int, int]:
    """(snippets found in text, snippets counted); empty snippets are not counted."""
    hay = normalize_snippet(text)
    found = total = 0
    for snip in snippets or ():
        needle = normalize_snippet(snip)
        if not needle:
            continue
        total += 1
        found += needle in hay
    return found, total


# --- metadata ---------------------------------------------------------------------------------


def normalize_title(text: str | None) -> str:
    """Case, punctuation and spacing ignored: only letters and digits remain (after NFKC)."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", fix_mojibake(text)).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def title_match(truth: str | None, predicted: str | None) -> bool:
    t = normalize_title(truth)
    return bool(t) and t == normalize_title(predicted)


def _name_tokens(text: str) -> list[str]:
    s = unicodedata.normalize("NFKC", fix_mojibake(text)).casefold()
    return _NAME_TOKEN_RE.findall(s)


_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:[,;|&/·•]|\band\b)\s*", re.IGNORECASE)
# Parts of a byline that are titles or credentials, not names ("Jane Doe, MD, RD").
_CREDENTIALS = frozenset(
    "md ms rd phd ph d dr mr mrs jr sr ii iii iv mba cpa cfa cfp msc bsc ma ba rn np do dds "
    "esq lcsw lpc edd facp facs faclm fand".split()
)


_NOT_NAMES = _CREDENTIALS | {"by", "and", "the", "of", "written", "posted", "author"}


def split_authors(truth: str | None) -> list[str]:
    """The ground truth's author string as a list of names to look for.

    The whole string counts as one name, and so does each part between ``, ; | & / and``.
    Parts that are only credentials ("MD", "Ph.D.", "RD") or a lone upper-case acronym of
    up to 5 letters are dropped, so they cannot match by accident.
    """
    if not truth or not truth.strip():
        return []
    names = [truth.strip()]
    for part in _AUTHOR_SPLIT_RE.split(truth):
        part = part.strip(" .-")
        toks = _name_tokens(part)
        if not toks or part == names[0]:
            continue
        if all(t in _CREDENTIALS for t in toks):
            continue
        if len(toks) == 1 and part.isupper() and len(part) <= 5:
            continue
        names.append(part)
    return names


def _contains(hay: list[str], needle: list[str]) -> bool:
    """needle is a contiguous run of whole tokens of hay."""
    return f" {' '.join(needle)} " in f" {' '.join(hay)} "


def author_match(truth: str | None, predicted: Sequence[str] | str | None) -> bool:
    """Hit when any ground-truth name and any extracted author contain one another (compared
    as whole-word token runs, so case, punctuation and spacing are ignored). Extracted authors
    made only of credentials or filler words are ignored."""
    predicted = _as_list(predicted)
    # An extracted "author" that is only credentials or filler ("MD", "By") names nobody.
    preds = [
        toks
        for a in predicted or ()
        if a and (toks := _name_tokens(a)) and not all(t in _NOT_NAMES for t in toks)
    ]
    for name in split_authors(truth):
        want = _name_tokens(name)
        if want and any(_contains(p, want) or _contains(want, p) for p in preds):
            return True
    return False


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january", "janvier", "januar", "enero"),
            ("feb", "february", "février", "fevrier", "februar", "febrero"),
            ("mar", "march", "mars", "märz", "marzo"),
            ("apr", "april", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juin", "juni", "junio"),
            ("jul", "july", "juillet", "juli", "julio"),
            ("aug", "august", "août", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "octobre", "oktober", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "décembre", "decembre", "dezember", "diciembre"),
        ]
    )
    for m in names
}
_ISO_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_DMY_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_EPOCH_RE = re.compile(r"^\s*(\d{10})(?:\.\d+)?\s*$")
_WORD_DATE_RES = (
    # "September 4, 2025", "Sep. 4th 2025", "Thursday, September 4, 2025"
    re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"),
    # "4 September 2025", "4th Sep, 2025", "4. September 2025"
    re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([^\W\d_]+)\.?,?\s+(\d{4})"),
)

Day = tuple[int, int, int | None]  # (year, month, day or None when only the month is known)


def _valid(y: int, m: int, d: int | None) -> Day | None:
    try:
        dt.date(y, m, d or 1)
    except ValueError:
        return None
    return (y, m, d)


def parse_day(value: Any) -> Day | None:
    """The calendar day a date value names, in its own time zone (no conversion to UTC).

    Understands ISO 8601 (``2025-09-04``, ``2025-09-04T23:10:00-05:00``, ``2025/9/4``,
    ``20250904``, month-only ``2025-09``), ``04.09.2025``, RFC 2822, ``September 4, 2025``,
    ``4 September 2025``, 10-digit Unix timestamps, and date/datetime objects.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    if m := _ISO_RE.match(s):
        return _valid(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _COMPACT_RE.match(s):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_RE.match(s):
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    if m := _EPOCH_RE.match(s):
        d = dt.datetime.fromtimestamp(int(m[1]), tz=dt.UTC)
        return (d.year, d.month, d.day)
    if (t := parsedate(s)) is not None and t[0] > 0:
        return _valid(t[0], t[1], t[2])
    low = s.casefold()
    mdy, dmy = _WORD_DATE_RES
    if (m := mdy.search(low)) and m[1] in _MONTHS:
        return _valid(int(m[3]), _MONTHS[m[1]], int(m[2]))
    if (m := dmy.search(low)) and m[2] in _MONTHS:
        return _valid(int(m[3]), _MONTHS[m[2]], int(m[1]))
    return None


def date_match(truth: Any, predicted: Any) -> bool:
    """Same calendar day; when the ground truth gives only a month, same month."""
    t, p = parse_day(truth), parse_day(predicted)
    if t is None or p is None:
        return False
    if t[2] is None:
        return t[:2] == p[:2]
    return t == p


# --- one page ---------------------------------------------------------------------------------


def _has(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def score_page(
    truth: dict[str, Any],
    text: str | None,
    title: str | None = None,
    authors: Sequence[str] | str | None = None,
    published: Any = None,
) -> dict[str, Any]:
    """All figures for one page. ``truth`` is the ``ground_truth`` object of a WCXB page.

    Metadata fields are None when the ground truth lacks them (the page does not count).
    ``author_spurious`` / ``date_spurious`` judge the other pages: True when the ground truth
    has no author (date) and one was given anyway, False when none was, None when it has one.
    """
    prf = word_prf(text, truth.get("main_content"))
    w_found, w_total = snippet_hits(text, truth.get("with"))
    wo_found, wo_total = snippet_hits(text, truth.get("without"))
    gt_title, gt_author, gt_date = truth.get("title"), truth.get("author"), truth.get("publish_date")
    return {
        "f1": prf.f1,
        "precision": prf.precision,
        "recall": prf.recall,
        "with_found": w_found,
        "with_total": w_total,
        "without_leaked": wo_found,
        "without_total": wo_total,
        "title": title_match(gt_title, title) if _has(gt_title) else None,
        "author": author_match(gt_author, authors) if _has(gt_author) else None,
        "date": date_match(gt_date, published) if _has(gt_date) else None,
        "author_spurious": None if _has(gt_author) else any(_has(a) for a in _as_list(authors)),
        "date_spurious": None if _has(gt_date) else _has(published),
    }


def _as_list(value: Sequence[str] | str | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ())
