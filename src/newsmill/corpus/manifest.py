"""The run's journal: which parts are committed and which input byte ranges they hold.

``_manifest.jsonl`` in the output directory: a header line, then one line per committed part,
appended and fsynced after the part itself was renamed into place. A part file that no line
names (the process died between the rename and the append) or a half-written last line is not
committed: ``--resume`` deletes the one and drops the other, and redoes those records. So the
committed rows are exactly the records in the ranges named, each once.

A part line: ``{"part": name, "rows": written, "counts": {status: n}, "reasons": {status:
{code: n}}, "ranges": [[unit, start, end], ...], "complete": [unit, ...]}``; ranges are
``[start, end)`` byte offsets of records in a unit, ``complete`` the units read to their end.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import orjson

MANIFEST = "_manifest.jsonl"
VERSION = 1


def fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half."""
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(os.path.dirname(path) or ".")


@dataclass
class Manifest:
    out_dir: str
    header: dict[str, Any]
    parts: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)  # non-part lines (dedup, ...)

    @property
    def path(self) -> str:
        return os.path.join(self.out_dir, MANIFEST)

    @classmethod
    def exists(cls, out_dir: str) -> bool:
        return os.path.exists(os.path.join(out_dir, MANIFEST))

    @classmethod
    def create(cls, out_dir: str, header: dict[str, Any]) -> Manifest:
        m = cls(out_dir, {"newsmill_run": VERSION, **header})
        m._rewrite()
        return m

    @classmethod
    def load(cls, out_dir: str, *, repair: bool = False) -> Manifest:
        """Read the journal, dropping a torn last line (and, with ``repair``, rewrite it clean)."""
        with open(os.path.join(out_dir, MANIFEST), "rb") as fh:
            lines = fh.read().split(b"\n")
        entries = []
        for ln in lines:
            if not ln.strip():
                continue
            try:
                entries.append(orjson.loads(ln))
            except orjson.JSONDecodeError:
                break  # a line cut by a crash; nothing after it was committed
        if not entries or "newsmill_run" not in entries[0]:
            raise ValueError(f"{out_dir}: {MANIFEST} is not a newsmill run manifest")
        m = cls(out_dir, entries[0])
        for e in entries[1:]:
            (m.parts if "part" in e else m.extra).append(e)
        if repair:
            m._rewrite()
        return m

    def _rewrite(self) -> None:
        lines = [self.header, *self.parts, *self.extra]
        write_atomic(self.path, b"".join(orjson.dumps(e) + b"\n" for e in lines))

    def append(self, entry: dict[str, Any]) -> None:
        """Commit one line: append, flush, fsync."""
        (self.parts if "part" in entry else self.extra).append(entry)
        with open(self.path, "ab") as fh:
            fh.write(orjson.dumps(entry) + b"\n")
            fh.flush()
            os.fsync(fh.fileno())

    def set_extra(self, entry: dict[str, Any]) -> None:
        """Replace the non-part line of the same ``kind`` (or add it), atomically."""
        self.extra = [e for e in self.extra if e.get("kind") != entry.get("kind")] + [entry]
        self._rewrite()

    def extra_of(self, kind: str) -> dict[str, Any] | None:
        return next((e for e in self.extra if e.get("kind") == kind), None)

    def part_names(self) -> list[str]:
        return [p["part"] for p in self.parts]

    def done_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """Per unit, the merged ``[start, end)`` ranges of its committed records."""
        raw: dict[str, list[tuple[int, int]]] = {}
        for p in self.parts:
            for unit, start, end in p.get("ranges", []):
                raw.setdefault(unit, []).append((int(start), int(end)))
        return {u: merge_ranges(r) for u, r in raw.items()}

    def complete_units(self) -> set[str]:
        return {u for p in self.parts for u in p.get("complete", [])}


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def add_range(ranges: list[list[Any]], unit: str, start: int, end: int) -> None:
    """Extend the last range when the record follows it, else start a new one."""
    if ranges and ranges[-1][0] == unit and ranges[-1][2] == start:
        ranges[-1][2] = end
    else:
        ranges.append([unit, start, end])
