"""is_widget_line rules a line out by its first word before running _WIDGET and _CONTROL.

The gate must never turn a match away: here the first words each alternative of the two
patterns can match are derived from the patterns' parse trees, and must all be in
_LEAD_WORDS, start with a digit, or belong to the one alternative that needs "responsible".
"""

from __future__ import annotations

import itertools
import re
import sys
from re import _constants as C  # noqa: N812
from re import _parser as P  # noqa: N812

from newsmill import assemble
from newsmill.assemble import _CONTROL, _LEAD_WORDS, _WIDGET, is_widget_line

_SINGLE = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN)
_State = tuple[tuple[frozenset[str] | str, ...], bool]  # the first word's pieces so far, and whether it ended


def _chars(op: object, av: object) -> frozenset[str] | str:
    """The characters one item matches: a finite set without the space, or "digit" (\\d) or
    "open" (\\w); any other class in a first word fails the test."""
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.IN and all(o is C.LITERAL for o, _ in av):
        assert all(a != 32 for _, a in av), "a space in a class"
        return frozenset(chr(a) for _, a in av)
    if op is C.IN and av == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        return "digit"
    assert op is C.IN and av == [(C.CATEGORY, C.CATEGORY_WORD)], f"unexpected item in a first word: {op} {av}"
    return "open"


def _step(states: set[_State], items: list) -> set[_State]:
    for op, av in items:
        nxt: set[_State] = set()
        for tok, done in states:
            if done:
                nxt.add((tok, done))
            else:
                nxt |= _apply(tok, op, av)
        states = nxt
    return states


def _apply(tok: tuple, op: object, av: object) -> set[_State]:
    if op is C.LITERAL and av == 32:  # the first word ends at the pattern's first space
        return {(tok, True)}
    if op in _SINGLE:
        return {(tok + (_chars(op, av),), False)}
    if op is C.AT:
        return {(tok, av is C.AT_END)}
    if op is C.SUBPATTERN:
        return _step({(tok, False)}, list(av[3]))
    if op is C.BRANCH:
        return set().union(*(_step({(tok, False)}, list(alt)) for alt in av[1]))
    assert op in (C.MAX_REPEAT, C.MIN_REPEAT), op
    lo, hi, sub = av
    if len(sub) == 1 and sub[0][0] in _SINGLE and sub[0] != (C.LITERAL, 32):
        c = _chars(*sub[0])
        if isinstance(c, str):  # \d+ or \w+: open-ended
            return {(tok + (c,), False)}
        assert hi != C.MAXREPEAT and hi <= 2, "an unbounded repeat inside a first word"
        return {(tok + (frozenset("".join(p) for p in itertools.product(c, repeat=k)),), False)
                for k in range(lo, hi + 1)}
    out: set[_State] = set()
    cur = {(tok, False)}
    k = 0
    while cur:
        if k >= lo:
            out |= cur
            cur = {s for s in cur if not s[1]}
        if not cur or (hi != C.MAXREPEAT and k >= hi):
            break
        assert k < 6, "a repeat that never reaches a space"
        cur = _step(cur, list(sub))
        k += 1
    return out


def _first_words(tok: tuple) -> set[str] | str:
    """The words a piece tuple spells, or "digit" / "open" when a class leads or is open."""
    if tok and tok[0] == "digit":
        return "digit"
    if any(isinstance(p, str) for p in tok):
        return "open"
    return {"".join(w) for w in itertools.product(*tok)}


def _check(rx: re.Pattern[str]) -> list[str]:
    tree = list(P.parse(rx.pattern, rx.flags))
    assert not rx.flags & re.IGNORECASE
    assert tree[0] == (C.AT, C.AT_BEGINNING) and tree[-1] == (C.AT, C.AT_END) and tree[1][0] is C.BRANCH
    problems = []
    for alt in tree[1][1][1]:
        # Its literal text, which every match holds in order: with "responsible", the gate lets
        # all its matches through whatever their first word.
        if "responsible" in "".join(chr(a) if o is C.LITERAL else "\0" for o, a in alt):
            continue
        for tok, _ in _step({((), False)}, list(alt) + [(C.AT, C.AT_END)]):
            words = _first_words(tok)
            if words == "digit":
                continue
            if words == "open":
                problems.append(f"open first word in {alt}")
                continue
            problems += [w for w in words if w not in _LEAD_WORDS]
    return problems


def test_every_first_word_of_the_patterns_is_a_lead_word() -> None:
    assert _check(_WIDGET) == []
    assert _check(_CONTROL) == []


def test_the_derivation_catches_a_missing_word() -> None:
    rx = re.compile(assemble._WIDGET.pattern[:-2] + "|(?:zorb|qux) thing)$")
    assert sorted(_check(rx)) == ["qux", "zorb"]


def test_gate_keeps_the_matches() -> None:
    assert is_widget_line("Advertisement")
    assert is_widget_line("5 min read")
    assert is_widget_line("1.0.0 (const: 1.48.0) · Source")
    assert is_widget_line("The BBC is not responsible for the content of external sites.")
    assert is_widget_line("関連記事")
    assert not is_widget_line("The mayor said the road would reopen.")
    assert not is_widget_line("3 people were hurt")


def test_copyright_gate_letters_match_only_themselves() -> None:
    # _is_credit_or_notice runs _COPYRIGHT (re.I) only on lines starting with c, (, ©, t, or
    # holding "erved" once lower-cased: no other character matches those letters under re.I.
    every = "".join(map(chr, range(sys.maxunicode + 1))).replace("\n", "")
    for letter in "ctervd":
        assert {c.lower() for c in re.findall(letter, every, re.I)} == {letter}
    assert set(assemble._NOTICE_FIRST) == {"c", "C", "(", "©", "t", "T"}


def test_copyright_notices_still_found() -> None:
    from newsmill.segment import Block

    def notice(text: str) -> bool:
        return assemble._is_credit_or_notice(Block("text", text, text, 0, "p", 0, len(text), 0))

    assert notice("Copyright 2008 The Daily Courier. All rights reserved.")
    assert notice("© 2024 Acme Inc.")
    assert notice("Acme Inc. ALL RIGHTS RESERVED.")
    assert notice("(c) 2019 by Jane Doe")
    assert not notice("The council reserved judgement on the plan.")
