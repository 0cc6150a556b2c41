"""Listing and thread pages: a card's teaser, a Q&A comment's stamp, a locked thread's notice.
Each case is a page that newsmill read wrongly before."""

from __future__ import annotations

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from newsmill.assemble import _add_post_headers, is_widget_line, select
from newsmill.meta.pubdate import gather_thread_start
from newsmill.segment import Segmentation, segment


def _seg(html: str) -> Segmentation:
    return segment(LexborHTMLParser(f"<html><body>{html}</body></html>").body)


def test_a_cards_teaser_in_a_link_hidden_from_screen_readers_is_read() -> None:
    # A news river's card links its story twice; the teaser's link is hidden from screen readers
    # and the tab order (aria-hidden, tabindex -1) but shown on the screen. A hidden icon link
    # and a hidden span stay out.
    seg = _seg(
        "<article><h2><a href='/s/1'>Harbour ferry fares rise in April</a></h2>"
        "<p class='river-desc'><a href='/s/1' aria-hidden='true' tabindex='-1'>The council approved a "
        "ten percent rise for the two harbour ferry routes after a long debate.</a></p>"
        "<a href='/s/1' aria-hidden='true' tabindex='-1'>Read more</a>"
        "<span aria-hidden='true'>This decorative caption is never shown to anyone here.</span></article>"
    )
    assert [b.text for b in seg.blocks] == [
        "Harbour ferry fares rise in April",
        "The council approved a ten percent rise for the two harbour ferry routes after a long debate.",
    ]


def test_a_comments_stamp_heads_no_answer() -> None:
    # A Q&A page: the answer's header is looked for in the blocks before it, where the last
    # comment under the question ends with its hidden machine date and its "Commented" stamp.
    seg = _seg(
        "<div class='question'><p>How do I keep a sourdough starter alive while I travel for two weeks?</p>"
        "<div class='user-details'><a>Pup</a></div><span>asked Jun 29, 2012 at 10:51</span></div>"
        "<ul class='comments'><li><span class='comment-copy'>Dry some of it on baking paper.</span>"
        "<a class='comment-user'>Joe</a><div class='d-none'>2016-09-19 17:02:14 +00:00</div>"
        "<span class='comment-date'><span class='v-visible-sr'>Commented</span> Sep 19, 2016 at 17:02</span></li></ul>"
        "<div class='answer'><p>Feed it a stiff dough and keep it in the fridge; it will last a month.</p></div>"
    )
    texts = [b.text for b in seg.blocks]
    answer = texts.index("Feed it a stiff dough and keep it in the fridge; it will last a month.")
    assert [texts[i] for i in _add_post_headers(seg, [0, answer])] == [
        "How do I keep a sourdough starter alive while I travel for two weeks?",
        "Feed it a stiff dough and keep it in the fridge; it will last a month.",
    ]


def test_thread_furniture_lines() -> None:
    # A locked thread's notice with its explanation, a directory's "People also searched for",
    # a buying guide's retailer buttons, a comment's stamp.
    for line in (
        "This thread is locked. You can vote as helpful, but you cannot reply or subscribe to this thread.",
        "People also searched for",
        "Check price at REI",
        "Check price at Amazon (on sale!)",
        "Check Amazon",
        "Commented Sep 19, 2016 at 17:02",
    ):
        assert is_widget_line(line), line
    for line in ("Check the brakes at the start of every ride.", "People also searched for the missing hiker."):
        assert not is_widget_line(line), line


def test_a_questions_asked_stamp_dates_a_thread() -> None:
    # A Q&A page without metadata: the question's "asked" stamp is furniture, not kept text, yet
    # it dates the thread (not a comment's stamp further down).
    seg = _seg(
        "<h1>How does residential electricity work?</h1><p>Why does current flow back to the panel?</p>"
        "<span>asked Mar 26, 2019 at 16:18</span><p>Good question, see the wiring code.</p>"
        "<span>Commented Mar 27, 2019 at 23:15</span><p>The neutral wire carries it back.</p>"
    )
    kept = [0, 1, 3, 4, 5]
    (cand,) = gather_thread_start(seg, kept, False, None)
    assert [b.text for b in seg.blocks][2] == "asked Mar 26, 2019 at 16:18"
    assert (cand.value.day.month, cand.value.day.day) == (3, 26)


