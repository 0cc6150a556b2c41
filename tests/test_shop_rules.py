"""Shop pages and listings: a product's details, its spec table, shop furniture. Each case is a
page that newsmill read wrongly before."""

from __future__ import annotations

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from newsmill.assemble import (
    _SHOP_SECTION,
    _SPONSORED_SECTION,
    _complete_tables,
    _complete_terms,
    _drop_bare_addresses,
    _drop_shop_sections,
    _drop_trailing_heading,
    _is_furniture_line,
    is_widget_line,
    select,
)
from newsmill.segment import Segmentation, segment


def _seg(html: str) -> Segmentation:
    return segment(LexborHTMLParser(f"<html><body>{html}</body></html>").body)


def _selected(seg: Segmentation, page_type: str) -> list[str]:
    """The texts ``select`` keeps when every block scores 1."""
    return [seg.blocks[i].text for i in select(seg, np.ones(len(seg.blocks)), 0.5, page_type)]


def _kept(seg: Segmentation, keep: np.ndarray) -> list[str]:
    return [seg.blocks[i].text for i in np.flatnonzero(keep)]


def _keep_only(seg: Segmentation, texts: set[str]) -> np.ndarray:
    return np.array([b.text in texts for b in seg.blocks])


# An auction's item specifics: the model keeps some values and doubts their labels.
SPECIFICS = (
    "<div class='item-specifics'><dl><dt><div>Model</div></dt><dd><div>Flex 6x6</div></dd>"
    "<dt><div>Shutter Speeds</div></dt><dd><div>1/500 - 1 s, B</div></dd>"
    "<dt>Product link</dt><dd>/cameras/tlr/ostrava-flex-6x6/48213XXXX.html?dwvar_48213XXXX_color=black</dd>"
    "</dl></div>"
)


def test_a_kept_value_brings_its_label_and_a_kept_label_its_value() -> None:
    seg = _seg(SPECIFICS)
    keep = _keep_only(seg, {"Flex 6x6", "Shutter Speeds"})
    _complete_terms(seg, keep)
    assert _kept(seg, keep) == ["Model", "Flex 6x6", "Shutter Speeds", "1/500 - 1 s, B"]


def test_an_address_is_no_value_to_bring_back() -> None:
    seg = _seg(SPECIFICS)
    keep = _keep_only(seg, {"Product link"})
    _complete_terms(seg, keep)
    assert _kept(seg, keep) == ["Product link"]


def test_a_poster_box_or_a_linked_term_stays_out() -> None:
    # phpBB's poster box: one name over several definitions, the name a link.
    seg = _seg("<dl class='postprofile'><dt><a href='/u/12'>galitsyn</a></dt><dd>Posts: 112</dd>"
               "<dd>Joined: Mar 2009</dd></dl>"
               "<dl><dt><a href='/services/ai'>Artificial intelligence</a></dt>"
               "<dd>Our team helps you develop an AI strategy.</dd></dl>")
    keep = _keep_only(seg, {"Posts: 112", "Our team helps you develop an AI strategy."})
    _complete_terms(seg, keep)
    assert _kept(seg, keep) == ["Posts: 112", "Our team helps you develop an AI strategy."]


SPEC_TABLE = (
    "<table class='data-table'><thead><tr><th>Spec</th><th>Value</th></tr></thead><tbody>"
    "<tr><td>Inner length</td><td>215 cm</td></tr><tr><td>Inner width</td><td>130 cm at the head</td></tr>"
    "<tr><td>Peak height</td><td>102 cm</td></tr><tr><td>Packed size</td><td>45 x 14 cm</td></tr>"
    "</tbody></table>"
)


def test_a_half_kept_spec_table_keeps_its_other_rows_but_not_its_header() -> None:
    seg = _seg(SPEC_TABLE)
    keep = _keep_only(seg, {"Inner length | 215 cm", "Inner width | 130 cm at the head", "Peak height | 102 cm"})
    _complete_tables(seg.blocks, keep)
    assert _kept(seg, keep) == [
        "Inner length | 215 cm", "Inner width | 130 cm at the head", "Peak height | 102 cm", "Packed size | 45 x 14 cm",
    ]
    # Two rows of five kept are not half: the table stays as the model left it.
    keep = _keep_only(seg, {"Inner length | 215 cm", "Peak height | 102 cm"})
    _complete_tables(seg.blocks, keep)
    assert _kept(seg, keep) == ["Inner length | 215 cm", "Peak height | 102 cm"]


def test_a_small_table_is_not_completed() -> None:
    # A manual's navigation bar set as a table: a title row and a row of links.
    seg = _seg("<table><tr><td>Chapter 7. Queries</td><td>x</td></tr>"
               "<tr><td>Prev</td><td>Up</td><td>Home</td><td>Next</td></tr></table>")
    keep = _keep_only(seg, {"Chapter 7. Queries | x"})
    _complete_tables(seg.blocks, keep)
    assert _kept(seg, keep) == ["Chapter 7. Queries | x"]


def test_a_three_row_key_value_table_labelled_with_th_cells_is_completed() -> None:
    # WooCommerce's attribute table: each row a <th> label and a <td> value. Such rows are data,
    # not header rows, and three rows with two kept make a table to complete.
    seg = _seg(
        "<table class='shop_attributes'><tr><th>Weight</th><td>5.9 kg</td></tr>"
        "<tr><th>Dimensions</th><td>31 x 26 x 17 cm</td></tr>"
        "<tr><th>Color</th><td>Sage, Ember Red, Slate</td></tr></table>"
    )
    keep = _keep_only(seg, {"Weight | 5.9 kg", "Dimensions | 31 x 26 x 17 cm"})
    _complete_tables(seg.blocks, keep)
    assert _kept(seg, keep) == ["Weight | 5.9 kg", "Dimensions | 31 x 26 x 17 cm", "Color | Sage, Ember Red, Slate"]
    # A row of <th> cells alone labels the columns: still left out.
    seg = _seg(
        "<table><tr><th>Spec</th><th>Value</th></tr><tr><th>Weight</th><td>5.9 kg</td></tr>"
        "<tr><th>Height</th><td>17 cm</td></tr><tr><th>Color</th><td>Sage</td></tr></table>"
    )
    keep = _keep_only(seg, {"Weight | 5.9 kg", "Height | 17 cm"})
    _complete_tables(seg.blocks, keep)
    assert _kept(seg, keep) == ["Weight | 5.9 kg", "Height | 17 cm", "Color | Sage"]


