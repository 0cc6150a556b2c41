"""Site-level cleaning: lines repeated across a site's pages are boilerplate."""

from __future__ import annotations

import pytest

from newsmill.cli import main
from newsmill.errors import InputError
from newsmill.siteclean import LineCounter, clean_site, normalize_line, repeated_lines

PAGE_A = """THE VALLEY POST
Home | Local | Sport | Weather
Bridge reopens after three months of repairs
The old stone bridge over the Wye reopened to traffic on Monday after three months of repairs.
Engineers replaced two of the arches and strengthened the deck.
Follow us on Twitter
Copyright 2024 Valley Post Media. All rights reserved.
"""
PAGE_B = """THE VALLEY POST
Home | Local | Sport | Weather
Council approves new budget
The council approved a budget of 41 million pounds on Tuesday night, after a four-hour debate.
Follow us on Twitter
Copyright 2025 Valley Post Media. All rights reserved.
"""
PAGE_C = """The Valley Post
HOME | LOCAL | SPORT | WEATHER
School wins national robotics prize
Pupils from Hillside School won the national robotics final in Leeds on Saturday.
Copyright 2025 Valley Post Media. All rights reserved.
"""


def test_normalize_line_ignores_case_digits_punctuation():
    assert normalize_line("Copyright 2024 Valley Post.") == normalize_line("COPYRIGHT 2025 valley post")
    assert normalize_line("  ,,, ") == ""


def test_clean_site_removes_repeated_lines_and_keeps_stories():
    out = clean_site({"a": PAGE_A, "b": PAGE_B, "c": PAGE_C})
    assert set(out) == {"a", "b", "c"}
    for text in out.values():
        assert "Valley Post" not in text and "VALLEY POST" not in text
        assert "Sport" not in text and "SPORT" not in text
        assert "Copyright" not in text
    assert "Follow us" not in out["a"] and "Follow us" not in out["b"]
    assert out["a"].splitlines() == [
        "Bridge reopens after three months of repairs",
        "The old stone bridge over the Wye reopened to traffic on Monday after three months of repairs.",
        "Engineers replaced two of the arches and strengthened the deck.",
    ]
    assert "Pupils from Hillside School" in out["c"]


def test_min_share_keeps_lines_on_few_pages():
    # "Follow us on Twitter" is on 2 of 3 pages: removed at share 0.5, kept at share 0.9.
    kept = clean_site({"a": PAGE_A, "b": PAGE_B, "c": PAGE_C}, min_share=0.9)
    assert "Follow us on Twitter" in kept["a"]
    assert "Copyright" not in kept["a"]  # on all three pages
    removed = clean_site({"a": PAGE_A, "b": PAGE_B, "c": PAGE_C}, min_share=0.5)
    assert "Follow us on Twitter" not in removed["a"]


def test_a_line_repeated_within_one_page_is_not_site_boilerplate():
    a = "Story one line.\nSame line twice.\nSame line twice.\n"
    b = "Story two line.\n"
    out = clean_site({"a": a, "b": b})
    assert out["a"].count("Same line twice.") == 2


def test_repeated_lines_lists_the_boilerplate():
    rep = repeated_lines([PAGE_A, PAGE_B, PAGE_C])
    assert rep[0] in ("THE VALLEY POST", "Home | Local | Sport | Weather",
                      "Copyright 2024 Valley Post Media. All rights reserved.")
    assert "Follow us on Twitter" in rep
    assert not any("bridge" in r.lower() for r in rep)


def test_bad_arguments_raise_input_error():
    with pytest.raises(InputError):
        LineCounter(min_pages=1)
    with pytest.raises(InputError):
        LineCounter(min_share=1.5)
    with pytest.raises(InputError):
        LineCounter().add(b"bytes")  # type: ignore[arg-type]


def test_cli_clean_text(tmp_path, capsys):
    src = tmp_path / "site"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(PAGE_B, encoding="utf-8")
    (src / "c.txt").write_text(PAGE_C, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean-text", str(src), "-o", str(out), "--extract"]) == 0
    cleaned = (out / "sub" / "b.txt").read_text(encoding="utf-8")
    assert cleaned.startswith("Council approves new budget")
    assert "Follow us" not in cleaned
    assert (out / "a.json").exists()
    assert "repeated lines removed" in capsys.readouterr().err


def test_cli_clean_text_missing_directory(tmp_path, capsys):
    assert main(["clean-text", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 2
    assert "not a directory" in capsys.readouterr().err
