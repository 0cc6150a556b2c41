"""The ``newsmill`` command. Each subcommand lives in ``newsmill.commands.<name>``."""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

# Each module has ``register(subparsers)`` which adds its parser and sets ``func``.
_COMMANDS = ("extract", "run", "dedup", "clean_text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmill", description="Web pages into clean article records.")
    parser.add_argument("--version", action="version", version=f"newsmill {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in _COMMANDS:
        try:
            mod = importlib.import_module(f"newsmill.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"newsmill.commands.{name}":
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    # Inputs may come before and after options (``extract a.html -f json b.html``):
    # argparse leaves the later ones over, and they join the first.
    args, extra = parser.parse_known_args(argv)
    for attr in ("inputs", "input"):
        if extra and isinstance(getattr(args, attr, None), list) and not any(x.startswith("-") and x != "-" for x in extra):
            getattr(args, attr).extend(extra)
            extra = []
    if extra:
        parser.error("unrecognized arguments: " + " ".join(extra))
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