def test_marketplace_and_maker_section_headings_are_shop_furniture() -> None:
    for heading in ("Delivery and return policies", "Shipping and return policies", "Shipping and handling",
                    "Shipping, returns, and payments", "Where to buy", "Complete your setup", "Meet your seller",
                    "Similar items", "Similar vehicles", "Similar sponsored items", "Sponsored listings"):
        assert _SHOP_SECTION.fullmatch(heading), heading
    for heading in ("Handling and care", "Description", "Where to use it", "Meet the designer"):
        assert not _SHOP_SECTION.fullmatch(heading), heading
    seg = _seg("<h1>Speckled Stoneware Mug</h1><p>Thrown by hand in a small studio.</p>"
               "<h2>Delivery and return policies</h2><p>Order today to get by 19-23 Mar.</p>"
               "<h3>Purchase Protection</h3><p>Shop confidently knowing we have got you covered.</p>"
               "<h2>Care</h2><p>Dishwasher safe.</p>")
    out = _drop_shop_sections(seg.blocks, list(range(len(seg.blocks))))
    assert [seg.blocks[i].text for i in out] == [
        "Speckled Stoneware Mug", "Thrown by hand in a small studio.", "Care", "Dishwasher safe.",
    ]


def test_a_sponsored_section_leaves_a_listing() -> None:
    cards = "".join(f"<li><h3>{n}. {name}</h3><p>{name} bakes bread and cakes daily in Millbrook.</p></li>"
                    for n, name in enumerate(["Crumb Bakehouse", "Little Fern", "Pan y Piedra", "Sugar Ledger"], 1))
    ads = "".join(f"<li><h3>{name}</h3><p>{name} serves Millbrook since 1998, with free delivery.</p></li>"
                  for name in ["Golden Whisk Catering", "Bramble Bake Supply"])
    html = (f"<main><h1>Best Bakeries in Millbrook</h1><h2>Sponsored Results</h2><ul>{ads}</ul>"
            f"<h2>All results</h2><ul>{cards}</ul></main>")
    seg = _seg(html)
    out = _drop_shop_sections(seg.blocks, list(range(len(seg.blocks))), _SPONSORED_SECTION)
    texts = [seg.blocks[i].text for i in out]
    assert "All results" in texts and "4. Sugar Ledger" in texts
    assert not any("Golden Whisk" in t or "Sponsored" in t for t in texts)
    assert not _SPONSORED_SECTION.fullmatch("Sponsored content")


def test_marketplace_nudges_and_podcast_player_lines_are_furniture() -> None:
    for line in ("Other people want this. 11 people have this in their baskets right now.",
                 "3 people have this in their carts", "In 20+ carts", "Learn more about this item",
                 "Podcast: Play in new window | Download (Duration: 47:31 — 43.5MB)",
                 "Podcast: Play in new window | Download | Embed",
                 "Subscribe: Apple Podcasts | Spotify | Android | RSS"):
        assert is_widget_line(line), line
    assert not is_widget_line("Other people want this to succeed, the mayor said on Tuesday.")
    assert not is_widget_line("Subscribers in 40 countries play the game in a new window of time.")


def test_a_heading_left_last_with_nothing_under_it_goes() -> None:
    seg = _seg("<h1>Ninja Blender</h1><p>A blender with two cups and four speeds for smoothies.</p>"
               "<h2>Seller Feedback</h2>")
    everything = list(range(len(seg.blocks)))
    assert [seg.blocks[i].text for i in _drop_trailing_heading(seg.blocks, everything)] == [
        "Ninja Blender", "A blender with two cups and four speeds for smoothies.",
    ]
    # A closing question to the readers stays, and so does a title with nothing under it.
    seg = _seg("<p>We moved into 300 square feet last spring.</p><h3>What do you think about living small?</h3>")
    assert _drop_trailing_heading(seg.blocks, [0, 1]) == [0, 1]
    seg = _seg("<h1>Ninja Blender</h1>")
    assert _drop_trailing_heading(seg.blocks, [0]) == [0]


def test_shop_promises_and_screen_reader_navigation_headings_are_furniture() -> None:
    for line in ("Complimentary shipping and returns", "Complimentary shipping and returns on all US orders.",
                 "Free delivery and returns", "Livraison offerte dès 49 € d'achat", "Paiement sécurisé",
                 "Post navigation", "Events Search and Views Navigation"):
        assert is_widget_line(line), line
    assert not is_widget_line("Navigation")
    assert not is_widget_line("Secure checkout")  # an item of a shop platform's feature list


def test_an_empty_unit_price_label_is_furniture() -> None:
    for line in ("Unit price per", "Unit price / per", "Unit price"):
        assert is_widget_line(line), line
    assert not is_widget_line("Unit price per kilo is shown on every shelf label in France.")


