"""Bytes to text, the way browsers do it.

Order: byte-order mark, the caller's charset (an HTTP header), ``<meta charset>`` or
``http-equiv`` in the first bytes, detection, then UTF-8 with replacement.

Only the encodings of the WHATWG Encoding Standard are honoured: a label a browser would
not understand (``base64``, ``utf-7``, ``idna``...) counts as no declaration at all.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers prescan 1024 bytes; pages in the wild put the tag later, so look a bit further.
_PRESCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE
)

_SURROGATE = re.compile("[\ud800-\udfff]")

# WHATWG labels Python does not know, or knows under another meaning.
_LABELS = {
    "unicode": "utf-16-le",
    "x-user-defined": "cp1252",
    "x-gbk": "gb18030",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms932": "cp932",
    "windows-874": "cp874",
    "dos-874": "cp874",
    "x-mac-roman": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
    "x-cp1253": "cp1253",
    "x-cp1254": "cp1254",
    "x-cp1255": "cp1255",
    "x-cp1256": "cp1256",
    "x-cp1257": "cp1257",
    "x-cp1258": "cp1258",
    "x-euc-jp": "euc_jp",
    "x-x-big5": "big5hkscs",
}
# Python codec -> the superset a browser actually uses for that label.
_BROWSER_CODEC = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "utf-16": "utf-16-le",
}
# The encodings of the WHATWG Encoding Standard, as Python codec names.
_WEB_CODECS = frozenset(
    ["utf-8", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic"]
    + [f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)]
    + [f"cp{n}" for n in (874, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258)]
    + ["gb18030", "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949"]
)

# windows-1252 as browsers have it: the five bytes Python leaves undefined map to C1 controls.
_C1_HANDLER = "newsmill-c1"


def _c1_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return "".join(chr(b) for b in err.object[err.start : err.end]), err.end


codecs.register_error(_C1_HANDLER, _c1_fallback)


def normalize_charset(label: str | None) -> str | None:
    """The Python codec a browser would use for a charset label, or None if it has none."""
    if not label:
        return None
    label = label.strip().strip("\"'").strip().lower()
    name = _LABELS.get(label)
    if name is None:
        try:
            name = codecs.lookup(label).name
        except LookupError:
            return None
    name = _BROWSER_CODEC.get(name, name)
    return name if name in _WEB_CODECS else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=ISO-8859-1`` -> ``cp1252``."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return normalize_charset(m.group(1)) if m else None


def sniff_meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_PRESCAN])
    if not m:
        return None
    enc = normalize_charset(m.group(1).decode("ascii", "ignore"))
    # A page that reached us as bytes and declares UTF-16 in ASCII-compatible bytes is lying.
    if enc and enc.startswith("utf-16"):
        return "utf-8"
    return enc


def _utf8_counts(data: bytes) -> tuple[str, int, int]:
    """UTF-8 text with replacement, its counts of good non-ASCII characters and of bad
    sequences; both counts are 0 when the bytes are valid UTF-8."""
    try:
        return data.decode("utf-8"), 0, 0  # the common case, in one pass
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text, non_ascii, bad


def _decode_as(data: bytes, enc: str) -> tuple[str, str] | None:
    """``(text, encoding)`` for a declared ``enc``, or None when the bytes show it is wrong."""
    if enc == "utf-8":
        text, good, bad = _utf8_counts(data)
        # Mostly valid UTF-8 with a few stray bytes is UTF-8, as a browser would show it.
        return (text, enc) if bad == 0 or good > bad else None
    if enc.startswith("utf-16"):
        # ASCII-compatible markup has no NUL bytes; UTF-16 markup is full of them.
        if b"\x00" not in data[:_PRESCAN]:
            return None
        return data.decode(enc, "replace"), enc
    if not data.isascii():
        # Valid, non-ASCII UTF-8 under a legacy label is UTF-8 mislabelled (common with
        # templates that declare ISO-8859-1): legacy text almost never forms valid UTF-8.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(enc, _C1_HANDLER if enc == "cp1252" else "strict"), enc
    except UnicodeDecodeError:
        return None


# The legacy encodings pages in a language used before UTF-8. A tie between code pages is
# broken by the page's own ``<html lang>``; among one language's encodings the detector's
# order stands (Russian pages came in both windows-1251 and KOI8-R).
_WESTERN = ("cp1252", "iso8859-15")
_LANG_CODECS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("en fr de es it pt nl da sv no nb nn fi is ca eu gl ga cy af id ms sw sq"
                    .split(), _WESTERN),
    **dict.fromkeys("pl cs sk hu sl hr bs".split(), ("cp1250", "iso8859-2")),
    "ro": ("cp1250", "iso8859-16", "iso8859-2"),
    **dict.fromkeys("ru uk bg be mk sr kk ky tg mn".split(),
                    ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic")),
    **dict.fromkeys("lt lv et".split(), ("cp1257", "iso8859-13", "iso8859-4")),
    **dict.fromkeys("tr az".split(), ("cp1254",)),
    "el": ("cp1253", "iso8859-7"),
    **dict.fromkeys("he yi".split(), ("cp1255", "iso8859-8")),
    **dict.fromkeys("ar fa ur".split(), ("cp1256", "iso8859-6")),
    "th": ("cp874",),
    "vi": ("cp1258",),
    "ja": ("cp932", "euc_jp", "iso2022_jp"),
    "ko": ("cp949",),
    "zh": ("gb18030", "big5hkscs"),
}
_HTML_LANG = re.compile(
    rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})\b""", re.IGNORECASE
)
# Chaos (charset_normalizer's mess ratio) within this of the best counts as a tie.
_TIE = 0.05
# A symbol inside a word (``zdecydowa³a``) betrays the wrong code page; apostrophes do not.
_NON_ASCII_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\s\x00-\x7f](?=[^\W\d_])")
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
_WORD_PUNCT = frozenset("\u2018\u2019\u00b7")
_MULTIBYTE = frozenset(["cp932", "euc_jp", "iso2022_jp", "cp949", "gb18030", "big5hkscs"])


