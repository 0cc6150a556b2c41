"""Block features for the content scorer, computed from the segmentation alone.

One row per block. Container statistics were summed bottom-up by ``segment``; here we only
read them, walking each block's ancestor chain a few steps.
"""

from __future__ import annotations

import math
import re
from itertools import chain
from operator import attrgetter

import numpy as np

from .segment import FLAG_NAMES, KIND_ID, SEM_NAMES, Block, Segmentation

# Phrases of page furniture; plain substring tests on lower-cased text are much faster
# than one large case-insensitive regex.
_BOILER_PHRASES = (
    "©", "all rights reserved", "copyright", "cookie", "subscribe", "sign up", "sign in", "log in",
    "login", "newsletter", "share this", "share on", "follow us", "read more", "comment",
    "privacy policy", "terms of use", "terms of service", "advertisement", "related posts",
    "related articles", "related stories", "skip to", "click here",
)


def _probes(phrases: tuple[str, ...]) -> list[tuple[str, tuple[str, ...] | None]]:
    """One search per first word shared by several phrases ("sign " for "sign up" and
    "sign in"), the phrases then checked where it occurs; None: the probe is the phrase."""
    by_word: dict[str, list[str]] = {}
    for ph in phrases:
        head = ph.split(" ")[0] + " "
        by_word.setdefault(head if " " in ph else ph, []).append(ph)
    return [(w, tuple(g)) if len(g) > 1 else (g[0], None) for w, g in by_word.items()]


_BOILER_PROBES = _probes(_BOILER_PHRASES)
_DATE_TEXT = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+ (?:min|hour|day|week)s? ago\b"
)
_WORD = re.compile(r"\w+")
# Function words: prose is full of them, menus and link lists are not (the jusText insight).
# English, German, French, Spanish, Italian, Portuguese and Dutch, then Russian, Ukrainian,
# Polish, Czech, Swedish, Danish/Norwegian, Finnish, Hungarian, Romanian, Turkish, Indonesian,
# Greek, Arabic, Hindi and Vietnamese: prose in a language without its list looks like menus
# (zeroing these features cost 0.005 F1 on every second wcxb-dev page). Words that are also
# English words or names ("men", "care", "pro", "yang") are left out of the other lists.
STOPWORDS = frozenset(
    """the a an and or but of to in on at for with by from as is are was were be been being it
    its this that these those he she they we you i his her their our your my not no so if then
    than there here which who whom whose what when where why how all any each some more most
    other such only own same too very can will just should would could may might must do does
    did has have had having about into over after before between through during under again
    further once also because while until up down out off above below both few nor
    der die das und ist nicht mit von zu den ein eine auf für sich dem des im auch es an als
    le la les et est pas avec pour dans une un des du que qui sur par au ce il elle sont
    el los las y es con por para una un del que en se lo su al como más pero
    il lo gli e di che per una non con sono della del nel
    o os as e de do da que em um uma para com não
    het een en van is dat niet met voor op zijn
    и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне
    было вот от меня еще нет о из ему когда даже ли если уже или ни быть был до вас там
    потом себя ей может они тут где есть надо для мы их чем была сам без будет тогда кто
    этот того потому этого какой здесь этом один тем чтобы сейчас были можно при об после
    над больше тот через эти нас про всего них много также это который которые которая
    является
    і з що та це як він від але є його ми вони які було також має буде щоб
    się nie jest że jak od tak dla czy przez są jego ich tym było już tylko może być jej
    oraz także który która które jako tego przy jednak gdy
    že jsem jak jeho jsou když také který která které nebo aby jako jsme byl bylo podle
    och att det som på är för inte ett jag sig från vi så kan om när säger eller även
    og det som til ikke jeg har blev eller fra vil skal kan
    ei että oli hän ovat mutta myös joka jos niin kuin
    és hogy nem egy csak ez már vagy még kell
    și în cu nu că din pentru este sau sunt fost
    bir için ile çok gibi daha olarak olan kadar sonra
    ini itu dengan untuk dari tidak dalam akan pada adalah juga atau mereka
    και το να η της την ο του με σε που για τα είναι δεν από τον οι στο στην θα
    في من على أن إلى التي الذي عن مع هذا هذه كان ما لا أو بين قد
    के का की है में और से को पर यह कि एक हैं भी था नहीं
    và của là có được trong không những với các một người này đã
    """.split()
)
_IS_STOP = STOPWORDS.__contains__

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)

