"""Choose the title among its candidates with a small learned model.

Pages disagree on what their title is: the visible h1 (or one in the site's header, where many
templates put the headline), the part of <title> before the site name, og:title, a JSON-LD headline, each sometimes with a subtitle or a section glued on. Every
source is cleaned (style rules, mojibake, permalink marks, a heading printed twice) and split
on the usual separators; each distinct candidate (ignoring case, punctuation
and spacing) gets features saying where it was seen, how it was derived, how many sources agree
on it, its length and case, and whether it names the site. A CatBoost model trained by
``train/train_title.py`` on wcxb-dev (derived from WCXB, Murrough Foley, 2026, CC-BY-4.0)
scores them; it is exported to ``models/title.json`` and evaluated with numpy, so the runtime
needs no ML library.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import numpy as np

from ..model import Forest, ObliviousForest, load_spec
from .candidates import norm_key
from .context import PageContext, clean
from .jsonld import text_of

# Where a candidate was read from; the order is the feature order.
SOURCES = ("h1first", "h1other", "og", "twitter", "metaother", "head", "ldheadline", "ldname",
           "microdata", "h1aux")
_META_OTHER = ("dc.title", "parsely-title", "sailthru.title")
# Title parts: " | ", " - ", " – ", " — ", " :: ", " · ", " » ", "Title: subtitle".
# Chinese and Japanese titles join their parts without spaces: "标题_新闻中心_站名",
# "标题--人民网", "标题｜站名", "标题 - 站名" is covered above.
CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
CJK_SEP = rf"(?<=[{CJK}])\s*(?:_+|-{{2,}}|－+|—+)\s*(?=[{CJK}])|\s*｜\s*"
# Guillemets separate parts ("Site » Section » Title") and quote speech ("… : « Emissioni
# dimezzate » - Cronache del Lario", German "»Wir hatten Glück«"): a pair's marks are quotes.
_GUILLEMET_PAIR = re.compile(r"«[^«»]{1,200}»|»[^«»]{1,200}«")
_MASKED = str.maketrans("«»", "\ue000\ue001")
_UNMASKED = str.maketrans("\ue000\ue001", "«»")


class TitleSeparators:
    """A title-part separator pattern that leaves guillemets quoting words alone."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx

    @staticmethod
    def _mask(text: str) -> str:
        if "«" not in text or "»" not in text:
            return text
        return _GUILLEMET_PAIR.sub(lambda m: m.group().translate(_MASKED), text)

    def split(self, text: str) -> list[str]:
        masked = self._mask(text)
        parts = self.rx.split(masked)
        return parts if masked is text else [p.translate(_UNMASKED) for p in parts]

    def findall(self, text: str) -> list[str]:
        return self.rx.findall(self._mask(text))

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(self._mask(text))


_PART_SEP = TitleSeparators(re.compile(
    r"\s+(?:\||--?|–|—|::|»|«|·|•|~|/|\\)\s+|\s*(?:\||»|·|•)\s*|(?<=\w)[:：]\s+|" + CJK_SEP
))
_WORDS = re.compile(r"\w+", re.UNICODE)
_NON_ALNUM = re.compile(r"[\W_]+")
# Headings that name a page's furniture, not its story ("Latest news", "Skip to content").
GENERIC_HEADINGS = (
    r"blog|news|home|menu|main menu|navigation|search|"
    r"contact(?: us)?|articles?|posts?|resources|insights|perspectives|updates|stories|"
    r"open menu close menu|skip to (?:main )?content"
)


def generic_heading(extra: str = "") -> re.Pattern[str]:
    return re.compile(rf"^(?:the |our |latest |recent )?(?:{GENERIC_HEADINGS}{extra})\W*$", re.IGNORECASE)


# As a title candidate, error and login pages' headings are furniture too.
_GENERIC = generic_heading(r"|404|page not found|log ?in|sign ?in")
_KINDS = {"": 0, "article": 1, "item": 2, "page": 3}
MAX_SOURCE_CHARS = 400


