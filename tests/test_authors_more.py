"""Authors written as text near the headline, forum posters, and the junk that looks like them."""

from __future__ import annotations

import json

import pytest
from metadata_helpers import STORY, meta_of, page

from newsmill.meta.authors import clean_names, split_byline
from newsmill.meta.givennames import has_given_name

TITLE = "Obama Writes Secret Letter To Iranian Leader"
HEAD = f"<title>{TITLE}</title>"
H1 = f"<h1>{TITLE}</h1>"


def authors_of(body: str, head: str = HEAD, *, kept: list[int] | None = None) -> list[str] | None:
    """Authors of a page; ``kept=[]`` makes the content scorer keep nothing, so that only where
    a block sits (not its being story text) lets it count."""
    return meta_of(page(head, body), kept=kept).get("authors")


# --- bylines the page writes as text --------------------------------------------------------


def test_written_by_label_inside_a_wrapper_the_headline_shares() -> None:
    # Utility-CSS pages put everything in "grid"/"card" wrappers: not a reason to skip a byline.
    body = (
        f'<div class="card-grid">{H1}<div><p>Last updated</p><time>Aug 04, 2025</time></div>'
        f"<div><p>Written by</p><p>Edzel Tabing</p></div>{STORY}</div>"
    )
    assert authors_of(body, kept=[]) == ["Edzel Tabing"]


def test_byline_in_a_card_right_under_the_headline() -> None:
    body = f'{H1}<div class="author-card"><p>By Preetam Jinka</p><p>Co-founder</p></div>{STORY}'
    assert authors_of(body, kept=[]) == ["Preetam Jinka"]


def test_byline_in_a_card_far_below_the_headline_is_skipped() -> None:
    filler = "".join(f"<h2>Part {i}</h2>" for i in range(6))
    body = f'{H1}{filler}<div class="info-card"><p>By Preetam Jinka</p></div>{STORY}'
    assert authors_of(body, kept=[]) is None


def test_byline_with_bullet_separators() -> None:
    body = f"{H1}<div>by Meaghan Weeden ● December 23, 2025 ● 6 min read</div>{STORY}"
    assert authors_of(body) == ["Meaghan Weeden"]


def test_dateline_starting_with_a_name() -> None:
    body = (
        f"{H1}<p>Ryan Bald 02 Feb 2026 <a href='/category/reviews/'>Product Reviews</a> "
        f"7 Comments</p>{STORY}"
    )
    assert authors_of(body) == ["Ryan Bald"]


def test_bare_name_beside_the_date() -> None:
    body = f"{H1}<div>Chris Toy</div><div>•</div><div>March 17, 2025</div>{STORY}"
    assert authors_of(body) == ["Chris Toy"]


def test_list_of_names_above_the_date() -> None:
    body = (
        f"{H1}<p>Naftali Tishby, Fernando C. Pereira, William Bialek</p>"
        f"<div>24 Apr 2000 • 3 min read</div>{STORY}"
    )
    assert authors_of(body) == ["Naftali Tishby", "Fernando C. Pereira", "William Bialek"]


def test_name_linked_to_an_author_page() -> None:
    body = f'{H1}<div><a href="/authors/olive-ryan">Olive Ryan</a></div>{STORY}'
    assert authors_of(body) == ["Olive Ryan"]


def test_contributors_label() -> None:
    body = f"{H1}<p>Contributors: Janet Loughrey</p>{STORY}"
    assert authors_of(body) == ["Janet Loughrey"]


# --- forums ----------------------------------------------------------------------------------


def test_forum_thread_starter() -> None:
    body = (
        f"{H1}<ul><li>Thread starter sean_g</li><li>Start date Feb 25, 2024</li></ul>"
        f'<div class="message">{STORY}</div>'
    )
    assert authors_of(body) == ["sean_g"]