def test_a_filter_option_that_names_what_it_counts_leaves_alone() -> None:
    from newsmill.assemble import _drop_facet_runs
    from newsmill.segment import Block

    def text(t: str) -> Block:
        return Block("text", t, t, 0, "label", chars=len(t))

    blocks = [text("Sennheiser HD 600 Headphones"), text("Over-ear (14 products)"), text("$499.95"),
              text("In stock (1 item)"), text("Organic & Fair Trade (37 produits)")]
    assert _drop_facet_runs(blocks, list(range(len(blocks)))) == [0, 2]
    # A count without its unit, or a longer line, is not one.
    blocks = [text("Ocean's Eleven (2001)"), text("Reviews (14)"),
              text("We shipped every order in the spring sale within two days (14 products)")]
    assert _drop_facet_runs(blocks, [0, 1, 2]) == [0, 1, 2]
    heading = Block("heading", "Trail Running Shoes (158 items)", "", 0, "h1", 1, chars=31)
    assert _drop_facet_runs([heading], [0]) == [0]


def test_a_run_of_unlinked_filter_options_that_say_what_they_count_leaves() -> None:
    from newsmill.assemble import _drop_facet_runs
    from newsmill.segment import Block

    def li(t: str) -> Block:
        return Block("li", t, t, 0, "li", chars=len(t))

    blocks = [li("Gaming Monitors 27 inch"), li("HDMI 8 items"), li("DisplayPort 9 items"),
              li("Full HD (1920x1080) 13 items"), li("USB-C 1 item"), li("Ships with 2 cables")]
    assert _drop_facet_runs(blocks, list(range(len(blocks)))) == [0, 5]
    # Alone or in pairs, a list's line that counts (a kit's contents) stays.
    blocks = [li("Bit set of 64 items"), li("Storage case"), li("Spudger 2 items"), li("Tweezers")]
    assert _drop_facet_runs(blocks, [0, 1, 2, 3]) == [0, 1, 2, 3]


def test_a_cards_name_said_twice_in_a_row_is_said_once() -> None:
    cards = "".join(
        f"<li class='card'><a><img alt=''><span>{name}</span></a><h3>{name}</h3><p>{price}</p></li>"
        for name, price in (("Dark Roast Coffee", "$19.99"), ("Blueberry Pods", "$15.99"), ("Vanilla Latte", "$39.99"))
    )
    seg = _seg(f"<h1>Coffee</h1><ul>{cards}</ul><p>Dark Roast Coffee</p>")
    probs = np.ones(len(seg.blocks))
    for page_type in ("collection", "listing", "product", "article"):
        texts = [seg.blocks[i].text for i in select(seg, probs, 0.5, page_type)]
        assert texts.count("Blueberry Pods") == 1 and texts.count("Dark Roast Coffee") == 2, (page_type, texts)
        assert texts.count("Vanilla Latte") == 1 and "$39.99" in texts
    # A manual's parallel tabs say the same by design.
    texts = [seg.blocks[i].text for i in select(seg, probs, 0.5, "documentation")]
    assert texts.count("Blueberry Pods") == 2


def test_buyers_questions_and_answers_leave_a_product_page() -> None:
    assert _SHOP_SECTION.fullmatch("Customer questions & answers")
    assert _SHOP_SECTION.fullmatch("Questions and Answers")
    assert not _SHOP_SECTION.fullmatch("Frequently asked questions")
    seg = _seg("<h1>Cordless Handheld Vacuum</h1><p>A brushless motor and a washable filter.</p>"
               "<h3>Customer questions &amp; answers</h3><p>Will an older battery fit this model?</p>"
               "<p>No, the connector changed in 2023.</p><h3>Product details</h3><p>Weight: 2.6 pounds</p>")
    texts = _selected(seg, "product")
    assert "Weight: 2.6 pounds" in texts and "A brushless motor and a washable filter." in texts
    assert not any("battery" in t or "connector" in t for t in texts)


def test_other_products_and_shop_prompt_headings_are_shop_furniture() -> None:
    for heading in ("Others Like You Also Bought:", "People also viewed", "Explore related items",
                    "Consider these available items", "TOP PRODUCTS", "More Buying Options", "Meet your sellers",
                    "Ask a Question", "Choose your add-ons", "Need help choosing gear?", "Need help with your order?",
                    "More expert advice"):
        assert _SHOP_SECTION.fullmatch(heading.rstrip(":")), heading
    for heading in ("Top features", "Questions about sizing", "Add-on storage", "Meet the makers of the glaze"):
        assert not _SHOP_SECTION.fullmatch(heading), heading
    seg = _seg("<h1>Walnut Desk Organizer</h1><p>Solid walnut, oiled by hand, with three trays.</p>"
               "<h2>Others Like You Also Bought:</h2><p>Walnut Monitor Stand</p><p>Oak Pen Cup</p>"
               "<h2>Dimensions</h2><p>30 x 12 x 8 cm.</p>")
    out = _drop_shop_sections(seg.blocks, list(range(len(seg.blocks))))
    assert [seg.blocks[i].text for i in out] == [
        "Walnut Desk Organizer", "Solid walnut, oiled by hand, with three trays.", "Dimensions", "30 x 12 x 8 cm.",
    ]


def _review_page(n_reviews: int, rest: str) -> tuple[Segmentation, np.ndarray]:
    reviews = "".join(
        f"<div class='pdp-reviews__review'>Great shelf number {n}, sturdy and easy to put together, "
        f"we use it every day in the living room and love it. Dana {n} 5</div>" for n in range(n_reviews))
    seg = _seg(f"<h1>Cube Shelf Unit</h1>{rest}<section class='pdp-reviews'><h2>Reviews</h2>{reviews}</section>")
    probs = np.array([0.9 if "Great shelf" in b.text or b.text == "Reviews" else 0.45 for b in seg.blocks])
    return seg, probs


