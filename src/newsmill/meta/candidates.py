"""Scored candidates: a value, where it was read from, the raw string, and a confidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_NON_WORD = re.compile(r"[\W_]+")


# Titles, names and headings are compared with many candidates: about 60 keys a page, a
# quarter of them distinct (bounded: a key may be a long heading).
@lru_cache(maxsize=1024)
def norm_key(s: str | None) -> str:
    """Compare titles and names ignoring case, punctuation and spacing."""
    return _NON_WORD.sub("", s.lower()) if s else ""


@dataclass(slots=True)
class Pick:
    """The chosen value of one field."""

    value: Any
    source: str  # json-ld | meta | microdata | dom | url | text | title
    raw: str
    confidence: float

    def record(self, out: dict[str, Any], name: str) -> None:
        out[name] = self.value
        out["sources"][name] = {"from": self.source, "raw": self.raw[:500]}
        out["confidence"][name] = round(max(0.0, min(1.0, self.confidence)), 3)
