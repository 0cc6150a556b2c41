"""A compact date parser: ISO 8601, RFC 2822, written dates in a few languages, relative dates.

Only what news pages use. Every parse is checked (real calendar day, plausible year) so that
numbers that merely look like dates are refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

MIN_YEAR = 1990  # the web's news archives start here; older "dates" are ids or history

_MONTHS: dict[str, int] = {}


def _add_months(names: str) -> None:
    for i, group in enumerate(names.split(";"), start=1):
        for name in group.split():
            _MONTHS[name] = i


# English, French, German, Spanish, Portuguese, Italian, Dutch, full names and abbreviations.
_add_months(
    "january jan janvier janv januar jänner jän enero ene janeiro gennaio genn januari;"
    "february feb fevrier février févr fevr februar febrero fevereiro fev febbraio febr februari;"
    "march mar mars märz maerz marzo março marco maart mrt mär;"
    "april apr avril avr abril abr aprile;"
    "may mai mayo maio maggio mei;"
    "june jun juin juni junio junho giugno giu;"
    "july jul juillet juil juli julio julho luglio lug;"
    "august aug août aout agosto ago augustus;"
    "september sep sept septembre september septiembre setiembre setembro set settembre;"
    "october oct octobre oktober octubre outubro out ottobre ott okt;"
    "november nov novembre noviembre novembro;"
    "december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre"
)
# Russian and Ukrainian, Polish, Czech (the genitive, as dates write them, and the nominative),
# Swedish, Danish and Norwegian, Turkish.
_add_months(
    "января январь січня січень stycznia styczeń ledna leden januar ocak;"
    "февраля февраль лютого лютий lutego luty února únor februar şubat;"
    "марта март березня березень marca marzec března březen mart;"
    "апреля апрель квітня квітень kwietnia kwiecień dubna duben nisan;"
    "мая май травня травень maja maj května květen mayıs;"
    "июня июнь червня червень czerwca czerwiec června červen haziran;"
    "июля июль липня липень lipca lipiec července červenec temmuz;"
    "августа август серпня серпень sierpnia sierpień srpna srpen augusti ağustos;"
    "сентября сентябрь вересня вересень września wrzesień září eylül;"
    "октября октябрь жовтня жовтень października październik října říjen ekim;"
    "ноября ноябрь листопада листопад listopada listopad listopadu kasım;"
    "декабря декабрь грудня грудень grudnia grudzień prosince prosinec desember aralık"
)
# Arabic: the Egyptian and Gulf names, and the Levantine ones written as one word.
_add_months(
    "يناير;فبراير شباط;مارس آذار اذار;أبريل ابريل إبريل نيسان;مايو أيار ايار;يونيو يونيه حزيران;"
    "يوليو يوليه تموز;أغسطس اغسطس آب;سبتمبر أيلول ايلول;أكتوبر اكتوبر;نوفمبر;ديسمبر"
)
# Greek (genitive), Finnish (partitive, as "8. kesäkuuta 2010" writes it), Romanian.
_add_months(
    "ιανουαρίου ιανουαριου tammikuuta ianuarie;φεβρουαρίου φεβρουαριου helmikuuta februarie;"
    "μαρτίου μαρτιου maaliskuuta martie;απριλίου απριλιου huhtikuuta aprilie;μαΐου μαιου toukokuuta;"
    "ιουνίου ιουνιου kesäkuuta iunie;ιουλίου ιουλιου heinäkuuta iulie;αυγούστου αυγουστου elokuuta;"
    "σεπτεμβρίου σεπτεμβριου syyskuuta septembrie;οκτωβρίου οκτωβριου lokakuuta octombrie;"
    "νοεμβρίου νοεμβριου marraskuuta noiembrie;δεκεμβρίου δεκεμβριου joulukuuta decembrie"
)
MONTHS = _MONTHS  # lower-cased month name or abbreviation -> number
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

_TZ_ABBR = {
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0, "bst": 60, "cet": 60, "met": 60, "mez": 60,
    "cest": 120, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 330, "sgt": 480,
    "hkt": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "nzst": 720,
    "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "hst": -600,
}
_TZ_RE = (
    r"(?P<tz>Z(?![a-z])|[+-]\d{2}:?\d{2}(?!\d)|[+-]\d{2}(?![\d:])|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|"
    + "|".join(sorted((k.upper() for k in _TZ_ABBR if k not in ("z", "utc", "gmt")), key=len, reverse=True))
    + r")"
)

# AM and PM in either case: the numeric forms' patterns are case-sensitive ("11/27/2008 10:45 PM EST").
_AMPM = r"(?P<ampm>[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))"
# Time of day after a written date: "at 5:47 AM EST", "| 14:30", "- 14h30".
# A weekday may stand between ("14 Mart 2012 Çarşamba 10:22"); Japanese and Chinese write
# "18時5分" right after the day.
_WEEKDAY_BETWEEN = (
    r"(?:\s*,?\s*(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)\.?)?"
)
_TIME_RE = (
    r"(?:" + _WEEKDAY_BETWEEN
    + r"\s*(?:,|at|à|às|a las|um|alle|ore|om|kl\.?|klo|o|в|\||-|–|—|·|•)?\s*(?P<H>\d{1,2})"
    r"(?:[:h.](?P<M>\d{2})|[時时](?P<M2>\d{1,2})分)"
    r"(?::(?P<S>\d{2}))?\s*" + _AMPM + r"?\s*(?:\(?" + _TZ_RE + r"\)?)?)?"
)
# A time of day set before the date, as US news sites do: "3:45 PM EST Nov 27, 2026",
# "Updated 3:45 PM EST, Thu November 27, 2026", "10:45 Uhr, 27.11.2026".
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])(?P<H>\d{1,2})[:h](?P<M>\d{2})\s*" + _AMPM + r"?\s*(?:\(?"
    + _TZ_RE + r"\)?|[ECMP]T\b)?\s*(?:uhr\s*)?(?:,|\||·|•|-|–|—|on)?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.IGNORECASE,
)
_TIME_BEFORE_CHARS = 40

_ISO = re.compile(
    r"(?<![\d/.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?\s*" + _TZ_RE + r"?)?(?![\d])",
    re.IGNORECASE,
)
_ISO_COMPACT = re.compile(
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?\s*" + _TZ_RE + r"?)?$",
    re.IGNORECASE,
)
# "Nov. 24, 2014", "November 24th 2014", "Mon, Nov 24, 2014 5:47 PM".
_MDY = re.compile(
    r"(?<![\w])(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME_RE,
    re.IGNORECASE,
)
# The C library's date, as mail archives print it (pipermail): "Tue Mar  8 14:02:11 EST 2011".
_CTIME = re.compile(
    r"(?<![\w])(?P<mon>" + _MONTH_RE + r")\s+(?P<d>\d{1,2})\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s+"
    r"(?:" + _TZ_RE + r"\s+)?(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
# "24 November 2014", "24. November 2014", "24 de noviembre de 2014", "1er novembre 2014",
# RFC 2822 "Mon, 24 Nov 2014 05:47:00 +0000".
_DMY = re.compile(
    r"(?<![\w.])(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+)?(?P<mon>" + _MONTH_RE
    + r")\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{4})(?!\d)" + _TIME_RE,
    re.IGNORECASE,
)
# "2014/11/24", "2014.11.24", Korean "2014. 11. 24.".
_YMD = re.compile(
    r"(?<![\d/.])(?P<y>(?:19|20)\d\d)(?:[/.]|\. )(?P<m>\d{1,2})(?:[/.]|\. )(?P<d>\d{1,2})(?![\d/])\.?" + _TIME_RE
)
# "2024年3月12日 08:30" (Chinese, Japanese), "2024년 3월 12일" (Korean).
_CJK_YMD = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?" + _TIME_RE
)
# Vietnamese "27 tháng 11 năm 2026", "ngày 27 tháng 11, 2026".
_VI_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,|năm)\s*(?P<y>\d{4})(?!\d)" + _TIME_RE)
# "2023 Jan 7": Highwire/Google Scholar citation meta; read in structured fields only.
_Y_MON_D = re.compile(r"^(?P<y>(?:19|20)\d\d)\s+(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?!\d)", re.IGNORECASE)
# "24.11.2014", "11/24/2014", "24-11-2014", "24.11.14".
_NUM = re.compile(
    r"(?<![\d/.:-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.-]\d)" + _TIME_RE
)
_RELATIVE = re.compile(
    # Only units that still name a calendar day: "2 months ago" does not.
    r"(?:(?P<n>\d+|an?|one)\s+(?P<unit>min(?:ute)?s?|hours?|hrs?|days?)\s+ago)|"
    r"(?:il y a\s+(?P<n_fr>\d+|une?)\s+(?P<unit_fr>minutes?|heures?|jours?))|"
    r"(?:vor\s+(?P<n_de>\d+|einer?|einem)\s+(?P<unit_de>minuten?|stunden?|tag(?:en)?))|"
    r"(?:hace\s+(?P<n_es>\d+|una?)\s+(?P<unit_es>minutos?|horas?|días?|dias?))|"
    # "Today"/"yesterday" alone is prose ("Call today!"); with a time of day it is a dateline.
    r"(?P<word>yesterday|today|hier|aujourd'hui|gestern|heute|ayer|hoy)"
    r"(?=\s*(?:,|at|à|um|a las)?\s*\d{1,2}[:h.]\d{2})",
    re.IGNORECASE,
)
_UNIT_DAYS = {
    "min": 1 / 1440, "hou": 1 / 24, "hr": 1 / 24, "day": 1, "wee": 7, "mon": 30, "yea": 365,
    "heu": 1 / 24, "jou": 1, "sem": 7, "moi": 30, "an": 365, "stu": 1 / 24, "tag": 1, "woc": 7,
    "jah": 365, "hor": 1 / 24, "dia": 1, "día": 1, "mes": 30, "año": 365,
}
_WORD_DAYS = {
    "yesterday": 1, "hier": 1, "gestern": 1, "ayer": 1,
    "today": 0, "aujourd'hui": 0, "heute": 0, "hoy": 0,
}


_DIGIT = re.compile(r"\d")
# Cheap tests that rule a pattern out before its scan: every match of the written-date patterns
# holds four digits in a row, every _NUM match a digit, separator, digit; every _RELATIVE match
# one of these words or a time of day.
_FOUR_DIGITS = re.compile(r"\d{4}")
_NUM_HINT = re.compile(r"\d[./-]\d")
_CLOCK_HINT = re.compile(r"\d[:h.]\d\d", re.IGNORECASE)
_REL_HINT = re.compile(r"ago|il y a|vor|hace|\d[:h.]\d\d", re.IGNORECASE)
_WRITTEN = (_ISO, _CTIME, _MDY, _DMY, _YMD, _CJK_YMD, _VI_DMY)
_ALL_WRITTEN = (_ISO, _CTIME, _MDY, _DMY, _YMD, _CJK_YMD, _VI_DMY, _NUM)


def _may_be_relative(text: str, has_digit: bool) -> bool:
    """False only when _RELATIVE cannot match ``text``."""
    if text.isascii():  # ASCII text: ignoring case is lower-casing (no dotless i and the like)
        low = text.lower()
        if "ago" in low or "il y a" in low or "vor" in low or "hace" in low:
            return True
        return has_digit and _CLOCK_HINT.search(text) is not None
    return _REL_HINT.search(text) is not None


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar day, with the time of day and UTC offset when the source gave them."""

    day: date
    hour: int | None = None
    minute: int = 0
    second: int = 0
    offset: int | None = None  # minutes east of UTC; None when the source gave no zone
    relative: bool = False
    alt: date | None = None  # the other reading of an ambiguous "05/06/2014"

    def swapped(self) -> DateValue:
        """The other reading of an ambiguous numeric date (day and month exchanged)."""
        if self.alt is None:
            return self
        return DateValue(self.alt, self.hour, self.minute, self.second, self.offset, self.relative, self.day)

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def iso(self) -> str:
        if self.hour is None:
            return self.day.isoformat()
        s = f"{self.day.isoformat()}T{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if self.offset is None:
            return s
        if self.offset == 0:
            return s + "Z"
        sign = "+" if self.offset > 0 else "-"
        h, m = divmod(abs(self.offset), 60)
        return f"{s}{sign}{h:02d}:{m:02d}"

    def in_zone(self, offset: int) -> DateValue:
        """The same moment written in another zone (``offset`` minutes east of UTC); a value
        without a time or a zone stays as it is."""
        if self.hour is None or self.offset is None:
            return self
        local = self.utc() + timedelta(minutes=offset)
        return DateValue(local.date(), local.hour, local.minute, local.second, offset, self.relative)

    def could_be_local_day(self, d: date) -> bool:
        """``d`` is a neighbouring day this moment falls on in some zone (UTC-12 to UTC+14): a
        UTC timestamp and the page's own calendar day can differ by one."""
        if self.hour is None or abs((d - self.day).days) != 1:
            return False
        if self.offset is None:
            return True  # a time without a zone: any zone
        u = self.utc()
        return (u - timedelta(hours=12)).date() <= d <= (u + timedelta(hours=14)).date()

    def utc(self) -> datetime:
        """The moment, in UTC; a day without a time counts as its first minute, local to UTC."""
        dt = datetime(self.day.year, self.day.month, self.day.day, self.hour or 0, self.minute, self.second)
        if self.offset is not None:
            dt -= timedelta(minutes=self.offset)
        return dt.replace(tzinfo=UTC)