def test_reviews_that_outweigh_a_product_are_set_aside_before_the_threshold() -> None:
    from newsmill.assemble import set_aside_reviews
    from newsmill.score import expected_f1_threshold

    details = ("<p>Display your favourite items on the open shelves or add inserts for closed storage.</p>"
               "<h3>Materials and care</h3><p>Particleboard, fiberboard, acrylic paint, honeycomb paper filling "
               "made of recycled paper, plastic edging. Wipe clean using a damp cloth and a mild cleaner, then "
               "wipe dry with a clean cloth.</p><h3>Measurements</h3><p>Width 77 cm, depth 39 cm, height 147 cm, "
               "maximum load per shelf 13 kg.</p>")
    seg, probs = _review_page(20, details)
    threshold = 0.9  # the sure reviews alone clear it
    aside = set_aside_reviews(seg, probs, threshold)
    assert aside is not None
    assert all(p == 0 for b, p in zip(seg.blocks, aside, strict=True) if "Great shelf" in b.text)
    words = np.array([b.text.count(" ") + 1.0 for b in seg.blocks])
    new = expected_f1_threshold(aside, words, 1.0, 0.0, 0.1)
    kept = {b.text[:20] for b, p in zip(seg.blocks, aside, strict=True) if p >= new}
    assert "Particleboard, fiber" in kept and not any(t.startswith("Great shelf") for t in kept)
    # A few reviews under a kept description are left to _drop_boxes; a page of nothing but
    # reviews keeps them.
    seg, probs = _review_page(2, details)
    assert set_aside_reviews(seg, probs, 0.4) is None
    seg, probs = _review_page(20, "")
    assert set_aside_reviews(seg, probs, threshold) is None


def test_a_carousel_counts_against_the_text_kept_before_shop_sections_left() -> None:
    promoted = "".join(f"<li><p>Gold chain kit {n}, 520 pitch, {n}0 links, for road and trail bikes</p>"
                       f"<p>${n}43.09 plus delivery</p></li>" for n in range(1, 6))
    related = "".join(f"<li><p>Related listing {n}: steel sprocket set with bolts and a spare master link</p></li>"
                      for n in range(1, 9))
    seg = _seg(f"<div class='promo-carousel'><ul>{promoted}</ul></div>"
               "<h1>Motorcycle Chain 520, 104 Links, Gold</h1><p>Condition: used, shipped from Milan.</p>"
               f"<h2>Explore related items</h2><ul>{related}</ul>")
    out = select(seg, np.ones(len(seg.blocks)), 0.5, "product")
    texts = [seg.blocks[i].text for i in out]
    assert texts == ["Motorcycle Chain 520, 104 Links, Gold", "Condition: used, shipped from Milan."]


def test_a_collection_sets_apart_other_products_but_keeps_its_shipping_note() -> None:
    grid = "".join(f"<li><h3>Trail Jacket {n}</h3><p>Waterproof shell with taped seams, size S to XL.</p></li>"
                   for n in range(1, 5))
    seen = "".join(f"<li><h3>Wool Beanie {n}</h3><p>Merino rib knit, one size.</p></li>" for n in range(1, 4))
    seg = _seg(f"<h1>Rain Jackets</h1><ul>{grid}</ul><h2>Free Shipping &amp; Returns</h2>"
               f"<p>On every order over 50 dollars.</p><h2>Recently viewed</h2><ul>{seen}</ul>")
    texts = _selected(seg, "collection")
    assert "Trail Jacket 4" in texts and "On every order over 50 dollars." in texts
    assert not any("Beanie" in t or t == "Recently viewed" for t in texts)


def test_reviews_over_two_thirds_of_the_kept_text_are_set_aside() -> None:
    from newsmill.assemble import set_aside_reviews

    details = ("<p>Packs flat, carries 28 liters, with a padded laptop sleeve and two side pockets for "
               "bottles; the back panel is ventilated mesh and the straps adjust in three places.</p>"
               "<h3>Materials</h3><p>Recycled nylon shell, water-repellent finish without PFAS, aluminium "
               "frame sheet, YKK zips.</p><h3>Care</h3><p>Hand wash in cold water with a mild soap and hang "
               "to dry away from direct heat.</p>")
    seg, probs = _review_page(8, details)
    kept = probs >= 0.4
    share = sum(b.chars for b, k in zip(seg.blocks, kept, strict=True) if k and "Great shelf" in b.text) / sum(
        b.chars for b, k in zip(seg.blocks, kept, strict=True) if k)
    assert 2 / 3 < share < 0.75
    assert set_aside_reviews(seg, probs, 0.4) is not None


def test_a_cards_cart_link_is_not_read_into_its_price() -> None:
    # WooCommerce sets a card's button as a link beside the price: one line, "$24.00 Add to cart".
    cards = "".join(
        f"<li class='product'><a href='/p/{i}'><h2>Fenwick Planter {i}</h2></a><span class='price'>${20 + i}.00</span>"
        f"<a href='?add-to-cart={i}' class='button add_to_cart_button'>{label}</a></li>"
        for i, label in enumerate(["Add to cart", "Select options", "Add to basket"])
    )
    texts = [b.text for b in _seg(f"<ul class='products'>{cards}</ul><p><a href='/cart'>Cart help</a></p>").blocks]
    assert "$20.00" in texts and "$21.00" in texts and "$22.00" in texts
    assert not any("Add to" in t or "Select options" in t for t in texts)
    assert "Cart help" in texts  # any other link is read as before


def test_screen_reader_sentences_are_not_read_but_labels_and_figures_are() -> None:
    # A card's wish-list button speaks a sentence that no reader sees; a short label names a
    # value that is seen, and a price may be written only for screen readers (its visible copy
    # drawn in aria-hidden spans).
    seg = _seg(
        "<div class='card'><h3>Striped Midi Dress</h3>"
        "<button><span class='u-text-sr-only'>Add Striped Midi Dress to your Loves.</span></button>"
        "<p><span class='visually-hidden'>Old price</span> $79</p>"
        "<p><del aria-hidden='true'>$30</del><span class='screen-reader-text'>Original price was: $30.00.</span></p>"
        "<p><span class='not-sr-only'>Shown again to every reader here</span></p></div>"
    )
    texts = [b.text for b in seg.blocks]
    assert texts == ["Striped Midi Dress", "Old price $79", "Original price was: $30.00.", "Shown again to every reader here"]


