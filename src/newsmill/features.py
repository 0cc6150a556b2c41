"""Block features for the content scorer, computed from the segmentation alone.

One row per block. Container statistics were summed bottom-up by ``segment``; here we only
read them, walking each block's ancestor chain a few steps.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .segment import FLAG_NAMES, KIND_ID, SEM_NAMES, Segmentation

# Phrases of page furniture; plain substring tests on lower-cased text are much faster
# than one large case-insensitive regex.
_BOILER_PHRASES = (
    "©", "all rights reserved", "copyright", "cookie", "subscribe", "sign up", "sign in", "log in",
    "login", "newsletter", "share this", "share on", "follow us", "read more", "comment",
    "privacy policy", "terms of use", "terms of service", "advertisement", "related posts",
    "related articles", "related stories", "skip to", "click here",
)
# One alternation is faster than the substring loop on short text, slower on long text.
_BOILER_RX = re.compile("|".join(map(re.escape, _BOILER_PHRASES)))
_BOILER_RX_MAX = 100
_DATE_TEXT = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+ (?:min|hour|day|week)s? ago\b"
)
_WORD = re.compile(r"\w+")
# Function words: prose is full of them, menus and link lists are not (the jusText insight).
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
    """.split()
)
_IS_STOP = STOPWORDS.__contains__
_DIGIT = re.compile(r"\d")

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
    "u_article": re.compile(r"/(?:news|blog|articles?|posts?|story|stories|20\d\d)/", re.I),
}
_ITEMTYPE = re.compile(r'itemtype="https?://schema\.org/(\w+)"')


def page_signals(html: str, url: str | None, ld_types: set[str], og_type: str | None) -> list[float]:
    """Binary hints of the page type: schema.org types (JSON-LD already parsed, microdata),
    og:type, URL shape."""
    types = set(ld_types)
    if "itemtype" in html:
        types.update(_ITEMTYPE.findall(html))
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


def best_container(seg: Segmentation) -> int:
    """The element with the most good paragraph text below it (readability-style)."""
    best, best_score = 0, -1.0
    for i, e in enumerate(seg.elems):
        if e.para_score > best_score:
            best, best_score = i, e.para_score
    return best


def _elem_arrays(seg: Segmentation) -> dict[str, np.ndarray]:
    elems = seg.elems
    m = len(elems)
    total = max(seg.total_chars, 1)
    root_para = max(elems[0].para_score, 1e-9) if elems else 1.0
    chars = np.fromiter((e.chars for e in elems), np.float32, m)
    links = np.fromiter((e.link_chars for e in elems), np.float32, m)
    return {
        "parent": np.fromiter((e.parent for e in elems), np.int64, m),
        "depth": np.fromiter((e.depth for e in elems), np.float32, m),
        "log_same_sig": np.log1p(np.fromiter((e.same_sig_siblings for e in elems), np.float32, m)),
        "frac": chars / total,
        "ld": links / np.maximum(chars, 1),
        "log_blocks": np.log1p(np.fromiter((e.nblocks for e in elems), np.float32, m)),
        "nelems": np.fromiter((e.nelems for e in elems), np.float32, m),
        "para": np.fromiter((e.para_score for e in elems), np.float32, m) / root_para,
        "flags": np.fromiter((e.flags for e in elems), np.int64, m),
        "iflags": np.fromiter((e.iflags for e in elems), np.int64, m),
        "isem": np.fromiter((e.isem for e in elems), np.int64, m),
    }


def _bits(values: np.ndarray, n: int) -> np.ndarray:
    return ((values[:, None] >> np.arange(n)) & 1).astype(np.float32)


