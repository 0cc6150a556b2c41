"""Features of the lines of a flattened page, for telling the story from the boilerplate.

A flattened page has lost its markup, so each line is judged by its own shape (length,
punctuation, sentence shape, capitalization, stop-word ratio, widget-phrase patterns) and by
where it sits: before, inside or after the page's longest run of prose, the "core".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

# Function words of the languages news pages are mostly written in: prose has many of them,
# menus, labels and link lists have few.
STOPWORDS = frozenset(
    # English
    "a about after again against all also an and any are as at be because been before being "
    "between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers him his how i if in into is it its just may me might more "
    "most must my no nor not now of off on once only or other our out over own same she should "
    "so some such than that the their them then there these they this those through to too under "
    "until up very was we were what when where which while who whom why will with would you your "
    # German
    "der die das und ist nicht ein eine einer einen dem den des mit sich auf für von zu im auch "
    "wird werden sind war wie bei oder aber nach aus noch wenn nur kann über "
    # French
    "le la les un une des du et est pas que qui dans pour sur par au aux ce cette il elle ils "
    "sont avec plus ne se ou mais comme été "
    # Spanish, Portuguese, Italian
    "el los las y es en por con para una del al lo su se como más pero sus le ya o este "
    "os as um uma do da dos das em não com mais foi ao il di che non per sono della gli "
    # Dutch
    "de het een en van ik te dat die in zijn op aan met als voor niet er maar om ook".split()
)

# Widget, navigation and footer phrases, in the several forms sites write them.
_WIDGET_PATTERNS = [
    r"(?:like|follow|find|join|connect with|friend) us(?: on| at)?\b",
    r"share (?:this|on|via|the|article|story|post|page)\b",
    r"^(?:share|tweet|pin it|email|print|save|copy link|reply|comment|comments|like|follow|"
    r"subscribe|sign in|sign up|log ?in|log ?out|register|menu|search|home|close|next|previous|"
    r"prev|more|back|top|loading\.*|advertisement|advertising|sponsored|ad|ads|view all|see all|"
    r"show more|load more|read more|continue reading|watch|listen|play|skip)\W*$",
    r"\b(?:make|set)\b.{0,40}\byour (?:home ?page|start ?page)\b",
    r"\bdownload (?:our|the) app\b",
    r"\b(?:subscribe|sign up) (?:to|for) (?:our|the)\b",
    r"\bnewsletters?\b",
    r"\bskip to (?:main )?(?:content|navigation|main)\b",
    r"\bback to top\b",
    r"\ball rights reserved\b",
    r"(?:^|\s)(?:©|\(c\)|copyright\b)",
    r"\bprivacy (?:policy|notice|settings)\b",
    r"\bterms (?:of (?:use|service)|and conditions|& conditions)\b",
    r"\bcookies?\b",
    r"\b(?:related|recommended|popular|trending|latest|top) (?:articles|stories|posts|news|videos)\b",
    r"\byou may (?:also )?like\b",
    r"\bmost (?:read|popular|viewed|shared)\b",
    r"\bclick here\b",
    r"\b(?:real[- ]?time )?analytics\d*\b",
    r"\bmin(?:ute)?s? read\b",
    r"\b(?:leave|post|add) a (?:comment|reply)\b",
    r"\b\d+ (?:comments?|replies|views|shares|likes)\b",
    r"\b(?:facebook|twitter|linkedin|whatsapp|pinterest|instagram|youtube|tiktok|reddit|telegram)\b",
    r"\b(?:filed under|posted in|tags?|categories|topics)\s*:",
    r"\bjavascript\b",
    r"\breport (?:this|an?) (?:ad|comment|article|error|typo)\b",
]
WIDGET_RE = re.compile("|".join(f"(?:{p})" for p in _WIDGET_PATTERNS), re.IGNORECASE)

# Calls to action: a line that is only one of these is never part of a story.
CTA_RE = re.compile(
    r"^(?:please\s+)?(?:like|follow|find|join|connect with|friend) us\b|^share (?:this|on|via)\b|"
    r"\b(?:make|set)\b.{0,40}\byour (?:home ?page|start ?page)\b|"
    r"^(?:subscribe|sign up)\b.{0,40}\b(?:newsletter|updates|alerts|channel)\b|"
    r"\bdownload (?:our|the) app\b|^skip to\b|^back to top\b|"
    r"^(?:advertisement|sponsored content|story continues below|continue reading below)\b",
    re.IGNORECASE,
)

# Photo captions with their credit, in the usual forms.
_CREDIT_WORDS = r"(?:photo|photograph|image|picture|pic|credit|foto|source|illustration|video|graphic)s?"
CAPTION_RE = re.compile(
    rf"^\(\s*{_CREDIT_WORDS}\s*(?:credit)?\s*[:/\-]\s*(?P<credit1>[^)]{{1,80}})\)\s*(?P<cap1>.*)$"
    rf"|^(?P<cap2>.+?)\s*[\(\[]\s*(?:{_CREDIT_WORDS}\s*(?:credit)?\s*[:/\-]\s*)(?P<credit2>[^)\]]{{1,80}})[\)\]]\s*\.?$"
    rf"|^(?P<cap3>.+?[.!?])\s+{_CREDIT_WORDS}\s*(?:credit)?\s*:\s*(?P<credit3>[^.]{{1,80}})\.?$"
    rf"|^{_CREDIT_WORDS}\s*(?:credit)?\s*:\s*(?P<credit4>[^.]{{1,60}})$"
    r"|^(?P<cap5>.+?[.!?])\s+\((?P<credit5>(?:AP|AFP|EPA|Reuters|Getty|UPI|Xinhua|dpa)[^)]{0,80})\)\s*$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·»«›‹>/\\]")
_SENT_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_INNER_SENT = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-ZÀ-Ý]")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.IGNORECASE,
)
_URLISH = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(?:com|org|net)\b", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•·▪►–—]|\d{1,3}[.)]|[a-z][.)])\s", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_CAPTION_MAX = 600
_SEARCH_MAX = 1000


def split_lines(text: str) -> list[str]:
    """The page's non-empty lines, each with its spacing collapsed."""
    out = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if line:
            out.append(line)
    return out


