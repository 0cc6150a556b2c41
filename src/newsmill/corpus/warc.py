"""WARC files (1.0 and 1.1, plain or gzip-per-record) into :class:`Record` values.

FastWARC does the parsing. What it cannot do is go on after damage, so this module adds that:
when a record is truncated, a gzip member is corrupt or there is garbage between records,
the damaged span becomes one ``error`` record and reading resumes at the next good record
(the next gzip member, or the next ``WARC/1.x`` line, that starts a valid record).

Every record in the file becomes exactly one Record: ``response`` records with an HTML
content type carry their page (HTTP transfer and content encodings undone, the header's
charset kept), the others are ``skipped`` with a reason. Offsets are those of the file, so
``iter_warc(path, start=offset)`` resumes at any record boundary it reported.
"""

from __future__ import annotations

import io
import os
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from .guards import DEFAULT_MAX_BYTES
from .records import Record

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_SCAN_CHUNK = 1 << 20
_HEAD_MAX = 64 * 1024  # WARC headers longer than this are not believed
_SLICE = 1024
_WS = b" \t\r\n"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def is_gzip_file(path: str) -> bool:
    """Whether the records are gzip members, even when junk comes first."""
    with open(path, "rb") as fh:
        head = fh.read(_SCAN_CHUNK)
    if head.startswith(_GZIP_MAGIC) or head.startswith(b"WARC/"):
        return head.startswith(_GZIP_MAGIC)
    g, w = head.find(_GZIP_MAGIC), head.find(b"WARC/1.")
    return g != -1 and (w == -1 or g < w)


def looks_like_warc(path: str) -> bool:
    """True when the file starts with a WARC record, plain or gzip-compressed."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/1.")


def iter_warc(
    path: str,
    *,
    name: str | None = None,
    start: int = 0,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Yield one Record per WARC record of ``path``, from byte ``start`` (a record boundary).

    ``name`` is how the file is named in ids and sources (default: ``path``).
    """
    name = name or path
    size = os.path.getsize(path)
    gz = is_gzip_file(path)
    limit = max_bytes if max_bytes and max_bytes > 0 else None
    pos = start
    with open(path, "rb", buffering=_SCAN_CHUNK) as raw:
        while pos < size:
            pending: Record | None = None  # read, but not yet known to be whole
            broken: Record | None = None  # the record being read when the stream failed
            failed = False
            with open(path, "rb", buffering=_SCAN_CHUNK) as fh:
                fh.seek(pos)
                it = iter(_archive_iterator(fh))
                while True:
                    try:
                        wrec = next(it)
                    except StopIteration:
                        break
                    except OSError:
                        failed = True
                        break
                    try:
                        rec = _to_record(wrec, name, limit)
                    except OSError:
                        # The stream broke inside this record; its header was readable.
                        broken = _header_record(wrec, name)
                        failed = True
                        break
                    if pending is not None:
                        pending.end = rec.offset
                        yield pending
                    pending = rec
            if not failed:
                # A clean end, but FastWARC stops quietly at a cut-off last member or header:
                # check the last record against the bytes really there.
                if pending is None:
                    if not _has_data(raw, pos, size):
                        return
                    nxt = _next_record_start(raw, pos + 1, size, gz)
                    yield _span_error(raw, name, pos, nxt, gz, None)
                    pos = nxt
                    continue
                done, pos = _settle(raw, name, pending, size, size, gz)
                yield from done
                continue
            if broken is not None:
                if pending is not None:
                    pending.end = broken.offset
                    yield pending
                nxt = _next_record_start(raw, broken.offset + 1, size, gz)
                _fail(broken, raw, broken.offset, nxt, gz)
                broken.end = nxt
                yield broken
                pos = nxt
                continue
            anchor = pending.offset if pending is not None else pos
            nxt = _next_record_start(raw, anchor + 1, size, gz)
            if pending is not None:
                done, nxt = _settle(raw, name, pending, nxt, size, gz)
                yield from done
            else:
                yield _span_error(raw, name, anchor, nxt, gz, None)
            pos = nxt


