"""One input record and the one output row made from it.

``process_record`` is the whole per-record step (guards, extraction, row); it is a plain
function of picklable values, so it serves as a map function in Spark, Ray or Dask as well as
in the local engine's worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import LimitExceeded
from .guards import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, extract_guarded
from .schema import ARTICLE_COLUMNS, empty_row

_REASON_MAX = 300


@dataclass(slots=True)
class Record:
    """A record on its way to a row.

    ``body`` is the page to extract; when ``status`` is already set (a record skipped or broken
    while reading) there is nothing to extract and ``body`` is None. ``unit``, ``offset`` and
    ``end`` place the record in its input (``end`` is where the next record starts) for the
    resume manifest.
    """

    id: str
    source: str
    url: str | None = None
    fetched: str | None = None
    body: bytes | None = None
    charset: str | None = None
    status: str | None = None
    reason: str | None = None
    unit: str = ""
    offset: int = 0
    end: int = 0

    @property
    def decided(self) -> bool:
        return self.status is not None


def reason_code(reason: str | None) -> str:
    """The category of a reason: the part before the first ``:`` (``timeout: over 5 s``)."""
    if not reason:
        return "unknown"
    return reason.split(":", 1)[0].strip() or "unknown"


def _row(rec: Record, status: str, reason: str | None) -> dict[str, Any]:
    row = empty_row()
    row.update(
        id=rec.id,
        source=rec.source,
        url=rec.url,
        fetched=rec.fetched,
        status=status,
        reason=reason[:_REASON_MAX] if reason else reason,
    )
    return row


def fetch_time(value: str | None) -> datetime | None:
    """A record's fetch time (WARC-Date, ``2024-03-01T12:34:56Z``) as an aware datetime; None
    when it is missing or unreadable."""
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def process_record(
    rec: Record,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    **extract_kwargs: Any,
) -> dict[str, Any]:
    """Turn one record into its output row; never raises for a bad page.

    A page over a limit, or one the extractor fails on, becomes an ``error`` row whose
    ``reason`` says why; the caller goes on with the next record.
    """
    if rec.decided:
        return _row(rec, rec.status or "error", rec.reason)
    if rec.body is None:
        return _row(rec, "error", "no-body: nothing to extract")
    if "reference_time" not in extract_kwargs:
        # The capture's date: "3 hours ago" on a page crawled years ago counts back from it.
        extract_kwargs["reference_time"] = fetch_time(rec.fetched)
    try:
        art = extract_guarded(
            rec.body,
            rec.url,
            charset=rec.charset,
            max_bytes=max_bytes,
            timeout_s=timeout_s,
            **extract_kwargs,
        )
    except LimitExceeded as e:
        return _row(rec, "error", str(e))
    except MemoryError:
        return _row(rec, "error", "memory: out of memory while extracting")
    except RecursionError:
        return _row(rec, "error", "extract-failed: RecursionError")
    except Exception as e:  # a bug in newsmill on this page: record it, go on with the rest
        return _row(rec, "error", f"extract-failed: {type(e).__name__}: {e}")
    row = _row(rec, "ok", None)
    art_d = art.to_dict()
    row.update((k, art_d[k]) for k in ARTICLE_COLUMNS)
    return row