# A tag archive's title, its introduction and its one card, as select keeps them.
_ARCHIVE = [
    "Water Rights",
    "Coverage of who gets to use the river and its tributaries, from district votes to court fights.",
    "District votes to sell water to a farm",
    "The board approved the one-year transfer on Tuesday night.",
]


def test_a_listings_introduction_under_its_h1_is_kept() -> None:
    # A tag archive: the model doubts the page's <h1> and the line of prose under it, set in the
    # archive's header apart from the cards; both stay. A short label under it would not.
    seg = _seg(
        "<header><span>Tag</span><h1>Water Rights</h1><div class='taxonomy-description'><p>Coverage of who "
        "gets to use the river and its tributaries, from district votes to court fights.</p></div></header>"
        "<article><h2><a href='/a'>District votes to sell water to a farm</a></h2><p>The board approved the "
        "one-year transfer on Tuesday night.</p></article>"
    )
    probs = np.array([0.02, 0.2, 0.25, 0.6, 0.8])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "listing")] == _ARCHIVE
    assert [seg.blocks[i].text for i in select(seg, np.array([0.02, 0.2, 0.1, 0.6, 0.8]), 0.5, "listing")] == [
        "District votes to sell water to a farm",
        "The board approved the one-year transfer on Tuesday night.",
    ]


def test_a_listings_introduction_under_an_old_pages_font_title_is_kept() -> None:
    # The same archive set in old markup: its title a <font size=6><b> line (an <h1>'s size).
    seg = _seg(
        "<div class='header'><div>Tag</div><font size=6><b>Water Rights</b></font><br>"
        "<div class='taxonomy-description'>Coverage of who gets to use the river and its tributaries, from "
        "district votes to court fights.<br><br></div></div><div class='post'><font size=5><b><a href='/a'>"
        "District votes to sell water to a farm</a></b></font><br>The board approved the one-year transfer "
        "on Tuesday night.<br><br></div>"
    )
    probs = np.array([0.02, 0.2, 0.25, 0.6, 0.8])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "listing")] == _ARCHIVE


def test_a_threads_similar_threads_list_goes() -> None:
    # A forum engine's "Similar threads" box under the thread: its heading is not kept, the
    # other threads' titles and dates are; they go. A thread with little before it keeps all.
    seg = _seg(
        "<div class='message'><p>I heard that Cincinnati has already sent out interview invitations, so I "
        "figured we should get this thread started early this season. Best of luck to all of you.</p></div>"
        "<div class='message'><p>Congratulations on the invitation, that is amazing news for you!</p></div>"
        "<h3>Similar threads</h3><div class='structItem'><a href='/t/2'>Official ID Thread 2025-2026</a>"
        "<span>Jul 24, 2025</span></div>"
    )
    probs = np.array([0.9, 0.9, 0.1, 0.6])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")] == [
        "I heard that Cincinnati has already sent out interview invitations, so I figured we should get "
        "this thread started early this season. Best of luck to all of you.",
        "Congratulations on the invitation, that is amazing news for you!",
    ]


def test_a_similar_threads_list_under_an_old_pages_font_heading_goes() -> None:
    # The same box on a page set in old markup: its heading a <font size=4><b> line, the
    # model's kept text like the rest. The heading and the list after it go.
    seg = _seg(
        "<div class='message'>I heard that Cincinnati has already sent out interview invitations, so I "
        "figured we should get this thread started early this season. Best of luck to all of you.<br><br></div>"
        "<div class='message'>Congratulations on the invitation, that is amazing news for you!<br><br></div>"
        "<div class='block'><font size=4><b>Similar threads</b></font><br><div class='structItem'>"
        "<a href='/t/2'>Official ID Thread 2025-2026</a> <span>Jul 24, 2025</span></div></div>"
    )
    probs = np.array([0.9, 0.9, 0.6, 0.6])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")] == [
        "I heard that Cincinnati has already sent out interview invitations, so I figured we should get "
        "this thread started early this season. Best of luck to all of you.",
        "Congratulations on the invitation, that is amazing news for you!",
    ]