def _archive_iterator(fh: BinaryIO):  # noqa: ANN202 - FastWARC's iterator type
    from fastwarc.warc import ArchiveIterator

    return ArchiveIterator(fh, parse_http=False)


# --- one record -----------------------------------------------------------------------------


def _clean_uri(uri: str | None) -> str | None:
    if uri is None:
        return None
    uri = uri.strip()
    if uri.startswith("<") and uri.endswith(">"):  # WARC 1.0 writers sometimes bracket it
        uri = uri[1:-1]
    return uri or None


def _header_record(wrec, name: str) -> Record:  # noqa: ANN001 - a FastWARC WarcRecord
    offset = int(wrec.stream_pos)
    h = wrec.headers
    return Record(
        id=wrec.record_id or f"{name}@{offset}",
        source=f"{name}@{offset}",
        url=_clean_uri(h.get("WARC-Target-URI")),
        fetched=h.get("WARC-Date"),
        unit=name,
        offset=offset,
        end=offset,
    )


def _skip(rec: Record, reason: str) -> Record:
    rec.status, rec.reason = "skipped", reason
    return rec


def _error(rec: Record, reason: str) -> Record:
    rec.status, rec.reason, rec.body = "error", reason, None
    return rec


def _to_record(wrec, name: str, limit: int | None) -> Record:  # noqa: ANN001
    """The Record of one WARC record: its page, or why it has none."""
    rec = _header_record(wrec, name)
    wtype = (wrec.headers.get("WARC-Type") or "").strip().lower()
    if wtype != "response":
        return _skip(rec, f"not-response: {wtype or 'no WARC-Type'}")
    try:
        wrec.parse_http()
    except OSError as e:
        return _error(rec, f"invalid-http: {e}")
    hh = wrec.http_headers
    if hh is None or hh.status_code is None:
        if not (wrec.headers.get("Content-Type") or "").lower().startswith("application/http"):
            return _skip(rec, "not-http: response record without an HTTP message")
        return _error(rec, "invalid-http: unreadable HTTP status line")
    status = int(hh.status_code)
    if not 200 <= status < 300:
        return _skip(rec, f"http-status: {status}")
    ctype_full = hh.get("Content-Type") or ""
    ctype = ctype_full.split(";", 1)[0].strip().lower()
    if not ctype:
        ctype = (wrec.headers.get("WARC-Identified-Payload-Type") or "").split(";")[0].strip()
    if ctype and ctype not in HTML_TYPES:
        return _skip(rec, f"not-html: {ctype}")
    declared = int(wrec.content_length)  # what the record says is left: the HTTP body
    cap = (limit + 1) if limit else -1
    raw = wrec.reader.read(cap)
    if limit and len(raw) > limit:
        return _error(rec, f"too-large: over {limit} bytes")
    if len(raw) < declared:
        return _error(rec, f"truncated: {len(raw)} of {declared} body bytes")
    try:
        body = _decode_http(raw, hh, limit)
    except (OSError, ValueError, zlib.error) as e:
        return _error(rec, f"decode-failed: {e}")
    if limit and len(body) > limit:
        return _error(rec, f"too-large: over {limit} bytes once decoded")
    if not ctype and not _HTML_START.match(body[:2048]):
        return _skip(rec, "not-html: no content type")
    if not body or body.isspace():
        return _skip(rec, "empty-body: HTTP body is empty")
    m = _CHARSET.search(ctype_full)
    rec.body = body
    rec.charset = m.group(1) if m else None
    return rec


