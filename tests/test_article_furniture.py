"""Furniture set as the story's own paragraphs: the page's calls to subscribe, picture credits."""

from __future__ import annotations

from test_boilerplate import STORY, Case, build

import newsmill
from newsmill.assemble import is_widget_line


def _extract(case: Case) -> newsmill.Article:
    return newsmill.extract(build(case), url="https://courier.example/news/library-hours")


def test_newsletter_pitches_in_the_story_are_dropped() -> None:
    pitches = (
        "Get the latest library news and events delivered straight to your inbox!",
        "Sign up for our newsletter for reading tips, updates, and events",
    )
    art = _extract(Case("pitch", between=f"<p>{pitches[0]}</p>", after=f"<p>{pitches[1]}</p>"))
    for pitch in pitches:
        assert pitch not in art.text
    for para in STORY:
        assert para in art.text


def test_newsletter_pitch_lines_and_prose_about_newsletters() -> None:
    for pitch in ("Was this newsletter forwarded to you? Sign up to get it in your inbox.",
                  "Like this article? Subscribe to our blog and have great insights delivered to your inbox weekly.",
                  "Join our mailing list! Get a newsletter when an episode is published."):
        assert is_widget_line(pitch), pitch
    for prose in ("I also identified 28 newsletters, a small subset of the newsletters I subscribe to, as the test set.",
                  "CVs in your inbox within 72 hours",
                  "The newsletter's editor said subscribers doubled after the town's flood coverage."):
        assert not is_widget_line(prose), prose


def test_picture_credits_set_off_by_a_bar_or_in_brackets_are_dropped() -> None:
    from newsmill.assemble import _is_credit_or_notice
    from newsmill.segment import Block

    def blk(text: str) -> Block:
        return Block("p", text, text, 0, "p", chars=len(text))

    for credit in ("Firn | Getty Images", "Thais Ceneviva | Getty Images", "(Credit: Joseph Maldonado)"):
        assert _is_credit_or_notice(blk(credit)), credit
    for prose in ("Credits | 4", "(Credit cards were not accepted at the fair.)"):
        assert not _is_credit_or_notice(blk(prose)), prose
    credit = "Markus Volk | Getty Images"
    art = _extract(Case("credit", between=f'<figure><img src="/a.jpg" alt=""></figure><p>{credit}</p>'))
    assert credit not in art.text


def test_reading_time_lines_are_dropped_and_prose_about_minutes_is_kept() -> None:
    for line in ("3 MIN. READ", "5 min read", "1–2 min read", "Reading time: 4 minutes", "Lesezeit: 3 Min.",
                 "4 min de lecture"):
        assert is_widget_line(line), line
    for kept in ("36 mins", "15M", "It is a 5 minute read for most people.", "Read for 10 minutes a day."):
        assert not is_widget_line(kept), kept
    art = _extract(Case("reading time", before="<p>7 min read</p>", between="<p>4 min read</p>"))
    assert "min read" not in art.text


def test_inbox_offers_fine_print_and_donation_calls_are_widget_lines() -> None:
    for line in ("Get The Current in your inbox",
                 "Sign-up for recipes to your inbox",
                 "Receive insights, program information, and more to your inbox",
                 "Thank you! Please check your inbox",
                 "By signing up, you agree to our Terms of Use and Privacy Policy.",
                 "* I understand and agree that registration on or use of this site constitutes agreement to its "
                 "user agreement and privacy policy.",
                 "I accept the privacy policy",
                 "Local news that matters to you. High Plains Public Media is member supported. Give now to keep "
                 "independent reporting on the air and online.",
                 "Support local journalism: donate today."):
        assert is_widget_line(line), line
    for prose in ("CVs in your inbox within 72 hours",
                  "Passengers who tick that box agree to the airline's terms and conditions.",
                  "The station said listener-supported donations paid for half of its reporting last year.",
                  "Give the dough an hour to rise before you shape it."):
        assert not is_widget_line(prose), prose


