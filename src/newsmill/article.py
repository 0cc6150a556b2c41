"""The one record every output format is rendered from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import orjson


@dataclass(slots=True)
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    reported_by: str | None
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """A clean, structured article.

    ``sources`` maps a metadata field to ``{"from": <json-ld|meta|microdata|dom|url|text>,
    "raw": <the string the value was read from>}``; ``confidence`` maps a field to 0..1.
    """

    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    description: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    images: list[Image] = field(default_factory=list)
    page_type: str | None = None
    page_type_confidence: float | None = None
    text: str = ""
    markdown: str = ""
    quotes: list[Quote] = field(default_factory=list)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, *, indent: bool = False) -> str:
        opt = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(self.to_dict(), option=opt).decode()

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.title
