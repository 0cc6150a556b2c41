"""Scored candidates: a value, where it was read from, the raw string, and a confidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_NON_WORD = re.compile(r"[\W_]+")


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