def _decode_http(raw: bytes, hh, limit: int | None) -> bytes:  # noqa: ANN001
    """Undo chunked transfer coding and gzip/deflate/br content coding, within ``limit``."""
    from fastwarc import stream_io

    te = (hh.get("Transfer-Encoding") or "").lower()
    ce = (hh.get("Content-Encoding") or "").lower().strip()
    if "chunked" not in te and ce in ("", "identity"):
        return raw
    cap = (limit + 1) if limit else -1
    data = raw
    if "chunked" in te and _looks_chunked(raw):
        data = stream_io.ChunkedReader(io.BytesIO(data)).read(-1)
    if ce in ("gzip", "x-gzip"):
        data = stream_io.GzipReader(io.BytesIO(data)).read(cap)
    elif ce == "deflate":
        try:
            data = stream_io.GzipReader(io.BytesIO(data), zlib=True).read(cap)
        except OSError:  # raw deflate, as some servers send it
            data = zlib.decompressobj(-15).decompress(data, cap if cap > 0 else 0)
    elif ce == "br":
        data = stream_io.BrotliReader(io.BytesIO(data)).read(cap)
    return data


def _looks_chunked(raw: bytes) -> bool:
    # Crawlers often store the body already de-chunked but keep the header.
    return re.match(rb"[0-9a-fA-F]+[ \t]*(;[^\r\n]*)?\r\n", raw[:64]) is not None


# --- damage ---------------------------------------------------------------------------------


def _has_data(raw: BinaryIO, start: int, end: int) -> bool:
    raw.seek(start)
    while start < end:
        chunk = raw.read(min(_SCAN_CHUNK, end - start))
        if not chunk:
            return False
        if chunk.strip(_WS):
            return True
        start += len(chunk)
    return False


def _next_record_start(raw: BinaryIO, after: int, size: int, gz: bool) -> int:
    """The first offset >= ``after`` where a valid record starts, or ``size``."""
    needle = _GZIP_MAGIC if gz else b"WARC/1."
    pos = after
    overlap = len(needle) - 1
    while pos < size:
        raw.seek(pos)
        chunk = raw.read(_SCAN_CHUNK + overlap)
        if not chunk:
            break
        i = chunk.find(needle)
        while i != -1:
            cand = pos + i
            if _starts_record(raw, cand, gz):
                return cand
            i = chunk.find(needle, i + 1)
        pos += _SCAN_CHUNK
    return size


def _starts_record(raw: BinaryIO, at: int, gz: bool) -> bool:
    raw.seek(max(at - 1, 0))
    before = raw.read(1) if at else b"\n"
    head = raw.read(4096)
    if gz:
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    elif before not in (b"\n", b"\r"):
        return False
    return _WARC_LINE.match(head) is not None


def _read_member(raw: BinaryIO, offset: int, limit: int) -> tuple[int, bool, int, bytes, str | None]:
    """Decompress the gzip member at ``offset`` without keeping it.

    Returns (end offset, complete, decompressed length, first bytes, error).
    """
    d = zlib.decompressobj(31)
    raw.seek(offset)
    pos, total, head = offset, 0, b""
    while pos < limit:
        chunk = raw.read(min(_SCAN_CHUNK, limit - pos))
        if not chunk:
            break
        # Small slices, so that what decompressed before a corrupt spot (the header) is kept.
        k = 0
        while k < len(chunk):
            step = 64 if total < 2048 else _SLICE  # finer where the header is
            piece = chunk[k : k + step]
            try:
                out = d.decompress(piece)
            except zlib.error as e:
                return pos + k, False, total, head, str(e)
            total += len(out)
            if len(head) < _HEAD_MAX:
                head += out[: _HEAD_MAX - len(head)]
            if d.eof:
                return pos + k + len(piece) - len(d.unused_data), True, total, head, None
            k += len(piece)
        pos += len(chunk)
    return pos, False, total, head, None


def _parse_head(head: bytes) -> tuple[int, int | None, dict[str, str]] | None:
    """(header length, Content-Length, headers) of the WARC header at the start of ``head``."""
    end = head.find(b"\r\n\r\n")
    sep = 4
    if end == -1:
        end, sep = head.find(b"\n\n"), 2
    if end == -1 or not _WARC_LINE.match(head):
        return None
    fields: dict[str, str] = {}
    for line in head[:end].decode("utf-8", "replace").splitlines()[1:]:
        k, _, v = line.partition(":")
        if k.strip():
            fields[k.strip().lower()] = v.strip()
    try:
        clen: int | None = int(fields.get("content-length", ""))
    except ValueError:
        clen = None
    return end + sep, clen, fields


