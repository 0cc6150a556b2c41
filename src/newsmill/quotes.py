"""Direct quotes in a story, who said them, and the outlet the story got them from.

``find_quotes(text)`` returns :class:`newsmill.article.Quote` records whose ``start``/``end``
are character offsets into ``text`` (``text[q.start:q.end] == q.text``): the words between
the quote marks, without the marks and without a trailing comma.

What counts as a quote (see docs/quotes.md):

* words between quote marks: straight ``"..."``, curly ``“...”`` and ``‘...’``, straight
  single ``'...'`` where clearly speech (British news; see _clear_speech), and the
  other languages' ``«...»``, ``„...“`` (and ``„..."``), ``»...«``, ``‚...‘``, ``”...”``,
  ``「...」`` (speakers read in the languages listed in docs/quotes.md, each in its own word
  order);
* a quote split around its speech verb (``"...," he said, "..."``) gives two records with
  the same speaker;
* a quote running over several paragraphs (an opening mark at a paragraph's start with no
  closing mark before its end continues into the next paragraph that opens with a mark) is
  one record whose text runs over the paragraphs;
* fragments under three words (scare quotes, "open question") are not quotes, nor are titles
  and slogans ("a film called ...", ``titled "..."``), nor quoted words in the middle of a
  sentence that no speech verb attributes;
* indirect speech without quote marks (``Obama said that prospects ...``) is not reported:
  a Quote promises the speaker's own words.

``speaker`` is the fullest name the story gives ("Earnest" -> "Josh Earnest"), pronouns
(he, she) resolve to the most recent named person, "the spokesman" to the last person named
with that role; ``reported_by`` is the outlet the story got the quote through ("Reuters
quoted ...", "... quotes ...", "according to The Associated Press", "told CNN").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .article import Quote
from .segment import trie_pattern

# --- quote marks ------------------------------------------------------------------------------

# Opening mark -> closing marks, for the paired (unambiguous) families. German CMS output often
# closes „ and ‚ with a straight mark ('„Wir haben Glück gehabt", sagte Sanders.'): read only
# where a straight mark can close (see _straight_closer).
_PAIRS = {"“": "”", "„": "“”\"", "«": "»", "「": "」", "『": "』", "‘": "’", "‚": "‘’'"}
_STRAIGHT_OPEN_LEFT = set("([{—–-/:;,")
_STRAIGHT_CLOSE_RIGHT = set(".,;:!?)]}—–-…،؛؟")  # and Arabic's comma, semicolon and question mark
_TRIM = " \u00a0\u202f\t"

SPEECH_VERBS = (
    "said says say saying told tells tell added adds asked asks explained explains noted notes "
    "wrote writes insisted insists warned warns argued argues stated states declared declares "
    "announced replied replies responded responds answered continued recalled recalls remarked "
    "observed acknowledged acknowledges admitted admits conceded claimed claims stressed stresses "
    "emphasized emphasised cautioned urged suggested suggests agreed concluded confirmed "
    "confirms commented comments tweeted posted shouted yelled whispered joked quipped complained "
    "lamented predicted promised vowed pledged boasted mused recounted countered testified "
    "quotes quoted cited cites called calling described describing dismissed branded"
).split()
# Speech tags after a quote ('...," she shares.'), but before one they take an object
# ('Kevin recommends "the Sony MDR7506"', 'Fedora shares strategy updates and "..."').
_TAIL_ONLY_VERBS = frozenset(
    "continues reveals revealed shares shared advises advised cautions recommends recommended agrees instructs".split()
)
# Other languages' speech tags, read after a quote, where their news sets them, verb first as
# in "said Obama": '„…“, sagte Hoffmann', '« … », a déclaré Gérald Darmanin', '«…», dijo García',
# '"…", ha detto Meloni', '"…", aldus De Vries', '”…”, säger Anna Berg'. Before a quote they
# would need each language's grammar ("Hoffmann sagte: …"): not read.
_DE_NL_VERBS = (
    "sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|warnte|ergänzte|kritisierte|"
    "berichtete|erzählte|erzählt|zei|zegt|verklaarde|aldus|vertelt|vertelde|stelt|benadrukt"
)
_FR_VERBS = (
    "déclare|a déclaré|dit|a dit|affirme|a affirmé|explique|a expliqué|ajoute|a ajouté|souligne|a souligné|"
    "estime|a estimé|poursuit|précise|a précisé|confie|a confié|raconte|a raconté|témoigne|a témoigné|"
    "assure|a assuré|indique|a indiqué|insiste|a insisté|réagit|a réagi|sourit|a souri|résume|a résumé|"
    "relève|a relevé|reconnaît|a reconnu|rappelle|a rappelé|conclut|a conclu|regrette|a regretté|"
    "déplore|a déploré|prévient|a prévenu"
)
# Spanish, Italian and Portuguese drop a subject the sentence before named ('"…", señaló.').
_ES_IT_PT_VERBS = (
    "dijo|afirmó|explicó|señaló|añadió|aseguró|declaró|indicó|agregó|comentó|sostuvo|contó|relató|"
    "subrayó|advirtió|reconoció|manifestó|destacó|precisó|insistió|recordó|apuntó|"
    "ha dicho|ha declarado|ha señalado|ha explicado|ha afirmado|ha asegurado|ha añadido|ha indicado|"
    "ha advertido|ha subrayado|ha reconocido|ha comentado|ha manifestado|ha destacado|ha precisado|"
    "ha detto|ha dichiarato|ha spiegato|ha aggiunto|ha affermato|ha sottolineato|ha commentato|"
    "ha precisato|ha ricordato|ha osservato|ha concluso|ha raccontato|spiega|afferma|racconta|"
    "sottolinea|aggiunge|commenta|dichiara|"
    "disse|afirmou|explicou|declarou|acrescentou|contou|destacou|ressaltou|comentou|completou|"
    "relatou|garantiu|alertou|avaliou|afirma|explica|diz"
)
# Swedish, Danish and Norwegian always put the verb first after a quote ("säger hon"): a verb
# later in the tail is another sentence's ("sa" is a preposition in Tagalog).
_NORDIC_VERBS = (
    "säger|sa|sade|berättar|berättade|förklarar|förklarade|konstaterar|konstaterade|menar|fortsätter|"
    "siger|sagde|fortæller|fortalte|forklarer|forklarede|fortsætter|sier|forteller|forklarte|mener|fortsetter"
)
_NULL_SUBJECT_VERBS = frozenset(_ES_IT_PT_VERBS.split("|"))
_VERB_FIRST_ONLY = frozenset(_NORDIC_VERBS.split("|"))
_FOREIGN_TAIL_VERBS = frozenset("|".join((_DE_NL_VERBS, _FR_VERBS, _ES_IT_PT_VERBS, _NORDIC_VERBS)).split("|"))
# The pronoun after such a verb ("sagte er", "dit-elle", "säger hon"; "a-t-elle ajouté" is not
# read). French "il" only joined to the verb ("dit-il"): "ha detto il sindaco" is Italian's article.
_FOREIGN_PRONOUNS = frozenset("er sie elle él ella lui lei hij zij ele ela han hon hun".split())
_INVERTED_PRONOUN = re.compile(r"^-(?:t-)?(?=\w)")
_INVERTED_IL = re.compile(r"-(?:t-)?il\b")
SPEECH_VERBS += sorted(_TAIL_ONLY_VERBS)
_QUOTING = frozenset("quotes quoted cited cites".split())  # OUTLET quoted SPEAKER
_MULTI_VERBS = ["shot back", "went on", "goes on", "pointed out", "points out", "put it", "fired back", "chimed in"]
# The verbs as their prefix tree (one branch a letter, not a hundred words tried at each place):
# four to six times faster. No verb is another's prefix followed by a word's end, so at most
# one matches at a place, and the tree matches what the list of words did.
_VERB_RE = re.compile(r"\b(?:" + trie_pattern(SPEECH_VERBS + _MULTI_VERBS) + r")\b", re.IGNORECASE)
# Looked for only in a tail without an English verb: most text is spared the longer search.
_FOREIGN_VERB_RE = re.compile(r"\b(?:" + trie_pattern(sorted(_FOREIGN_TAIL_VERBS)) + r")\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ACCORDING_HEAD = re.compile(r"\baccording to\s+(.{2,120})$", re.IGNORECASE)
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|captioned|labell?ed|known as|read|reads|"
    r"reading|slogan|hashtag|motto|book|film|movie|song|album|novel|series|show|play|documentary|"
    r"article|headline|column|episode|podcast|poem|exhibition|campaign|the words?|the phrase|"
    r"the term|so-called)\s*,?\s*$",
    re.IGNORECASE,
)
_OUTLET_VERBS = re.compile(
    r"\b(?:told|telling|interview with|interviewed by|speaking to|speaking with|talking to|"
    r"in remarks to|in a statement to|in comments to|said to|wrote (?:in|for)|writing in|"
    r"in an op-ed (?:in|for)|on)\s+",
    re.IGNORECASE,
)

# --- names ------------------------------------------------------------------------------------

TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sen senator rep representative gov governor president "
    "vice prime minister mayor coach chief police colonel col general gen lieutenant lt sergeant "
    "sgt captain capt major maj admiral adm judge justice councillor councilor councilman "
    "councilwoman secretary ambassador officer detective pope king queen prince princess sir dame "
    "lord lady rev reverend father sister brother bishop cardinal rabbi imam sheikh speaker "
    "chairman chairwoman chair ceo cfo coo director commissioner superintendent principal dean "
    "foreign finance defense defence interior health education economy trade deputy acting "
    "former chancellor premier president-elect sheriff inspector constable agent attorney "
    "district state first the a an supreme leader ayatollah dr. mr. mrs. ms. st. u.s. u.k. u.n. "
    "us uk un eu e.u. white house pentagon kremlin "
    # French, German, Spanish and Italian honorifics: "Mme Durand" -> Durand -> Claire Durand ("M."
    # is also an initial: see _fullest).
    "mme mme. mlle herr frau sr. sra. sig. sig.ra dott. "
    # Vietnamese "Ông Nguyễn Văn Hùng", "Bà Trần Thị Lan" ("Anh" is also a given name)
    "ông bà chị "
    # Commonwealth: "Rt Hon Morag Ellery-Penhallow", "Hon. Tane Whaanga-Price", "Cllr Priya Nandakumar",
    # Australian councillors' "Cr Lachlan Oyelowo-Grant".
    "rt hon cllr cr "
    # Swahili: "Bi Halima Said", "Bw. Juma Hamisi", "Dkt. Neema Kimaro"
    "bi bw bw. dkt dkt.".split()
)
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official officials minister president chief coach mayor "
    "governor senator lawyer attorney ambassador director manager general chairman chairwoman "
    "ceo executive researcher professor doctor author judge officer commander leader secretary "
    "premier analyst economist adviser advisor aide head founder owner expert scientist "
    "engineer teacher captain player striker manager envoy diplomat negotiator candidate "
    "challenger commissioner councillor lawmaker legislator prosecutor investigator resident "
    "farmer nurse student worker employee spokesmen designer specialist editor writer reporter "
    "producer consultant developer coordinator founder co-founder cofounder partner "
    "correspondent columnist historian psychologist therapist physician surgeon pastor "
    "instructor trainer chef artist architect curator photographer filmmaker novelist poet musician "
    "singer actor actress planner stylist co-owner entrepreneur investor dietitian nutritionist "
    "dentist veterinarian pharmacist lecturer".split()
)
ORG_WORDS = frozenset(
    "house ministry department university college company corp corporation inc ltd llc group "
    "agency council party states state government office court police bank association union "
    "institute foundation commission authority board committee center centre hospital school "
    "airlines airways energy club league federation organization organisation network trust "
    "service services army navy force forces parliament congress senate assembly administration "
    "church team fund program programme project council island city county street river sea "
    "east west north south republic kingdom nations coalition alliance front movement ministry "
    "bureau unit division station airport port museum library "
    # The same institutions in Spanish, Portuguese, Italian, French and German names ("Instituto
    # Provincial de Tecnología Agropecuaria" is not a person).
    "instituto istituto institut universidad universidade università université universität "
    "ministerio ministério ministero ministère ministerium asociación associação associazione "
    "fundación fundação fondazione fondation stiftung comisión comissão commissione consejo conselho "
    "consiglio conseil secretaría tribunal ospedale hôpital krankenhaus escuela escola scuola école "
    "schule empresa gobierno governo gouvernement regierung ayuntamiento municipio municipalidad "
    "prefeitura comune mairie gemeinde partido partito sindicato policía polícia polizia polizei "
    "museo museu musée biblioteca bibliothèque cooperativa federación federação federazione".split()
)
MEDIA_WORDS = frozenset(
    "news times post herald journal tribune press radio tv television gazette daily magazine "
    "agency network channel telegraph guardian observer record chronicle wire star sun mirror "
    "express independent standard courier bulletin dispatch examiner inquirer globe mail "
    "economist review weekly register sentinel reporter monitor today leader bee enquirer "
    "insider media broadcasting broadcaster newspaper".split()
)
WIRE_SERVICES = frozenset(
    "reuters,bloomberg,interfax,xinhua,kyodo,yonhap,tass,axios,politico,al jazeera,anadolu,"
    "bernama,ansa,efe,ria novosti,afp,ap,associated press,agence france-presse,france-presse,"
    "dpa,upi,cnbc,cnn,bbc,npr,pbs,abc,cbs,nbc,fox news,msnbc".split(",")
)
PRONOUNS = frozenset(("he", "she", "him", "her"))  # resolved to the last person named
# The last word of a two-word run that names a place, a firm or a band, not a person ("the
# Larkspur Valley had ...", "Kessler Brothers recorded ..."): not what a pronoun refers to. Words
# that are also common surnames (Park, Hall, Hill, Lane, Lake, Brooks, Woods) are left out.
_NOT_PERSON_LAST = frozenset(
    "valley canyon creek mountain mountains hills heights springs falls peninsula desert brothers "
    "bros sons sisters associates holdings industries enterprises partners motors labs studios "
    "productions records farms vineyards orchards winery brewery cafe café restaurant hotel inn "
    "avenue boulevard road highway plaza square stadium arena theater theatre festival awards "
    "cup games olympics championship tournament".split()
)
_ARTICLE_END = re.compile(r"\b(?:the|a|an)\s+$")
# An honorific after other capitalized words ends a role: "Laryngologist Dr. Renata Sokol",
# "Harvard Prof. Amos Lee". Sen./Rep./Gov./Rev. only with their period ("Amartya Sen").
_HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. mx mx. dr dr. prof prof. sen. rep. gov. rev. judge sir dame rt rt. hon. cllr cllr. cr cr.".split()
)
# Letters after a full name are not part of it: "Morag Ellery-Penhallow MP", "Ferdia Mac Aodha KC",
# "Colin Fairweather OBE JP" (as written, capitals and all: "Jordan MP" alone is kept).
_POST_NOMINALS = frozenset("MP MSP MLA MPP MHA MS TD QC KC OBE MBE CBE DBE KBE PhD JP".split())
NOT_NAMES = frozenset("he she him her they them we us it i you his hers their our its this that".split())
_FUNCTION_CAPS = frozenset(
    "the a an for in at on with and but or as when while if after before according by from to "
    "this that these those there here so yet also then meanwhile however "
    "some every each many most several "
    "ο η οι το".split()  # Greek articles: "Η Μαρία Κωνσταντίνου"
)
_ABBREV = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt maj adm st jr sr inc corp ltd co no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m etc fig mt ft "
    "approx dept est mme mlle sra sig dott rt hon cllr cr bw dkt".split()
)
_CONNECTORS = frozenset("de van von der den da di del la le bin ibn al el dos du of for and".split())
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*\.?|\d+|[,;:()]")
# Capital letters: where a run of names can start.
_UPPER = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha())
# Scanned for as a plain character class, the previous character checked in Python: a
# lookbehind in the pattern would be tried at every position of the text, 4x slower.
_CAP = re.compile(f"[{re.escape(_UPPER)}]")
_TAIL_CHARS = frozenset("0123456789_'’-")
_TOKEN_TAIL = re.compile(r"[\d_'’\-]+$")

# A sentence ends in . ! ? … (and the danda । of Hindi and Bengali, Arabic's ؟, Urdu's ۔); the
# next may open with any opening mark: "“‘„‚( and German », a straight single quote (British
# speech); French « and Swedish ” with a space after them. It starts with a digit, an uppercase
# letter of a cased script (Latin, Greek, Cyrillic ...) or any letter of a script without case
# (Hebrew, Arabic, Persian, Devanagari, Bengali, Thai, CJK ...): a letter or digit (the group),
# not lower-case (checked in Python: a class of every such letter takes ~50 ms to build at import).
_BOUNDARY = re.compile(r"[.!?…।؟۔][\"”’»)']*\s+(?=(?:[\"“‘„‚»(']|[«”]\s?)?([^\W_]))")
# Thai ends a sentence with a space: one before an opening mark and a Thai letter starts a quote's
# sentence. Scanned for the mark, the space and the Thai letter before it checked in Python.
_THAI_QUOTE_START = re.compile(r"[\"“‘«](?=\s?[\u0e01-\u0e2e\u0e40-\u0e44])")
_WORDS = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WINDOW = 300  # characters of a sentence read on each side of a quote for its attribution


@dataclass(slots=True)
class _Span:
    """One quote: offsets of its marks and of its words, in the whole text."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None if the paragraph ends first
    start: int  # first character of the words
    end: int  # one past the last character of the words
    para: int  # paragraph index where it opens
    last_para: int = -1
    speaker: str | None = None
    reported_by: str | None = None
    attributed: bool = False  # a speech verb in its sentence says who spoke
    via_tail: bool = False
    title: bool = False  # introduced as a title or slogan: not speech
    single: bool = False  # straight single marks ('...'): kept only where clearly speech
    carried: bool = False  # no verb: the previous quote's speaker carries on
    lead_in: str | None = None  # a block quote without marks: the sentence that introduces it
    # A paragraph of speech opened by a dash ("– Lossi on ollut …, Heikkinen sanoo."): its tag
    # (the clause after the speech) or "" for one without a tag, read after a tagged one.
    dash_tag: str | None = None


