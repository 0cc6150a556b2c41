"""Region completion: prose the model doubted, inside the container that holds the story."""

import numpy as np
from selectolax.lexbor import LexborHTMLParser

import newsmill
from newsmill import assemble
from newsmill.segment import segment

PARA = "This paragraph of the review explains, in plain words, how the watch held up on long runs."
STORY = "".join(f"<p>{i}. {PARA}</p>" for i in range(6))


def _seg():
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav>"
        "<article><div class='entry-content'>"
        + "".join(f"<p>{i}. {PARA}</p>" for i in range(6))
        + "<div class='share-buttons'><p>Share this review with your friends on every network today.</p></div>"
        + "</div></article><footer><p>Footer text of the site, with its address and phone.</p></footer>"
        "</body></html>"
    )
    return _segmented(html)


def _segmented(html):
    return segment(LexborHTMLParser(html).body)


def _kept(seg, probs, threshold, page_type=None):
    return [seg.blocks[i].text for i in assemble.select(seg, probs, threshold, page_type)]


def _probs(seg, values):
    texts = [b.text for b in seg.blocks]
    return np.array([values(t) for t in texts])


def _story_kept(after_story, page_type="article"):
    """The blocks kept, all scored 0.9, of an article of six paragraphs with ``after_story``
    under them; with the segmentation, to ask again for other page types."""
    seg = _segmented(f"<html><body><article><h1>Budget</h1>{STORY}{after_story}</article></body></html>")
    return seg, _kept_as(seg, page_type)


def _kept_as(seg, page_type):
    """The blocks kept, all scored 0.9, when the page is typed ``page_type``."""
    return _kept(seg, _probs(seg, lambda t: 0.9), 0.5, page_type)


def test_doubted_prose_inside_the_story_container_is_kept() -> None:
    seg = _seg()
    # The model is sure of paragraphs 0-3 and doubts 4 and 5 (0.5, with a threshold of 0.6).
    probs = _probs(seg, lambda t: 0.9 if t[:1] in "0123" else 0.5 if t[:1] in "45" else 0.45)
    kept = _kept(seg, probs, 0.6)
    assert any(t.startswith("4.") for t in kept) and any(t.startswith("5.") for t in kept)
    # Below the floor (0.7 x threshold), in a share box, or outside the container: not kept.
    assert not any("Share this review" in t for t in kept)
    assert not any("Footer text" in t for t in kept)


def test_prose_below_the_floor_stays_out() -> None:
    seg = _seg()
    probs = _probs(seg, lambda t: 0.9 if t[:1] in "0123" else 0.2)
    kept = _kept(seg, probs, 0.6)
    assert not any(t.startswith(("4.", "5.")) for t in kept)


def _cards():
    cards = "".join(
        f"<div class='trail-card'><h2><a href='/t{i}'>Trail number {i}</a></h2>"
        f"<div class='desc'>Difficulty: beginner. Length: {i + 3} miles of shaded forest loop.</div>"
        f"<button>Save trail {i}</button></div>"
        for i in range(6)
    )
    html = f"<html><body><main><h1>Trails</h1><div class='grid'>{cards}</div></main></body></html>"
    return _segmented(html)


def test_a_kept_card_title_brings_its_description_on_listing_pages() -> None:
    seg = _cards()
    probs = _probs(seg, lambda t: 0.9 if t.startswith(("Trail number", "Trails")) else 0.2)
    kept = _kept(seg, probs, 0.5, "listing")
    assert sum(t.startswith("Difficulty") for t in kept) == 6
    assert not any(t.startswith("Save trail") for t in kept)  # buttons stay out
    # A service page's features and plans are cards too.
    kept = _kept(seg, probs, 0.5, "service")
    assert sum(t.startswith("Difficulty") for t in kept) == 6
    # Articles are not card pages: the same scores keep only the titles.
    kept = _kept(seg, probs, 0.5, "article")
    assert not any(t.startswith("Difficulty") for t in kept)


def test_a_run_of_cards_mostly_kept_brings_its_other_cards() -> None:
    seg = _cards()
    # A sure block elsewhere raised the threshold to 0.5: four titles clear it, two do not.
    sure = ("Trail number 0", "Trail number 1", "Trail number 2", "Trail number 3", "Trails")
    probs = _probs(seg, lambda t: 0.9 if t.startswith(sure) else 0.3 if t.startswith("Trail") else 0.2)
    kept = _kept(seg, probs, 0.5, "listing")
    assert "Trail number 4" in kept and "Trail number 5" in kept
    assert sum(t.startswith("Difficulty") for t in kept) == 6
    assert not any(t.startswith("Save trail") for t in kept)
    # Two kept cards are not yet a run: the others stay out.
    probs = _probs(seg, lambda t: 0.9 if t.startswith(sure[:2] + ("Trails",)) else 0.3 if t.startswith("Trail") else 0.2)
    kept = _kept(seg, probs, 0.5, "listing")
    assert "Trail number 4" not in kept and "Trail number 2" not in kept


def _twice():
    paras = "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
    cards = "".join(
        f"<div class='card'><h3>Monitor arm {i}</h3><p>For monitors weighing up to twenty pounds.</p></div>"
        for i in range(3)
    )
    html = (
        f"<html><body><main><div class='desktop'>{paras}</div><div class='mobile'>{paras}</div>"
        f"<div class='grid'>{cards}</div></main></body></html>"
    )
    return _segmented(html)


def test_text_shown_twice_is_kept_once_but_repeated_card_attributes_stay() -> None:
    seg = _twice()
    probs = np.full(len(seg.blocks), 0.9)
    article = _kept(seg, probs, 0.5, "article")
    assert sum(t.startswith("2.") for t in article) == 1  # the mobile rendering goes
    # Each card has its own title: the attribute they share is one per card (_PLAN_TYPES).
    assert article.count("For monitors weighing up to twenty pounds.") == 3
    assert _kept(seg, probs, 0.5, "product").count("For monitors weighing up to twenty pounds.") == 1
    listing = _kept(seg, probs, 0.5, "listing")
    assert sum(t.startswith("2.") for t in listing) == 1  # a repeated run of paragraphs
    assert listing.count("For monitors weighing up to twenty pounds.") == 3  # one per card
    docs = _kept(seg, probs, 0.5, "documentation")
    assert sum(t.startswith("2.") for t in docs) == 2


def _plans(clone: bool) -> list[str]:
    features = "<ul><li>Phone consultation with a resume expert</li><li>Keyword optimised for screening software</li></ul>"
    plans = "".join(
        f"<div class='plan plan-{i}'><h3>{name}</h3><p>{price}</p>{features}</div>"
        for i, (name, price) in enumerate([("Starter package", "$179"), ("Career package", "$229")])
    )
    # A carousel's clone repeats a whole slide, title and all.
    slide = "<div class='slide'><h3>What our clients say</h3><p>They rewrote my resume in three days and I got the job.</p></div>"
    slides = slide + (slide if clone else "")
    html = f"<html><body><main><div class='plans'>{plans}</div><div class='slides'>{slides}</div></main></body></html>"
    seg = _segmented(html)
    return _kept(seg, np.full(len(seg.blocks), 0.9), 0.5, "service")


