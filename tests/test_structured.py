"""A product description kept only in JSON-LD (a tab, a script-rendered panel) is added."""

import json

from newsmill.meta.jsonld import Graph
from newsmill.segment import Block
from newsmill.structured import add_product_description

DESC = (
    "Our darkest roast, slow roasted in small batches for a bold cup with notes of cocoa and "
    "black cherry. Fair trade beans from two continents, ground fresh for every order."
)


def _graph(desc: str = DESC, kind: str = "Product") -> Graph:
    g = Graph()
    g.add_script(json.dumps({"@context": "https://schema.org", "@type": kind, "name": "Dark Roast", "description": desc}))
    return g


def _b(kind: str, text: str) -> Block:
    return Block(kind, text, text, 0, "p", chars=len(text))


def test_missing_description_goes_after_the_first_heading() -> None:
    blocks = [_b("heading", "Dark Roast"), _b("p", "$19.99"), _b("li", "Add to cart")]
    out, at, added = add_product_description(_graph(), blocks)
    assert [b.text for b in out[:2]] == ["Dark Roast", DESC]
    assert (at, added) == (1, 1)
    assert out[2].text == "$19.99"


def test_nothing_added_when_the_text_has_it() -> None:
    blocks = [_b("heading", "Dark Roast"), _b("p", DESC)]
    out, _at, added = add_product_description(_graph(), blocks)
    assert added == 0 and out == blocks


def test_empty_extraction_gets_name_and_description() -> None:
    out, _at, added = add_product_description(_graph("<p>" + DESC + "</p><p>Second paragraph of the description.</p>"), [])
    assert [b.kind for b in out] == ["heading", "p", "p"]
    assert out[0].text == "Dark Roast" and out[1].text == DESC and added == 3


def test_short_taglines_and_other_types_are_ignored() -> None:
    assert add_product_description(_graph("Bold. Dark. Coffee."), [])[2] == 0
    assert add_product_description(_graph(kind="Article"), [])[2] == 0


def test_character_references_in_a_plain_description_are_decoded() -> None:
    blocks = [_b("heading", "Dark Roast")]
    out, _, added = add_product_description(_graph(DESC.replace(" and ", " &amp; ", 1) + " Subscribe &amp; save."), blocks)
    assert added == 1
    assert "cocoa & black cherry" in out[1].text and "Subscribe & save." in out[1].text
    assert "&amp;" not in out[1].text


def test_a_url_encoded_description_is_decoded() -> None:
    blocks = [_b("heading", "Dark Roast")]
    encoded = DESC.replace(" ", "%20").replace(",", "%2C")
    out, _, added = add_product_description(_graph(encoded), blocks)
    assert added == 1 and out[1].text == DESC


BODY = ("The regional transit authority said on Monday that it would restore weekend service on "
        "three bus lines that were cut during the pandemic, after ridership recovered. ") * 5


def _shell(root: str, body: str = BODY) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Transit authority restores weekend bus service", "articleBody": body.strip()}
    return (f"<html><head><title>Transit authority restores weekend bus service</title>"
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f'<body><div id="root">{root}</div><script src="/app.js"></script></body></html>')


def test_a_script_rendered_shell_gives_its_json_ld_article_body() -> None:
    import newsmill

    for root in ("", '<nav><a href="/">Home</a></nav><h1>Transit authority restores weekend bus service</h1><p>Loading...</p>'):
        art = newsmill.extract(_shell(root), url="https://metro.example/news/bus")
        assert art.text.startswith("The regional transit authority said on Monday"), root
        assert art.page_type == "article"
    # A page that shows its story keeps what it shows; a short articleBody is a summary.
    shown = "".join(f"<p>{s.strip()}.</p>" for s in BODY.split(".")[:6] if s.strip())
    art = newsmill.extract(_shell(f"<article><h1>Transit</h1>{shown}</article>", "A short summary of the story."),
                           url="https://metro.example/news/bus")
    assert "A short summary" not in art.text and "ridership recovered" in art.text
    assert newsmill.extract(_shell("", "Weekend buses are back on three lines."), url="https://metro.example/news/bus").text == ""