def test_a_store_cards_apply_now_button_is_furniture() -> None:
    # A shop's store-card offer ends in its button; a sentence that starts so stays.
    assert is_widget_line("Apply now")
    assert is_widget_line("Apply Now")
    assert not is_widget_line("Apply now for the spring term and start in April.")


def test_a_closed_threads_notice_is_furniture() -> None:
    # The notice over a closed thread; a post that reports a closed shop stays.
    assert is_widget_line("This discussion is now closed.")
    assert is_widget_line("This topic has been closed to new replies.")
    assert not is_widget_line("The shop on the corner is now closed on Sundays.")


def test_a_listings_second_rendering_of_its_cards_goes_though_it_writes_them_apart() -> None:
    # The same stories again in a second layout that writes the by-line and the stamp its own way.
    stories = [
        ("Why the lighthouse keepers of Vennsand stayed on", "Ottilie Saavedra", "Mar 07, 2026", "4"),
        ("Beating the tide tables with a pocket calculator", "Teimur Gasanov", "Mar 06, 2026", "13"),
        ("A harbour master's notebook from the winter storms", "Inge Brodersen", "Mar 05, 2026", "6"),
    ]
    first = "".join(
        f"<div class='card'><h3><a href='/s/{i}'>{t}</a></h3><p>{a}</p><p>{d} | {m} min read</p></div>"
        for i, (t, a, d, m) in enumerate(stories)
    )
    second = "".join(
        f"<li class='row'><h3><a href='/s/{i}'>{t}</a></h3><p>by {a}</p><p>{d} · {m} min read</p></li>"
        for i, (t, a, d, m) in enumerate(stories)
    )
    html = f"<html><body><h1>Latest stories</h1><section>{first}</section><ul>{second}</ul></body></html>"
    seg = segment(LexborHTMLParser(html).body)
    probs = np.full(len(seg.blocks), 0.9)
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "listing")]
    assert kept == ["Latest stories"] + [x for t, a, d, m in stories for x in (t, a, f"{d} | {m} min read")]


def test_an_old_pages_font_heading_over_kept_text_is_kept_like_a_heading() -> None:
    # A heading the model half doubts joins the kept text right under it; an old page's
    # <font size=4><b> line is its heading. A doubted plain line does not join.
    seg = _seg(
        "<div class='box'><font size=4><b>Ferry timetable</b></font><br>The spring timetable adds two "
        "sailings on weekday evenings from April.<br><br></div><div class='box'><b>Note</b><br>"
        "The summer timetable follows in June, with the same evening sailings.<br><br></div>"
    )
    assert [b.text for b in seg.blocks][::2] == ["Ferry timetable", "Note"]
    probs = np.array([0.3, 0.8, 0.3, 0.8])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "listing")] == [
        "Ferry timetable",
        "The spring timetable adds two sailings on weekday evenings from April.",
        "The summer timetable follows in June, with the same evening sailings.",
    ]


_QA = (
    "<div class='question js-question'><div class='post-layout'><div class='postcell'><p>How do I move the "
    "keyboard focus to the file list in Explorer without the mouse?</p></div><div class='comments'>"
    "<ul class='comments-list'><li class='comment js-comment'><div class='comment-body'><span "
    "class='comment-copy'>Which version of Windows are you using for this, seven or ten?</span></div></li>"
    "</ul></div></div></div><div class='answer js-answer'><div class='answercell'><p>Press Ctrl+E and then "
    "Escape: the focus goes back to the file list.</p></div></div>"
)


