"""Decoding bytes the way a browser would, and never failing on bad input."""

from __future__ import annotations

import codecs
import random

import pytest

import newsmill
from newsmill import InputError
from newsmill.decode import (
    charset_from_content_type,
    decode_html,
    normalize_charset,
    sniff_meta_charset,
)

RU = "Городской совет принял решение о строительстве новой школы в центре города."
FR = (
    "Le café de la gare est fermé depuis l’été dernier, mais les habitués espèrent "
    "qu’il rouvrira bientôt. « Nous attendons », dit une cliente âgée."
)
ES = (
    "El ayuntamiento aprobó el martes la construcción de una escuela nueva en el centro, "
    "según informó la alcaldía; las obras empezarán en otoño."
)
JA = "市議会は新しい学校を市の中心部に建設することを決定しました。工事は秋に始まります。"
ZH = "市议会决定在市中心建设一所新学校，工程将于秋季开始。"
PL = "Rada miejska zdecydowała, że nowa szkoła powstanie w centrum miasta już jesienią."
LT = "Miesto taryba nusprendė pastatyti naują mokyklą miesto centre; statybos prasidės rudenį."
DE = "Die Straße vor dem Rathaus wird ab März für drei Wochen gesperrt, sagte die Stadt."


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


# --- byte-order marks ------------------------------------------------------------------


def test_utf8_bom_wins_over_everything():
    data = codecs.BOM_UTF8 + page(FR, '<meta charset="windows-1251">').encode("utf-8")
    text, enc = decode_html(data, charset="koi8-r")
    assert enc == "utf-8"
    assert FR in text
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_bom(codec, bom):
    text, enc = decode_html(bom + page(DE).encode(codec))
    assert enc == codec
    assert DE in text


def test_utf16_without_bom_but_declared_by_the_caller():
    text, _ = decode_html(page(RU).encode("utf-16-le"), charset="utf-16")
    assert RU in text


# --- declarations and their precedence ---------------------------------------------------


def test_caller_charset_beats_meta():
    data = page(RU, '<meta charset="koi8-r">').encode("cp1251")
    text, enc = decode_html(data, charset="windows-1251")
    assert enc == "cp1251"
    assert RU in text


def test_meta_charset():
    text, enc = decode_html(page(RU, '<meta charset="windows-1251">').encode("cp1251"))
    assert enc == "cp1251"
    assert RU in text


def test_meta_http_equiv_content_type():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">'
    text, enc = decode_html(page(RU, head).encode("koi8-r"))
    assert enc == "koi8-r"
    assert RU in text


def test_meta_charset_after_a_long_head_is_still_found():
    head = "<!-- " + "x" * 2000 + " -->" + '<meta charset="koi8-r">'
    text, _ = decode_html(page(RU, head).encode("koi8-r"))
    assert RU in text


def test_meta_declaring_utf16_in_ascii_bytes_means_utf8():
    text, enc = decode_html(page(FR, '<meta charset="utf-16">').encode("utf-8"))
    assert enc == "utf-8"
    assert FR in text


def test_wrong_legacy_declaration_on_utf8_bytes():
    # Templates often declare ISO-8859-1 while the content is UTF-8.
    text, enc = decode_html(page(FR, '<meta charset="iso-8859-1">').encode("utf-8"))
    assert enc == "utf-8"
    assert FR in text
    assert "Ã" not in text


def test_wrong_utf8_declaration_on_windows_1252_bytes():
    text, _ = decode_html(page(FR, '<meta charset="utf-8">').encode("cp1252"))
    assert FR in text
    assert "\ufffd" not in text


def test_wrong_caller_charset_falls_back_to_meta():
    data = page(JA, '<meta charset="shift_jis">').encode("shift_jis")
    text, _ = decode_html(data, charset="utf-8")
    assert JA in text


def test_caller_utf16_on_ascii_bytes_is_ignored():
    text, _ = decode_html(page(FR, '<meta charset="utf-8">').encode("utf-8"), charset="utf-16")
    assert FR in text


