"""Size and time limits hold in the Python API itself."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.errors import LimitExceeded

PAGE = "<html><body><article><h1>T</h1>" + "<p>A sentence of the story, long enough to count.</p>" * 50 + "</article></body></html>"


def test_size_limit_raises_limit_exceeded() -> None:
    with pytest.raises(LimitExceeded, match="too-large"):
        newsmill.extract(PAGE, max_bytes=100)


def test_time_limit_raises_limit_exceeded() -> None:
    # Thousands of nested sections take far longer than a millisecond to walk.
    deep = "<div>" * 3000 + "<p>x</p>" * 3000 + "</div>" * 3000
    with pytest.raises(LimitExceeded, match="timeout"):
        newsmill.extract(f"<html><body>{deep}</body></html>", timeout=0.001)


def test_within_limits_the_result_is_unchanged() -> None:
    assert newsmill.extract(PAGE, max_bytes=10**7, timeout=30).text == newsmill.extract(PAGE).text
