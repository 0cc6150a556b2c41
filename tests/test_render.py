"""Plain text keeps the structure a reader sees: list items are bulleted, one per line."""

from newsmill import extract

PROSE = "The recipe needs patience more than skill, and the steps below are in the order we used."


def test_list_items_are_bulleted_lines_in_plain_text() -> None:
    html = (
        "<html><body><article><h1>Bread at home</h1>"
        f"<p>{PROSE}</p><p>{PROSE}</p>"
        "<ul><li>Mix the flour and the water for a full minute</li>"
        "<li>Rest the dough overnight in a cool kitchen</li></ul>"
        f"<p>{PROSE}</p></article></body></html>"
    )
    art = extract(html)
    assert "- Mix the flour and the water for a full minute\n- Rest the dough overnight in a cool kitchen" in art.text
    assert "- The recipe" not in art.text

