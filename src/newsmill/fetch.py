"""Download one web page with the standard library: bounded in time and size.

Redirects are followed (urllib's limit of 10), the body may come gzip-compressed, and the
``Content-Type`` charset is returned so that decoding can give it its browser precedence.
Every failure is an :class:`InputError` or, for the time and size caps, :class:`LimitExceeded`.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass

from . import __version__
from .errors import InputError, LimitExceeded

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Many sites serve bots an empty shell or a block page; look like a browser, say who we are.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/126.0 Safari/537.36 newsmill/{__version__}"
)
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9,*;q=0.5",
    "Accept-Encoding": "gzip",
}
_CHUNK = 65536
# Content types that can hold a page; anything else (images, PDF, video) is refused.
_PAGE_TYPES = ("text/", "application/xhtml+xml", "application/xml")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect to ftp://; a page fetcher must not."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(slots=True, frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None
    charset: str | None  # the Content-Type charset label, as sent
    body: bytes


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Download ``url``; the whole exchange must finish within about ``timeout`` seconds."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url}")
    deadline = time.monotonic() + timeout
    try:
        req = urllib.request.Request(_ascii_url(url), headers=_HEADERS)
        # Built per call: the proxy settings are read from the environment when it is built.
        opener = urllib.request.build_opener(_HttpOnlyRedirects)
        with opener.open(req, timeout=timeout) as resp:
            ctype = resp.headers.get("Content-Type")
            if ctype and not ctype.lower().lstrip().startswith(_PAGE_TYPES):
                raise InputError(f"not a web page (Content-Type: {ctype})")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise LimitExceeded(f"body of {length} bytes is over the {max_bytes}-byte cap")
            body = _read_capped(resp, max_bytes, deadline, timeout)
            if (resp.headers.get("Content-Encoding") or "").lower().strip() in ("gzip", "x-gzip"):
                body = _gunzip_capped(body, max_bytes)
            return Page(
                url=url,
                final_url=resp.geturl(),
                status=resp.status,
                content_type=ctype,
                charset=resp.headers.get_content_charset(),
                body=body,
            )
    except urllib.error.HTTPError as e:
        e.close()
        if 300 <= e.code < 400:
            raise InputError(
                f"HTTP {e.code}: redirect not followed (a loop, more than 10, or not http)"
            ) from None
        raise InputError(f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise LimitExceeded(f"timed out after {timeout:g}s") from None
        raise InputError(f"cannot fetch: {e.reason}") from None
    except TimeoutError:
        raise LimitExceeded(f"timed out after {timeout:g}s") from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        # Connection reset, malformed response, bad port, invalid characters in the URL...
        raise InputError(f"cannot fetch: {e or type(e).__name__}") from None


def _ascii_url(url: str) -> str:
    """An address typed with non-ASCII characters, as a browser would send it."""
    if url.isascii():
        return url
    p = urllib.parse.urlsplit(url)
    userinfo, at, hostport = p.netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise InputError(f"bad host name in URL: {url}") from None
    netloc = urllib.parse.quote(userinfo, safe=":%") + at + host + colon + port
    safe = "/:@!$&'()*+,;=?%~"
    return urllib.parse.urlunsplit(
        (p.scheme, netloc, urllib.parse.quote(p.path, safe=safe),
         urllib.parse.quote(p.query, safe=safe), urllib.parse.quote(p.fragment, safe=safe))
    )


def _read_capped(resp: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        # The socket timeout bounds each read; the deadline bounds a server trickling bytes.
        if time.monotonic() > deadline:
            raise LimitExceeded(f"timed out after {timeout:g}s")
        try:
            chunk = resp.read1(_CHUNK)
        except TimeoutError:
            raise LimitExceeded(f"timed out after {timeout:g}s") from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise LimitExceeded(f"body is over the {max_bytes}-byte cap")
        chunks.append(chunk)


def _gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, max_bytes + 1)
    except zlib.error as e:
        raise InputError(f"bad gzip body: {e}") from None
    if len(out) > max_bytes:
        raise LimitExceeded(f"body is over the {max_bytes}-byte cap once decompressed")
    return out
