"""Forum threads: each post in order, with its author line."""

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from newsmill.assemble import select
from newsmill.segment import segment

REPLIES = [
    "Nah, no special budget this year. I just replenish favourites when they run low and buy a decant or two.",
    "I will spend a lot less than last year, mostly on samples, and perhaps a bottle while travelling in June.",
]


def _post(name: str, title: str, joined: str, date: str, body: str) -> str:
    return (
        "<article class='message message--post'><div class='message-userDetails'>"
        f"<h4 class='message-name'><a class='username' href='/u/{name}'>{name}</a></h4>"
        f"<h5 class='userTitle message-userTitle'>{title}</h5>"
        f"<dl><dt>Joined</dt><dd>{joined}</dd></dl><dl><dt>Messages</dt><dd>5,421</dd></dl></div>"
        f"<ul class='message-attribution'><li class='u-concealed'><a href='#p'><time>{date}</time></a></li><li>#2</li></ul>"
        f"<div class='message-body'><div class='bbWrapper'>{body}</div></div></article>"
    )


def _kept(page_type: str) -> list[str]:
    html = (
        "<html><body><h1>Fragrance budget for 2024?</h1>"
        + _post("Pippin06", "always learning", "Feb 8, 2017", "Dec 30, 2023", REPLIES[0])
        + _post("SmellSharpe", "Well-known member", "Dec 29, 2021", "Dec 31, 2023", REPLIES[1])
        + "</body></html>"
    )
    seg = segment(LexborHTMLParser(html).body)
    # The model is sure of the posts' text and doubts their header lines.
    probs = np.array([0.9 if b.text in REPLIES else 0.2 for b in seg.blocks])
    return [seg.blocks[i].text for i in select(seg, probs, 0.5, page_type)]


def test_a_threads_posts_keep_their_author_and_date_lines() -> None:
    assert _kept("forum") == ["Pippin06", "Dec 30, 2023", REPLIES[0], "SmellSharpe", "Dec 31, 2023", REPLIES[1]]
    # Not the poster's title, join date or counters; and on other pages, nothing is added.
    assert _kept("article") == REPLIES


def test_a_posters_profile_fields_are_not_the_thread() -> None:
    # phpBB's profile box beside each post: the name (dt), then rank, join date and custom fields.
    posts = "".join(
        "<div class='post'><dl class='postprofile'>"
        f"<dt><a class='username' href='/u/{name}'>{name}</a></dt><dd class='profile-rank'>Volunteer</dd>"
        f"<dd class='profile-custom-field'>Primary OS: Fedora</dd><dd>Founded: Oct 05, 2011</dd></dl>"
        f"<div class='postbody'><p class='author'>by {name} » Sat Dec 02, 2023 4:20 pm</p>"
        f"<div class='content'>{body}</div></div></div>"
        for name, body in (("Simple07", REPLIES[0]), ("FranceBB", REPLIES[1]))
    )
    seg = segment(LexborHTMLParser(f"<html><body>{posts}</body></html>").body)
    probs = np.array([0.2 if b.kind == "dt" else 0.9 for b in seg.blocks])  # the model kept the fields
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert not any(t in kept for t in ("Volunteer", "Primary OS: Fedora", "Founded: Oct 05, 2011"))
    assert REPLIES[0] in kept and REPLIES[1] in kept


def test_a_doubted_reply_in_the_threads_template_is_kept() -> None:
    bodies = [*REPLIES, "Same here: samples first, and a bottle only when a decant runs out.", "+1, thanks."]
    posts = "".join(
        f"<li class='ItemComment'><div class='Comment'><div class='Message userContent'><p>{body}</p></div></div></li>"
        for body in bodies
    )
    html = f"<html><body><ul class='DataList Comments'>{posts}</ul><div class='box'><p>+1, thanks.</p></div></body></html>"
    seg = segment(LexborHTMLParser(html).body)
    # The model is sure of three replies and doubts the short fourth (and the box's lookalike line).
    probs = np.array([0.3 if b.text == bodies[3] else 0.9 for b in seg.blocks])
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert kept == bodies  # the box's line is not in the posts' template
    assert [seg.blocks[i].text for i in select(seg, probs, 0.5, "article")] == bodies[:3]


