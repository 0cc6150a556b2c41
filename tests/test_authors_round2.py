"""Authors named away from the headline: Twitter's "Written by" card, an author box after the
story, a visible byline over a CMS login, and the bios and product blurbs that must not count."""

from __future__ import annotations

import json

from metadata_helpers import STORY, meta_of, page

TITLE = "Obama Writes Secret Letter To Iranian Leader"
HEAD = f"<title>{TITLE}</title>"
H1 = f"<h1>{TITLE}</h1>"


def authors_of(body: str, head: str = HEAD, *, kept: list[int] | None = None) -> list[str] | None:
    return meta_of(page(head, body), kept=kept).get("authors")


def test_twitter_written_by_label_names_the_author() -> None:
    head = HEAD + (
        '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tyler Brown">'
        '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="6 minutes">'
    )
    assert authors_of(f"{H1}{STORY}", head) == ["Tyler Brown"]


def test_twitter_data_without_an_author_label_is_not_an_author() -> None:
    head = HEAD + '<meta name="twitter:label1" content="Reading time"><meta name="twitter:data1" content="Six Minutes">'
    assert not authors_of(f"{H1}{STORY}", head)


def test_visible_byline_wins_over_a_login_in_json_ld() -> None:
    ld = {"@context": "https://schema.org", "@type": "Article", "headline": TITLE,
          "author": {"@type": "Person", "name": "KatieS"}}
    head = HEAD + f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f'{H1}<p class="byline"><a class="author-link" href="/authors/aoife">Aoife O\'Riordan</a></p>{STORY}'
    assert authors_of(body, head) == ["Aoife O'Riordan"]


def test_about_the_author_box_after_the_story() -> None:
    body = (
        f"{H1}{STORY}<h3>About the Writer:</h3>"
        "<div>Denise Everheart is a freelance writer and meditation teacher who lives in Ohio.</div>"
    )
    assert authors_of(body) == ["Denise Everheart"]


def test_written_by_heading_after_a_long_story() -> None:
    # Far below the headline, past where bylines are looked for.
    body = f"{H1}{STORY * 8}<h3>Written by Cassidy Horton</h3><p>Cassidy Horton is a finance writer.</p>"
    assert authors_of(body) == ["Cassidy Horton"]


def test_name_over_a_role_line_after_the_story() -> None:
    body = f"{H1}{STORY}<div><p>Matteo Laratta</p><p>| Author</p></div>"
    assert authors_of(body) == ["Matteo Laratta"]


def test_bio_confirmed_by_the_name_on_its_own_line() -> None:
    body = (
        f"{H1}{STORY}<h3>Alban Brooke</h3>"
        "<p>Alban Brooke is the Head of Marketing at Buzzsprout and has recorded over 500 episodes.</p>"
    )
    assert authors_of(body) == ["Alban Brooke"]


def test_author_box_name_in_a_heading_beside_the_headline() -> None:
    body = (
        f'{H1}<div class="author-box"><h4 class="author-box__name">Liz Kenny</h4>'
        f"<p>Former McKinsey Consultant</p></div>{STORY}"
    )
    assert authors_of(body) == ["Liz Kenny"]


def test_a_product_blurb_is_not_a_bio() -> None:
    body = (
        f"<h1>Flexbox</h1><p>Flexbox</p><p>Mesh Router</p>{STORY}"
        "<p>Mesh Router is a networking platform built for large homes and offices everywhere.</p>"
    )
    assert not authors_of(body)


def test_an_organisation_bio_in_the_footer_is_not_an_author() -> None:
    body = (
        f"{H1}{STORY}<p>Privacy Guides</p>"
        "<p>Privacy Guides is a non-profit, socially motivated website run by its developers.</p>"
    )
    assert not authors_of(body)


def test_a_team_page_with_several_bios_names_nobody() -> None:
    body = (
        f"{H1}{STORY}<h3>Jane Porter</h3><p>Jane Porter is a senior consultant with ten years in retail.</p>"
        "<h3>Mark Ellis</h3><p>Mark Ellis is a director who leads our audit practice.</p>"
    )
    assert not authors_of(body)


def test_staff_and_wire_reports_name_no_author() -> None:
    for byline in ("From staff reports", "From wire reports", "Staff and wire reports"):
        assert not authors_of(f"{H1}<p class='byline'>{byline}</p>{STORY}"), byline


def test_an_email_address_after_the_byline_leaves_the_name() -> None:
    # Older pages set the writer's address under the name, in the same line box.
    body = f"{H1}<p class='byline'>By Jane Smith<br>jsmith@courier.com</p>{STORY}"
    assert authors_of(body) == ["Jane Smith"]


def test_names_in_scripts_without_capitals() -> None:
    from newsmill.meta.authors import split_byline

    assert split_byline("بقلم أحمد علي") == ["أحمد علي"]
    assert split_byline("By אבי כהן") == ["אבי כהן"]
    # Chinese has its own path: a run of characters after "By" is as often a phrase.
    assert split_byline("By 城市日报 记者") == []
