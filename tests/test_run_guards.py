"""Per-page limits that hold inside the Python API: size and time."""

from __future__ import annotations

import signal
import time

import pytest

from newsmill.corpus.guards import extract_guarded, time_limit
from newsmill.corpus.records import Record, process_record
from newsmill.errors import LimitExceeded

PAGE = b"<html><body><article><h1>Title</h1>" + b"<p>Some words of a story here.</p>" * 3000 + b"</article></body></html>"


def test_size_limit() -> None:
    with pytest.raises(LimitExceeded, match="too-large"):
        extract_guarded(PAGE, max_bytes=1000)
    assert extract_guarded(PAGE[:2000] + b"</body></html>", max_bytes=None).title is not None


def test_time_limit_interrupts_python_code() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(LimitExceeded, match="timeout"):
        with time_limit(0.05):
            time.sleep(5)
    # Afterwards no alarm is left armed and the old handler is back.
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_time_limit_in_extraction_becomes_an_error_row() -> None:
    # A page that takes far longer than a millisecond: the limit fires inside the pipeline.
    row = process_record(Record(id="p", source="p", body=PAGE), timeout_s=0.001)
    assert row["status"] == "error" and row["reason"].startswith("timeout")
    # The same page without the limit is fine: nothing was left broken by the interruption.
    assert process_record(Record(id="p", source="p", body=PAGE), timeout_s=None)["status"] == "ok"


def test_an_outer_limit_that_is_due_first_is_kept() -> None:
    with pytest.raises(LimitExceeded, match="over 0.05 s"):
        with time_limit(0.05):
            with time_limit(10):
                time.sleep(5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_outer_limit_is_rearmed_after_an_inner_one() -> None:
    with pytest.raises(LimitExceeded, match="over 0.2 s"):
        with time_limit(0.2):
            with time_limit(0.1):
                pass
            time.sleep(5)


def test_extraction_failure_is_an_error_row_not_an_exception() -> None:
    row = process_record(Record(id="p", source="p", body=None))
    assert row["status"] == "error"
    row = process_record(Record(id="p", source="p", status="skipped", reason="not-html: image/png"))
    assert row["status"] == "skipped" and row["text"] == "" and row["authors"] == []


RELATIVE = (
    b"<html><body><article><h1>Harbour seals return to the estuary</h1><p>Posted 3 days ago</p>"
    + b"<p>Seals have been seen in the estuary for the first time since the 1970s, volunteers said.</p>" * 4
    + b"</article></body></html>"
)


def test_relative_dates_count_back_from_the_records_fetch_time() -> None:
    row = process_record(Record(id="p", source="p", fetched="2019-05-01T10:00:00Z", body=RELATIVE))
    assert row["status"] == "ok" and row["published"] == "2019-04-28"
    # Without a fetch time "3 days ago" names no day: no date rather than one counted from today.
    assert process_record(Record(id="p", source="p", body=RELATIVE))["published"] is None
    assert process_record(Record(id="p", source="p", fetched="not a date", body=RELATIVE))["published"] is None