def test_forum_started_by_line() -> None:
    body = f"{H1}<p>Discussion in 'Hosting Advice' started by pelex, May 26, 2025.</p>{STORY}"
    assert authors_of(body) == ["pelex"]


def test_forum_first_poster_from_the_user_panel() -> None:
    body = (
        f"{H1}<p>16 posts • Page 1 of 1</p>"
        "<dl><dt>b.scherer</dt><dd>Member</dd><dd>Posts: 2</dd><dd>Joined: Sun Dec 17, 2023</dd></dl>"
        f"{STORY}"
        "<dl><dt>other_user</dt><dd>Posts: 5000</dd></dl><p>A reply.</p>"
    )
    assert authors_of(body) == ["b.scherer"]


def test_author_element_in_a_post_box_by_the_headline() -> None:
    # Forum posts sit in "comment"/"reply" containers, which a news page's filter skips.
    body = (
        '<div class="comment-thread"><div>r/technology</div>'
        '<div><a class="author-name" href="/user/ControlCAD">ControlCAD</a></div>'
        f"{H1}</div>{STORY}"
    )
    assert authors_of(body) == ["ControlCAD"]


# --- structured fields -----------------------------------------------------------------------


def test_other_meta_author_keys() -> None:
    head = HEAD + '<meta name="nar_author" content="Melissa Dittmann Tracey">'
    assert authors_of(STORY, head) == ["Melissa Dittmann Tracey"]


def test_meta_author_with_several_full_names() -> None:
    head = HEAD + '<meta name="author" content="Tomson Highway, Anna Lopez">'
    assert authors_of(STORY, head) == ["Tomson Highway", "Anna Lopez"]


def test_last_first_in_one_field_is_not_split() -> None:
    assert clean_names(["Kaufman, Jeff"], strict=False, orgs=set()) == ["Kaufman, Jeff"]


def test_site_name_as_meta_author_loses_to_the_byline() -> None:
    head = HEAD + ('<meta property="og:site_name" content="One Tree Planted">'
                   '<meta name="author" content="One Tree Planted">')
    body = f"{H1}<div>by Meaghan Weeden ● December 23, 2025</div>{STORY}"
    assert authors_of(body, head) == ["Meaghan Weeden"]


def test_cms_login_name_loses_to_the_byline() -> None:
    ld = {"@type": "Article", "headline": TITLE, "author": {"@type": "Person", "name": "andrew.keaveney"}}
    head = HEAD + f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f'<article>{H1}<div class="byline">By Denise Everheart</div>{STORY}</article>'
    assert authors_of(body, head) == ["Denise Everheart"]


def test_personal_site_owner_when_no_one_else_is_named() -> None:
    head = ("<title>Go ahead, self-host Postgres | Erin Spain</title>"
            '<meta property="og:type" content="article">')
    m = meta_of(page(head, f"<h1>Go ahead, self-host Postgres</h1><p>July 2, 2025</p>{STORY}"))
    assert m["authors"] == ["Erin Spain"]
    assert m["confidence"]["authors"] < 0.6


# --- junk that must not become an author -----------------------------------------------------


def test_shop_named_after_a_person_is_not_an_author() -> None:
    head = "<title>Staffing services | Robert Half</title>"
    assert meta_of(page(head, f"<h1>Staffing services</h1>{STORY}")).get("authors") is None


@pytest.mark.parametrize(
    "line",
    [
        "Door &amp; Window Sensor",  # Dutch "door" (by) is an English word
        "Par thème",  # French "par" before a lower-case word
        "Authorized Dealer",  # "Author..." is not an "Author:" label
        "content: MarketingSherpa, design: Scott McDaniel",  # credits, not a byline
    ],
)
def test_label_lookalikes_are_not_bylines(line: str) -> None:
    assert authors_of(f"{H1}<p>{line}</p>{STORY}") is None


def test_category_beside_the_date_is_not_a_name() -> None:
    body = (
        f"{H1}<div><a href='/category/living-healthy/'>Living Healthy</a></div>"
        f"<div>November 28, 2025</div>{STORY}"
    )
    assert authors_of(body) is None


