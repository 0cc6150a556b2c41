"""Listing and thread pages: a card's teaser, a Q&A comment's stamp, a locked thread's notice.
Each case is a page that newsmill read wrongly before."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsmill.segment import Segmentation, segment


def _seg(html: str) -> Segmentation:
    return segment(LexborHTMLParser(f"<html><body>{html}</body></html>").body)


def test_a_cards_teaser_in_a_link_hidden_from_screen_readers_is_read() -> None:
    # A news river's card links its story twice; the teaser's link is hidden from screen readers
    # and the tab order (aria-hidden, tabindex -1) but shown on the screen. A hidden icon link
    # and a hidden span stay out.
    seg = _seg(
        "<article><h2><a href='/s/1'>Harbour ferry fares rise in April</a></h2>"
        "<p class='river-desc'><a href='/s/1' aria-hidden='true' tabindex='-1'>The council approved a "
        "ten percent rise for the two harbour ferry routes after a long debate.</a></p>"
        "<a href='/s/1' aria-hidden='true' tabindex='-1'>Read more</a>"
        "<span aria-hidden='true'>This decorative caption is never shown to anyone here.</span></article>"
    )
    assert [b.text for b in seg.blocks] == [
        "Harbour ferry fares rise in April",
        "The council approved a ten percent rise for the two harbour ferry routes after a long debate.",
    ]