def test_mostly_utf8_with_a_stray_byte_stays_utf8():
    data = page(FR + " " + RU).encode("utf-8").replace(b"</p>", b" \x92</p>")
    text, enc = decode_html(data)
    assert enc == "utf-8"
    assert FR in text and RU in text
    assert text.count("\ufffd") == 1


# --- labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["windows-1252", "cp1252", "ISO-8859-1", "iso8859_1", "latin1", "l1", "US-ASCII",
              "ascii", "x-cp1252", " 'Latin-1' "]
)
def test_latin1_labels_mean_windows_1252(label):
    assert normalize_charset(label) == "cp1252"
    # 0x93/0x94 are curly quotes and 0x80 the euro sign in windows-1252, controls in latin-1.
    text, _ = decode_html(b"<p>\x93Quoted\x94 for 5\x80</p>", charset=label)
    assert "“Quoted” for 5€" in text


def test_windows_1252_undefined_bytes_do_not_fail():
    text, enc = decode_html(b"<p>caf\xe9 \x81 na\xefve</p>", charset="windows-1252")
    assert enc == "cp1252"
    assert "café \x81 naïve" in text


@pytest.mark.parametrize(
    "label, codec",
    [("Shift_JIS", "cp932"), ("x-sjis", "cp932"), ("gb2312", "gb18030"), ("GBK", "gb18030"),
     ("euc-kr", "cp949"), ("big5", "big5hkscs"), ("iso-8859-9", "cp1254"), ("UTF8", "utf-8"),
     ("x-mac-cyrillic", "mac-cyrillic"), ("windows-874", "cp874")],
)
def test_browser_label_mapping(label, codec):
    assert normalize_charset(label) == codec


@pytest.mark.parametrize(
    "label", ["base64", "rot13", "utf-7", "idna", "punycode", "undefined", "unicode_escape",
              "zlib", "hex", "x-no-such-thing", "", None]
)
def test_labels_a_browser_ignores(label):
    assert normalize_charset(label) is None


@pytest.mark.parametrize("label", ["base64", "rot13", "idna", "undefined", "utf-7", "zlib"])
def test_bogus_meta_labels_are_ignored(label):
    text, _ = decode_html(page(FR, f'<meta charset="{label}">').encode("utf-8"))
    assert FR in text
    art = newsmill.extract(page(FR, f'<meta charset="{label}">').encode("utf-8"), charset=label)
    assert isinstance(art, newsmill.Article)


def test_content_type_parsing():
    assert charset_from_content_type('text/html; charset="ISO-8859-1"') == "cp1252"
    assert charset_from_content_type("text/html;charset=utf-8") == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None
    assert sniff_meta_charset(b"<html><body>no declaration</body></html>") is None


# --- detection without any declaration ----------------------------------------------


@pytest.mark.parametrize(
    "sample, codec",
    [(RU, "cp1251"), (RU, "koi8-r"), (FR, "cp1252"), (ES, "cp1252"), (JA, "shift_jis"),
     (ZH, "gb18030")],
)
def test_detects_undeclared_legacy_pages(sample, codec):
    text, enc = decode_html(page(sample).encode(codec))
    assert sample in text, enc


def test_polish_is_not_taken_for_windows_1252():
    # As windows-1252 it would read "zdecydowa³a": a symbol inside a word gives it away.
    text, enc = decode_html(page(PL).encode("cp1250"))
    assert PL in text, enc


@pytest.mark.parametrize(
    "sample, codec, lang",
    [(LT, "cp1257", "lt"), (RU, "koi8-r", "ru"), (RU, "cp1251", "ru-RU"), (FR, "cp1252", "fr"),
     (PL, "iso-8859-2", "pl")],
)
def test_html_lang_breaks_ties(sample, codec, lang):
    data = f'<html lang="{lang}"><head><title>t</title></head><body><p>{sample}</p></body></html>'
    text, enc = decode_html(data.encode(codec))
    assert sample in text, enc