@dataclass(slots=True)
class Cand:
    """One distinct candidate and where it was seen."""

    text: str
    key: str
    full: set[str] = field(default_factory=set)  # sources whose whole (cleaned) text it is
    part: set[str] = field(default_factory=set)  # sources where it is a separator-split piece
    first_part: bool = False  # the piece before a source's first separator
    last_part: bool = False
    prefix: bool = False  # several leading pieces joined
    stripped: bool = False  # a source less the site name it carried
    min_index: int = 99
    max_parts: int = 1
    raw_of: dict[str, str] = field(default_factory=dict)  # source -> the raw string


def _compact(s: str) -> str:
    return _NON_ALNUM.sub("", s.lower())


def _tokens(s: str) -> set[str]:
    return set(_WORDS.findall(s.lower()))


def _variants(text: str) -> list[tuple[str, str, int, int]]:
    """(piece, how, index, n pieces): the whole text, each separator-split piece, and every
    run of leading and trailing pieces."""
    out = [(text, "full", 0, 1)]
    parts = [p.strip() for p in _PART_SEP.split(text)]
    seps = _PART_SEP.findall(text)
    n = len(parts)
    if n < 2 or n > 12:
        return out
    for i, p in enumerate(parts):
        if p:
            out.append((p, "part", i, n))
    for k in range(2, n):
        pre = parts[0]
        for s, p in zip(seps[: k - 1], parts[1:k], strict=False):
            pre += s + p
        out.append((pre.strip(), "prefix", 0, n))
    for k in range(1, n - 1):
        suf = parts[k]
        for s, p in zip(seps[k:], parts[k + 1 :], strict=False):
            suf += s + p
        out.append((suf.strip(), "suffix", k, n))
    return out


