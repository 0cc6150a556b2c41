"""Writing WARC 1.1 records: for tests, benchmarks and packing saved pages into an archive.

Each record is returned as bytes; ``gzip_member`` compresses one record as its own gzip
member, the way ``.warc.gz`` files are made, so that readers can seek to any record.
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from base64 import b32encode

_REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"}


def http_response(
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> bytes:
    """An HTTP/1.1 response message (status line, headers, body)."""
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def warc_record(
    warc_type: str,
    block: bytes,
    *,
    url: str | None = None,
    date: str = "2025-01-01T00:00:00Z",
    content_type: str | None = None,
    record_id: str | None = None,
    version: str = "1.1",
    content_length: int | None = None,
) -> bytes:
    """One WARC record. ``content_length`` may lie (to make a broken record for a test)."""
    if content_type is None:
        content_type = {
            "response": "application/http; msgtype=response",
            "request": "application/http; msgtype=request",
            "warcinfo": "application/warc-fields",
        }.get(warc_type, "application/octet-stream")
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    digest = "sha1:" + b32encode(hashlib.sha1(block).digest()).decode()
    head = [f"WARC/{version}", f"WARC-Type: {warc_type}", f"WARC-Record-ID: {rid}", f"WARC-Date: {date}"]
    if url:
        head.append(f"WARC-Target-URI: {url}")
    head += [
        f"WARC-Block-Digest: {digest}",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block) if content_length is None else content_length}",
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def gzip_member(record: bytes, level: int = 6) -> bytes:
    return gzip.compress(record, compresslevel=level, mtime=0)
