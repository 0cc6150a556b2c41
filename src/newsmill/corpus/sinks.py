"""Part files: rows written to a temporary file, committed by fsync and rename.

Formats: ``jsonl`` (one JSON object a line, the columns of ``schema.COLUMNS`` in order),
``jsonl.gz`` (the same, gzip-compressed) and ``parquet`` (the explicit Arrow schema of
``schema.arrow_schema``, zstd-compressed, row groups of at most ``ROW_GROUP`` rows so a writer's
memory does not grow with the part). Readers give rows back as dicts in every format.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson

from .manifest import fsync_dir
from .schema import COLUMNS, arrow_schema

FORMATS = ("jsonl", "jsonl.gz", "parquet")
ROW_GROUP = 512
_ROW_GROUP_BYTES = 48 * 1024 * 1024
_MAP_COLUMNS = ("sources", "confidence")


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def is_part_file(name: str) -> bool:
    return name.startswith("part-") and name.endswith(tuple(f".{f}" for f in FORMATS))


def format_of(path: str) -> str:
    for fmt in ("jsonl.gz", "jsonl", "parquet"):
        if path.endswith("." + fmt):
            return fmt
    raise ValueError(f"not a jsonl, jsonl.gz or parquet file: {path}")


class PartWriter:
    """Writes one part. ``write`` rows, then ``commit`` (or ``abort``)."""

    def __init__(self, out_dir: str, name: str, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.out_dir, self.name, self.fmt = out_dir, name, fmt
        self.final = os.path.join(out_dir, name)
        self.tmp = os.path.join(out_dir, f".{name}.tmp")
        self.rows = 0
        self._raw: BinaryIO = open(self.tmp, "wb")  # noqa: SIM115 - closed in commit/abort
        self._gz: gzip.GzipFile | None = None
        self._pq: Any = None
        self._buf: list[dict[str, Any]] = []
        self._buf_bytes = 0
        if fmt == "jsonl.gz":
            # Level 6: most of the gain of 9 for a fraction of the time.
            self._gz = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6, mtime=0)
        elif fmt == "parquet":
            import pyarrow.parquet as pq

            self._schema = arrow_schema()
            self._pq = pq.ParquetWriter(self._raw, self._schema, compression="zstd")

    def write(self, row: dict[str, Any]) -> None:
        self.rows += 1
        if self._pq is not None:
            self._buf.append(row)
            self._buf_bytes += len(row.get("text") or "") + len(row.get("markdown") or "")
            if len(self._buf) >= ROW_GROUP or self._buf_bytes >= _ROW_GROUP_BYTES:
                self._flush()
            return
        line = orjson.dumps({c: row.get(c) for c in COLUMNS}) + b"\n"
        (self._gz or self._raw).write(line)

    def _flush(self) -> None:
        if self._buf:
            import pyarrow as pa

            self._pq.write_table(pa.Table.from_pylist(self._buf, schema=self._schema))
            self._buf, self._buf_bytes = [], 0

    def commit(self) -> str:
        """Make the part durable under its final name; returns that name."""
        if self._pq is not None:
            self._flush()
            self._pq.close()
        if self._gz is not None:
            self._gz.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.tmp, self.final)
        fsync_dir(self.out_dir)
        return self.name

    def abort(self) -> None:
        for closer in (self._pq, self._gz, self._raw):
            try:
                if closer is not None:
                    closer.close()
            except Exception:  # noqa: BLE001 - best effort: the file is deleted next
                pass
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def read_rows(path: str) -> Iterator[dict[str, Any]]:
    """The rows of one part file (or any jsonl, jsonl.gz or parquet file of rows)."""
    fmt = format_of(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=256):
            for row in batch.to_pylist():
                for c in _MAP_COLUMNS:  # Arrow gives maps back as lists of pairs
                    if isinstance(row.get(c), list):
                        row[c] = dict(row[c])
                yield row
        return
    opener = gzip.open if fmt == "jsonl.gz" else open
    with opener(path, "rb") as fh:
        for line in fh:
            if line.strip():
                yield orjson.loads(line)


def part_files(out_dir: str) -> list[str]:
    """The committed part files of a run directory, in order (the manifest's, when there is one)."""
    from .manifest import Manifest

    if Manifest.exists(out_dir):
        return [os.path.join(out_dir, n) for n in Manifest.load(out_dir).part_names()]
    return sorted(os.path.join(out_dir, n) for n in os.listdir(out_dir) if is_part_file(n))