def test_a_line_every_plan_shares_is_kept_in_each_plan_but_a_clone_goes() -> None:
    kept = _plans(clone=True)
    assert kept.count("Phone consultation with a resume expert") == 2
    assert kept.count("Keyword optimised for screening software") == 2
    assert kept.count("They rewrote my resume in three days and I got the job.") == 1


def test_a_code_listing_in_the_story_is_kept_on_a_lower_floor() -> None:
    html = (
        "<html><body><article>"
        + "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
        + "<pre><code>rotate 14\npostrotate\n    kill -HUP $(cat /run/job.pid)\nendscript</code></pre>"
        + f"<p>4. {PARA}</p></article><aside><pre><code>npm install widget</code></pre></aside></body></html>"
    )
    seg = _segmented(html)
    # Paragraphs sure; both listings doubted at 0.35 with a threshold of 0.6: under the prose
    # floor (0.42), over the code floor (0.30).
    probs = _probs(seg, lambda t: 0.9 if t[:1] in "01234" else 0.35)
    kept = _kept(seg, probs, 0.6)
    assert any(t.startswith("rotate 14") for t in kept)
    assert not any("npm install" in t for t in kept)  # outside the story's container


def _product():
    html = (
        "<html><body><main><h1>Trail Daypack 25</h1><h2>Description</h2>"
        f"<p>{PARA}</p><h3>Specifications</h3><ul><li>Weight: 1.9 pounds</li><li>Volume: 25 liters</li></ul>"
        "<h2>Shipping &amp; Returns</h2><p>Free standard shipping on orders over $50 to most addresses.</p>"
        "<h3>Return policy</h3><p>Return any item within a year for a full refund.</p>"
        "<h2>You may also like</h2><p>Trail Daypack 40, a larger pack for long days out.</p>"
        "<h2>Materials</h2><p>Recycled nylon ripstop with a waterproof coating.</p>"
        "</main></body></html>"
    )
    return _segmented(html)


def test_a_product_page_drops_its_shipping_and_other_products_sections() -> None:
    seg = _product()
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "product")
    assert "Specifications" in kept and "Weight: 1.9 pounds" in kept
    assert not any("shipping" in t.lower() or "refund" in t or "Trail Daypack 40" in t for t in kept)
    assert "You may also like" not in kept
    # The next section of the same level is the product's again.
    assert "Recycled nylon ripstop with a waterproof coating." in kept
    # On an article (a gear review, say) the same headings are the story's.
    kept = _kept(seg, probs, 0.5, "article")
    assert any("Free standard shipping" in t for t in kept)


def test_a_shop_section_opened_by_a_toggle_or_a_bold_line_leaves_a_product_page() -> None:
    html = (
        "<html><body><main><h1>Trail Daypack 25</h1>"
        f"<div class='desc'><p>{PARA}</p><ul><li>Weight: 1.9 pounds</li><li>Volume: 25 liters</li></ul></div>"
        "<details><summary><div>Delivery &amp; Returns</div></summary><div>"
        "<p>Free standard shipping on orders over $50 to most addresses.</p>"
        "<p>Return any item within a year for a full refund.</p></div></details>"
        "<div class='box'><font size=5><b>You may also like</b></font><br>"
        "<ul><li>Trail Daypack 40, a larger pack for long days out.</li></ul></div>"
        "<div class='seller'><div>Shipping:</div><div>Free standard shipping to Bulgaria.</div></div>"
        "<div class='tabs'><div class='tab'>Materials</div><div class='tab'>Shipping &amp; Returns</div></div>"
        "<div class='panel'><p>Recycled nylon ripstop with a waterproof coating.</p></div>"
        "</main></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert "Weight: 1.9 pounds" in kept
    assert not any("refund" in t or "over $50" in t or "Trail Daypack 40" in t or "also like" in t for t in kept)
    # A field's label ("Shipping:") and a row of tabs are no section's heading.
    assert "Free standard shipping to Bulgaria." in kept
    assert "Recycled nylon ripstop with a waterproof coating." in kept


def _thread():
    posts = "".join(
        f"<article class='message'><div class='user'><h4>poster{i}</h4><div>{1200 + i} posts</div>"
        f"<div>Joined: Mar 2009</div><div>Offline</div></div>"
        f"<div class='body'><p>{i}. {PARA}</p><div>Last edited: Jul 6, 2024</div>"
        f"<div>Last edited by poster{i} on Sun Feb 22, 2026 2:08 am, edited 108 times in total.</div></div>"
        f"<div class='signature'><p>Signatures are the bumper stickers of the internet, says poster{i}.</p></div>"
        f"<div class='votes'>{i + 3}</div><button>Quote</button></article>"
        for i in range(3)
    )
    html = (
        f"<html><body><main><h1>Thread</h1>{posts}</main>"
        "<div class='seller'><div>Joined Feb 1999</div><div>42</div></div></body></html>"
    )
    return _segmented(html)


def test_a_forum_post_loses_its_counters_stamps_and_buttons_but_a_shop_keeps_its_seller_box() -> None:
    seg = _thread()
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "forum")
    assert all(f"{i}. {PARA}" in kept for i in range(3))
    assert "poster0" in kept and "poster2" in kept
    for furniture in ("1200 posts", "Joined: Mar 2009", "Offline", "Last edited: Jul 6, 2024", "3", "Quote"):
        assert furniture not in kept
    assert not any("edited 108 times" in t or "bumper stickers" in t for t in kept)
    assert "Joined Feb 1999" not in kept and "42" not in kept  # a forum page: numbers are furniture
    # On a product page the same lines outside any post or comment are the shop's story.
    kept = _kept(seg, probs, 0.5, "product")
    assert "Joined Feb 1999" in kept and "42" in kept
    assert "1200 posts" not in kept  # inside a post ("message"), on any page
    # A blog post's class says post too: only threads and comments lose signatures and buttons.
    assert any("bumper stickers" in t for t in kept) and "Quote" in kept


def _blog(comments: int):
    story = "".join(f"<p>{i}. {PARA}</p>" for i in range(8))
    thread = "".join(f"<li class='comment'><p>Reader {i} writes: {PARA}</p></li>" for i in range(comments))
    html = (
        f"<html><body><article><h1>Review</h1><div class='entry'>{story}</div></article>"
        f"<div id='comments' class='comments-area'><ol class='commentlist'>{thread}</ol></div></body></html>"
    )
    return _segmented(html)


def test_an_article_drops_its_comment_section_unless_the_comments_are_most_of_the_page() -> None:
    seg = _blog(3)
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "article")
    assert sum(t.endswith(PARA) and not t.startswith("Reader") for t in kept) == 8
    assert not any(t.startswith("Reader") for t in kept)
    # On a forum page the replies are the story.
    kept = _kept(seg, probs, 0.5, "forum")
    assert sum(t.startswith("Reader") for t in kept) == 3
    # A thread taken for an article: the comments hold most of the text and stay.
    seg = _blog(40)
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "article")
    assert sum(t.startswith("Reader") for t in kept) == 40