def _implausible(sample: bytes, enc: str) -> bool:
    """Does decoding ``sample`` as the single-byte ``enc`` give words no language has?

    Symbols, punctuation, controls and superscripts (``³``) inside words count, letters and
    marks do not; so do capitals following small letters in many words.
    """
    if enc in _MULTIBYTE:
        return False
    text = sample.decode(enc, _C1_HANDLER if enc == "cp1252" else "replace")
    if any(
        m.group() not in _WORD_PUNCT
        and (unicodedata.category(m.group())[0] in "SPC" or unicodedata.category(m.group()) == "No")
        for m in _NON_ASCII_IN_WORD.finditer(text)
    ):
        return True
    # Capitals after small letters inside words (``цНПНДЯЙНИ``: KOI8-R read as windows-1251).
    words = _NON_ASCII_WORD.findall(text)
    flips = sum(1 for w in words for a, b in zip(w, w[1:], strict=False) if a.islower() and b.isupper())
    return flips * 10 > len(words)


def _lang_codecs(data: bytes) -> tuple[str, ...]:
    m = _HTML_LANG.search(data[:_PRESCAN])
    return _LANG_CODECS.get(m.group(1).decode("ascii").lower(), ()) if m else ()


def _detect(data: bytes) -> str | None:
    """The most plausible web encoding for undeclared, non-UTF-8 bytes."""
    from charset_normalizer import from_bytes

    # Markup is ASCII and only dilutes the statistics; judge the text between tags.
    sample = re.sub(rb"<[^>]*>", b" ", data[:262144])[:65536]
    found = []
    for match in from_bytes(sample):
        enc = normalize_charset(match.encoding)
        if enc and enc != "utf-8":
            found.append((enc, match.chaos, match.coherence))
    if not found:
        return None
    best, chaos, coherence = found[0]
    near = [(e, h) for e, c, h in found if c <= chaos + _TIE]
    # Short texts often tie between code pages that decode them differently.
    for enc, _ in near:
        if enc in _lang_codecs(data):
            return enc
    plausible = [(e, h) for e, h in near if not _implausible(sample, e)]
    # windows-1252 is by far the most common legacy encoding on the web: it wins ties.
    if any(e == "cp1252" and h >= coherence for e, h in plausible):
        return "cp1252"
    if not plausible:
        return best
    # And the Windows code pages were the web's, far more than their ISO-8859 cousins.
    if plausible[0][0].startswith("iso8859"):
        for enc, _ in plausible:
            if enc.startswith("cp125"):
                return enc
    return plausible[0][0]


