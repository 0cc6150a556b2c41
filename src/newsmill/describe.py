"""Metadata: title, authors, dates, site, language, canonical URL, images.

The entry point the pipeline calls; the work is done in :mod:`newsmill.meta`.
"""

from __future__ import annotations

from .meta import PageContext, collect, describe

__all__ = ["PageContext", "collect", "describe"]
