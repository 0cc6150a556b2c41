"""Text mode: an Article from a page already flattened to text, one block per line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsmill.errors import InputError
from newsmill.textmode import extract_text, site_case

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "china-topix-obama-letter.txt"

# A page of our own in the same shape as the shared example: masthead, a clock reading,
# a homepage widget, a section label, the headline, a photo caption with its credit, the
# story with widget lines between its paragraphs, and footer labels.
HARBOUR_PAGE = """THE NORTHERN LEDGER

03/14/2025 09:12:44 pm

Set The Ledger As Your Start Page

Business

Shipyard Wins Navy Contract, Ending Two Years Of Layoffs At The Port

(Photo : AFP) Welders at work in the dry dock of the Kestrel shipyard in Aberdeen.

The Kestrel shipyard in Aberdeen has won a contract to build four patrol vessels for the navy, its owners said on Thursday, ending two years in which the yard shed almost a third of its workers.

The contract, worth about 900 million pounds over eight years, is the largest the yard has signed since it was sold by the government in 2009.

FOLLOW US ON TWITTER

Union leaders, who had campaigned for the order to be placed in Scotland, welcomed the news but warned that the yard would need to hire quickly to meet the first deadline in 2027.

"This is the day the workers of this yard have waited for since the first layoffs," union convener Moira Campbell said outside the gates.

Campbell said the yard had lost skilled welders to oil platforms in the North Sea and that some might not come back.

"We will be recruiting from the first week of April, and we want school leavers as much as experienced hands," the Press and Journal quotes managing director Alistair Dunn as saying.

Dunn declined to say how many jobs the order would create.

Share this article

Most Read

Privacy Policy | Terms of Use

