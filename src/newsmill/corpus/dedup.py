"""Syndicated copies: mark near-duplicate articles (one wire story on many sites).

Each article's body text becomes a set of word shingles (``shingle`` consecutive words,
lower-cased). Candidates come from two MinHash LSH indexes (datasketch): one over the whole
text (similar copies) and one over its opening ``prefix`` shingles (a truncated copy keeps the
story's opening, so it is found even when it is a small part of the full story). Every
candidate pair is then checked exactly on the shingle sets: a duplicate when the Jaccard
similarity reaches ``jaccard``, or when the shorter text (at least ``min_contained`` shingles)
lies in the longer for ``containment`` of its shingles: the containment test is what catches
truncated copies.

Clusters: articles are taken longest first; one joins the cluster of a duplicate already
placed when it is also like that cluster's longest copy (the same tests, relaxed by
``join_relax``: that is how two differently edited copies meet), else it opens its own. So
``cluster_id`` is the id of the cluster's longest copy, ``duplicate_of`` is that id on every
other member and null on the longest copy itself; an article with no duplicate has its own id
as ``cluster_id``. Rows with no text (errors, skipped, empty pages) get null in both.

Memory: two MinHashes per article in the indexes, and shingle sets only for the articles in
candidate pairs; rows are streamed from the files, read three times (index, check, write).
"""

from __future__ import annotations

import os
import re
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

from .manifest import Manifest, write_atomic
from .sinks import FORMATS, PartWriter, format_of, part_files, part_name, read_rows

_WORD_BYTES = re.compile(rb"[\w\x80-\xff]+")
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass
class DedupConfig:
    shingle: int = 5
    num_perm: int = 128
    jaccard: float = 0.4
    containment: float = 0.6
    min_contained: int = 40  # a shorter text must have this many shingles to be "contained"
    min_words: int = 20  # texts shorter than this are left alone
    lsh_threshold: float = 0.3  # candidate recall over precision: pairs are checked exactly
    prefix: int = 64  # shingles of a text's opening, indexed to find truncated copies
    prefix_threshold: float = 0.5
    join_relax: float = 0.6  # a member's likeness to its cluster's longest copy, relative


@dataclass
class DedupStats:
    rows: int = 0
    articles: int = 0
    candidates: int = 0
    pairs: int = 0
    clusters: int = 0  # clusters with more than one member
    duplicates: int = 0  # rows marked duplicate_of another
    elapsed_s: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "extra"}
        d["elapsed_s"] = round(self.elapsed_s, 3)
        d["rows_per_s"] = round(self.rows / self.elapsed_s, 1) if self.elapsed_s else None
        return d | self.extra

    def line(self) -> str:
        return (
            f"dedup: {self.rows} rows, {self.articles} articles compared, {self.pairs} duplicate "
            f"pairs, {self.duplicates} rows marked duplicate in {self.clusters} clusters "
            f"({self.elapsed_s:.1f} s)"
        )


