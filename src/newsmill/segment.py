"""Walk the DOM once and cut it into typed text blocks.

Every block-level element becomes an ``Elem`` record (tag, class/id flags, parent) whose
text statistics are summed bottom-up on the way out, so that scoring can read container
features for every block without querying the tree again.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

# Elements that start a new block of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody thead tfoot tr td th caption ul "
    "button label option noscript".split()
)
# What documentation generators put after a heading as its permalink (href="#...").
_PERMALINK_MARKS = frozenset(["¶", "#", "§", "🔗", "⚓", "🔗\ufe0e", "🔗\ufe0f"])
# A shop card's controls set as links ("$24.00 Add to cart" in one line): WooCommerce's
# "Select options", Shopify's "Quick view".
_CART_LINKS = frozenset(
    ["add to cart", "add to bag", "add to basket", "select options", "choose options", "quick view",
     "quick shop", "quick add", "buy now", "in den warenkorb", "ajouter au panier", "añadir al carrito"]
)
# Inline elements whose text joins its neighbours' in a word (H<sub>2</sub>O, 10<sup>th</sup>).
_JOINED = frozenset(["sub", "sup", "ruby", "rt", "rp", "wbr"])
# Never text: code, media, controls.
SKIP_TAGS = frozenset(
    "script style template svg canvas iframe head select input textarea object "
    "embed map audio video math link meta title base frame frameset".split()
)
# Elements that mean something without children.
_LEAF_TAGS = frozenset(["img", "amp-img", "br", "hr"])
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Block kinds, by the nearest block-level tag.
KIND_OF_TAG = {
    "p": "p",
    "li": "li",
    "dt": "dt",
    "dd": "dd",
    "pre": "code",
    "figcaption": "caption",
    "caption": "caption",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
    "button": "control",
    "label": "control",
    "option": "control",
    "summary": "summary",
    "legend": "control",
}
KINDS = [
    "text", "p", "heading", "li", "dt", "dd", "code", "caption", "quote", "cell", "row",
    "control", "summary",
]
KIND_ID = {k: i for i, k in enumerate(KINDS)}

# Class/id vocabulary: each group is one bit. Boilerplate first, content last.
FLAG_GROUPS: list[tuple[str, str]] = [
    ("nav", r"nav|menu|breadcrumb|crumbs|toolbar|topbar|skip"),
    ("footer", r"footer|copyright|colophon|legal"),
    ("header", r"header|masthead|banner|branding|logo"),
    ("side", r"sidebar|side-bar|aside|rail|widget|sidebox"),
    ("comment", r"comment|disqus|respond|reply|discussion"),
    ("share", r"share|sharing|social|facebook|twitter|whatsapp|linkedin|pinterest|follow"),
    ("related", r"related|recommend|more-stories|trending|popular|read-more|readmore|outbrain|taboola|next-post|prev-post|also"),
    ("ad", r"(?<![a-z])ads?(?![a-z])|advert|sponsor|promo|dfp|gpt-ad|adslot|adunit|commercial"),
    ("cookie", r"cookie|consent|gdpr|privacy-banner"),
    ("newsletter", r"newsletter|subscribe|subscription|signup|sign-up|register|paywall|login"),
    ("popup", r"popup|modal|overlay|dialog|lightbox|drawer"),
    ("meta", r"byline|author|dateline|timestamp|date|time|meta|tags|category|categories|label"),
    ("pager", r"pagination|pager|paging|page-numbers|load-more"),
    ("filter", r"filter|facet|sort|refine|search"),
    ("hidden", r"hidden|sr-only|visually-hidden|screen-reader|offscreen|collapse"),
    ("card", r"card|tile|teaser|item|product|result|listing|grid"),
    ("caption", r"caption|credit|figure|photo|image|media|gallery"),
    ("post", r"post|message|reply-body|answer|question|thread|topic"),
    ("content", r"article|content|entry|story|body|text|main|prose|markdown|rich|detail|description|blog|docs?(?![a-z])"),
]
# The same vocabulary in the class names of German, French, Spanish, Italian, Portuguese and
# Dutch sites ("artikel", "contenido", "autor", "werbung", "teilen"): the model learned what a
# "content" or "share" box is from English names; these let it see the same boxes elsewhere.
# Words English already covers ("commentaire", "texto", "navegacion") need no entry.
_FOREIGN_FLAG_WORDS = {
    "footer": "impressum|fusszeile|pied-de-page|rodape",
    "side": "seitenleiste|lateral",
    "comment": "kommentar|comentario|reactie",
    "share": "teilen|partage|compartir|condivid",
    "related": "verwandt|lesetipp|weiterlesen|lire-aussi|relacionad|correlat|gerelateerd",
    "ad": "werbung|anzeige|publicidad|publicit|pubblicit|reclame",
    "meta": "autor|auteur|datum|fecha",
    "filter": "suche|recherche|buscador|busqueda",
    "caption": "bildunterschrift|legende|leyenda|didascalia|foto",
    "content": "artikel|articul|articol|inhalt|contenu|contenid|contenut|conteudo|inhoud|beitrag|noticia|notizia|cuerpo",
}
FLAG_GROUPS = [(n, f"{p}|{_FOREIGN_FLAG_WORDS[n]}" if n in _FOREIGN_FLAG_WORDS else p) for n, p in FLAG_GROUPS]
FLAG_NAMES = [g[0] for g in FLAG_GROUPS]
FLAG_BIT = {n: 1 << i for i, n in enumerate(FLAG_NAMES)}

# Semantic tags and roles, one bit each, inherited down the tree.
SEM_NAMES = [
    "nav", "header", "footer", "aside", "form", "article", "main", "figure", "li", "table",
    "blockquote", "a", "itemprop_body", "role_main", "role_boilerplate", "dialog", "button",
    "noscript",
]
SEM_BIT = {n: 1 << i for i, n in enumerate(SEM_NAMES)}
_ROLE_MAIN = SEM_BIT["role_main"]
_ROLE_BOILER = SEM_BIT["role_boilerplate"]
_ITEMPROP_BODY = SEM_BIT["itemprop_body"]
_SEM_OF_TAG = {
    "nav": SEM_BIT["nav"],
    "header": SEM_BIT["header"],
    "footer": SEM_BIT["footer"],
    "aside": SEM_BIT["aside"],
    "form": SEM_BIT["form"],
    "article": SEM_BIT["article"],
    "main": SEM_BIT["main"],
    "figure": SEM_BIT["figure"],
    "li": SEM_BIT["li"],
    "table": SEM_BIT["table"],
    "blockquote": SEM_BIT["blockquote"],
    "dialog": SEM_BIT["dialog"],
    "button": SEM_BIT["button"],
    # What crawlers and readers without JavaScript see; some apps put the whole page there.
    "noscript": SEM_BIT["noscript"],
}
_BOILER_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"]
)
_WS = re.compile(r"\s+")
_LINE_NUMBERS = re.compile(r"[\d\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(slots=True)
class Elem:
    """A block-level element: its place in the tree and the text it holds."""

    tag: str
    parent: int  # index into Segmentation.elems, -1 for the root
    depth: int
    flags: int  # own class/id flag bits
    sem: int  # own semantic bits
    iflags: int  # flags inherited from all ancestors, self included
    isem: int
    sig: str  # tag + class, to count repeated siblings
    chars: int = 0
    link_chars: int = 0
    nblocks: int = 0
    nelems: int = 0  # direct child elems
    para_score: float = 0.0  # readability-style: good paragraphs below, decayed
    first_block: int = -1
    last_block: int = -1
    same_sig_siblings: int = 0


@dataclass(slots=True)
class Block:
    """A run of text under one block-level element."""

    kind: str
    text: str
    md: str  # the same text with inline markdown (links)
    elem: int
    tag: str
    level: int = 0  # heading level, or list depth
    chars: int = 0
    link_chars: int = 0
    ordered: bool = False
    cells: list[str] | None = None
    header_row: bool = False
    in_quote: bool = False
    in_pre: bool = False
    in_list_term: str = ""  # "dt" or "dd" inside a description list's term or definition
    item: int = 0  # a paragraph opening a list item (<li><p>…): the list's depth, for rendering
    # A line set as a heading in old markup (<font size=5><b>…</b></font><br>): the heading
    # level it stands for. The scorer reads it as text, as it was trained; section rules
    # (assemble's shop and teaser sections) take it for a heading.
    font_level: int = 0


def heading_level(b: Block) -> int:
    """A heading's level (1-6; an old page's <font size=5><b> line counts), else 0."""
    return b.level if b.kind == "heading" else b.font_level


@dataclass(slots=True)
class ImageRef:
    src: str
    alt: str
    elem: int  # nearest block-level element
    figure: int  # nearest <figure> element, or -1
    block_index: int  # number of blocks emitted before it
    width: int = 0
    height: int = 0


@dataclass(slots=True)
class Segmentation:
    blocks: list[Block] = field(default_factory=list)
    elems: list[Elem] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)  # the <article> elements, in document order
    pull_quotes: list[int] = field(default_factory=list)  # elements classed as pull quotes
    total_chars: int = 0
    total_link_chars: int = 0
    _sig_text: str | None = field(default=None, init=False, repr=False, compare=False)

    def sig_text(self) -> str | None:
        """Every element's signature (tag and class), lower-cased, one a line; None when one
        is not ASCII (a case-insensitive pattern also matches letters, as the dotless "ı",
        that lower() does not make ASCII). Made once, for the assembly rules that ask."""
        if self._sig_text is None:
            text = "\n".join([e.sig for e in self.elems])
            self._sig_text = text.lower() if text.isascii() else ""
        return self._sig_text or None

    def story_flags(self, kept: set[int] | list[int], anchor: int) -> int:
        """The inherited class flags of the first kept block after ``anchor`` (the headline):
        the story's own container's marks ("node--promoted" on Drupal's article element), which
        say nothing about the byline and dateline inside it."""
        first = min((i for i in kept if i > anchor), default=-1)
        return self.elems[self.blocks[first].elem].iflags if first >= 0 else 0


_GROUP_RES = [(1 << i, re.compile(p)) for i, (_n, p) in enumerate(FLAG_GROUPS)]
_LITERAL = re.compile(r"[a-z0-9-]+")
_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")


def trie_pattern(words: list[str]) -> str:
    """One regex for many words, shaped as their prefix tree, so that at each place the engine
    follows one branch per letter instead of trying every word; it takes the longest word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


def _group_matcher() -> tuple[re.Pattern[str], dict[str, list[tuple[int, re.Pattern[str] | None]]]]:
    """A search for the flag groups' words anywhere in a token, and what each word means.

    Same bits as searching the 19 group regexes, several times faster: a class token's first
    sight had cost 12 us, about 2 ms a page over a corpus run. A literal alternative
    ("breadcrumb") sets its group's bit where found; one with lookarounds or an optional letter
    (``(?<![a-z])ads?(?![a-z])``) is found by its required letters ("ad"), then confirmed by
    its group's regex. Where several words start at one place the search reports the longest;
    the others are its prefixes ("reply" of "reply-body"), so it stands for them too. (The
    pattern finds one word; ``_match_bits`` searches again from the place after each.)"""
    cores: list[tuple[str, int, re.Pattern[str] | None]] = []
    for bit, rx in _GROUP_RES:
        for alt in rx.pattern.split("|"):
            literal = _LITERAL.fullmatch(alt) is not None
            core = alt if literal else re.sub(r".\?", "", _LOOKAROUND.sub("", alt))
            if not _LITERAL.fullmatch(core):
                raise ValueError(f"flag pattern {alt!r}: no literal core")
            cores.append((core, bit, None if literal else rx))
    meaning = {w: [(bit, rx) for c, bit, rx in cores if w.startswith(c)] for w, _b, _r in cores}
    return re.compile(trie_pattern(list(meaning))), meaning


_GROUP_WORDS, _WORD_MEANING = _group_matcher()
# Class tokens and whole class strings repeat within a page and across sites: match each once.
_TOKEN_BITS: dict[str, int] = {}
_CLASS_BITS: dict[str, int] = {}
# Bounded: CSS-in-JS class names are mostly unique, and a corpus run must not grow with them.
_CACHE_MAX = 20_000
# Single tokens recur across sites (framework classes) more than whole class strings do.
_TOKEN_CACHE_MAX = 100_000


def _match_bits(low: str) -> int:
    """The flag bits of a lower-cased class token or id."""
    bits = 0
    # Words overlap ("reply-body" holds "body"): after each, the next search starts one place
    # on. A search skips the places where no word starts in C, faster than findall's
    # lookahead tried at every place (most first sights of a token find no word, or one).
    m = _GROUP_WORDS.search(low)
    while m is not None:
        for bit, confirm in _WORD_MEANING[m.group()]:
            if not bits & bit and (confirm is None or confirm.search(low)):
                bits |= bit
        m = _GROUP_WORDS.search(low, m.start() + 1)
    return bits


def _token_bits(tok: str) -> int:
    bits = _TOKEN_BITS.get(tok)
    if bits is None:
        bits = _match_bits(tok.lower())
        if len(_TOKEN_BITS) > _TOKEN_CACHE_MAX:
            _TOKEN_BITS.clear()
        _TOKEN_BITS[tok] = bits
    return bits


def _class_bits(cls: str) -> int:
    bits = _CLASS_BITS.get(cls)
    if bits is None:
        bits = 0
        for tok in cls.split():
            bits |= _token_bits(tok)
        if len(_CLASS_BITS) > _CACHE_MAX:
            _CLASS_BITS.clear()
        _CLASS_BITS[cls] = bits
    return bits


# Hidden panels a reader opens with one click (tabs, accordions, FAQ answers) hold content:
# code samples in other languages, product specifications, answers. Read them; other hidden
# elements (menus, pop-ups, templates) stay skipped. On wcxb-dev, cross-validated F1
# 0.8609 -> 0.8632 (documentation +0.007, service +0.006, product +0.008). The panel's id
# says so too when its class is a hashed one and no ARIA role is left (old markup):
# old-style renderings 0.86918 -> 0.86967 (7 pages better, among them an accordion of FAQs
# under tabs; 1 worse by 0.014), real pages 0.89408 -> 0.89408 (2 worse by 0.004 at most).
# BEM names count too ("tab__content", "tabs__panel", "toggle__content"): a service's tabs of
# offerings, a product's specifications behind a toggle. So does a hidden element a keyboard
# can focus (tabindex="0"), as ARIA's tab pattern sets each panel, when the role is gone (a
# design system's hashed classes in an old-style rendering: a quickstart's code in seven
# languages, 0.25 -> 0.95): old-style 0.87914 -> 0.87961, real pages +0.000002 (2 product
# pages moved, by 0.004 and -0.002).
# A "read more" expander's hidden part ("a-expander-content", "expander__content"): a book's
# excerpt, a product's long description. Real 0.89932 -> 0.89956 (product +0.0029; 2 better,
# +0.23 and +0.14, 1 worse -0.02), old-style 0.88079 -> 0.88094.
_PANEL_CLASS = re.compile(
    r"accordion|collaps|tabs?[-_]{0,2}(?:pane|content)|tabpanel|toggle[-_]{0,2}content|expander[-_]{0,2}content|faq|answer", re.IGNORECASE
)


def _panel(attrs: dict) -> bool:
    """A tab panel or disclosure panel (ARIA role, label, focusable, or a panel class)."""
    return (
        attrs.get("role") == "tabpanel"
        or bool(attrs.get("aria-labelledby"))
        or attrs.get("tabindex") == "0"
        or _PANEL_CLASS.search(attrs.get("class") or "") is not None
        or _PANEL_CLASS.search(attrs.get("id") or "") is not None
    )


# A collapsed answer whose class names no panel ("sc-64912480-0 kAHMfN", a hashed class with
# height 0 and visibility:hidden) is told by the question it follows: the nearest sibling with
# text before it is one short question. The answer is prose, not a question (a list of more
# questions), nor a line too short to be one, nor a widget's text that opens with a control or
# holds no sentence (a close button's "×" over a helper's card, a poll's options and votes).
# Cross-validated on wcxb-dev: real pages 0.89847 -> 0.89881 (4 better: a service's and a
# product's FAQ +0.23 each, 2 articles; none worse), old-style 0.88036 -> 0.88063 (5 better).
# A heading (h2-h4) stands for the question when the hidden attribute hides the prose after it:
# a collapsible section's body (a shoe guide's "Cushioning" sections). Not when a style hides
# it: forums' board descriptions under their titles. Real 0.89928 -> 0.89932 (3 better: 1821
# +0.057, 4480, 4052; none worse), old-style unchanged.
_SENTENCE = re.compile(r"\w[.!](?:\s|$)")
_QUESTION_MAX_CHARS = 200
_ANSWER_MIN_CHARS = 40
_QUESTION_HOPS = 4
_SECTION_HEADINGS = frozenset(("h2", "h3", "h4"))


def _answer(node: LexborNode, by_attribute: bool) -> bool:
    """``node`` (hidden; ``by_attribute``: by the hidden attribute) is the answer to the
    question just before it, an accordion's, or the body of the collapsible section whose
    heading it follows."""
    prev = node.prev
    for _ in range(_QUESTION_HOPS):
        if prev is None:
            return False
        q = prev.text(deep=True).strip()
        if q:
            section = by_attribute and prev.tag in _SECTION_HEADINGS
            if not section and (len(q) > _QUESTION_MAX_CHARS or not q.endswith("?") or q.count("?") > 1):
                return False
            a = node.text(deep=True).strip()
            return len(a) >= _ANSWER_MIN_CHARS and a[0].isalnum() and _SENTENCE.search(a) is not None and not a.endswith("?")
        prev = prev.prev
    return False


def _key_value(trs: list[LexborNode]) -> bool:
    """Rows of a label (<th>) and a value (<td>): a product's details, whatever the table's role
    says (Amazon marks its "Product information" tables role="presentation")."""
    if len(trs) < 2:
        return False
    pairs = 0
    for tr in trs:
        tags = [c.tag for c in tr.iter() if c.tag in ("td", "th")]
        pairs += tags == ["th", "td"]
    return pairs * 5 >= len(trs) * 4


# A pull quote's box ("pullquote", "pull-quote"): recorded as the walk meets it, so that
# assembly need not look through every element of every page for one.
_PULL_QUOTE = re.compile(r"pull[-_]?quote", re.IGNORECASE)


# Characters that show nothing: a block of only these (Webflow's "&zwj;" paragraphs) is empty.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad "


# A citation mark: "[1]", "2", "[a]", "[note 3]", linking to a note further down the page.
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]{1,2}|(?:note|nb) \d{1,3})\]|\d{1,3}")
# A footnote mark of symbols ("*", "†"): marks a note whether or not it links to it.
_NOTE_SYMBOLS = re.compile(r"[*†‡§¶]{1,3}")


