"""A picture drawn in markup (a landing page's mock-up of its app): its text is no content."""

from newsmill import extract

FEATURES = "".join(
    f"<h2>Feature {n}</h2><p>Our platform helps teams plan work number {n}, track progress across projects "
    "and ship faster with fewer meetings and clearer priorities.</p>"
    for n in range(1, 6)
)
CHAT = (
    "<p>Hey, can I get a licence just for myself today?</p>"
    "<p>Sure thing, here is a payment link for one seat on the starter plan.</p>"
    "<p>Thanks, that was quick and the checkout took me under a minute.</p>"
)


def _page(box: str) -> str:
    return (
        "<html><head><title>Acme planner</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/pricing'>Pricing</a></nav><main><h1>Plan and ship with Acme</h1><p>Acme is the planning "
        "tool for product teams who want to move from idea to launch without losing track of what matters.</p>"
        f"{box}{FEATURES}</main><footer><a href='/about'>About</a></footer></body></html>"
    )


def test_the_text_of_a_mock_up_classed_as_a_graphic_leaves() -> None:
    for cls in ("hero-graphic", "PaymentsHeroAnimationGraphic", "PageSection_illustration__P1Yb9"):
        text = extract(_page(f"<div class='{cls}'><div class='chat'>{CHAT}</div></div>")).text
        assert "licence just for myself" not in text, cls
        assert "Feature 3" in text and "Acme is the planning tool" in text


def test_a_graphic_box_with_a_heading_and_an_infographic_stay() -> None:
    text = extract(_page(f"<div class='graphic-list'><h2>How it works</h2>{CHAT}</div>")).text
    assert "licence just for myself" in text
    text = extract(_page(f"<div class='infographic'><div class='chat'>{CHAT}</div></div>")).text
    assert "licence just for myself" in text