def test_capitalised_section_without_a_given_name_is_not_a_name() -> None:
    body = f"{H1}<div>Video Production</div><div>September 4, 2025</div>{STORY}"
    assert authors_of(body) is None


def test_company_name_is_not_split_into_a_person() -> None:
    assert split_byline("Thomson Reuters Tax & Accounting") == []


def test_profile_date_label_is_not_a_forum_panel() -> None:
    body = f"{H1}<dl><dt>Plan</dt><dd>Advanced</dd><dt>Joined Shopify</dt><dd>2016</dd></dl>{STORY}"
    assert authors_of(body) is None


def test_reviewer_by_a_product_title_is_not_the_author() -> None:
    ld = {"@type": "Product", "name": TITLE}
    head = HEAD + f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f'<div class="review-comment"><span class="author">Ash C.</span>{H1}</div>{STORY}'
    assert authors_of(body, head) is None


def test_given_names_skip_titles_and_common_words() -> None:
    assert has_given_name("Dr. Jane Roe")
    assert not has_given_name("AI Products")
    assert not has_given_name("Video Production")


def test_byline_run_on_into_the_headline_block_of_an_older_page() -> None:
    # Headline, byline and date set apart by <br> only: one block, the headline first.
    body = (
        f'<table><tr><td><font size="5"><b>{TITLE}</b></font><br>'
        '<font size="1">By John Smith, Staff Writer<br>Published: March 12, 2008</font><br><br>'
        f"{STORY}</td></tr></table>"
    )
    assert meta_of(page(HEAD, body))["authors"] == ["John Smith"]
    # A wire-style byline in capitals with a role and no date.
    body = (
        f'<table><tr><td><font size="4"><b>{TITLE}</b></font><br>'
        f'<font size="2">By JOHN SMITH<br>Courier Staff Writer</font><br><br>{STORY}</td></tr></table>'
    )
    assert meta_of(page(HEAD, body))["authors"] == ["John Smith"]
    # A headline that only mentions "by" and a year names no author.
    body = f"<h1>Letter Signed by Obama in 2014 Reaches Tehran</h1>{STORY}"
    assert not meta_of(page("<title>Letter Signed by Obama in 2014 Reaches Tehran</title>", body)).get("authors")


def test_russian_chinese_and_japanese_author_labels() -> None:
    assert split_byline("Автор: Иван Петров") == ["Иван Петров"]
    assert split_byline("Текст: Иван Петров") == ["Иван Петров"]
    assert split_byline("作者：张伟") == ["张伟"]
    assert split_byline("文/王强") == ["王强"]
    assert split_byline("2024年03月12日 08:30 来源：春田日报 作者：张伟") == ["张伟"]
    # Without a label, Chinese words are not names: menus and section labels stay out.
    assert split_byline("首页") == [] and split_byline("新闻 体育") == []


def test_a_chinese_dateline_gives_the_author() -> None:
    story = "<p>春田市议会周二晚以五比二的投票结果通过了下一财年的预算，结束了数周以来关于削减图书馆经费的争论。</p>" * 3
    body = f"<h1>城市议会通过新预算</h1><div class='info'>2024年03月12日 08:30 来源：春田日报 作者：张伟</div>{story}"
    assert meta_of(page("<title>城市议会通过新预算</title>", body, lang="zh-CN"))["authors"] == ["张伟"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Texto: María López", ["María López"]),
        ("Tekst: Jan de Vries", ["Jan de Vries"]),
        ("Por Redacción EFE", None),  # the newsroom, not a person
        ("Von Katrin Müller und Jens Becker", ["Katrin Müller", "Jens Becker"]),
    ],
)
def test_bylines_of_other_languages_newsrooms(line: str, names: list[str] | None) -> None:
    assert authors_of(f'{H1}<p class="byline">{line}</p>{STORY}') == names