def block_features(
    seg: Segmentation,
    title_tokens: set[str] | None = None,
    body_tokens: set[str] | None = None,
    page_hints: list[float] | None = None,
) -> np.ndarray:
    blocks = seg.blocks
    elems = seg.elems
    n = len(blocks)
    X = np.zeros((n, N_FEATURES), dtype=np.float32)
    if n == 0:
        return X
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

    # Text features: the only per-block Python loop.
    want_toks = bool(title_tokens or body_tokens)
    rows = []
    elem_idx = np.empty(n, dtype=np.int64)
    for i, b in enumerate(blocks):
        text = b.text
        elem_idx[i] = b.elem
        ch = max(b.chars, 1)
        nwords = text.count(" ") + 1
        head = text[:200]
        title_ov, body_ov = 0.0, -1.0
        toks = _WORD.findall(text.lower())
        nstop = sum(map(_IS_STOP, toks))
        if want_toks:
            if toks and title_tokens:
                st = set(toks)
                inter = len(st & title_tokens)
                title_ov = inter / max(len(st) + len(title_tokens) - inter, 1)  # Jaccard
            if toks and body_tokens:
                body_ov = sum(map(body_tokens.__contains__, toks)) / len(toks)
        ndig = len(_DIGIT.findall(head))
        short = b.chars < 400
        low = text.lower() if short else ""
        rows.append((
            KIND_ID[b.kind], b.level, math.log1p(b.chars), math.log1p(nwords), b.link_chars / ch,
            text.count(". ") + text.count("? ") + text.count("! ") + (text[-1] in ".?!\"”'"),
            text.count(","),
            text[-1] in ".?!:\"”'",
            text[0].isupper(),
            ndig / min(ch, 200),
            ch / nwords,
            i / n,
            b.in_quote, b.in_pre,
            short and (
                _BOILER_RX.search(low) is not None if b.chars < _BOILER_RX_MAX
                else any(k in low for k in _BOILER_PHRASES)
            ),
            ndig > 0 and b.chars < 80 and _DATE_TEXT.search(low) is not None,
            title_ov, body_ov,
            nstop / len(toks) if toks else 0.0, math.log1p(nstop),
            b.chars,
        ))
    T = np.asarray(rows, dtype=np.float32)
    put(T[:, :12])
    cum = np.concatenate(([0.0], np.cumsum(T[:, 20])[:-1])) / total
    put(cum.astype(np.float32))
    put(T[:, 12:20])

    E = _elem_arrays(seg)
    put(E["depth"][elem_idx])
    put(E["log_same_sig"][elem_idx])
    put(E["frac"][elem_idx])
    put(E["ld"][elem_idx])
    put(E["log_blocks"][elem_idx])
    put(E["nelems"][elem_idx])
    nflags = len(FLAG_NAMES)
    put(_bits(E["flags"][elem_idx], nflags))
    put(_bits(E["iflags"][elem_idx], nflags))
    put(_bits(E["isem"][elem_idx], len(SEM_NAMES)))
    parent = E["parent"]
    a = parent[elem_idx]
    for _ in range(ANCESTOR_LEVELS):
        ok = a >= 0
        ac = np.where(ok, a, 0)
        for key in ("frac", "ld", "log_blocks", "log_same_sig", "para"):
            put(np.where(ok, E[key][ac], 0.0))
        a = np.where(ok, parent[ac], -1)

    # The best container and the elements inside it (parents precede children).
    m = len(elems)
    best = best_container(seg)
    inside = np.zeros(m, dtype=bool)
    depth_in = np.full(m, -1.0, dtype=np.float32)
    inside[best] = True
    depth_in[best] = 0
    in_parent = np.zeros(m, dtype=bool)
    bp = elems[best].parent
    if bp >= 0:
        in_parent[bp] = True
    par = parent.tolist()
    # Python lists: indexing numpy scalars one by one is several times slower.
    ins, dep, inp = inside.tolist(), depth_in.tolist(), in_parent.tolist()
    for j in range(best + 1, m):
        p = par[j]
        if p >= 0 and ins[p]:
            ins[j] = True
            dep[j] = dep[p] + 1
    if bp >= 0:
        for j in range(bp + 1, m):
            p = par[j]
            if p >= 0 and inp[p]:
                inp[j] = True
    inside = np.array(ins, dtype=bool)
    depth_in = np.array(dep, dtype=np.float32)
    in_parent = np.array(inp, dtype=bool)
    put(inside[elem_idx].astype(np.float32))
    put((in_parent[elem_idx] & ~inside[elem_idx]).astype(np.float32))
    put(depth_in[elem_idx])
    put(E["frac"][best])
    put(E["para"][best])

    # Repeated siblings (posts, cards, sections) that together hold the page's text.
    groups: dict[tuple[int, str], list[int]] = {}
    for j, e in enumerate(elems):
        if e.same_sig_siblings:
            groups.setdefault((e.parent, e.sig), []).append(j)
    para, frac = E["para"], E["frac"]
    own_para = np.zeros(m, dtype=np.float32)
    own_frac = np.zeros(m, dtype=np.float32)
    own_cnt = np.zeros(m, dtype=np.float32)
    best_g: list[int] = []
    best_gp = 0.0
    for members in groups.values():
        gp = float(para[members].sum())
        own_para[members] = gp
        own_frac[members] = frac[members].sum()
        own_cnt[members] = len(members)
        if gp > best_gp:
            best_gp, best_g = gp, members
    rp, rf, rc = own_para.tolist(), own_frac.tolist(), own_cnt.tolist()
    bg = [False] * m
    for j in best_g:
        bg[j] = True
    for j in range(1, m):
        p = par[j]
        if p >= 0:
            if rp[p] > rp[j]:
                rp[j], rf[j], rc[j] = rp[p], rf[p], rc[p]
            if bg[p]:
                bg[j] = True
    rep_para = np.array(rp, dtype=np.float32)
    rep_frac = np.array(rf, dtype=np.float32)
    rep_cnt = np.array(rc, dtype=np.float32)
    in_bg = np.array(bg, dtype=bool)
    put(rep_para[elem_idx])
    put(rep_frac[elem_idx])
    put(np.log1p(rep_cnt[elem_idx]))
    put(in_bg[elem_idx].astype(np.float32))
    put(best_gp)
    put(math.log1p(len(best_g)))
    put(np.asarray(page_hints or [0.0] * len(PAGE_SIGNALS), dtype=np.float32)[None, :].repeat(n, 0))

    # Neighbours: size, link density, same element, kind.
    log_chars = T[:, 2]
    ld = T[:, 4]
    kind = T[:, 0]
    for o in NEIGHBOUR_OFFSETS:
        src = np.arange(n) + o
        ok = (src >= 0) & (src < n)
        srcc = np.clip(src, 0, n - 1)
        put(np.where(ok, log_chars[srcc], -1))
        put(np.where(ok, ld[srcc], -1))
        put(np.where(ok, (elem_idx[srcc] == elem_idx).astype(np.float32), -1))
        put(np.where(ok, kind[srcc], -1))
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