def words(line: str) -> list[str]:
    return [w for w in _WORD.findall(line) if not w.isdigit()]


@dataclass(slots=True)
class LineShape:
    """One line's own shape, before any context."""

    text: str
    n_chars: int
    n_words: int
    n_tokens: int
    stop_ratio: float
    cap_ratio: float
    allcaps_ratio: float
    ends_sentence: bool
    ends_colon: bool
    inner_sentences: int
    commas: int
    digit_ratio: float
    punct_ratio: float
    separators: int
    widget: bool
    cta: bool
    caption: bool
    date: bool
    clock: bool
    urlish: bool
    bullet: bool

    @property
    def prose(self) -> bool:
        """Reads as running text: enough words, function words among them, a sentence shape."""
        return (
            self.n_words >= 8
            and self.stop_ratio >= 0.15
            and (self.ends_sentence or self.n_words >= 20 or self.inner_sentences > 0)
            and not (self.widget and self.n_words < 15)
        )


def shape(line: str) -> LineShape:
    toks = _WORD.findall(line)
    ws = [w for w in toks if not w.isdigit()]
    n_words = len(ws)
    alpha = [w for w in ws if w[0].isalpha()]
    lower = [w.lower() for w in ws]
    n_chars = len(line)
    digits = sum(c.isdigit() for c in line)
    punct = sum((not c.isalnum()) and not c.isspace() for c in line)
    head = line[:_SEARCH_MAX]
    return LineShape(
        text=line,
        n_chars=n_chars,
        n_words=n_words,
        n_tokens=len(toks),
        stop_ratio=sum(w in STOPWORDS for w in lower) / n_words if n_words else 0.0,
        cap_ratio=sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0,
        allcaps_ratio=sum(w.isupper() and len(w) > 1 for w in alpha) / len(alpha) if alpha else 0.0,
        ends_sentence=bool(_SENT_END.search(line)),
        ends_colon=line.endswith(":"),
        inner_sentences=len(_INNER_SENT.findall(line)),
        commas=line.count(","),
        digit_ratio=digits / n_chars if n_chars else 0.0,
        punct_ratio=punct / n_chars if n_chars else 0.0,
        separators=len(_SEPARATORS.findall(line)),
        widget=n_words <= 25 and bool(WIDGET_RE.search(line)),
        cta=n_words <= 8 and bool(CTA_RE.search(line)),
        # Long lines are never captions; and only a long line's start is searched for
        # dates and links, which keeps every check linear in the line's length.
        caption=n_chars <= _CAPTION_MAX and bool(CAPTION_RE.match(line)),
        date=bool(_DATE.search(head)),
        clock=bool(_CLOCK.search(head)),
        urlish=bool(_URLISH.search(head)),
        bullet=bool(_BULLET.match(line)),
    )


def line_score(s: LineShape) -> float:
    """Contribution of a line to a run of prose: words if prose, a cost otherwise."""
    if s.prose:
        return float(s.n_words)
    if s.widget:
        return -4.0 - s.n_words
    # Short headings and list items inside a story cost little; long non-prose lines
    # (link lists, menus written out) cost their length.
    return -1.5 - 0.5 * s.n_words


def core_span(shapes: list[LineShape]) -> tuple[int, int]:
    """The run of lines [a, b) with the largest total score (maximum subarray)."""
    best, best_a, best_b = -math.inf, 0, 0
    cur, a = 0.0, 0
    for i, s in enumerate(shapes):
        v = line_score(s)
        if cur <= 0:
            cur, a = v, i
        else:
            cur += v
        if cur > best:
            best, best_a, best_b = cur, a, i + 1
    if best <= 0:
        return 0, 0
    return best_a, best_b


