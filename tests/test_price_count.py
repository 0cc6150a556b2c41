"""The page-type cue counting prices reads only around currency marks: same count as the
pattern's scan of the whole text."""

import random

from newsmill.pagetype import _PRICE, _count_prices


def test_same_count_as_the_whole_scan() -> None:
    rnd = random.Random(2)
    pieces = ["$", "€", "£", "¥", "eur", "usd", "gbp", "1", "23", " ", "\u00a0", "x", "eu", "ur", "5eur", "٣", "."]
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert _count_prices(s) == len(_PRICE.findall(s)), s
    assert _count_prices("add to cart $24.00 or 19 eur, 5 euros, 3 usd") == 3
    assert _count_prices("no prices here") == 0
