"""Per-page limits on size and time, for ``extract`` and the corpus runner alike.

The time limit uses ``SIGALRM`` (``signal.setitimer``), so it interrupts pure-Python work
anywhere in the pipeline and raises :class:`~newsmill.errors.LimitExceeded` from inside it.
Signals reach only the main thread, so elsewhere only the size limit applies. A single C call
that never returns to Python (one huge parse) is not interrupted; the size limit bounds those.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import LimitExceeded


def check_size(html: bytes | str, max_bytes: int | None) -> None:
    """Raise LimitExceeded("too-large: ...") when ``html`` is longer than ``max_bytes``."""
    if max_bytes is None or max_bytes <= 0:
        return
    # len() of a str counts characters; a character is at least one byte, so this is a floor.
    n = len(html)
    if n > max_bytes:
        raise LimitExceeded(f"too-large: {n} bytes > {max_bytes}")


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(timeout_s: float | None) -> Iterator[None]:
    """Raise LimitExceeded("timeout: ...") in the block if it runs longer than ``timeout_s``.

    Nests: an outer limit that would fire first is kept and re-armed afterwards.
    A no-op without a limit or outside the main thread.
    """
    if not timeout_s or timeout_s <= 0 or not _alarm_usable():
        yield
        return

    def _on_alarm(signum: int, frame: Any) -> None:
        raise LimitExceeded(f"timeout: over {timeout_s:g} s")

    start = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, timeout_s)
    if old_delay and old_delay < timeout_s:
        # An outer limit is due sooner: keep its handler and deadline.
        signal.signal(signal.SIGALRM, old_handler)
        signal.setitimer(signal.ITIMER_REAL, old_delay, old_interval)
        old_handler = None
    try:
        yield
        # The alarm's exception can be swallowed by a broad ``except`` inside the pipeline:
        # a page that ran over is still over.
        if old_handler is not None and time.monotonic() - start > timeout_s:
            raise LimitExceeded(f"timeout: over {timeout_s:g} s")
    finally:
        if old_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
            if old_delay:
                # Re-arm the outer limit with what is left of it (at least a tick).
                left = max(old_delay - (time.monotonic() - start), 1e-3)
                signal.setitimer(signal.ITIMER_REAL, left, old_interval)