def test_links_to_other_stories_set_in_the_text_are_dropped_but_prose_saying_related_stays() -> None:
    html = (
        f"<html><body><article><h1>Taxes</h1><p>{PARA}</p>"
        "<p>READ MORE: <a href='/b'>Should you offer green cleaning services?</a></p>"
        "<p>Related: <a href='/c'>Tutoring may not significantly improve attendance</a></p>"
        "<p>Related: the tutoring study and the attendance study used different schools.</p>"
        f"<p>See also: <a href='/d'>the reference manual</a></p><p>{PARA} Again.</p>"
        # Read-also lines of other languages, and a label on a line of its own over its links.
        "<p><strong>Lee también:</strong> <a href='/x'>El precio del alquiler sube un 10% en un año</a></p>"
        "<p>Lesen Sie auch: <a href='/y'>Neues Parkhaus am Markt öffnet im Januar</a></p>"
        "<p>À lire aussi</p><p><a href='/z'>Le Gard placé en vigilance rouge</a></p></article></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "article")
    assert not any(t.startswith(("READ MORE", "Related: Tutoring", "Lee", "Lesen", "Le Gard")) for t in kept)
    assert "Related: the tutoring study and the attendance study used different schools." in kept
    assert "See also: the reference manual" in kept


def test_a_cards_read_more_button_does_not_take_the_next_cards_linked_title() -> None:
    cards = "".join(
        f"<div class='card'><h2><a href='/r{i}'>Resource number {i} on tutoring</a></h2>"
        f"<p>{i}. {PARA}</p><p>Read More</p></div>" for i in range(3)
    )
    seg = _segmented(f"<html><body><article><h1>Resources</h1>{cards}</article></body></html>")
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "article")
    assert [t for t in kept if t.startswith("Resource number")] == [f"Resource number {i} on tutoring" for i in range(3)]


def test_a_table_caption_styled_inline_keeps_only_its_words() -> None:
    seg = _segmented(
        "<table><caption><style>.x{border:0}</style>List of laureates</caption>"
        "<tr><th>Year</th><th>Name</th></tr><tr><td>2001</td><td>Ann Lee</td></tr></table>"
    )
    assert seg.blocks[0].text == "List of laureates"


def test_a_picture_credit_on_its_own_line_is_dropped_but_captions_and_course_credits_stay() -> None:
    caption = "Photo: Crystal documented the care her movers took with the piano on the way up the stairs."
    html = (
        f"<html><body><article><h1>Moving</h1><p>{PARA}</p><p>Photo: Jane Doe/AFP</p>"
        "<p>Justin Sullivan / Staff via Getty Images</p><p>Getty Images</p>"
        f"<p>{caption}</p><p>Photography and videography</p><p>Credits: 4</p>"
        f"<p>Graphics: NVidia GTX 970</p><p>{PARA} Again.</p></article></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "article")
    assert not any("AFP" in t or "Getty" in t for t in kept)
    for line in (caption, "Photography and videography", "Credits: 4", "Graphics: NVidia GTX 970"):
        assert line in kept


def test_a_credit_naming_the_agency_first_is_dropped_too() -> None:
    seg, kept = _story_kept(
        "<p>Getty Images / Holger Leue</p><p>Image used under license from Shutterstock</p>"
        "<p>Getty Images is where the agency keeps the archive of the paper's old photographs.</p>"
    )
    assert not any(t.startswith(("Getty Images /", "Image used")) for t in kept)
    assert any(t.startswith("Getty Images is") for t in kept)


def test_a_copyright_notice_in_the_story_cell_is_dropped_but_prose_about_copyright_stays() -> None:
    about = "The question of copyright and licensing is difficult, and the courts have not settled it."
    html = (
        "<html><body><table><tr><td><b>Council approves new budget</b>"
        f"<p>{PARA}</p><p>{about}</p><h2>Copyright license</h2><p>{PARA} Again.</p>"
        "<p>Copyright 2008 The Daily Courier. All rights reserved.</p><p>© 2024 Acme Inc.</p>"
        "</td></tr></table></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "article")
    assert about in kept and "Copyright license" in kept
    assert not any("Daily Courier" in t or "Acme" in t for t in kept)


def _reviewed_product(reviews: int, box: str = "reviews-list"):
    spec = "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
    said = "".join(f"<div class='{box}-item'><p>Buyer {i} says: {PARA}</p></div>" for i in range(reviews))
    html = (
        f"<html><body><main><h1>Trail pack</h1><div class='product-description'>{spec}</div>"
        f"<div class='cart-preview'><p>Preview of your cart: {PARA}</p></div>"
        f"<section class='{box}'><h2>Customer reviews</h2>{said}</section>"
        "<div class='a-carousel-container'><h2>Customers also viewed</h2><ul>"
        "<li>Trail pack 40, the larger pack for long days</li></ul></div>"
        "<div class='pdp-disclaimer'><p>* Colours may vary from the pictures shown.</p></div></main></body></html>"
    )
    return _segmented(html)


def test_a_product_page_drops_its_reviews_carousels_and_fine_print_unless_most_of_the_page() -> None:
    seg = _reviewed_product(3)
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "product")
    assert sum(t.endswith(PARA) and t[0].isdigit() for t in kept) == 4
    assert not any(t.startswith("Buyer") for t in kept) and "Customer reviews" not in kept
    assert any(t.startswith("Preview of your cart") for t in kept)  # "preview" is not a review
    assert not any("Trail pack 40" in t for t in kept) and "Customers also viewed" not in kept
    assert not any("Colours may vary" in t for t in kept)
    # camelCase class names count; other page types keep what their reviews say.
    kept = _kept(_reviewed_product(3, "productReviews"), probs, 0.5, "product")
    assert not any(t.startswith("Buyer") for t in kept)
    assert sum(t.startswith("Buyer") for t in _kept(seg, probs, 0.5, "article")) == 3
    # A page that is mostly reviews keeps them.
    seg = _reviewed_product(30)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.startswith("Buyer") for t in kept) == 30