@dataclass(slots=True)
class _Run:
    """A run of capitalized words: a name, an organization, a place."""

    tokens: list[str]
    start: int
    end: int
    next_word: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(slots=True)
class _Mentions:
    """The people and organizations a story names, outside its quotes."""

    persons: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, name, context)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    # Mentions that read as one person, for he/she: full names that are not a place or a firm,
    # and surnames of such names met again ("Strand, reached by phone, ...").
    people: list[tuple[int, str]] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Doc:
    text: str
    paras: list[tuple[int, int]]
    spans: list[_Span] = field(default_factory=list)
    boundaries: list[int] = field(default_factory=list)
    found: _Mentions | None = None

    @property
    def mentions(self) -> _Mentions:
        # Read the whole story's names (most of find_quotes' time) only once a quote needs a
        # speaker looked up: in many stories every quote is a title or a scare quote first.
        if self.found is None:
            self.found = _collect_mentions(self)
        return self.found


def find_quotes(text: str, *, block_quotes: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """The direct quotes in ``text``, in order, with speaker and outlet when the story says.

    ``block_quotes`` holds the ``(start, end)`` offsets in ``text`` of paragraphs set as quotes
    without marks (a ``<blockquote>``'s, see :func:`newsmill.render.render_text`): a run of them
    right after a paragraph that ends in "<speaker> <speech verb>:" is that speaker's quote.
    """
    if not isinstance(text, str) or not text:
        return []
    doc = _Doc(text, _paragraphs(text))
    doc.spans = _find_spans(doc)
    if block_quotes:
        _add_block_quotes(doc, block_quotes)
    if all(_too_short(text, sp) for sp in doc.spans):
        return []  # scare quotes and quoted names only (or none): nothing to attribute
    doc.boundaries = _boundaries(doc)
    prev: _Span | None = None
    out: list[Quote] = []
    for k, sp in enumerate(doc.spans):
        if sp.dash_tag is not None:
            if not _dash_attribution(doc, sp, prev):
                continue
        elif sp.lead_in is not None:
            _lead_in_attribution(doc, sp, sp.lead_in)
            if sp.speaker is None or len(_WORDS.findall(text, sp.start, sp.end)) < 3:
                continue  # "As I said in my talk:", "Some replies:": no one named
        else:
            nxt = doc.spans[k + 1].open if k + 1 < len(doc.spans) else None
            if nxt is not None and sp.close is not None and _past_name_in_marks(doc, sp, doc.spans[k + 1]):
                # The tail runs past a name in marks after its verb: "», είπε στην «Ηχώ» ο πρόεδρος …"
                nxt = doc.spans[k + 2].open if k + 2 < len(doc.spans) else None
            _attribute(doc, sp, prev, nxt)
            if not _keep(doc, sp):
                continue
        out.append(Quote(text[sp.start : sp.end], sp.speaker, sp.reported_by, sp.start, sp.end))
        prev = sp
    return out


def _too_short(text: str, sp: _Span) -> bool:
    """A quote dropped whoever says it: under three words and not six CJK characters (see
    _keep; a block quote's lead-in too needs three words). A dash's speech is judged apart."""
    return (
        sp.dash_tag is None and len(_WORDS.findall(text, sp.start, sp.end)) < 3
        and len(_CJK.findall(text, sp.start, sp.end)) < 6
    )


def _past_name_in_marks(doc: _Doc, sp: _Span, n: _Span) -> bool:
    """The next quote is a name of a word or two in the same paragraph, after a word of the tail."""
    return (
        n.para == sp.last_para and len(_WORDS.findall(doc.text, n.start, n.end)) < 3
        and _WORDS.search(doc.text, sp.close + 1, n.open) is not None
    )


# --- finding the marks ------------------------------------------------------------------------


_LINE = re.compile(r"[^\n]+")
_SEGMENT_SEP = re.compile(r"[,;(]|\s[—–-]\s")
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|which|whose|as saying|as telling|as writing)\b")
_REPORTED_BY = re.compile(r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+(?:reported|reports|said in a report)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|has been|had been)\s*$")
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?")
_AS_END = re.compile(r"\bas\s*$")
# "...," she has said / once said / later added: the word before the verb is not the speaker's.
_AUX_END = re.compile(r"\s(?:has|have|had|would|will|once|later|also|then)\s*$", re.IGNORECASE)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _LINE.finditer(text):
        if not m.group().isspace():
            out.append((m.start(), m.end()))
    return out


def _straight_pairs(p: str, mark: str = '"') -> list[tuple[int, int | None]]:
    """Pair the straight double quotes of one paragraph by what surrounds each mark (and
    Swedish and Finnish ”…”, one mark for both ends, the same way)."""
    out: list[tuple[int, int | None]] = []
    open_at: int | None = None
    i = p.find(mark)
    while i >= 0:
        left = p[i - 1] if i > 0 else None
        right = p[i + 1] if i + 1 < len(p) else None
        can_open = (left is None or left.isspace() or left in _STRAIGHT_OPEN_LEFT) and (
            right is not None and not right.isspace()
        )
        can_close = (left is not None and not left.isspace()) and (
            right is None or right.isspace() or right in _STRAIGHT_CLOSE_RIGHT or right in "\"'’”"
            or "\uac00" <= right <= "\ud7a3"  # Korean joins its quotative particle: '"…"라고 말했다'
        )
        if open_at is None:
            if can_open:
                open_at = i
        elif can_close:
            out.append((open_at, i))
            open_at = None
        elif can_open:
            open_at = i  # two openers in a row: the first one was stray
        i = p.find(mark, i + 1)
    if open_at is not None:
        out.append((open_at, None))
    return out


def _reversed_guillemets(p: str) -> list[tuple[int, int | None]]:
    """German and Danish »…«: » opens where a word starts right after it (French and Spanish
    close with it: « … », «…», ) and is closed by the next «, which must end a word."""
    out: list[tuple[int, int | None]] = []
    i = p.find("»")
    while i >= 0 and i + 1 < len(p):
        if (i == 0 or p[i - 1].isspace() or p[i - 1] in _STRAIGHT_OPEN_LEFT) and not p[i + 1].isspace():
            j = p.find("«", i + 1)
            if j < 0 or p[j - 1].isspace() or p[j + 1 : j + 2].isalnum():
                break  # not a closing mark: French or Spanish text, not read
            out.append((i, j))
            i = j
        i = p.find("»", i + 1)
    return out


def _paired(p: str, opener: str, closers: str) -> list[tuple[int, int | None]]:
    out: list[tuple[int, int | None]] = []
    i = 0
    while True:
        i = p.find(opener, i)
        if i < 0:
            break
        if opener in "‘‚":
            # A curly single quote opens only at a word's start; it closes where a word ends
            # and no letter follows (an apostrophe has letters on both sides).
            if i > 0 and not (p[i - 1].isspace() or p[i - 1] in "(“„\"—–-"):
                i += 1
                continue
            j = i + 1
            close = None
            while True:
                j = min((k for k in (p.find(c, j) for c in closers) if k >= 0), default=-1)
                if j < 0:
                    break
                nxt = p[j + 1] if j + 1 < len(p) else ""
                if not nxt.isalpha() and j > i + 1 and not p[j - 1].isspace():
                    if p[j - 1] not in "sS" or nxt in ",.;:!?" or nxt == "":
                        close = j
                        break
                j += 1
        else:
            js = [j for j in (_straight_closer(p, i + 1) if c == '"' else p.find(c, i + 1) for c in closers) if j >= 0]
            close = min(js) if js else None
        out.append((i, close))
        if close is None:
            break
        i = close + 1
    return out


# British news sets speech in straight single marks ("'I feel 40 inside,' Mrs Pelling said."), which
# are also apostrophes (don't, Pelling's, rock 'n' roll, '90s, O'Brien, the students' union). A mark
# opens only at a word's start before a letter, not before a clipped word ('em, 'n', 'til); it closes
# after a word where no letter or digit follows, and after a letter only before punctuation or the
# paragraph's end ("the students' union", "tryin' my best" do not close). The quotes found are kept
# only where they read as speech (see _clear_speech).
# The mark first, what precedes it checked after: scanned for the mark alone, 30x faster.
_SQ_OPENER = re.compile(r"'(?<=[\s(\[“\"—–-]')(?=[^\W\d_])")
_SQ_LEFT = set("([“\"—–-")
_SQ_CLIPPED = re.compile(r"'(?:em|n|til|till|cause|cos|tis|twas|bout|round|ere|ow)(?![\w'’])", re.IGNORECASE)
_SQ_CLOSE_RIGHT = set(".,;:!?)]—–-…\"”’")


def _straight_singles(p: str) -> list[tuple[int, int | None]]:
    if p[:1] == "'" and p[1:2].isalpha():
        i = 0
    else:
        m = _SQ_OPENER.search(p)
        if m is None:
            return []
        i = m.start()
    out: list[tuple[int, int | None]] = []
    open_at: int | None = None
    while i >= 0:
        left = p[i - 1] if i else ""
        right = p[i + 1 : i + 2]
        if (not left or left.isspace() or left in _SQ_LEFT) and right.isalpha():
            if not _SQ_CLIPPED.match(p, i):
                open_at = i  # a pending opener before it was an apostrophe
        elif open_at is not None and left and not left.isspace() and not right.isalnum():
            if left in ",.!?…;:" or not right or right in _SQ_CLOSE_RIGHT:
                out.append((open_at, i))
                open_at = None
        i = p.find("'", i + 1)
    if open_at is not None:
        out.append((open_at, None))
    return out


def _straight_closer(p: str, j: int) -> int:
    """The first straight double quote from ``j`` that can close a quote, past any straight
    quote opened and closed inside it; -1 if none."""
    depth = 0
    j = p.find('"', j)
    while j >= 0:
        left, right = p[j - 1], p[j + 1 : j + 2]
        if not left.isspace() and (not right or right.isspace() or right in _STRAIGHT_CLOSE_RIGHT or right in "'’”"):
            if not depth:
                return j
            depth -= 1
        elif right and not right.isspace():
            depth += 1
        j = p.find('"', j + 1)
    return -1


def _find_spans(doc: _Doc) -> list[_Span]:
    text = doc.text
    raw: list[tuple[int, int | None, int, bool]] = []  # (open, close, para, single) absolute offsets
    # Most texts have no straight single quote at a word's start: one search spares each paragraph.
    sq = text[:1] == "'" or _SQ_OPENER.search(text) is not None
    dashes: dict[int, str] = {}  # open offset -> tag of a dash-opened paragraph's speech
    dash_paras: set[int] = set()  # paragraphs with a tagged dash quote
    for k, (a, b) in enumerate(doc.paras):
        p = text[a:b]
        found: list[tuple[int, int | None]] = []
        if p.lstrip(_TRIM)[:1] in "–—":
            for o, c, tag in _dash_quotes(p, k - 1 in dash_paras):
                found.append((o, c))
                dashes[a + o] = tag
                if tag:
                    dash_paras.add(k)
        if '"' in p:
            found += _straight_pairs(p)
        for opener, closers in _PAIRS.items():
            if opener in p:
                found += _paired(p, opener, closers)
        if "»" in p and "«" in p:
            found += _reversed_guillemets(p)
        if "”" in p and "“" not in p and "„" not in p:
            found += _straight_pairs(p, "”")  # no “ or „ for ” to close: ”…” (Swedish, Finnish)
        singles: set[int] = set()
        if sq and "'" in p:
            # A straight single quote that opens at the paragraph's start may run on into the
            # next paragraph; one that opens elsewhere must close, and must not cross another
            # kind of quote (it holds one whole or is dropped).
            lead = len(p) - len(p.lstrip(_TRIM))
            for o, c in _straight_singles(p):
                if c is None:
                    if o != lead:
                        continue
                elif not (
                    p[c - 1] in ",!?.…" or p[c + 1 : c + 3].lstrip().startswith(",") or p[:o].rstrip().endswith(":")
                ) or len(p[o:c].split()) < 3:
                    continue  # no tag can follow, no colon before, no sentence inside: not speech
                end = c if c is not None else len(p)
                if any(o < o2 <= end and (c2 is None or c2 > end) for o2, c2 in found):
                    continue
                found.append((o, c))
                singles.add(o)
        # Outer quotes win over quotes nested inside them.
        found.sort(key=lambda t: (t[0], -(t[1] if t[1] is not None else len(p))))
        last_end = -1
        for o, c in found:
            if o <= last_end:
                continue
            raw.append((a + o, a + c if c is not None else None, k, o in singles))
            last_end = c if c is not None else len(p)
    spans: list[_Span] = []
    i = 0
    while i < len(raw):
        o, c, k, single = raw[i]
        last = k
        # A paragraph that opens a quote and never closes it continues into the next
        # paragraph when that one starts with an opening mark (of the same kind).
        while c is None and i + 1 < len(raw):
            o2, c2, k2, single2 = raw[i + 1]
            if k2 != last + 1 or single2 != single or o2 != _content_start(text, doc.paras[k2][0]):
                break
            i += 1
            c, last = c2, k2
        i += 1
        if single and c is None:
            continue  # a straight single quote never closed: an apostrophe ("'Tis", a name)
        end = c if c is not None else doc.paras[last][1]
        s, e = _trim(text, o + 1, end)
        if e > s:
            spans.append(_Span(o, c, s, e, k, last, single=single, dash_tag=dashes.get(o)))
    return spans


