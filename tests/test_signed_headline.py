"""A headline signed "By <Name>" is a story's, whatever the page-type model reads."""

from newsmill import extract
from newsmill.pagetype import signed_headline
from newsmill.segment import Block

_NAV = "".join(f'<li><a href="/services/{s}">{s.title()} services</a></li>' for s in (
    "plumbing", "heating", "roofing", "cleaning", "moving", "storage", "painting", "gardening"))
_PAGE = f"""<html><head><title>Tributes paid to former lifeboat coxswain</title></head><body>
<header><nav><ul>{_NAV}</ul></nav><a href="/contact">Contact us</a> <a href="/quote">Get a free quote</a></header>
<main><h1>Tributes paid to former lifeboat coxswain Alfred Penhallow, 91</h1>
<p class="meta">By Bethany Rowcroft Published: 14:22, 02 August 2016</p>
<p>Alfred Penhallow, who led the town's lifeboat crew for nineteen years, has died at the age of 91, his family said on Tuesday.</p>
<p>He joined the crew as a teenager and took part in more than four hundred launches, including the rescue of eleven fishermen in the storm of 1979.</p>
</main>
<section><h2>Our services</h2><p>Contact us for a free quote. Book a consultation with our team today.</p>
<p>Get started with our services: pricing, free trial and testimonials.</p></section>
<footer><a href="/contact">Contact us</a> <a href="/pricing">Pricing</a></footer>
</body></html>"""


def _block(text: str, kind: str = "p", level: int = 0) -> Block:
    return Block(kind=kind, text=text, md=text, elem=0, tag="p", level=level, chars=len(text))


def test_a_byline_next_to_the_first_h1_is_found() -> None:
    head = _block("A headline", "heading", 1)
    assert signed_headline([head, _block("By Jane Doe | May 19, 2024"), _block("Text.")])
    assert signed_headline([head, _block("Par Jean-Marc Rivière - Le 27/11/2026")])
    # A by-word without a name, a sentence, or a byline far from the headline: no.
    assert not signed_headline([head, _block("by the way, we are open on Sundays")])
    assert not signed_headline([_block("By Jane Doe"), _block("x"), _block("y"), head])
    assert not signed_headline([_block("By Jane Doe")])


def test_a_signed_story_is_an_article() -> None:
    art = extract(_PAGE)
    assert art.page_type == "article"
    assert "led the town's lifeboat crew" in art.text


def test_a_labelled_chinese_byline_is_found() -> None:
    head = _block("临川市首座图书馆开馆", "heading", 1)
    assert signed_headline([head, _block("2026-11-27 14:05 来源：新华社 作者：李明华"), _block("正文。")])
    assert signed_headline([head, _block("记者：王芳")])
    assert not signed_headline([head, _block("来源：新华社 字号：大 中 小")])


def test_an_old_page_s_font_set_headline_counts_as_its_h1() -> None:
    head = _block("Tributes paid to former coxswain", "text")
    head.font_level = 1  # <font size=6><b>…</b></font><br>
    assert signed_headline([_block("Home | News"), head, _block("By Bethany Rowcroft"), _block("Text.")])
    head.font_level = 3  # a smaller line is not the headline
    assert not signed_headline([head, _block("By Bethany Rowcroft")])


def test_a_story_typed_forum_is_an_article_but_a_threads_signed_title_is_not(monkeypatch) -> None:
    from newsmill import pagetype

    monkeypatch.setattr(pagetype, "classify", lambda *a, **k: ("forum", 0.7))
    assert extract(_PAGE).page_type == "article"
    head = _block("New 2500X PC Case", "heading", 1)
    # A thread's opening line names its board; an old layout sets its parts apart.
    assert not signed_headline([head, _block("By Rabbids March 19, 2024 in Build Hardware Troubleshooting")], True)
    assert not signed_headline([head, _block("By Rabbids"), _block("March 19, 2024"), _block("in Build Hardware")], True)
    assert not signed_headline([head, _block("by Shancock"), _block("Posted: 2 years ago 21 replies")], True)
    # Nor is a board that signs every post.
    posts = [_block(f"by {n} » Sat Dec 02, 2023 4:20 pm") for n in ("Ann", "Bob", "Cyd")]
    assert not signed_headline([head, *posts], True)
    assert signed_headline([head, posts[0]])  # (elsewhere a byline is a byline)
    assert signed_headline([head, _block("By Jonathan Sayers Jan. 31, 2026 7:47 am EST")], True)


def test_a_story_typed_listing_is_an_article_but_a_list_of_signed_cards_is_not(monkeypatch) -> None:
    from newsmill import pagetype

    monkeypatch.setattr(pagetype, "classify", lambda *a, **k: ("listing", 0.7))
    assert extract(_PAGE).page_type == "article"
    # A blog's index signs every card under its title: a list, whatever its first card says.
    cards = "".join(
        f"<article><h2><a href='/p/{i}'>Post number {i} about the harbour</a></h2><p>By {n}</p>"
        f"<p>A short excerpt of post {i}, which says what the post is about in a sentence or two.</p></article>"
        for i, n in enumerate(("Ann Lee", "Bob Stone", "Cyd Marsh"))
    )
    index = f"<html><head><title>Blog</title></head><body><h1>Latest posts</h1>{cards}</body></html>"
    assert extract(index).page_type == "listing"
