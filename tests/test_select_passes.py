"""The select passes rewritten for speed keep their results."""

from __future__ import annotations

from newsmill.assemble import _drop_runs


def test_drop_runs_drops_only_long_runs() -> None:
    members = {2, 3, 4, 7, 8, 10, 11, 12}
    out = list(range(13))
    # 2-4 and 10-12 (at the end) are runs of three; 7-8 is too short.
    assert _drop_runs(out, members.__contains__, 3) == [0, 1, 5, 6, 7, 8, 9]
    assert _drop_runs(out, members.__contains__, 4) is out  # nothing dropped: the same list
    assert _drop_runs([], members.__contains__, 1) == []
    assert _drop_runs([2, 3, 4], members.__contains__, 3) == []