# Dialogue dashes (Finnish, Swedish, Norwegian, Danish, Russian, Ukrainian, Hungarian, Polish, Czech,
# Bulgarian, Hebrew news): a paragraph opens with a dash, the speech, then a comma or a second dash
# and the tag, verb first ("– …, säger Anna Berg.", "— …, — сказал Иван Петров.", "– … – mondta
# Horváth Józsefné.") or, in Finnish, the name first ("– …, Heikkinen sanoo."). Without a tag such a
# paragraph is a list item or an aside, unless the paragraph before was a tagged one's (the speaker
# goes on).
def _dash_quotes(p: str, after_tagged: bool) -> list[tuple[int, int, str]]:
    """The speech of a paragraph opened by a dialogue dash: (dash, end of the speech, tag), and the
    speech after the tag when a dash opens it again ("— …, — сказал он. — …"); none without a tag,
    unless ``after_tagged`` (the paragraph before was a tagged one's: "" as the tag)."""
    lead = len(p) - len(p.lstrip(_TRIM))
    if not p[lead + 1 : lead + 2].isspace():
        return []  # "–20 °C", "—and": not a dialogue dash
    out: list[tuple[int, int, str]] = []
    o = lead
    while True:
        for m in _DASH_SEP.finditer(p, o + 2):
            end = _TAG_END.search(p, m.end())
            clause = p[m.end() : end.start() if end else len(p)]
            if _is_dash_tag(clause):
                out.append((o, m.start() + (m.group()[0] == ","), clause))
                rest = end.end() if end else len(p)
                nxt = len(p) - len(p[rest:].lstrip(_TRIM))
                if p[nxt : nxt + 1] in ("–", "—") and p[nxt + 1 : nxt + 2].isspace():
                    o = nxt
                    break  # the speech goes on after the tag
                return out
        else:
            if o == lead and after_tagged:
                return [(o, len(p), "")]
            if o != lead:
                out.append((o, len(p), "-"))  # the rest of a tagged paragraph's speech
            return out


def _is_dash_tag(clause: str) -> bool:
    """A speech tag after a dialogue dash's speech: a speech verb first, then nothing, a pronoun or
    a name within a few words (Hebrew, without capitals: a few words); in Finnish also a name (or
    hän) right before the verb."""
    words = clause.split()
    if not words or len(words) > 12:
        return False
    m = _DASH_VERB_RE.match(clause)
    if m:
        rest = clause[m.end() :].split()
        if not rest:
            return True
        if rest[0].lower().rstrip(",") in _DASH_PRONOUNS:
            return True
        if _HE_LETTER.match(m.group()):
            return len(rest) <= 6
        return any(w[0].isupper() for w in rest[:6])
    for k, w in enumerate(words[1:6], 1):
        if w.lower().rstrip(",") in _FI_VERB_SET:
            before = words[k - 1]
            return before[0].isupper() or before.lower() in _DASH_PRONOUNS
    return False


def _dash_attribution(doc: _Doc, sp: _Span, prev: _Span | None) -> bool:
    """The speaker a dialogue dash's tag names; whether the paragraph is a quote at all."""
    tag = sp.dash_tag
    if not tag or tag == "-":
        # The speaker goes on: after the tag in the same paragraph, or in the paragraph after it.
        if prev is None or prev.dash_tag is None or not prev.speaker or prev.para < sp.para - (tag != "-"):
            return tag == "-" and prev is not None and prev.para == sp.para
        sp.speaker, sp.attributed, sp.carried = prev.speaker, True, True
        return True
    who: str | None = None
    m = _DASH_VERB_RE.match(tag)
    if m:
        who = _verb_first(doc, sp, m.group().lower(), tag[m.end() :])
    else:
        words = tag.split()
        k = next(k for k, w in enumerate(words) if w.lower().rstrip(",") in _FI_VERB_SET)
        if words[k - 1].lower() in _DASH_PRONOUNS:
            who = _recent_people(doc, sp.open, doc.paras[max(0, sp.para - 1)][0])
        else:
            before = tag[: tag.index(words[k - 1]) + len(words[k - 1])]
            runs = _runs(before)
            if runs and runs[-1].end == len(before):
                who = _foreign_name(doc, runs[-1])
    sp.speaker, sp.attributed = who, True
    return True


# A block quote's lead-in ends with the speech verb, a few words after it at most, and a colon:
# "Water and Coasts Minister Harriet Coldwell said:", "She told the BBC on Monday:".
_LEAD_IN_END = re.compile(r"(?:\s+\S+){0,4}\s*:$")


def _add_block_quotes(doc: _Doc, block_quotes: Sequence[tuple[int, int]]) -> None:
    """Quotes set as block quotes without marks (GOV.UK, newsrooms: the marks are the style
    sheet's), each run of consecutive ones introduced by the paragraph just before it."""
    text = doc.text
    runs: list[list[int]] = []
    for a, b in sorted(block_quotes):
        if not 0 <= a < b <= len(text):
            continue
        s, e = _trim(text, a, b)
        if e <= s:
            continue
        if runs and s >= runs[-1][1] and not text[runs[-1][1] : s].strip():
            runs[-1][1] = e  # consecutive blocks: one quote
        elif not runs or s >= runs[-1][1]:
            runs.append([s, e])
    if not runs:
        return
    starts = [a for a, _ in doc.paras]
    added = False
    for s, e in runs:
        k = bisect_right(starts, s) - 1
        if k < 1 or text[doc.paras[k][0] : s].strip():
            continue  # no paragraph before it, or the block does not open its paragraph
        lead = _lead_in(text, *doc.paras[k - 1])
        if lead is None:
            continue  # a pull quote, an epigraph: nobody is said to speak
        inside = [sp for sp in doc.spans if s <= sp.open < e]
        if inside and inside[0].open == s:
            continue  # set in marks as well: read as such
        doc.spans = [sp for sp in doc.spans if not s <= sp.open < e]
        last = bisect_right(starts, e - 1) - 1
        doc.spans.append(_Span(s, None, s, e, k, last, lead_in=lead))
        added = True
    if added:
        doc.spans.sort(key=lambda sp: sp.open)


# "Allan wrote:" alone is a forum's quote header: the post quoted is not a story's speech.
_FORUM_QUOTE_HEADER = re.compile(r"\S+\s+wrote:")


def _lead_in(text: str, a: int, b: int) -> str | None:
    """The last sentence of a paragraph that ends in "<speaker> <speech verb>:", else None."""
    p = text[a:b].rstrip(_TRIM)
    if not p.endswith(":") or _FORUM_QUOTE_HEADER.fullmatch(p):
        return None
    cut = 0
    for m in _BOUNDARY.finditer(p):
        if _ends_sentence(p, m):
            cut = m.end()
    sentence = p[cut:]
    verbs = list(_VERB_RE.finditer(sentence))
    if not verbs or not verbs[-1].start() or not _LEAD_IN_END.fullmatch(sentence, verbs[-1].end()):
        return None
    return sentence[:-1]


def _lead_in_attribution(doc: _Doc, sp: _Span, lead: str) -> None:
    """The speaker a block quote's lead-in names: "Water Minister Harriet Coldwell said", "As Matt
    Burns, a project manager, says"; "She said" is the person named in the lead-in's paragraph or
    the one before. A one-word name must come right before the verb ("Maslow once said", not
    "Older versions of the documentation say")."""
    m = list(_VERB_RE.finditer(lead))[-1]
    before = _AUX_END.sub(" ", lead[: m.start()]).rstrip()
    words = before.split()
    if words and words[-1].lower() in PRONOUNS:
        who = _recent_people(doc, sp.open, doc.paras[max(0, sp.para - 2)][0])
    else:
        who = _speaker_from(doc, before, sp.open, nearest_last=True)
        if who is not None and " " not in who and (not words or words[-1].strip(",") != who):
            who = None
    if who:
        sp.speaker, sp.attributed = who, True
        _told_outlet(sp, m.group().lower(), lead[m.end() :])
        sp.reported_by = sp.reported_by or _outlet_in(lead)


def _content_start(text: str, a: int) -> int:
    while a < len(text) and text[a] in _TRIM:
        a += 1
    return a


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM + ",":
        e -= 1
    return s, e


# --- sentences --------------------------------------------------------------------------------


_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _boundaries(doc: _Doc) -> list[int]:
    """Sentence starts outside the quotes (paragraph starts included)."""
    text = doc.text
    starts = [sp.start for sp in doc.spans]  # spans are sorted and do not overlap
    out = [a for a, _ in doc.paras]
    for m in _BOUNDARY.finditer(text):
        pos = m.start()
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < doc.spans[k].end:
            continue  # inside a quote
        if _ends_sentence(text, m):
            out.append(m.end())
    for m in _THAI_QUOTE_START.finditer(text):
        pos = m.start()
        if pos > 1 and text[pos - 1] == " " and "\u0e01" <= text[pos - 2] <= "\u0e5b":
            out.append(pos)
    return sorted(set(out))


def _ends_sentence(text: str, m: re.Match) -> bool:
    """A _BOUNDARY match is a sentence's end: the next starts with no lower-case letter, and the
    period does not end an abbreviation ("Mr.", "U.S.") or an initial."""
    if m.group(1).islower():
        return False
    pos = m.start()
    if text[pos] == ".":
        wm = _WORD_BEFORE_DOT.search(text[max(0, pos - 12) : pos + 1])
        if wm:
            w = wm.group(1).lower()
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or _DOTTED.fullmatch(w):
                return False
    return True


def _sentence_start(doc: _Doc, pos: int) -> int:
    k = bisect_right(doc.boundaries, pos)
    return doc.boundaries[k - 1] if k else 0


def _sentence_end(doc: _Doc, pos: int) -> int:
    k = bisect_right(doc.boundaries, pos)
    return doc.boundaries[k] if k < len(doc.boundaries) else len(doc.text)


# --- names and mentions -----------------------------------------------------------------------


def _is_cap(tok: str) -> bool:
    # The first character is a letter for almost every token: no need to look further.
    c = tok[:1]
    return c.isupper() and (c.isalpha() or any(ch.isalpha() for ch in tok))


def _runs(s: str, base: int = 0) -> list[_Run]:
    """Runs of capitalized words (connectors like "of", "de" allowed between two of them).

    Only capitals can start a run, so the text is scanned for them and tokenized forward
    from each one: most words are lower-case and are never made into tokens.
    """
    runs: list[_Run] = []
    pos = 0
    match = _TOKEN.match
    search = _TOKEN.search
    next_cap = _CAP.search
    while True:
        # The next capital at or after the end of the last run: capitals inside a run are
        # never visited.
        cap = next_cap(s, pos)
        if cap is None:
            break
        a = cap.start()
        pos = a + 1
        if a:
            prev = s[a - 1]
            if prev.isalnum() and not prev.isdecimal():
                continue  # inside a word ("McDonald"): what [^\W\d_] matches, a letter
            if prev in _TAIL_CHARS:
                # After digits, apostrophes or hyphens: a token starts here unless a word runs on.
                k = _TOKEN_TAIL.search(s, max(0, a - 40), a)
                b = k.start() if k else a
                if b and s[b - 1].isalpha():
                    continue
        # A capital is a letter: the token it starts is a capitalized one.
        tm = match(s, a)
        if tm is None:
            continue
        words = [tm.group()]
        j_end = tm.end()
        nm = search(s, j_end)
        nxt = ""  # the lower-cased token after the run
        while nm is not None:
            nt = nm.group()
            start = nm.start()
            if start != j_end + 1 or s[j_end] != " ":  # one space: the usual gap, nothing to check
                gap = s[j_end:start]
                if gap.strip() or "\n" in gap:
                    nxt = nt.lower()
                    break  # a run does not cross punctuation or a line break
            last = words[-1]
            if last[-1] == "." and not _keeps_period(last):
                nxt = nt.lower()
                break  # nor a sentence end
            c = nt[0]
            if c.isupper() and (c.isalpha() or _is_cap(nt)):
                words.append(nt)
                j_end = nm.end()
                nm = search(s, j_end)
                continue
            low = nt.lower()
            if low in _CONNECTORS:
                m2 = search(s, nm.end())
                if m2 is not None and _is_cap(m2.group()) and not s[nm.end() : m2.start()].strip():
                    words += [nt, m2.group()]
                    j_end = m2.end()
                    nm = search(s, j_end)
                    continue
            nxt = low
            break
        # Only a word ending in a period can lose one: the others are kept as they are.
        toks = [w if w[-1] != "." or _keeps_period(w) else w.rstrip(".") for w in words]
        runs.append(_Run(toks, base + a, base + j_end, nxt))
        pos = j_end
    return runs


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _keeps_period(w: str) -> bool:
    return _INITIALS.fullmatch(w) is not None or w.lower().rstrip(".") in _ABBREV


def _strip_titles(tokens: list[str]) -> list[str]:
    """Leading titles and roles off a name: "U.S. President Barack Obama" -> "Barack Obama"."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower().rstrip(".") in TITLES or tokens[i].lower() in TITLES):
        i += 1
    return tokens[i:]


def _is_outlet(name: str) -> bool:
    low = name.lower().removeprefix("the ").strip()
    if not low:
        return False
    if low in WIRE_SERVICES:
        return True
    ws = low.split()
    if any(w in MEDIA_WORDS for w in ws):
        return True
    if " ".join(ws[:2]) in WIRE_SERVICES:
        return True
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


# The same runs ("The", "New York") recur in a story and across stories: judge each once.
_NAME_CACHE: dict[tuple, str | None] = {}
_ORG_CACHE: dict[tuple, str | None] = {}
_CACHE_MAX = 50_000


def _memo(cache: dict[tuple, str | None], key: tuple, judge: Callable[[_Run], str | None], run: _Run) -> str | None:
    if key in cache:
        return cache[key]
    if len(cache) > _CACHE_MAX:
        cache.clear()
    value = cache[key] = judge(run)
    return value


def _person_name(run: _Run) -> str | None:
    """The person's name in a run, or None when the run is an organization, place or outlet."""
    return _memo(_NAME_CACHE, (*run.tokens, "|", run.next_word), _judge_person, run)