def test_a_product_page_whose_body_class_names_reviews_keeps_its_product() -> None:
    # A theme's body class ("single-product-reviews-01") names the template, not a review box:
    # read as one, the whole product fell as a "minor" box once its related products had left.
    spec = "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
    others = "".join(f"<li>Other pack {i}: {PARA}</li>" for i in range(4))
    html = (
        "<html><body class='single-product single-product-reviews-01'><main><h1>Trail pack</h1>"
        f"<div class='product-description'>{spec}</div>"
        f"<div class='related'><h2>Related products</h2><ul>{others}</ul></div></main></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.endswith(PARA) and t[0].isdigit() for t in kept) == 4
    assert not any(t.startswith("Other pack") for t in kept)


def _header_menu_page(wrap: str = "div", paragraphs: int = 3):
    menu = "Acoustic Guitars Electric Guitars Bass Guitars Ukuleles Amplifiers Pedals Strings Cables Cases Deals"
    # The story in two boxes: no one container holds it, so the page's region is the wrapper.
    intro = "".join(f"<p>{i}. {PARA}</p>" for i in range(paragraphs))
    details = "".join(f"<p>{i}. {PARA}</p>" for i in range(paragraphs, 2 * paragraphs))
    html = (
        f"<html><body><{wrap} class='page'><div class='site-header'><div class='site-nav'>"
        f"<div class='panel'><span>{menu}</span></div></div></div>"
        f"<div class='intro'>{intro}</div><div class='details'>{details}</div></{wrap}></body></html>"
    )
    return _segmented(html)


def test_a_header_menu_classed_so_leaves_when_outside_the_main_content() -> None:
    seg = _header_menu_page()
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Acoustic Guitars") for t in kept)
    # Inside <main> it stays (a template's "nav"/"header" wrappers may hold the content).
    seg = _header_menu_page("main")
    assert any(t.startswith("Acoustic Guitars") for t in _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product"))
    # So it does when it is most of the kept text.
    seg = _header_menu_page(paragraphs=0)
    assert any(t.startswith("Acoustic Guitars") for t in _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product"))


def test_a_header_menu_that_outweighs_the_product_beside_it_leaves() -> None:
    # A shop's mega-menu of category lines, longer than its product, in old markup: the product
    # lies outside the menu's box, so that box is not a wrapper holding the page.
    panel = "Acoustic Guitars Electric Guitars Bass Guitars Ukuleles Amplifiers Pedals Strings Cables Cases Deals"
    panels = "".join(f"<div class='panel'><span>{i} {panel}</span></div>" for i in range(24))
    story = "".join(f"<p>{i}. {PARA}</p>" for i in range(12))
    html = (
        f"<html><body><div class='site-header'><div class='site-nav'>{panels}</div></div>"
        f"<div class='product'><div class='intro'>{story[:len(story) // 2]}</div>"
        f"<div class='details'>{story[len(story) // 2:]}</div></div></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.endswith(PARA) for t in kept) == 12
    assert not any("Acoustic Guitars" in t for t in kept)


def test_a_menu_run_together_into_one_line_of_links_leaves() -> None:
    # A shop's whole menu set as inline links in one <div>: one block of links and nothing else
    # (a short line of a product's tags stays).
    links = "".join(f"<a href='/c/{i}'> Category number {i}</a>" for i in range(60))
    one_link = "<a href='/story'>A linked card: the whole teaser of the next story wrapped in one link.</a>"
    tags = "".join(f"<a href='/t/{i}'> Tagword{i}</a>" for i in range(16))
    html = (
        f"<html><body><div class='bar'>{links}</div><div class='product'>{STORY}</div>"
        f"<div class='tags'>{tags}</div><div class='card'>{one_link}</div></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any("Category number 7" in t for t in kept)
    assert any(t.startswith("A linked card") for t in kept)
    assert any(t.startswith("Tagword0") for t in kept)


def test_a_box_for_screen_readers_only_leaves_but_its_heading_stays() -> None:
    # A shop's menu copied for screen readers, and a section heading set for them alone.
    menu = "".join(f"<div><a href='/c/{i}'>Socks</a></div><div>Ankle Quarter Crew No Show {i}</div>" for i in range(4))
    html = (
        f"<html><body><div class='visually-hidden'>{menu}</div><div class='product'>"
        f"<h2 class='sr-only'>How the wool socks are made from start to finish</h2>{STORY}</div></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Ankle Quarter") for t in kept)
    assert any(t.startswith("How the wool socks") for t in kept)


def test_an_article_drops_the_author_box_under_the_story() -> None:
    seg, kept = _story_kept(
        "<div class='author-box'><h3>About the author</h3><p>Jane Doe covers city hall and has written"
        " about local budgets for the paper since 2009, after ten years at a wire service.</p></div>"
        "<p class='biography-note'>Biography of a budget: how the plan took shape over six months.</p>"
    )
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any("Jane Doe covers" in t for t in kept) and "About the author" not in kept
    assert any(t.startswith("Biography of a budget") for t in kept)  # "biography" is not a bio box
    # Other page types keep such a box (a team page's bios are its story).
    assert any("Jane Doe covers" in t for t in _kept_as(seg, "service"))


def test_a_thread_drops_the_link_previews_in_its_posts() -> None:
    posts = "".join(
        f"<div class='topic-post'><p>Reply {i}: {PARA}</p>"
        "<aside class='onebox allowlistedgeneric'><article class='onebox-body'><h3>Release Schedule | Films</h3>"
        "<p>Official release schedule for all upcoming films opening in the year.</p></article></aside></div>"
        for i in range(4)
    )
    seg = _segmented(f"<html><body><main><h1>Thread</h1>{posts}</main></body></html>")
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "forum")
    assert sum(t.startswith("Reply") for t in kept) == 4
    assert not any("release schedule" in t.lower() for t in kept)
    # An article that embeds such a card keeps it: only threads are read this way.
    assert any("Official release schedule" in t for t in _kept(seg, probs, 0.5, "article"))


def test_a_thread_drops_xenforos_unfurled_link_previews_too() -> None:
    posts = "".join(
        f"<article class='message'><div class='bbWrapper'><p>Reply {i}: {PARA}</p>"
        "<div class='bbCodeBlock bbCodeBlock--unfurl js-unfurl'><div class='contentRow-main'>"
        "<h3 class='contentRow-header js-unfurl-title'>Magnetic Air Review</h3>"
        "<div class='contentRow-snippet js-unfurl-desc'>The card comes with fans that pop out with magnets.</div>"
        "</div></div></div></article>"
        for i in range(4)
    )
    seg = _segmented(f"<html><body><main><h1>Thread</h1>{posts}</main></body></html>")
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "forum")
    assert sum(t.startswith("Reply") for t in kept) == 4
    assert not any("Magnetic Air" in t or "pop out" in t for t in kept)


def test_a_kept_tables_caption_is_kept_with_it_and_set_before_its_rows() -> None:
    seg = _segmented(
        f"<article><p>{PARA}</p><table><caption>Homes damaged by town</caption>"
        "<tr><th>Town</th><th>Homes</th></tr><tr><td>Riverton</td><td>210</td></tr></table></article>"
    )
    texts = [b.text for b in seg.blocks]
    assert texts.index("Homes damaged by town") + 1 == texts.index("Town | Homes")
    # The model keeps the rows and doubts the short caption line.
    probs = _probs(seg, lambda t: 0.1 if t == "Homes damaged by town" else 0.9)
    assert "Homes damaged by town" in _kept(seg, probs, 0.6)
    # A table whose rows are dropped takes its caption with it.
    probs = _probs(seg, lambda t: 0.9 if t.startswith("This paragraph") else 0.1)
    assert "Homes damaged by town" not in _kept(seg, probs, 0.6)


def test_a_pull_quote_goes_and_a_correction_in_the_story_stays() -> None:
    quote = "Students told us they had nowhere quiet to study after six in the evening."
    html = (
        f"<html><body><article><h1>Library</h1><div class='story-body'><p>{PARA}</p>"
        f"<aside class='pullquote'><p>\u201c{quote}\u201d</p></aside>"
        f"<p>\u201c{quote[:-1]},\u201d said board chair Rosa Diaz. {PARA}</p><p>{PARA} Again.</p>"
        "<p><em>Correction: An earlier version of this story gave the wrong cost of the change.</em></p>"
        "<p>Updated: Jan 5, 2024 at 10:00 am</p></div></article></body></html>"
    )
    seg = _segmented(html)
    doubted = ("Correction", "Updated")
    kept = _kept(seg, _probs(seg, lambda t: 0.1 if t.startswith(doubted) else 0.9), 0.5, "article")
    assert not any(t.startswith("\u201cStudents") and t.endswith("\u201d") for t in kept)
    assert any(t.startswith("\u201cStudents") and "Rosa Diaz" in t for t in kept)
    assert "Correction: An earlier version of this story gave the wrong cost of the change." in kept
    assert not any(t.startswith("Updated") for t in kept)  # a date stamp, not a note


def test_an_article_drops_author_boxes_of_other_class_spellings() -> None:
    # "author_detail_box", "author-details", "author-promo", the Simple Author Box plugin's
    # "saboxplugin-wrap": the same box. "authority" and "authors-list" say nothing of one.
    for cls in ("author_detail_box clearfix", "author-details", "author-promo", "saboxplugin-wrap"):
        _, kept = _story_kept(
            f"<div class='{cls}'><p>Jane Doe covers city hall and has written"
            " about local budgets for the paper since 2009, after ten years at a wire service.</p></div>"
            "<div class='authority-note'><p>Authority of the board: the plan needs two votes to pass.</p></div>"
        )
        assert sum(t.endswith(PARA) for t in kept) == 6, cls
        assert not any("Jane Doe covers" in t for t in kept), cls
        assert any(t.startswith("Authority of the board") for t in kept), cls


def test_an_article_drops_other_posts_excerpts() -> None:
    # A posts widget under the story: each card's excerpt is another post's teaser.
    cards = "".join(
        f"<article class='elementor-post'><h3>Post {i}</h3><div class='elementor-post__excerpt'><p>Excerpt {i}:"
        " when the county denies a claim, many applicants wonder whether they can appeal the decision.</p></div>"
        "</article>"
        for i in range(3)
    )
    html = f"<html><body><main><article><h1>Budget</h1>{STORY}</article><section>{cards}</section></main></body></html>"
    seg = _segmented(html)
    probs = _probs(seg, lambda t: 0.9)
    kept = _kept(seg, probs, 0.5, "article")
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Excerpt") for t in kept)
    # A listing's cards keep their excerpts: they are the page.
    assert sum(t.startswith("Excerpt") for t in _kept(seg, probs, 0.5, "listing")) == 3


def test_an_article_drops_its_disclaimer_box() -> None:
    seg, kept = _story_kept(
        "<div class='richtext cmp-richtext--disclaimer'><p>Fine print: all investing is subject to risk,"
        " including the possible loss of the money you invest. Past results are no guarantee.</p></div>"
    )
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Fine print") for t in kept)
    assert any(t.startswith("Fine print") for t in _kept_as(seg, "service"))


def test_an_article_drops_the_content_of_its_pop_ups() -> None:
    # A glossary's definitions in a pop-up ("modal-content") and a plugin's pop-up (camel case):
    # shown only when a reader clicks a term, not the story.
    seg, kept = _story_kept(
        "<div class='cmp-modal modal-content'><h3>Index fund</h3><p>Definition: a fund that tracks a"
        " market index, holding the same securities in the same proportions as that index.</p></div>"
        "<div class='TermPopup'><p>Definition: a share is a unit of ownership in a company, giving a"
        " claim on part of its assets and earnings.</p></div>"
    )
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Definition") for t in kept)
    # Other page types keep such boxes (a product's size guide is one).
    assert sum(t.startswith("Definition") for t in _kept_as(seg, "service")) == 2


def test_an_article_drops_its_publishers_call_to_action_box() -> None:
    seg, kept = _story_kept(
        "<div class='inline-cta'><h3>Thinking of selling your business?</h3><p>Pitch: get a free valuation"
        " from our brokers today. Book a call now.</p></div>"
        "<section class='CallToActionBox_component__x1'><p>Pitch: try our platform free for 14 days.</p></section>"
    )
    assert sum(t.endswith(PARA) for t in kept) == 6
    assert not any(t.startswith("Pitch") or t.startswith("Thinking") for t in kept)
    assert sum(t.startswith("Pitch") for t in _kept_as(seg, "service")) == 2


def test_call_to_action_sections_that_hold_much_of_the_story_stay() -> None:
    # A page builder that names its content sections "cmp-cta": a third of the story is in them.
    sections = "".join(f"<div class='cmp-cta__container'><p>Section {i}. {PARA}</p></div>" for i in range(3))
    seg, kept = _story_kept(sections)
    assert sum(t.endswith(PARA) for t in kept) == 9


def test_under_a_high_threshold_whole_sentences_in_the_story_are_kept() -> None:
    html = (
        "<html><body><article><div class='entry-content'>"
        + "".join(f"<p>{i}. {PARA}</p>" for i in range(6))
        + "<p>Doubted: the second week of the test took the watch up two passes in the rain, and it kept time.</p>"
        + "<p>Doubted short line</p><p>Doubted footnote about the firmware version the watch ran in the test ↩</p>"
        + "</div></article></body></html>"
    )
    seg = _segmented(html)
    # A threshold of 0.8 puts the relative floor at 0.56: the doubted lines (0.4) are under it.
    probs = _probs(seg, lambda t: 0.4 if t.startswith("Doubted") else 0.9)
    kept = _kept(seg, probs, 0.8, "article")
    assert any(t.startswith("Doubted: the second week") for t in kept)
    assert "Doubted short line" not in kept
    assert not any(t.startswith("Doubted footnote") for t in kept)
    # Under an ordinary threshold (0.5: floor 0.35) nothing changes: 0.3 stays out.
    probs = _probs(seg, lambda t: 0.3 if t.startswith("Doubted") else 0.9)
    assert not any(t.startswith("Doubted") for t in _kept(seg, probs, 0.5, "article"))


def test_runs_of_bare_numbers_in_a_list_are_dropped() -> None:
    html = (
        f"<html><body><article><h1>Review</h1>{STORY}<ul class='rating'>"
        + "".join(f"<li>{n}</li>" for n in range(1, 6))
        + f"</ul>{STORY}<ol><li>12</li><li>Laps of the track on the first day</li></ol></article></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "article")
    assert not any(t in ("1", "2", "3", "4", "5") for t in kept)
    assert "12" in kept  # one number alone is an item of the list


def test_a_menu_panels_prose_outside_the_story_goes_but_a_wrapper_classed_nav_holds_the_story() -> None:
    # An old page's dropdown panel: a <div> classed as navigation, sentences and all, before the
    # story's container; the model, without <nav>, scores them like the story.
    panel = (
        "<div class='main-nav'><div class='dropdown'>Need to pay a bill, make a change, or just get"
        " some information about your policy? Log in with just a few clicks.</div></div>"
    )
    html = f"<html><body>{panel}<div class='entry-content'><h1>Budget</h1>{STORY}</div></body></html>"
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "service")
    assert kept[0] == "Budget" and len(kept) == 7
    # A wrapper classed as navigation around the panel and the story alike is no menu.
    seg = _segmented(f"<html><body><div class='has-nav-menu'>{html[12:-14]}</div></body></html>")
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "service")
    assert kept[0].startswith("Need to pay a bill") and len(kept) == 8


def test_a_lone_link_in_a_header_or_footer_box_outside_the_story_goes_but_its_prose_stays() -> None:
    header = (
        "<div class='site-header'><div><a href='/'>Acme Tools for Makers and Menders</a></div>"
        "<div>Hand tools for makers and menders since 1920, sold in every town of the county.</div></div>"
    )
    footer = "<div class='page-footer'><div><a href='/shops'>Find the shop nearest to you</a></div></div>"
    html = f"<html><body>{header}<div class='entry-content'><h1>Budget</h1>{STORY}</div>{footer}</body></html>"
    seg = _segmented(html)
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "service")
    assert kept[0].startswith("Hand tools for makers") and kept[1] == "Budget" and len(kept) == 8