# Page-level hints of the page's type, from schema.org types, og:type and the URL.
PAGE_SIGNALS: dict[str, re.Pattern[str]] = {
    "t_article": re.compile(r"^(?:news|report|blogposting|article|techarticle|scholarlyarticle|liveblogposting|opinionnewsarticle)", re.I),
    "t_forum": re.compile(r"^(?:discussionforumposting|qapage|question|answer|comment|socialmediaposting)", re.I),
    "t_product": re.compile(r"^(?:product|offer|aggregateoffer|productgroup|individualproduct)", re.I),
    "t_list": re.compile(r"^(?:itemlist|collectionpage|searchresultspage|offercatalog|listitem)", re.I),
    "t_docs": re.compile(r"^(?:techarticle|softwaresourcecode|apireference|howto)", re.I),
    "t_service": re.compile(r"^(?:service|localbusiness|organization|professionalservice|faqpage|website|corporation)", re.I),
    "u_forum": re.compile(r"/(?:forums?|threads?|topics?|t|questions|discussions?|community|comments|r)/", re.I),
    "u_product": re.compile(r"/(?:products?|p|item|dp|shop|store)/", re.I),
    "u_list": re.compile(r"/(?:category|categories|tags?|collections?|search|c|list|archives?|page)/|[?&](?:q|page|sort)=", re.I),
    "u_docs": re.compile(r"/(?:docs?|documentation|api|reference|manual|guide|wiki|learn)/|readthedocs|/en/(?:latest|stable)/", re.I),
    # "blogs": Shopify's blog paths; then "news" in German, Spanish, Portuguese, Italian, Dutch, French.
    "u_article": re.compile(
        r"/(?:news|blogs?|articles?|posts?|story|stories|20\d\d|nachrichten|noticias?|notizie|nieuws|"
        r"actualites?|actualidad)/", re.I,
    ),
}
_ITEMTYPE = re.compile(r'itemtype="https?://schema\.org/(\w+)"')
_ITEMTYPE_AT = 'itemtype="'


def page_signals(html: str, url: str | None, ld_types: set[str], og_type: str | None) -> list[float]:
    """Binary hints of the page type: schema.org types (JSON-LD already parsed, microdata),
    og:type, URL shape."""
    types = set(ld_types)
    # Matched only where str.find, much faster than the regex's own scan of a whole page,
    # finds the attribute; each match is what findall would have found there.
    at = html.find(_ITEMTYPE_AT)
    while at >= 0:
        m = _ITEMTYPE.match(html, at)
        if m is not None:
            types.add(m.group(1))
            at = m.end()
        else:
            at += 1
        at = html.find(_ITEMTYPE_AT, at)
    if og_type:
        og = og_type.lower()
        types.add("article" if "article" in og else og.split(".")[0])
    out = []
    for name, rx in PAGE_SIGNALS.items():
        if name.startswith("t_"):
            out.append(1.0 if any(rx.match(t) for t in types) else 0.0)
        else:
            out.append(1.0 if url and rx.search(url) else 0.0)
    return out
ANCESTOR_LEVELS = 4

FEATURE_NAMES: list[str] = (
    [
        "page_log_chars", "page_log_blocks", "page_link_density", "page_has_body",
        "kind", "level", "log_chars", "log_words", "link_density", "sent_ends", "commas",
        "ends_punct", "starts_upper", "digit_ratio", "avg_word_len", "pos_frac", "char_pos_frac",
        "in_quote", "in_pre", "boiler_text", "date_text", "title_overlap", "body_overlap",
        "stop_ratio", "log_stops",
        "depth", "log_same_sig", "elem_frac", "elem_link_density", "elem_log_blocks", "elem_nelems",
    ]
    + [f"own_{n}" for n in FLAG_NAMES]
    + [f"anc_{n}" for n in FLAG_NAMES]
    + [f"sem_{n}" for n in SEM_NAMES]
    + [f"a{k}_{f}" for k in range(1, ANCESTOR_LEVELS + 1) for f in ("frac", "ld", "log_blocks", "log_same_sig", "para")]
    + ["in_best", "in_best_parent", "best_depth_diff", "best_frac", "best_para_share"]
    + ["rep_para", "rep_frac", "rep_log_count", "in_best_group", "best_group_para", "best_group_log_count"]
    + [f"page_{n}" for n in PAGE_SIGNALS]
    + [f"n{o}_{f}" for o in NEIGHBOUR_OFFSETS for f in ("log_chars", "ld", "same_elem", "kind")]
)
N_FEATURES = len(FEATURE_NAMES)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_ELEM_INT_FIELDS = ("parent", "depth", "same_sig_siblings", "chars", "link_chars", "nblocks")
# Read for the blocks' own elements only: reading an attribute is most of the cost here.
_BLOCK_ELEM_FIELDS = ("nelems", "flags", "iflags", "isem")
_PARA = attrgetter("para_score")