def _settle(
    raw: BinaryIO, name: str, rec: Record, limit: int, size: int, gz: bool
) -> tuple[list[Record], int]:
    """``rec`` (the last record read before ``limit``) as it really is, and any damage after it.

    Returns those records and where reading goes on: ``limit``, or, when ``rec`` turns out
    cut short, the next record that starts inside the span it claimed.
    """
    cut = False
    if gz:
        end, complete, total, head, err = _read_member(raw, rec.offset, limit)
        parsed = _parse_head(head)
        whole = parsed is not None and parsed[1] is not None and total >= parsed[0] + parsed[1]
        if err is not None:
            _error(rec, f"corrupt-gzip: {err}")
            cut = True
        elif not complete or not whole:
            got = total - parsed[0] if parsed else total
            want = parsed[1] if parsed and parsed[1] is not None else "?"
            _error(rec, f"truncated: record block has {max(got, 0)} of {want} bytes")
            cut = not complete
    else:
        raw.seek(rec.offset)
        parsed = _parse_head(raw.read(_HEAD_MAX))
        if parsed is None or parsed[1] is None:
            _error(rec, "truncated: WARC header cut off")
            cut = True
        else:
            end = rec.offset + parsed[0] + parsed[1]
            if end > limit:
                have = max(min(limit, size) - rec.offset - parsed[0], 0)
                _error(rec, f"truncated: record block has {have} of {parsed[1]} bytes")
                cut = True
    if cut:
        # The record claimed bytes that belong to the records after it: they start again
        # at the first valid record inside its claim.
        limit = _next_record_start(raw, rec.offset + 1, limit, gz)
        end = limit
    rec.end = limit
    if end < limit and _has_data(raw, end, limit):
        # Whatever lies between this record and the next good one is damage of its own.
        rec.end = end
        return [rec, _span_error(raw, name, end, limit, gz, None)], limit
    return [rec], limit


def _fail(rec: Record, raw: BinaryIO, start: int, end: int, gz: bool) -> None:
    reason = None
    if gz:
        _, complete, _, _, err = _read_member(raw, start, end)
        if err is not None:
            reason = f"corrupt-gzip: {err}"
        elif not complete:
            reason = "truncated: gzip member cut off"
    _error(rec, reason or "invalid-record: unreadable WARC record")


def _span_error(
    raw: BinaryIO, name: str, start: int, end: int, gz: bool, reason: str | None
) -> Record:
    """One error record for the damaged bytes [start, end), named by what can be read of them."""
    head = b""
    if gz:
        _, complete, _, head, err = _read_member(raw, start, end)
        if reason is None:
            if err is not None:
                reason = f"corrupt-gzip: {err}"
            elif not complete:
                reason = "truncated: gzip member cut off"
    else:
        raw.seek(start)
        head = raw.read(min(end - start, _HEAD_MAX))
    fields: dict[str, str] = {}
    if head.startswith(b"WARC/1."):
        parsed = _parse_head(head)
        if parsed is not None:
            fields = parsed[2]
            if reason is None and parsed[1] is not None and parsed[0] + parsed[1] > end - start:
                reason = "truncated: record cut off"
        elif reason is None:
            reason = "truncated: WARC header cut off"
        if not fields:  # a cut-off header: take the lines there are
            for line in head.decode("utf-8", "replace").splitlines()[1:]:
                k, _, v = line.partition(":")
                if v:
                    fields[k.strip().lower()] = v.strip()
    rec = Record(
        id=fields.get("warc-record-id") or f"{name}@{start}",
        source=f"{name}@{start}",
        url=_clean_uri(fields.get("warc-target-uri")),
        fetched=fields.get("warc-date"),
        unit=name,
        offset=start,
        end=end,
    )
    return _error(rec, reason or "invalid-record: bytes that are not a WARC record")
