"""Metadata you can trust: scored candidates from JSON-LD, meta tags, microdata, the DOM and the
URL, each field with where it came from and a confidence."""

from .context import PageContext, collect
from .fields import describe

__all__ = ["PageContext", "collect", "describe"]
