"""Small hand-written pages: the story must be kept whole, the boilerplate around it dropped.

Each case puts one kind of boilerplate before, between and/or after the paragraphs of the
same made-up story. Some use telling class names, some use none or machine-generated ones,
because real sites do both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import newsmill

TITLE = "Library Extends Weekend Hours After Record Summer Attendance"
STORY = [
    "The Millbrook Public Library will stay open until eight o'clock on Saturdays and Sundays "
    "starting next month, after a summer in which more people walked through its doors than "
    "in any year since the building opened in 1987.",
    "Head librarian Rosa Delgado said the branch counted just over 61,000 visits between June "
    "and August, driven by a reading program for children and a new collection of tools and "
    "kitchen equipment that residents can borrow like books.",
    "\"People told us again and again that weekday hours do not work for families who both "
    "work,\" Delgado said. \"Weekends are when they can actually come in together.\"",
    "The longer hours will cost about $85,000 a year, which the town board agreed to cover "
    "from a reserve fund until next spring, when the library's budget comes up for a vote.",
    "Two part-time staff members will be hired this fall, and volunteers from the Friends of "
    "the Library group have offered to help run the front desk on Sunday evenings.",
]


@dataclass(frozen=True)
class Case:
    name: str
    before: str = ""  # HTML before the article
    between: str = ""  # HTML between the second and third paragraphs
    after: str = ""  # HTML after the article
    gone: tuple[str, ...] = ()  # strings that must not be in the text


def build(case: Case) -> str:
    p = [f"<p>{s}</p>" for s in STORY]
    body = "\n".join(p[:2]) + "\n" + case.between + "\n" + "\n".join(p[2:])
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{TITLE} - Millbrook Courier</title></head><body>\n"
        f"{case.before}\n<main><article><h1>{TITLE}</h1>\n{body}\n</article></main>\n"
        f"{case.after}\n</body></html>"
    )


CASES = [
    Case(
        "nav",
        before="""<header><a class="logo" href="/">Millbrook Courier</a>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/sports">Sports</a></li><li><a href="/events">Events</a></li>
        <li><a href="/classifieds">Classifieds</a></li></ul></nav></header>""",
        gone=("Classifieds", "Millbrook Courier"),
    ),
    Case(
        "menu_without_class_names",
        before="""<div class="css-1q2w3e"><ul class="css-9i8u7y">
        <li><a href="/news/local">Local News</a></li><li><a href="/news/state">State News</a></li>
        <li><a href="/opinion">Opinion Pages</a></li><li><a href="/obits">Obituaries Today</a></li>
        <li><a href="/weather">Weather Forecast</a></li><li><a href="/jobs">Job Listings</a></li>
        </ul></div>""",
        gone=("Local News", "Opinion Pages", "Obituaries Today", "Job Listings"),
    ),
    Case(
        "breadcrumbs",
        before="""<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news">News</a>
        </li><li><a href="/news/community">Community</a></li></ol>""",
        gone=("Community",),
    ),
    Case(
        "share_bar",
        before="",
        between="""<div class="share-tools"><span>Share this article</span>
        <a href="https://facebook.com/sharer">Facebook</a> <a href="https://x.com/share">Twitter</a>
        <a href="https://linkedin.com/share">LinkedIn</a> <a href="mailto:?">Email</a>
        <button>Copy link</button></div>""",
        after="""<ul class="social-share"><li><a href="#">Share on Facebook</a></li>
        <li><a href="#">Share on WhatsApp</a></li><li><a href="#">Print this page</a></li></ul>""",
        gone=("Share this article", "LinkedIn", "Copy link", "Share on WhatsApp", "Print this page"),
    ),
    Case(
        "social_widget_between_paragraphs",
        between="""<div><p>Like Us on Facebook</p></div>
        <div><a href="https://twitter.com/millbrookcourier">Follow us on Twitter</a></div>""",
        gone=("Like Us on Facebook", "Follow us on Twitter"),
    ),
    Case(
        "read_more_link_between_paragraphs",
        between="""<p class="related-inline"><strong>READ MORE:</strong>
        <a href="/news/pool">Town pool to close two weeks early for repairs</a></p>""",
        gone=("READ MORE", "Town pool to close two weeks early"),
    ),
    Case(
        "arrow_set_promo_lines_between_paragraphs",
        between="""<p>&gt;&gt; Learn More: <a href="/guides/vpn">The best VPNs for travellers</a></p>
        <p>» Useful Resource: <a href="/guides/insurance">A guide to insurance for seniors</a></p>""",
        gone=("Learn More", "best VPNs for travellers", "Useful Resource", "insurance for seniors"),
    ),
    Case(
        "related_list",
        after="""<section class="related"><h2>More from Community</h2><ul>
        <li><a href="/a">Farmers market adds a Thursday evening session</a></li>
        <li><a href="/b">High school robotics team heads to state finals</a></li>
        <li><a href="/c">Volunteers needed for the riverbank cleanup</a></li></ul></section>""",
        gone=("More from Community", "Farmers market adds a Thursday", "robotics team",
              "riverbank cleanup"),
    ),
    Case(
        "cookie_banner",
        before="""<div id="consent-banner" class="cc-window"><p>We use cookies and similar
        technologies to personalise content and ads and to analyse our traffic. You can change
        your choice at any time in your privacy settings.</p><button>Accept all</button>
        <button>Manage preferences</button></div>""",
        gone=("We use cookies", "privacy settings", "Accept all", "Manage preferences"),
    ),
    Case(
        "newsletter_box_between_paragraphs",
        between="""<div class="newsletter-promo"><h3>Get the Courier in your inbox</h3>
        <p>Sign up for our free morning newsletter with the day's top local stories.</p>
        <form><input type="email" placeholder="Your email address"><button>Subscribe</button>
        </form></div>""",
        gone=("Get the Courier in your inbox", "morning newsletter", "Subscribe"),
    ),
    Case(
        "comments_and_comment_form",
        after="""<section id="comments"><h3>4 Comments</h3><ol class="commentlist">
        <li class="comment"><div class="comment-body"><p class="author">Gary P.</p><p>About time!
        I have been asking for Sunday hours since my kids were in grade school.</p></div></li>
        <li class="comment"><div class="comment-body"><p class="author">Ann</p><p>Will the tool
        library be open on Sundays too, or only the book desks?</p></div></li></ol>
        <div id="respond"><h3>Leave a Reply</h3><form><label>Name</label><input>
        <label>Comment</label><textarea></textarea><button>Post Comment</button></form></div>
        </section>""",
        gone=("4 Comments", "I have been asking for Sunday hours", "open on Sundays too",
              "Leave a Reply", "Post Comment"),
    ),
    Case(
        "footer",
        after="""<footer><div class="cols"><ul><li><a href="/about">About Us</a></li>
        <li><a href="/contact">Contact the Newsroom</a></li><li><a href="/ads">Advertise</a></li>
        </ul><ul><li><a href="/privacy">Privacy Policy</a></li><li><a href="/terms">Terms of
        Use</a></li></ul></div><p>Copyright © 2024 Millbrook Courier Media. All rights
        reserved.</p></footer>""",
        gone=("About Us", "Contact the Newsroom", "Privacy Policy", "All rights reserved"),
    ),
    Case(
        "footer_without_footer_tag",
        after="""<div class="x7"><p>© 2024 Millbrook Courier Media · 14 Mill Street, Millbrook ·
        (555) 010-2233</p><p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> |
        <a href="/contact">Contact us</a></p></div>""",
        gone=("14 Mill Street", "Contact us"),
    ),
    Case(
        "ads",
        between="""<div class="ad-container"><span>Advertisement</span>
        <div id="div-gpt-ad-123"></div></div>""",
        after="""<div class="promoted"><h3>Promoted Stories</h3>
        <a href="https://ads.example/1">Doctors stunned by this one simple morning habit</a>
        <a href="https://ads.example/2">Homeowners in your area are switching to this plan</a>
        <span>Sponsored by AdNetwork</span></div>""",
        gone=("Advertisement", "Promoted Stories", "Doctors stunned", "switching to this plan",
              "Sponsored by"),
    ),
]


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module", params=CASES, ids=lambda c: c.name)
def result(request: pytest.FixtureRequest) -> tuple[Case, newsmill.Article]:
    case: Case = request.param
    return case, newsmill.extract(build(case), url="https://courier.example/news/library-hours")


def test_story_is_kept_whole_and_in_order(result):
    _, art = result
    text = _norm(art.text)
    pos = 0
    for para in STORY:
        i = text.find(_norm(para), pos)
        assert i >= 0, f"missing or out of order: {para[:60]!r}"
        pos = i + len(_norm(para))


def test_boilerplate_is_gone(result):
    case, art = result
    leaked = [s for s in case.gone if s in art.text]
    assert not leaked, f"{case.name}: boilerplate kept: {leaked}"


def test_title(result):
    _, art = result
    assert art.title == TITLE


def test_listing_controls_are_dropped_and_prose_is_kept() -> None:
    from newsmill.assemble import is_widget_line

    for control in ("Filter & Sort", "Sort by", "View Options", "Page 2 of 9", "Loading...",
                    "Displaying 1 to 24 (of 204 products)", "Showing 1–24 of 204 results",
                    "Add Paragon 68 Pack to Compare", "Add to bag"):
        assert is_widget_line(control), control
    for prose in ("51 products", "Sorting algorithms compared", "Add the chicken to the bag",
                  "Next, whisk the eggs.", "Filters for hard water are cheap."):
        assert not is_widget_line(prose), prose


def test_calls_to_action_are_dropped_and_sentences_using_their_words_are_kept() -> None:
    from newsmill.assemble import is_widget_line

    for cta in ("Learn more", "Get Started", "Shop All Fire Pits", "Add to cart", "Added!",
                "Customers Also Bought", "Free Returns", "Book a demo", "Contact sales",
                "Keep exploring iPad", "Trending Searches", "You Might Also Like", "Leave a Reply",
                "Table of Contents", "Share", "Loading paragraph...", "Pin this for later!",
                "Have a news tip? Email us at tips@valleyherald.example.", "Send us your news tips",
                "This article is for subscribers only.", "Already a subscriber? Log in", "Copy link",
                "Continue reading the main story", "Support local journalism. Subscribe today",
                "Want more stories like this? Sign up for our newsletter.", "Download our app"):
        assert is_widget_line(cta), cta
    for prose in ("Learn more about the council's budget in our explainer.",
                  "Getting started was the hardest part, she said.",
                  "Free shipping ended in 2019 for most of the chain's stores.",
                  "Customers also bought umbrellas as the storm approached.",
                  "Loading the dishwasher the right way", "Registered users can comment.",
                  "Have a tip on how to save water? Here are five ideas from readers that worked for them.",
                  "Support local journalism, the mayor urged, by buying a paper.", "Up next is the budget vote."):
        assert not is_widget_line(prose), prose


def test_breadcrumb_trails_are_dropped_and_prose_with_slashes_is_kept() -> None:
    from newsmill.assemble import _is_breadcrumb
    from newsmill.segment import Block

    def blk(text: str, links: int) -> Block:
        return Block("text", text, text, 0, "div", chars=len(text), link_chars=links)

    crumb = "Home > PSS > Projectors > Resolution > 4K Projectors"
    assert _is_breadcrumb(blk(crumb, len(crumb) - 20))
    assert _is_breadcrumb(blk("Docs / Guides / Networking", 20))
    prose = "The ratio went from 3/4 to 1/2 > a result the board called a clear win for the city."
    assert not _is_breadcrumb(blk(prose, 0))
    assert not _is_breadcrumb(blk("Home > Shop > Projectors", 0))  # no links: not a trail


def test_forum_wiki_and_shop_furniture_lines_are_dropped_and_prose_is_kept() -> None:
    from newsmill.assemble import is_widget_line

    for furniture in ("Click to expand...", "Reply With Quote", "Report inappropriate content",
                      "20 replies to this topic", "Send feedback", "Page actions", "Personal tools",
                      "Contents", "Let's connect", "Speak to an expert", "Get a free quote today.",
                      "FREE SHIPPING over $100", "Added to your cart! Complete the set?",
                      "This topic was automatically closed after 30 days. New replies are no longer allowed.",
                      "Type to search products", "Jump to navigation Jump to search",
                      "From Wikipedia, the free encyclopedia", "1.0.0 (const: 1.48.0) · Source",
                      "See details", "Choose options", "Copy", "Copied!",
                      "Be the first to review this product", "(Visited 1,902 times, 364 visits today)"):
        assert is_widget_line(furniture), furniture
    for prose in ("Click to expand the menu, then choose Settings.",
                  "The contents of the box were clear to the inspectors.",
                  "The topic was closed after the vote, and the thread moved on.",
                  "Free shipping over the holidays cost the retailer millions.",
                  "Source: Reuters", "Open source", "Copy the file to the server first.",
                  "Visited 12 times before the move, the house still felt new."):
        assert not is_widget_line(prose), prose


def test_news_interstitials_are_dropped_and_section_headings_and_prose_are_kept() -> None:
    from newsmill.assemble import is_widget_line

    for line in ("Story continues below advertisement", "ADVERTISEMENT - CONTINUE READING BELOW",
                 "Advertisement · Scroll to continue", "Listen to this article · 5 min", "toggle caption",
                 "Enlarge this image", "Show comments", "Continued on page 2",
                 "Get the latest news delivered to your inbox."):
        assert is_widget_line(line), line
    # "Most read" heads a section page's list; the references keep it there.
    for kept in ("Most read", "Trending now", "The story continues below the bridge.",
                 "Listen to this article before you vote."):
        assert not is_widget_line(kept), kept


def test_story_tools_of_older_news_pages_are_dropped_and_prose_is_kept() -> None:
    from newsmill.assemble import is_widget_line

    for tools in ("Email this story | Printer-friendly version", "E-mail this article", "Print this story",
                  "Printer-friendly version", "Text size", "Save this article · Share this story"):
        assert is_widget_line(tools), tools
    for prose in ("Email this story to the council before Friday.", "Send this page to a friend today",
                  "The printer-friendly version was never printed."):
        assert not is_widget_line(prose), prose


def test_furniture_lines_in_other_languages_are_dropped_and_prose_is_kept() -> None:
    from newsmill.assemble import is_widget_line

    for furniture in ("Anzeige", "Lesen Sie auch", "Partager cet article", "À lire aussi", "Leer más",
                      "Leggi anche", "Leia também", "Читайте также", "Поделиться", "Czytaj także",
                      "相关阅读", "分享到：", "関連記事", "Te puede interesar", "Weiterlesen", "Lire la suite",
                      "Leggi di più", "Veja também", "Lees meer", "Подписывайтесь", "阅读全文", "続きを読む"):
        assert is_widget_line(furniture), furniture
    for prose in ("Lesen Sie auch, was der Rat beschlossen hat.", "La Stampa", "Leer más libros es bueno.",
                  "Читайте также наши правила публикации комментариев.",
                  "Weiterlesen konnte er nicht, das Licht war aus.", "Ver más tarde llegó la lluvia."):
        assert not is_widget_line(prose), prose
