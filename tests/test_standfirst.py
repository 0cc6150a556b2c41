"""A story's standfirst, set in the header between the headline and the body."""

from __future__ import annotations

import newsmill

BODY = (
    "The council voted on Tuesday night to keep the Marlow Road branch open on Sundays for another year, "
    "after more than four hundred residents signed a petition asking it to do so.",
    "Librarians said Sunday visits had doubled since the trial began in March, with families and students "
    "filling the reading room from the moment the doors opened at ten.",
    "The extra hours will cost about 38,000 pounds, which the council said it would find from the budget "
    "set aside for the closed swimming pool on Kendal Street.",
    "A final decision on the branch's weekday hours is expected in the spring, when the council sets its "
    "budget for the coming year.",
)
LEDE = (
    "Sunday opening at the Marlow Road library will continue for another year after a petition signed by "
    "hundreds of residents."
)


def _page(lede_html: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html><head><title>Library keeps Sunday hours | Marlow Courier</title></head><body>
<div class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
<div class="story">
  <div class="story-header">
    <div class="story-header__kicker">Local news</div>
    <h1>Library keeps its Sunday hours for another year</h1>
    {lede_html}
    <div class="story-header__byline">By <a href="/staff/ann-reyes">Ann Reyes</a> · 12 March 2024</div>
  </div>
  <div class="story-body">{body}</div>
</div>
<div class="site-footer"><a href="/about">About us</a> <a href="/privacy">Privacy</a></div>
</body></html>"""


def test_a_standfirst_named_by_its_class_is_kept() -> None:
    for lede_html in (f'<p class="story-header__lead">{LEDE}</p>', f'<div class="story-intro"><p>{LEDE}</p></div>'):
        art = newsmill.extract(_page(lede_html), url="https://courier.example/news/2024/03/12/library-sunday-hours")
        assert LEDE in art.text, lede_html
        for para in BODY:
            assert para in art.text


def test_an_unnamed_short_line_in_the_header_stays_out() -> None:
    line = "Local news from the Marlow Courier newsroom"
    art = newsmill.extract(_page(f"<div>{line}</div>"), url="https://courier.example/news/2024/03/12/library-sunday-hours")
    assert line not in art.text
    assert BODY[0] in art.text


def test_a_reviews_verdict_box_before_the_body_is_kept() -> None:
    verdict = "The Marlow Road branch is the best-run library in the county, if you can find a seat."
    box = (f'<aside class="review-verdict"><h2>Our verdict</h2><p>{verdict}</p>'
           '<div class="review-verdict__pros"><h3>For</h3><ul><li>Long Sunday hours</li><li>Quiet reading room</li></ul></div>'
           '<div class="review-verdict__cons"><h3>Against</h3><ul><li>Too few seats</li></ul></div>'
           '<div class="review-verdict__buy"><a href="https://shop.example/card">Get a library card</a></div></aside>')
    art = newsmill.extract(_page(box), url="https://courier.example/news/2024/03/12/library-sunday-hours")
    for line in (verdict, "Long Sunday hours", "Too few seats"):
        assert line in art.text, line
    assert "Get a library card" not in art.text
    for para in BODY:
        assert para in art.text


def test_a_disclosure_set_as_the_headers_subtitle_stays_out() -> None:
    note = ("The following content is brought to you by our partners. If you buy a product featured here, "
            "we may earn an affiliate commission.")
    art = newsmill.extract(_page(f'<p class="story-header__lead">{note}</p>'),
                           url="https://courier.example/news/2024/03/12/library-sunday-hours")
    assert note not in art.text
    assert BODY[0] in art.text
