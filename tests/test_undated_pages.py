"""Dates that are not a publication date: a shop page's, and a date something runs to."""

from __future__ import annotations

import json

from metadata_helpers import STORY, meta_of, page

SHOP_URL = "https://shop.example.com/products/walnut-desk"
DESC = (
    "<p>A solid walnut desk with a hand-rubbed oil finish, cable tray and soft-close drawer. Each "
    "top is cut from a single board, so grain and colour vary from desk to desk.</p>"
)


def _ld(*nodes: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": list(nodes)})}</script>'


def test_a_product_page_has_no_publication_date() -> None:
    # The CMS's page record and a review's stamp are the only dates on the page.
    head = "<title>Walnut desk</title>" + _ld(
        {"@type": "WebPage", "url": SHOP_URL, "datePublished": "2021-03-04T10:00:00+00:00"},
        {"@type": "Product", "name": "Walnut desk", "offers": {"@type": "Offer", "price": "899"}},
    )
    body = (
        "<h1>Walnut desk</h1>" + DESC
        + '<div class="review"><span class="review-author">Sam P.</span> <time datetime="2023-05-02">May 2, 2023</time>'
        "<p>Sturdy and beautiful, arrived well packed.</p></div>"
    )
    html = page(head, body)
    assert meta_of(html, SHOP_URL, page_type="article").get("published")  # a story would be dated
    assert meta_of(html, SHOP_URL, page_type="product").get("published") is None
    assert meta_of(html, SHOP_URL, page_type="collection").get("published") is None


def test_a_shop_page_keeps_a_date_it_labels_and_a_books_own_date() -> None:
    # A buyer's guide typed as a shop page says when it was updated ...
    guide = page("<title>The best standing desks</title>", "<h1>The best standing desks</h1>"
                 "<p>By Dana Lee · Updated March 5, 2024</p>" + STORY)
    assert meta_of(guide, SHOP_URL, page_type="product")["published"][:10] == "2024-03-05"
    # ... and a book is published on the day its own node declares.
    head = "<title>Tidewater Commons</title>" + _ld(
        {"@type": "Book", "url": SHOP_URL, "name": "Tidewater Commons", "datePublished": "2024-04-09"}
    )
    book = page(head, "<h1>Tidewater Commons</h1>" + DESC)
    assert meta_of(book, SHOP_URL, page_type="product")["published"][:10] == "2024-04-09"


def test_a_date_something_runs_to_is_not_when_it_was_published() -> None:
    for line in ("Sale ends 03/31/2024. While supplies last.",
                 "This offer is valid through 01/23/2024. Terms apply.",
                 "Nominations are open and run until July 31, 2024.",
                 "Angebot gültig bis 3. März 2024."):
        html = page("<title>Spring offers</title>", f"<h1>Spring offers</h1><p>{line}</p>" + STORY)
        assert meta_of(html).get("published") is None, line
    dated = page("<title>Spring offers</title>", "<h1>Spring offers</h1><p>Published March 3, 2024</p>" + STORY)
    assert meta_of(dated)["published"][:10] == "2024-03-03"


def _card(title: str, day: str, shown: str) -> str:
    return (f'<article class="card"><h2><a href="/blog/{title.lower().replace(" ", "-")}">{title}</a></h2>'
            f'<time datetime="{day}">{shown}</time><p>A short summary of the post, two lines long, '
            "with the gist of what it says.</p></article>")


def test_a_list_of_dated_posts_is_not_dated_by_its_first_post() -> None:
    blog = "https://blog.example.com/"
    cards = (_card("Allocating on the stack", "2024-11-18", "18 November 2024")
             + _card("Modernising old code", "2024-11-07", "7 November 2024")
             + _card("Version 2.6 is out", "2024-10-30", "30 October 2024"))
    html = page("<title>The Example Blog</title>", "<h1>The Example Blog</h1>" + cards)
    assert meta_of(html, blog, page_type="listing").get("published") is None
    # An article typed as a list keeps its own date: paired with an update stamp, or well
    # before the recent posts shown beside it.
    own = '<p>Posted <time class="published" datetime="2021-08-12">August 12, 2021</time></p>'
    old = page("<title>Rack review</title>", "<h1>Rack review</h1>" + own + STORY + cards)
    assert meta_of(old, blog, page_type="listing")["published"][:10] == "2021-08-12"
    upd = ('<p><time class="published" datetime="2024-11-12">November 12, 2024</time> '
           '<time class="updated" datetime="2024-11-13">Updated November 13, 2024</time></p>')
    rev = page("<title>Rack review</title>", "<h1>Rack review</h1>" + upd + STORY + cards)
    assert meta_of(rev, blog, page_type="listing")["published"][:10] == "2024-11-12"


def test_a_tag_archive_whose_cards_show_published_and_updated_stamps_is_not_dated() -> None:
    # WordPress themes print both stamps in each card, the same day when a post was not edited.
    def card(title: str, day: str, shown: str) -> str:
        return (f'<article class="post"><h2><a href="/{title.lower().replace(" ", "-")}">{title}</a></h2>'
                f'<p>by Sam Lee <time class="entry-date published" datetime="{day}T09:00:00Z">{shown}</time> '
                f'<time class="updated" datetime="{day}T09:00:00Z">{shown}</time></p>'
                "<p>A short excerpt of the post with the gist of what it says.</p></article>")
    cards = (card("Water board vote", "2024-11-12", "November 12, 2024")
             + card("Wells run low", "2024-11-07", "November 7, 2024")
             + card("Drought plan", "2024-10-30", "October 30, 2024"))
    html = page("<title>Water Rights</title>", "<h1>Tag: Water Rights</h1>" + cards)
    assert meta_of(html, "https://news.example.com/tag/water-rights/", page_type="listing").get("published") is None


def test_a_service_page_is_not_dated_by_the_release_its_app_declares() -> None:
    url = "https://app.example.com/"
    head = "<title>Notewise - notes for teams</title>" + _ld(
        {"@type": "SoftwareApplication", "url": url, "name": "Notewise", "datePublished": "2021-11-03",
         "applicationCategory": "BusinessApplication", "offers": {"@type": "Offer", "price": "0"}}
    )
    body = ("<h1>Notes for teams</h1><p>Write, share and find your team's notes in one place. Free for "
            "teams of up to ten, with plans for larger teams and companies.</p>")
    html = page(head, body)
    assert meta_of(html, url, page_type="service").get("published") is None
    # A page read as a story about the app keeps it, as before.
    assert meta_of(html, url, page_type="article")["published"][:10] == "2021-11-03"


def test_a_service_page_is_not_dated_by_the_webpage_node_its_seo_plugin_writes() -> None:
    url = "https://plumbing.example.com/services/drain-cleaning/"
    head = "<title>Drain cleaning - Example Plumbing</title>" + _ld(
        {"@type": "WebPage", "@id": url, "url": url, "name": "Drain cleaning",
         "datePublished": "2020-08-03T18:16:14+00:00", "dateModified": "2025-11-24T10:48:19+00:00"}
    )
    body = ("<h1>Drain cleaning</h1><p>Blocked sinks, slow showers and backed-up sewer lines cleared the "
            "same day by licensed plumbers, with camera inspection and a written quote first.</p>")
    html = page(head, body)
    assert meta_of(html, url, page_type="service").get("published") is None
    # A date the page shows under a label stays; a story declared by its WebPage keeps it too.
    shown = body + "<p>Published: August 3, 2020</p>"
    assert meta_of(page(head, shown), url, page_type="service")["published"][:10] == "2020-08-03"
    assert meta_of(html, url, page_type="article")["published"][:10] == "2020-08-03"
