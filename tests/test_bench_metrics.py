"""The benchmark's scoring functions on tiny hand-made strings."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ lives at the repo root, outside the installed package
    sys.path.insert(0, str(ROOT))

from bench.dataset import Page, _allocate, normalize_id, stratified_sample  # noqa: E402
from bench.metrics import (  # noqa: E402
    author_match,
    date_match,
    fix_mojibake,
    normalize_snippet,
    parse_day,
    score_page,
    snippet_hits,
    split_authors,
    title_match,
    tokens,
    word_f1,
    word_prf,
)

# --- word-bag F1 ------------------------------------------------------------------------------


def test_tokens_are_lowercased_word_characters() -> None:
    assert tokens("Hello, WORLD! it's 2025_x") == ["hello", "world", "it", "s", "2025_x"]
    assert tokens(None) == []


def test_identical_text_scores_one() -> None:
    assert word_f1("The cat sat.", "the CAT sat") == 1.0


def test_both_empty_is_perfect_and_one_empty_is_zero() -> None:
    assert word_f1("", "") == 1.0
    assert word_f1("  ...  ", None) == 1.0  # no tokens on either side
    assert word_f1("", "some text") == 0.0
    assert word_f1("some text", "") == 0.0
    assert word_prf("", "some text").recall == 0.0


def test_precision_recall_use_multiset_overlap() -> None:
    # predicted: a a a b (4 tokens); reference: a b c d (4 tokens); overlap = a + b = 2
    prf = word_prf("a a a b", "a b c d")
    assert prf.precision == pytest.approx(2 / 4)
    assert prf.recall == pytest.approx(2 / 4)
    assert prf.f1 == pytest.approx(0.5)


def test_asymmetric_precision_and_recall() -> None:
    # predicted is a subset: full precision, partial recall
    prf = word_prf("one two", "one two three four five six")
    assert prf.precision == 1.0
    assert prf.recall == pytest.approx(2 / 6)
    assert prf.f1 == pytest.approx(2 * 1.0 * (1 / 3) / (1 + 1 / 3))


def test_no_overlap_is_zero() -> None:
    assert word_prf("alpha beta", "gamma delta") == word_prf("", "x")


# --- snippets ---------------------------------------------------------------------------------


def test_normalize_snippet_quotes_dashes_space_case() -> None:
    assert normalize_snippet("  Don\u2019t \u201cStop\u201d\u2014now\n\tplease ") == "don't \"stop\"-now please"
    assert normalize_snippet("soft\u00adhyphen and\u00a0nbsp\u200b") == "softhyphen and nbsp"
    assert normalize_snippet(None) == ""


def test_mojibake_is_repaired_on_both_sides() -> None:
    assert fix_mojibake("you\u00e2\u0080\u0099re") == "you\u2019re"  # UTF-8 read as Latin-1
    assert fix_mojibake("you\u00e2\u20ac\u2122re") == "you\u2019re"  # UTF-8 read as cp1252
    assert fix_mojibake("Gr\u00e2ce \u00e0 vous") == "Gr\u00e2ce \u00e0 vous"  # real accents stay
    assert snippet_hits("If you\u2019re building", ["If you\u00e2\u0080\u0099re building"]) == (1, 1)


def test_snippet_hits_counts_found_and_skips_empty() -> None:
    text = "The mayor said \u201cyes\u201d. Budget grew \u2013 a lot.\nSubscribe now"
    found, total = snippet_hits(text, ['the mayor said "yes"', "budget grew - a lot", "not here", "  "])
    assert (found, total) == (2, 3)
    assert snippet_hits("", ["anything"]) == (0, 1)
    assert snippet_hits("text", None) == (0, 0)


def test_snippet_is_substring_across_line_breaks() -> None:
    assert snippet_hits("first line\n\nsecond   line", ["line second line"]) == (1, 1)


# --- title ------------------------------------------------------------------------------------


def test_title_ignores_case_punctuation_and_spacing() -> None:
    assert title_match("Top 10 Tips: Fall 2025!", "top 10 tips   fall 2025")
    assert title_match("E-mail vs. Post", "Email vs Post")
    assert not title_match("Top 10 Tips", "Top 10 Tips | Site Name")
    assert not title_match("Top 10 Tips", None)
    assert not title_match("", "")  # nothing to match against


# --- author -----------------------------------------------------------------------------------


def test_author_containment_either_way() -> None:
    assert author_match("Andrew King", ["By Andrew King"])
    assert author_match("Andrew King", ["andrew  king"])
    assert author_match("Andrew King", "Andrew")  # extracted name inside the truth
    assert author_match("q_admin", ["Q Admin"])  # underscore is punctuation
    assert not author_match("Andrew King", ["Kingsley Amis"])  # whole words only
    assert not author_match("Andrew King", [])
    assert not author_match("Andrew King", ["", "  "])


def test_author_several_names_any_one_counts() -> None:
    truth = "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"
    assert author_match(truth, ["Natalie Nguyen"])
    assert author_match(truth, ["Someone Else", "Donna Enzmann"])
    assert not author_match(truth, ["Natalie Portman"])
    assert author_match("Kaufman, Jeff T.", ["Jeff T. Kaufman"])  # "Last, First" form


def test_author_credentials_are_not_names() -> None:
    parts = split_authors("Dylan Bailey, MS, RD, FAND")
    assert "Dylan Bailey" in parts
    assert not {"MS", "RD", "FAND"} & set(parts)
    assert not author_match("Dylan Bailey, MS, RD", ["MS"])
    assert author_match("Dylan Bailey, MS, RD", ["Dylan Bailey"])
    assert split_authors(None) == [] and split_authors("  ") == []


# --- date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2025-09-04",
        "2025-09-04T23:30:00-05:00",  # the day as written, not converted to UTC
        "2025/9/4",
        "20250904",
        "04.09.2025",
        "Thu, 04 Sep 2025 10:00:00 GMT",
        "September 4, 2025",
        "Sep. 4th 2025",
        "4 September 2025",
        "Published on 4th of September, 2025",
        dt.date(2025, 9, 4),
        dt.datetime(2025, 9, 4, 8, 0),
    ],
)
def test_parse_day_formats(value: object) -> None:
    assert parse_day(value) == (2025, 9, 4)


def test_parse_day_rejects_junk() -> None:
    for value in (None, "", "yesterday", "2025-13-45", "Smarch 4, 2025", True):
        assert parse_day(value) is None
    assert parse_day("2015-11") == (2015, 11, None)


def test_date_match_same_calendar_day() -> None:
    assert date_match("2025-09-04", "2025-09-04T01:02:03Z")
    assert date_match("2025-09-04", "September 4, 2025")
    assert not date_match("2025-09-04", "2025-09-05")
    assert not date_match("2025-09-04", None)
    assert not date_match("2025-09-04", "not a date")


def test_date_match_month_only_truth() -> None:
    assert date_match("2015-11", "2015-11-20")
    assert not date_match("2015-11", "2015-12-01")


# --- one page ---------------------------------------------------------------------------------


def test_score_page_skips_fields_the_truth_lacks() -> None:
    truth = {
        "main_content": "Ferry service doubles from March.",
        "title": "Ferry service doubles",
        "author": None,
        "publish_date": "2024-03-01",
        "with": ["ferry service doubles"],
        "without": ["subscribe now"],
    }
    s = score_page(truth, "Ferry service doubles from March. Subscribe now!", "Ferry Service Doubles", [], "2024-03-02")
    assert s["recall"] == 1.0 and s["precision"] < 1.0
    assert (s["with_found"], s["with_total"]) == (1, 1)
    assert (s["without_leaked"], s["without_total"]) == (1, 1)
    assert s["title"] is True
    assert s["author"] is None  # not judged: no ground truth
    assert s["date"] is False
    # Pages without the field judge whether one was given anyway.
    assert s["author_spurious"] is False and s["date_spurious"] is None
    given = score_page(truth, "Ferry service doubles.", None, ["Desk Editor"], "2024-03-01")
    assert given["author_spurious"] is True


def test_aggregate_counts_values_given_where_the_truth_has_none() -> None:
    from bench.report import aggregate

    truth = {"main_content": "Ferry service doubles.", "author": None, "publish_date": None}
    rows = [score_page(truth, "Ferry service doubles.", None, [], "2024-03-01"),
            score_page(truth, "Ferry service doubles.", None, [], None),
            score_page({**truth, "publish_date": "2024-03-01"}, "x", None, [], "2024-03-01")]
    agg = aggregate(rows)
    assert (agg["date_spurious_n"], agg["date_spurious"]) == (2, 0.5)
    assert (agg["author_spurious_n"], agg["author_spurious"]) == (3, 0.0)


# --- sampling ---------------------------------------------------------------------------------


def test_allocation_is_proportional_with_a_floor() -> None:
    sizes = {"a": 80, "b": 10, "c": 10}
    assert _allocate(sizes, 10, 0) == {"a": 8, "b": 1, "c": 1}
    alloc = _allocate(sizes, 10, 3)
    assert alloc == {"a": 4, "b": 3, "c": 3}
    assert sum(_allocate({"a": 5, "b": 2}, 6, 3).values()) == 6


def test_stratified_sample_is_deterministic_and_stratified() -> None:
    pages = {f"{i:04d}": Page(f"{i:04d}", None, "x" if i % 4 else "y", {}) for i in range(1, 101)}
    one = stratified_sample(pages, 20, seed=7)
    assert one == stratified_sample(pages, 20, seed=7)
    assert one != stratified_sample(pages, 20, seed=8)
    assert len(one) == 20 and len(set(one)) == 20
    assert sum(pages[i].page_type == "y" for i in one) == 5  # 25 of 100 pages are "y"


def test_normalize_id() -> None:
    assert normalize_id("7") == "0007"
    assert normalize_id(" 0123.json ") == "0123"
    assert normalize_id("html/0042.html.gz") == "0042"


def test_speed_by_size_cuts_pages_into_fifths_and_gives_each_ratio() -> None:
    from bench.report import speed_by_size

    pages = {}
    for i in range(10):
        # Small pages: the first tool takes 2 ms, the peer 4; large ones: 10 against 80.
        small = i < 4
        pages[f"{i:04d}"] = {
            "html_bytes": (i + 1) * 10_000,
            "newsmill": {"cpu_seconds": 0.002 if small else 0.010},
            "trafilatura": {"cpu_seconds": 0.004 if small else 0.080},
        }
    rows = speed_by_size({"tools": {"newsmill": {}, "trafilatura": {}}, "pages": pages})
    assert len(rows) == 6
    assert rows[1].split()[0] == "10-20" and rows[1].rstrip().endswith("2.00x")
    assert rows[5].split()[0] == "90-100" and rows[5].rstrip().endswith("8.00x")
    # One tool alone has nothing to compare.
    assert speed_by_size({"tools": {"newsmill": {}}, "pages": pages}) == []
