"""The whole pipeline, in one place: decode, parse, segment, score, assemble, describe, write."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from . import assemble, describe, pagetype
from . import model as models
from .article import Article, Image
from .decode import decode_html
from .errors import InputError
from .features import block_features, page_signals, tokens
from .hydrate import hydrate
from .limits import check_size, time_limit
from .meta.jsonld import ARTICLE_TYPES, types_of
from .quotes import find_quotes
from .render import render_markdown, render_text
from .score import page_threshold, pagetype_model, score_blocks
from .segment import Block, Segmentation, segment
from .structured import add_article_body, add_product_description

# Precision/recall switches shift the (flattened) block scores by one logit before the
# page's expected-F1 threshold is chosen.
_LEAN = 1.0
_NO_SPEECH_TYPES = frozenset(["product", "collection", "service", "documentation"])
_NEWS_TYPES = frozenset(t for t in ARTICLE_TYPES if t.endswith("newsarticle"))  # NewsArticle and its kinds
_DECLARED_NEWS_CONF = 0.9
_UNTITLED_TYPES = frozenset(["article", "service", "documentation", "forum"])
_HEADLINE_REST_MIN_WORDS = 50
_BYLINE_TYPES = frozenset(["service", "documentation", "forum", "listing"])
_BYLINE_CONF = 0.6
_THREAD_TYPES = frozenset(["discussionforumposting", "qapage", "question", "socialmediaposting"])


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    charset: str | None = None,
    favor_precision: bool = False,
    favor_recall: bool = False,
    model: str = "blocks",
    reference_time: datetime | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Article:
    """Turn one HTML page into an :class:`Article`.

    ``html`` may be bytes (decoded like a browser would, ``charset`` being an HTTP header's
    value) or text. Empty or undecodable input gives an empty Article; a value that is not
    bytes or str raises :class:`newsmill.errors.InputError`. ``reference_time`` is when the
    page was fetched (a WARC date, say): relative dates ("3 hours ago") count back from it and
    no date after it is believed. Without it, no date after now is believed and relative dates
    are not read: the page may have been saved long ago. ``max_bytes`` and ``timeout`` (seconds)
    limit one page: over either, :class:`newsmill.errors.LimitExceeded` is raised.
    """
    if not isinstance(html, (bytes, bytearray, memoryview, str)):
        raise InputError(f"expected bytes or str, got {type(html).__name__}")
    if max_bytes is not None or timeout is not None:
        check_size(html, max_bytes)
        with time_limit(timeout):
            return extract(
                html, url, charset=charset, favor_precision=favor_precision, favor_recall=favor_recall,
                model=model, reference_time=reference_time,
            )
    text, _encoding = decode_html(html, charset)  # decode
    if not text or text.isspace():  # (not text.strip(), without copying the page)
        return Article(url=url)
    ctx, seg, X = analyse(text, url, reference_time)
    probs, threshold = score_blocks(seg, X, model)  # score
    page_type, page_conf = pagetype.classify(seg, X, ctx.url, pagetype_model(model))
    if page_type not in (None, "article") and len(ctx.graph.of_types(_NEWS_TYPES)) == 1:
        # A page that declares one news story in its JSON-LD is that story (on wcxb-dev, 58 of
        # 58 such pages are; the model typed 3 of them otherwise). A section front declares many.
        page_type, page_conf = "article", _DECLARED_NEWS_CONF
    elif page_type in _BYLINE_TYPES and pagetype.signed_headline(seg.blocks, page_type in ("forum", "listing")):
        # A signed headline is a story's: services and manuals are not signed under their
        # title. On wcxb-dev, 6 real and 8 old-style pages typed so have one: all articles.
        # A thread's title is signed too ("By Joe Root August 26 in Digital Forum"), and a
        # blog's index signs its cards: a page typed forum or listing is a story only when its
        # by-line names no board or replies and the page has few by-lines (see
        # signed_headline); every wcxb-dev thread and list stays one.
        page_type, page_conf = "article", _BYLINE_CONF
    elif page_type == "forum" and pagetype.story_permalink(ctx.url) and not ctx.graph.of_types(_THREAD_TYPES):
        # A blog post with a long comment section looks like a thread to the model; its dated
        # permalink says it is a story (the comments are then left out, as with any story).
        # On wcxb-dev, 2 real pages typed forum have one: both blog posts.
        page_type, page_conf = "article", _BYLINE_CONF
    base, threshold = threshold, page_threshold(probs, X, threshold, model)
    if page_type == "product":  # reviews that would outweigh the product: set aside first
        aside = assemble.set_aside_reviews(seg, probs, threshold)
        if aside is not None:
            probs, threshold = aside, page_threshold(aside, X, base, model)
    # The switches never keep more (precision) or less (recall) than the default does.
    if favor_precision and not favor_recall:
        threshold = max(threshold, page_threshold(probs, X, threshold, model, -_LEAN))
    elif favor_recall and not favor_precision:
        threshold = min(threshold, page_threshold(probs, X, threshold, model, _LEAN))
    scorer = models.load(model)
    kept = assemble.select(seg, probs, threshold, page_type, scorer.rescue if scorer else None)  # assemble
    meta = describe.describe(ctx, seg, kept, page_type)  # describe
    blocks = assemble.strip_caption_credits([seg.blocks[i] for i in kept])
    images = meta.pop("_image_positions", [])
    if page_type in _UNTITLED_TYPES and _is_headline(blocks, meta.get("title")):
        # The headline opening the text is the title, a field of its own (WCXB's references
        # of articles, services, manuals and threads start after it; a thread's posts follow
        # its title). Listings and shops keep it: there it names what the text lists or sells.
        blocks = blocks[1:]
        images = _shift_images(images, 1, -1)
    if page_type == "product":  # a description kept in a tab or a script: from JSON-LD
        blocks, at, added = add_product_description(ctx.graph, blocks)
        images = _shift_images(images, at, added)
    # A story that scripts render shows a shell: its JSON-LD articleBody is the text. (An
    # empty shell's page type is a guess, so this does not depend on it.)
    blocks, at, added = add_article_body(ctx.article_body, blocks)
    if added:
        images = _shift_images(images, at, added)
        page_type, page_conf = "article", 0.5  # a shell's type was read from almost nothing
    art = Article(url=url, **_meta_fields(meta))
    art.page_type, art.page_type_confidence = page_type, page_conf
    block_quotes: list[tuple[int, int]] = []  # where <blockquote> paragraphs are in the text
    art.text = render_text(blocks, block_quotes)  # write
    art.markdown = render_markdown(blocks, images)
    # Quotes are a news feature: shops, services and manuals rarely report speech and would
    # pay for nothing. Threads and listings keep them: an older news page (a story in a table
    # cell, paragraphs set with <br>) often looks like one of those to the page-type model. So
    # does a dated one typed "service" (a regional daily's page without metadata): services are
    # rarely dated.
    if page_type not in _NO_SPEECH_TYPES or (page_type == "service" and art.published):
        art.quotes = find_quotes(art.text, block_quotes=block_quotes)
    return art


def _shift_images(images: list, at: int, added: int) -> list:
    """Image positions (in blocks) after ``added`` blocks were inserted at ``at``."""
    return [(p + added if p >= at else p, *rest) for p, *rest in images] if added else images


def preload(model: str = "blocks") -> None:
    """Load every model ``extract`` may need now, not on the first page that needs it.

    For services and workers: the first request then costs what any other does. The language
    identifier alone takes about half a second of CPU to load.
    """
    from . import model as models
    from .meta import language, titlemodel

    models.load(model)
    models.load(pagetype_model(model))
    titlemodel.load_model()
    language.preload()


def analyse(
    text: str, url: str | None, reference_time: datetime | None = None
) -> tuple[describe.PageContext, Segmentation, np.ndarray]:
    """Parse, read the head, segment the body and compute block features.

    Shared by ``extract`` and the model's training script, so both see the same features.
    """
    tree = LexborHTMLParser(_close_iframes(text))  # parse
    ctx = describe.collect(tree, url, reference_time=reference_time)  # head, JSON-LD
    if url is None:
        # No address given: the page's own (canonical, og:url) stands in, as the URL says much
        # about a page (a dated path, /forum/, /product/). Without it, F1 on wcxb-dev fell
        # from 0.8776 to 0.8718; with the page's own address, 0.8779.
        ctx.url = url = _own_url(ctx)
    # App shells (content as JSON for client-side rendering) are rebuilt into HTML first.
    # Only a page with a data-preloaded element can be rebuilt: the others are spared
    # hydrate's searches of the whole text.
    shown = (hydrate(text, tree) if ctx.preloaded else None) or tree
    body = shown.body
    seg = segment(body) if body is not None else Segmentation()  # clean + segment, one walk
    title_toks = set(tokens(ctx.title_hint)) if ctx.title_hint else None
    body_toks = set(tokens(ctx.article_body)) if ctx.article_body else None
    ld_types = set().union(*map(types_of, ctx.jsonld))
    hints = page_signals(text, url, ld_types, ctx.first("og:type"))
    return ctx, seg, block_features(seg, title_toks, body_toks, hints)


# ``<iframe .../>`` is not self-closing in HTML: the iframe's raw text runs to the next
# ``</iframe>`` or to the end of the page. Browsers meet it inside <noscript> (tag-manager
# snippets), which they do not parse with scripts on; the parser does, and loses the page.
_SELF_CLOSED_IFRAME = re.compile(r"(<iframe\b[^>]*?)\s*/>", re.IGNORECASE)


def _close_iframes(text: str) -> str:
    return _SELF_CLOSED_IFRAME.sub(r"\1></iframe>", text) if "<iframe" in text and "/>" in text else text


def _own_url(ctx: describe.PageContext) -> str | None:
    """The page's canonical address, else its og:url: absolute, and not the site's home page
    (a template that names the home page as every page's canonical)."""
    # Unlike the canonical_url field (meta.fields.pick_canonical), which reports what the page
    # claims, this takes the first claim usable as an address: a broken or home-page canonical
    # gives way to og:url.
    for cand in (*ctx.links.get("canonical", [])[:1], ctx.first("og:url")):
        if cand and cand.startswith(("http://", "https://")):  # stripped when collected
            parts = urlsplit(cand)
            if parts.hostname and parts.path.strip("/"):
                return cand
    return None


def _meta_fields(meta: dict) -> dict:
    out = {k: v for k, v in meta.items() if not k.startswith("_")}
    if "images" in out:
        out["images"] = [i if isinstance(i, Image) else Image(**i) for i in out["images"]]
    return out


_NON_WORD = re.compile(r"\W+")


def _is_headline(blocks: list[Block], title: str | None) -> bool:
    """The first kept block says the title, word for word, and a story of its own follows
    (at least _HEADLINE_REST_MIN_WORDS words: a page whose text is its headline keeps it)."""
    if not title or not blocks:
        return False
    if _NON_WORD.sub(" ", blocks[0].text).strip().lower() != _NON_WORD.sub(" ", title).strip().lower():
        return False
    return sum(b.text.count(" ") + 1 for b in blocks[1:]) >= _HEADLINE_REST_MIN_WORDS
