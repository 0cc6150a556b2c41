"""``newsmill clean-text DIR -o OUT``: drop the lines repeated across a site's flattened pages.

DIR holds one site's pages as text files (one block per line), searched recursively; each
is written to the same relative path under OUT without the lines found on at least
``--min-pages`` of the site's pages (see :mod:`newsmill.siteclean`). With ``--per-subdir``
every immediate subdirectory of DIR is a site of its own. With ``--extract`` the cleaned
page also goes through text mode and its Article is written next to it as ``.json``.

Exit status: 0 done, 1 some file could not be read or written, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..siteclean import LineCounter


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "clean-text",
        help="remove lines repeated across one site's flattened pages",
        description=(
            "Read every text file under DIR (one site's flattened pages, one block per line), "
            "count each normalized line once per page, and write each page to OUT without "
            "the lines that appear on at least --min-pages pages."
        ),
    )
    p.add_argument("directory", metavar="DIR", help="directory of flattened pages (.txt)")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="directory to write to")
    p.add_argument("--glob", default="*.txt", help="which files are pages (default: *.txt)")
    p.add_argument(
        "--min-pages", type=int, default=2, help="a line on this many pages or more is boilerplate (default: 2)"
    )
    p.add_argument(
        "--min-share",
        type=float,
        default=0.0,
        help="and on at least this share of the site's pages (default: 0)",
    )
    p.add_argument("--per-subdir", action="store_true", help="each subdirectory of DIR is its own site")
    p.add_argument("--extract", action="store_true", help="also write each cleaned page's Article as .json")
    p.set_defaults(func=run)


def _sites(root: Path, pattern: str, per_subdir: bool) -> list[list[Path]]:
    if not per_subdir:
        return [sorted(p for p in root.rglob(pattern) if p.is_file())]
    sites = [sorted(p for p in d.rglob(pattern) if p.is_file()) for d in sorted(root.iterdir()) if d.is_dir()]
    loose = sorted(p for p in root.glob(pattern) if p.is_file())
    return [s for s in sites + [loose] if s]


def run(args: argparse.Namespace) -> int:
    root = Path(args.directory)
    out = Path(args.output)
    if not root.is_dir():
        print(f"newsmill clean-text: error: {root} is not a directory", file=sys.stderr)
        return 2
    if out.resolve() == root.resolve():
        print("newsmill clean-text: error: OUT must differ from DIR", file=sys.stderr)
        return 2
    failed = n_pages = n_lines = n_removed = 0
    for files in _sites(root, args.glob, args.per_subdir):
        try:
            counter = LineCounter(min_pages=args.min_pages, min_share=args.min_share)
        except InputError as e:
            print(f"newsmill clean-text: error: {e}", file=sys.stderr)
            return 2
        texts: dict[Path, str] = {}
        for f in files:
            try:
                texts[f] = f.read_text(encoding="utf-8", errors="replace")
            except OSError as e:
                failed += 1
                print(f"newsmill: {f}: cannot read: {e.strerror or e}", file=sys.stderr)
                continue
            counter.add(texts[f])
        for f, text in texts.items():
            cleaned = counter.clean(text)
            n_pages += 1
            before = sum(1 for ln in text.splitlines() if ln.strip())
            after = sum(1 for ln in cleaned.splitlines() if ln.strip())
            n_lines += before
            n_removed += before - after
            dest = out / f.relative_to(root)
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(cleaned, encoding="utf-8")
                if args.extract:
                    from ..textmode import extract_text

                    art = extract_text(cleaned)
                    dest.with_suffix(".json").write_text(art.to_json(indent=True), encoding="utf-8")
            except OSError as e:
                failed += 1
                print(f"newsmill: {dest}: cannot write: {e.strerror or e}", file=sys.stderr)
    print(
        f"newsmill clean-text: {n_pages} pages, {n_lines} lines, {n_removed} repeated lines removed",
        file=sys.stderr,
    )
    return 1 if failed else 0