def _tz_minutes(tz: str | None) -> int | None:
    if not tz:
        return None
    t = tz.strip().lower()
    if t in _TZ_ABBR:
        return _TZ_ABBR[t]
    if t.startswith(("utc", "gmt")):
        t = t[3:].strip()
        if not t:
            return 0
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", t)
    if not m:
        return None
    mins = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if mins > 14 * 60:
        return None
    return mins if m.group(1) == "+" else -mins


def make_date(y: int, mo: int, d: int, g: dict[str, str | None] | None = None) -> DateValue | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (MIN_YEAR <= y <= 2100):
        return None
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if g and g.get("M") is None and g.get("M2") is not None:
        g = {**g, "M": g["M2"]}  # "18時5分"
    if not g or g.get("H") is None or g.get("M") is None:
        return DateValue(day)
    h, mi, s = int(g["H"] or 0), int(g["M"] or 0), int(g.get("S") or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm:
        if not 1 <= h <= 12:
            return DateValue(day)
        h = h % 12 + (12 if ampm.startswith("p") else 0)
    if h > 23 or mi > 59 or s > 60:
        return DateValue(day)
    return DateValue(day, h, mi, min(s, 59), _tz_minutes(g.get("tz")))


def parse_structured(value: str) -> DateValue | None:
    """A date from a machine-readable field (meta content, JSON-LD, ``datetime`` attribute)."""
    s = value.strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        return make_date(int(m["y"]), int(m["m"]), int(m["d"]), m.groupdict())
    m = _ISO_COMPACT.match(s)
    if m:
        return make_date(int(m["y"]), int(m["m"]), int(m["d"]), m.groupdict())
    m = _Y_MON_D.match(s)
    if m:  # citation_publication_date: "2023 Jan 7"
        return make_date(int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]))
    if s.isdigit() and len(s) in (10, 13):  # Unix time, seconds or milliseconds
        ts = int(s) / (1000 if len(s) == 13 else 1)
        dt = datetime.fromtimestamp(ts, UTC)
        return make_date(dt.year, dt.month, dt.day, {"H": str(dt.hour), "M": str(dt.minute), "S": str(dt.second), "tz": "Z"})
    found = find_dates(s[:200], limit=1)
    return found[0][0] if found else None


