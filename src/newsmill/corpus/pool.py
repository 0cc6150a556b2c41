"""Worker processes for the local engine: a task or two each, none lost.

Each worker has its own pipe and holds at most two tasks (small batches of pages): the one it
extracts and the next, which a thread in the worker takes off the pipe as soon as it comes, so
the worker never waits for the main process between tasks and the main process never blocks
on a busy worker. A worker that dies (a crash in native code, the OOM killer) or overstays its
task is replaced: the task it was on comes back to the caller as ``crashed`` so it can retry
the records one by one and pin the failure on the one record that causes it, the next one as
``retry``.

Workers start from a fork server with newsmill already imported (fast starts, and no fork
of a process that has threads).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .records import Record, process_record


def peak_rss_kb() -> int:
    """This process's peak resident memory, in KiB.

    ``VmHWM`` where there is /proc: ``ru_maxrss`` survives exec on Linux, so a process started
    by a large parent would report the parent's peak.
    """
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@dataclass
class Task:
    id: int
    items: list[tuple[int, Record]]
    sent_at: float = 0.0


@dataclass
class Event:
    kind: str  # "done", "crashed" (the worker died or was killed on it), "retry" (never ran)
    task: Task
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    reason: str = ""


def _worker_main(conn: Connection, options: dict[str, Any]) -> None:
    # Ctrl-C is the main process's to handle; a worker just finishes or is stopped.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A thread takes tasks off the pipe as they come, so the main process never blocks
    # sending the next task while this one is busy; extraction stays in the main thread,
    # where the time limit's SIGALRM is handled.
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                msg = None  # the main process is gone
            inbox.put(msg)
            if msg is None:
                return

    threading.Thread(target=read, daemon=True).start()
    while True:
        msg = inbox.get()
        if msg is None:
            return
        task_id, items = msg
        rows = [(i, process_record(rec, **options)) for i, rec in items]
        ru = resource.getrusage(resource.RUSAGE_SELF)
        try:
            conn.send((task_id, rows, peak_rss_kb(), ru.ru_utime + ru.ru_stime))
        except (BrokenPipeError, OSError):
            return


def _context() -> Any:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["newsmill.corpus.records"])
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx: Any, options: dict[str, Any]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        self.proc.start()
        child.close()
        self.tasks: deque[Task] = deque()  # sent, in the order they are done
        self.started = 0.0  # when the first of them started
        self.deadline = 0.0

    def stop(self, *, kill: bool = False) -> None:
        if kill and self.proc.is_alive():
            self.proc.kill()
        try:
            self.conn.close()
        except OSError:
            pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)


class WorkerPool:
    """``jobs`` worker processes running ``process_record(record, **options)``.

    Each worker holds at most ``PER_WORKER`` tasks: the one it works on and the next, so it
    never waits for the main process between tasks.
    """

    PER_WORKER = 2

    def __init__(
        self,
        jobs: int,
        options: dict[str, Any],
        *,
        task_deadline: Callable[[Task], float | None] | None = None,
    ) -> None:
        self._ctx = _context()
        self._options = options
        self._deadline = task_deadline or (lambda task: None)
        self._workers = [_Worker(self._ctx, options) for _ in range(max(jobs, 1))]
        self.peak_rss_kb: dict[int, int] = {}
        self.cpu_s: dict[int, float] = {}  # per worker process, cumulative
        self.restarts = 0

    @property
    def idle(self) -> int:
        """How many more tasks the workers can take now."""
        return sum(self.PER_WORKER - len(w.tasks) for w in self._workers)

    def submit(self, task: Task) -> None:
        w = min(self._workers, key=lambda w: len(w.tasks))
        task.sent_at = time.monotonic()
        if not w.tasks:
            self._start(w, task, task.sent_at)
        w.tasks.append(task)
        try:
            w.conn.send((task.id, task.items))
        except (BrokenPipeError, OSError):
            pass  # found dead at the next poll, and the task comes back as crashed

    def _start(self, w: _Worker, task: Task, now: float) -> None:
        limit = self._deadline(task)
        w.started = now
        w.deadline = now + limit if limit else 0.0

    def poll(self, timeout: float) -> list[Event]:
        """Wait up to ``timeout`` seconds for tasks to finish; returns what happened."""
        busy = [w for w in self._workers if w.tasks]
        if not busy:
            return []
        waitables: list[Any] = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
        deadlines = [w.deadline for w in busy if w.deadline]
        if deadlines:  # wake up for the first deadline, not later
            timeout = max(0.0, min(timeout, min(deadlines) - time.monotonic()))
        ready = set(wait(waitables, timeout=timeout))
        events: list[Event] = []
        now = time.monotonic()
        for i, w in enumerate(self._workers):
            if not w.tasks:
                continue
            if w.conn in ready:
                try:
                    while w.tasks and w.conn.poll():
                        task_id, rows, peak_kb, cpu = w.conn.recv()
                        task = w.tasks.popleft()
                        if task_id != task.id:  # cannot happen: answers come in order
                            raise OSError(f"worker answered task {task_id}, not {task.id}")
                        pid = w.proc.pid or 0
                        self.peak_rss_kb[pid] = max(self.peak_rss_kb.get(pid, 0), peak_kb)
                        self.cpu_s[pid] = cpu
                        events.append(Event("done", task, rows))
                        if w.tasks:
                            self._start(w, w.tasks[0], now)
                except (EOFError, OSError):
                    pass  # died while answering: handled below as a crash
                if not w.tasks:
                    continue
            if not w.proc.is_alive() or w.proc.sentinel in ready:
                reason = f"worker-crashed: exit code {w.proc.exitcode}"
                events += self._lost(i, reason, kill=False)
            elif w.deadline and now > w.deadline:
                reason = f"timeout: worker killed after {now - w.started:.0f} s"
                events += self._lost(i, reason, kill=True)
        return events

    def _lost(self, i: int, reason: str, *, kill: bool) -> list[Event]:
        """Replace worker ``i``; its tasks come back: the one it was on as crashed, the next
        (never started) as ``retry``."""
        w = self._workers[i]
        lost = [Event("crashed", w.tasks[0], reason=reason)]
        lost += [Event("retry", t) for t in list(w.tasks)[1:]]
        w.stop(kill=kill)
        self._workers[i] = _Worker(self._ctx, self._options)
        self.restarts += 1
        return lost

    def close(self) -> None:
        for w in self._workers:
            if not w.tasks:
                try:
                    w.conn.send(None)
                except (BrokenPipeError, OSError):
                    pass
        for w in self._workers:
            w.stop(kill=bool(w.tasks))


class InlinePool:
    """The same interface, run in this process (``--jobs 0``: debugging, profiling)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self._options = options
        self._done: list[Event] = []
        self.peak_rss_kb: dict[int, int] = {}
        self.cpu_s: dict[int, float] = {}  # counted in the main process's own time
        self.restarts = 0

    @property
    def idle(self) -> int:
        return 0 if self._done else 1

    def submit(self, task: Task) -> None:
        rows = [(i, process_record(rec, **self._options)) for i, rec in task.items]
        self.peak_rss_kb[os.getpid()] = peak_rss_kb()
        self._done.append(Event("done", task, rows))

    def poll(self, timeout: float) -> list[Event]:
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        pass