_LAYOUT_CELL_CHARS = 400

# An inline element that CSS hides from the eye and leaves to screen readers: a card's "Add …
# to your Loves", a button's "This product has multiple variants", a filter panel's "Interaction
# with these filters will update the listed styles". Not "not-sr-only" (shown again), nor
# Amazon's "a-offscreen". Design systems' "is-hidden-accessible" (an event card's icon
# button: "Save this event: <its title>"): real +0.00012, old-style +0.00010, one listing
# better (0.71 -> 0.88), none worse.
_SCREEN_READER_ONLY = re.compile(
    r"(?:^|\s)(?!not-)[\w-]*(?:sr[-_]?only|visually[-_]?hidden|screen[-_]?reader|element-invisible|hidden[-_]?accessible)",
    re.IGNORECASE,
)
# Cross-validated on wcxb-dev: 0.89052 -> 0.89068 (collection +0.0015; 16 pages better, 17
# worse), old-style 0.85982 -> 0.85988. From three words, forums' "Thread starter" labels and
# a shop theme's "Variant sold out or unavailable" went too, moving authors and thresholds.
_SPOKEN_MIN_WORDS = 6
_DIGITS = re.compile(r"\d")
# A card's second link to its story, hidden from screen readers and the tab order so that they
# meet the target once (aria-hidden="true" tabindex="-1"), yet drawn on the screen: when it
# holds a sentence, that is the card's teaser, not an icon or a "Read more".
_SEEN_LINK_MIN_WORDS = 8