def _elem_arrays(seg: Segmentation, elem_idx: np.ndarray) -> dict[str, np.ndarray]:
    elems = seg.elems
    m = len(elems)
    total = max(seg.total_chars, 1)
    # The float32 columns convert exactly as before: the integers are far below 2**24 and
    # para_score is rounded once from float64.
    f = {k: np.fromiter(map(attrgetter(k), elems), np.int64, m) for k in _ELEM_INT_FIELDS}
    own = list(map(elems.__getitem__, elem_idx.tolist()))
    b = {k: np.fromiter(map(attrgetter(k), own), np.int64, len(own)) for k in _BLOCK_ELEM_FIELDS}
    para64 = np.fromiter(map(_PARA, elems), np.float64, m)
    root_para = max(float(para64[0]), 1e-9) if m else 1.0
    chars = f["chars"].astype(np.float32)
    return {
        "parent": f["parent"],
        "depth": f["depth"].astype(np.float32),
        "log_same_sig": np.log1p(f["same_sig_siblings"].astype(np.float32)),
        "same_sig": f["same_sig_siblings"],
        "frac": chars / total,
        "ld": f["link_chars"].astype(np.float32) / np.maximum(chars, 1),
        "log_blocks": np.log1p(f["nblocks"].astype(np.float32)),
        "para": para64.astype(np.float32) / root_para,
        "para64": para64,
        "idepth": f["depth"],
        # already per block
        "b_nelems": b["nelems"].astype(np.float32),
        "b_flags": b["flags"],
        "b_iflags": b["iflags"],
        "b_isem": b["isem"],
    }


def _subtree_end(depth: np.ndarray, k: int) -> int:
    """One past the last descendant of element k. ``segment`` appends elements as its
    depth-first walk opens them (depth = parent's + 1), so a subtree is a contiguous run."""
    below = depth[k + 1 :] <= depth[k]
    return k + 1 + int(below.argmax()) if below.any() else len(depth)


def _subtree_ends(depth: np.ndarray, ks: np.ndarray) -> np.ndarray:
    """``_subtree_end`` of several elements: the next element no deeper than each."""
    ends = np.empty(len(ks), np.int64)
    kd = depth[ks]
    for d in np.unique(kd).tolist():
        at = kd == d
        no_deeper = np.append(np.flatnonzero(depth <= d), len(depth))
        ends[at] = no_deeper[np.searchsorted(no_deeper, ks[at], "right")]
    return ends


_SIG = attrgetter("sig")
# numpy sums fewer than 8 float32 values one after the other; longer runs pairwise.
_SEQUENTIAL_SUM = 8


