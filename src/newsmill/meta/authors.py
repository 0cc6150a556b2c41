"""Author names: split bylines into people, drop UI strings, roles and organisations."""

from __future__ import annotations

import html
import re

from .candidates import norm_key
from .dates import find_dates

_WS = re.compile(r"\s+")

# Chinese and Japanese author labels ("作者：张伟"); at a line's start also "筆者", "文/".
_CJK_LABELS = ("作者", "记者", "記者", "撰文", "著者")
CJK_AUTHOR_LABEL = "(?:" + "|".join(_CJK_LABELS) + ")"
CJK_LINE_LABEL = "(?:" + "|".join((*_CJK_LABELS, "筆者", "文")) + ")"
_PREFIX = re.compile(
    r"^(?:(?:written|posted|reviewed|edited|reported|story|words|text|photos?|compiled|"
    r"published|article|interview|authored|started|created|asked|submitted|"
    r"rédigé|écrit|publié|geschrieben|verfasst|escrito|publicado|scritto|geschreven)\s+)?"
    r"(?:by|par|von|por|di|door|av|af|from|بقلم)\b\s*:?\s*|"
    r"^(?:authors?|autor(?:in|en|es)?|auteure?s?|autore|writer|byline|posted by|written by|"
    r"escrito por|contributors?|thread starter|topic starter|original poster|автор(?:ы)?|текст)"
    r"\s*[:：]?\s+|"
    # "Text: Jane Doe", "Texto: María López", "Tekst: Jan de Vries": with the colon only.
    r"^(?:text|texto|tekst|testo|texte)\s*[:：]\s*|"
    # Chinese and Japanese: "作者：张伟", "记者：李娜", "文/王强" (no space after the label).
    r"^" + CJK_LINE_LABEL + r"\s*[:：/／]\s*|"
    # Japanese "記者 佐藤美咲": a reporter's label, then a space.
    r"^(?:記者|记者)\s+|"
    # Romanian "de Andrei Popescu", Greek "Της Μαρίας Κωνσταντίνου" / "Του …": lower-case "de"
    # (a particle inside names) only before two capitalised words.
    r"^(?-i:de)\s+(?=(?-i:[A-ZÀ-ÝĂÂÎȘȚŞŢ])\w*\s+(?-i:[A-ZÀ-ÝĂÂÎȘȚŞŢ]))|^(?:της|του)\s+(?=\w+\s+\w)",
    re.IGNORECASE,
)
# Where a byline stops being a name: "Updated", "on Friday", "on behalf of", "in Science".
_TAIL = re.compile(
    r"\s*(?:\(|\[|\bon\s+(?:behalf\b|\w+day\b|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|\d)|\bupdated\b|\bpublished\b|\bposted\b|"
    r"\blast (?:updated|modified)\b|\bmis à jour\b|\bpublié\b|\baktualisiert\b|\bactualizado\b|"
    r"\b\d{1,2}[:/.]\d{1,2}\b|\b(?:19|20)\d\d\b|\bmin(?:ute)?s? read\b|\bread(?:ing)? time\b|"
    r"\b\d+\s+(?:min|hour|day|week|month|year)s?\b|\s+in\s+(?-i:[A-Z])|\s+for\s+(?-i:[A-Z])|\s+at\s+\d|"
    # "Posted by Jane Doe at <date>": the date is cut out first, its "at" stays behind.
    # ("on" stays: "by Vaughn on <date>" is a shopper's review more often than a story's byline.)
    r"\s+at$)",
    re.IGNORECASE,
)
# Pieces of a byline line: "Dec. 19, 2025 · Jane Doe | Reuters".
_PIECES = re.compile(r"\s*(?:[|｜•·◆●▪∙⋅・‧»—–]|\s-\s|/\s|\n|\s{3,})\s*")
# "... by Jane Doe" inside a line ("Published August 7, 2023 by Jane Doe").
_BY_INSIDE = re.compile(
    r"(?:^|[\s,;|·•'])(?:(?:by|par|von|por)\s*:?\s+|" + CJK_AUTHOR_LABEL + r"\s*[:：]\s*)(?=\S)",
    re.IGNORECASE,
)
_RTL_LETTER = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PLACEHOLDER = re.compile(r"[{}%<>]|^[a-z_]+(?:\.[a-z_]+){2,}$")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}(?:\s|$)")
# Korean bylines put the role after the name: "김민수 기자", "김민수 특파원".
_KO_REPORTER = re.compile(r"(?<![가-힣])([가-힣]{2,4})\s*(?:기자|특파원|선임기자|통신원)(?![가-힣])")
_FOR_OUTLET = re.compile(r"(?<=\w)\s+(?i:for)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}$")
_BY_GERUND = re.compile(r"(?i:by)\s+[a-z]+ing\s+\w")
_MULTI = re.compile(r",|\band\b|&|;|\s+ו(?=[\u05d0-\u05ea]{2})")
# (Hebrew joins the last name with the prefix "ו": "מיכל אברהמי ויוסי בן-דוד".)
_SPLIT = re.compile(
    r"\s*(?:,|;|\s&\s|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\bwith\b)\s*|\s+ו(?=[\u05d0-\u05ea]{2})", re.IGNORECASE
)

