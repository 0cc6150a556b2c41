"""Corpus scale: WARC archives and directories in, committed parts of rows out, locally or on Spark.

For use as a map function elsewhere (Spark, Ray, Dask): ``extract_rows(path)`` yields the
rows of one file, ``iter_records(path)`` its records and ``process_record(record)`` the row
of one record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .guards import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, extract_guarded
from .inputs import Unit, expand_inputs, iter_unit
from .records import Record, process_record
from .runner import RunOptions, Summary, run
from .schema import COLUMNS, arrow_schema

__all__ = [
    "COLUMNS",
    "Record",
    "Unit",
    "RunOptions",
    "Summary",
    "arrow_schema",
    "expand_inputs",
    "extract_guarded",
    "extract_rows",
    "iter_unit",
    "iter_records",
    "process_record",
    "run",
]


def iter_records(
    path: str, *, name: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """The records of one input (a WARC file, local or remote, or a page file), in order."""
    units = expand_inputs([path])
    for u in units:
        if name is not None and len(units) == 1:
            u.name = name
        yield from iter_unit(u, max_bytes=max_bytes)


def extract_rows(
    path: str,
    *,
    name: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    **extract_kwargs: Any,
) -> Iterator[dict[str, Any]]:
    """One output row per record of ``path``, in order, extracting as it goes.

    ``name`` replaces ``path`` in ids and sources (e.g. the URL a file was downloaded from).
    """
    for rec in iter_records(path, name=name, max_bytes=max_bytes):
        yield process_record(rec, max_bytes=max_bytes, timeout_s=timeout_s, **extract_kwargs)