def test_a_size_charts_columns_of_bare_numbers_are_dropped() -> None:
    chart = "".join(f"<div class='cell'>{n}</div>" for n in ("8", "8.5", "9", "9.5", "10"))
    seg = _segmented(f"<html><body><article><h1>Runner</h1>{STORY}<div class='sizes'>{chart}</div></article></body></html>")
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.5, "product")
    assert not any(t in ("8", "8.5", "9", "9.5", "10") for t in kept)
    assert sum(PARA in t for t in kept) == 6


def test_a_writers_bio_closing_the_story_is_dropped_but_a_lede_about_a_writer_stays() -> None:
    bio = "Jane Roe is a freelance travel writer and editor of Coast Guide, based in Lisbon."
    seg, kept = _story_kept(f"<p>{bio}</p>")
    assert bio not in kept and sum(t.endswith(PARA) for t in kept) == 6
    lede = "John Doe is a reporter whose notebooks from forty years of council meetings went on show this week."
    seg = _segmented(f"<html><body><article><h1>Notebooks</h1><p>{lede}</p>{STORY}</article></body></html>")
    assert lede in _kept_as(seg, "article")


def test_a_contributors_bio_naming_a_post_at_an_institution_closes_no_story() -> None:
    for bio in (
        "Jane Roe is an associate professor of radiology at Example Medical School.",
        "John Doe is the public sector CTO and vice president for customer success at Examplesoft.",
    ):
        seg, kept = _story_kept(f"<p>{bio}</p>")
        assert bio not in kept and sum(t.endswith(PARA) for t in kept) == 6
    # A closing line that names no post stays.
    for line in (
        "John Doe is at home now, and says he will run the same race again next year.",
        # A story's last line that says where its subject is to be names no post either.
        "John Doe is scheduled to appear at Example County Superior Court on Monday.",
    ):
        seg, kept = _story_kept(f"<p>{line}</p>")
        assert line in kept


