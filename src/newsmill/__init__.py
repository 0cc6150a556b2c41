"""newsmill: web pages, news first, into clean, structured article records."""

from .article import Article, Image, Quote
from .errors import InputError, LimitExceeded, NewsmillError
from .pipeline import extract, preload
from .textmode import extract_text

__all__ = ["Article", "Image", "Quote", "extract", "extract_text", "preload", "NewsmillError", "InputError", "LimitExceeded"]
__version__ = "0.1.0"