def test_a_design_systems_hidden_accessible_label_is_not_read() -> None:
    # An event card's icon button, labelled for screen readers ("eds-is-hidden-accessible").
    seg = _seg(
        "<div class='event-card'><h3>Green Tech and Sustainability Pitch Night</h3>"
        "<button><span class='eds-is-hidden-accessible'>Save this event: Green Tech and Sustainability Pitch Night"
        "</span></button></div>"
    )
    assert [b.text for b in seg.blocks] == ["Green Tech and Sustainability Pitch Night"]


def test_a_raw_custom_field_holding_an_address_leaves_a_product_page() -> None:
    # A shop template prints its custom fields: a swatch's picture address under a key.
    seg = _seg("<h1>Staple Tee</h1><p>A regular fit tee in mid weight combed cotton.</p><dl>"
               "<dt>Fit:</dt><dd>Regular</dd>"
               "<dt>cat_thumb_Navy:</dt><dd>https://cdn.example.com/images/160x160/5001_navy_thumb.jpg</dd>"
               "<dt>Swatch:</dt><dd>//cdn.example.com/images/5001_sage.jpg</dd>"
               "<dt>Shop:</dt><dd>www.example.com/tees</dd></dl>"
               "<p>See https://example.com/care for washing advice.</p>")
    out = _drop_bare_addresses(seg.blocks, list(range(len(seg.blocks))))
    assert [seg.blocks[i].text for i in out] == [
        "Staple Tee", "A regular fit tee in mid weight combed cotton.", "Fit:", "Regular",
        "See https://example.com/care for washing advice.",
    ]


def test_script_error_messages_and_no_script_notices_are_furniture() -> None:
    for line in ("Sorry, there was a problem.", "There was an error retrieving your Wish Lists. Please try again.",
                 "Something went wrong. Please try your request again later.", "Hmm, something went wrong.",
                 "Oops! Something went wrong. Please try again later.",
                 "JavaScript is disabled. For a better experience, please enable JavaScript in your browser "
                 "before proceeding."):
        assert is_widget_line(line), line
    for line in ("There was a problem with the engine.", "Something went wrong at the plant, officials said.",
                 "Sorry, there was a problem with the delivery, so we refunded every order in full last week."):
        assert not is_widget_line(line), line


def test_placeholder_text_left_by_a_theme_is_furniture() -> None:
    seg = _seg("<h1>Ridge Wallet</h1><p>A slim front pocket wallet in aluminium.</p>"
               "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>"
               "<pre>Lorem ipsum dolor sit amet</pre>")
    assert [_is_furniture_line(b) for b in seg.blocks] == [False, False, True, False]


def test_a_content_systems_unexpanded_tags_are_furniture_but_bracketed_labels_stay() -> None:
    seg = _seg("<p>[convertkit form=1630175]</p><p>[CTA_MODULE]</p>"
               "<p>{{hire-ai-eng=\"/case-banners/hire-ai-eng\"}}</p><p>{{ board.errors[1179].message }}</p>"
               "<p>[Sources]</p><p>{{ field.label }}</p><p>[Read more: A guide to ledgers]</p>"
               "<pre>[gallery ids=\"1,2\"]</pre>")
    assert [_is_furniture_line(b) for b in seg.blocks] == [True] * 4 + [False] * 4


def test_a_collection_sets_apart_its_customer_reviews() -> None:
    # A product line's page (or a product page taken for a collection) over a review widget.
    products = "".join(f"<li><p>Beard oil no. {n}, jojoba and castor, 30 ml, in a glass bottle</p></li>"
                       for n in range(1, 5))
    reviews = "".join(f"<div class='review-widget__item'><p>Love the scent of number {n}, my beard feels soft "
                      "all day and my wife likes it.</p></div>" for n in range(1, 3))
    seg = _seg(f"<h1>Beard Oil</h1><p>Our lightweight oil stops beard itch and dandruff.</p><ul>{products}</ul>"
               f"<div class='reviews'><h2>What customers say</h2>{reviews}</div>")
    texts = _selected(seg, "collection")
    assert texts[:2] == ["Beard Oil", "Our lightweight oil stops beard itch and dandruff."]
    assert len(texts) == 6 and not any("scent" in t or "customers" in t for t in texts)


def test_two_cards_with_the_same_fields_keep_both_but_clones_and_widgets_go() -> None:
    card = (
        "<li class='card'><p>{name}</p><div class='spec'><p>For Monitors: 5-22 lbs</p>"
        "<p>Screen Size: Up to 43 in</p><p>Starting at $434</p>"
        "<p>Error rating product. Refresh and try again.</p><p>Rate this product now</p></div></li>"
    )
    names = ["M2 Pro Single Monitor Arm", "M/Flex with M2 Pro Single Monitor Arm"]
    html = "<ul class='grid'>" + "".join(card.format(name=n) for n in names) + "</ul>"
    # A carousel's clone of the first card, name and all.
    html += "<div class='clone'>" + card.format(name=names[0]) + "</div>"
    seg = _seg(html)
    # A listing: on collection pages like cards keep their shared lines too (_PLAN_TYPES).
    texts = _selected(seg, "listing")
    assert texts == [
        names[0], "For Monitors: 5-22 lbs", "Screen Size: Up to 43 in", "Starting at $434",
        "Error rating product. Refresh and try again.", "Rate this product now",
        names[1], "For Monitors: 5-22 lbs", "Screen Size: Up to 43 in", "Starting at $434",
    ]


