"""Without a URL from the caller, the page's own address (canonical, og:url) stands in."""

from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.describe import collect
from newsmill.pipeline import _own_url

STORY = "".join(
    f"<p>The council voted {n} to 2 on Tuesday night to approve the budget for the coming year, "
    "ending weeks of debate over cuts to the library and the parks department.</p>"
    for n in range(3, 9)
)


def _page(head: str) -> str:
    return (
        f"<html><head><title>Council approves budget</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Council approves budget</h1>{STORY}</article><footer>Copyright 2024</footer>"
        "</body></html>"
    )


def _own(head: str) -> str | None:
    return _own_url(collect(LexborHTMLParser(_page(head)), None))


def test_canonical_then_og_url_then_nothing() -> None:
    canon = '<link rel="canonical" href="https://news.example.com/2024/03/12/budget.html">'
    og = '<meta property="og:url" content="https://news.example.com/local/budget">'
    assert _own(canon + og) == "https://news.example.com/2024/03/12/budget.html"
    assert _own(og) == "https://news.example.com/local/budget"
    # The home page named as every page's canonical, or a relative address: not this page's.
    assert _own('<link rel="canonical" href="https://news.example.com/">') is None
    assert _own('<link rel="canonical" href="/2024/03/12/budget.html">') is None
    assert _own("") is None


def test_without_a_url_the_page_is_read_as_with_its_own() -> None:
    url = "https://news.example.com/2024/03/12/budget.html"
    html = _page(f'<link rel="canonical" href="{url}">')
    given, own = extract(html, url=url), extract(html)
    assert own.url is None  # the record keeps what the caller gave
    assert (own.page_type, own.page_type_confidence, own.text) == (
        given.page_type, given.page_type_confidence, given.text,
    )
    assert own.published == given.published == "2024-03-12"