# Text that is not part of a heading's words: CSS rules of styled components (".css-1x{...}"),
# permalink marks ("¶", "#"), and UTF-8 read as Latin-1 ("â\x80\x94" for "—").
_CSS_RULE = re.compile(r"(?<![^\s}])[.#@][^\s{}]*(?:\s+[.#@:>][^\s{}]*)*\{[^{}]*\}")
_PERMALINK = re.compile(r"(?:\s+[#§]|\s*[¶🔗])\s*$")  # not the "#" of "C#"
_PERMALINK_ENDS = frozenset("#§¶🔗 ")
_MOJIBAKE = re.compile(r"[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def _unmojibake(text: str) -> str:
    """UTF-8 bytes that were decoded as Latin-1 or Windows-1252, decoded again."""
    for enc in ("latin-1", "cp1252"):
        try:
            return text.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def clean_title(text: str) -> str:
    """A heading's words without style rules, permalink marks, mojibake or a repeated copy of
    itself (responsive layouts print the same heading two or three times)."""
    if "{" in text:
        text = clean(_CSS_RULE.sub(" ", text))
    if _MOJIBAKE.search(text):
        text = _unmojibake(text)
    if text[-1:] in _PERMALINK_ENDS:
        text = _PERMALINK.sub("", text)
    words = text.split()
    n = len(words)
    for k in (3, 2):
        if n >= 2 * k and n % k == 0:  # a unit of two words at least: "Bora Bora" stays
            unit = n // k
            if words[unit] == words[0] and all(words[i] == words[i % unit] for i in range(n)):
                return " ".join(words[:unit])
    return text


def raw_sources(
    ctx: PageContext, main: dict | None, good_h1: list[str], aux_h1: list[str] | None = None
) -> list[tuple[str, str]]:
    """(source, text) for every place the page states a title. ``aux_h1``: h1s in the site's
    header or naming the site; the first is a candidate of its own source ("h1aux")."""
    out: list[tuple[str, str]] = []
    for i, t in enumerate(good_h1[:3]):
        out.append(("h1first" if i == 0 else "h1other", t))
    if aux_h1:
        out.append(("h1aux", aux_h1[0]))
    for src, key in (("og", "og:title"), ("twitter", "twitter:title")):
        v = clean(ctx.first(key))
        if v:
            out.append((src, v))
    for key in _META_OTHER:
        v = clean(ctx.first(key))
        if v:
            out.append(("metaother", v))
            break
    if ctx.head_title:
        out.append(("head", ctx.head_title))
    if main:
        for src, k in (("ldheadline", "headline"), ("ldname", "name")):
            v = clean(text_of(main.get(k)))
            if v:
                out.append((src, v))
    for prop, v, zone in ctx.microdata:
        if prop == "headline" and zone >= 0:
            out.append(("microdata", clean(v)))
            break
    out = [(s, clean_title(t)) for s, t in out if t]
    return [(s, t[:MAX_SOURCE_CHARS]) for s, t in out if t]


def gather(sources: list[tuple[str, str]], strip: Callable[[str], tuple[str, bool]]) -> list[Cand]:
    """Distinct candidates; ``strip`` removes a leading or trailing site name from a source."""
    cands: dict[str, Cand] = {}
    for src, text in sources:
        variants = _variants(text)
        less_site, removed = strip(text)
        if removed and less_site:
            variants.append((less_site, "stripped", 0, 1))
        for piece, how, idx, n in variants:
            k = norm_key(piece)
            if not k:
                continue
            c = cands.get(k)
            if c is None:
                c = cands[k] = Cand(piece, k)
            c.raw_of.setdefault(src, text)
            if how == "full":
                c.full.add(src)
            elif how == "stripped":
                c.stripped = True
            else:
                c.part.add(src)
                c.first_part |= how == "part" and idx == 0
                c.last_part |= how == "part" and idx == n - 1
                c.prefix |= how == "prefix"
                c.min_index = min(c.min_index, idx)
                c.max_parts = max(c.max_parts, n)
    return list(cands.values())


def feature_names() -> list[str]:
    names = [f"full_{s}" for s in SOURCES] + [f"part_{s}" for s in SOURCES]
    names += [
        "n_full", "n_any", "first_part", "last_part", "prefix", "min_index", "max_parts",
        "chars", "words", "is_site", "has_site", "slug_in_cand", "cand_in_slug", "max_jacc",
        "head_starts", "head_ends", "h1_contains", "in_h1", "cap_ratio", "upper", "generic",
        "kind", "n_h1", "n_sources", "len_vs_head", "has_sep", "len_rank", "has_colon",
        "has_h1", "has_og", "has_ld", "stripped", "head_has_site", "og_has_site", "head_parts",
        "og_type", "url_depth", "has_pubdate", "h1_words", "h1_head_jacc", "cand_h1_jacc",
    ]
    return names


@dataclass(slots=True)
class PageHints:
    """What kind of page this is, as far as the head says: articles title themselves with
    their h1 more often than service or product pages do."""

    og_type: float = 0.0  # 0 none, 1 article, 2 website, 3 product, 4 other
    has_pubdate: float = 0.0
    url_depth: float = 0.0


_OG_TYPES = {"article": 1.0, "website": 2.0, "product": 3.0}


def page_hints(ctx: PageContext, main: dict | None) -> PageHints:
    og = (ctx.first("og:type") or "").strip().lower()
    dated = bool(ctx.first("article:published_time") or (main and main.get("datePublished")))
    return PageHints(_OG_TYPES.get(og, 4.0 if og else 0.0), float(dated))


def featurize(
    cands: list[Cand], sources: list[tuple[str, str]], labels: set[str], url: str | None,
    kind: str, n_h1: int, is_site_fn, page: PageHints,  # type: ignore[no-untyped-def]
) -> np.ndarray:
    src_names = {s for s, _ in sources}
    head = next((t for s, t in sources if s == "head"), "")
    head_c = _compact(head)
    h1 = next((t for s, t in sources if s == "h1first"), "")
    h1_c = _compact(h1)
    path = unquote(urlsplit(url).path) if url else ""
    slug = _tokens(path.replace("-", " ").replace("_", " "))
    page.url_depth = float(len([p for p in path.split("/") if p]))
    src_tokens = [_tokens(t) for _, t in sources]
    head_site = float(any(len(lab) >= 4 and lab in head_c for lab in labels))
    og_c = _compact(next((t for s, t in sources if s == "og"), ""))
    og_site = float(any(len(lab) >= 4 and lab in og_c for lab in labels))
    head_parts = len(_PART_SEP.split(head)) if head else 0
    h1_t, head_t = _tokens(h1), _tokens(head)
    h1_head = len(h1_t & head_t) / max(1, len(h1_t | head_t))
    rank = {n: i for i, n in enumerate(sorted({len(c.key) for c in cands}, reverse=True))}
    rows = []
    for c in cands:
        toks = _tokens(c.text)
        words = c.text.split()
        key = c.key
        has_site = any(len(lab) >= 4 and lab in key and lab != key for lab in labels)
        jacc = 0.0
        for st in src_tokens:
            if toks and st and st != toks:
                jacc = max(jacc, len(toks & st) / len(toks | st))
        caps = sum(1 for w in words if w[:1].isupper()) / max(1, len(words))
        row = [float(s in c.full) for s in SOURCES] + [float(s in c.part) for s in SOURCES]
        row += [
            len(c.full), len(c.full | c.part), float(c.first_part), float(c.last_part),
            float(c.prefix), min(c.min_index, 20), c.max_parts, min(len(c.text), 400), len(words),
            float(is_site_fn(c.text, labels)), float(has_site),
            len(toks & slug) / max(1, len(toks)), len(toks & slug) / max(1, len(slug)), jacc,
            float(bool(head_c) and head_c.startswith(key)), float(bool(head_c) and head_c.endswith(key)),
            float(bool(h1_c) and key in h1_c), float(bool(h1_c) and h1_c in key),
            caps, float(c.text.isupper()), float(bool(_GENERIC.match(c.text))),
            _KINDS.get(kind, 0), n_h1, len(src_names), len(key) / max(1, len(head_c)),
            float(bool(_PART_SEP.search(c.text))), rank[len(key)],
            float(":" in c.text),
            float("h1first" in src_names), float("og" in src_names),
            float("ldheadline" in src_names or "ldname" in src_names),
            float(c.stripped), head_site, og_site, head_parts,
            page.og_type, page.url_depth, page.has_pubdate, len(h1.split()), h1_head,
            len(toks & h1_t) / max(1, len(toks | h1_t)),
        ]
        rows.append(row)
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), _N_FEATURES)


