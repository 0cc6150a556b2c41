"""The errors newsmill raises on purpose. Anything else escaping is a bug."""


class NewsmillError(Exception):
    """Base class of every error newsmill raises on purpose."""


class InputError(NewsmillError):
    """The input cannot be read or is not a document (wrong type, unreadable file, bad URL)."""


class LimitExceeded(NewsmillError):
    """A page went over a configured size or time limit."""