# UTF-8 read once as Latin-1 or windows-1252 and saved as UTF-8 again ("donâ\x80\x99t",
# "donâ€™t"): a page stored by a tool that got its charset wrong. The UTF-8 of a curly quote
# or a dash (U+2010-U+203F) read so starts with one of these two pairs, which no language
# writes; when a page shows either, every run of characters that spells valid UTF-8 in those
# code pages' bytes is put back. Seen on 28 pages of wcxb-dev (manuals, stories, a forum).
_MOJIBAKE_SIGN = re.compile("\u00e2[\u0080\u20ac]")
# Characters -> the windows-1252 bytes 0x80-0x9f they stand for (Latin-1's are their own code).
_CP1252_BYTES = {
    bytes([b]).decode("cp1252", _C1_HANDLER): b for b in range(0x80, 0xA0)
}
_CONT = "[\x80-\xbf" + "".join(c for c in _CP1252_BYTES if ord(c) > 0xFF) + "]"
_MOJIBAKE_RUN = re.compile(f"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}")


# A page that shows the signs may still hold text that was never misread: an uppercase "É"
# before a no-break space or a guillemet ("CAFÉ\u00a0»"), a "ß" before a curly apostrophe,
# spell two-byte UTF-8 too, of phonetic symbols or of scripts (Syriac, N'Ko) that no misread
# Western page holds. Such a pair is left as it is.
_UNLIKELY_PAIRS = ((0x0250, 0x02FF), (0x0700, 0x07FF))


def _utf8_again(m: re.Match[str]) -> str:
    run = m.group()
    try:
        fixed = bytes(_CP1252_BYTES.get(c, ord(c)) for c in run).decode("utf-8")
    except UnicodeDecodeError:
        return run
    if len(run) == 2 and any(lo <= ord(fixed) <= hi for lo, hi in _UNLIKELY_PAIRS):
        return run
    return fixed


# The page's <head> stays as it is: the title chooser learned from head titles as pages carry
# them and repairs its pick itself (titlemodel.clean_title). Repaired first, "itertools —
# Functions creating iterators — Python documentation" split at the dash it had hidden and
# the chooser titled the page "itertools".
_BODY_TAG = re.compile(r"<body\b", re.IGNORECASE)


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8 that was read as Latin-1/windows-1252 and re-encoded put back, from
    its <body> on."""
    # One character first: a scan for it is 10x faster than the pattern's, 70x than a pair's.
    if "\u00e2" not in text or not _MOJIBAKE_SIGN.search(text):
        return text
    m = _BODY_TAG.search(text)
    at = m.start() if m else 0
    return text[:at] + _MOJIBAKE_RUN.sub(_utf8_again, text[at:])


def decode_html(data: bytes | str, charset: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_used)``. Never raises on bad bytes.

    ``charset`` is a label from outside the document (an HTTP header, the user); it comes
    after a byte-order mark and before the page's own ``<meta>`` declaration. Text that was
    encoded to UTF-8 twice is put back (repair_mojibake).
    """
    text, enc = _decode_html(data, charset)
    return repair_mojibake(text), enc


def _decode_html(data: bytes | str, charset: str | None) -> tuple[str, str]:
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates cannot reach the parser; show them as replacement characters.
            data = _SURROGATE.sub("\ufffd", data)
        return data, "str"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected bytes or str, got {type(data).__name__}")
    data = bytes(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), enc
    for enc in (normalize_charset(charset), sniff_meta_charset(data)):
        if enc:
            decoded = _decode_as(data, enc)
            if decoded is not None:
                return decoded
    # No usable declaration: valid (or mostly valid) UTF-8 is by far the most common case.
    text, good, bad = _utf8_counts(data)
    if bad == 0 or good > bad:
        return text, "utf-8"
    enc = _detect(data)
    if enc:
        return data.decode(enc, _C1_HANDLER if enc == "cp1252" else "replace"), enc
    return text, "utf-8"