def _seen_link(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    return attrs.get("tabindex") == "-1" and len(node.text(deep=True).split()) >= _SEEN_LINK_MIN_WORDS


# The text box of a tooltip, named by its class ("tool-tip__content", "tooltip-text",
# "a-tooltip__content"; not the toggle or the wrapper around both), as role="tooltip" above:
# a spec's explanation shown on hover. Real pages 0.89250 -> 0.89278 (6 better, 3 worse by
# 0.005 at most), old-style renderings 0.86370 -> 0.86404 (10 better, 1 worse by 0.001).
_TOOLTIP_CONTENT = re.compile(r"[Tt]ool-?tip[-_]{0,2}(?:content|text|inner|body|bubble)")


# Google's icon fonts draw a glyph from a ligature, the icon's name written as the element's
# text ("local_offer", "chevron_right", "check"): the words are never read on the screen.
_ICON_FONT = re.compile(r"(?:^|\s)material-(?:icons|symbols)(?:$|[\s-])", re.IGNORECASE)


# A badge set after a poster's name on their posts in a thread, naming them as the one who
# opened it ("Discussion starter", "Thread starter", "Original Poster"): an inline label that
# says who, not what; WCXB's thread references keep the name without it.
_STARTER_BADGE = re.compile(r"(?:discussion|thread|topic)[-_]?starter(?![-_]?post)|original[-_]?poster", re.IGNORECASE)
_BADGE_MAX_WORDS = 3


def _starter_badge(node: LexborNode, cls: str) -> bool:
    # (the walker asks only of classes holding "tarter" or "oster")
    return (
        _STARTER_BADGE.search(cls) is not None
        and len(node.text(deep=True).split()) <= _BADGE_MAX_WORDS
    )


# A post's number in a thread ("#1", "#2" ...), a link to the post itself (a fragment or a
# post/comment permalink): furniture of the post's header, never in WCXB's thread references.
# A ranking's "#1" is no link, an issue's "#4307" links to no post.
_POST_NUMBER = re.compile(r"\s*#\d{1,6}\s*")
_POST_LINK = re.compile(r"#|post|comment", re.IGNORECASE)


def _post_number(node: LexborNode, href: str | None) -> bool:
    # The link's address first: asked of every link, and most point to no post.
    if not href or not ("#" in href or "ost" in href or "omment" in href or "OST" in href or "OMMENT" in href):
        return False
    first = node.first_child
    if first is None or first.next is not None:
        return False
    if first.tag != "-text":  # the number in one inline element ("<a><span>#2</span></a>")
        first = first.first_child
        if first is None or first.next is not None or first.tag != "-text":
            return False
    t = first.text_content
    return t is not None and "#" in t and _POST_NUMBER.fullmatch(t) is not None and _POST_LINK.search(href) is not None


# A <time> written twice, long and short, for the stylesheet to show one by the screen's width
# ("April 2, 2024" / "1 yr"): the short form is a second copy; the long one is read.
_SHORT_FORM = re.compile(r"[-_]short(?:$|\s)", re.IGNORECASE)
_LONG_FORM = re.compile(r"[-_]long(?:$|\s)", re.IGNORECASE)


def _short_form(node: LexborNode, cls: str) -> bool:
    if _SHORT_FORM.search(cls) is None:  # (the walker asks only of classes holding "short")
        return False
    for forward in (False, True):
        sib = node.next if forward else node.prev
        while sib is not None and sib.tag == "-text":
            sib = sib.next if forward else sib.prev
        if sib is not None and _LONG_FORM.search(sib.attributes.get("class") or ""):
            return True
    return False


# A timestamp in ISO 8601 form set as a <time> element's whole text ("2018-06-08T11:32:33.397Z+00:00"):
# a copy of a post's date for machines (microdata in a hidden <time>), not the one read on the
# screen. Only in <time>: a span's stamp may be the byline's only date (a news site's author box).
_ISO_STAMP = re.compile(r"\s*\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?:[+-]\d\d:\d\d)?\s*")


def _iso_stamp(t: str, w: _Walker) -> bool:
    return not (w.pre or w.code) and _ISO_STAMP.fullmatch(t) is not None


def screen_reader_only(cls: str) -> bool:
    # The substrings first: the pattern costs microseconds on a long class list, and it is
    # asked of every inline element with a class.
    low = cls.lower()
    return ("sr" in low or "hidden" in low or "reader" in low or "invisible" in low) and (
        _SCREEN_READER_ONLY.search(cls) is not None
    )


def _spoken_sentence(node: LexborNode) -> bool:
    """Screen-reader text that says something instead of an icon or control. A label of a few
    words names a value that is seen ("Thread starter", "Old price": forums' posters are read
    from them), and text with figures is often the only copy of a value drawn in aria-hidden
    spans ("Original price was: $30.00"): both stay."""
    t = node.text(deep=True)
    return len(t.split()) >= _SPOKEN_MIN_WORDS and _DIGITS.search(t) is None


# The roots of the common consent managers' dialogs (OneTrust, Cookiebot, Didomi, Quantcast,
# Usercentrics, TrustArc, Complianz, Borlabs, iubenda, CookieYes, Cookie Notice, GDPR Cookie
# Compliance, consentmanager.net, EU Cookie Compliance, Civic Cookie Control, Cookie Script,
# Ethyca Fides):
# their purposes and vendor lists read like prose to the scorer, and pull down the threshold
# of a page with little content of its own. Skipping them, cross-validated on wcxb-dev:
# forum 0.8057 -> 0.8145, listing 0.7434 -> 0.7489, overall 0.8825 -> 0.8835 (14 pages
# better, 8 worse).
_CONSENT_ROOTS = frozenset([
    "onetrust-consent-sdk", "onetrust-banner-sdk", "onetrust-pc-sdk", "CybotCookiebotDialog",
    "didomi-host", "qc-cmp2-container", "usercentrics-root", "truste-consent-track",
    "consent_blackbar", "cmplz-cookiebanner-container", "BorlabsCookieBox", "iubenda-cs-banner",
    "cookie-law-info-bar", "cookie-law-info-again", "cookie-notice", "moove_gdpr_cookie_modal",
    "moove_gdpr_cookie_info_bar", "cmpbox", "cmpwrapper", "sliding-popup", "ccc",
    "cookiescript_injected", "fides-overlay",
])


def _skip_blank(node: LexborNode | None, forward: bool) -> LexborNode | None:
    """``node`` or, past white-space text, its nearest sibling in that direction."""
    while node is not None and node.tag == "-text" and (node.text_content or "").isspace():
        node = node.next if forward else node.prev
    return node


def _br_follows(br: LexborNode) -> bool:
    """Another <br> follows, with nothing but white space between."""
    nxt = _skip_blank(br.next, True)
    return nxt is not None and nxt.tag == "br"


# Blocks whose lines may be separate units: layout containers, not paragraphs or items.
_LINE_CONTAINERS = frozenset(["td", "div", "body", "center", "section", "article", "main"])
# Inline elements that set a line in a style of its own.
_LINE_STYLES = frozenset(["font", "b", "strong", "big", "small", "i", "em", "span"])


def _styled_line(br: LexborNode) -> bool:
    """The line this <br> ends is one styled element (``<font size=5><b>Headline</b></font><br>``)."""
    prev = _skip_blank(br.prev, False)
    if prev is None or prev.tag not in _LINE_STYLES:
        return False
    before = _skip_blank(prev.prev, False)
    return before is None or before.tag == "br" or before.tag in BLOCK_TAGS


def _font_heading_level(br: LexborNode, text: list[str]) -> int:
    """The heading level of the line this <br> ends when it is a bold line in a large font
    (``<font size=5><b>Section</b></font><br>``: an older page's h2) and all of the text
    collected (``text``), else 0. Size 3 is body text's, so sizes 3 to 6 (or +0 to +3) give
    levels 4 to 1."""
    prev = _skip_blank(br.prev, False)
    if prev is None or prev.tag != "font":
        return 0
    size = (prev.attributes.get("size") or "").strip()
    if not size:
        return 0
    try:
        n = int(size) + 3 if size[0] == "+" else int(size)
    except ValueError:
        return 0
    if n < 3:
        return 0
    inner = _skip_blank(prev.child, True)
    if inner is None or inner.tag not in ("b", "strong") or _skip_blank(inner.next, True) is not None:
        return 0
    if " ".join("".join(text).split()) != " ".join(prev.text(deep=True).split()):
        return 0  # the line holds more than the font's words
    return max(1, 7 - min(n, 6))


def _is_citation_mark(sup: LexborNode) -> bool:
    t = sup.text(deep=True).strip()
    if _NOTE_SYMBOLS.fullmatch(t):
        return True
    return len(t) <= 12 and _CITATION.fullmatch(t) is not None and sup.css_first('a[href^="#"]') is not None


def _meets_word(text: list[str], t: str) -> bool:
    """``t`` starts a word right after collected text that ends one, with no space between.
    Not after a drop cap: ``<span>T</span>here`` is one word. (Leading whitespace is never
    collected, so a block that is only a drop cap so far is one piece.)"""
    if not text or not t[0].isalnum():
        return False
    last = text[-1]
    if last[-1:] == ":":
        # "<span>Item number:</span><span>3353</span>": a label and its value, spaced by CSS.
        return last[-2:-1].isalpha()
    return last[-1:].isalnum() and not (len(text) == 1 and _is_drop_cap(text[0]))


# The text of an element that says it is an image (role="img") is its picture: a forum avatar
# drawn as the poster's initial, which read as a drop cap glued the letter to the name beside
# it ("Rridwan123"). Longer text in one (a shop's "Rated 4.76 out of 5") still reads. Cross-
# validated on wcxb-dev: real 0.89140 -> 0.89145 (forum 0.8329 -> 0.8334, XenForo threads; 12
# pages better, 2 worse by 0.003 at most), old-style renderings (no roles) unchanged.
_IMG_LETTERS = 2


def _is_drop_cap(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def _int(v: str | None) -> int:
    if not v:
        return 0
    try:
        return int(float(v.strip().rstrip("px")))
    except ValueError:
        return 0


def image_source(attrs: dict[str, str | None]) -> str:
    """Best source of an <img>, lazy-loading attributes first."""
    for key in ("data-src", "data-lazy-src", "data-original", "data-url", "src"):
        v = attrs.get(key)
        if v and not v.startswith("data:"):
            return v.strip()
    for key in ("data-srcset", "srcset"):
        v = attrs.get(key)
        if v:
            # Widest candidate: "a.jpg 320w, b.jpg 1024w".
            best, best_w = "", -1.0
            for part in v.split(","):
                bits = part.strip().split()
                if not bits or bits[0].startswith("data:"):
                    continue
                w = 0.0
                if len(bits) > 1:
                    try:
                        w = float(bits[1].rstrip("wx"))
                    except ValueError:
                        w = 0.0
                if w > best_w:
                    best, best_w = bits[0], w
            if best:
                return best
    return ""


# Block elements that set a context for what is inside them (see ``_Walker.walk_scoped``).
_SCOPED = frozenset(["figure", "ul", "ol", "menu", "dir", "blockquote", "pre", "dt", "dd"])


class _Walker:
    def __init__(self, reveal_all: bool = False, reveal: frozenset[int] = frozenset()) -> None:
        # Elements hidden by style or the hidden attribute are skipped, except all of them
        # (``reveal_all``, noting the blocks in ``revealed``) or those whose mem_id is in
        # ``reveal`` (see ``segment``).
        self.reveal_all = reveal_all
        self.reveal = reveal
        self.hidden_skipped = 0
        self.hidden_in_main = 0  # of those, inside <main> or role=main
        self.main_ids: list[int] = []  # elements whose id names the main content ("MainContent")
        self.revealed: list[tuple[int, int]] = []  # (mem_id, elem index) of hidden blocks read
        self.seg = Segmentation()
        self.text: list[str] = []
        self.md: list[str] = []
        # Markdown-only pieces (link brackets, code ticks) are in ``md`` since the last
        # flush: without them it is the text itself, and need not be normalised again.
        self.md_extra = False
        self.link_chars = 0
        self.list_depth = 0
        self.ordered: list[bool] = []
        self.quote = 0
        self.term: list[str] = []  # open <dt>/<dd>, innermost last
        self.pre = 0
        self.code = 0  # inside inline <code>: its markdown span stays whole
        self.figure = -1
        self.root: LexborNode | None = None
        self._segments: dict[str, LexborNode] | None = None
        self.spliced: set[int] = set()
        # An inline element has just opened: text starting a word there gets a space when the
        # text before it ends one ("in<em>Starship</em>" reads "in Starship", as pages show it).
        self.glue = False
        self.drop_cap: tuple[str, str, int, int] | None = None
        self.bulleted: set[int] = set()  # <li> elements whose first paragraph was emitted
        self.line_level = 0  # the line being flushed is a <font size=N><b> heading of this level

    def _streamed(self, template: LexborNode) -> LexborNode | None:
        """The streamed segment that React's Suspense swaps in for this placeholder.

        Server streaming sends ``<template id="B:0">`` (or ``P:0``) where content will go, with a
        fallback ("Loading..."), and the content later in ``<div hidden id="S:0">``, moved into
        place by a script. A reader sees the content in place, so we read it there.
        """
        tid = template.attributes.get("id") or ""
        if len(tid) < 3 or tid[1] != ":" or tid[0] not in "BP" or self.root is None:
            return None
        if self._segments is None:
            self._segments = {
                n.attributes.get("id") or "": n for n in self.root.css('div[hidden][id^="S:"]')
            }
        node = self._segments.get("S:" + tid[2:])
        if node is None or node.mem_id in self.spliced:
            return None
        self.spliced.add(node.mem_id)
        return node

    # Close the text collected so far as one block of element ``ei``.
    def flush(self, ei: int) -> None:
        if not self.text:
            return
        raw = "".join(self.text)
        extra, self.md_extra = self.md_extra, False
        # Without link brackets or code ticks (most blocks) the markdown is the text itself.
        md = "".join(self.md) if extra or self.pre else raw
        self.text.clear()
        self.md.clear()
        links = self.link_chars
        self.link_chars = 0
        if self.pre:
            text = raw.strip("\n")
            if not text.strip() or "\n" in text and _LINE_NUMBERS.fullmatch(text):
                return  # nothing, or a code listing's gutter of line numbers (its own <pre>)
        else:
            text = " ".join(raw.split())
            if not text or len(text) < 8 and not text.strip(_INVISIBLE):
                return
            md = " ".join(md.split()) if extra else text
        if self.drop_cap is not None:
            cap, self.drop_cap = self.drop_cap, None
            if text[0].islower() and self._near(cap[2], ei):  # a first letter set apart
                text, md = cap[0] + text, cap[0] + md
            else:
                self._emit(*cap)
        elif not self.pre and _is_drop_cap(text):
            self.drop_cap = (text, md, ei, links)  # joined to the next block if it goes on
            return
        self._emit(text, md, ei, links)

    def _near(self, cap_elem: int, ei: int) -> bool:
        """``ei`` lies under the drop cap's parent or grandparent: the same paragraph run."""
        elems = self.seg.elems
        up = {elems[cap_elem].parent}
        if elems[cap_elem].parent >= 0:
            up.add(elems[elems[cap_elem].parent].parent)
        e = ei
        while e >= 0:
            if e in up or e == cap_elem:
                return True
            e = elems[e].parent
        return False

    def _emit(self, text: str, md: str, ei: int, links: int) -> None:
        e = self.seg.elems[ei]
        tag = e.tag
        kind = "text"
        level = 0
        if tag in HEADINGS:
            kind, level = "heading", HEADINGS[tag]
        elif tag in KIND_OF_TAG:
            kind = KIND_OF_TAG[tag]
        if self.pre and kind != "code":
            kind = "code"
        if self.quote and kind in ("text", "p"):
            kind = "quote"
        if kind == "li":
            level = self.list_depth
        n = len(text)
        ordered, term = self.ordered, self.term
        # Positional: this runs for every block, and keyword calls cost twice as much.
        blk = Block(
            kind, text, md, ei, tag, level, n, links if links < n else n,
            bool(ordered and ordered[-1]), None, False, bool(self.quote), bool(self.pre),
            term[-1] if term else "",
        )
        if self.line_level and kind == "text":
            blk.font_level = self.line_level
        if kind == "p" and self.list_depth and e.parent >= 0 and self.seg.elems[e.parent].tag == "li" and (
            e.parent not in self.bulleted
        ):
            # Markdown's and many editors' list items hold paragraphs: <li><p>Item</p></li>.
            self.bulleted.add(e.parent)
            blk.item = self.list_depth
        blocks = self.seg.blocks
        blocks.append(blk)
        self._count(e, blk, len(blocks) - 1)

    def _count(self, e: Elem, b: Block, bi: int) -> None:
        e.nblocks += 1
        if e.first_block < 0:
            e.first_block = bi
        e.last_block = bi
        e.chars += b.chars
        e.link_chars += b.link_chars
        if b.kind in ("p", "text", "quote", "dd", "li") and b.chars > 25 and b.link_chars < 0.3 * b.chars:
            e.para_score += b.chars / 100 + b.text.count(",") + 1

    def new_elem(
        self, tag: str, parent: int, depth: int, attrs: dict, cls: str | None, ident: str | None, role: str | None
    ) -> int:
        """A new element under ``parent``; ``cls``, ``ident`` and ``role`` are its attributes'
        values, as the walk has read them already."""
        # The flag caches are read here, one lookup each: this runs for every block element,
        # and most class strings and ids were seen before.
        flags = 0
        if cls:
            flags = _CLASS_BITS.get(cls)
            if flags is None:
                flags = _class_bits(cls)
        if ident:
            bits = _TOKEN_BITS.get(ident)
            flags |= _token_bits(ident) if bits is None else bits
            if len(ident) <= _MAIN_ID_MAX and ident.lower().replace("-", "").replace("_", "") in _MAIN_IDS:
                self.main_ids.append(len(self.seg.elems))
        sem = _SEM_OF_TAG.get(tag, 0)
        if role:
            role = role.lower()
            if role == "main":
                sem |= _ROLE_MAIN
            elif role in _BOILER_ROLES:
                sem |= _ROLE_BOILER
        ip = attrs.get("itemprop")
        if ip and ("articleBody" in ip or "text" == ip or "reviewBody" in ip):
            sem |= _ITEMPROP_BODY
        elems = self.seg.elems
        i = len(elems)
        if parent >= 0:
            p = elems[parent]
            iflags, isem = p.iflags | flags, p.isem | sem
            p.nelems += 1
        else:
            iflags, isem = flags, sem
        sig = f"{tag}.{cls}" if cls else tag + "."
        if tag == "div" and attrs.get("data-role") == "memberSignature":
            sig += " memberSignature"  # Invision's poster signature says so only here
        elems.append(Elem(tag, parent, depth, flags, sem, iflags, isem, sig))
        if tag == "article":
            self.seg.articles.append(i)
        elif cls and "ull" in cls and _PULL_QUOTE.search(cls):
            self.seg.pull_quotes.append(i)
        return i

    def table_rows(self, table: LexborNode, ei: int) -> bool:
        """Emit a data table as one block per row; False for a layout table."""
        # (A code listing with line numbers is a table of two <pre> cells: Chroma, Rouge, Pygments.)
        if table.css_first("table table, td div div, td h1, td h2, td h3, td ul, td p p, td pre") is not None:
            return False
        trs = table.css("tr")
        if not trs:
            return False
        if (table.attributes.get("role") or "").lower() in ("presentation", "none") and (
            not _key_value(trs) or table.css_first("select, input") is not None  # a form's fields
        ):
            return False  # a table that says it lays the page out
        rows: list[tuple[LexborNode, list[str], bool]] = []
        for tr in trs:
            cells = []
            # A header row labels the columns: in <thead>, or all <th>. (A key/value row, "<th>
            # Weight</th><td>5.9 kg</td>", is data: a spec table's rows are all such.)
            is_head = tr.parent is not None and tr.parent.tag == "thead"
            all_th = True
            for c in tr.iter():
                if c.tag in ("td", "th"):
                    if c.tag == "td" and len(c.text(deep=True)) > _LAYOUT_CELL_CHARS:
                        # A story's worth of text in one cell: old pages set whole columns
                        # (menu, story, sidebar) in one table.
                        return False
                    cells.append(_WS.sub(" ", c.text(deep=True, separator=" ")).strip())
                    all_th = all_th and c.tag == "th"
            is_head = is_head or (all_th and bool(cells))
            if any(cells):
                rows.append((tr, cells, is_head))
        if all(len(cells) == 1 for _tr, cells, _h in rows):
            return False  # one cell a row wraps its content (GitHub's comment bodies): no data
        cap = table.css_first("caption")
        cap_text = ""
        if cap is not None:
            cap_text = cap.text(deep=True, separator=" ")
            for code in cap.css("style, script"):  # Wikipedia styles its captions inline
                cap_text = cap_text.replace(code.text(deep=True, separator=" "), " ", 1)
            cap_text = _WS.sub(" ", cap_text).strip()
        blocks, e = self.seg.blocks, self.seg.elems[ei]
        new: list[Block] = []
        if cap_text:  # the table's title, set before its rows as a browser shows it
            new.append(Block("caption", cap_text, cap_text, ei, "caption", 0, len(cap_text), 0))
        for tr, cells, is_head in rows:
            text = " | ".join(x for x in cells if x)
            links = sum(len(a.text(deep=True)) for a in tr.css("a"))
            n = len(text)
            new.append(Block("row", text, text, ei, "tr", 0, n, min(links, n), cells=cells, header_row=is_head))
        for blk in new:
            blocks.append(blk)
            self._count(e, blk, len(blocks) - 1)
        return True

    def walk(self, node: LexborNode, ei: int, depth: int, in_link: bool) -> None:
        text, md = self.text, self.md
        add_text, add_md = text.append, md.append
        fallback = False
        for child in node.iter(include_text=True):
            tag = child.tag
            if fallback:
                # A Suspense fallback, replaced by its streamed segment: up to the end marker.
                if tag == "-comment" and child.html == "<!--/$-->":
                    fallback = False
                continue
            if tag == "-text":
                if not text and not self.pre and child.is_empty_text_node:
                    continue  # white space before any text in a block: told in C, not decoded
                t = child.text_content
                # Whitespace before any text in a block changes nothing: skip the work.
                if t and (text or self.pre or not t.isspace()):
                    if self.glue and not self.pre and _meets_word(text, t):
                        add_text(" ")
                        add_md(" ")
                    self.glue = False
                    add_text(t)
                    add_md(t)
                    if in_link:
                        self.link_chars += len(t.strip())
                continue
            if tag in SKIP_TAGS or tag[0] in "-_!":
                if tag == "template":
                    streamed = self._streamed(child)
                    if streamed is not None:
                        self.walk(streamed, ei, depth, in_link)
                        prev = child.prev
                        fallback = prev is not None and prev.tag == "-comment" and prev.html == "<!--$?-->"
                continue
            first = child.first_child
            if first is None and tag not in _LEAF_TAGS:
                continue  # an empty element (icons, spacers): nothing to read
            attrs = child.attributes
            # A sixth of the elements have no attributes (<p>, <li>, <b>): none of these tests
            # can hold for them.
            if attrs:
                if attrs.get("aria-hidden") == "true" and tag not in ("div", "section", "p"):
                    if tag != "a" or not _seen_link(child, attrs):
                        continue
                role = attrs.get("role")
                if role == "tooltip":
                    # Shown on hover over a control ("Show activity on this post", a price's
                    # explanation): on wcxb-dev, 10 of 125 tooltips' texts are in a reference.
                    continue
                if role == "img" and len(child.text().strip()) <= _IMG_LETTERS:
                    continue  # a picture's stand-in: an avatar's initial ("R" before "ridwan123")
                cls = attrs.get("class")
                if cls and "ool" in cls and _TOOLTIP_CONTENT.search(cls):
                    continue  # a tooltip's text, shown on hover over a control, by its class
                if cls and tag == "span" and cls.startswith("mw-editsection"):
                    continue  # MediaWiki's "[edit]" link inside a section's heading
                if cls and tag not in BLOCK_TAGS and screen_reader_only(cls) and _spoken_sentence(child):
                    continue  # read to screen readers only ("Add … to your wishlist")
                if cls and tag not in BLOCK_TAGS and "aterial-" in cls and _ICON_FONT.search(cls):
                    continue  # an icon font's ligature ("local_offer", "chevron_right"): a glyph
                if cls and ("tarter" in cls or "oster" in cls) and tag not in BLOCK_TAGS and _starter_badge(child, cls):
                    continue  # "Discussion starter" after a poster's name
                if tag == "a" and _post_number(child, attrs.get("href")):
                    continue  # a post's "#2" in its header
                if cls and "short" in cls and _short_form(child, cls):
                    continue  # a date's short copy ("1 yr") after its long form
                ident = attrs.get("id")
                if ident and (ident in _CONSENT_ROOTS or ident.startswith("sp_message_container")):
                    continue  # a consent manager's dialog: never the page's content
                style = attrs.get("style")
                # A popover (the HTML attribute) shows only when a button opens it: an app-install
                # card, a notification-settings dialog. Cross-validated on wcxb-dev: +0.0003 (real),
                # +0.0002 (old-style); a forum's install and notification help gone (0.48 -> 0.92),
                # a game shop's trailer gallery (a product page, 0.69 -> 0.66) with it.
                if (
                    ("hidden" in attrs or "popover" in attrs or style and _HIDDEN_STYLE.search(style))
                    and not _panel(attrs)
                    and not _answer(child, "hidden" in attrs)
                ):
                    if child.mem_id in self.spliced:
                        continue  # already read where its placeholder stands
                    if self.reveal_all:
                        if tag in BLOCK_TAGS:
                            self.revealed.append((child.mem_id, len(self.seg.elems)))
                    elif child.mem_id not in self.reveal:
                        self.hidden_skipped += 1
                        if self.seg.elems[ei].isem & _MAIN_SEM or self.main_ids and _inside(self.seg.elems, ei, self.main_ids):
                            self.hidden_in_main += 1
                        continue
            else:
                cls = ident = role = None
            if tag in BLOCK_TAGS:
                if self.pre:
                    # Line elements of a highlighted listing: one code block, a line each.
                    if text and not text[-1].endswith("\n"):
                        add_text("\n")
                        add_md("\n")
                    self.walk(child, ei, depth, in_link)
                    continue
                if depth > 400:
                    # Pathologically deep trees: keep the text, stop making elements.
                    self.walk(child, ei, depth, in_link)
                    continue
                if text:
                    self.flush(ei)
                ci = self.new_elem(tag, ei, depth + 1, attrs, cls, ident, role)
                if tag in _SCOPED:
                    self.walk_scoped(child, tag, ci, depth + 1, in_link)
                elif tag == "table" and self.table_rows(child, ci):
                    pass
                else:
                    self.walk(child, ci, depth + 1, in_link)
                    if text:
                        self.flush(ci)
                self.close_elem(ci)
            elif tag == "a":
                href = attrs.get("href") or ""
                linked = href and not href.startswith(("javascript:", "#")) and not in_link
                # <a>text</a>, the common case, is read without recursion.
                t = first.text_content if first.is_text_node and first.next is None else None
                if t is not None and len(t) < 24:
                    short = t.strip()
                    if href.startswith("#") and short in _PERMALINK_MARKS:
                        continue  # a heading's permalink mark ("Install¶"): page furniture
                    if short.lower() in _CART_LINKS:
                        continue  # a shop card's button set as a link, read into its price's line
                if linked:
                    add_md("[")
                    self.md_extra = True
                if t is not None:
                    if t:
                        if len(t) > 1 and not self.pre and _meets_word(text, t):
                            add_text(" ")
                            add_md(" ")
                        add_text(t)
                        add_md(t)
                        self.link_chars += len(t.strip())
                else:
                    self.glue = True
                    self.walk(child, ei, depth, True)
                    self.glue = False
                if linked:
                    md.append(f"]({href})")
                    self.md_extra = True
            elif tag == "br":
                if text and not (self.pre or self.code or in_link) and (
                    _br_follows(child) or self.seg.elems[ei].tag in _LINE_CONTAINERS and _styled_line(child)
                ):
                    # A blank line ends a paragraph: pages laid out with <br><br> (older
                    # sites, forum posts) get their paragraphs, as a reader sees them. So does
                    # a line set in a style of its own outside any paragraph: an older page's
                    # headline, byline and dateline, each a <font> or <b> line in one cell.
                    self.line_level = _font_heading_level(child, text)
                    self.flush(ei)
                    self.line_level = 0
                    continue
                text.append("\n" if self.pre else " ")
                md.append("\n" if self.pre else " ")
            elif tag == "img" or tag == "amp-img":  # AMP pages set their pictures in <amp-img>
                src = image_source(attrs)
                if src:
                    self.seg.images.append(
                        ImageRef(
                            src, (attrs.get("alt") or "").strip(), ei, self.figure,
                            len(self.seg.blocks), _int(attrs.get("width")), _int(attrs.get("height")),
                        )
                    )
            elif tag == "code" and not self.pre:
                md.append("`")
                self.md_extra = True
                self.code += 1
                self.walk(child, ei, depth, in_link)
                self.code -= 1
                md.append("`")
                self.md_extra = True
            else:
                if tag == "sup" and _is_citation_mark(child):
                    continue  # "[1]" linking to the page's references: a reader skips it
                if first is not None and first.is_text_node and first.next is None:
                    # <span>text</span> and the like: no recursion.
                    t = first.text_content
                    if tag == "time" and t and "T" in t and _iso_stamp(t, self):
                        continue  # a machine's copy of a date ("<time>2018-06-08T11:32Z</time>")
                    glue = tag not in _JOINED and len(t) > 1
                    if t and (text or self.pre or not t.isspace()):
                        if glue and not self.pre and _meets_word(text, t):
                            add_text(" ")
                            add_md(" ")
                        add_text(t)
                        add_md(t)
                        if in_link:
                            self.link_chars += len(t.strip())
                else:
                    glue = tag not in _JOINED
                    self.glue = glue
                    self.walk(child, ei, depth, in_link)
                    self.glue = False

    def walk_scoped(self, node: LexborNode, tag: str, ci: int, depth: int, in_link: bool) -> None:
        """Walk an element that sets a context for the blocks inside it: a figure (their
        images' caption), a list (items' depth and numbering), a quote, a listing, a term."""
        saved_fig = self.figure
        if tag == "figure":
            self.figure = ci
        elif tag in ("ul", "ol", "menu", "dir"):
            self.list_depth += 1
            self.ordered.append(tag == "ol")
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
            self.md.append("")
        elif tag in ("dt", "dd"):
            self.term.append(tag)
        self.walk(node, ci, depth, in_link)
        if self.text:
            self.flush(ci)
        if tag in ("ul", "ol", "menu", "dir"):
            self.list_depth -= 1
            self.ordered.pop()
        elif tag == "blockquote":
            self.quote -= 1
        elif tag == "pre":
            self.pre -= 1
        elif tag in ("dt", "dd"):
            self.term.pop()
        self.figure = saved_fig

    def close_elem(self, ci: int) -> None:
        elems = self.seg.elems
        e = elems[ci]
        if e.parent >= 0:
            p = elems[e.parent]
            p.chars += e.chars
            p.link_chars += e.link_chars
            p.para_score += e.para_score * 0.5
            if e.first_block >= 0:
                if p.first_block < 0 or e.first_block < p.first_block:
                    p.first_block = e.first_block
                if e.last_block > p.last_block:
                    p.last_block = e.last_block


# Below this much visible text, a page that hides elements may be one that scripts reveal
# after loading (the whole story in a display:none wrapper or a [hidden] section).
_REVEAL_BELOW = 2000
# Or when the page's <main> shows less than this and hides elements: menus and footers
# around it may hold more than _REVEAL_BELOW (a shop's mega-menu), yet the page is hidden.
_MAIN_EMPTY_BELOW = 200
_MAIN_SEM = SEM_BIT["main"] | SEM_BIT["role_main"]
# Without <main> or role=main (older markup, or a rendering that dropped them), the element
# whose id says it holds the main content stands in: a shop whose app hides the product grid
# until a script has run ("MainContent", "main-content").
_MAIN_IDS = frozenset(["main", "maincontent", "contentmain"])
_MAIN_ID_MAX = 14


def segment(root: LexborNode) -> Segmentation:
    """Cut the tree under ``root`` (usually ``<body>``) into blocks, in document order."""
    limit = sys.getrecursionlimit()
    if limit < 5000:
        sys.setrecursionlimit(5000)
    w = _walk(_Walker(), root)
    if w.hidden_skipped:
        visible = w.seg.total_chars
        main = _empty_main(w.seg, w.main_ids) if w.hidden_in_main and visible >= _REVEAL_BELOW else None
        if visible < _REVEAL_BELOW or main is not None:
            # What a reader sees once the page's scripts ran, when one hidden wrapper holds
            # most of the page (or of its <main>): read that wrapper (hidden menus and
            # carousels inside it stay hidden).
            shown = _walk(_Walker(reveal_all=True), root)
            elems = shown.seg.elems
            revealed = shown.revealed
            if main is not None:
                # (By the id only on a page without <main> or role=main.)
                ids = [] if any(e.sem & _MAIN_SEM for e in elems) else shown.main_ids
                revealed = [r for r in revealed if elems[r[1]].isem & _MAIN_SEM or ids and _inside(elems, r[1], ids)]
                visible = main
            if revealed:
                mem, ei = max(revealed, key=lambda r: elems[r[1]].chars)
                big = elems[ei].chars
                hidden = shown.seg.total_chars - w.seg.total_chars - _hidden_furniture(elems, revealed)
                if big >= 0.5 * (hidden + visible) and big > 3 * visible + 500:
                    w = _walk(_Walker(reveal=frozenset([mem])), root)
    seg = w.seg
    _count_repeats(seg)
    return seg


# A shop's hidden drop-down menus, its hidden footer copy, its closed dialogs: furniture that
# scripts show on a click, not the page they reveal. Their text does not count against the
# hidden wrapper that holds the page (a shop's product, in a display:none "defer" wrapper, under
# a dozen hidden mega-menus that together hold twice its text). Cross-validated on wcxb-dev: that
# one page moves, real 0.65 -> 0.83 (+0.00012), old-style 0.02 -> 0.83 (+0.00054); none worse.
_FURNITURE_FLAGS = FLAG_BIT["nav"] | FLAG_BIT["header"] | FLAG_BIT["footer"] | FLAG_BIT["popup"]
_FURNITURE_SEM = SEM_BIT["nav"] | SEM_BIT["header"] | SEM_BIT["footer"] | SEM_BIT["dialog"]


def _hidden_furniture(elems: list[Elem], revealed: list[tuple[int, int]]) -> int:
    """The characters of the hidden elements among ``revealed`` that are menus, headers,
    footers or dialogs (by class or tag), outermost ones only."""
    hidden = {e for _m, e in revealed}
    total = 0
    for e in hidden:
        x = elems[e]
        if not (x.iflags & _FURNITURE_FLAGS or x.isem & _FURNITURE_SEM):
            continue
        p = x.parent
        while p >= 0 and p not in hidden:
            p = elems[p].parent
        if p < 0:
            total += x.chars
    return total


def _empty_main(seg: Segmentation, main_ids: list[int]) -> int | None:
    """The visible characters of the page's outermost <main> (or role=main; else the first
    element whose id names the main content), when it shows almost nothing; else None."""
    for e in seg.elems:
        if e.sem & _MAIN_SEM:
            return e.chars if e.chars < _MAIN_EMPTY_BELOW else None
    if main_ids:
        chars = seg.elems[main_ids[0]].chars
        return chars if chars < _MAIN_EMPTY_BELOW else None
    return None


def _inside(elems: list[Elem], e: int, ancestors: list[int]) -> bool:
    """``e`` is one of ``ancestors`` or below one of them."""
    while e >= 0:
        if e in ancestors:
            return True
        e = elems[e].parent
    return False


def _walk(w: _Walker, root: LexborNode) -> _Walker:
    w.root = root
    attrs = root.attributes if root.tag != "-text" else {}
    root_i = w.new_elem(root.tag or "body", -1, 0, attrs, attrs.get("class"), attrs.get("id"), attrs.get("role"))
    w.walk(root, root_i, 0, False)
    w.flush(root_i)
    if w.drop_cap is not None:  # a lone letter ends the page
        w._emit(*w.drop_cap)
    w.close_elem(root_i)
    root_e = w.seg.elems[root_i]
    w.seg.total_chars = root_e.chars
    w.seg.total_link_chars = root_e.link_chars
    return w


def _count_repeats(seg: Segmentation) -> None:
    """How many siblings share each element's tag and class: cards, posts, menu items."""
    keys = [(e.parent, e.sig) for e in seg.elems]
    count = Counter(keys)
    for e, key in zip(seg.elems, keys, strict=True):
        n = count[key] - 1
        if n and e.parent >= 0:
            e.same_sig_siblings = n