# German capitalises nouns, so a compound role joins the name's run ("Oberbürgermeisterin
# Sabine Hoffmann", "Stadtbaurat Jens Becker"); its last part says it is a role. Only a first
# token of seven letters or more is read so: "Murat", "Sabine Hofmeister" are names.
_COMPOUND_ROLE = re.compile(
    r"\w{2,}(?:meister|minister|präsident|sprecher|leiter|direktor|chef|rat|rät(?=in)|kanzler|vorsitzender?|"
    r"beauftragter?|anwalt|anwält|experte|trainer|forscher|politiker|sekretär|richter|kommissar)(?:in)?|"
    # Finnish compounds alike: "Kunnanjohtaja Sanna Heikkinen", "Kaupunginlääkäri …"
    r"\w{2,}(?:johtaja|päällikkö|ministeri|pormestari|asiantuntija|tutkija|lääkäri|professori|opettaja|"
    r"edustaja|sihteeri|neuvos|puhemies|valtuutettu)"
)


# German roles are capitalized nouns and run into the name: "ihr Sprecher Torsten Wiebe",
# "Kämmerer Olaf Brinkmann" (words that are also common surnames, Richter, Vogt, Koch, left out).
# Russian and Polish roles are lower-case, but open a sentence capitalized: "Мэр Андрей Соколов",
# "Prezes Tomasz Wiśniewski".
_FOREIGN_ROLE_NOUNS = frozenset(
    "sprecher sprecherin pressesprecher pressesprecherin polizeisprecher polizeisprecherin "
    "bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin ortsbürgermeister "
    "ortsbürgermeisterin landrat landrätin pfarrer pfarrerin pastorin kämmerer kämmerin ortsvorsteher "
    "ortsvorsteherin stadtrat stadträtin gemeinderat gemeinderätin vorsitzende vorsitzender "
    "geschäftsführer geschäftsführerin leiter leiterin chefin direktor direktorin präsident präsidentin "
    "ministerin staatssekretär staatssekretärin intendant intendantin trainerin schulleiter schulleiterin "
    "rektor rektorin dekanin bischof staatsanwalt staatsanwältin oberstaatsanwalt oberstaatsanwältin "
    "rechtsanwalt rechtsanwältin anwältin arzt ärztin chefarzt chefärztin professorin einsatzleiter "
    "einsatzleiterin wehrführer kreisbrandmeister stadtbrandmeister amtsleiter amtsleiterin abgeordnete "
    "abgeordneter landtagsabgeordnete landtagsabgeordneter bundeskanzler bundeskanzlerin kanzlerin "
    "мэр глава губернатор министр президент директор председатель депутат пресс-секретарь "
    "премьер-министр руководитель заместитель аналитик эксперт профессор пенсионер пенсионерка житель "
    "жительница prezes burmistrz minister prezydent dyrektor dyrektorka wojewoda starosta wójt rzecznik "
    "rzeczniczka premier poseł posłanka profesor ekspert analityk mieszkaniec mieszkanka "
    "мер голова міністр міністерка президент президентка директор директорка депутат депутатка речник "
    "речниця керівник керівниця заступник заступниця експерт експертка професор професорка мешканець "
    "мешканка".split()
)


# Local offices written before a name ("Councilmember Yesenia Abara", "Los Angeles County
# Supervisor Hilda Solis"): a role only with a name after it, since some are surnames too
# ("Naomi Alderman", "Sheriff" and "Marshal" as family names).
_OFFICE_TITLES = frozenset(
    "councilmember councilman councilwoman councilperson councilor councillor assemblymember "
    "assemblyman assemblywoman assemblyperson supervisor commissioner alderman alderwoman alderperson "
    "alder trustee superintendent sheriff undersheriff coroner treasurer comptroller controller "
    "selectman selectwoman selectboard freeholder magistrate marshal constable clerk recorder "
    "assessor auditor delegate".split()
)


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s")


# Plural roles before names ("Commissioners Gerald Fitch and Ana Ruiz", "Councilmembers Ana Ruiz"):
# like the offices, a role only with a name after it ("Bain Capital Partners" is a firm).
_PLURAL_ROLES = frozenset(
    _plural(w) for w in ROLE_NOUNS | _OFFICE_TITLES | frozenset(
        "senator representative governor deputy detective sergeant lieutenant inspector agent justice".split()
    ) if not w.endswith(("s", "men"))  # "officials", "spokesmen"
)
# Czech, Romanian and Swahili roles, capitalized at a sentence's start and run into the name
# ("Starosta Jan Novotný", "Pompierul Mihai Ionescu", "Mwalimu Mkuu Neema Kimaro"); some are
# surnames too ("Ummy Mwalimu"): like the offices, roles only with a name after them.
_FOREIGN_OFFICES = frozenset(
    "starosta starostka ředitel ředitelka ministr ministryně mluvčí předseda předsedkyně hejtman hejtmanka "
    "primátor primátorka "
    "primarul primărița directorul directoarea ministrul ministra președintele președinta prefectul "
    "pompierul medicul profesorul profesoara purtătorul purtătoarea "
    "waziri mkuu mwalimu mkurugenzi mwenyekiti diwani mbunge meya rais msemaji katibu kamanda mkulima daktari "
    "mhandisi mkazi meneja".split()
)
_BEFORE_NAME_ROLES = _OFFICE_TITLES | _PLURAL_ROLES | _FOREIGN_OFFICES


def _is_compound_role(w: str) -> bool:
    return w in _FOREIGN_ROLE_NOUNS or len(w) >= 7 and _COMPOUND_ROLE.fullmatch(w) is not None


def _after_roles(toks: list[str]) -> list[str]:
    """The tokens after the last role word, all of them when there is none."""
    last = len(toks) - 1
    roles = [
        k for k, t in enumerate(toks)
        if t.lower() in ROLE_NOUNS or t.lower() in _FOREIGN_ROLE_NOUNS
        or (k < last and t.lower() in _BEFORE_NAME_ROLES)
        # A party's or a place's role: "Grünen-Stadträtin", "SPD-Fraktionschef"
        or (k < last and "-" in t and _is_compound_role(t.rsplit("-", 1)[1].lower()))
    ]
    if not roles and len(toks) > 1 and len(toks[0]) >= 7 and _COMPOUND_ROLE.fullmatch(toks[0].lower()):
        roles = [0]
    return toks[roles[-1] + 1 :] if roles else toks


def _judge_person(run: _Run) -> str | None:
    if run.next_word in ROLE_NOUNS or run.next_word.isdecimal():
        # "White House spokesman ...": a modifier, not the person; "Local 19 president ...",
        # "Engine 12 lieutenant ...": a unit
        return None
    toks = _drop_function_words(run.tokens)
    if "of" in toks or "for" in toks:  # "Yeun Joon Kim of Cambridge Judge Business School"
        toks = toks[: min(toks.index(w) for w in ("of", "for") if w in toks)]
    # "Visual Designer Megan Lynch", "Co-Owner and Lead Planner Erica Vanco": the name is what
    # follows the last role word (a role last, as in "Jane Doe and Designer", is read after
    # the cut at "and").
    toks = _after_roles(toks) or toks
    if "and" in toks:
        toks = toks[: toks.index("and")]
    toks = _after_roles(toks)
    hon = next((k for k in range(1, len(toks) - 1) if toks[k].lower() in _HONORIFICS), None)
    if hon is not None:
        toks = toks[hon:]
    toks = _strip_titles(toks)
    while len(toks) > 2 and toks[-1] in _POST_NOMINALS:
        toks = toks[:-1]
    if not toks or any(t.endswith(("'s", "’s")) for t in toks):
        return None  # "Institute's", "Smith's lawyer": a possessive, not the speaker
    if any(t.lower() in ORG_WORDS for t in toks):
        return None
    name = " ".join(toks)
    if _is_outlet(name) or name.lower() in NOT_NAMES or name.lower() in TITLES:
        return None
    if all(t.isupper() and len(t) > 1 for t in toks):
        return None  # an acronym: an organization
    return name


def _drop_function_words(tokens: list[str]) -> list[str]:
    """Sentence-initial capitals that are not part of a name: "For Paris Baguette"."""
    i = 0
    while i < len(tokens) and tokens[i].lower() in _FUNCTION_CAPS:
        i += 1
    return tokens[i:]


def _clean_org(run: _Run) -> str | None:
    """The run without a leading article: "The Associated Press" -> "Associated Press"."""
    toks = run.tokens
    while toks and toks[0].lower() in ("the", "a", "an"):
        toks = toks[1:]
    return " ".join(toks) or None


def _org_name(run: _Run) -> str | None:
    """An organization that can be a speaker: named with an organization word ("Norvell
    Energy", "Ministry of Health"), a company suffix or as an acronym; not an outlet."""
    return _memo(_ORG_CACHE, tuple(run.tokens), _judge_org, run)


def _judge_org(run: _Run) -> str | None:
    toks = _drop_function_words(run.tokens)
    name = " ".join(toks)
    if not name or name.lower() in NOT_NAMES or _is_outlet(name) or any(t.endswith(("'s", "’s")) for t in toks):
        return None
    low = [t.lower().rstrip(".") for t in toks]
    if any(t in ORG_WORDS or t in ("inc", "corp", "ltd", "llc", "plc", "gmbh", "ag", "sa") for t in low):
        return name
    if all(t.isupper() and len(t) > 1 for t in toks):
        return name
    return None


_NOT_NEWLINE = re.compile(r"[^\n]")


def _masked(doc: _Doc) -> str:
    """The text with quoted words blanked, so names inside quotes are not mentions."""
    text = doc.text
    out: list[str] = []
    pos = 0
    for sp in sorted(doc.spans, key=lambda x: x.start):
        start = max(pos, sp.start)
        if sp.end <= start:
            continue
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start : sp.end]))
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)


def _collect_mentions(doc: _Doc) -> _Mentions:
    found = _Mentions()
    masked = _masked(doc)
    sentence_starts = set(doc.boundaries)
    text = doc.text
    # Short lines without a sentence's end (split at most 6 times: 7 parts means more words).
    headings = {
        a for a, b in doc.paras
        if len(text[a:b].split(None, 6)) <= 6 and not text[a:b].rstrip().endswith((".", "?", "!", '"', "”"))
    }
    for run in _runs(masked):
        if run.start in headings:
            continue  # a heading line ("Dramatic Draping") is not a person
        if len(run.tokens) == 1:
            # One capitalized word (most runs: a sentence's first word) is never a person
            # here (that takes two name words or a title), only an organization named with
            # an organization word ("Congress").
            if run.tokens[0].lower() in ORG_WORDS:
                org = _org_name(run)
                if org:
                    found.orgs.append((run.start, org))
            tok = run.tokens[0]
            full = found.surnames.get((tok[:-2] if tok.endswith(("'s", "’s")) else tok).lower()) if found.surnames else None
            if full and not _ARTICLE_END.search(masked, max(0, run.start - 5), run.start):
                found.people.append((run.start, full))  # "Strand, reached by phone"; not "the Bolt"
            continue
        name = _person_name(run)
        # Two or more name words, or one after a title ("Mr. Ellison"): a person.
        if name and (" " in name or len(_strip_titles(run.tokens)) < len(run.tokens)):
            first_of_sentence = run.start in sentence_starts or masked[max(0, run.start - 2) : run.start].strip() in ('"', "“")
            if not (first_of_sentence and len(name.split()) == 1 and len(run.tokens) == 1):
                ctx = masked[max(0, run.start - 60) : run.start].lower()
                after = masked[run.end : run.end + 60].lower()
                found.persons.append((run.start, name, ctx + " | " + after))
                words = name.split()
                # "M. Lacombe" is no fuller than "Lacombe": M. is Monsieur or an initial.
                full = len(words) >= 2 and not (words[0] == "M." and len(words) == 2)
                last = words[-1].lower()
                if full and len(name) > len(found.full_names.get(last, "")):
                    found.full_names[last] = name
                if _one_person(run, name, ctx):
                    found.people.append((run.start, name))
                    if full and len(name) > len(found.surnames.get(last, "")):
                        found.surnames[last] = name
        else:
            if name and len(_strip_titles(toks := _drop_function_words(run.tokens))) < len(toks):
                found.people.append((run.start, name))  # "When Judge Alsup ruled": a title makes a person
            elif found.surnames and run.tokens[-1].lower() in found.surnames:
                found.people.append((run.start, found.surnames[run.tokens[-1].lower()]))  # "Adelaide's Lyon"
            org = _org_name(run)
            if org and (any(t.lower() in ORG_WORDS for t in run.tokens) or len(run.tokens) >= 2):
                found.orgs.append((run.start, org))
    return found


def _one_person(run: _Run, name: str, ctx: str) -> bool:
    """A person's name, not a place, firm or band named like one: "the Larkspur Valley", "The
    Kessler Brothers" take an article and no title; "Larkspur Valley" ends in a place word."""
    words = name.lower().split()
    if words[-1] in _NOT_PERSON_LAST or any(w in NOT_NAMES for w in words):
        return False  # "Larkspur Valley", "Part I"
    if _ARTICLE_END.search(ctx, len(ctx) - 8) or run.tokens[0].lower() in ("the", "a", "an"):
        # "the Rev. Al Sharpton": a title stripped off makes it a person again.
        return len(name.split()) < len(_drop_function_words(run.tokens))
    return True


def _fullest(doc: _Doc, name: str) -> str:
    toks = name.split()
    if not toks:
        return name
    if toks[0] == "M." and len(toks) == 2:
        # French "M. Lacombe" is the full name given before; otherwise "M." may be an initial
        # ("M. Ward") and stays.
        best = doc.mentions.full_names.get(toks[1].lower())
        return best if best and best.split()[-1] == toks[1] and not best.startswith("M. ") else name
    best = doc.mentions.full_names.get(toks[-1].lower())
    if best and best.split()[-len(toks) :] == toks and len(best) > len(name):
        return best
    if len(toks) == 1:
        # "Kevin" after "Kevin Cureghian": a first name, when only one full name has it.
        firsts = {full for full in doc.mentions.full_names.values() if full.split()[0] == toks[0]}
        if len(firsts) == 1:
            return firsts.pop()
    return name


def _plausible_name(doc: _Doc, name: str) -> bool:
    """A one-word name must not read like a sentence's first word ("Implemented", "Overall")."""
    if " " in name:
        return True
    low = name.lower()
    if low in doc.mentions.full_names or any(full.split()[0] == name for full in doc.mentions.full_names.values()):
        return True
    return not (low.endswith(("ed", "ing", "ly")) or low in _FUNCTION_CAPS or low in NOT_NAMES)