def test_an_avatars_initial_is_not_glued_to_the_posters_name() -> None:
    # XenForo draws a missing avatar as the poster's initial, an image by its role.
    html = (
        "<html><body><article class='message'><section class='message-user'>"
        "<div class='message-avatar'><div class='message-avatar-wrapper'><a class='avatar' href='/m/1'>"
        "<span role='img' aria-label='ridwan123'>R</span></a></div></div>"
        "<div class='message-userDetails'><h4 class='message-name'><a class='username' href='/m/1'>ridwan123</a></h4></div>"
        "</section><div class='score' role='img'>Rated 4.76 out of 5</div>"
        f"<div class='message-body'>{REPLIES[0]}</div></article></body></html>"
    )
    texts = [b.text for b in segment(LexborHTMLParser(html).body).blocks]
    assert "ridwan123" in texts and "Rridwan123" not in texts
    assert "Rated 4.76 out of 5" in texts  # longer text in an image's role still reads


def test_a_posters_name_above_a_long_profile_still_heads_the_post() -> None:
    # XenForo with six profile fields: twelve <dt>/<dd> blocks between the name and the post.
    fields = ("Joined", "Messages", "Reaction score", "Points", "Age", "Location")
    posts = "".join(
        "<article class='message message--post'><div class='message-userDetails'>"
        f"<h4 class='message-name'><a class='username' href='/u/{name}'>{name}</a></h4>"
        "<h5 class='userTitle message-userTitle'>Well-known member</h5>"
        + "".join(f"<dl><dt>{f}</dt><dd>{n + 11}</dd></dl>" for n, f in enumerate(fields))
        + f"</div><ul class='message-attribution'><li class='u-concealed'><a href='#p'><time>{date}</time></a></li>"
        f"<li>#{k + 1}</li></ul><div class='message-body'><div class='bbWrapper'>{body}</div></div></article>"
        for k, (name, date, body) in enumerate((("Pippin06", "Dec 30, 2023", REPLIES[0]), ("SmellSharpe", "Dec 31, 2023", REPLIES[1])))
    )
    seg = segment(LexborHTMLParser(f"<html><body>{posts}</body></html>").body)
    probs = np.array([0.9 if b.text in REPLIES else 0.2 for b in seg.blocks])
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert kept == ["Pippin06", "Dec 30, 2023", REPLIES[0], "SmellSharpe", "Dec 31, 2023", REPLIES[1]]


def test_a_post_header_drawn_for_phones_and_for_wide_screens_is_said_once() -> None:
    # Invision's posts draw the poster's name and date twice: in a pane shown on phones only,
    # then beside the post for wide screens.
    posts = "".join(
        "<article class='ipsComment'>"
        f"<div class='cAuthorPane_mobile ipsResponsive_showPhone'><h3 class='cAuthorPane_author'>{name}</h3>"
        f"<div class='ipsType_light'>Posted <time>{date}</time></div></div>"
        f"<aside class='cAuthorPane'><h3 class='cAuthorPane_author'>{name}</h3></aside>"
        f"<div class='ipsComment_meta'>Posted <time>{date}</time></div>"
        f"<div class='ipsComment_content' data-role='commentContent'><p>{body}</p></div></article>"
        for name, date, body in (("GrinGEO", "October 29, 2025", REPLIES[0]), ("Daresh", "October 30, 2025", REPLIES[1]))
    )
    seg = segment(LexborHTMLParser(f"<html><body>{posts}</body></html>").body)
    probs = np.array([0.9] * len(seg.blocks))  # the model kept both renderings
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert kept == [
        "GrinGEO", "Posted October 29, 2025", REPLIES[0], "Daresh", "Posted October 30, 2025", REPLIES[1]
    ]


def test_a_threads_starter_and_start_date_labels_go() -> None:
    # XenForo's header under the title: "Thread starter <name>", "Start date <date>".
    html = (
        "<html><body><h1>Fragrance budget for 2024?</h1><ul class='listInline'>"
        "<li><span>Thread starter</span> <a class='username' href='/u/p'>Pippin06</a></li>"
        "<li><span>Start date</span> <time>Dec 30, 2023</time></li></ul>"
        + _post("Pippin06", "always learning", "Feb 8, 2017", "Dec 30, 2023", REPLIES[0])
        + "</body></html>"
    )
    seg = segment(LexborHTMLParser(html).body)
    probs = np.array([0.9] * len(seg.blocks))
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert "Thread starter Pippin06" not in kept and "Start date Dec 30, 2023" not in kept
    assert REPLIES[0] in kept and "Pippin06" in kept