def shingle_seq(text: str, k: int) -> np.ndarray:
    """The 64-bit hashes of the ``k``-word shingles of ``text``, in text order.

    Words are runs of word characters of the lower-cased UTF-8 text (any non-ASCII byte
    counting as a word character), hashed with CRC-32: stable across processes and runs.
    """
    h = np.fromiter(map(zlib.crc32, _WORD_BYTES.findall(text.lower().encode("utf-8", "replace"))), dtype=np.uint64)
    if len(h) == 0:
        return h
    k = min(k, len(h))
    # A polynomial rolling combination of the word hashes; wraps mod 2**64, which is fine.
    acc = np.zeros(len(h) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * _MIX + h[j : j + len(acc)]
        acc ^= acc >> np.uint64(31)
    return acc


def shingles(text: str, k: int) -> np.ndarray:
    """The sorted, unique shingle hashes of ``text``."""
    return np.unique(shingle_seq(text, k))


def _h32(shs: np.ndarray) -> list[int]:
    # MinHash takes 32-bit values; fold the 64-bit shingle hashes.
    return ((shs ^ (shs >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).tolist()


def _ident(x: int) -> int:
    return x


_PERMS: dict[int, Any] = {}


def _minhash(shs: np.ndarray, num_perm: int) -> Any:
    from datasketch import LeanMinHash, MinHash

    if num_perm not in _PERMS:  # making the permutations is most of a new MinHash's cost
        t = MinHash(num_perm=num_perm, seed=1)
        _PERMS[num_perm] = (t.permutations, t.scheme)
    perms, scheme = _PERMS[num_perm]
    m = MinHash(num_perm=num_perm, seed=1, hashfunc=_ident, permutations=perms, scheme=scheme)
    m.update_batch(_h32(shs))
    return LeanMinHash(m)


def _overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two sorted unique arrays."""
    inter = len(np.intersect1d(a, b, assume_unique=True))
    if not inter:
        return 0.0, 0.0
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def _similar(a: np.ndarray, b: np.ndarray, cfg: DedupConfig, relax: float = 1.0) -> tuple[bool, float]:
    j, c = _overlap(a, b)
    small = min(len(a), len(b))
    ok = j >= cfg.jaccard * relax or (small >= cfg.min_contained and c >= cfg.containment * relax)
    return ok, max(j, c)


def _text_of(row: dict[str, Any]) -> str | None:
    return (row.get("text") or None) if row.get("status", "ok") == "ok" else None


def cluster(
    rows: Callable[[], Iterable[tuple[str, str | None]]],
    cfg: DedupConfig | None = None,
    stats: DedupStats | None = None,
) -> dict[int, tuple[str, str | None]]:
    """Cluster the texts of ``rows()`` (a callable giving ``(id, text or None)`` afresh each call).

    Returns, by position, ``(cluster_id, duplicate_of)`` for every row that has a text.
    """
    from datasketch import MinHashLSH

    cfg = cfg or DedupConfig()
    stats = stats or DedupStats()
    min_shingles = max(cfg.min_words - cfg.shingle + 1, 1)
    # Pass 1: MinHashes of each article's whole text and of its opening, into two indexes.
    ids: dict[int, str] = {}
    sizes: dict[int, int] = {}
    whole = MinHashLSH(threshold=cfg.lsh_threshold, num_perm=cfg.num_perm)
    opening = MinHashLSH(threshold=cfg.prefix_threshold, num_perm=cfg.num_perm)
    keys: list[tuple[int, Any, Any]] = []
    n = 0
    for i, (rid, text) in enumerate(rows()):
        n += 1
        if text is None:
            continue
        seq = shingle_seq(text, cfg.shingle)
        shs = np.unique(seq)
        if len(shs) < min_shingles:
            continue
        m = _minhash(shs, cfg.num_perm)
        # A truncated copy keeps the story's opening: index that too.
        p = _minhash(np.unique(seq[: cfg.prefix]), cfg.num_perm)
        ids[i], sizes[i] = rid, len(shs)
        whole.insert(i, m)
        opening.insert(i, p)
        keys.append((i, m, p))
    stats.rows, stats.articles = n, len(ids)
    pairs: set[tuple[int, int]] = set()
    for i, m, p in keys:
        for j in (*whole.query(m), *opening.query(p)):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    del keys
    stats.candidates = len(pairs)
    # Pass 2: the shingle sets of the articles in candidate pairs, to check each pair exactly.
    wanted = {i for p in pairs for i in p}
    sets: dict[int, np.ndarray] = {}
    if wanted:
        for i, (_rid, text) in enumerate(rows()):
            if i in wanted and text is not None:
                sets[i] = shingles(text, cfg.shingle)
    edges: dict[int, list[int]] = {}
    for a, b in sorted(pairs):
        if _similar(sets[a], sets[b], cfg)[0]:
            edges.setdefault(a, []).append(b)
            edges.setdefault(b, []).append(a)
            stats.pairs += 1
    # Clusters, longest copy first: an article joins the cluster of a duplicate already placed
    # if it is also like that cluster's longest copy (a looser test, so truncated and edited
    # copies of one story meet), else it opens its own.
    out: dict[int, tuple[str, str | None]] = {}
    rep_of: dict[int, int] = {}
    members: dict[int, int] = {}
    for i in sorted(ids, key=lambda k: (-sizes[k], k)):
        best, best_score = None, -1.0
        for r in {rep_of[j] for j in edges.get(i, ()) if j in rep_of}:
            ok, score = _similar(sets[i], sets[r], cfg, relax=cfg.join_relax)
            if ok and score > best_score:
                best, best_score = r, score
        if best is None:
            rep_of[i] = i
            out[i] = (ids[i], None)
        else:
            rep_of[i] = best
            out[i] = (ids[best], ids[best])
            members[best] = members.get(best, 0) + 1
    stats.clusters = len(members)
    stats.duplicates = sum(members.values())
    return out


# --- files ----------------------------------------------------------------------------------


def _input_files(inputs: list[str]) -> list[str]:
    files: list[str] = []
    for p in inputs:
        if os.path.isdir(p):
            found = part_files(p)
            if not found:  # a directory of row files that is not a run
                found = sorted(
                    os.path.join(p, n) for n in os.listdir(p) if n.endswith(tuple(f".{f}" for f in FORMATS))
                )
            files += found
        elif os.path.isfile(p):
            format_of(p)  # raises for a file that is not rows
            files.append(p)
        else:
            raise FileNotFoundError(p)
    return files


def _iter_rows(files: list[str]) -> Iterator[dict[str, Any]]:
    for f in files:
        yield from read_rows(f)


def _mark(rows: Iterator[dict[str, Any]], marks: dict[int, tuple[str, str | None]]) -> Iterator[dict[str, Any]]:
    for i, row in enumerate(rows):
        row["cluster_id"], row["duplicate_of"] = marks.get(i, (None, None))
        yield row


def dedup_files(
    inputs: list[str],
    out_dir: str,
    *,
    fmt: str | None = None,
    part_rows: int = 10000,
    cfg: DedupConfig | None = None,
) -> DedupStats:
    """Read rows from files or run directories, write them to ``out_dir`` with clusters marked."""
    cfg = cfg or DedupConfig()
    start = time.monotonic()
    files = _input_files(inputs)
    if not files:
        raise FileNotFoundError("no row files in " + ", ".join(inputs))
    fmt = fmt or format_of(files[0])
    stats = DedupStats()
    marks = cluster(lambda: ((r["id"], _text_of(r)) for r in _iter_rows(files)), cfg, stats)
    os.makedirs(out_dir, exist_ok=True)
    writer: PartWriter | None = None
    index = 0
    for row in _mark(_iter_rows(files), marks):
        if writer is None:
            writer = PartWriter(out_dir, part_name(index, fmt), fmt)
            index += 1
        writer.write(row)
        if writer.rows >= part_rows:
            writer.commit()
            writer = None
    if writer is not None:
        writer.commit()
    stats.elapsed_s = time.monotonic() - start
    write_atomic(os.path.join(out_dir, "_dedup.json"), orjson.dumps(stats.to_dict(), option=orjson.OPT_INDENT_2))
    return stats


def dedup_run_dir(out_dir: str, cfg: DedupConfig | None = None) -> DedupStats:
    """Mark clusters in place in a run's output: each part is rewritten and renamed over itself."""
    cfg = cfg or DedupConfig()
    start = time.monotonic()
    manifest = Manifest.load(out_dir) if Manifest.exists(out_dir) else None
    files = part_files(out_dir)  # a local run's parts, or a Spark run's
    stats = DedupStats()
    marks = cluster(lambda: ((r["id"], _text_of(r)) for r in _iter_rows(files)), cfg, stats)
    i = 0
    for f in files:
        name = os.path.basename(f)
        rows = list(read_rows(f))  # one part at a time: bounded by the part size
        writer = PartWriter(out_dir, name, format_of(name))
        try:
            for row in rows:
                row["cluster_id"], row["duplicate_of"] = marks.get(i, (None, None))
                writer.write(row)
                i += 1
        except BaseException:
            writer.abort()
            raise
        writer.commit()
        crc = os.path.join(out_dir, f".{name}.crc")  # Hadoop's checksum of the old file
        if os.path.exists(crc):
            os.unlink(crc)
    stats.elapsed_s = time.monotonic() - start
    if manifest is not None:
        manifest.set_extra({"kind": "dedup", **stats.to_dict()})
    write_atomic(os.path.join(out_dir, "_dedup.json"), orjson.dumps(stats.to_dict(), option=orjson.OPT_INDENT_2))
    return stats