def test_a_contents_entry_goes_where_its_heading_repeats_it_and_the_heading_stays() -> None:
    toc = "<ul><li><a href='#a'>How the watch held up</a></li><li><a href='#b'>Battery life in winter</a></li></ul>"
    body = f"<h2 id='a'>How the watch held up</h2><p>{PARA}</p><h2 id='b'>Battery life in winter</h2><p>{PARA} Cold.</p>"
    seg, kept = _story_kept(toc + body)
    assert kept.count("How the watch held up") == 1 and kept.count("Battery life in winter") == 1
    heads = [seg.blocks[i] for i in assemble.select(seg, _probs(seg, lambda t: 0.9), 0.5, "article")]
    assert [b.kind for b in heads if b.text == "Battery life in winter"] == ["heading"]


def test_a_service_page_drops_its_insights_teasers() -> None:
    seg = _segmented(
        "<html><body><main><h1>Data analytics services</h1>"
        + "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
        + "<h2>Latest insights</h2><div class='card'><h3>Teaser: five trends in data</h3>"
        "<p>Teaser: what every leader should know about data this year, in one short read.</p></div>"
        "<h2>Talk to us</h2><p>Closing: our team answers within one business day, wherever you are.</p>"
        "</main></body></html>"
    )
    kept = _kept_as(seg, "service")
    assert sum(t.endswith(PARA) for t in kept) == 4
    assert not any(t.startswith("Teaser") or t == "Latest insights" for t in kept)
    assert any(t.startswith("Closing") for t in kept)  # the next section of its level stays
    # An article's own "Latest insights" section is left to the article rules.
    assert sum(t.startswith("Teaser") for t in _kept_as(seg, "article")) == 2
    # The same heading in French.
    seg = _segmented(
        "<html><body><main><h1>Nos services</h1>" + "".join(f"<p>{i}. {PARA}</p>" for i in range(4))
        + "<h2>Nos derniers articles</h2><p>Teaser: cinq tendances des données à connaître cette année.</p>"
        "</main></body></html>"
    )
    assert not any(t.startswith("Teaser") for t in _kept_as(seg, "service"))


def test_an_articles_other_stories_leave_under_a_heading_or_a_label() -> None:
    story = "<html><body><article><h1>Marathon training</h1>" + STORY
    # Under a heading of the story's level: its section goes, up to the next such heading.
    seg = _segmented(
        story + "<h2>You may also like</h2><p>Teaser: how five runners trained for their first race this spring.</p>"
        "<h2>Further notes</h2><p>Closing: the plan works for any distance, with rest days kept.</p></article></body></html>"
    )
    kept = _kept_as(seg, "article")
    assert sum(t.endswith(PARA) for t in kept) == 6 and any(t.startswith("Closing") for t in kept)
    assert not any(t.startswith("Teaser") or t == "You may also like" for t in kept)
    # A label of its own on a line, with its links: the links go with it, the prose after stays.
    seg = _segmented(
        story + "<p>Related reads:</p><ul><li><a href='/a'>Ten tips for your first marathon</a></li>"
        "<li><a href='/b'>What to eat before a long run</a></li></ul>"
        "<p>Closing: the plan works for any distance, with rest days kept.</p></article></body></html>"
    )
    kept = _kept_as(seg, "article")
    assert not any(t.startswith("Related reads") or "Ten tips" in t for t in kept)
    assert any(t.startswith("Closing") for t in kept)
    # A guide's own "Related resources" stay, and so does a section that holds most of the text.
    seg = _segmented(story + "<h2>Related resources</h2><p>Teaser: the club's pace charts.</p></article></body></html>")
    assert any(t.startswith("Teaser") for t in _kept_as(seg, "article"))
    seg = _segmented(
        "<html><body><article><h1>Notes</h1><p>Short intro to the notes here.</p><h2>More from this author</h2>"
        + STORY + "</article></body></html>"
    )
    assert sum(t.endswith(PARA) for t in _kept_as(seg, "article")) == 6
    # A box set inside the story, more of the story after it: the story is not over, and the
    # paragraph under the box's label (an old page's bold line ends no section) stays.
    seg = _segmented(
        "<html><body><article><h1>Marathon training</h1>" + STORY + "<h2>You may also like</h2>"
        "<p>Aside. Long runs build the base that every later week of the plan stands on.</p><h2>Week by week</h2>"
        + "".join(f"<p>Story {i}. Rest days matter as much as the long runs, week {i} of the plan.</p>" for i in range(5))
        + "</article></body></html>"
    )
    kept = _kept_as(seg, "article")
    assert any(t.startswith("Aside") for t in kept) and sum(t.startswith("Story") for t in kept) == 5