def test_a_donation_call_inside_the_story_is_dropped() -> None:
    call = ("<div class='HtmlModule'><p><strong>Local news that matters to you.</strong> The Courier is reader "
            "supported. <a href='/donate'>Give now</a> to keep independent reporting free for everyone.</p></div>")
    art = _extract(Case("donate", between=call))
    assert "Give now" not in art.text and "reader supported" not in art.text
    for para in STORY:
        assert para in art.text


def test_fine_print_needs_terms_or_a_policy() -> None:
    assert is_widget_line("By continuing, you agree to our User Agreement and acknowledge that you understand the "
                          "Privacy Policy.")
    assert not is_widget_line("By streamlining your shopping list and what you accept into your house, you’ll also "
                              "streamline your life.")


def test_fine_print_lines_are_widget_lines() -> None:
    for line in (
        "This entry was posted on Tuesday, June 2nd, 2009 at 7:45 am and is filed under Town Council. You can "
        "follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback.",
        "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
        "By signing up, you agree to receive recurring automated SMS marketing messages from Example Deals.",
        "By clicking Subscribe, you consent to our Terms of Use and Privacy Policy.",
    ):
        assert is_widget_line(line), line
    for prose in (
        "By signing the lease, the council agreed to keep the library open on Sundays.",
        "To view this exhibition, visitors must book a slot online.",
        "This entry in the diary was posted to her sister in 1862.",
    ):
        assert not is_widget_line(prose), prose


def test_a_forums_no_script_banner_is_a_widget_line() -> None:
    assert is_widget_line("Your browser does not seem to support JavaScript. As a result, your viewing experience will "
                          "be diminished, and you have been placed in read-only mode.")
    assert not is_widget_line("Your browser does the rendering, so a slow laptop shows the page late.")


def test_a_blogs_sign_off_lines_are_widget_lines() -> None:
    for line in ("Enjoy the post? Pin it for later!", "PIN IT HERE", "Thanks for visiting!", "Thank you for reading."):
        assert is_widget_line(line), line
    for line in ("Thanks for reading my long post about the garden, it has been a fun year.",
                 "Pin the hem before you sew it."):
        assert not is_widget_line(line), line


def test_a_publishers_appeal_for_support_is_dropped() -> None:
    from newsmill.assemble import _is_appeal

    appeal = ("At the Courier, we believe that everyone deserves independent local journalism, but not everyone "
              "can afford a subscription. That is why our reporting stays free for every reader.")
    ask = "Would you consider becoming a supporter?"
    art = _extract(Case("appeal", between=f"<div class='support-box'><p>{appeal}</p><p>{ask}</p></div>"))
    assert appeal not in art.text and ask not in art.text
    for para in STORY:
        assert para in art.text
    for prose in ("The newsroom said donations from readers had doubled since the flood.",
                  "Members of the swim club raised money for the hospice.",
                  "Would you consider becoming a teacher?"):
        assert not _is_appeal(prose), prose


def test_a_video_teasers_title_with_nothing_under_it_is_dropped() -> None:
    teaser = "Watch: How the library's new reading room was built"
    section = "Opening hours over the holidays"
    between = (f"<div class='video-wrap'><h2>{teaser}</h2><div class='player' data-video-id='1'></div></div>"
               f"<h2>{section}</h2>")
    art = _extract(Case("video teaser", between=between))
    assert teaser not in art.text
    assert section in art.text
    for para in STORY:
        assert para in art.text
    # Over a paragraph that describes the video, it is that paragraph's heading and stays.
    described = f"<h2>{teaser}</h2><p>The builders filmed each stage of the work, from the old shelving to the new skylights.</p>"
    assert teaser in _extract(Case("video heading", between=described)).text