def _recent_person(doc: _Doc, pos: int, role: str | None = None) -> str | None:
    """The last person named before ``pos`` (named next to ``role``, when given)."""
    for p, name, ctx in reversed(doc.mentions.persons):
        if p >= pos:
            continue
        if role is None or (role in ctx and re.search(rf"\b{re.escape(role)}\b", ctx)):
            return _fullest(doc, name)
    return None


def _recent_people(doc: _Doc, pos: int, since: int = 0) -> str | None:
    """The last mention before ``pos`` (and at or after ``since``) that reads as one person:
    what he, she, "er", "elle" refer to."""
    for p, name in reversed(doc.mentions.people):
        if p < since:
            return None
        if p < pos:
            return _fullest(doc, name)
    return None


def _recent_org(doc: _Doc, pos: int, word: str | None = None) -> str | None:
    for p, name in reversed(doc.mentions.orgs):
        if p < pos and (word is None or word in name.lower()):
            return name
    return None


# --- attribution ------------------------------------------------------------------------------


def _segments(np_text: str) -> list[str]:
    parts = [p.strip(" \u00a0,;:—–-") for p in _SEGMENT_SEP.split(np_text)]
    return [p for p in parts if p]


# A name after a preposition (an article between them) is not the subject: "ha dichiarato il
# direttore del Consorzio Battelli del Lario, Paolo Rinaldi", "señaló el alcalde de Benimar",
# "said a spokesman for Brian Kemp".
_PREPOSITIONS = frozenset(
    "of for from at in with to by on about "
    "a al de del en con para por desde sobre ante tras según contra entre "
    "di della dello dei degli delle da dal dalla dai dalle nel nella nei su sul sulla per tra fra alla "
    "do das dos em no na nos nas com pelo pela "
    "du des à au aux dans chez selon "
    "van voor bij met op uit "
    "von vom bei beim aus mit für im am zum zur "
    "i på för av från vid hos af fra ved".split()
)
_ARTICLES = frozenset("the a an el la los las lo il l' le les un una uno une um uma o os as gli".split())


# A day or a time of day after the preposition is not the object's only word: "said on Monday
# John Smith", "sagte am Montag Landrat Hans Meier".
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag "
    "freitag samstag sonnabend sonntag morgen vormittag mittag nachmittag abend".split()
)


def _past_preposition(s: str, run: _Run) -> _Run | None:
    """The run, or the part of it after a day, that may name the subject; None for the object
    of a preposition."""
    words = s[max(0, run.start - 40) : run.start].split()[-2:]
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    if not words or words[-1] not in _PREPOSITIONS:
        return run
    toks = run.tokens
    if len(toks) > 2 and toks[0].lower() in _TIME_WORDS:
        return _Run(toks[1:], run.start, run.end, run.next_word)
    if any(t.lower() in _FOREIGN_ROLE_NOUNS or (len(t) >= 7 and _COMPOUND_ROLE.fullmatch(t.lower())) for t in toks[1:-1]):
        return run  # German: "in Berlin Landrat Hans Meier", a role, then the name
    return None


def _speaker_from(doc: _Doc, np_text: str, pos: int, nearest_last: bool) -> str | None:
    """The speaker named by a noun phrase: a person, an organization, a pronoun, a role."""
    if not nearest_last:
        # "Josh Earnest, who declined to comment ...": the relative clause is not the name.
        np_text = _RELATIVE_CLAUSE.split(np_text, maxsplit=1)[0]
    segs = _segments(np_text)
    if nearest_last:
        segs = segs[::-1]
    segs = segs[:3]
    fallback: str | None = None
    for k, seg in enumerate(segs):
        if len(seg.split()) > 14:
            if k == 0:
                seg = " ".join(seg.split()[-8:] if nearest_last else seg.split()[:8])
            else:
                break
        runs = _runs(seg)
        opening = seg[:4].lower()
        if nearest_last and opening.startswith(("a ", "an ")):
            # An apposition before the verb describes the speaker named before it: "Matt Rourke, a
            # manager at a Leeds firm, says", "…, a resident of Palpur village under Godagari Upazila,"
            runs = []
        elif not nearest_last or opening == "the ":
            # After the verb, or in "the head of Norvell Energy, Ann Lee, said", a name after a
            # preposition is its object.
            runs = [r for r in (_past_preposition(seg, r) for r in runs) if r is not None]
        for run in runs:
            name = _person_name(run)
            if name and _plausible_name(doc, name):
                return _fullest(doc, name)
        low_words = seg.lower().split()
        pron = low_words[-1 if nearest_last else 0].strip(".") if low_words else ""
        if pron in PRONOUNS or pron in _FOREIGN_PRONOUNS:
            return _recent_people(doc, pos)
        if low_words and low_words[0] in ("the", "a", "an", "one", "another", "his", "her", "their", "its"):
            head = _head_noun(low_words)
            if head in ROLE_NOUNS and low_words[0] == "the" and len(low_words) <= 4:
                found = _recent_person(doc, pos, head)
                if found and fallback is None:
                    fallback = found
            elif head in ("statement", "report", "letter", "release", "document", "post", "tweet"):
                fallback = fallback or _recent_org(doc, pos)
            elif head and low_words[0] == "the" and len(low_words) <= 3:
                org = _recent_org(doc, pos, head)
                if org:
                    fallback = fallback or org
            if fallback is None and k == 0 and len(low_words) <= 8:
                fallback = seg
            continue
        for run in runs:
            org = _org_name(run)
            if org and k == 0:
                return org
    return fallback


def _head_noun(low_words: list[str]) -> str:
    # "the retired general" -> general; "a spokesperson for the airline" -> spokesperson
    words = []
    for w in low_words[1:]:
        if w in ("of", "for", "at", "in", "from", "with", "to"):
            break
        words.append(w.strip(".,"))
    return words[-1] if words else ""


def _outlet_in(seg: str) -> str | None:
    """An outlet named in a sentence: told X, according to X, interview with X, X reported."""
    for rx in (_ACCORDING, _OUTLET_VERBS):
        for m in rx.finditer(seg):
            rest = seg[m.end() :]
            runs = _runs(rest)
            if runs and runs[0].start <= 4:
                name = _clean_org(runs[0]) or ""
                if name and _is_outlet(name):
                    return name
    m = _REPORTED_BY.search(seg) if "report" in seg else None  # every match says "report"
    if m:
        runs = _runs(m.group(1))
        if runs:
            name = _clean_org(runs[-1])
            if name and _is_outlet(name):
                return name
    return None


def _attribute(doc: _Doc, sp: _Span, prev: _Span | None, nxt: int | None) -> None:
    text = doc.text
    pa, pb = doc.paras[sp.para][0], doc.paras[sp.last_para][1]
    # Tail: after the closing mark to the end of the sentence or the next quote.
    tail = ""
    if sp.close is not None:
        t_end = min(_sentence_end(doc, sp.close), pb)
        if nxt is not None and nxt > sp.close:
            t_end = min(t_end, nxt)
        tail = text[sp.close + 1 : min(t_end, sp.close + 1 + _WINDOW)]
    # Head: from the start of the sentence (or the previous quote) to the opening mark.
    h_start = max(_sentence_start(doc, sp.open), pa)
    split_from_prev = False
    if prev is not None and prev.close is not None and prev.close < sp.open and prev.close >= h_start:
        h_start = prev.close + 1
        split_from_prev = True
    head = text[max(h_start, sp.open - _WINDOW) : sp.open]

    if _tail_attribution(doc, sp, tail):
        sp.via_tail = True
    elif split_from_prev and prev is not None and prev.via_tail and prev.speaker:
        # "...," she said, "..." - the second half has the first half's speaker.
        sp.speaker, sp.reported_by, sp.attributed = prev.speaker, prev.reported_by, True
    elif _more_languages(doc, sp, head, tail):
        pass
    else:
        _head_attribution(doc, sp, head)
    if sp.reported_by is None:
        sentence = head + " " + tail
        sp.reported_by = _outlet_in(sentence)
    if not sp.attributed and not _sentence_goes_on(text, sp, tail):
        _continuation(doc, sp, prev, head)


def _tail_attribution(doc: _Doc, sp: _Span, tail: str) -> bool:
    """After the quote: "..., Obama said", "..., said Obama", "..., Reuters quoted Earnest"."""
    t = tail.lstrip(" \u00a0,;:—–-")
    if not t.strip():
        return False
    m_acc = _ACCORDING.match(t)
    if m_acc:
        rest = t[m_acc.end() :]
        runs = _runs(rest)
        if runs and runs[0].start == 0:
            name = _clean_org(runs[0]) or ""
            if _is_outlet(name):
                sp.reported_by = name
                return False
        who = _speaker_from(doc, rest, sp.open, nearest_last=False)
        if who:
            sp.speaker, sp.attributed = who, True
            return True
        return False
    sep = _DE_SEPARABLE.match(t)
    if sep and _separable_tag(doc, sp, t, sep):
        return True
    m = _VERB_RE.search(t) or _FOREIGN_VERB_RE.search(t)
    if not m or len(t[: m.start()].split()) > 12:
        return False
    verb = m.group().lower()
    before = t[: m.start()]
    after = t[m.end() :]
    passive = _PASSIVE.search(before)
    if (verb in _TAIL_ONLY_VERBS or verb in _FOREIGN_TAIL_VERBS) and (passive or len(before.split()) > 3):
        return False  # "... how the space is shared", not '...," she shares'
    if verb in _VERB_FIRST_ONLY and before.strip():
        return False
    if verb in _QUOTING and passive:
        # "..., Smith was quoted as saying by Reuters."
        who = _speaker_from(doc, before[: passive.start()], sp.open, nearest_last=True)
        m_by = _BY_AGENT.search(after)
        if m_by:
            runs = _runs(after[m_by.end() :])
            if runs and runs[0].start == 0:
                sp.reported_by = _clean_org(runs[0])
        if who:
            sp.speaker, sp.attributed = who, True
        return sp.attributed
    if verb in _QUOTING:
        # "..., Reuters quoted Earnest." / "..., Sun Herald quotes spokesman Josh Earnest"
        outlet_runs = _runs(before)
        if outlet_runs:
            sp.reported_by = _clean_org(outlet_runs[-1])
        who = _speaker_from(doc, after, sp.open, nearest_last=False)
        if who:
            sp.speaker, sp.attributed = who, True
        return sp.attributed
    if not before.strip():
        # Inverted: "..., said Tomas Berg, a hydrologist"; French joins the pronoun ("dit-il").
        if _INVERTED_IL.match(after):
            who = _recent_people(doc, sp.open)
        else:
            after = _INVERTED_PRONOUN.sub(" ", after)
            who = _speaker_from(doc, after, sp.open, nearest_last=False)
        if who is None and verb in _NULL_SUBJECT_VERBS and _BARE_VERB.match(after):
            who = _subject_just_named(doc, sp)
    else:
        who = _speaker_from(doc, _AUX_END.sub(" ", before), sp.open, nearest_last=True)
    if who is None:
        return False
    sp.speaker, sp.attributed = who, True
    _told_outlet(sp, verb, after)
    return True


# German separable speech verbs, verb first after the quote and the particle closing the clause:
# '»…«, räumte Baubürgermeister Thomas Krüger nach der Sitzung ein.' Only the particle that makes
# each a speech verb ("stellte … klar" clarifies, "stellte … vor" presents).
_DE_PARTICLES = {
    "räumte": ("ein",), "räumt": ("ein",), "gab": ("zu", "an", "bekannt", "zu bedenken"),
    "gibt": ("zu", "an", "bekannt", "zu bedenken"), "fügte": ("hinzu", "an"), "fügt": ("hinzu", "an"),
    "wies": ("hin", "darauf hin"), "weist": ("hin", "darauf hin"), "stellte": ("klar", "fest"),
    "stellt": ("klar", "fest"), "hob": ("hervor",), "hebt": ("hervor",), "merkte": ("an",), "merkt": ("an",),
    "schränkte": ("ein",), "schränkt": ("ein",), "fuhr": ("fort",), "fährt": ("fort",), "führte": ("aus",),
    "führt": ("aus",), "wandte": ("ein",), "wendet": ("ein",), "gestand": ("ein",),
}
_DE_SEPARABLE = re.compile(r"(" + "|".join(_DE_PARTICLES) + r")\s")
_CLAUSE_END = re.compile(r"[.,;:!?]|$")


def _separable_tag(doc: _Doc, sp: _Span, t: str, sep: re.Match) -> bool:
    clause = t[sep.end() : _CLAUSE_END.search(t, sep.end()).start()].rstrip()
    for particle in _DE_PARTICLES[sep.group(1)]:
        if clause.endswith(" " + particle):
            middle = clause[: -len(particle)]
            if len(middle.split()) > 12:
                return False
            who = _speaker_from(doc, middle, sp.open, nearest_last=False)
            if who:
                sp.speaker, sp.attributed = who, True
            return who is not None
    return False


def _told_outlet(sp: _Span, verb: str, after: str) -> None:
    """"..., she told Reuters": the outlet right after "told" reported the quote."""
    if verb in ("told", "tells", "tell"):
        runs = _runs(after)
        if runs and runs[0].start <= 4:
            name = _clean_org(runs[0]) or ""
            if _is_outlet(name):
                sp.reported_by = name


def _head_attribution(doc: _Doc, sp: _Span, head: str) -> None:
    """Before the quote: "Obama said: ...", "Obama said on Wednesday that ...", titles."""
    h = head.rstrip(" \u00a0")
    if _TITLE_CUE.search(h):
        sp.title = True
        return
    verbs = [v for v in _VERB_RE.finditer(h) if v.group().lower() not in _TAIL_ONLY_VERBS]
    if not verbs:
        m_acc = _ACCORDING_HEAD.search(h)
        if m_acc:
            # "According to Smith, ..." / "According to Reuters, Smith ..."
            who = _speaker_from(doc, m_acc.group(1), sp.open, nearest_last=False)
            if who and not _is_outlet(who):
                sp.speaker, sp.attributed = who, True
        return
    m = verbs[-1]
    verb = m.group().lower()
    before, after = h[: m.start()], h[m.end() :]
    if verb in ("saying", "quotes", "quoted", "cited", "cites") or _AS_END.search(before):
        # "Reuters quoted a senior official, Ahmed Farouk, as saying: ..."
        q = next((v for v in reversed(verbs) if v.group().lower() in _QUOTING), None)
        if q is not None:
            outlet_runs = _runs(h[: q.start()])
            if outlet_runs:
                sp.reported_by = _clean_org(outlet_runs[-1])
            who = _speaker_from(doc, h[q.end() :], sp.open, nearest_last=False)
            if who:
                sp.speaker, sp.attributed = who, True
            return
    who = _speaker_from(doc, before, sp.open, nearest_last=True)
    if who is None and not before.strip():
        who = _speaker_from(doc, after, sp.open, nearest_last=False)
    if who:
        sp.speaker, sp.attributed = who, True
        _told_outlet(sp, verb, after)


