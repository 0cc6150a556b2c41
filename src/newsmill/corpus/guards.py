"""Per-page limits on size and time that hold inside the Python API, not only in the CLI.

The time limit uses ``SIGALRM`` (``signal.setitimer``), so it interrupts pure-Python work
anywhere in the pipeline and raises :class:`~newsmill.errors.LimitExceeded` from inside it.
Signals are only delivered to the main thread, so the time limit applies where
``extract_guarded`` runs in a process's main thread (the run's worker processes, a Spark or
Dask worker's task, a script); elsewhere only the size limit applies. A single C call that
never returns to Python (one huge parse) is not interrupted; the size limit bounds those, and
the runner kills a worker that overstays its batch as a last resort.
"""

from __future__ import annotations

from typing import Any

from ..article import Article
from ..limits import check_size, time_limit
from ..pipeline import extract

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT_S", "check_size", "extract_guarded", "time_limit"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT_S = 30.0


def extract_guarded(
    html: bytes | str,
    url: str | None = None,
    *,
    charset: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    **kwargs: Any,
) -> Article:
    """``newsmill.extract`` with a size and a time limit.

    Raises :class:`~newsmill.errors.LimitExceeded` whose message starts with ``too-large:``
    or ``timeout:``; any other outcome is exactly that of ``newsmill.extract``.
    ``None`` or 0 turns a limit off.
    """
    check_size(html, max_bytes)
    with time_limit(timeout_s):
        return extract(html, url, charset=charset, **kwargs)