def test_a_qa_pages_comments_under_its_question_go() -> None:
    # A Q&A thread (Stack Exchange): the comments under the question, set in an element classed
    # "comment" inside the one classed "question", are remarks on the post; the answer stays.
    seg = _seg(_QA)
    probs = np.array([0.9, 0.8, 0.9])
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")] == [
        "How do I move the keyboard focus to the file list in Explorer without the mouse?",
        "Press Ctrl+E and then Escape: the focus goes back to the file list.",
    ]
    # A thread engine's replies classed "comment" are the thread: they stay.
    seg = _seg(_QA.replace("'question js-question'", "'thread'"))
    assert len(select(seg, probs, 0.5, "forum")) == 3


def test_a_kept_cards_teaser_brings_its_linked_title() -> None:
    # A news river's cards: the model keeps each teaser and doubts its linked title (scored under
    # half the threshold, so no "heading over kept text"). A card's title comes with its kept
    # teaser; a card whose only kept line is a short one (a price, a tag) brings no heading.
    stories = [
        ("Harbour ferry fares rise in April",
         "The council approved a ten percent rise for the two harbour ferry routes after a long debate on Tuesday night."),
        ("Library opens on Sunday evenings",
         "The town library will stay open until eight o'clock on Sundays from next month, after a record summer of visits."),
        ("New bridge over the river approved",
         "Work on the footbridge between the two parks will start in the spring and should take about eighteen months."),
    ]
    cards = "".join(
        f"<article class='card'><span>May 2, 2025</span><h2><a href='/s/{i}'>{title}</a></h2><p>{teaser}</p></article>"
        for i, (title, teaser) in enumerate(stories)
    )
    seg = _seg(f"<main>{cards}</main>")
    probs = np.array([0.2 if b.kind == "heading" else 0.9 for b in seg.blocks])
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "listing")]
    for title, teaser in stories:
        assert title in kept and teaser in kept
    short = "".join(
        f"<div class='tile'><h3><a href='/p/{i}'>Canvas tote bag {i}</a></h3><p>Only {i + 2} left in stock</p></div>"
        for i in range(3)
    )
    seg = _seg(f"<main>{short}</main>")
    probs = np.array([0.2 if b.kind == "heading" else 0.9 for b in seg.blocks])
    assert not any(seg.blocks[i].kind == "heading" for i in select(seg, probs, 0.5, "listing"))


def test_a_cards_row_of_topic_tags_is_dropped() -> None:
    # A topic page's repository cards: each ends with its tags, links named by their slugs. The
    # row leaves the text; a card's description, and a row of tags that are names ("Python Data
    # Science Pandas NumPy Jupyter") or too few, stay.
    from newsmill.assemble import _is_tag_cloud
    from newsmill.segment import Block

    tags = ["python", "machine-learning", "deep-learning", "neural-network", "tensorflow", "gpu"]
    row = "".join(f"<a href='/topics/{t}'>{t}</a> " for t in tags)
    cards = "".join(
        f"<article class='repo'><h3><a href='/r/{i}'>tide-model {i}</a></h3>"
        f"<p>A small library for forecasting harbour tides from gauge readings, number {i}.</p>"
        f"<div class='topics'>{row}</div></article>"
        for i in range(3)
    )
    seg = _seg(f"<main>{cards}</main>")
    kept = [seg.blocks[i].text for i in select(seg, np.full(len(seg.blocks), 0.9), 0.5, "listing")]
    assert "A small library for forecasting harbour tides from gauge readings, number 1." in kept
    assert not any("machine-learning" in t for t in kept)

    def linked(text: str) -> Block:
        return Block("text", text, text, 0, "div", chars=len(text), link_chars=len(text))

    assert _is_tag_cloud(linked(" ".join(tags)))
    for text in ("Python Data Science Pandas NumPy Jupyter", "python machine-learning deep-learning",
                 "python numpy pandas jupyter scipy matplotlib"):
        assert not _is_tag_cloud(linked(text)), text
