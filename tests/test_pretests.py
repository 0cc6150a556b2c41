"""Cheap string tests that select() runs before its patterns must never turn a match away."""

from __future__ import annotations

import pytest

from newsmill import assemble
from newsmill.assemble import _BOX_CUES, _CREDIT, _may_be_credit

CREDITS = [
    "Photo: Jane Doe/AFP",
    "Photos: Jane Doe",
    "Photograph: Jane Doe",
    "(Photo by Jane Doe)",
    "Image courtesy of the Acme Museum",
    "Picture credit: Jane Doe",
    "Illustration: John Roe",
    "Foto: dpa",
    "Bild: Jane Doe",
    "Imagen: EFE",
    "Immagine: Ansa",
    "Crédit photo : Jane Doe",
    "Credit: Jane Doe",
    "(Credit: Acme Labs)",
    "Getty Images",
    "Jane Doe/Getty Images.",
    "Jane Doe via Getty Images",
    "Jane Doe - Reuters",
    "(Jane Doe/AP Photo)",
    "John Roe | Shutterstock",
    "iStockphoto",
    "EPA-EFE",
    "Alamy / Jane Doe",
    "Unsplash | John Roe",
    "Adobe Stock",
    "Image used under license from Shutterstock.com",
    "PHOTO: JANE DOE",
]


@pytest.mark.parametrize("line", CREDITS)
def test_credit_pretest_keeps_every_credit(line: str) -> None:
    assert _CREDIT.fullmatch(line) is not None  # the samples are credits
    assert _may_be_credit(line, line.lower())


def test_credit_pretest_rules_out_prose() -> None:
    for line in ("The mayor said the road would reopen.", "Price: $20", "Related stories", "Contact us"):
        assert _CREDIT.fullmatch(line) is None
        assert not _may_be_credit(line, line.lower())


def test_credit_pretest_leaves_other_scripts_to_the_pattern() -> None:
    # Under re.I the dotless "ı" matches "i", which lower() does not give back.
    line = "Pıcture: Jane Doe"
    assert _CREDIT.fullmatch(line) is not None
    assert _may_be_credit(line, line.lower())


BOX_CLASSES = {
    assemble._AUTHOR_BOX: ["div.author-bio", "div.bio", "section.about-the-author", "div.saboxplugin-wrap", "div.AuthorBox"],
    assemble._POPUP_BOX: ["div.modal-content", "div.ss-modal", "div.elementor-popup", "div.pop-up", "div.NewsletterModal"],
    assemble._CTA_BOX: ["div.cta-banner", "div.inline-cta", "section.CTA", "div.ServiceRequestCta", "div.CallToActionBox"],
    assemble._PRODUCT_ASIDES[0]: ["div.reviews", "div.user_reviews", "div.productReview"],
    assemble._LINK_PREVIEW: ["aside.onebox", "div.bbCodeBlock--unfurl"],
    assemble._GRAPHIC: ["div.hero-graphic-container", "div.PaymentsHeroAnimationGraphic", "div.PageSection_illustration__P1Yb9"],
    assemble._EXCERPT_BOX: ["div.post-excerpt", "div.elementor-post__excerpt", "p.cardExcerpt"],
    assemble._DISCLAIMER_BOX: ["div.affiliate-disclaimer-small", "div.Disclaimer"],
    assemble._PRODUCT_ASIDES[1]: ["div.product-carousel", "div.Carousel__track"],
    assemble._SCREEN_READER_BOX: ["div.visually-hidden", "div.nav sr-only", "p.screen-reader-text", "div.u-visuallyHidden", "div.is-hidden-accessible"],
}


def test_box_cues_cover_every_cued_pattern() -> None:
    assert set(BOX_CLASSES) == set(_BOX_CUES)


@pytest.mark.parametrize(("box", "sig"), [(box, sig) for box, sigs in BOX_CLASSES.items() for sig in sigs])
def test_box_cues_keep_every_box(box: object, sig: str) -> None:
    assert box.search(sig) is not None  # type: ignore[attr-defined]
    assert any(c in sig.lower() for c in _BOX_CUES[box])  # type: ignore[index]


def test_box_bits_match_the_patterns() -> None:
    from newsmill.segment import Block, Elem, Segmentation

    sigs = ["html", "body.author-page", "div.post", "div.author-bio", "p", "div.modal-content", "div.cta"]
    elems = [Elem("div", k - 1, k, 0, 0, 0, 0, sig) for k, sig in enumerate(sigs)]
    elems[0].tag, elems[1].tag = "html", "body"
    blocks = [Block("p", "x", "x", k, "p") for k in range(len(elems))]
    seg = Segmentation(blocks=blocks, elems=elems)
    bits = assemble._box_bits(seg, range(len(blocks)), assemble._ARTICLE_BOXES)
    # Each element carries its own boxes and those above it; <html> and <body> name none.
    assert [bits[k] for k in range(len(blocks))] == [0, 0, 0, 1, 1, 1 | 8, 1 | 8 | 16]


def _page(sigs: list[str]) -> tuple[object, range]:
    from newsmill.segment import Block, Elem, Segmentation

    elems = [Elem("div", k - 1, k, 0, 0, 0, 0, sig) for k, sig in enumerate(sigs)]
    elems[0].tag, elems[1].tag = "html", "body"
    blocks = [Block("p", "x", "x", k, "p") for k in range(len(elems))]
    return Segmentation(blocks=blocks, elems=elems), range(len(blocks))


def test_box_bits_page_without_cues() -> None:
    # No class on the page holds a cue: every block is outside every box, without the walk.
    seg, idx = _page(["html", "body", "div.post", "div.entry-content", "p"])
    assert assemble._box_bits(seg, idx, assemble._ARTICLE_BOXES) == dict.fromkeys(idx, 0)
    assert assemble._box_bits(seg, idx, (assemble._GRAPHIC,)) == dict.fromkeys(idx, 0)


def test_box_bits_page_with_a_cue_elsewhere() -> None:
    # A cue on the page ("bio" in "biography") only means the walk decides.
    seg, idx = _page(["html", "body", "div.biography", "div.Disclaimer", "p"])
    assert [assemble._box_bits(seg, idx, assemble._ARTICLE_BOXES)[k] for k in idx] == [0, 0, 0, 4, 4]


def test_box_bits_page_not_ascii() -> None:
    # Under re.I the dotless "ı" matches "i", which lower() does not give back: such a page
    # is left to the patterns.
    seg, idx = _page(["html", "body", "div.author-bıo", "p"])
    assert seg.sig_text() is None  # type: ignore[attr-defined]
    assert [assemble._box_bits(seg, idx, assemble._ARTICLE_BOXES)[k] for k in idx] == [0, 0, 1, 1]