def _norm_line(line: str) -> str:
    return re.sub(r"\d+", "0", line.lower())


FEATURE_NAMES = [
    "log_chars", "log_words", "avg_word_len", "ends_sentence", "ends_colon", "inner_sentences",
    "comma_rate", "stop_ratio", "cap_ratio", "allcaps_ratio", "digit_ratio", "punct_ratio",
    "separators", "widget", "caption", "date", "clock", "urlish", "bullet", "prose",
    "rel_pos", "mass_before", "mass_after", "in_core", "before_core", "after_core",
    "dist_core", "core_share", "log_lines", "dup", "prev_prose", "next_prose", "prev_words",
    "next_words", "win_prose", "win_words", "next_is_prose_start", "heading_like",
    "words_vs_core", "prev_widget", "next_widget", "dist_prev_prose", "dist_next_prose", "cta",
]


def features(lines: list[str]) -> tuple[np.ndarray, list[LineShape], tuple[int, int]]:
    """The feature matrix (one row per line, columns ``FEATURE_NAMES``), shapes and core."""
    shapes = [shape(ln) for ln in lines]
    n = len(shapes)
    X = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if n == 0:
        return X, shapes, (0, 0)
    a, b = core_span(shapes)
    nw = np.array([s.n_words for s in shapes], dtype=np.float64)
    prose = np.array([s.prose for s in shapes], dtype=np.float64)
    total = nw.sum() or 1.0
    cum = np.cumsum(nw) - nw
    core_words = nw[a:b].sum()
    core_prose = [s.n_words for s in shapes[a:b] if s.prose]
    core_mean = float(np.mean(core_prose)) if core_prose else 1.0
    keys = [_norm_line(ln) for ln in lines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    prose_idx = np.flatnonzero(prose)
    # Means over the window of 3 lines either side, from cumulative sums.
    idx = np.arange(n)
    lo_w, hi_w = np.maximum(0, idx - 3), np.minimum(n, idx + 4)
    cs_p = np.concatenate([[0.0], np.cumsum(prose)])
    cs_w = np.concatenate([[0.0], np.cumsum(nw)])
    win_prose = (cs_p[hi_w] - cs_p[lo_w]) / (hi_w - lo_w)
    win_words = np.log1p((cs_w[hi_w] - cs_w[lo_w]) / (hi_w - lo_w))
    for i, s in enumerate(shapes):
        if prose_idx.size:
            j = np.searchsorted(prose_idx, i)
            d_prev = i - prose_idx[j - 1] if j > 0 and prose_idx[j - 1] < i else 50
            k = np.searchsorted(prose_idx, i, side="right")
            d_next = prose_idx[k] - i if k < prose_idx.size else 50
        else:
            d_prev = d_next = 50
        if a <= i < b:
            dist = 0
        elif i < a:
            dist = a - i
        else:
            dist = i - b + 1
        nxt = shapes[i + 1] if i + 1 < n else None
        prv = shapes[i - 1] if i > 0 else None
        heading_like = (
            2 <= s.n_words <= 20 and not s.ends_sentence and s.cap_ratio >= 0.5
            and nxt is not None and nxt.prose
        )
        X[i] = (
            math.log1p(s.n_chars),
            math.log1p(s.n_words),
            (s.n_chars / s.n_tokens) if s.n_tokens else 0.0,
            s.ends_sentence,
            s.ends_colon,
            min(s.inner_sentences, 10),
            s.commas / s.n_words if s.n_words else 0.0,
            s.stop_ratio,
            s.cap_ratio,
            s.allcaps_ratio,
            s.digit_ratio,
            s.punct_ratio,
            min(s.separators, 10),
            s.widget,
            s.caption,
            s.date,
            s.clock,
            s.urlish,
            s.bullet,
            s.prose,
            i / max(1, n - 1),
            cum[i] / total,
            (total - cum[i] - nw[i]) / total,
            a <= i < b,
            i < a,
            i >= b,
            math.log1p(dist),
            core_words / total,
            math.log1p(n),
            min(counts[keys[i]], 10),
            prv.prose if prv else 0.0,
            nxt.prose if nxt else 0.0,
            math.log1p(prv.n_words) if prv else 0.0,
            math.log1p(nxt.n_words) if nxt else 0.0,
            win_prose[i],
            win_words[i],
            bool(nxt is not None and nxt.prose and not s.prose),
            heading_like,
            s.n_words / core_mean,
            prv.widget if prv else 0.0,
            nxt.widget if nxt else 0.0,
            math.log1p(d_prev),
            math.log1p(d_next),
            s.cta,
        )
    return X, shapes, (a, b)
