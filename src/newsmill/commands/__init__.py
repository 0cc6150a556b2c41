"""Subcommands of the ``newsmill`` command line, one module each."""