# --- more languages ---------------------------------------------------------------------------
# Each language's news names its speakers in its own order; read only where that order is fixed
# and the name can be found without a dictionary of names. A wrong speaker is worse than none:
# anything less certain is left without one.

# Verb first right after the quote (Indonesian and Malay '"…," ujar Siti Rahmawati', Russian
# '«…», — заявил мэр Андрей Соколов', Polish '„…” – powiedział Tomasz Wiśniewski', Czech '„…,“ řekl
# Jan Novotný', Romanian '„…”, a declarat Andrei Popescu', Greek '«…», δήλωσε ο Νίκος …', Swahili
# '"…," alisema Juma Hamisi', Hungarian '„…” – mondta Szabó Krisztina'), forms for
# one speaker only ("сообщили в мэрии" is an office). Indonesian "-nya" is the pronoun ("ujarnya",
# "she said"), and a Russian or Polish verb alone ('„…” – mówiła.') has the person just named.
_ID_VERBS = "ujar kata ucap tutur jelas ungkap tambah terang imbuh tegas papar lanjut sebut".split()
_VERB_FIRST = _ID_VERBS + (
    "заявил заявила сказал сказала рассказал рассказала отметил отметила сообщил сообщила добавил "
    "добавила подчеркнул подчеркнула пояснил пояснила уточнил уточнила признался призналась говорит "
    "powiedział powiedziała mówi mówił mówiła dodał dodała podkreślił podkreśliła stwierdził "
    "stwierdziła zaznaczył zaznaczyła wyjaśnił wyjaśniła przyznał przyznała ocenił oceniła "
    "tłumaczył tłumaczyła zapewnił zapewniła "
    # Ukrainian (сказала, as in Russian, above)
    "сказав каже зазначив зазначила розповів розповіла додав додала повідомив повідомила наголосив "
    "наголосила пояснив пояснила "
    # Czech
    "řekl řekla uvedl uvedla dodal dodala popsal popsala sdělil sdělila vysvětlil vysvětlila zdůraznil "
    "zdůraznila doplnil doplnila "
    # Greek
    "δήλωσε είπε ανέφερε τόνισε πρόσθεσε σημείωσε εξήγησε "
    # Swahili
    "alisema anasema amesema aliongeza alieleza "
    # Hungarian
    "mondta nyilatkozta közölte hangsúlyozta"
).split() + [
    # Romanian and Hungarian verbs of two words
    "a declarat", "a spus", "a explicat", "a adăugat", "a precizat", "a afirmat", "a subliniat", "tette hozzá",
]
_VERB_FIRST_RE = re.compile(
    r"(?:(?:" + "|".join(_ID_VERBS) + r")nya|" + "|".join(sorted(_VERB_FIRST, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
# Vietnamese names the speaker after the quote with an honorific, the verb last: '“…”, bà Trần Thị
# Lan nói', '“…”, ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết' (an aside between).
_VI_TAIL = re.compile(
    r"(?:ông|bà|anh|chị)\s+(\w+(?:\s+\w+){0,3}?)(?:\s*,[^,.;:]{1,60},)?\s+"
    r"(?:nói|cho biết|chia sẻ|cho hay|khẳng định|nhấn mạnh|giải thích|kể|bày tỏ)(?!\w)"
)
_VERB_FIRST_PRONOUNS = frozenset("dia ia beliau он она він вона on ona el ea hän han hon hun ő той тя".split())
_BARE_VERB = re.compile(r"\s*(?:[.,;!?…]|$)")
# Swahili "alisema kwa furaha" (said with joy): a manner, then the person just named.
_SW_MANNER = re.compile(r"\s+kwa\s+\w+\s*(?:[.,;!?…]|$)")
_BG_VERBS = "каза заяви добави обясни посочи подчерта коментира сподели уточни допълни разказа отбеляза казва"
_FI_VERBS = (
    "sanoo sanoi kertoo kertoi toteaa totesi muistuttaa muistutti huomauttaa huomautti painottaa painotti "
    "arvioi arvelee selittää selitti lisää lisäsi kommentoi vakuuttaa vakuutti myöntää myönsi iloitsee "
    "harmittelee kuvailee kuvaili"
)
_HE_VERBS = "אמר אמרה הוסיף הוסיפה סיפר סיפרה הסביר הסבירה ציין ציינה מסר מסרה"
_DASH_VERBS = frozenset(
    [v for v in _VERB_FIRST if v not in _ID_VERBS]
    + _NORDIC_VERBS.split("|") + _BG_VERBS.split() + _FI_VERBS.split() + _HE_VERBS.split()
)
_DASH_VERB_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, _DASH_VERBS), key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)
_FI_VERB_SET = frozenset(_FI_VERBS.split())
_DASH_SEP = re.compile(r",\s*[–—]\s+|\s[–—]\s+|,\s+")
_TAG_END = re.compile(r"[.!?…](?=\s|$)")
_DASH_PRONOUNS = frozenset("hän han hon hun ő он она він вона on ona той тя".split())
_HE_LETTER = re.compile(r"[\u05d0-\u05ea]")
# A run after a preposition is its object, an inflected place ("— заявил в Москве Андрей Соколов").
_PREPOSITION_END = re.compile(
    r"(?:^|\s)(?:в|во|на|из|с|со|у|к|по|о|об|от|до|за|под|над|при|для|без|з|із|зі|від|про|під|біля|"
    r"w|we|z|ze|do|od|po|przy|dla|v|ve|ze|na|pro|při|pentru|în|la|din|cu|pe|σε|στο|στη|στην|στον|στα|από|για|με|"
    r"u|pod|nad|przed|di|ke|dari|pada|dalam)\s+$",
    re.IGNORECASE,
)
# Turkish names the speaker before the quote and says so after it: 'Demir, "…" dedi.',
# 'Müdürü Serkan Aydın da "…" ifadelerini kullandı.'
_TR_VERB_RE = re.compile(
    r"(?:dedi|diye (?:konuştu|ekledi|belirtti)|şeklinde konuştu|(?:ifadelerini|ifadesini|sözlerini) kullandı)(?!\w)"
)
_TR_PARTICLE = re.compile(r"\s+(?:da|de|ise)$")
# A Turkish role comes last in its phrase and takes the possessive ("Turizm Müdürü Serkan
# Aydın", "İstanbul Valisi"); a few come bare before the name ("Bakan Yılmaz").
_TR_ROLE = re.compile(
    r"(?:başkan|müdür|bakan|vali|sözcü|rektör|dekan|direktör|koordinatör|uzman|temsilci|yönetici|"
    r"komutan|kaymakam|muhtar|başhekim|sekreter|yardımcı|üye|danışman)(?:ı|i|u|ü|sı|si|su|sü)|"
    r"milletvekili|cumhurbaşkanı|başbakan"
)
_LEADING_ROLES = frozenset("bakan başkan vali rektör dekan doç doç. av. profesör".split())
# Words in a capitalized run that make it a title, an office or a place, not a name; Indonesian
# puts the role first and runs it into the name ("Gubernur Jawa Barat Ridwan Kamil"), where the
# name starts is unknown.
_NOT_NAME_WORDS = frozenset(
    "kepala ketua menteri gubernur bupati walikota wali camat lurah direktur presiden wakil "
    "sekretaris juru kapolres kapolda kapolri warga pengamat dinas badan kota kabupaten provinsi "
    "kementerian universitas desa kelurahan kecamatan pemerintah pemkot pemkab pemprov balai rumah "
    "sakit partai komisi menurut bakanlığı müdürlüğü belediyesi üniversitesi valiliği başkanlığı "
    "według".split()
)
# Japanese: NAME + title or honorific + は/が ... 「…」と述べた. A name is 2-5 kanji or a katakana
# name; "湊川市は" (no title) is not a person. A title that takes a place ("横浜市長") needs a
# full name of three kanji or more before it, or a surname of one given in full before.
_JA_PLACE_TITLES = "市長|知事|町長|村長|区長"
_JA_TITLES = (
    "さん|氏|副?(?:" + _JA_PLACE_TITLES + r"|社長|会長|大臣|議長|院長|校長|所長|部長|課長|局長|店長|館長|"
    r"委員長|理事長|代表|学長|総裁)|首相|大統領|長官|教授|准教授|監督|選手|弁護士|医師|議員"
)
_JA_SPEAKER = re.compile(
    r"(?<![\u3400-\u9fff々ヶ\u30a1-\u30ff])(?:([\u3400-\u9fff々ヶ]{2,5}?)(" + _JA_TITLES + r")|"
    r"([\u30a1-\u30fa\u30fc・]{2,12}?)(さん|氏|大統領|首相|監督|選手|議員|教授))"
    r"(?:[（(][^）)]{1,12}[）)])?[はが]"
)
_JA_PLACE_TITLE = re.compile(r"副?(?:" + _JA_PLACE_TITLES + ")")
_JA_VERB = re.compile(
    r"と、?(?:述べ|話し|語っ|語り|語る|話す|説明し|説明す|強調し|強調す|明かし|明かす|訴え|答え|振り返っ|振り返る|"
    r"コメントし|喜ぶ|喜んだ|喜んで|笑う|笑った|笑顔を見せ|胸を張|意気込む|意気込んだ|声を弾ませ|力を込め)"
)
# The quote as its own sentence, the speaker in the next: "「…」。杜氏の山本一郎さん（62）はそう話す。"
# ("こう話す" points at the quote that follows, not this one).
_JA_SO = re.compile(r"。([^。「」]{2,40}?[はが])そう(?:話|語|述べ|説明|強調|振り返|明か|笑)")
# Chinese: ROLE + NAME + 说/表示, before the quote ("退休教师王秀兰说：“…”") or after it
# ("“…”馆长张伟表示"). The name is two or three characters, starting with a common surname.
_ZH_ROLES = (
    "馆长|局长|市长|县长|区长|省长|镇长|村长|部长|厅长|处长|科长|院长|校长|所长|站长|厂长|行长|主任|经理|"
    "董事长|总裁|主席|书记|教授|教师|老师|医生|医师|专家|研究员|工程师|负责人|发言人|律师|村民|市民|居民|"
    "学生|游客|店主|队长|会长|秘书长|总监|创始人|志愿者"
)
_ZH_NAME = r"([\u4e00-\u9fff]{2,3}?)(?:说|表示|介绍|指出|称|强调|坦言|透露)"
_ZH_HEAD = re.compile(r"(?:" + _ZH_ROLES + r")" + _ZH_NAME + r"\s*[：:，,]\s*$")
_ZH_TAIL = re.compile(r"[^，。！？“”「」]{0,24}?(?:" + _ZH_ROLES + r")" + _ZH_NAME)
_ZH_BARE = re.compile(_ZH_NAME)
# Where a name ends: "局长李明华" is not "李明".
_ZH_NAME_END = r"(?:[^\u4e00-\u9fff]|说|表示|介绍|指出|称|强调|坦言|透露|认为|告诉|在|也|还|则|对|向|$)"
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤欧司诸"
)
# Korean: NAME (ORG) ROLE은/는 "…"라고 말했다 / "…"며 …, the speaker named before the quote:
# '박영호 시장은 "…"라고 말했다', '박정호 서울시 도로교통과장은 "…"며 "…"이라고 말했다',
# '회원 이수진(34)씨는 "…"며 반겼다'. "(이)라고" / "고" need a speech verb after them; "며" goes on.
_KO_TAIL = re.compile(
    r"((?:이)?라며|며)(?![가-힣])|(?:(?:이)?라고|고)\s+(?:\S+\s+){0,2}?"
    r"(?:말했|말한|밝혔|밝힌|강조했|설명했|전했|덧붙였|주장했|지적했|답했|당부했|토로했|전망했|호소했|언급했|"
    r"반박했|털어놨|털어놓았|귀띔했|했다|했습니다)"
)
# The last syllable of a council, a university, a party, a ministry, a year: "서울대 교수는",
# "민주당 대표는", "조합원 대표는" have no name.
_KO_NOT_NAME_END = frozenset("시도군구청부처회사국과실팀대단소관당해년월일측쪽간내외중후전장원가들")
_KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염"
    "여추도소석선설마길연위표명기반왕금옥육인맹제탁국어은편용예경봉"
)
_KO_COMPOUND_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")
_KO_ROLE = re.compile(
    r"(?:시장|도지사|지사|군수|구청장|청장|장관|차관|총리|대통령|의원|위원장|위원|교수|박사|연구원|연구위원|대표|"
    r"대표이사|회장|사장|이사장|원장|소장|국장|과장|부장|실장|팀장|처장|본부장|센터장|총장|학장|교장|교사|감독|코치|"
    r"선수|변호사|대변인|관장|단장|총재|조합장|작가)$"
)
_KO_AGE = re.compile(r"\(\d{1,3}(?:세)?\)$")
# A word that ends in a particle or a verb ending is not part of the subject's noun phrase.
_KO_PARTICLE_END = frozenset("은는이가을를의에서로와고며던된한인운일할")


def _ko_name(tok: str) -> bool:
    """Three syllables, a common surname first (four with a two-syllable surname)."""
    if len(tok) == 4:
        return tok[:2] in _KO_COMPOUND_SURNAMES
    return len(tok) == 3 and tok[0] in _KO_SURNAMES and tok[-1] not in _KO_NOT_NAME_END and all(
        "\uac00" <= c <= "\ud7a3" for c in tok
    )


def _ko_speaker(doc: _Doc, head: str, pos: int) -> str | None:
    h = re.split(r"[.!?]\s", head)[-1]
    toks = h.split()
    if not toks or toks[-1][-1] not in "은는":
        return None
    toks[-1] = toks[-1][:-1]
    last = toks[-1]
    if last.endswith("씨"):
        # "이수진(34)씨", "이수진 씨": the honorific right after the name.
        name = _KO_AGE.sub("", last[:-1]) if len(last) > 1 else (_KO_AGE.sub("", toks[-2]) if len(toks) > 1 else "")
        return name if _ko_name(name) else None
    if not _KO_ROLE.search(last) or len(toks) < 2:
        return None  # "관계자는": an official, unnamed
    before = _KO_AGE.sub("", toks[-2])
    if _ko_name(before):
        return before  # "박영호 시장은", "서울대 김민호 교수는"
    if len(before) == 1 and before in _KO_SURNAMES:
        # "김 교수는": the one 김 named before with that role.
        role = _KO_ROLE.search(last).group()
        found = {
            m.group(1)
            for m in re.finditer(rf"(?<![가-힣])({before}[가-힣]{{2}})(?:\(\d{{1,3}}\))?\s+(?:\S+\s+){{0,2}}?\S*{role}", doc.text[:pos])
        }
        return found.pop() if len(found) == 1 else None
    # "박정호 서울시 도로교통과장은": the name opens the clause, an organization between.
    first, between = toks[0], toks[1:-1]
    if 1 <= len(between) <= 2 and _ko_name(first) and not any(w[-1] in _KO_PARTICLE_END for w in between):
        return first
    return None


