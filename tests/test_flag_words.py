"""The class/id flag matcher must give exactly the bits of the group regexes it replaces."""

import random
import re

from newsmill.segment import _GROUP_RES, _WORD_MEANING, FLAG_NAMES, _match_bits, _token_bits

_BIT = {n: 1 << i for i, n in enumerate(FLAG_NAMES)}


def _reference(tok: str) -> int:
    low = tok.lower()
    return sum(bit for bit, rx in _GROUP_RES if rx.search(low))


def test_known_tokens() -> None:
    assert _token_bits("sidebar-nav") == _BIT["side"] | _BIT["nav"]
    assert _token_bits("site-footer") == _BIT["footer"]
    # "ads?" only as a word of its own: "ad-slot" is an ad, "header"/"loading" are not.
    assert _token_bits("ad-slot") & _BIT["ad"]
    assert not _token_bits("loading") & _BIT["ad"]
    # One word inside another ("reply" in "reply-body"), and "body" too.
    assert _match_bits("reply-body") == _BIT["comment"] | _BIT["post"] | _BIT["content"]
    assert _match_bits("docs") & _BIT["content"] and not _match_bits("docsearch") & _BIT["content"]
    assert _match_bits("xyzzy") == 0


def test_same_bits_as_the_group_regexes() -> None:
    rnd = random.Random(3)
    words = list(_WORD_MEANING)
    letters = "adsocnvmetriuplbfgkhy-_0"
    toks = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 16))) for _ in range(20000)]
    toks += [rnd.choice(words) + rnd.choice(["", "-", "s", "x", "-body"]) + rnd.choice(words) for _ in range(20000)]
    toks += [w.upper() for w in words] + [f"_{w}_" for w in words]
    bad = [t for t in toks if _match_bits(t.lower()) != _reference(t)]
    assert not bad, bad[:5]


def test_every_alternative_is_found() -> None:
    for bit, rx in _GROUP_RES:
        for alt in rx.pattern.split("|"):
            core = re.sub(r".\?", "", re.sub(r"\(\?<?[!=][^)]*\)", "", alt))
            assert _match_bits(core) & bit, alt


def test_class_names_of_other_languages_sites_set_the_same_flags() -> None:
    assert _match_bits("contenido-articulo") & _BIT["content"]
    assert _match_bits("artikel-inhalt") & _BIT["content"]
    assert _match_bits("werbung") == _BIT["ad"]
    assert _match_bits("artikel-teilen") & _BIT["share"]
    assert _match_bits("autor") & _BIT["meta"]
    assert _match_bits("pied-de-page") & _BIT["footer"]
    # Portuguese "corpo" (body) is left out: it would flag every "corporate" box.
    assert _match_bits("corporate") == 0
