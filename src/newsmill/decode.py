"""Bytes to text, the way browsers do it.

Order: byte-order mark, the caller's charset (an HTTP header), ``<meta charset>`` or
``http-equiv`` in the first bytes, detection, then UTF-8 with replacement.
"""

from __future__ import annotations

import codecs
import re

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

# WHATWG Encoding Standard: these labels mean windows-1252 in a browser.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "unicode": "utf-16-le",
    "utf-16": "utf-16-le",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "shift_jis",
    "x-sjis": "shift_jis",
    "ks_c_5601-1987": "euc-kr",
}


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None if the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


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


def decode_html(data: bytes | str, charset: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_used)``. Never raises on bad bytes."""
    if isinstance(data, str):
        return data, "str"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected bytes or str, got {type(data).__name__}")
    data = bytes(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), enc
    for enc in (normalize_charset(charset), sniff_meta_charset(data)):
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                # The declaration is wrong for these bytes; keep looking rather than garble.
                continue
    # Detection: valid UTF-8 is by far the most common case and cheap to confirm.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        enc = normalize_charset(best.encoding) or "utf-8"
        return data.decode(enc, "replace"), enc
    return data.decode("utf-8", "replace"), "utf-8"