# Arabic: (و)قال/قالت + role + title + NAME, then ": «…»" or "، …، إن «…»". Only a name after a
# title (الدكتورة ليلى منصور, المهندس خالد العمري): without one, "قال مصدر مطلع" (a source said)
# reads like a name.
_AR_VERB = re.compile(r"(?<!\w)و?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|صرح|صرحت)(?!\w)")
_AR_TITLES = frozenset(
    "الدكتور الدكتورة د. المهندس المهندسة السيد السيدة الأستاذ الأستاذة الشيخ الشيخة اللواء العميد "
    "العقيد المستشار المستشارة القاضي الوزير الوزيرة النائب النائبة".split()
)
# Roles: without the article they head a construct ("مدير المكتبة"), with it they stand before the
# name ("الطالبة … منى السيد").
_AR_ROLES = frozenset(
    "مدير مديرة رئيس رئيسة وزير وزيرة محافظ محافظة أمين أمينة عميد عميدة مستشار مستشارة عضو عضوة "
    "المدير المديرة الرئيس الرئيسة المحافظ الطالب الطالبة المعلم المعلمة المواطن المواطنة الموظف الموظفة "
    "الباحث الباحثة الخبير الخبيرة المحامي المحامية الطبيب الطبيبة الناشط الناشطة المزارع التاجر الفنان "
    "الفنانة الكاتب الكاتبة الصحفي الصحفية".split()
)
# Words after a role that are not a name: times, adverbs.
_AR_NOT_NAME = frozenset(
    "يوم أمس اليوم صباح مساء ظهر أثناء عقب تعليقا ردا متحدثا مضيفا موضحا مؤكدا إن أن إنه أنه إنها أنها".split()
)
_AR_FUNCTION = frozenset("في من على إلى عن مع خلال بعد قبل أمام عند لدى حول ضمن عبر و أو".split())
# After the name: a colon, or "(an aside,) that" (إن / أن), then the quote.
_AR_NAME_STOP = re.compile(r"[،:]|\s(?:إن|أن)(?!\w)")
_AR_NAME_END = re.compile(r"\s*(?:،[^«“\"]{0,60}?)?[،:]?\s*(?:(?<!\w)(?:إن|أن))?\s*$")
# Hindi: ROLE + NAME ने कहा/बताया, "…". The two words before ने are the name only after a role
# or title ("जिला कलेक्टर अनीता वर्मा"): "पुलिस अधिकारियों ने कहा" (police officials said) is not.
_HI_SPEAKER = re.compile(r"(\S+)\s+(\S+)\s+(\S+)\s+ने\s+(?:कहा|बताया)(?:\s+कि)?\s*[,:]?\s*$")
_HI_ROLES = frozenset(
    "कलेक्टर किसान मंत्री मुख्यमंत्री प्रधानमंत्री अधिकारी अध्यक्ष निदेशक प्रवक्ता सचिव विधायक सांसद "
    "प्रोफेसर नेता डॉ. डॉक्टर श्री श्रीमती सुश्री महापौर कुलपति प्राचार्य शिक्षक निवासी व्यापारी "
    "कप्तान कोच आयुक्त उपायुक्त सरपंच वैज्ञानिक विशेषज्ञ अधीक्षक राज्यपाल राष्ट्रपति".split()
)
_HI_NOT_NAME = frozenset("के की का में से पर को ने और जी भी ही".split())


def _more_languages(doc: _Doc, sp: _Span, head: str, tail: str) -> bool:
    """Speakers named in the word order of Indonesian, Russian, Ukrainian, Polish, Czech, Romanian,
    Greek, Swahili, Hungarian, Vietnamese, Turkish, Japanese, Korean, Chinese, Arabic and Hindi news. Each test looks at one character or an anchored match first:
    English text is spared the rest."""
    who: str | None = None
    t = tail.lstrip(_TRIM + ",，;:—–-")
    if t:
        first = t[0]
        if first == "と":
            if _JA_VERB.match(t):
                who = _ja_speaker(doc, head, sp.open)
        elif first == "。":
            if m := _JA_SO.match(t):
                who = _ja_speaker(doc, m.group(1), sp.open, at_end=True)
        elif "\uac00" <= first <= "\ud7a3":
            if (m := _KO_TAIL.match(t)) and (who := _ko_speaker(doc, head, sp.open)):
                sp.via_tail = m.group(1) is not None  # '"…"며 "…"라고 말했다': one speaker for both
        elif "\u4e00" <= first <= "\u9fff":
            m = _ZH_TAIL.match(t) or _ZH_BARE.match(t)
            if m and m.group(1)[0] in _ZH_SURNAMES:
                who = m.group(1)
                if m.re is _ZH_BARE and not re.search(f"(?:{_ZH_ROLES}){who}{_ZH_NAME_END}", doc.text[: sp.open]):
                    who = None  # a bare name counts once a role has introduced it ("负责人周建国介绍")
        elif first in "ôbac" and (m := _VI_TAIL.match(t)) and _tag_follows(doc, sp, tail, t):
            who = _vi_speaker(doc, m.group(1))
        elif "\u0e01" <= first <= "\u0e4e":
            if m := _TH_TAIL.match(t):
                who = _th_name(doc, m.group(1), m.group(2), sp.open)
        elif "\u05d0" <= first <= "\u05ea":
            if _HE_TAIL.match(t) and _tag_follows(doc, sp, tail, t):
                who = _he_apposition(doc.text[doc.paras[sp.para][0] : sp.open])
        elif (m := _VERB_FIRST_RE.match(t)) and _tag_follows(doc, sp, tail, t):
            # The tag follows a comma or a dash ('"…," ujar', '», — заявил'): '"…" kata orang' is
            # a saying's "words", not its speaker.
            who = _verb_first(doc, sp, m.group().lower(), t[m.end() :])
            if who:
                sp.via_tail = True  # '«…», — сказал он, — «…»': the second half is the same speaker's
        elif _TR_VERB_RE.match(t):
            who = _tr_speaker(doc, head)
    h = head.rstrip(_TRIM)
    if who is None and len(h) > 2:
        last, before = h[-1], h[:-1].rstrip()[-1:]
        if last in "：:，," and "\u4e00" <= before <= "\u9fff":
            m = _ZH_HEAD.search(h)
            if m and m.group(1)[0] in _ZH_SURNAMES:
                who = m.group(1)
        elif last == ":" and "\u0600" <= before <= "\u06ff" and (m := _FA_HEAD.search(h)):
            who = _fa_speaker(doc, sp, h[: m.start()])
        elif (last == ":" and "\u0600" <= before <= "\u06ff") or h.endswith(("إن", "أن")):
            who = _ar_speaker(h)
        elif last == ":" and "\u05d0" <= before <= "\u05ea":
            who = _he_speaker(h)
        elif last in ",:" and "\u0980" <= before <= "\u09ff":
            who = _bn_speaker(h)

        elif h.rstrip(",: ").endswith(("कहा", "बताया", "कि")):
            who = _hi_speaker(h)
    if who is None and sp.open > 1 and "\u0e01" <= doc.text[sp.open - 2] <= "\u0e4e":
        # A Thai quote opens its own sentence (see _boundaries): its lead-in is the paragraph's text
        # before it, since the last quote.
        pa = doc.paras[sp.para][0]
        h = doc.text[max(pa, sp.open - _WINDOW) : sp.open].rstrip()
        h = h[h.rfind("”") + 1 :]
        if m := _TH_HEAD.search(h):
            who = _th_speaker(doc, h[: m.start()], sp.open)
    if who:
        sp.speaker, sp.attributed = who, True
    return who is not None


# Thai: an honorific joined to the first name, a space, the surname: "นายธนากร ศรีสุวรรณ ผู้ว่าการ…
# กล่าวว่า “…”" (before the quote), "“…” นางสาวกมลวรรณกล่าว" (after it, the first name alone: the
# full name given before). A role after the first name is not a surname (ผู้ว่าการ, พนักงาน …).
_TH_HON = r"(?:นางสาว|นาย|นาง|ดร\.)"
_TH_NAME = re.compile(_TH_HON + r"([\u0e01-\u0e4e]{2,20})(?:\s+([\u0e01-\u0e4e]{2,20}))?")
_TH_HEAD = re.compile(r"(?:กล่าวว่า|เปิดเผยว่า|ระบุว่า|บอกว่า|เผยว่า|ให้สัมภาษณ์ว่า|กล่าว)\s*$")
_TH_TAIL = re.compile(_TH_HON + r"([\u0e01-\u0e4e]{2,20}?)(?:\s+([\u0e01-\u0e4e]{2,20}?))?\s*(?:กล่าว|เปิดเผย|ระบุ|บอก)")
_TH_NOT_SURNAME = (
    "ผู้", "พนักงาน", "รอง", "ประธาน", "หัวหน้า", "เจ้าหน้าที่", "อธิบดี", "นายก", "ปลัด", "อาจารย์", "นัก",
    "ชาว", "กล่าว", "เปิดเผย", "ระบุ", "บอก", "เผย", "ให้", "ซึ่ง", "ที่", "ได้", "อายุ", "วัย", "เจ้าของ", "แม่ค้า",
)
_TH_NOT_FIRST = ("กเทศ", "กรัฐ", "กสมาคม", "กอบ")  # นายกเทศมนตรี, นายกรัฐมนตรี: the mayor, the premier


def _th_name(doc: _Doc, first: str, surname: str | None, pos: int) -> str | None:
    if first.startswith(_TH_NOT_FIRST):
        return None
    if surname and not surname.startswith(_TH_NOT_SURNAME):
        return f"{first} {surname}"
    for m in reversed(list(_TH_NAME.finditer(doc.text, 0, pos))):
        if m.group(1) == first and m.group(2) and not m.group(2).startswith(_TH_NOT_SURNAME):
            return f"{first} {m.group(2)}"
    return None


def _th_speaker(doc: _Doc, h: str, pos: int) -> str | None:
    names = list(_TH_NAME.finditer(h))
    return _th_name(doc, names[-1].group(1), names[-1].group(2), pos) if names else None


# Bengali: NAME বলেন, “…” — the two words before the verb, unless a role, a pronoun or a word
# with a case ending (সম্মেলনে, জেলার, মঙ্গলবার) is one of them.
_BN_HEAD = re.compile(r"(\S+)\s+(\S+)\s+(?:বলেন|বললেন|বলেছেন|বলেছিলেন|জানান|জানিয়েছেন)\s*[,:]\s*$")
_BN_NOT_NAME = frozenset(
    "তিনি তারা তাঁরা আমি আমরা উনি এ সময় তখন আরও আরো সেখানে পরে তবে কিন্তু এবং ও প্রকৌশলী কর্মকর্তা "
    "চেয়ারম্যান মন্ত্রী সচিব শিক্ষক প্রধান পরিচালক সভাপতি মেয়র কৃষক ব্যবসায়ী বাসিন্দা ছাত্র ছাত্রী".split()
)


def _bn_speaker(h: str) -> str | None:
    m = _BN_HEAD.search(h[h.rfind("।") + 1 :])
    if not m:
        return None
    words = [m.group(1), m.group(2)]
    for k, w in enumerate(words):
        if (
            w in _BN_NOT_NAME or not all("\u0980" <= c <= "\u09ff" for c in w)
            or w.endswith(("\u09c7", "কে", "বার")) or (k == 0 and w.endswith("ের"))
            or any("\u09e6" <= c <= "\u09ef" for c in w)
        ):
            return None
    return " ".join(words)


# Persian: "حسین کریمی، مدیرکل …، در مراسم … گفت: «…»" — the name opens the sentence, before a comma;
# "وی افزود:" (he added) is the previous quote's speaker.
_FA_HEAD = re.compile(
    r"(?:گفت|افزود|اظهار داشت|اظهار کرد|تصریح کرد|بیان کرد|ادامه داد|توضیح داد|خاطرنشان کرد)\s*:$"
)
_FA_TITLES = frozenset("دکتر مهندس آقای خانم استاد".split())


def _fa_speaker(doc: _Doc, sp: _Span, h: str) -> str | None:
    sentence = h[max(h.rfind("."), h.rfind("؟"), h.rfind("!")) + 1 :].strip()
    words = sentence.split()
    if words and words[0] in ("وی", "او") and len(words) <= 4:
        prev = next((s for s in reversed(doc.spans) if s.open < sp.open and s.speaker), None)
        return prev.speaker if prev and prev.last_para >= sp.para - 1 else None
    if "،" not in sentence:
        return None
    name = [w for w in sentence[: sentence.index("،")].split() if w not in _FA_TITLES]
    if 2 <= len(name) <= 3 and all("\u0620" <= c <= "\u06ff" or c == "\u200c" for c in "".join(name)):
        return " ".join(name)
    return None


# Hebrew: "מנהלת המחלקה, ד"ר רונית שגיא, אמרה בטקס הפתיחה: "…"" — the name set off by commas
# before the verb; after the quote '"…", אמר.' the name so set off last in the paragraph.
_HE_VERB = r"(?:אמר|אמרה|סיפר|סיפרה|הוסיף|הוסיפה|ציין|ציינה|הסביר|הסבירה|מסר|מסרה)"
_HE_HEAD = re.compile(r",\s*([^,]+?),\s*" + _HE_VERB + r"(?:\s+\S+){0,4}\s*:$")
_HE_TAIL = re.compile(_HE_VERB + r"\s*(?:[.,]|$)")
_HE_APPOSITION = re.compile(r",\s*([^,]+?),")
_HE_TITLES = frozenset(('ד"ר', "פרופ'", 'עו"ד', "הרב", "רב", "מר", "גב'"))


def _he_name(phrase: str) -> str | None:
    words = [w for w in phrase.split() if w not in _HE_TITLES]
    if 2 <= len(words) <= 3 and all(_HE_LETTER.match(w) and '"' not in w for w in words):
        return " ".join(words)
    return None


def _he_speaker(h: str) -> str | None:
    m = _HE_HEAD.search(h[h.rfind(". ") + 1 :])
    return _he_name(m.group(1)) if m else None


def _he_apposition(p: str) -> str | None:
    names = [n for n in (_he_name(m.group(1)) for m in _HE_APPOSITION.finditer(p)) if n]
    return names[-1] if names else None


def _tag_follows(doc: _Doc, sp: _Span, tail: str, t: str) -> bool:
    """A comma or a dash between the quote and its tag ``t``."""
    return any(c in tail[: len(tail) - len(t)] for c in ",—–-") or doc.text[sp.close - 1] in ",!?"


def _vi_speaker(doc: _Doc, name: str) -> str | None:
    toks = name.split()
    if not all(tok[0].isupper() for tok in toks):
        return None
    if len(toks) == 1:
        toks = _fullest(doc, toks[0]).split()  # "ông Hùng" after "Nguyễn Văn Hùng"
    return " ".join(toks) if len(toks) > 1 and _name_words_ok(toks) else None


# Swahili joins a title's words with a connective: "Mkuu wa Wilaya, Amina Mrisho".
_TITLE_LINKS = frozenset("wa ya la za cha vya".split())


