"""The headline that opens an article's kept text is its title, not its text."""

from __future__ import annotations

import pytest

import newsmill
import newsmill.pipeline as pipeline

PARA = (
    "The council voted on Tuesday to fund the new bridge over the river, after two years of debate"
    " about its cost and its route through the old town."
)
HEAD = "<head><title>Council funds the river bridge | Town Gazette</title></head>"


def _page(paras: int) -> str:
    story = "".join(f"<p>{i}. {PARA}</p>" for i in range(paras))
    return f"<html>{HEAD}<body><div class='story'><h1>Council funds the river bridge</h1>{story}</div></body></html>"


@pytest.fixture
def keep_all(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Every block kept, the page typed as asked: what the rule does, whatever the model says."""

    def typed(page_type: str) -> None:
        monkeypatch.setattr(pipeline.assemble, "select", lambda seg, *a, **k: list(range(len(seg.blocks))))
        monkeypatch.setattr(pipeline.pagetype, "classify", lambda *a, **k: (page_type, 0.9))

    return typed


def test_an_articles_headline_leaves_its_text(keep_all) -> None:  # type: ignore[no-untyped-def]
    keep_all("article")
    art = newsmill.extract(_page(6), url="https://gazette.example/news/council-funds-bridge")
    assert art.title == "Council funds the river bridge"
    assert art.text.startswith("0. The council voted")
    assert "# Council funds the river bridge" not in art.markdown


def test_a_threads_headline_leaves_its_text_too(keep_all) -> None:  # type: ignore[no-untyped-def]
    keep_all("forum")  # the thread's title is the title field; its posts are the text
    art = newsmill.extract(_page(6), url="https://gazette.example/forum/t/1")
    assert art.text.startswith("0. The council voted")


def test_a_listing_or_a_short_page_keeps_its_headline(keep_all) -> None:  # type: ignore[no-untyped-def]
    keep_all("listing")  # a list's heading names what it lists
    assert newsmill.extract(_page(6), url="https://gazette.example/news/").text.startswith("Council funds")
    keep_all("article")  # a page whose text is little more than its headline keeps it
    assert newsmill.extract(_page(1), url="https://gazette.example/news/brief").text.startswith("Council funds")