# Not names: interface labels, role titles, degrees.
_UI = frozenset(
    "email e-mail mail follow following unfollow share tweet twitter facebook linkedin instagram "
    "profile bio biography contact subscribe sign login view all posts articles stories more read "
    "see about the author authors guest comments comment reply print save menu close open home "
    "search hours hour minutes ago days yesterday today loading advertisement sponsored newsletter "
    "website visit page click here contributors contributor admin administrator webmaster editor "
    "editors editorial staff team desk writer writers reporter reporters correspondent columnist "
    "journalist photographer producer senior associate managing chief deputy executive assistant "
    "contributing freelance special intern analyst founder ceo cto president director manager "
    "head lead expert specialist reviewer reviewed fact checked checker medically updated posted "
    "published by unknown anonymous n/a na none null undefined user member moderator mod "
    "verified official support customer service report reports wire wires agencies permalink "
    "trackback trackbacks pingback name authorized dealer retailer publicado publicada publié publiée "
    "veröffentlicht publicerad publiceret publisert pubblicato gepubliceerd "
    "الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()  # weekdays left by a cut date
)
_DEGREES = re.compile(
    r"^(?:[A-Z]{2,6}|Ph\.?\s?D\.?|M\.?D\.?|M\.?S\.?|B\.?A\.?|M\.?A\.?|R\.?N\.?|Jr\.?|Sr\.?|"
    r"I{2,3}|IV|Esq\.?|MBA|CPA|CFA|CFP|RD|LD|MPH|DVM|FACP)$"
)
_ORG_WORDS = frozenset(
    "news press media staff team desk editorial editors inc inc. llc ltd ltd. gmbh corp corp. "
    "corporation company co. group agency network magazine journal times post daily tribune "
    "herald gazette radio tv television channel university college institute foundation "
    "association society council department ministry administration services solutions "
    "official online digital studio studios labs lab publishing publications reuters afp ap "
    "bloomberg wire newsroom blog forum forums community club partners international "
    "global consulting marketing agency's health clinic hospital center centre "
    "redacción redaccion rédaction redaktion redazione redactie redação".split()  # the newsroom
)
# Newspapers' names, before a staff role ("Sentinel staff writers").
_MASTHEAD_WORDS = frozenset(
    "courier sentinel herald tribune gazette times post chronicle examiner observer dispatch "
    "journal register ledger bulletin inquirer independent telegraph record star daily".split()
)
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
# Words that never stand inside a name: a sentence caught by a byline selector.
_STOP = frozenset(
    "as is was are at to in on the a an has have had who which that this from with for our "
    "your my his her their its it we i you he she they be been will can".split()
)
_ROLE_LABEL = re.compile(r"^[^\W\d_][\w ]{0,20}:\s")
# A forum handle, or a Chinese name of two to four characters (after an explicit label).
_HANDLE = re.compile(r"^(?:[\w.\-]{3,30}|[\u3400-\u9fff]{2,4})$")
_URLISH = re.compile(r"https?://|www\.|\.com\b|\.org\b|@|/")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_PARTICLES = frozenset(
    "van von de da di del della der den du dos das la le ter ten bin al el st st. y e of".split()
)