def _verb_first(doc: _Doc, sp: _Span, verb: str, after: str) -> str | None:
    since = doc.paras[max(0, sp.para - 1)][0]  # the person just named: this paragraph or the one before
    segs = _segments(after)[:2]
    if verb.endswith("nya") or _BARE_VERB.match(after) or _SW_MANNER.match(after) or (
        segs and segs[0].split()[0].lower().rstrip(".!?…") in _VERB_FIRST_PRONOUNS
    ):
        who = _recent_people(doc, sp.open, since)
        return who if who and _name_words_ok(who.split()) else None
    for k, seg in enumerate(segs):
        words = seg.split()
        part = " ".join(words[:12])
        runs = _runs(part)
        if not runs:
            if k == 0 and len(words) <= 5 and len(segs) > 1:
                continue  # "a precizat directoarea școlii, Ioana Marinescu": a role, then the name
            return None
        # The subject is the first name after the verb; after a preposition, a place.
        if _PREPOSITION_END.search(part, 0, runs[0].start):
            return None
        name = _foreign_name(doc, runs[0])
        if name:
            return name
        # "Kepala BPBD Kota Rawabening, Siti Rahmawati, ...": a title phrase, then the name.
        if not all(w[0].isupper() or w in _TITLE_LINKS for w in words):
            if k == 0 and len(segs) > 1 and len(words) <= 8 and any(w[0].islower() for w in words):
                continue  # "είπε στην «Ηχώ» ο πρόεδρος του συλλόγου, Στέλιος Μανωλάκης": a role, then the name
            break
    return None


def _subject_just_named(doc: _Doc, sp: _Span) -> str | None:
    """Whom a verb without a subject ('"…", señaló.') refers to: the person named last, in this
    paragraph or the one before, if the name opens its clause ("La portavoz de la asociación,
    Carmen Rives, calificó …"): after a preposition or a verb it is an object ("criticó al
    alcalde Juan Pérez")."""
    since = doc.paras[max(0, sp.para - 1)][0]
    for p, name in reversed(doc.mentions.people):
        if p >= sp.open:
            continue
        if p < since:
            return None
        lead = _CLAUSE_SEP.split(doc.text[max(since, p - 80) : p])[-1].split()
        if lead and lead[-1] in _PREPOSITIONS and doc.paras[sp.para][0] <= p:
            # A preposition's object ("en la localidad de Las Tunas"): the subject named
            # earlier in this paragraph may still be the speaker.
            since = max(since, doc.paras[sp.para][0])
            continue
        if len(lead) > 4 or any(w in _PREPOSITIONS for w in lead) or name.split()[0].lower() in _OPENERS:
            return None  # "Según Juan Pérez, …": a sentence's first word run into the name
        name = _fullest(doc, name)
        return name if _name_words_ok(name.split()) else None
    return None


# Words that open a sentence capitalized and join the name's run ("Ayer Juan Pérez presentó").
_OPENERS = _PREPOSITIONS | _ARTICLES | frozenset(
    "der die das ayer hoy también además mientras durante cuando luego entonces ontem hoje depois quando "
    "ieri oggi anche inoltre poi".split()
)
_CLAUSE_SEP = re.compile(r"[\n.,;:!?()\"“”«»„]")


def _tr_speaker(doc: _Doc, head: str) -> str | None:
    """The subject just before the quote ('Aydın da "…"') or opening the sentence ('Demir, ...')."""
    h = _TR_PARTICLE.sub("", head.rstrip(_TRIM + ",:"))
    runs = _runs(h)
    if not runs:
        return None
    if runs[-1].end == len(h):
        return _foreign_name(doc, runs[-1])
    if runs[0].start == 0 and h[runs[0].end : runs[0].end + 1] == ",":
        return _foreign_name(doc, runs[0])
    return None


# A Greek place in the genitive (Ηρακλείου, Αθηναίων, Αττικής) after a role, before the name; no
# first name in the nominative ends so.
_EL_GENITIVE = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+(?:ου|ού|ων|ών|ής)")


def _foreign_name(doc: _Doc, run: _Run) -> str | None:
    """A person's name in a run, for the languages above: one to four capitalized words, no
    acronym, office or place word; a single word only as part of a full name given before."""
    name = _person_name(run)
    if not name:
        return None
    toks = name.split()
    roles = [k for k, tok in enumerate(toks) if _TR_ROLE.fullmatch(tok.lower())]
    if roles:
        toks = toks[roles[-1] + 1 :]
    if len(toks) > 1 and toks[0].lower() in _LEADING_ROLES:
        toks = toks[1:]
    while len(toks) > 2 and _EL_GENITIVE.fullmatch(toks[0]):
        toks = toks[1:]  # Greek "ο δήμαρχος Ηρακλείου Νίκος …": the place a role is of
    if not 1 <= len(toks) <= 4:
        return None
    if len(toks) == 1:
        toks = _fullest(doc, toks[0]).split()
        if len(toks) == 1:
            return None
        toks[0] = _ru_nominative(toks[0], _UK_LETTERS.search(doc.text) is not None)
    return " ".join(toks) if _name_words_ok(toks) else None


# A Russian or Ukrainian full name given in the genitive ("По словам министра Ольги Петренко",
# "За словами міністерки Ірини Савчук"), then its surname as the subject ("— отметила Петренко",
# "— наголосила Савчук"): the first name back in the nominative. Only the endings no first name has
# in the nominative; a surname that declines (Ивановой) does not match the subject's (Иванова)
# anyway. Ukrainian (a text with і, ї, є or ґ, which Russian does not write) puts -и after any hard
# consonant (Ірини, Олени, Оксани) and -ії after -ія (Наталії, Марії); in Russian a consonant other
# than г, к, х before -и may be a soft -я name's (Кати, Ани).
_RU_NOMINATIVE = {"ги": "га", "ки": "ка", "хи": "ха", "ии": "ия", "ьи": "ья", "ы": "а"}
_UK_NOMINATIVE = {"ії": "ія"}
_RU_WORD = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]{2,}")
_UK_HARD_GENITIVE = re.compile(r"[бвгґджзклмнпрстфхцчшщ]и")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")


def _ru_nominative(word: str, ukrainian: bool = False) -> str:
    if _RU_WORD.fullmatch(word):
        for end, nominative in (_UK_NOMINATIVE if ukrainian else _RU_NOMINATIVE).items():
            if word.endswith(end):
                return word[: -len(end)] + nominative
        if ukrainian and _UK_HARD_GENITIVE.fullmatch(word, len(word) - 2):
            return word[:-1] + "а"
    return word


def _name_words_ok(toks: list[str]) -> bool:
    for tok in toks:
        low = tok.lower()
        if (
            tok.isupper() or not tok[0].isupper() or low in _NOT_NAME_WORDS or low in ORG_WORDS
            or low in NOT_NAMES or low in _NOT_PERSON_LAST or any(c.isdigit() or c in "'’" for c in tok)
        ):
            return False  # an acronym, an office, a place; "Demir'e" (to Demir) is an object
    return True


def _ja_speaker(doc: _Doc, head: str, pos: int, at_end: bool = False) -> str | None:
    h = head[max(head.rfind("。"), head.rfind("！"), head.rfind("？")) + 1 :]
    speakers = list(_JA_SPEAKER.finditer(h))
    if not speakers or (at_end and speakers[-1].end() != len(h)):
        return None  # before そう話す the subject comes right before そう
    found = speakers[-1]  # the subject nearest the quote
    name = found.group(1) or found.group(3)
    if name[0] == "同":
        return None  # 同社, 同市: "the same company"
    if found.group(1) and len(name) == 2:
        # A surname: the full name given before ("田中健一市長が…。田中市長は…").
        given = re.compile(rf"(?<![\u3400-\u9fff々ヶ]){name}([\u3400-\u9fff々ヶ]{{1,3}}?)(?:{_JA_TITLES})")
        full = list(given.finditer(doc.text, 0, pos))
        if full:
            return name + full[-1].group(1)
        if _JA_PLACE_TITLE.fullmatch(found.group(2)):
            return None  # 横浜市長: a city's mayor, or Mayor Yokohama
    return name


def _ar_speaker(h: str) -> str | None:
    h = h[h.rfind(".") + 1 :]
    verbs = list(_AR_VERB.finditer(h))
    if not verbs:
        return None
    rest = h[verbs[-1].end() :]
    # The name runs to the first comma, colon or "that"; what follows must lead to the quote.
    m = _AR_NAME_STOP.search(rest)
    if m is None or not _AR_NAME_END.fullmatch(rest, m.start()):
        return None
    words = rest[: m.start()].split()
    if not words:
        # "رحبت الطالبة … منى السيد بالمشروع، وقالت:": the one person named before the verb.
        before = h[: verbs[-1].start()].split()
        found = [_ar_name_after(before, k) for k, w in enumerate(before) if w in _AR_TITLES or w in _AR_ROLES]
        named = [n for n in found if n]
        return named[0] if len(named) == 1 else None
    titles = [k for k, w in enumerate(words) if w in _AR_TITLES]
    if not titles:
        # "وقال مدير المكتبة حسن الشافعي إن": a role right after the verb, its complement, the name.
        return _ar_name_after(words, 0) if words[0] in _AR_ROLES else None
    name = []
    for w in words[titles[-1] + 1 :]:
        if w in _AR_FUNCTION or w.startswith(("بال", "لل")):
            break  # "الوزير في بيان": the minister, in a statement
        name.append(w)
    if not 2 <= len(name) <= 4 or name[0].startswith("ال"):
        return None  # a given name takes no article: "الوزير الأول للخارجية" is a role
    return " ".join(name)


def _ar_name_after(words: list[str], r: int) -> str | None:
    """The name after the role at ``r``: a role without the article takes a complement first ("مدير
    المكتبة حسن الشافعي"), and a name follows a definite word ("الطالبة بكلية الآداب منى السيد").
    It takes no article, preposition or conjunction before its first word, and stops at one."""
    for s in range(r + 1, min(len(words), r + 6)):
        prev = words[s - 1]
        if not prev.startswith("ال") or prev.endswith("،"):
            continue  # after an indefinite word the name cannot start; a comma ends the phrase
        w = words[s]
        if w.startswith(("ال", "ب", "ل", "ف", "ك", "و")) or w in _AR_FUNCTION or w in _AR_NOT_NAME:
            continue
        name: list[str] = []
        for w in words[s : s + 4]:
            bare = w.rstrip("،")
            if (
                bare.startswith(("بال", "لل", "وال", "فال")) or bare in _AR_FUNCTION or bare in _AR_NOT_NAME
                or bare in _AR_ROLES or (bare in _AR_TITLES and bare not in ("السيد", "السيدة"))
            ):  # another person's role; السيد is also a family name ("منى السيد")
                break
            name.append(bare)
            if bare != w:
                break
        if 2 <= len(name) <= 3 and not any(c.isdigit() for c in "".join(name)):
            return " ".join(name)
        return None
    return None


def _hi_speaker(h: str) -> str | None:
    h = h[h.rfind("।") + 1 :]
    m = _HI_SPEAKER.search(h)
    if not m or m.group(1) not in _HI_ROLES:
        return None
    name = (m.group(2), m.group(3))
    if any(w in _HI_ROLES or w in _HI_NOT_NAME for w in name):
        return None
    return " ".join(name)


def _sentence_goes_on(text: str, sp: _Span, tail: str) -> bool:
    """The sentence goes on after the quote ('"...," Reed grumbled', '„...“, sagte Reed'): it
    names a speaker that no rule read (an unknown verb, another language), so guessing the
    previous speaker or the person just named would likely be wrong."""
    if sp.close is None:
        return False
    before_close = text[sp.close - 1] if sp.close > 0 else ""
    return before_close == "," or tail.lstrip(_TRIM).startswith((",", "—", "–"))


def _continuation(doc: _Doc, sp: _Span, prev: _Span | None, head: str) -> None:
    """A quote no verb attributes: the previous speaker carries on, or the person just named."""
    if sp.title:
        return
    if head.strip():
        return  # quoted words inside someone's sentence: not a stand-alone quote
    if prev is not None and prev.speaker and sp.para - prev.last_para <= 1:
        sp.speaker, sp.carried = prev.speaker, True
        return
    if sp.para > 0:
        a = doc.paras[sp.para - 1][0]
        if prev is None or prev.last_para < sp.para - 1:
            sp.speaker = next(
                (_fullest(doc, n) for p, n, _ in reversed(doc.mentions.persons) if a <= p < sp.open), None
            )


def _keep(doc: _Doc, sp: _Span) -> bool:
    if sp.title:
        return False
    n_words = len(_WORDS.findall(doc.text[sp.start : sp.end]))
    if n_words < 3 and not (sp.attributed and len(_CJK.findall(doc.text, sp.start, sp.end)) >= 6):
        return False  # Chinese and Japanese do not space words: six characters said by someone are a quote
    if sp.single and not _clear_speech(doc, sp):
        return False
    if sp.attributed:
        return True
    # Not attributed: only a quote standing as its own sentence counts.
    pa, _ = doc.paras[sp.para]
    h_start = max(_sentence_start(doc, sp.open), pa)
    head = doc.text[max(h_start, sp.open - _WINDOW) : sp.open].strip()
    if head and not head.endswith(":"):
        return False  # quoted words inside a sentence; a colon introduces speech in any language
    toks = [w for w in _WORDS.findall(doc.text[sp.start : sp.end]) if w[0].isalpha()]
    caps = sum(w[0].isupper() for w in toks)
    if toks and caps / len(toks) > 0.7 and n_words <= 12:
        return False  # Title Case: a title, not speech
    return True


_SQ_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*$")


def _clear_speech(doc: _Doc, sp: _Span) -> bool:
    """A straight single quote that reads as speech, not apostrophes paired by chance nor a
    string in code or a headline: a speech verb right after it ("'…,' Mrs Pelling said", "'…,'
    said Chloe Ashdown") or right before it, with a colon ("He said: '…'"); or a sentence (or a
    paragraph) of its own, of four words or more, that carries on the previous quote's speaker."""
    text = doc.text
    close = sp.close if sp.close is not None else sp.end
    pa, pb = doc.paras[sp.para][0], doc.paras[sp.last_para][1]
    if sp.attributed:
        if sp.via_tail:
            tail = text[close + 1 : min(pb, close + 100)]
            m = _VERB_RE.search(tail)
            return (
                m is not None
                and len(tail[: m.start()].split()) <= 4
                and (text[close - 1] in ",!?" or tail.lstrip(_TRIM).startswith(","))
            )
        head = text[max(pa, _sentence_start(doc, sp.open), sp.open - _WINDOW) : sp.open]
        verbs = list(_VERB_RE.finditer(head))
        if verbs:
            after = head[verbs[-1].end() :].rstrip(_TRIM)
            return len(after.split()) <= 4 and after.endswith(":")
        return False
    return (
        sp.carried
        and not text[max(pa, _sentence_start(doc, sp.open)) : sp.open].strip()
        and len(_WORDS.findall(text, sp.start, sp.end)) >= 4
        and _SQ_SENTENCE_END.search(text, sp.start, close) is not None
    )
