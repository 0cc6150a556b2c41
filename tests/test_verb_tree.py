"""The speech verbs are searched as a prefix tree: it must find what the list of words did."""

import random
import re

from newsmill.quotes import (
    _FOREIGN_TAIL_VERBS,
    _FOREIGN_VERB_RE,
    _MULTI_VERBS,
    _VERB_RE,
    SPEECH_VERBS,
)


def _plain(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def test_no_verb_ends_a_word_inside_another() -> None:
    # Else two would match at one place, and the tree (longest first) could pick another.
    for words in (SPEECH_VERBS + _MULTI_VERBS, sorted(_FOREIGN_TAIL_VERBS)):
        for a in words:
            for b in words:
                assert not (b != a and b.startswith(a) and not (b[len(a)].isalnum() or b[len(a)] == "_")), (a, b)


def test_same_matches_as_the_word_lists() -> None:
    rnd = random.Random(5)
    english, foreign = SPEECH_VERBS + _MULTI_VERBS, sorted(_FOREIGN_TAIL_VERBS)
    pieces = [*english, *foreign, "x", "a", "-", "_", "1", " ", "é", "É", "ſ", "İ", "'", ".", ","]
    for tree, words in ((_VERB_RE, english), (_FOREIGN_VERB_RE, foreign)):
        plain = _plain(words)
        for _ in range(3000):
            s = "".join(rnd.choice(pieces) + rnd.choice(["", " ", "x", "-"]) for _ in range(rnd.randint(1, 6)))
            s = "".join(c.upper() if rnd.random() < 0.3 else c for c in s)
            assert [m.span() for m in tree.finditer(s)] == [m.span() for m in plain.finditer(s)], s
    assert _VERB_RE.search("“We won,” she said.").group() == "said"
    assert _FOREIGN_VERB_RE.search("« Oui », a déclaré Darmanin").group() == "a déclaré"