def test_a_menu_classed_as_navigation_goes_but_a_list_of_categories_stays() -> None:
    links = "".join(f"<li><a href='/c/{n}'>{n.title()}</a></li>" for n in ["running", "trail", "track", "walking", "socks", "gloves"])
    html = (
        f"<div class='site-nav mega-menu'><ul>{links}</ul></div>"
        "<h1>Running shoes</h1><p>Shoes for every kind of run, from the track to the trail.</p>"
        f"<div class='featured'><h2>Browse featured categories</h2><ul>{links}</ul></div>"
    )
    seg = _seg(html)
    texts = _selected(seg, "collection")
    assert texts == [
        "Running shoes", "Shoes for every kind of run, from the track to the trail.", "Browse featured categories",
        "Running", "Trail", "Track", "Walking", "Socks", "Gloves",
    ]


def test_a_menu_of_bare_links_in_divs_goes_too() -> None:
    names = ["Allium", "Hibiscus", "Rudbeckia", "Salvia", "Viola", "Catmint"]
    links = "".join(f"<div><a href='/p/{n}'>{n}</a></div>" for n in names)
    html = (
        f"<div class='header-menu'>{links}</div>"
        "<h1>Perennials</h1><p>Plants that come back every spring, for sun and for shade.</p>"
    )
    seg = _seg(html)
    texts = _selected(seg, "collection")
    assert texts == ["Perennials", "Plants that come back every spring, for sun and for shade."]


def test_a_sort_panels_options_go_but_a_products_colour_choices_stay() -> None:
    html = (
        "<div class='sort-options'><button>Best Sellers</button><button>Newest First</button>"
        "<button>Price (Low - High)</button><button>Price (High - Low)</button></div>"
        "<h1>Bike lights</h1><p>Front and rear lights for riding after dark, charged over USB.</p>"
        "<div class='swatches'><label>Velvet Cocoa</label><label>Velvet Indigo</label><label>Velvet Olive</label></div>"
    )
    seg = _seg(html)
    texts = _selected(seg, "collection")
    assert texts == [
        "Bike lights", "Front and rear lights for riding after dark, charged over USB.",
        "Velvet Cocoa", "Velvet Indigo", "Velvet Olive",
    ]


def test_a_mega_menus_column_labels_and_described_links_go_with_its_links() -> None:
    def column(label: str, names: list[str]) -> str:
        links = "".join(f"<div><a href='/{n}'>{n} <span>{desc}</span></a></div>" for n, desc in names)
        return f"<div class='col'><div>{label}</div>{links}</div>"

    html = (
        "<div class='site-nav'>"
        + column("BUILD", [("Workspaces", "Share your work with a team"), ("Runner", "Run every check at once")])
        + column("OBSERVE", [("Monitors", "Watch uptime"), ("Insights", "Track every endpoint"), ("Catalog", "Know every service")])
        + column("LEARN", [("Academy", ""), ("Events", ""), ("Blog", "")])
        + "</div><h1>One platform for your whole API</h1>"
        "<div>Design, test and document your interfaces in one place, with the people you work with.</div>"
        "<div class='menu-note'>NEW</div><div class='menu-note'>Quick start</div>"
    )
    seg = _seg(html)
    texts = _selected(seg, "service")
    assert texts == [
        "One platform for your whole API",
        "Design, test and document your interfaces in one place, with the people you work with.",
        "NEW", "Quick start",
    ]


def test_a_manuals_sidebar_menu_goes_but_its_own_link_lists_stay() -> None:
    topics = ["Install", "Configure", "Networking", "Volumes", "Secrets", "Logging"]
    side = "".join(f"<li><a href='/{t}'>{t}</a></li>" for t in topics)
    methods = "".join(f"<li><a href='#{m}'>Response.{m}()</a></li>" for m in ["json", "text", "blob", "formData", "arrayBuffer"])
    html = (
        f"<div class='sidebar'><ul>{side}</ul></div>"
        "<div class='docs-content'><h1>Networking in Compose</h1><div>Each container joins the app's default network.</div>"
        f"<ul>{methods}</ul></div>"
    )
    seg = _seg(html)
    texts = _selected(seg, "documentation")
    assert texts[0] == "Networking in Compose" and texts[-1] == "Response.arrayBuffer()" and len(texts) == 7
    # A page wrapped in a box classed as a sidebar layout keeps its lists inside <main>.
    seg = _seg(f"<div class='with-sidebar'><main>{html}</main></div>")
    texts = _selected(seg, "documentation")
    assert len(texts) == 13

def test_a_listings_repeated_call_to_action_goes_but_its_repeated_fields_stay() -> None:
    card = (
        "<li class='job'><h3>{name}</h3><p class='type'><a href='/t/full-time'>Full-Time</a></p>"
        "<p><a href='/c/{slug}'>View Company Profile</a></p></li>"
    )
    names = ["Senior Rust Engineer", "Data Platform Lead", "Staff Frontend Developer"]
    html = "<ul class='jobs'>" + "".join(card.format(name=n, slug=n.split()[0].lower()) for n in names) + "</ul>"
    seg = _seg(html)
    texts = _selected(seg, "listing")
    assert texts == [names[0], "Full-Time", names[1], "Full-Time", names[2], "Full-Time"]


def test_a_heading_given_only_to_screen_readers_is_not_read() -> None:
    html = (
        "<h2 class='screen-reader-text'>Content Feed</h2>"
        "<article><h3>Two rovers map a crater's rim</h3><p>The twin rovers charted the rim in a week.</p></article>"
        "<h2 class='sr-only'>This whole line is a sentence that screen readers speak aloud</h2>"
    )
    seg = _seg(html)
    texts = _selected(seg, "listing")
    assert texts == [
        "Two rovers map a crater's rim", "The twin rovers charted the rim in a week.",
        "This whole line is a sentence that screen readers speak aloud",
    ]


