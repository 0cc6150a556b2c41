"""The output row: its columns, in order, and the explicit Parquet (Arrow) schema.

A row is ``id, source, url, fetched, status, reason``, then the fields of
:class:`newsmill.Article` (its ``url`` is the row's), then ``cluster_id`` and ``duplicate_of``
(set by dedup, else null). Nested values keep proper types: ``images`` and ``quotes`` are lists
of structs, ``sources`` a map of field to ``{from, raw}``, ``confidence`` a map of field to
float. The JSONL rows have the same keys in the same order.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..article import Article

STATUSES = ("ok", "error", "skipped")
RECORD_COLUMNS = ("id", "source", "url", "fetched", "status", "reason")
DEDUP_COLUMNS = ("cluster_id", "duplicate_of")
ARTICLE_COLUMNS = tuple(f.name for f in dataclasses.fields(Article) if f.name != "url")
COLUMNS = RECORD_COLUMNS + ARTICLE_COLUMNS + DEDUP_COLUMNS


def arrow_schema() -> Any:
    """The Parquet schema of a row; pyarrow is imported only when asked for."""
    import pyarrow as pa

    s = pa.string()
    image = pa.struct([("url", s), ("caption", s), ("credit", s), ("alt", s)])
    quote = pa.struct(
        [("text", s), ("speaker", s), ("reported_by", s), ("start", pa.int32()), ("end", pa.int32())]
    )
    source = pa.struct([("from", s), ("raw", s)])
    types = {
        "authors": pa.list_(s),
        "tags": pa.list_(s),
        "images": pa.list_(image),
        "quotes": pa.list_(quote),
        "page_type_confidence": pa.float64(),
        "sources": pa.map_(s, source),
        "confidence": pa.map_(s, pa.float64()),
    }
    nullable = {"id", "source", "status"}
    return pa.schema(
        [pa.field(c, types.get(c, s), nullable=c not in nullable) for c in COLUMNS],
        metadata={"newsmill.schema": "1"},
    )


def empty_row() -> dict[str, Any]:
    """A row with every column at its empty value (an Article with nothing in it)."""
    art = Article().to_dict()
    row: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
    row.update((k, art[k]) for k in ARTICLE_COLUMNS)
    row.update(dict.fromkeys(DEDUP_COLUMNS))
    return row