def _num_date(m: re.Match[str], dmy_first: bool) -> DateValue | None:
    a, b = int(m["a"]), int(m["b"])
    y = m["y"]
    if len(y) == 2 and m["sep"] != ".":
        return None  # "11/24/14" is too often a fraction, a score or an id
    if a > 12 or (m["sep"] == "." and b <= 12):
        d, mo = a, b  # dotted dates are day first, unless that cannot be ("11.27.2026")
    elif b > 12:
        mo, d = a, b
    elif dmy_first:
        d, mo = a, b
    else:
        mo, d = a, b
    dv = make_date(int(y), mo, d, m.groupdict())
    if dv is not None and a <= 12 and b <= 12 and a != b and m["sep"] != ".":
        other = make_date(int(y), d, mo)
        if other is not None:  # kept so that other dates on the page can settle the order
            dv = DateValue(dv.day, dv.hour, dv.minute, dv.second, dv.offset, dv.relative, other.day)
    return dv


# The Solar Hijri calendar of Iranian and Afghan pages: "۲۴ اسفند ۱۴۰۲ - ۱۰:۲۵", in Persian,
# Arabic-Indic or Latin digits.
_JALALI_MONTHS = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
_JALALI = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+(?P<mon>" + "|".join(_JALALI_MONTHS) + r")\s+(?P<y>1[34]\d\d)(?!\d)"
    r"(?:\s*[-،,]?\s*(?:ساعت\s*)?(?P<H>\d{1,2}):(?P<M>\d\d))?"
)
_JALALI_HINT = re.compile("|".join(m for m in _JALALI_MONTHS if len(m) > 2))
_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """The Gregorian day of a Solar Hijri one: the jalaali calendar's arithmetic (eight leap
    years in each 33), which agrees with the astronomical calendar from 1178 to 1633 AP."""
    y = jy + 1595
    days = -355668 + 365 * y + (y // 33) * 8 + (y % 33 + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    g = date.fromordinal(days - 365)  # that count runs one year ahead of Python's ordinal
    return g.year, g.month, g.day


def _jalali_dates(text: str) -> list[tuple[DateValue, int, int]]:
    out = []
    for m in _JALALI.finditer(text.translate(_ASCII_DIGITS)):
        jd, jm = int(m["d"]), _JALALI_MONTHS.index(m["mon"]) + 1
        if not 1 <= jd <= (31 if jm < 7 else 30):
            continue
        dv = make_date(*jalali_to_gregorian(int(m["y"]), jm, jd), m.groupdict())
        if dv is not None:
            out.append((dv, m.start(), m.end()))
    return out


def find_dates(
    text: str, *, dmy_first: bool = False, ref: datetime | None = None, limit: int = 8
) -> list[tuple[DateValue, int, int]]:
    """Dates written in ``text``, with their spans, in order of appearance.

    ``dmy_first`` settles "05/06/2014" (True outside the US); relative dates ("3 hours ago")
    need ``ref``, the moment the page was fetched.
    """
    if not text.isascii() and _JALALI_HINT.search(text):
        found = _jalali_dates(text)
        if found:
            return found[:limit]
    out: list[tuple[DateValue, int, int]] = []
    taken: list[tuple[int, int]] = []
    has_digit = _DIGIT.search(text) is not None
    rxs: tuple[re.Pattern[str], ...] = ()
    if not has_digit:
        if ref is None:
            return out
    elif _FOUR_DIGITS.search(text):
        rxs = _ALL_WRITTEN if _NUM_HINT.search(text) else _WRITTEN
    elif _NUM_HINT.search(text):
        rxs = (_NUM,)
    relative = ref is not None and _may_be_relative(text, has_digit)
    if not rxs and not relative:
        return out

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for rx in rxs:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if rx is _MDY or rx is _DMY or rx is _CTIME:
                mo = _MONTHS.get(m["mon"].lower())
                dv = make_date(int(m["y"]), mo, int(m["d"]), m.groupdict()) if mo else None
            elif rx is _NUM:
                dv = _num_date(m, dmy_first)
            else:
                dv = make_date(int(m["y"]), int(m["m"]), int(m["d"]), m.groupdict())
            start = m.start()
            if dv is not None and dv.hour is None and start and rx is not _ISO:
                dv, start = _with_time_before(text, dv, start, free)
            if dv is not None:
                out.append((dv, start, m.end()))
                taken.append((start, m.end()))
    if relative:
        assert ref is not None
        for m in _RELATIVE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            dv = _relative(m, ref)
            if dv is not None:
                out.append((dv, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    out.sort(key=lambda t: t[1])
    return out[:limit]


def _with_time_before(
    text: str, dv: DateValue, start: int, free: Callable[[int, int], bool]
) -> tuple[DateValue, int]:
    """The date with the time of day written just before it, and where the two start."""
    t = _TIME_BEFORE.search(text, max(0, start - _TIME_BEFORE_CHARS), start)
    if t is None or not free(t.start(), start):
        return dv, start
    timed = make_date(dv.day.year, dv.day.month, dv.day.day, t.groupdict())
    if timed is None or timed.hour is None:
        return dv, start
    return DateValue(timed.day, timed.hour, timed.minute, timed.second, timed.offset, False, dv.alt), t.start()


def _relative(m: re.Match[str], ref: datetime) -> DateValue | None:
    if m["word"]:
        days = _WORD_DAYS[m["word"].lower()]
        d = (ref - timedelta(days=days)).date()
        return DateValue(d, relative=True)
    for n_key, u_key in (("n", "unit"), ("n_fr", "unit_fr"), ("n_de", "unit_de"), ("n_es", "unit_es")):
        if m[n_key]:
            n_s, unit = m[n_key].lower(), m[u_key].lower()
            break
    else:
        return None
    n = int(n_s) if n_s.isdigit() else 1
    per = next((v for k, v in _UNIT_DAYS.items() if unit.startswith(k)), None)
    if per is None:
        return None
    delta = timedelta(days=n * per)
    moment = ref - delta
    if per < 1:  # minutes and hours: we know the moment, in the reference's zone
        off = ref.utcoffset()
        off_min = int(off.total_seconds() // 60) if off is not None else None
        return DateValue(moment.date(), moment.hour, moment.minute, 0, off_min, relative=True)
    return DateValue(moment.date(), relative=True)


def is_future(dv: DateValue, ref: datetime | None) -> bool:
    """Later than the reference moment, now without one (a day's slack for pages whose zone
    we do not know)."""
    if ref is None:
        ref = now_utc()
    if dv.has_time and dv.offset is not None:
        return dv.utc() > ref.astimezone(UTC) + timedelta(minutes=5)
    return dv.day > (ref.astimezone(UTC) + timedelta(hours=14)).date()


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_reference(ref: datetime | None) -> datetime:
    if ref is None:
        return now_utc()
    if ref.tzinfo is None:
        return ref.replace(tzinfo=UTC)
    return ref


__all__ = ["MONTHS", "DateValue", "as_reference", "find_dates", "is_future", "parse_structured"]