def test_a_mega_menus_long_lines_of_links_go_but_a_table_of_contents_stays() -> None:
    cols = "".join(
        f"<div class='mn-col'><a href='/c/{i}a'>Electric Guitars {i}</a> <a href='/c/{i}b'>Acoustic Guitars {i}</a> "
        f"<a href='/c/{i}c'>Bass Guitars {i}</a> <a href='/c/{i}d'>Guitar Amps {i}</a></div>"
        for i in range(5)
    )
    toc = "".join(
        f"<div class='sidebar-toc'><a href='#s{i}'>How to choose the right strings for a guitar {i}</a></div>"
        for i in range(5)
    )
    html = (
        f"<div class='site-nav'>{cols}</div>{toc}"
        "<h1>Stratocaster</h1><p>An alder body, a maple neck and three single coils.</p>"
    )
    seg = _seg(html)
    texts = _selected(seg, "product")
    assert not any("Electric Guitars" in t for t in texts)
    assert sum("How to choose" in t for t in texts) == 5
    assert "An alder body, a maple neck and three single coils." in texts


def test_a_price_said_again_under_its_screen_reader_labels_is_said_once() -> None:
    def card(name: str, regular: str, sale: str) -> str:
        return (
            f"<li class='card'><h3>{name}</h3><div class='price'>"
            f"<div class='price__regular'><span class='visually-hidden'>Regular price</span> {regular}</div>"
            f"<div class='price__sale'><span class='visually-hidden'>Sale price</span> {sale} "
            f"<span class='visually-hidden'>Regular price</span> <s>{regular}</s></div></div></li>"
        )

    seg = _seg(
        "<h1>Headphones</h1><ul>" + card("HD 600", "$499.95", "$499.95") + card("HD 650", "$579.95", "$399.95")
        + card("IE 900", "$1,699.95", "$1,699.95") + "</ul>"
    )
    texts = _selected(seg, "collection")
    assert texts.count("Regular price $499.95") == 1 and not any(t.startswith("Sale price $499.95") for t in texts)
    # A card on sale shows both prices: nothing is said twice.
    assert "Regular price $579.95" in texts and "Sale price $399.95 Regular price $579.95" in texts


# A shop's promotion terms: a banner's fine print, not the product's or the range's story. A
# terms page's own paragraph, which says so deep inside, stays.
TERMS = (
    "Receive ten percent off your purchase of three to five individual products to create a custom set at all "
    "retail locations and online, excluding any taxes, shipping and delivery charges. Online purchases must be "
    "made in the listed countries only. The discount is non-transferable, not valid on previous purchases and "
    "cannot be combined with other offers."
)
PROMO_PAGE = (
    "<h1>Oak Standing Desk</h1><p>A solid oak top on a two-motor frame that lifts 150 kg.</p>"
    "<p>Sale ends 03/31/2026. While supplies last. Use coupon code SPRING at checkout.</p>"
    "<p>Hurry, this member offer is valid thru 3/15.</p>"
    "<p>Not combinable with other offers and discounts.</p>"
    "<p>Offer valid for one year from purchase and covers replacement parts only.</p>"
    "<p>This estimate is based on data from 31 completed projects in the area and is valid through 01/23/2026.</p>"
    f"<p>{TERMS}</p>"
)


def test_promotion_terms_leave_shop_pages() -> None:
    for page_type in ("product", "collection"):
        assert _selected(_seg(PROMO_PAGE), page_type) == [
            "Oak Standing Desk",
            "A solid oak top on a two-motor frame that lifts 150 kg.",
            "Offer valid for one year from purchase and covers replacement parts only.",
            "This estimate is based on data from 31 completed projects in the area and is valid through 01/23/2026.",
            TERMS,
        ]


def test_a_story_keeps_the_date_a_sale_ends() -> None:
    assert "Sale ends 03/31/2026. While supplies last. Use coupon code SPRING at checkout." in _selected(
        _seg(PROMO_PAGE), "article"
    )


# A review widget's fit summary: what buyers report about the size, not the product's story.
FIT_PAGE = (
    "<h1>Wool Runner</h1><p>A breathable merino sneaker with a cushioned sugarcane sole.</p>"
    "<p>On average 279 reviewers say this product is true to size.</p>"
    "<p>Customers say it fits true to size</p>"
    "<p>Sizes run from 8 to 14; half sizes order up.</p>"
    "<p>The brand has sold true to size basics since 1998, and this page tells the story of its wool mill.</p>"
)


def test_a_fit_summary_leaves_a_product_page() -> None:
    assert _selected(_seg(FIT_PAGE), "product") == [
        "Wool Runner",
        "A breathable merino sneaker with a cushioned sugarcane sole.",
        "Sizes run from 8 to 14; half sizes order up.",
        "The brand has sold true to size basics since 1998, and this page tells the story of its wool mill.",
    ]


def test_a_shipping_section_under_an_old_font_heading_leaves_a_product_page() -> None:
    # Old markup sets its section headings as bold lines in a large font: the section rules
    # take them for headings (the scorer still reads them as text).
    seg = _seg(
        "<div><font size=6><b>Oak desk</b></font><br>"
        "A solid oak desk with two drawers, made to order in our workshop.<br><br>"
        "<font size=5><b>Shipping &amp; Returns</b></font><br>"
        "Free delivery in 5 days. Returns accepted within 30 days of delivery.<br><br>"
        "<font size=5><b>Dimensions</b></font><br>"
        "Width 120 cm, depth 60 cm, height 75 cm.<br><br></div>"
    )
    assert [b.font_level for b in seg.blocks if b.font_level] == [1, 2, 2]
    assert all(b.kind == "text" for b in seg.blocks)
    kept = _selected(seg, "product")
    assert not any("Returns" in t for t in kept)
    assert "Dimensions" in kept and any(t.startswith("Width 120 cm") for t in kept)
    # A bold line in body text's size, or a large line with more than the bold words, is no heading.
    seg = _seg("<div><font size=2><b>Note</b></font><br>Small print.<br><br>"
               "<font size=5>Big <b>words</b></font><br>More.<br><br></div>")
    assert not any(b.font_level for b in seg.blocks)