@dataclass(slots=True)
class Chooser:
    forest: ObliviousForest | Forest
    calibration: list[tuple[float, float]]  # (lower probability edge, confidence)

    def confidence(self, prob: float) -> float:
        conf = 0.5 * prob
        for lo, c in self.calibration:
            if prob >= lo:
                conf = c
        return conf


def chooser_from(spec: dict) -> Chooser | None:
    from ..model import make_forest

    if spec.get("feature_names") != feature_names():
        return None  # stale model: the heuristic chooser takes over
    cal = [(float(lo), float(c)) for lo, c in spec.get("calibration", [])]
    return Chooser(make_forest(spec), cal)


@lru_cache(maxsize=1)
def load_model() -> Chooser | None:
    """The packaged chooser, or None when the model file is absent or stale."""
    spec = load_spec("title")
    return chooser_from(spec) if spec is not None else None


def choose(cands: list[Cand], X: np.ndarray, banned: list[bool] | None = None) -> tuple[Cand, float] | None:
    """The best candidate not ``banned`` (unless all are) and its confidence (the held-out
    accuracy of its probability band)."""
    model = load_model()
    if model is None or not cands:
        return None
    p = model.forest.predict(X)
    if banned and any(banned) and not all(banned):
        p = np.where(np.asarray(banned), -1.0, p)
    i = int(np.argmax(p))
    return cands[i], model.confidence(float(p[i]))


_N_FEATURES = len(feature_names())