def _sibling_groups(
    elems: list, E: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, np.ndarray]:
    """Each repeated element's group totals (para, frac, count) and the group with the most
    paragraph text (its para, its members), the first such in document order.

    Sums are float32 and must equal ``para[members].sum()``: small groups are added in
    order, vectorised, larger ones summed by numpy itself.
    """
    m = len(elems)
    own_para = np.zeros(m, dtype=np.float32)
    own_frac = np.zeros(m, dtype=np.float32)
    own_cnt = np.zeros(m, dtype=np.float32)
    mem = np.flatnonzero(E["same_sig"])
    if not len(mem):
        return own_para, own_frac, own_cnt, 0.0, mem
    keys = list(zip(E["parent"][mem].tolist(), map(_SIG, map(elems.__getitem__, mem.tolist())), strict=True))
    first = dict.fromkeys(keys)  # groups in order of their first member
    ng = len(first)
    gid = np.fromiter(map(dict(zip(first, range(ng), strict=True)).__getitem__, keys), np.int64, len(keys))
    order = np.argsort(gid, kind="stable")  # members by group, in document order within
    members = mem[order]
    size = np.bincount(gid, minlength=ng)
    start = np.zeros(ng, np.int64)
    np.cumsum(size[:-1], out=start[1:])
    para, frac = E["para"], E["frac"]
    gp = np.zeros(ng, np.float32)
    gf = np.zeros(ng, np.float32)
    small = size < _SEQUENTIAL_SUM
    if small.any():
        sg = gid[order]
        pos = np.arange(len(members)) - start[sg]
        pick = small[sg]
        P = np.zeros((ng, _SEQUENTIAL_SUM - 1), np.float32)
        Fm = np.zeros((ng, _SEQUENTIAL_SUM - 1), np.float32)
        P[sg[pick], pos[pick]] = para[members[pick]]
        Fm[sg[pick], pos[pick]] = frac[members[pick]]
        for k in range(_SEQUENTIAL_SUM - 1):  # adding the zero padding changes nothing
            gp += P[:, k]
            gf += Fm[:, k]
    for g in np.flatnonzero(~small).tolist():
        ms = members[start[g] : start[g] + size[g]]
        gp[g] = para[ms].sum()
        gf[g] = frac[ms].sum()
    own_para[mem] = gp[gid]
    own_frac[mem] = gf[gid]
    own_cnt[mem] = size[gid]
    best = int(gp.argmax())
    if gp[best] <= 0:
        return own_para, own_frac, own_cnt, 0.0, mem[:0]
    return own_para, own_frac, own_cnt, float(gp[best]), members[start[best] : start[best] + size[best]]