def test_a_caption_keeps_its_text_and_loses_its_closing_credit() -> None:
    from newsmill.assemble import strip_caption_credits
    from newsmill.segment import Block

    def blk(text: str, kind: str = "p", md: str | None = None) -> Block:
        return Block(kind, text, md or text, 0, "p", chars=len(text))

    caption = "Head librarian Rosa Delgado in the new reading room."
    art = _extract(Case("caption", between=f'<div class="pic"><img src="/r.jpg" alt=""><p>{caption} Photo: Millbrook Courier/Jane Ames</p></div>'))
    assert caption in art.text and caption in art.markdown
    assert "Jane Ames" not in art.text and "Jane Ames" not in art.markdown
    for para in STORY:
        assert para in art.text
    for cap, want in (("Die Halle brannte vollständig nieder. Foto: Elbtal-Anzeiger/Hinrichs", "Die Halle brannte vollständig nieder."),
                      ("The Grind is a hub for coffee. (Photo Credit: Haley Hoekstra)", "The Grind is a hub for coffee.")):
        assert strip_caption_credits([blk(cap, "cell")])[0].text == want, cap
    linked = blk("The pier at dawn. Photo: Jane Ames", md="The pier at dawn. Photo: [Jane Ames](https://ames.example/)")
    assert strip_caption_credits([linked])[0].md == "The pier at dawn."
    for prose in ("The mayor spoke first. Photo: the council's new logo, unveiled on Monday, was also shown. It drew applause.",
                  "Photography: a hobby that took over my life.", "- The Hoka Speedgoat 7. Photo: Jane Ames"):
        b = blk(prose, "li" if prose.startswith("-") else "p")
        assert strip_caption_credits([b])[0] is b, prose


def test_a_reporters_sign_off_with_an_address_is_dropped() -> None:
    from newsmill.assemble import _is_sign_off
    from newsmill.segment import Block

    def blk(text: str) -> Block:
        return Block("p", text, text, 0, "p", chars=len(text))

    sign_off = "Rosa Ames rosa.ames@courier.example"
    art = newsmill.extract(build(Case("sign-off")).replace("</article>", f"<p>{sign_off}</p></article>"),
                           url="https://courier.example/news/library-hours")
    assert "rosa.ames@courier.example" not in art.text
    for para in STORY:
        assert para in art.text
    assert _is_sign_off(blk("김민수 기자 minsu@hanbitnews.co.kr"))
    for kept in ("Email us at news@courier.example", "Email CustomerCare@bhtp.com", "hello@blennd.com",
                 "Signed-off-by: Random J Developer <random@developer.example.org>"):
        assert not _is_sign_off(blk(kept)), kept


def test_picture_credits_that_say_where_the_picture_comes_from_are_dropped() -> None:
    from newsmill.assemble import _is_credit_or_notice
    from newsmill.segment import Block

    def blk(text: str) -> Block:
        return Block("p", text, text, 0, "p", chars=len(text))

    for credit in ("Image provided by Adore Me.", "Image from the March 2024 review.", "Photo supplied by the family"):
        assert _is_credit_or_notice(blk(credit)), credit
    for prose in ("Images from the probe reached Earth on Tuesday, the agency said, after a six-hour delay in transmission.",
                  "Imagery from satellites"):
        assert not _is_credit_or_notice(blk(prose)), prose


def test_a_bloggers_call_to_follow_them_on_social_media_is_dropped() -> None:
    from newsmill.assemble import _is_social_pitch

    pitch = "Follow me on Instagram for new recipes and my favourite library reads!"
    art = _extract(Case("follow", between=f"<p>{pitch}</p>"))
    assert pitch not in art.text
    for para in STORY:
        assert para in art.text
    for line in ("[Want more design tips? Let's hang out on Instagram!]", "Join me on TikTok: @thehousemaven",
                 "*** Follow me on Instagram, YouTube or Facebook for a daily moment of travel inspiration ***",
                 "Be sure to follow me on social media HERE to stay up to date on all the latest tips.",
                 "The experts at Reviewed have you covered. Follow Reviewed on Facebook or Flipboard for the latest deals."):
        assert _is_social_pitch(line), line
    for prose in ("Discover new fan stats, test your knowledge, and follow us on Insta to win $250 in prizes.",
                  "If you need help, you can join the Slack. You might also want to follow me on Bluesky at @filippo.",
                  "Follow the steps on YouTube to reset the router."):
        assert not _is_social_pitch(prose), prose


