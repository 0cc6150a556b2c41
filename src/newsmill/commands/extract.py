"""``newsmill extract``: pages (files, directories, URLs, stdin) into article text or records.

Each input is read, extracted and written before the next is read, so a bad input costs
only itself: its error goes to stderr as one line naming it, the others are still written,
and the exit status is 1. Usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

import orjson

import newsmill

from ..decode import decode_html, normalize_charset
from ..errors import InputError, LimitExceeded, NewsmillError
from ..fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, fetch, is_url

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".txt.gz")
FORMATS = ("txt", "md", "json", "jsonl")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract articles from HTML files, directories, URLs or stdin",
        description=(
            "Extract the article from each INPUT: an .html/.htm/.html.gz file, a directory "
            "(searched recursively for those), an http(s) URL, or - for stdin. "
            "Exit status: 0 all inputs done, 1 some input failed (others are still written), "
            "2 usage error."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, http(s) URL or -")
    p.add_argument(
        "--url", help="the page's address, for links and metadata (only with a single INPUT)"
    )
    p.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="txt",
        help="txt: article text; md: Markdown; json: pretty JSON (a list for several inputs); "
        "jsonl: one JSON record a line (default: txt)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write everything to this one file")
    p.add_argument(
        "--charset", metavar="CS", help="decode inputs with this charset (overrides HTTP headers and <meta>)"
    )
    g = p.add_mutually_exclusive_group()
    g.add_argument("--favor-precision", action="store_true", help="keep less, cleaner text")
    g.add_argument("--favor-recall", action="store_true", help="keep more, risk boilerplate")
    p.add_argument(
        "--from",
        dest="source",
        choices=("html", "text"),
        default="html",
        help="inputs are HTML pages (default) or flattened page text (.txt files in directories)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        default=DEFAULT_TIMEOUT,
        help=f"seconds allowed per URL download (default: {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        default=DEFAULT_MAX_BYTES,
        help=f"largest input accepted, after decompression (default: {DEFAULT_MAX_BYTES})",
    )
    p.set_defaults(func=run)


@dataclass(slots=True)
class Source:
    """One input to read: a file, a URL, stdin, or an error found while listing inputs."""

    label: str
    kind: str  # "file", "url", "stdin" or "error"
    error: str | None = None


def run(args: argparse.Namespace) -> int:
    usage = _usage_problem(args)
    if usage:
        print(f"newsmill extract: error: {usage}", file=sys.stderr)
        return 2
    many = len(args.inputs) > 1 or any(_is_dir(i) for i in args.inputs)
    try:
        sink = _open_sink(args.output)
    except OSError as e:
        print(f"newsmill: {args.output}: cannot write: {e.strerror or e}", file=sys.stderr)
        return 1
    writer = _Writer(sink, args.format, many)
    failed = 0
    try:
        for src in _sources(args.inputs, args.source):
            try:
                art = _process(src, args)
            except NewsmillError as e:
                failed += 1
                print(f"newsmill: {src.label}: {_one_line(e)}", file=sys.stderr)
                continue
            except Exception as e:  # a bug must not cost the other inputs
                failed += 1
                print(
                    f"newsmill: {src.label}: internal error (please report): "
                    f"{type(e).__name__}: {_one_line(e)}",
                    file=sys.stderr,
                )
                continue
            writer.write(src.label, art)
        writer.close()
        sink.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): not an error, the CLI exits quietly
    except OSError as e:
        print(f"newsmill: {args.output or 'stdout'}: cannot write: {e.strerror or e}",
              file=sys.stderr)
        return 1
    finally:
        if sink is not _stdout():
            with contextlib.suppress(OSError):  # a write error was reported above
                sink.close()
    return 1 if failed else 0


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.charset and normalize_charset(args.charset) is None:
        return f"unknown charset: {args.charset}"
    if args.url and (len(args.inputs) != 1 or _is_dir(args.inputs[0])):
        return "--url needs exactly one INPUT that is a file, a URL or -"
    if args.timeout <= 0 or args.max_bytes <= 0:
        return "--timeout and --max-bytes must be positive"
    if args.source == "text" and getattr(newsmill, "extract_text", None) is None:
        return "--from text needs newsmill.extract_text, which this installation lacks"
    return None


def _is_dir(s: str) -> bool:
    return s != "-" and not is_url(s) and os.path.isdir(s)


def _sources(inputs: list[str], source: str) -> Iterator[Source]:
    suffixes = TEXT_SUFFIXES if source == "text" else HTML_SUFFIXES
    for item in inputs:
        if item == "-":
            yield Source("-", "stdin")
        elif is_url(item):
            yield Source(item, "url")
        elif os.path.isdir(item):
            found = False
            for root, dirs, files in os.walk(item):
                dirs.sort()  # a stable order, the same on every machine
                for name in sorted(files):
                    if name.lower().endswith(suffixes):
                        found = True
                        yield Source(os.path.join(root, name), "file")
            if not found:
                yield Source(item, "error", f"no {'/'.join(suffixes)} files in this directory")
        elif os.path.exists(item):
            yield Source(item, "file")
        elif "://" in item:
            yield Source(item, "error", "not an http(s) URL")
        else:
            yield Source(item, "error", "no such file or directory")


def _process(src: Source, args: argparse.Namespace) -> newsmill.Article:
    url: str | None = args.url
    charset: str | None = args.charset
    fetched: datetime | None = None  # when the page was fetched, if we know it
    if src.kind == "error":
        raise InputError(src.error or "unreadable")
    if src.kind == "url":
        fetched = datetime.now(UTC)
        page = fetch(src.label, timeout=args.timeout, max_bytes=args.max_bytes)
        data = page.body
        url = url or page.final_url
        charset = charset or page.charset
    elif src.kind == "stdin":
        data = _read_capped(sys.stdin.buffer, args.max_bytes)
    else:
        data = _read_file(src.label, args.max_bytes)
    if args.source == "text":
        text, _ = decode_html(data, charset)
        return newsmill.extract_text(text, url=url, fetched=fetched)  # type: ignore[attr-defined]
    return newsmill.extract(
        data,
        url=url,
        charset=charset,
        favor_precision=args.favor_precision,
        favor_recall=args.favor_recall,
        reference_time=fetched,
    )


def _read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LimitExceeded(f"input is over the {max_bytes}-byte cap")
    return data


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        if path.lower().endswith(".gz"):
            try:
                with gzip.open(path, "rb") as f:
                    return _read_capped(f, max_bytes)
            except (gzip.BadGzipFile, EOFError, zlib.error) as e:
                raise InputError(f"unreadable gzip file: {e or type(e).__name__}") from None
        with open(path, "rb") as f:
            return _read_capped(f, max_bytes)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def _stdout() -> BinaryIO:
    return getattr(sys.stdout, "buffer", sys.stdout)


def _open_sink(output: str | None) -> BinaryIO:
    if output is None or output == "-":
        sys.stdout.flush()
        return _stdout()
    return open(output, "wb")  # closed by run()


class _Writer:
    """Writes records as they come, so a long run's output is usable while it grows."""

    def __init__(self, sink: BinaryIO, fmt: str, many: bool) -> None:
        self.sink, self.fmt, self.many = sink, fmt, many
        self.count = 0

    def write(self, label: str, art: newsmill.Article) -> None:
        fmt = self.fmt
        if fmt in ("json", "jsonl"):
            record = {"input": label, **art.to_dict()}
            if fmt == "jsonl":
                out = orjson.dumps(record) + b"\n"
            else:
                doc = orjson.dumps(record, option=orjson.OPT_INDENT_2)
                if self.many:
                    out = (b"[\n" if self.count == 0 else b",\n") + doc
                else:
                    out = doc + b"\n"
        else:
            body = art.text if fmt == "txt" else art.markdown
            head = ""
            if self.many:
                head = f"==> {label} <==\n" if fmt == "txt" else f"<!-- {label} -->\n"
                if self.count:
                    head = "\n" + head
            out = (head + body.rstrip("\n") + "\n").encode("utf-8")
        self.sink.write(out)
        self.sink.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and self.many:
            self.sink.write(b"[]\n" if self.count == 0 else b"\n]\n")
