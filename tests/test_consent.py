"""Consent managers' dialogs are never content: their purposes and vendor lists read like prose."""

from selectolax.lexbor import LexborHTMLParser

import newsmill
from newsmill.segment import segment

PURPOSES = (
    "<div id='onetrust-consent-sdk'><div id='onetrust-pc-sdk' class='otPcCenter'>"
    "<h4 class='ot-cat-header'>Store and/or access information on a device</h4>"
    "<p class='ot-category-desc'>Cookies, device or similar online identifiers together with other information "
    "can be stored or read on your device to recognise it each time it connects to an app or to a website.</p>"
    "<h4 class='ot-cat-header'>Create profiles for personalised advertising</h4>"
    "<p class='ot-category-desc'>Information about your activity on this service can be stored and combined "
    "with other information about you to build or improve a profile about you for personalised advertising.</p>"
    "</div></div>"
)
POST = (
    "<article><h1>Which budget telescope should I buy?</h1>"
    "<p>I have about two hundred dollars and a dark back yard. Is a small Dobsonian the best first scope, "
    "or should I look at binoculars first and wait a year?</p></article>"
)


def test_a_consent_dialog_gives_no_blocks() -> None:
    seg = segment(LexborHTMLParser(f"<html><body>{POST}{PURPOSES}</body></html>").body)
    texts = " ".join(b.text for b in seg.blocks)
    assert "Dobsonian" in texts
    assert "personalised advertising" not in texts and "online identifiers" not in texts


def test_a_thin_page_keeps_its_post_and_not_the_dialog() -> None:
    for dialog in (PURPOSES, PURPOSES.replace("onetrust-consent-sdk", "sp_message_container_1234")):
        text = newsmill.extract(f"<html><body>{POST}{dialog}</body></html>").text
        assert "Dobsonian" in text
        assert "personalised advertising" not in text and "online identifiers" not in text


def test_only_the_dialogs_own_roots_are_skipped() -> None:
    for ident in ("consent-form-help", "onetrust-consent-sdk-docs", "cookie-notice-text"):
        page = f"<html><body><div id='{ident}'>{POST}</div></body></html>"
        assert "Dobsonian" in " ".join(b.text for b in segment(LexborHTMLParser(page).body).blocks)


def test_an_ethyca_fides_banner_gives_no_blocks() -> None:
    fides = (
        "<div id='fides-overlay' class='fides-overlay'><div id='fides-banner-container'>"
        "<h2 class='fides-banner-title'>We and our partners process data for the following purposes</h2>"
        "<ul><li class='fides-banner__purpose-item'>Create profiles for personalised advertising</li>"
        "<li class='fides-banner__purpose-item'>Use profiles to select personalised content</li></ul>"
        "</div></div>"
    )
    seg = segment(LexborHTMLParser(f"<html><body>{fides}{POST}</body></html>").body)
    texts = " ".join(b.text for b in seg.blocks)
    assert "Dobsonian" in texts
    assert "personalised" not in texts and "following purposes" not in texts