def test_undeclared_utf8():
    text, enc = decode_html(page(JA + FR).encode("utf-8"))
    assert enc == "utf-8"
    assert JA + FR in text


# --- empty, garbage and wrong types ----------------------------------------------------


@pytest.mark.parametrize("empty", [b"", "", bytearray(), memoryview(b""), b"   \n\t "])
def test_empty_input(empty):
    text, _ = decode_html(empty)
    assert text.strip() == ""
    art = newsmill.extract(empty)
    assert art.text == "" and art.is_empty


def test_bytearray_and_memoryview_are_bytes():
    data = page(FR).encode("utf-8")
    assert FR in newsmill.extract(bytearray(data)).text + decode_html(memoryview(data))[0]


def test_lone_surrogates_in_str_do_not_crash():
    text, _ = decode_html("<p>before \ud800 after</p>")
    assert text == "<p>before \ufffd after</p>"
    art = newsmill.extract("<html><body><p>before \udfff after " + FR + "</p></body></html>")
    assert isinstance(art, newsmill.Article)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["<p>x</p>"], {"html": "x"}, object()])
def test_non_text_input_raises_input_error(value):
    with pytest.raises(InputError):
        newsmill.extract(value)
    with pytest.raises(InputError):
        decode_html(value)


def _garbage(rng: random.Random) -> bytes:
    """Random bytes, or random bytes mixed with markup and charset declarations."""
    n = rng.choice([1, 7, 64, 500, 3000])
    raw = rng.randbytes(n)
    kind = rng.randrange(4)
    if kind == 0:
        return raw
    if kind == 1:
        label = rng.choice(["utf-8", "utf-16", "windows-1251", "shift_jis", "base64", "x", ""])
        return b'<html><head><meta charset="' + label.encode() + b'"></head><body><p>' + raw
    if kind == 2:
        tags = [b"<p>", b"</div>", b"<table><tr><td>", b"<!--", b"<script>", b"<![CDATA[", b"<"]
        return b"".join(rng.choice(tags) + rng.randbytes(rng.randrange(40)) for _ in range(50))
    return codecs.BOM_UTF16_LE + raw


@pytest.mark.parametrize("seed", range(6))
def test_garbage_never_raises(seed):
    rng = random.Random(seed)
    for _ in range(12):
        data = _garbage(rng)
        text, enc = decode_html(data)
        assert isinstance(text, str) and isinstance(enc, str)
        art = newsmill.extract(data, url="https://example.org/x")
        assert isinstance(art, newsmill.Article)
        assert isinstance(art.text, str)


# --- UTF-8 encoded twice ---------------------------------------------------------------

EN = "It won’t compile — the “owner” drops the café’s value ¶ and frees it, €5."


@pytest.mark.parametrize("misread", ["latin-1", "cp1252"])
def test_double_encoded_utf8_is_put_back(misread):
    # A page saved by a tool that read its UTF-8 as Latin-1 or windows-1252 and wrote UTF-8.
    twice = page(EN, '<meta charset="utf-8">').encode("utf-8").decode(misread, "newsmill-c1").encode("utf-8")
    text, enc = decode_html(twice)
    assert enc == "utf-8" and EN in text


def test_plain_accents_before_guillemets_are_left_alone():
    # "É" + no-break space spells valid UTF-8 too, but the page shows no double-encoded quote.
    body = "Il a dit\u00a0: «\u00a0CAFÉ\u00a0» et «\u00a0ÉTÉ\u00a0»."
    text, _ = decode_html(page(body).encode("utf-8"))
    assert body in text


def test_a_page_with_one_misread_quote_keeps_its_own_accents():
    # One double-encoded apostrophe on a page whose own French and German were never misread:
    # "É" before a no-break space or a guillemet, "ß" before a curly apostrophe, stay.
    own = "Il a dit\u00a0: «\u00a0CAFÉ\u00a0» et «ÉTÉ». Die Straße’s Ecke."
    text, _ = decode_html(page(own + " " + "won’t".encode().decode("cp1252")).encode("utf-8"))
    assert own in text and "won’t" in text
