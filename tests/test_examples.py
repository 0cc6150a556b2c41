"""The example pages in examples/ against what examples/expected/ says must come out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

import newsmill

EXPECTED = sorted((EXAMPLES / "expected").glob("*.json"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def _load(path: Path) -> tuple[dict, newsmill.Article]:
    exp = json.loads(path.read_text(encoding="utf-8"))
    art = newsmill.extract((EXAMPLES / exp["page"]).read_bytes())
    return exp, art


@pytest.fixture(scope="module", params=EXPECTED, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> tuple[dict, newsmill.Article]:
    return _load(request.param)


def test_every_example_page_has_expectations():
    pages = {p.name for p in EXAMPLES.glob("*.html")}
    assert len(pages) >= 3
    assert pages == {json.loads(p.read_text(encoding="utf-8"))["page"] for p in EXPECTED}


def test_story_complete_and_in_order(example):
    exp, art = example
    text = _norm(art.text)
    pos = 0
    for para in exp["paragraphs"]:
        i = text.find(_norm(para), pos)
        assert i >= 0, f"{exp['page']}: missing or out of order: {para[:70]!r}"
        pos = i + len(_norm(para))


def test_no_boilerplate(example):
    exp, art = example
    leaked = [s for s in exp.get("absent", []) if s in art.text]
    lines = {line.strip() for line in art.text.splitlines()}
    leaked += [s for s in exp.get("absent_lines", []) if s in lines]
    assert not leaked, f"{exp['page']}: boilerplate kept: {leaked}"


def test_title(example):
    exp, art = example
    assert art.title == exp["title"]


def test_authors_and_date(example):
    exp, art = example
    assert art.authors == exp["authors"]
    assert art.published and art.published.startswith(exp["published"])


def test_markdown_structure(example):
    exp, art = example
    missing = [s for s in exp.get("markdown_contains", []) if s not in art.markdown]
    assert not missing, f"{exp['page']}: not in the Markdown: {missing}"


def test_news_photo_caption_and_credit():
    exp, art = _load(EXAMPLES / "expected" / "news-city-council.json")
    (want,) = exp["images"]
    found = [im for im in art.images if im.url == want["url"]]
    assert found, f"photo missing from images: {art.images}"
    im = found[0]
    assert im.caption and _norm(im.caption) == want["caption"]
    assert im.credit and want["credit_contains"] in im.credit
    assert "(Photo" not in im.caption  # the credit is split off the caption


def test_windows_1252_page_decodes():
    exp, art = _load(EXAMPLES / "expected" / "bakery-windows-1252.json")
    assert exp["encoding"] == "windows-1252"
    raw = (EXAMPLES / exp["page"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the file really is not UTF-8
    assert "180 000 €" in art.text and "cœur" in art.text and "l’incendie" in art.text


def test_flattened_news_text():
    """The news page as a naive scraper flattened it (see /work/shared/examples for the kind)."""
    exp = json.loads((EXAMPLES / "expected" / "news-city-council.json").read_text("utf-8"))
    flat = (EXAMPLES / "flattened" / "news-city-council.txt").read_text(encoding="utf-8")
    art = newsmill.extract_text(flat)
    text = _norm(art.text)
    pos = 0
    for para in exp["paragraphs"]:
        i = text.find(_norm(para), pos)
        assert i >= 0, f"missing or out of order: {para[:70]!r}"
        pos = i + len(_norm(para))
    leaked = [s for s in exp["absent"] if s in art.text]
    assert not leaked, f"boilerplate kept: {leaked}"
    assert art.title == exp["title"]
