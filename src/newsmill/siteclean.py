"""Site-level cleaning of flattened pages: lines that repeat across a site's pages go.

Navigation, footers, widgets and "related stories" teasers are written once per site and
appear on every page; a story's paragraphs appear on one. As CCNet does for paragraphs of
Common Crawl shards, each line is normalized (case, digits, punctuation and spacing ignored)
and hashed, the hashes are counted once per page, and a line whose hash is found on at
least ``min_pages`` pages of the site (and on at least ``min_share`` of them) is removed.

    cleaner = LineCounter()
    for text in pages.values():
        cleaner.add(text)
    clean = {k: cleaner.clean(v) for k, v in pages.items()}

or in one call, ``clean_site(pages)``.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from .errors import InputError

_NON_WORD = re.compile(r"[^\w\s]+")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def normalize_line(line: str) -> str:
    """What two copies of a boilerplate line share: "Posted 3 hours ago" ~ "posted 0 hours ago"."""
    s = unicodedata.normalize("NFKC", line).casefold()
    s = _DIGITS.sub("0", s)
    s = _NON_WORD.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def line_hash(line: str) -> bytes | None:
    """An 8-byte hash of the normalized line; None for a line with nothing left in it."""
    norm = normalize_line(line)
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


class LineCounter:
    """Counts, for every normalized line, on how many of a site's pages it appears."""

    def __init__(self, *, min_pages: int = 2, min_share: float = 0.0) -> None:
        if min_pages < 2:
            raise InputError("min_pages must be at least 2: a line on one page is not repeated")
        if not 0.0 <= min_share <= 1.0:
            raise InputError("min_share must be between 0 and 1")
        self.min_pages = min_pages
        self.min_share = min_share
        self.pages = 0
        self.counts: Counter[bytes] = Counter()

    def add(self, text: str) -> None:
        """Count one page (a line repeated within the page counts once)."""
        if not isinstance(text, str):
            raise InputError(f"expected str, got {type(text).__name__}")
        self.pages += 1
        self.counts.update({h for h in map(line_hash, text.splitlines()) if h is not None})

    @property
    def threshold(self) -> int:
        return max(self.min_pages, math.ceil(self.min_share * self.pages))

    def is_repeated(self, line: str) -> bool:
        h = line_hash(line)
        return h is not None and self.counts[h] >= self.threshold

    def clean(self, text: str) -> str:
        """The page without its repeated lines (blank lines kept, runs of them collapsed)."""
        out: list[str] = []
        for line in text.splitlines():
            if self.is_repeated(line):
                continue
            if not line.strip() and (not out or not out[-1].strip()):
                continue
            out.append(line)
        while out and not out[-1].strip():
            out.pop()
        return "\n".join(out) + ("\n" if out else "")


def clean_site(
    pages: Mapping[str, str], *, min_pages: int = 2, min_share: float = 0.0
) -> dict[str, str]:
    """Every page of one site without the lines repeated across the site's pages.

    ``pages`` maps any key (a URL, a file name) to a page's flattened text.
    """
    counter = LineCounter(min_pages=min_pages, min_share=min_share)
    for text in pages.values():
        counter.add(text)
    return {key: counter.clean(text) for key, text in pages.items()}


def repeated_lines(pages: Iterable[str], *, min_pages: int = 2) -> list[str]:
    """The repeated lines themselves (first spelling seen), most widespread first."""
    counter = LineCounter(min_pages=min_pages)
    texts = list(pages)
    for t in texts:
        counter.add(t)
    seen: dict[bytes, str] = {}
    for t in texts:
        for line in t.splitlines():
            h = line_hash(line)
            if h is not None and h not in seen and counter.counts[h] >= counter.threshold:
                seen[h] = line.strip()
    return sorted(seen.values(), key=lambda s: -counter.counts[line_hash(s) or b""])
