"""Block features for the content scorer, computed from the segmentation alone.

One row per block. Container statistics were summed bottom-up by ``segment``; here we only
read them, walking each block's ancestor chain a few steps.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .segment import FLAG_NAMES, KIND_ID, SEM_NAMES, Segmentation

_BOILER_TEXT = re.compile(
    r"©|\ball rights reserved\b|\bcopyright\b|\bcookies?\b|\bsubscribe\b|\bsign (?:up|in)\b|"
    r"\blog ?in\b|\bnewsletter\b|\bshare (?:this|on)\b|\bfollow us\b|\bread more\b|"
    r"\bcomments?\b|\bprivacy policy\b|\bterms of (?:use|service)\b|\badvertisement\b|"
    r"\brelated (?:posts|articles|stories)\b|\bskip to\b|\bclick here\b",
    re.IGNORECASE,
)
_DATE_TEXT = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+ (?:min|hour|day|week)s? ago\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
ANCESTOR_LEVELS = 4

FEATURE_NAMES: list[str] = (
    [
        "page_log_chars", "page_log_blocks", "page_link_density", "page_has_body",
        "kind", "level", "log_chars", "log_words", "link_density", "sent_ends", "commas",
        "ends_punct", "starts_upper", "digit_ratio", "avg_word_len", "pos_frac", "char_pos_frac",
        "in_quote", "in_pre", "boiler_text", "date_text", "title_overlap", "body_overlap",
        "depth", "log_same_sig", "elem_frac", "elem_link_density", "elem_log_blocks", "elem_nelems",
    ]
    + [f"own_{n}" for n in FLAG_NAMES]
    + [f"anc_{n}" for n in FLAG_NAMES]
    + [f"sem_{n}" for n in SEM_NAMES]
    + [f"a{k}_{f}" for k in range(1, ANCESTOR_LEVELS + 1) for f in ("frac", "ld", "log_blocks", "log_same_sig", "para")]
    + ["in_best", "in_best_parent", "best_depth_diff", "best_frac", "best_para_share"]
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


def block_features(
    seg: Segmentation,
    title_tokens: set[str] | None = None,
    body_tokens: set[str] | None = None,
) -> np.ndarray:
    blocks = seg.blocks
    elems = seg.elems
    n = len(blocks)
    X = np.zeros((n, N_FEATURES), dtype=np.float32)
    if n == 0:
        return X
    total = max(seg.total_chars, 1)
    page = [
        math.log1p(seg.total_chars),
        math.log1p(n),
        seg.total_link_chars / total,
        1.0 if body_tokens else 0.0,
    ]
    best = best_container(seg)
    best_e = elems[best]
    best_chain = set()
    j = best
    while j >= 0:
        best_chain.add(j)
        j = elems[j].parent
    best_para = max(best_e.para_score, 1e-9)
    root_para = max(elems[0].para_score, 1e-9)
    nflags = len(FLAG_NAMES)
    nsem = len(SEM_NAMES)
    cum = 0
    rows = []
    for i, b in enumerate(blocks):
        text = b.text
        toks = _WORD.findall(text.lower()) if (title_tokens or body_tokens) else None
        nwords = text.count(" ") + 1
        ch = max(b.chars, 1)
        digits = sum(c.isdigit() for c in text[:200])
        e = elems[b.elem]
        row = page + [
            KIND_ID[b.kind], b.level, math.log1p(b.chars), math.log1p(nwords),
            b.link_chars / ch,
            text.count(". ") + text.count("? ") + text.count("! ") + (text[-1] in ".?!\"”'"),
            text.count(","),
            1.0 if text[-1] in ".?!:\"”'" else 0.0,
            1.0 if text[0].isupper() else 0.0,
            digits / min(ch, 200),
            ch / nwords,
            i / n,
            cum / total,
            float(b.in_quote), float(b.in_pre),
            1.0 if _BOILER_TEXT.search(text) else 0.0,
            1.0 if b.chars < 80 and _DATE_TEXT.search(text) else 0.0,
        ]
        if toks and title_tokens:
            row.append(len(title_tokens.intersection(toks)) / max(len(set(toks) | title_tokens), 1))
        else:
            row.append(0.0)
        if toks and body_tokens:
            row.append(sum(1 for t in toks if t in body_tokens) / len(toks))
        else:
            row.append(-1.0)
        row += [
            e.depth, math.log1p(e.same_sig_siblings), e.chars / total,
            e.link_chars / max(e.chars, 1), math.log1p(e.nblocks), e.nelems,
        ]
        f, fi = e.flags, e.iflags
        row += [(f >> k) & 1 for k in range(nflags)]
        row += [(fi >> k) & 1 for k in range(nflags)]
        si = e.isem
        row += [(si >> k) & 1 for k in range(nsem)]
        a = e.parent
        for _ in range(ANCESTOR_LEVELS):
            if a >= 0:
                ae = elems[a]
                row += [
                    ae.chars / total, ae.link_chars / max(ae.chars, 1), math.log1p(ae.nblocks),
                    math.log1p(ae.same_sig_siblings), ae.para_score / root_para,
                ]
                a = ae.parent
            else:
                row += [0.0, 0.0, 0.0, 0.0, 0.0]
        # Is the block inside the best container?
        j, d, inside = b.elem, 0, 0.0
        while j >= 0:
            if j == best:
                inside = 1.0
                break
            j = elems[j].parent
            d += 1
        in_parent = 0.0
        if not inside and best_e.parent >= 0:
            j = b.elem
            while j >= 0:
                if j == best_e.parent:
                    in_parent = 1.0
                    break
                j = elems[j].parent
        row += [
            inside, in_parent, (e.depth - best_e.depth) if inside else -1.0,
            best_e.chars / total, best_para / root_para,
        ]
        rows.append(row)
        cum += b.chars
    base = np.asarray(rows, dtype=np.float32)
    nb = base.shape[1]
    X[:, :nb] = base
    # Neighbours: size, link density, same element, kind.
    log_chars = base[:, FEATURE_NAMES.index("log_chars")]
    ld = base[:, FEATURE_NAMES.index("link_density")]
    kind = base[:, FEATURE_NAMES.index("kind")]
    elem_ids = np.fromiter((b.elem for b in blocks), dtype=np.int64, count=n)
    col = nb
    for o in NEIGHBOUR_OFFSETS:
        src = np.arange(n) + o
        ok = (src >= 0) & (src < n)
        srcc = np.clip(src, 0, n - 1)
        X[:, col] = np.where(ok, log_chars[srcc], -1)
        X[:, col + 1] = np.where(ok, ld[srcc], -1)
        X[:, col + 2] = np.where(ok, (elem_ids[srcc] == elem_ids).astype(np.float32), -1)
        X[:, col + 3] = np.where(ok, kind[srcc], -1)
        col += 4
    assert col == N_FEATURES
    return X
