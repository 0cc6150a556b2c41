"""A poster's rank or group under their name in a thread leaves the text; their name stays."""

from __future__ import annotations

from newsmill import assemble, pipeline

POST = (
    "<div class='post'><div class='post_author'><div class='author_information'>"
    "<a class='username' href='/u/{n}'>{n}</a><p class='team-role'>Sawdust Maker</p></div></div>"
    "<div class='post_body'><p>I tried the planer on oak boards last week and the snipe at the end"
    " of each board went away once I lifted the outfeed side a little.</p></div></div>"
)


def _texts(forum: bool) -> list[str]:
    page = "<html><body><main>" + "".join(POST.format(n=n) for n in ("alder", "birch", "cedar")) + "</main></body></html>"
    _ctx, seg, _x = pipeline.analyse(page, "https://board.example/t/planer-snipe", None)
    out = assemble._drop_post_furniture(seg, list(range(len(seg.blocks))), forum)
    return [seg.blocks[i].text for i in out]


def test_a_posters_rank_leaves_a_thread() -> None:
    texts = _texts(True)
    assert "Sawdust Maker" not in texts
    assert "alder" in texts and "birch" in texts
    assert any(t.startswith("I tried the planer") for t in texts)


def test_a_rank_outside_a_thread_is_left_to_the_other_rules() -> None:
    assert "Sawdust Maker" in _texts(False)
