"""The compact date parser, the byline splitter and the calibration scale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsmill.meta.authors import split_byline
from newsmill.meta.calibration import conservative
from newsmill.meta.dates import find_dates, is_future, parse_structured

REF = datetime(2024, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2014-11-24T05:47:00-05:00", "2014-11-24T05:47:00-05:00"),
        ("2014-11-24T05:47:00.000Z", "2014-11-24T05:47:00Z"),
        ("2025-12-19T10:00:00+0100", "2025-12-19T10:00:00+01:00"),
        ("Mon, 24 Nov 2014 05:47:00 +0000", "2014-11-24T05:47:00Z"),
        ("Nov. 24, 2014", "2014-11-24"),
        ("Nov 07, 2014 05:47 AM EST", "2014-11-07T05:47:00-05:00"),
        ("November 24th, 2014", "2014-11-24"),
        ("24 November 2014", "2014-11-24"),
        ("24.11.2014", "2014-11-24"),
        ("2014/11/24", "2014-11-24"),
        ("11/24/2014", "2014-11-24"),
        ("24 de noviembre de 2014", "2014-11-24"),
        ("1er novembre 2014", "2014-11-01"),
        ("24. März 2014", "2014-03-24"),
        ("20141124", "2014-11-24"),
        ("1416808020", "2014-11-24T05:47:00Z"),
        ("2023 Jan 7", "2023-01-07"),
    ],
)
def test_parse_structured(text: str, iso: str) -> None:
    dv = parse_structured(text)
    assert dv is not None and dv.iso() == iso


@pytest.mark.parametrize("text", ["November 2014", "© 2014", "2014-13-45", "31.02.2014", "1066-10-14", "12345"])
def test_not_dates(text: str) -> None:
    assert parse_structured(text) is None


def test_ambiguous_numeric_dates_follow_the_locale() -> None:
    assert find_dates("05/06/2014")[0][0].iso() == "2014-05-06"  # US: month first
    assert find_dates("05/06/2014", dmy_first=True)[0][0].iso() == "2014-06-05"


def test_relative_dates_need_a_reference() -> None:
    assert find_dates("3 hours ago") == []
    assert find_dates("3 hours ago", ref=REF)[0][0].iso() == "2024-11-22T09:00:00Z"
    assert find_dates("il y a 3 heures", ref=REF)[0][0].iso() == "2024-11-22T09:00:00Z"
    assert find_dates("vor 2 Tagen", ref=REF)[0][0].iso() == "2024-11-20"
    assert find_dates("yesterday at 5:30 pm", ref=REF)[0][0].day.isoformat() == "2024-11-21"
    assert find_dates("Call us today!", ref=REF) == []
    assert find_dates("2 months ago", ref=REF) == []  # no calendar day in that


def test_future_check_uses_the_zone_when_known() -> None:
    assert is_future(parse_structured("2024-11-22T14:00:00Z"), REF)  # type: ignore[arg-type]
    assert not is_future(parse_structured("2024-11-22T14:00:00+05:00"), REF)  # type: ignore[arg-type]
    assert not is_future(parse_structured("2024-11-22"), REF)  # type: ignore[arg-type]
    assert is_future(parse_structured("2024-11-24"), REF)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By John Smith and Jane Doe | Reuters", ["John Smith", "Jane Doe"]),
        ("By A. J. Neal, Kim Lee & Ben Ode", ["A. J. Neal", "Kim Lee", "Ben Ode"]),
        ("John Smith, Staff Writer", ["John Smith"]),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of the team", ["Niko Matsakis"]),
        ("Posted by BeauHD on Friday December 19, 2025 @08:00PM", ["BeauHD"]),
        ("Published August 7, 2023 by Nicole Burke", ["Nicole Burke"]),
        ("Par Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"]),
        ("Email the author", []),
        ("Follow", []),
        ("3 hours ago", []),
        ("Staff Writer", []),
        ("By Associated Press", []),
        # Wire style: the name in capitals, alone or before its affiliation.
        ("By JOHN SMITH", ["John Smith"]),
        ("By MICHAEL R. BLOOD, Associated Press Writer", ["Michael R. Blood"]),
        ("By JOHN SMITH Courier Staff Writer", ["John Smith"]),
        ("By JANE DOE and BOB LEE", ["Jane Doe", "Bob Lee"]),
        ("By CNN STAFF", []),
        ("https://twitter.com/jdoe", []),
        ("Jane Doe is a writer who covers health and lives in Ohio", []),
    ],
)
def test_split_byline(raw: str, names: list[str]) -> None:
    assert split_byline(raw) == names


def test_conservative_scale_is_monotone_and_strict_at_the_top() -> None:
    ps = [i / 100 for i in range(101)]
    cs = [conservative(p) for p in ps]
    assert cs == sorted(cs)
    assert conservative(0.95) < 0.9 <= conservative(0.97)
    assert conservative(0.6) == 0.6