def test_a_posters_badge_or_rank_on_its_own_line_goes_in_a_thread() -> None:
    posts = "".join(
        f"<div class='post'><div class='postprofile'><a class='username' href='/u/{name}'>{name}</a>"
        f"<div class='rank'>{rank}</div></div><div class='content'><p>{body}</p></div></div>"
        for name, rank, body in (("Simple07", "Topic Author", REPLIES[0]), ("FranceBB", "Full Member", REPLIES[1]))
    )
    seg = segment(LexborHTMLParser(f"<html><body>{posts}</body></html>").body)
    probs = np.array([0.9] * len(seg.blocks))
    kept = [seg.blocks[i].text for i in select(seg, probs, 0.5, "forum")]
    assert "Topic Author" not in kept and "Full Member" not in kept
    assert REPLIES[0] in kept and "FranceBB" in kept


def test_a_discussion_starter_badge_after_the_posters_name_goes() -> None:
    # A badge inside the name's line, on each post by the one who opened the thread.
    posts = "".join(
        f"<div class='post'><div class='message-attribution'><a class='username' href='/u/{name}'>{name}</a>"
        f"{badge}</div><div class='content'><p>{body}</p></div></div>"
        for name, badge, body in (
            ("JosephF", "<span class='message-attribution-discussion-starter'><i class='fa'></i>"
             "<span>Discussion starter</span></span>", REPLIES[0]),
            ("Reddig", "", REPLIES[1]),
        )
    )
    seg = segment(LexborHTMLParser(f"<html><body>{posts}</body></html>").body)
    assert [b.text for b in seg.blocks] == ["JosephF", REPLIES[0], "Reddig", REPLIES[1]]


def test_a_posts_number_linking_to_the_post_leaves_its_header() -> None:
    posts = "".join(
        f"<div class='post' id='post-{n}'><div class='head'><div><a class='username' href='/u/{name}'>{name}</a></div>"
        f"<div><a class='post-position' href='#post-{n}'>#{n}</a> · <time>Jan 3, 2024</time></div></div>"
        f"<div class='content'><p>{body}</p></div></div>"
        for n, name, body in ((1, "JosephF", REPLIES[0]), (2, "Reddig", REPLIES[1]))
    )
    # A ranking's "#1" (no link) and an issue's "#4307" (a link to no post) stay.
    tail = "<p><span>#1</span> pick: <a href='https://git.example/issues/4307'>#4307</a></p>"
    seg = segment(LexborHTMLParser(f"<html><body>{posts}{tail}</body></html>").body)
    assert [b.text for b in seg.blocks] == [
        "JosephF", "· Jan 3, 2024", REPLIES[0], "Reddig", "· Jan 3, 2024", REPLIES[1], "#1 pick: #4307"
    ]


def test_a_dates_short_copy_beside_its_long_form_is_read_once() -> None:
    # A theme writes the date twice and lets the stylesheet show one by the screen's width.
    posts = "".join(
        f"<div class='post'><div class='head'><div><a class='username' href='/u/{name}'>{name}</a></div>"
        "<div><time datetime='2024-04-02'><span class='time__long'>April 2, 2024</span>"
        "<span class='time__short'>1 yr</span></time></div></div>"
        f"<div class='content'><p>{body}</p></div></div>"
        for name, body in (("JGD", REPLIES[0]), ("RCR", REPLIES[1]))
    )
    # A short form alone (no long one beside it) is the only copy: it stays.
    tail = "<p>Sizes: <span class='size-short'>short</span> and tall.</p>"
    seg = segment(LexborHTMLParser(f"<html><body>{posts}{tail}</body></html>").body)
    assert [b.text for b in seg.blocks] == [
        "JGD", "April 2, 2024", REPLIES[0], "RCR", "April 2, 2024", REPLIES[1], "Sizes: short and tall."
    ]


def test_a_machines_copy_of_a_date_is_not_read() -> None:
    # A post's date for machines in a hidden <time>, beside the one a reader sees.
    posts = "".join(
        f"<div class='post'><div><a class='username' href='/u/{name}'>{name}</a></div>"
        f"<div class='content'><p>{body}</p></div><time class='d-none'>2018-06-08T11:32:33.397Z+00:00</time></div>"
        for name, body in (("JGD", REPLIES[0]), ("RCR", REPLIES[1]))
    )
    # A stamp outside <time> may be the only date a byline shows: it stays.
    tail = "<p><span class='publicationTime'>2022-11-23T08:10+02:00</span></p>"
    seg = segment(LexborHTMLParser(f"<html><body>{posts}{tail}</body></html>").body)
    assert [b.text for b in seg.blocks] == ["JGD", REPLIES[0], "RCR", REPLIES[1], "2022-11-23T08:10+02:00"]