def _deepest_best(
    own_para: np.ndarray, own_frac: np.ndarray, own_cnt: np.ndarray, depth: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each element, the group values of the ancestor-or-self with the highest group
    para, the deepest one on ties; its own values when none is above zero.

    What a top-down pass copying a parent's values over a lower para computes. Only group
    members have para, so their subtrees are painted in increasing (para, index) order and
    the last paint wins.
    """
    m = len(own_para)
    src = np.arange(m)
    ks = np.flatnonzero(own_para > 0)
    if len(ks):
        ks = ks[np.lexsort((ks, own_para[ks]))]
        lens = _subtree_ends(depth, ks) - ks
        first = np.zeros(len(ks), np.int64)
        np.cumsum(lens[:-1], out=first[1:])
        covered = np.repeat(ks - first, lens) + np.arange(int(lens.sum()))
        rank = np.full(m, -1, np.int64)
        np.maximum.at(rank, covered, np.repeat(np.arange(len(ks)), lens))
        painted = rank >= 0
        src[painted] = ks[rank[painted]]
    return own_para[src], own_frac[src], own_cnt[src]


_BLOCK_INTS = attrgetter("level", "chars", "link_chars", "in_quote", "in_pre", "elem")
_KIND = attrgetter("kind")
_TEXT = attrgetter("text")
_SEP = "\n"  # between blocks in a page's joined text: no feature pattern matches it
_DIGIT_HEAD = 200  # digits are counted in a block's first 200 characters

# Character classes by code point, filled 256 code points at a time: those below 0x3000
# (alphabets, punctuation, symbols) at import, others when a page first uses them.
# Python's own predicates decide: re's \w is isalnum() or "_", its \d is isdecimal().
_WORD_CH, _DIGIT_CH, _UPPER_CH = 1, 2, 4
_CLASS = np.zeros(0x110000, np.uint8)
_CLASS_READY = np.zeros(0x110000 >> 8, bool)
_EAGER_BELOW = 0x3000
_FIRST_NON_ASCII_DIGIT = 0x660


def _fill_classes(chunks: list[int]) -> None:
    for chunk in chunks:
        chars = "".join(map(chr, range(chunk << 8, (chunk + 1) << 8)))
        bits = np.fromiter(map(str.isalnum, chars), np.uint8, 256) * _WORD_CH
        bits |= np.fromiter(map(str.isdecimal, chars), np.uint8, 256) * _DIGIT_CH
        bits |= np.fromiter(map(str.isupper, chars), np.uint8, 256) * _UPPER_CH
        if chunk == 0:
            bits[ord("_")] |= _WORD_CH
        _CLASS[chunk << 8 : (chunk + 1) << 8] = bits
        _CLASS_READY[chunk] = True


_fill_classes(list(range(_EAGER_BELOW >> 8)))


def _char_classes(cp: np.ndarray) -> np.ndarray:
    hi = cp[cp >= _EAGER_BELOW]
    if len(hi):
        chunks = np.unique(hi >> 8)
        _fill_classes(chunks[~_CLASS_READY[chunks]].tolist())
    return _CLASS[cp]


# math.log1p of small counts, looked up: the same float64 values as calling it per block.
_LOG1P = np.array([math.log1p(i) for i in range(4096)])


def _log1p(counts: np.ndarray) -> np.ndarray:
    out = _LOG1P[np.minimum(counts, len(_LOG1P) - 1)]
    big = np.flatnonzero(counts >= len(_LOG1P))
    if len(big):
        out[big] = list(map(math.log1p, counts[big].tolist()))
    return out


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)


def _spans(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of each piece in ``_SEP.join(pieces)``."""
    starts = np.zeros(len(lengths), np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    return starts, starts + lengths


def _count_in(positions: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of the sorted ``positions`` fall in each [start, end)."""
    return np.searchsorted(positions, ends) - np.searchsorted(positions, starts)


def _text_features(
    blocks: list[Block], title_tokens: set[str] | None, body_tokens: set[str] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The 20 per-block text columns (float64, one row per feature), the blocks' elements
    and their chars.

    Per-block Python calls cost more than the text itself on a page of short blocks, so the
    page's blocks are joined once: character counts come from positions in its code points,
    words from one split of its lower-cased text. Each value is then computed as the former
    per-block loop did (same integers, float64 division, math.log1p), so X is unchanged.
    """
    n = len(blocks)
    texts = list(map(_TEXT, blocks))
    ints = np.fromiter(chain.from_iterable(map(_BLOCK_INTS, blocks)), np.int64, 6 * n).reshape(n, 6)
    chars = ints[:, 1]
    ch = np.maximum(chars, 1)

    # Character counts. Blocks are never empty; the text's first and last characters are
    # read from the separators around an empty one, which match nothing.
    cp = _codepoints(_SEP + _SEP.join(texts) + _SEP)
    lens = np.fromiter(map(len, texts), np.int64, n)
    starts, ends = _spans(lens)
    starts += 1
    ends += 1
    space = cp == 32
    spaces = _count_in(np.flatnonzero(space), starts, ends)
    commas = _count_in(np.flatnonzero(cp == 44), starts, ends)
    # ". ", "? ", "! ": they cannot overlap, so counting positions is what str.count does.
    stop = (cp[:-1] == 46) | (cp[:-1] == 63) | (cp[:-1] == 33)
    pairs = _count_in(np.flatnonzero(stop & space[1:]), starts, ends)
    digit = (cp >= 48) & (cp <= 57)
    rare = np.flatnonzero(cp >= _FIRST_NON_ASCII_DIGIT)  # other scripts' digits are rare
    cjk = False
    if len(rare):
        w = cp[rare]
        digit[rare] = (_char_classes(w) & _DIGIT_CH) != 0
        # Chinese and Japanese write "，" "、" and end sentences with "。" "！" "？", no space.
        wide_commas = rare[(w == 0xFF0C) | (w == 0x3001)]
        wide_stops = rare[(w == 0x3002) | (w == 0xFF01) | (w == 0xFF1F)]
        cjk = len(wide_commas) + len(wide_stops) > 0
        if cjk:
            commas += _count_in(wide_commas, starts, ends)
            # Not the block's last character: ends_stop counts that one, as for "." below.
            pairs += _count_in(wide_stops, starts, ends - 1)
    ndig = _count_in(np.flatnonzero(digit), starts, starts + np.minimum(lens, _DIGIT_HEAD))
    nwords = spaces + 1
    last = cp[ends - 1]
    ends_stop = (last == 46) | (last == 63) | (last == 33) | (last == 34) | (last == 0x201D) | (last == 39)
    if cjk:
        ends_stop |= (last == 0x3002) | (last == 0xFF01) | (last == 0xFF1F) | (last == 0x300D) | (last == 0x300F)
    ends_punct = ends_stop | (last == 58)
    upper = (_char_classes(cp[starts]) & _UPPER_CH) != 0

    # Words: the lower-cased page with every non-word character made a space, split once.
    lows = list(map(str.lower, texts))
    cpl = _codepoints(_SEP.join(lows))
    word = (_char_classes(cpl) & _WORD_CH) != 0
    flat = np.where(word, cpl, 32).tobytes().decode("utf-32-le", "surrogatepass").split()
    first = word.copy()
    first[1:] &= ~word[:-1]
    lstarts, lends = _spans(np.fromiter(map(len, lows), np.int64, n))
    ntok = _count_in(np.flatnonzero(first), lstarts, lends)
    tok_at = np.zeros(n + 1, np.int64)
    np.cumsum(ntok, out=tok_at[1:])

    def per_block(flags: np.ndarray) -> np.ndarray:
        c = np.zeros(len(flags) + 1, np.int64)
        np.cumsum(flags, out=c[1:])
        return c[tok_at[1:]] - c[tok_at[:-1]]

    out = np.empty((20, n))
    has_toks = ntok > 0
    out[16] = 0.0
    out[17] = -1.0
    if title_tokens or body_tokens:
        # Token ids: the title overlap needs each block's distinct words.
        uniq = dict.fromkeys(flat)
        nu = len(uniq)
        ids = np.fromiter(map(dict(zip(uniq, range(nu), strict=True)).__getitem__, flat), np.int64, len(flat))
        nstop = per_block(np.fromiter(map(_IS_STOP, uniq), bool, nu)[ids])
        if title_tokens:
            in_title = np.fromiter(map(title_tokens.__contains__, uniq), bool, nu)
            key = np.sort(np.repeat(np.arange(n), ntok) * nu + ids)
            key = key[np.concatenate(([True], key[1:] != key[:-1]))]  # distinct (block, word)
            blk = key // nu
            distinct = np.bincount(blk, minlength=n)
            inter = np.bincount(blk[in_title[key % nu]], minlength=n)
            np.divide(inter, np.maximum(distinct + len(title_tokens) - inter, 1), out=out[16], where=has_toks)
        if body_tokens:
            in_body = per_block(np.fromiter(map(body_tokens.__contains__, uniq), bool, nu)[ids])
            np.divide(in_body, ntok, out=out[17], where=has_toks)
    else:
        nstop = per_block(np.fromiter(map(_IS_STOP, flat), bool, len(flat)))

    # Furniture phrases in short blocks: one substring search per phrase over their text.
    boiler = np.zeros(n, bool)
    short = np.flatnonzero(chars < 400)
    if len(short):
        slows = [lows[i] for i in short.tolist()]
        sstarts, _ = _spans(np.fromiter(map(len, slows), np.int64, len(short)))
        joined = _SEP.join(slows)
        hits: list[int] = []
        for probe, phrases in _BOILER_PROBES:
            at = joined.find(probe)
            while at >= 0:
                if phrases is None or any(joined.startswith(ph, at) for ph in phrases):
                    hits.append(at)
                at = joined.find(probe, at + 1)
        if hits:
            boiler[short[np.searchsorted(sstarts, hits, "right") - 1]] = True
    # Dates in short blocks with digits: one scan, as no date pattern spans a separator.
    date = np.zeros(n, bool)
    cand = np.flatnonzero((ndig > 0) & (chars < 80))
    if len(cand):
        clows = [lows[i] for i in cand.tolist()]
        cstarts, _ = _spans(np.fromiter(map(len, clows), np.int64, len(cand)))
        found = [m.start() for m in _DATE_TEXT.finditer(_SEP.join(clows))]
        if found:
            date[cand[np.searchsorted(cstarts, found, "right") - 1]] = True

    out[0] = list(map(KIND_ID.__getitem__, map(_KIND, blocks)))
    out[1] = ints[:, 0]
    out[2] = _log1p(chars)
    out[3] = _log1p(nwords)
    out[4] = ints[:, 2] / ch
    out[5] = pairs + ends_stop
    out[6] = commas
    out[7] = ends_punct
    out[8] = upper
    out[9] = ndig / np.minimum(ch, _DIGIT_HEAD)
    out[10] = ch / nwords
    out[11] = np.arange(n) / n
    out[12] = ints[:, 3]
    out[13] = ints[:, 4]
    out[14] = boiler
    out[15] = date
    out[18] = 0.0
    np.divide(nstop, ntok, out=out[18], where=has_toks)
    out[19] = _log1p(nstop)
    return out, ints[:, 5].copy(), chars


def block_features(
    seg: Segmentation,
    title_tokens: set[str] | None = None,
    body_tokens: set[str] | None = None,
    page_hints: list[float] | None = None,
) -> np.ndarray:
    blocks = seg.blocks
    elems = seg.elems
    n = len(blocks)
    if n == 0:
        return np.zeros((0, N_FEATURES), dtype=np.float32)
    X = np.empty((n, N_FEATURES), dtype=np.float32)  # every column is written below
    total = max(seg.total_chars, 1)
    col = 0

    def put(values: np.ndarray | float) -> None:
        nonlocal col
        if isinstance(values, np.ndarray) and values.ndim == 2:
            X[:, col : col + values.shape[1]] = values
            col += values.shape[1]
        else:
            X[:, col] = values
            col += 1

    put(math.log1p(seg.total_chars))
    put(math.log1p(n))
    put(seg.total_link_chars / total)
    put(1.0 if body_tokens else 0.0)

    T, elem_idx, chars = _text_features(blocks, title_tokens, body_tokens)
    put(T[:12].T)
    cum = np.concatenate(([0.0], np.cumsum(chars.astype(np.float32))[:-1])) / total
    put(cum.astype(np.float32))
    put(T[12:].T)

    E = _elem_arrays(seg, elem_idx)
    put(E["depth"][elem_idx])
    put(E["log_same_sig"][elem_idx])
    put(E["frac"][elem_idx])
    put(E["ld"][elem_idx])
    put(E["log_blocks"][elem_idx])
    put(E["b_nelems"])
    # Own flags, inherited flags and semantic bits, unpacked together (sem has fewer bits).
    nflags = len(FLAG_NAMES)
    assert len(SEM_NAMES) <= nflags <= 64
    flag_ints = np.stack((E["b_flags"], E["b_iflags"], E["b_isem"]), axis=1).astype("<u8")
    bits = np.unpackbits(flag_ints.view(np.uint8).reshape(n, 3, 8), axis=2, bitorder="little")
    put(bits[:, :, :nflags].reshape(n, 3 * nflags)[:, : 2 * nflags + len(SEM_NAMES)])
    # Ancestors: a zero row at index m stands for "no ancestor" (its parent is itself).
    m = len(elems)
    parent = E["parent"]
    up = np.append(np.where(parent >= 0, parent, m), m)
    anc = np.zeros((m + 1, 5), np.float32)
    for k, key in enumerate(("frac", "ld", "log_blocks", "log_same_sig", "para")):
        anc[:m, k] = E[key]
    a = up[elem_idx]
    for _ in range(ANCESTOR_LEVELS):
        put(anc[a])
        a = up[a]

    # The best container and the elements inside it. The first maximum, as a scan keeping
    # only larger scores would find (scores are never negative).
    best = int(E["para64"].argmax())
    depth = E["idepth"]
    end = _subtree_end(depth, best)
    inside = np.zeros(m, dtype=bool)
    inside[best:end] = True
    depth_in = np.full(m, -1.0, dtype=np.float32)
    depth_in[best:end] = depth[best:end] - depth[best]
    in_parent = np.zeros(m, dtype=bool)
    bp = elems[best].parent
    if bp >= 0:
        in_parent[bp : _subtree_end(depth, bp)] = True
    put(inside[elem_idx].astype(np.float32))
    put((in_parent[elem_idx] & ~inside[elem_idx]).astype(np.float32))
    put(depth_in[elem_idx])
    put(E["frac"][best])
    put(E["para"][best])

    # Repeated siblings (posts, cards, sections) that together hold the page's text.
    own_para, own_frac, own_cnt, best_gp, best_g = _sibling_groups(elems, E)
    rep_para, rep_frac, rep_cnt = _deepest_best(own_para, own_frac, own_cnt, depth)
    in_bg = np.zeros(m + 1, np.int64)  # +1 where a subtree of the best group opens, -1 after
    if len(best_g):
        np.add.at(in_bg, best_g, 1)
        np.add.at(in_bg, _subtree_ends(depth, best_g), -1)
    in_bg = np.cumsum(in_bg[:m]) > 0
    put(rep_para[elem_idx])
    put(rep_frac[elem_idx])
    put(np.log1p(rep_cnt[elem_idx]))
    put(in_bg[elem_idx].astype(np.float32))
    put(best_gp)
    put(math.log1p(len(best_g)))
    put(np.asarray(page_hints or [0.0] * len(PAGE_SIGNALS), dtype=np.float32)[None, :].repeat(n, 0))

    # Neighbours: size, link density, same element, kind; -1 past either end.
    X[:, col:] = -1
    for o in NEIGHBOUR_OFFSETS:
        lo, hi = max(0, -o), n - max(0, o)  # rows whose neighbour exists
        if lo < hi:
            X[lo:hi, col] = X[lo + o : hi + o, 6]  # log_chars
            X[lo:hi, col + 1] = X[lo + o : hi + o, 8]  # link_density
            X[lo:hi, col + 2] = elem_idx[lo + o : hi + o] == elem_idx[lo:hi]
            X[lo:hi, col + 3] = X[lo + o : hi + o, 4]  # kind
        col += 4
    assert col == N_FEATURES
    return X


CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
CONTEXT_NAMES: list[str] = (
    ["p"]
    + [f"p{o}" for o in CONTEXT_OFFSETS]
    + ["p_window", "p_elem", "p_anc1", "p_anc2", "p_anc3", "p_page", "p_page_share"]
)


def context_features(seg: Segmentation, p: np.ndarray) -> np.ndarray:
    """Second-stage features: the first stage's scores around each block.

    Neighbours in reading order and the text-weighted mean score of the block's element
    and of its ancestors' whole subtrees, so a lone block can follow its region.
    """
    return context_from_arrays(*structure_arrays(seg), p)


def structure_arrays(seg: Segmentation) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(block chars, block element, element parent): all the context step needs."""
    n, m = len(seg.blocks), len(seg.elems)
    return (
        np.fromiter((b.chars for b in seg.blocks), np.float64, n),
        np.fromiter((b.elem for b in seg.blocks), np.int64, n),
        np.fromiter((e.parent for e in seg.elems), np.int64, m),
    )


def _window_sum(v: np.ndarray, h: int) -> np.ndarray:
    """Sum of v[i-h .. i+h], clipped at the ends."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = len(v)
    i = np.arange(n)
    return c[np.minimum(i + h + 1, n)] - c[np.maximum(i - h, 0)]


def context_from_arrays(chars: np.ndarray, elem_idx: np.ndarray, parent: np.ndarray, p: np.ndarray) -> np.ndarray:
    n = len(chars)
    C = np.zeros((n, len(CONTEXT_NAMES)), dtype=np.float32)
    if n == 0:
        return C
    m = len(parent)
    chars = chars + 1.0
    C[:, 0] = p
    col = 1
    for o in CONTEXT_OFFSETS:
        src = np.arange(n) + o
        ok = (src >= 0) & (src < n)
        C[:, col] = np.where(ok, p[np.clip(src, 0, n - 1)], -1)
        col += 1
    # Text-weighted mean over a window of 11 blocks.
    C[:, col] = _window_sum(chars * p, 5) / _window_sum(chars, 5)
    col += 1
    sp = np.bincount(elem_idx, weights=chars * p, minlength=m)
    sw = np.bincount(elem_idx, weights=chars, minlength=m)
    C[:, col] = (sp / np.maximum(sw, 1e-9))[elem_idx]
    col += 1
    # Subtree sums: children have larger indices than their parents.
    tp, tw = sp.copy(), sw.copy()
    par = parent.tolist()
    for j in range(m - 1, 0, -1):
        q = par[j]
        if q >= 0:
            tp[q] += tp[j]
            tw[q] += tw[j]
    mean_sub = tp / np.maximum(tw, 1e-9)
    a = parent[elem_idx]
    for _ in range(3):
        ok = a >= 0
        ac = np.where(ok, a, 0)
        C[:, col] = np.where(ok, mean_sub[ac], -1)
        a = np.where(ok, parent[ac], -1)
        col += 1
    C[:, col] = float((chars * p).sum() / chars.sum())
    C[:, col + 1] = float(chars[p >= 0.5].sum() / chars.sum())
    return C