def test_a_shell_that_shows_only_its_footer_has_no_text() -> None:
    footer = (
        "<div class='site-footer'><ul><li><a href='/about'>About us</a></li><li><a href='/help'>Help center</a></li>"
        "</ul><p>Copyright 2025 Example Shop. All rights reserved. Terms apply.</p></div>"
    )
    seg = _segmented(f"<html><body><div id='app'></div>{footer}</body></html>")
    assert _kept_as(seg, "product") == []
    # A page with text of its own keeps it, and a long story in a wrapper classed "footer"
    # (a layout's name for its box) stays.
    seg = _segmented(f"<html><body><main><p>0. {PARA}</p></main>{footer}</body></html>")
    assert any(t.endswith(PARA) for t in _kept_as(seg, "product"))
    seg = _segmented(f"<html><body><div class='footer-wrap'><h1>Budget</h1>{STORY}</div></body></html>")
    assert sum(t.endswith(PARA) for t in _kept_as(seg, "article")) == 6
    # A short legal notice is a page's text, not its footer.
    seg = _segmented("<html><body><div class='legal-notice'><p>Notice: this site is run by Example Ltd,"
                     " registered in England under number 01234567.</p></div></body></html>")
    assert _kept_as(seg, "service")


def _landing():
    features = "".join(f"<h3>Plan {i}</h3><p>F{i}: Sync {i} folders across every device.</p>" for i in range(4))
    html = (
        "<html><body><main><h1>Cloud storage for teams</h1>"
        f"<p>Intro. {PARA}</p>{features}<p>Outro. {PARA}</p></main>"
        "<div class='after'><p>F9: Sync your files across every device.</p></div></body></html>"
    )
    return _segmented(html)


def test_doubted_lines_between_kept_sections_of_a_service_page_are_kept() -> None:
    seg = _landing()
    # Intro, outro and headings sure (0.9); the feature lines doubted (0.25 with a threshold
    # of 0.6: under the region's 0.7 x threshold, over the sections' 0.3 x threshold).
    probs = _probs(seg, lambda t: 0.25 if t.startswith("F") else 0.9)
    kept = _kept(seg, probs, 0.6, "service")
    assert sum(t.startswith("F") and t[1] != "9" for t in kept) == 4
    assert not any(t.startswith("F9") for t in kept)  # after the container's last kept block
    # An article keeps to the region's floor.
    assert not any(t.startswith("F") for t in _kept(seg, probs, 0.6, "article"))
    # Below 0.3 x the threshold: out.
    probs = _probs(seg, lambda t: 0.15 if t.startswith("F") else 0.9)
    assert not any(t.startswith("F") for t in _kept(seg, probs, 0.6, "service"))


def test_a_doubted_line_that_is_mostly_links_between_kept_paragraphs_is_kept() -> None:
    body = (
        f"<p>0. {PARA}</p><p>1. {PARA}</p>"
        "<p>We compared it with <a href='/a'>the other running watches we tested on the marathon</a> last spring.</p>"
        f"<p>2. {PARA}</p><p>3. {PARA}</p>"
        "<p><a href='/b'>Every watch we tested this year, ranked from best to worst</a></p>"
        f"<p>4. {PARA}</p>"
    )
    seg = _segmented(f"<html><body><article>{body}</article></body></html>")
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.5)
    kept = _kept(seg, probs, 0.6)
    assert any(t.startswith("We compared") for t in kept)  # links most of it, not all
    assert not any(t.startswith("Every watch") for t in kept)  # all link: a teaser


def test_doubted_table_rows_between_kept_paragraphs_are_kept() -> None:
    rows = "".join(f"<tr><td>Watch {i}</td><td>${100 + i}</td><td>{20 + i} hours</td></tr>" for i in range(3))
    body = f"<p>0. {PARA}</p><p>1. {PARA}</p><table>{rows}</table><p>2. {PARA}</p>"
    seg = _segmented(f"<html><body><article>{body}</article></body></html>")
    # Rows at 0.25 with a threshold of 0.6: under the region's floor, over 0.3 x the threshold.
    kept = _kept(seg, _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.25), 0.6)
    assert sum(t.startswith("Watch") for t in kept) == 3
    kept = _kept(seg, _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.1), 0.6)
    assert not any(t.startswith("Watch") for t in kept)


def test_a_faq_section_under_the_story_is_kept() -> None:
    faq = (
        "<h2>Frequently Asked Questions</h2>"
        "<h3>How long does the battery last?</h3><p>About three weeks with the watch face alone.</p>"
        "<h3>Is it waterproof?</h3><p>Down to fifty metres, so swimming is fine.</p>"
        "<h2>Related reviews</h2><p>Our take on the cheaper model from last year.</p>"
    )
    seg = _segmented(f"<html><body><article><h1>Review</h1>{STORY}{faq}</article></body></html>")
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() or t == "Review" else 0.3)
    kept = _kept(seg, probs, 0.6, "article")
    assert "Frequently Asked Questions" in kept and "Is it waterproof?" in kept
    assert any(t.startswith("Down to fifty") for t in kept)
    assert not any(t.startswith(("Related", "Our take")) for t in kept)  # the next section
    # Only under a story: not on a shop's page.
    assert not any(t.startswith("Down to fifty") for t in _kept(seg, probs, 0.6, "product"))


def test_a_doubted_line_between_two_kept_lines_of_old_markup_is_kept() -> None:
    html = (
        f"<html><body><div class='story'>0. {PARA}<br><br>1. {PARA}<br><br>Battery: three weeks"
        f"<br><br>2. {PARA}<br><br>3. {PARA}</div></body></html>"
    )
    seg = _segmented(html)
    # The line at 0.15 with a threshold of 0.45: under the region's floor, over 0.3 x it.
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.15)
    assert "Battery: three weeks" in _kept(seg, probs, 0.45, "article")
    assert "Battery: three weeks" not in _kept(seg, probs, 0.45, "listing")  # a card's line
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.1)
    assert "Battery: three weeks" not in _kept(seg, probs, 0.45, "article")


def _product_grid(n_cards: int):
    """A shop's grid of ``n_cards`` product cards of 14 blocks each: name, price, saving, list
    price and five specifications as label and value."""
    specs = ("Capacity:", "68 liters", "Weight:", "3.5 lbs", "Frame:", "Internal", "Torso:", "M/L", "Lid:", "Floating")
    cards = "".join(
        f"<li class='product-tile'><h3><a href='/p{i}'>Trail pack number {i}</a></h3>"
        f"<div class='price'>${100 + i}.00</div><div class='save'>Save {20 + i}%</div>"
        f"<div class='was'>compared to ${150 + i}.00</div>"
        + "".join(f"<div class='spec'>{s}</div>" for s in specs)
        + "</li>"
        for i in range(n_cards)
    )
    html = f"<html><body><main><h1>Backpacks</h1><ul class='grid'>{cards}</ul></main></body></html>"
    return _segmented(html)


def test_a_grids_larger_product_cards_are_completed_on_shop_pages() -> None:
    seg = _product_grid(6)
    probs = _probs(seg, lambda t: 0.9 if t.startswith(("Trail pack", "Backpacks")) else 0.2)
    kept = _kept(seg, probs, 0.5, "collection")
    assert kept.count("3.5 lbs") == 6 and kept.count("Weight:") == 6
    assert "compared to $150.00" in kept
    # A service page's section of this size is no card: only the lines between its kept
    # blocks stay (region completion), not the last box's. Nor are two such boxes side by side.
    assert _kept(seg, probs, 0.5, "service").count("3.5 lbs") == 5
    seg = _product_grid(2)
    probs = _probs(seg, lambda t: 0.9 if t.startswith(("Trail pack", "Backpacks")) else 0.2)
    assert "3.5 lbs" not in _kept(seg, probs, 0.5, "collection")


