"""What a run reads: files, directories, WARC files and ``@list`` files, as input units.

A unit is one file (or one remote WARC); a WARC unit holds many records, any other unit one.
``expand_inputs`` turns the command line into units, ``iter_unit`` a unit into Records.
Names are kept as given (``os.path.normpath`` of the argument), so ids, sources and the resume
manifest are the same wherever the same command is run from; ``path`` is where to open it.

- a directory: searched recursively (hidden names skipped); ``.warc``/``.warc.gz`` files are
  WARC units, ``.html``/``.htm``/``.xhtml``/``.shtml`` (optionally ``.gz``) and extension-less
  files are pages, anything else becomes one ``skipped`` row so nothing vanishes unseen.
- a file named on the command line or in a list: a WARC if its name or its first bytes say
  so, else a page.
- ``@list.txt`` (or ``@list.txt.gz``): one path or URL a line; blank lines and ``#`` comments
  ignored; relative paths are taken from the current directory, or appended to ``prefix``.
- an ``http(s)://``, ``s3://`` or other URL in a list: a remote WARC file, downloaded to a
  temporary file while it is read (s3 needs boto3, other schemes fsspec).
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from .guards import DEFAULT_MAX_BYTES
from .records import Record
from .warc import iter_warc, looks_like_warc

WARC_SUFFIXES = (".warc", ".warc.gz")
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp")
_URL_SCHEMES = ("http://", "https://", "s3://", "s3a://", "gs://", "hdfs://", "file://")


@dataclass(slots=True)
class Unit:
    """One input file. ``kind`` is ``warc``, ``page``, ``other`` (skipped) or ``missing``."""

    name: str
    path: str
    kind: str
    size: int | None

    @property
    def remote(self) -> bool:
        return is_remote(self.path)


def is_remote(path: str) -> bool:
    return path.lower().startswith(_URL_SCHEMES) and not path.lower().startswith("file://")


def _is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _is_page_name(name: str) -> bool:
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    base = os.path.basename(low)
    return low.endswith(PAGE_SUFFIXES) or "." not in base


def _file_unit(name: str, path: str, *, in_dir: bool) -> Unit:
    size = os.path.getsize(path)
    if _is_warc_name(name):
        return Unit(name, path, "warc", size)
    if in_dir:
        return Unit(name, path, "page" if _is_page_name(name) else "other", size)
    return Unit(name, path, "warc" if looks_like_warc(path) else "page", size)


def _walk(name: str) -> Iterator[Unit]:
    for root, dirs, files in os.walk(name):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = os.path.join(root, f)
            if os.path.isfile(p):
                yield _file_unit(p, os.path.abspath(p), in_dir=True)


def _read_list(list_path: str) -> list[str]:
    opener = gzip.open if list_path.lower().endswith(".gz") else open
    try:
        with opener(list_path, "rt", encoding="utf-8") as fh:
            lines = [ln.strip() for ln in fh]
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise InputError(f"cannot read list {list_path}: {e}") from e
    return [ln for ln in lines if ln and not ln.startswith("#")]


def _entry(entry: str, prefix: str | None, *, listed: bool) -> Iterator[Unit]:
    if prefix and not is_remote(entry) and not os.path.isabs(entry):
        entry = prefix + entry
    if is_remote(entry):
        yield Unit(entry, entry, "warc", None)
        return
    if entry.lower().startswith("file://"):
        entry = entry[len("file://") :]
    name = os.path.normpath(entry)
    if os.path.isdir(name):
        yield from _walk(name)
    elif os.path.isfile(name):
        yield _file_unit(name, os.path.abspath(name), in_dir=False)
    elif listed:
        yield Unit(name, os.path.abspath(name), "missing", None)
    else:
        raise InputError(f"no such file or directory: {entry}")


def expand_inputs(inputs: list[str], *, prefix: str | None = None) -> list[Unit]:
    """The units named by ``inputs``, in order, each once.

    A path named on the command line must exist (``InputError`` otherwise); a missing entry
    of a list becomes a unit of kind ``missing``, reported as an error row.
    """
    units: list[Unit] = []
    seen: set[str] = set()
    for arg in inputs:
        if arg.startswith("@"):
            entries = [(e, True) for e in _read_list(arg[1:])]
        else:
            entries = [(arg, False)]
        for entry, listed in entries:
            for u in _entry(entry, prefix, listed=listed):
                if u.name not in seen:
                    seen.add(u.name)
                    units.append(u)
    return units


# --- reading a unit -------------------------------------------------------------------------


def iter_unit(
    unit: Unit, *, start: int = 0, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """The Records of one unit, from byte ``start`` (a record boundary of a WARC unit)."""
    if unit.kind == "missing":
        yield _unit_row(unit, "error", "unreadable: no such file")
    elif unit.kind == "other":
        ext = os.path.splitext(unit.name)[1] or "no extension"
        yield _unit_row(unit, "skipped", f"not-html-file: {ext}")
    elif unit.kind == "page":
        yield _page(unit, max_bytes)
    elif unit.remote:
        try:
            with fetch_to_temp(unit.path) as local:
                yield from _warc(unit, local, start, max_bytes)
        except OSError as e:
            yield _unit_row(unit, "error", f"unreadable: {e}")
    else:
        yield from _warc(unit, unit.path, start, max_bytes)


def _warc(unit: Unit, path: str, start: int, max_bytes: int | None) -> Iterator[Record]:
    pos = start
    try:
        for rec in iter_warc(path, name=unit.name, start=start, max_bytes=max_bytes):
            pos = rec.end
            yield rec
    except OSError as e:
        # The file could not be read any further (gone, permissions): one row for the rest.
        rec = _unit_row(unit, "error", f"unreadable: {e}")
        rec.id = rec.source = f"{unit.name}@{pos}"
        rec.offset, rec.end = pos, max(unit.size or 0, pos)
        yield rec


def _unit_row(unit: Unit, status: str, reason: str) -> Record:
    return Record(
        id=unit.name,
        source=unit.name,
        status=status,
        reason=reason,
        unit=unit.name,
        offset=0,
        end=unit.size or 0,
    )


def _page(unit: Unit, max_bytes: int | None) -> Record:
    rec = Record(id=unit.name, source=unit.name, unit=unit.name, end=unit.size or 0)
    cap = max_bytes + 1 if max_bytes and max_bytes > 0 else -1
    try:
        with open(unit.path, "rb") as fh:
            gz = fh.read(2) == b"\x1f\x8b"
            fh.seek(0)
            if gz:
                with gzip.GzipFile(fileobj=fh) as z:
                    data = z.read(cap)
            else:
                data = fh.read(cap)
    except (OSError, EOFError, zlib.error) as e:
        rec.status, rec.reason = "error", f"unreadable: {e}"
        return rec
    if max_bytes and max_bytes > 0 and len(data) > max_bytes:
        rec.status, rec.reason = "error", f"too-large: over {max_bytes} bytes"
        return rec
    rec.body = data
    return rec


class fetch_to_temp:  # noqa: N801 - used as a context manager, like open()
    """Copy a remote file to a temporary local file for the duration of a ``with`` block."""

    def __init__(self, url: str, tmp_dir: str | None = None) -> None:
        self.url = url
        self.tmp_dir = tmp_dir
        self.path: str | None = None

    def __enter__(self) -> str:
        fd, self.path = tempfile.mkstemp(prefix="newsmill-", suffix=".warc", dir=self.tmp_dir)
        try:
            with os.fdopen(fd, "wb") as out:
                _copy_remote(self.url, out)
        except BaseException:
            self.__exit__()
            raise
        return self.path

    def __exit__(self, *exc: object) -> None:
        if self.path and os.path.exists(self.path):
            os.unlink(self.path)


def _copy_remote(url: str, out) -> None:  # noqa: ANN001 - a binary file
    low = url.lower()
    if low.startswith(("http://", "https://")):
        req = urllib.request.Request(url, headers={"User-Agent": "newsmill-corpus"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            shutil.copyfileobj(resp, out, 1 << 20)
        return
    if low.startswith(("s3://", "s3a://")):
        try:
            import boto3  # type: ignore[import-not-found]
        except ImportError as e:
            raise OSError(f"reading {url} needs boto3 (pip install boto3)") from e
        bucket, _, key = url.split("://", 1)[1].partition("/")
        boto3.client("s3").download_fileobj(bucket, key, out)
        return
    try:
        import fsspec  # type: ignore[import-not-found]
    except ImportError as e:
        raise OSError(f"reading {url} needs fsspec (pip install fsspec)") from e
    with fsspec.open(url, "rb") as src:
        shutil.copyfileobj(src, out, 1 << 20)