def test_a_byline_left_at_the_top_of_the_story_is_dropped() -> None:
    from newsmill.assemble import _BYLINE

    byline = "By Rosa Ames • March 12, 2025"
    html = build(Case("byline")).replace("</h1>", f"</h1>\n<p>{byline}</p>")
    art = newsmill.extract(html, url="https://courier.example/news/library-hours")
    assert "Rosa Ames" not in art.text
    for para in STORY:
        assert para in art.text
    for line in ("By Rick Steves", "Written by HomeAdvisor", "By Keith Barry Senior Autos Reporter"):
        assert _BYLINE.fullmatch(line), line
    for kept in ("By 2013, the landscape had transformed.", "By the end of the year", "By far the best option, and cheaper"):
        assert not _BYLINE.fullmatch(kept), kept


def test_a_posts_tag_line_is_dropped() -> None:
    from newsmill.assemble import _is_tag_line
    from newsmill.segment import Block

    def blk(text: str) -> Block:
        return Block("p", text, text, 0, "p", chars=len(text))

    tags = "Tags: Library, Town Board, Weekend Hours"
    art = _extract(Case("tags", between=f"<p>{tags}</p>"))
    assert tags not in art.text
    for para in STORY:
        assert para in art.text
    assert _is_tag_line(blk("Tagged with: best, fiction, writer"))
    for kept in ("Tags: the town's librarians said the weekend hours would be reviewed next spring, after a vote.",
                 "Tagging your photos helps: see the guide", "Tag: "):
        assert not _is_tag_line(blk(kept)), kept



def test_a_players_embed_code_shown_as_text_is_dropped() -> None:
    # An audio story's "Embed" box in a news river prints the player's code for readers to copy:
    # kept by the model, it leaves the text. A tag named in a sentence, and markup in a code
    # block, stay.
    import numpy as np
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.assemble import _is_embed_code, select
    from newsmill.segment import Block, segment

    code = ('<iframe src="https://courier.example/player/embed/4411/4412" width="100%" height="290" '
            'frameborder="0" scrolling="no" title="Courier embedded audio player"></iframe>')
    story = ("<article><h2><a href='/s/1'>Harbour ferry fares rise in April</a></h2>"
             "<p>The council approved a ten percent rise for the two harbour ferry routes.</p>"
             f"<div class='audio-tool'><b class='embed-url'><code>{code.replace('<', '&lt;')}</code></b></div></article>")
    seg = segment(LexborHTMLParser(f"<html><body>{story * 3}</body></html>").body)
    kept = [seg.blocks[i].text for i in select(seg, np.full(len(seg.blocks), 0.9), 0.5, "listing")]
    assert "The council approved a ten percent rise for the two harbour ferry routes." in kept
    assert not any("iframe" in t for t in kept)
    assert _is_embed_code(Block("text", code, code, 0, "div", chars=len(code)))
    for line in ("<caption>", "<version>: Specifies the schema version.", "<table></table><li> in select - fine"):
        assert not _is_embed_code(Block("li", line, line, 0, "li", chars=len(line))), line
    assert not _is_embed_code(Block("code", code, code, 0, "pre", chars=len(code), in_pre=True))


def test_an_ad_label_with_its_pitch_is_dropped() -> None:
    assert is_widget_line("Advertisement - Members don't see this ad")
    for kept in ("Advertisement revenue fell by a third this year, the board said.",
                 "The advertisement ran for a week before anyone saw this ad was fake."):
        assert not is_widget_line(kept), kept


def test_a_short_lede_that_opens_with_by_and_a_name_of_a_day_stays() -> None:
    # "By Monday, ..." opens a one-sentence lede like a byline opens with a name; it is the story.
    lede = "By Monday, the river had crested at the old mill."
    html = build(Case("lede")).replace("</h1>", f"</h1>\n<p>{lede}</p>")
    art = newsmill.extract(html, url="https://courier.example/news/library-hours")
    assert lede in art.text