def _trim_words(words: list[str]) -> list[str]:
    """Drop degrees, avatar initials and UI/role words around a name ("Jane Doe Follow",
    "Jane Doe, PhD", "JD Jane Doe")."""
    n = len(words)
    while words and (words[-1].lower().strip(".:") in _UI or _DEGREES.match(words[-1])):
        words = words[:-1]
    if len(words) < n and len(words) >= 3 and words[-1].lower() in _MASTHEAD_WORDS:
        words = words[:-1]  # "Gerald Vance, Courier Staff Writer": the paper's name is the role's
    while words and (words[0].lower().strip(".:") in _UI or (len(words) > 2 and _INITIALS.match(words[0]))):
        words = words[1:]
    return words


def is_org(name: str, orgs: set[str]) -> bool:
    """An organisation: a known site/publisher name that does not read as a person's name, or
    a name with an organisation word ("News", "Staff", "Inc")."""
    words = name.lower().replace(",", " ").split()
    if any(w in _ORG_WORDS for w in words):
        return True
    k = norm_key(name)
    return bool(k and k in orgs and not looks_personal(name))


def looks_personal(name: str) -> bool:
    """Two to four capitalised words ("Rick Steves"): a person, even when it names the site."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        (w[:1].isupper() and _NAME_WORD.match(w)) or w.lower() in _PARTICLES for w in words
    )


def _caps_name(words: list[str]) -> list[str] | None:
    """A wire-style name in capitals, alone or before its affiliation ("JOHN SMITH", "MICHAEL
    R. BLOOD Associated Press Writer"): its words title-cased, or None. Such words are not
    degrees or avatar initials, which _trim_words would take them for."""
    run = 0
    for w in words:
        if not (w.isupper() and _NAME_WORD.match(w) and w.lower() not in _UI and w.lower() not in _ORG_WORDS):
            break
        run += 1
    full = sum(len(w.strip(".")) > 1 for w in words[:run])  # initials alone ("A. J. Neal") are no name
    if 2 <= run <= 4 and full >= 2 and (run == len(words) or not words[run].isupper()):
        return [w.title() for w in words[:run]]
    return None


def clean_name(raw: str, *, strict: bool, orgs: set[str], allow_handle: bool = False) -> str | None:
    """One person's name, or None. ``strict`` (DOM and text) wants capitalised words; a single
    word (a forum handle) passes from structured fields, or after an explicit "By"."""
    s = raw.strip(" \t\n:;,.-–—|｜•·◆●▪∙⋅・‧»()[]\"'“”*")
    if not s or _URLISH.search(s) or _PLACEHOLDER.search(s) or not any(c.isalpha() for c in s):
        return None
    if _ROLE_LABEL.match(s):
        return None  # "design: Scott McDaniel": a credit line, not a byline
    s = _FOR_OUTLET.sub("", s)  # "Gemma Pritchard For Mailonline": the outlet she wrote it for
    words = _caps_name(s.split()) or _trim_words(s.split())
    if not words:
        return None
    name = " ".join(words).strip(" ,.;:")
    if is_org(name, orgs):
        return None
    lw = [w.lower().strip(".,") for w in words]
    if all(w in _UI for w in lw):
        return None
    if len(words) == 1:
        # One word: a forum handle from a structured field or after "By", else not a name.
        if (strict and not allow_handle) or not _HANDLE.match(name) or lw[0] in _UI:
            return None
        return name
    if len(words) > 5 or len(name) > 60:
        return None
    if any(ch.isdigit() for ch in name) and strict:
        return None
    if strict:
        if any(w in _STOP for w in lw[1:]):
            return None
        for w in words:
            if w.lower() in _PARTICLES:
                continue
            # Arabic and Hebrew have no capitals to show a name by. (Chinese and Japanese names
            # have their own path: a run of their characters is as often a phrase.)
            if not _NAME_WORD.match(w) or not (w[0].isupper() or w.isupper() or _RTL_LETTER.match(w)):
                return None
        if sum(1 for w in lw if w in _UI) >= 1:
            return None
    return name


def split_byline(
    raw: str, *, strict: bool = True, orgs: set[str] | None = None, handles: bool = True
) -> list[str]:
    """People named in a byline line: "By A and B | Reuters" -> ["A", "B"]; dates, roles and
    interface words around the names are dropped."""
    orgs = orgs or set()
    s = _WS.sub(" ", html.unescape(raw) if "&" in raw else raw).strip()
    if not s or len(s) > 300:
        return []
    # Dates end or start bylines ("Dec. 19, 2025 · Jane Doe"): cut them out first; so are
    # e-mail addresses ("By Jane Smith<br>jsmith@courier.com").
    for _dv, a, b in reversed(find_dates(s, limit=4)):
        s = s[:a] + " | " + s[b:]
    if "@" in s:
        s = _EMAIL.sub(" | ", s)
    if _BY_GERUND.match(s):
        return []  # "By allowing for fluid transitions, this desk ...": a sentence
    ko = _KO_REPORTER.search(s)
    if ko:
        return [ko.group(1)]  # "김민수 기자 minsu@…": the name, then "reporter"
    explicit = bool(_PREFIX.match(s))
    for piece in _PIECES.split(s):
        piece = piece.strip()
        if not piece:
            continue
        m = _BY_INSIDE.search(piece)
        if m and m.start() > 0:
            piece, explicit = piece[m.end():], True
            if _CJK_NAME.match(piece):
                piece = piece.split()[0]  # "作者：王晓燕 大 中 小": a Chinese name has no space
        elif _PREFIX.match(piece):
            explicit = True
        piece = _PREFIX.sub("", piece, count=1)
        t = _TAIL.search(piece)
        if t and t.start() > 0:
            piece = piece[: t.start()]
        piece = _PREFIX.sub("", piece.strip(), count=1)
        parts = _SPLIT.split(piece)
        multi = [p for p in parts if len(p.split()) > 1]
        if len(parts) > len(multi) and multi and all(is_org(p, orgs) for p in multi):
            continue  # "Thomson Reuters Tax & Accounting": one organisation, not two names
        out: list[str] = []
        seen: set[str] = set()
        for part in parts:
            if out and part[:4].lower() == "the " and part[4:5].isupper():
                continue  # "By Sofia Arancibia, The Highland Dispatch": her paper, not a second name
            name = clean_name(part, strict=strict, orgs=orgs, allow_handle=handles and explicit)
            if name and out and " " not in name and " " in out[0] and not _CJK_NAME.match(name):
                continue  # "Von Katrin Behrens, Leipzig": one word after a full name is a place
            if name:
                k = norm_key(name)
                if k and k not in seen:
                    seen.add(k)
                    out.append(name)
        if out:
            return out[:10]
    return []


def last_first(name: str) -> str:
    """"Roy, Aniruddha" -> "Aniruddha Roy" (citation-style author lists)."""
    last, sep, first = name.partition(",")
    if sep and "," not in first and 1 <= len(last.split()) <= 2 and 1 <= len(first.split()) <= 3:
        first = first.strip()
        if first and not _DEGREES.match(first) and first.lower() not in _UI:
            return f"{first} {last.strip()}"
    return name


def clean_names(values: list[str], *, strict: bool, orgs: set[str]) -> list[str]:
    """Names from a structured list (JSON-LD authors): each entry is one name, not split."""
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        v = _PREFIX.sub("", html.unescape(v).strip(), count=1)
        names = []
        if _MULTI.search(v):
            # "Tomson Highway, From Masculindians": several full names in one field. Parts of
            # one word are a "Last, First" name, kept whole.
            parts = [p for p in _SPLIT.split(v) if p.strip()]
            if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
                names = [n for n in (clean_name(p, strict=strict, orgs=orgs) for p in parts) if n]
        if not names:
            names = [n for n in [clean_name(v, strict=strict, orgs=orgs)] if n]
        if not names and _MULTI.search(v):
            names = split_byline(v, strict=strict, orgs=orgs)
        for n in names:
            k = norm_key(n)
            if k not in seen:
                seen.add(k)
                out.append(n)
    return out