Copyright 2025 Northern Ledger Ltd.
"""

STORY_STARTS = [
    "The Kestrel shipyard in Aberdeen has won",
    "The contract, worth about 900 million pounds",
    "Union leaders, who had campaigned",
    '"This is the day the workers',
    "Campbell said the yard had lost",
    '"We will be recruiting',
    "Dunn declined to say",
]
BOILERPLATE = [
    "THE NORTHERN LEDGER", "03/14/2025", "Set The Ledger", "Business\n", "FOLLOW US",
    "Share this article", "Most Read", "Privacy Policy", "Copyright 2025",
]


def _paragraph_order(text: str, starts: list[str]) -> list[int]:
    paras = text.split("\n\n")
    return [next(i for i, p in enumerate(paras) if p.startswith(s)) for s in starts]


@pytest.mark.parametrize("models", [None, "rules"])
def test_own_page_fields(models):
    # The packaged models, then the hand-written rules that need no model.
    art = extract_text(HARBOUR_PAGE, line_model=models, headline_model=models)
    assert art.title == "Shipyard Wins Navy Contract, Ending Two Years Of Layoffs At The Port"
    assert art.site_name == "The Northern Ledger"
    assert art.published is None  # only the page's clock reading is dated
    assert [(i.credit, i.caption[:20]) for i in art.images] == [("AFP", "Welders at work in t")]
    order = _paragraph_order(art.text, STORY_STARTS)
    assert order == sorted(order) and len(art.text.split("\n\n")) == len(STORY_STARTS)
    for bp in BOILERPLATE:
        assert bp not in art.text + "\n"
    assert art.title not in art.text


def test_own_page_quotes():
    art = extract_text(HARBOUR_PAGE)
    got = [(q.text[:25], q.speaker, q.reported_by) for q in art.quotes]
    assert got == [
        ("This is the day the worke", "Moira Campbell", None),
        ("We will be recruiting fro", "Alistair Dunn", "Press and Journal"),
    ]
    for q in art.quotes:
        assert art.text[q.start : q.end] == q.text


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not present")
def test_shared_example():
    art = extract_text(EXAMPLE.read_text(encoding="utf-8"))
    assert art.title == "Obama Writes Secret Letter To Iranian Leader, But No Military Cooperation Involved"
    assert art.site_name == "China Topix"
    assert [i.credit for i in art.images] == ["REUTERS"]
    assert art.images[0].caption.startswith("U.S. President Barack Obama speaks about the economy")
    assert art.published is None and "2024" not in (art.published or "") + (art.modified or "")
    starts = [
        "The U.S. and Iran were once", "The U.S.-led Coalition", "Iran's action is to show",
        "The move by Obama is linked", "Iran insists that the aim", "While Washington is not ruling out",
        "The resumption of the international", '"The United States will not cooperate',
        "The spokesman said at a White House", '"I can tell you that the policy',
        "The Associated Press vouched",
    ]
    order = _paragraph_order(art.text, starts)
    assert order == sorted(order) and len(art.text.split("\n\n")) == len(starts)
    for bp in ["CHINA TOPIX", "11/22/2024", "Make CT Your Homepage", "The Vote", "Like Us on Facebook",
               "Real Time Analytics", "(Photo"]:
        assert bp not in art.text
    quotes = [(q.text.split()[0:4], q.speaker, q.reported_by) for q in art.quotes]
    assert quotes == [
        (["prospects", "for", "final", "agreement"], "Barack Obama", None),
        (["The", "United", "States", "will"], "Josh Earnest", "Sun Herald"),
        (["I", "can", "tell", "you"], "Josh Earnest", "Reuters"),
    ]


def test_published_only_when_stated():
    page = (
        "DAILY COURIER\nMonday, June 2, 2025\nHeadline About The Flood Defences Being Finished\n"
        "Published: May 28, 2025\n"
        "The flood defences along the river were finished this week, two years later than planned, "
        "and the council says they will protect four hundred homes.\n"
        "Work began in 2021 and was delayed twice by the discovery of old mine shafts under the bank.\n"
    )
    art = extract_text(page)
    assert art.published == "2025-05-28"
    # Without the label, the top-of-page date (above the headline) is not a publication date.
    art = extract_text(page.replace("Published: May 28, 2025\n", ""))
    assert art.published is None


def test_relative_dates_need_the_fetch_time():
    page = (
        "Harbour Seals Return To The Estuary For The First Time In Decades\nPosted 3 days ago\n"
        "Seals have been seen in the estuary for the first time since the 1970s, volunteers who count "
        "them every spring said, crediting cleaner water and fewer boats.\n"
        "The count found eleven animals, most of them young, on the sandbanks near the old ferry pier.\n"
    )
    assert extract_text(page).published is None
    art = extract_text(page, fetched=datetime(2025, 4, 10, 12, 0, tzinfo=UTC))
    assert art.published == "2025-04-07"


def test_byline_gives_authors():
    page = (
        "Rail Strike Called Off After Late Night Talks\nBy Jane Holloway and Sam Okoro\n"
        "A rail strike planned for Friday has been called off after talks that ran past midnight, "
        "the union said, after the operator improved its pay offer.\n"
        "Trains will run to the normal timetable, the operator said in a statement on its website.\n"
    )
    art = extract_text(page)
    assert art.authors == ["Jane Holloway", "Sam Okoro"]
    assert "By Jane" not in art.text


def test_site_case():
    assert site_case("CHINA TOPIX") == "China Topix"
    assert site_case("BBC NEWS") == "BBC News"
    assert site_case("THE NEW YORK TIMES") == "The New York Times"
    assert site_case("The Guardian") == "The Guardian"


def test_url_spelling_the_domain_finds_the_masthead():
    page = HARBOUR_PAGE.replace("THE NORTHERN LEDGER", "NORTHERN LEDGER")
    art = extract_text(page, "https://www.northernledger.co.uk/business/shipyard-wins-navy-contract")
    assert art.site_name == "Northern Ledger"


def test_bad_and_empty_input():
    with pytest.raises(InputError):
        extract_text(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        extract_text("text", fetched="yesterday")  # type: ignore[arg-type]
    art = extract_text(" \n\n \n", "https://example.com/a")
    assert art.text == "" and art.title is None and art.url == "https://example.com/a"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(Photo : REUTERS) Rescue workers search the rubble in Antakya.", "REUTERS"),
        ("Rescue workers search the rubble in Antakya. (AP Photo/Emrah Gurel)", "AP Photo/Emrah Gurel"),
        ("Rescue workers search the rubble in Antakya. Photo: Getty Images", "Getty Images"),
        ("Rescue workers search the rubble in Antakya (Image credit: Jane Smith)", "Jane Smith"),
    ],
)
def test_caption_forms_become_images(line, credit):
    page = HARBOUR_PAGE.replace("(Photo : AFP) Welders at work in the dry dock of the Kestrel shipyard in Aberdeen.", line)
    art = extract_text(page)
    assert [i.credit for i in art.images] == [credit]
    assert art.images[0].caption.startswith("Rescue workers search the rubble in Antakya")
    assert "Rescue workers" not in art.text