def test_page_counters_of_listings_and_threads_are_widget_lines() -> None:
    for line in ("Viewing page 1 of 9", "16 posts • Page 1 of 1", "1–30 of 143 products", "Showing page 2 of 12"):
        assert is_widget_line(line), line
    assert not is_widget_line("2 to 3 of 10 people agreed")


def test_promotion_dates_with_until_pass_the_cheap_test() -> None:
    # The quick word test before the pattern must let every alternative through.
    from newsmill.assemble import _is_promo_terms

    assert _is_promo_terms("Prices good 3/01/2026 until 3/15 at participating stores.")


def test_a_fit_label_in_capitals_passes_the_quick_test() -> None:
    # The quick test before the patterns ignores case, as the patterns do.
    from newsmill.assemble import _is_fit_summary

    assert _is_fit_summary("Runs small") and _is_fit_summary("TRUE TO SIZE")
    assert not _is_fit_summary("Runs on two AA batteries for a year")


def test_a_shops_testimonials_leave_a_product_page_but_not_a_service_page() -> None:
    quotes = "".join(f"<p>{q}</p><h3>{who}</h3>" for q, who in [
        ("The feeder arrived quickly and the team answered every question I had.", "Maria"),
        ("Lovely shop, friendly people, and my order came beautifully packed.", "Tom"),
    ])
    html = ("<main><h1>Cedar Bird Feeder</h1><p>A cedar feeder with a copper roof and a wide tray.</p>"
            f"<h2>What our clients say...</h2>{quotes}<h2>Specs</h2><p>Height 23 cm, width 16 cm.</p></main>")
    seg = _seg(html)
    product = _selected(seg, "product")
    assert "Height 23 cm, width 16 cm." in product and "Specs" in product
    assert not any("Maria" in t or "friendly people" in t or "clients" in t for t in product)
    assert "Maria" in _selected(seg, "service")


def test_financing_pickup_and_foreign_shop_headings_leave_a_product_page() -> None:
    for heading, furniture in [
        ("Cancellations", "Cancellations: not accepted. Please contact the seller with any problem."),
        ("Financing options", "Pay over time with our store card, subject to credit approval."),
        ("Delivery and Pickup", "Choose two-hour delivery or pick it up in store today."),
        ("Livraison et retours", "Livraison offerte dès 59 € d'achat, retours sous 30 jours."),
        ("Versand und Rückgabe", "Kostenloser Versand ab 50 €, Rückgabe innerhalb von 30 Tagen."),
        ("Produits complémentaires", "Diffuseur en céramique pour huiles essentielles, 19,90 €."),
        ("Productos relacionados", "Funda de lino para el cojín, 24,95 €."),
    ]:
        html = (f"<main><h1>Cedar Bird Feeder</h1><p>A cedar feeder with a copper roof and a wide tray.</p>"
                f"<h2>{heading}</h2><p>{furniture}</p><h2>Specs</h2><p>Height 23 cm, width 16 cm.</p></main>")
        product = _selected(_seg(html), "product")
        assert "Height 23 cm, width 16 cm." in product and "A cedar feeder with a copper roof and a wide tray." in product
        assert furniture not in product and heading not in product, heading


def test_a_summary_of_buyers_reviews_leaves_a_product_page() -> None:
    html = ("<main><h1>Cedar Bird Feeder</h1><p>A cedar feeder with a copper roof and a wide tray.</p>"
            "<h3>Customers say</h3><p>Customers find the feeder sturdy and easy to fill.</p>"
            "<h4>Select to learn more</h4><p>120 customers mention sturdiness, 118 positive.</p>"
            "<h3>Specs</h3><p>Height 23 cm, width 16 cm.</p></main>")
    product = _selected(_seg(html), "product")
    assert "Height 23 cm, width 16 cm." in product and "A cedar feeder with a copper roof and a wide tray." in product
    assert not any("customers" in t.lower() for t in product)


def test_a_marketplaces_report_form_leaves_a_product_page() -> None:
    html = ("<main><h2>What’s wrong with this listing?</h2><h3>Add more details</h3>"
            "<p>The first thing you should do is contact the seller directly.</p>"
            "<h1>Stoneware Coffee Mug</h1><p>A wheel-thrown mug with a folk-art glaze, 350 ml.</p>"
            "<h2>Item details</h2><p>Height 9 cm, rim 9 cm.</p></main>")
    product = _selected(_seg(html), "product")
    assert "A wheel-thrown mug with a folk-art glaze, 350 ml." in product and "Height 9 cm, rim 9 cm." in product
    assert not any("seller directly" in t or "wrong with" in t or "more details" in t for t in product)


def test_a_products_variations_leave_a_product_page() -> None:
    # Each variation is a product of its own, with its own page: a shop's list of other products.
    cards = "".join(f"<p>Cedar Bird Feeder {c}: a cedar feeder with a {c.lower()} roof and a wide tray.</p>"
                    for c in ("Green", "Red", "Blue"))
    for label in ("<div>Show variations of this product</div>", "<h2>Variations of this style</h2>"):
        html = ("<main><h1>Cedar Bird Feeder</h1><p>A cedar feeder with a copper roof and a wide tray.</p>"
                "<p>Hand-built from untreated western red cedar, it holds two litres of mixed seed, and its roof "
                "lifts off on a brass hinge for filling and cleaning; a drainage mesh keeps the seed dry.</p>"
                f"<div class='variants'>{label}<div>{cards}</div></div><h2>Specs</h2><p>Height 23 cm, width 16 cm.</p></main>")
        product = _selected(_seg(html), "product")
        assert "Height 23 cm, width 16 cm." in product and "A cedar feeder with a copper roof and a wide tray." in product
        assert not any("roof and a wide tray" in t and "copper" not in t or "ariations" in t for t in product), label