def test_a_reference_s_linked_member_signatures_between_kept_blocks_are_kept() -> None:
    # An API reference (rustdoc, doxygen) links the types and names of a member's signature,
    # so links make a third of it or more; the description under it is kept.
    body = (
        f"<p>0. {PARA}</p>"
        "<h4 class='code-header'>pub fn <a href='#m.is_ok_and'>is_ok_and</a>&lt;F&gt;(self, f: F) -&gt; "
        "<a href='/bool'>bool</a></h4>"
        "<div class='where'>where F: <a href='/FnOnce'>FnOnce</a>(T) -&gt; <a href='/bool'>bool</a>,</div>"
        f"<p>1. {PARA}</p><p>2. {PARA}</p>"
        "<h4><a href='/guide/errors'>Errors and where to read about them</a></h4>"
        f"<p>3. {PARA}</p>"
    )
    seg = _segmented(f"<html><body><main>{body}</main></body></html>")
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.2)  # threshold 0.6: over 0.3 x, under 0.5 x
    kept = _kept(seg, probs, 0.6, "documentation")
    assert any(t.startswith("pub fn is_ok_and") for t in kept)
    assert any(t.startswith("where F:") for t in kept)
    assert not any(t.startswith("Errors and where") for t in kept)  # a linked heading, no signature
    # Other page types keep to the link share of prose.
    assert not any(t.startswith("pub fn") for t in _kept(seg, probs, 0.6, "service"))


def test_doubted_prose_in_a_page_builder_s_widget_boxes_is_kept_after_a_kept_box() -> None:
    # A page builder sets every block in a box classed "...-widget-container": the word
    # "widget" marks each as a sidebar's, but the kept paragraph just before carries it too.
    box = "<div class='builder-widget-container'><p>{}</p></div>"
    body = "".join(box.format(f"{i}. {PARA}") for i in range(4))
    body += box.format(f"Doubted. {PARA}")
    body += f"<div class='menu'><p>Menu. {PARA}</p></div>"  # a class word no kept block shares
    body += f"<p>Plain. {PARA}</p>" + box.format(f"Alone. {PARA}")  # after a block not kept
    body += box.format(f"9. {PARA}")
    seg = _segmented(f"<html><body><main>{body}</main></body></html>")
    probs = _probs(seg, lambda t: 0.9 if t[:1].isdigit() else 0.5 if not t.startswith("Plain") else 0.1)
    kept = _kept(seg, probs, 0.6)
    assert any(t.startswith("Doubted.") for t in kept)
    assert not any(t.startswith("Menu.") for t in kept)
    assert not any(t.startswith("Alone.") for t in kept)


def test_a_ticker_repeating_one_call_to_action_is_dropped() -> None:
    ticker = "Book Now *" * 12
    body = (
        f"<p>0. {PARA}</p><p>1. {PARA}</p><div class='marquee'>{ticker}</div>"
        "<table><tr><td>Order Now</td><td>Order Now</td><td>Order Now</td></tr></table>"
        "<p>Yes Yes Yes, we said it three times and meant it each time.</p>"
        f"<p>2. {PARA}</p>"
    )
    seg = _segmented(f"<html><body><main>{body}</main></body></html>")
    kept = _kept(seg, _probs(seg, lambda t: 0.9), 0.6, "service")
    assert not any(t.startswith("Book Now") for t in kept)
    assert any(t.startswith("Order Now |") for t in kept)  # a table's row of buttons stays
    assert any(t.startswith("Yes Yes Yes") for t in kept)


def test_a_section_headed_about_the_author_leaves_the_story_up_to_the_next_heading() -> None:
    bio = "Jane Roe writes on running gear and has tested over two hundred watches since 2015."
    reviewer = "Dr. John Doe checks every health claim we publish against current guidance."
    after = (
        f"<h2>About the Author</h2><p>Jane Roe, Senior Editor</p><p>{bio}</p>"
        f"<h2>About the Reviewer</h2><p>{reviewer}</p><h2>Sources</h2><p>{PARA} Listed.</p>"
    )
    seg, kept = _story_kept(after)
    assert not any("About the" in t or bio in t or reviewer in t or "Senior Editor" in t for t in kept)
    assert "Sources" in kept and sum(t.endswith(PARA) for t in kept) == 6
    # The same words in a sentence of the story stay.
    line = "About the author of the report, little is known beyond her years at the ministry."
    seg, kept = _story_kept(f"<p>{line}</p>")
    assert line in kept
    line = "About the author of the report, little is known beyond her years at the ministry."
    seg, kept = _story_kept(f"<p>{line}</p>")
    assert line in kept


def test_a_manual_s_page_tree_with_section_buttons_goes_whole() -> None:
    # An old-style manual (no <nav>): its sidebar tree opens each section with a button, an
    # unlinked label between the links, which must not break the run of menu items.
    sections = [("Get started", ["Quickstart", "Understand workflows"]),
                ("Write workflows", ["Choose when workflows run", "Control concurrency"]),
                ("Manage runs", ["Re-run a workflow", "Cancel a workflow"])]
    tree = "".join(
        f"<li><button type='button'>{label}</button><ul>"
        + "".join(f"<li><a href='/docs/{i}-{j}'>{item}</a></li>" for j, item in enumerate(items))
        + "</ul></li>"
        for i, (label, items) in enumerate(sections)
    )
    html = (
        f"<html><body><div class='sidebar-nav'><ul>{tree}</ul></div>"
        f"<div class='content'>{STORY}</div></body></html>"
    )
    seg = _segmented(html)
    kept = _kept(seg, np.full(len(seg.blocks), 0.9), 0.5, "documentation")
    assert not any(t in kept for t in ("Get started", "Write workflows", "Quickstart", "Cancel a workflow"))
    assert sum(t[:1].isdigit() for t in kept) == 6


def test_a_story_in_a_wrapper_classed_as_header_and_nav_stays_beside_other_kept_text() -> None:
    # A theme's wrapper classed like a header menu holds the page, <h1> and all; a second
    # story kept beside it does not make the wrapper a menu.
    story = "".join(
        f"<p>Paragraph {i} of the council story: the members argued about the library budget for an "
        "hour, then voted to keep the branch open on Sundays through the winter months.</p>" for i in range(12)
    )
    more = "".join(
        f"<p>Second story paragraph {i}: residents of the east side asked the council for longer "
        "opening hours at the pool, and the mayor promised a report by the spring session.</p>" for i in range(8)
    )
    html = (
        "<html><body><div class='site-header nav-wrapper'><h1>Council keeps the library open</h1>"
        f"{story}</div><div class='story-extra'>{more}</div></body></html>"
    )
    text = newsmill.extract(html, url="https://courier.example/news/2024/03/library").text
    assert "Paragraph 5 of the council story" in text
    assert "Second story paragraph 3" in text
