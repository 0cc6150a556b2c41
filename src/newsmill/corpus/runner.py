"""The local engine: read inputs in order, extract in worker processes, write committed parts.

The main process reads (files, WARC records) and writes; workers only extract. Records flow
in small batches through a bounded window, so memory does not grow with the input: at most
``window`` batches are between reading and writing at any time. Rows are written in input
order; a part is committed (fsync, rename, manifest line) every ``part_rows`` rows or
``part_seconds`` seconds, so a killed run loses at most one part's work, which ``--resume``
redoes: each record ends up in exactly one committed part.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..errors import InputError
from .guards import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S
from .inputs import Unit, expand_inputs, iter_unit
from .manifest import MANIFEST, Manifest, add_range, write_atomic
from .pool import Event, InlinePool, Task, WorkerPool, peak_rss_kb
from .records import Record, process_record, reason_code
from .sinks import FORMATS, PartWriter, is_part_file, part_name

SUMMARY = "_summary.json"


@dataclass
class RunOptions:
    fmt: str = "jsonl"
    jobs: int = 1
    resume: bool = False
    overwrite: bool = False
    part_rows: int = 2000
    part_seconds: float = 60.0
    max_bytes: int | None = DEFAULT_MAX_BYTES
    timeout_s: float | None = DEFAULT_TIMEOUT_S
    omit_skipped: bool = False
    progress: bool | None = None  # None: when stderr is a terminal
    prefix: str | None = None
    extract: dict[str, Any] = field(default_factory=dict)
    batch_records: int = 4
    batch_bytes: int = 4 * 1024 * 1024


@dataclass
class Summary:
    """Counts over the whole output (every committed part), and this session's figures."""

    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    reasons: dict[str, Counter[str]] = field(default_factory=dict)
    parts: int = 0
    rows_written: int = 0
    session_records: int = 0
    session_pages: int = 0
    elapsed_s: float = 0.0
    worker_peak_rss_mb: float = 0.0
    main_peak_rss_mb: float = 0.0
    worker_restarts: int = 0
    main_cpu_s: float = 0.0
    worker_cpu_s: float = 0.0
    complete: bool = False

    def add(self, counts: dict[str, int], reasons: dict[str, dict[str, int]]) -> None:
        for k, v in counts.items():
            self.counts[k] += v
            self.records += v
        for status, by_code in reasons.items():
            self.reasons.setdefault(status, Counter()).update(by_code)

    @property
    def balanced(self) -> bool:
        return self.records == sum(self.counts[s] for s in ("ok", "error", "skipped"))

    @property
    def pages_per_s(self) -> float:
        return self.session_pages / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "ok": self.counts["ok"],
            "error": self.counts["error"],
            "skipped": self.counts["skipped"],
            "balanced": self.balanced,
            "errors_by_reason": dict(self.reasons.get("error", Counter()).most_common()),
            "skipped_by_reason": dict(self.reasons.get("skipped", Counter()).most_common()),
            "parts": self.parts,
            "rows_written": self.rows_written,
            "session": {
                "records": self.session_records,
                "pages": self.session_pages,
                "elapsed_s": round(self.elapsed_s, 3),
                "pages_per_s": round(self.pages_per_s, 2),
                "worker_peak_rss_mb": round(self.worker_peak_rss_mb, 1),
                "main_peak_rss_mb": round(self.main_peak_rss_mb, 1),
                "worker_restarts": self.worker_restarts,
                "main_cpu_s": round(self.main_cpu_s, 2),
                "worker_cpu_s": round(self.worker_cpu_s, 2),
            },
            "complete": self.complete,
        }

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"records: {self.records} = ok {c['ok']} + error {c['error']} + skipped {c['skipped']}"
            + ("" if self.balanced else "  (MISMATCH)")
        ]
        for status in ("error", "skipped"):
            by = self.reasons.get(status)
            if by:
                label = "errors" if status == "error" else "skipped"
                out.append(f"{label} by reason: " + ", ".join(f"{k} {v}" for k, v in by.most_common()))
        rss = f", worker peak RSS {self.worker_peak_rss_mb:.0f} MB" if self.worker_peak_rss_mb else ""
        out.append(
            f"this run: {self.session_records} records, {self.session_pages} pages in "
            f"{self.elapsed_s:.1f} s ({self.pages_per_s:.1f} pages/s){rss}"
        )
        return out


@dataclass
class _UnitEnd:
    unit: str


@dataclass
class _Batch:
    seq: int
    items: list[Record | _UnitEnd]
    rows: list[dict[str, Any] | None]
    missing: int = 0
    pages: int = 0


def summarize(manifest: Manifest) -> Summary:
    s = Summary()
    for p in manifest.parts:
        s.add(p.get("counts", {}), p.get("reasons", {}))
        s.rows_written += p.get("rows", 0)
    s.parts = len(manifest.parts)
    return s


def _header(opts: RunOptions) -> dict[str, Any]:
    return {
        "format": opts.fmt,
        "omit_skipped": opts.omit_skipped,
        "extract": opts.extract,
        "max_bytes": opts.max_bytes,
        "timeout_s": opts.timeout_s,
    }


def _open_output(out_dir: str, opts: RunOptions) -> tuple[Manifest, int]:
    """Create the output directory, or reopen it for ``--resume``; returns (manifest, next part)."""
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise InputError(f"output {out_dir} exists and is not a directory")
    os.makedirs(out_dir, exist_ok=True)
    names = os.listdir(out_dir)
    if opts.overwrite:
        for n in names:
            if is_part_file(n) or n in (MANIFEST, SUMMARY, "_dedup.json") or n.endswith(".tmp"):
                os.unlink(os.path.join(out_dir, n))
        names = os.listdir(out_dir)
    if MANIFEST not in names:
        if any(is_part_file(n) for n in names):
            raise InputError(f"output {out_dir} holds part files but no manifest; use --overwrite")
        return Manifest.create(out_dir, _header(opts)), 0
    if not opts.resume:
        raise InputError(
            f"output {out_dir} already holds a run: add --resume to finish it "
            "or --overwrite to start again"
        )
    manifest = Manifest.load(out_dir, repair=True)
    if manifest.header.get("format") != opts.fmt:
        raise InputError(
            f"output {out_dir} was written as {manifest.header.get('format')}, not {opts.fmt}"
        )
    # Parts no manifest line names were never committed: their records are redone.
    committed = set(manifest.part_names())
    for n in os.listdir(out_dir):
        if (is_part_file(n) and n not in committed) or (n.startswith(".") and n.endswith(".tmp")):
            os.unlink(os.path.join(out_dir, n))
    nxt = 1 + max((int(n.split("-")[1].split(".")[0]) for n in committed), default=-1)
    return manifest, nxt


def _resume_point(unit: Unit, ranges: list[tuple[int, int]]) -> int:
    if unit.kind == "warc" and ranges and ranges[0][0] == 0:
        return ranges[0][1]
    return 0


def _in_ranges(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)


class _PartState:
    """The part being written: its rows, the ranges they cover, their counts."""

    def __init__(self, out_dir: str, fmt: str, index: int) -> None:
        self.writer = PartWriter(out_dir, part_name(index, fmt), fmt)
        self.ranges: list[list[Any]] = []
        self.complete: list[str] = []
        self.counts: Counter[str] = Counter()
        self.reasons: dict[str, Counter[str]] = {}
        self.opened = time.monotonic()
        self.records = 0

    def entry(self) -> dict[str, Any]:
        return {
            "part": self.writer.name,
            "rows": self.writer.rows,
            "counts": dict(self.counts),
            "reasons": {k: dict(v) for k, v in self.reasons.items()},
            "ranges": self.ranges,
            "complete": self.complete,
        }


class Runner:
    def __init__(self, inputs: list[str], out_dir: str, opts: RunOptions) -> None:
        if opts.fmt not in FORMATS:
            raise InputError(f"unknown format {opts.fmt!r} (choose from {', '.join(FORMATS)})")
        self.inputs, self.out_dir, self.opts = inputs, out_dir, opts
        self.units = expand_inputs(inputs, prefix=opts.prefix)
        self.manifest, self.next_index = _open_output(out_dir, opts)
        self.part: _PartState | None = None
        self._task_ids = 0
        self.summary = summarize(self.manifest)
        self.worker_options = {
            "max_bytes": opts.max_bytes,
            "timeout_s": opts.timeout_s,
            **opts.extract,
        }

    # --- reading ----------------------------------------------------------------------------

    def _todo(self) -> list[tuple[Unit, int, list[tuple[int, int]]]]:
        done = self.manifest.done_ranges()
        complete = self.manifest.complete_units()
        todo = []
        for u in self.units:
            if u.name in complete:
                continue
            ranges = done.get(u.name, [])
            todo.append((u, _resume_point(u, ranges), ranges))
        return todo

    def _records(self, todo: list[tuple[Unit, int, list[tuple[int, int]]]]) -> Iterator[Record | _UnitEnd]:
        for unit, start, ranges in todo:
            for rec in iter_unit(unit, start=start, max_bytes=self.opts.max_bytes):
                if unit.kind != "warc":
                    rec.end = max(rec.end, 1)  # a range for an empty file is still a range
                if ranges and _in_ranges(rec.offset, ranges):
                    continue
                yield rec
            yield _UnitEnd(unit.name)

    def _batches(self, source: Iterator[Record | _UnitEnd]) -> Iterator[_Batch]:
        seq = 0
        items: list[Record | _UnitEnd] = []
        size = n = 0
        for item in source:
            items.append(item)
            if isinstance(item, Record):
                n += 1
                size += len(item.body or b"")
            if n >= self.opts.batch_records or size >= self.opts.batch_bytes:
                yield self._make_batch(seq, items)
                seq += 1
                items, size, n = [], 0, 0
        if items:
            yield self._make_batch(seq, items)

    def _make_batch(self, seq: int, items: list[Record | _UnitEnd]) -> _Batch:
        b = _Batch(seq, items, [None] * len(items))
        for i, it in enumerate(items):
            if isinstance(it, Record):
                if it.decided:
                    b.rows[i] = process_record(it)  # nothing to extract: a row at once
                else:
                    b.missing += 1
                    b.pages += 1
        return b

    # --- writing ----------------------------------------------------------------------------

    def _write(self, batch: _Batch) -> int:
        """Write a finished batch; returns the input bytes it covered."""
        done_bytes = 0
        for item, row in zip(batch.items, batch.rows, strict=True):
            if self.part is None:
                self.part = _PartState(self.out_dir, self.opts.fmt, self.next_index)
                self.next_index += 1
            part = self.part
            if isinstance(item, _UnitEnd):
                part.complete.append(item.unit)
                continue
            assert row is not None
            status = row["status"]
            part.counts[status] += 1
            part.records += 1
            if status != "ok":
                part.reasons.setdefault(status, Counter())[reason_code(row["reason"])] += 1
            if not (self.opts.omit_skipped and status == "skipped"):
                part.writer.write(row)
            add_range(part.ranges, item.unit, item.offset, item.end)
            done_bytes += max(item.end - item.offset, 0)
        self.summary.session_records += sum(isinstance(i, Record) for i in batch.items)
        self.summary.session_pages += batch.pages
        if self.part is not None and (
            self.part.records >= self.opts.part_rows
            or time.monotonic() - self.part.opened >= self.opts.part_seconds
        ):
            self._commit()
        return done_bytes

    def _commit(self) -> None:
        part, self.part = self.part, None
        if part is None:
            return
        part.writer.commit()
        entry = part.entry()
        self.manifest.append(entry)
        self.summary.add(entry["counts"], entry["reasons"])
        self.summary.rows_written += entry["rows"]
        self.summary.parts += 1

    # --- the loop ---------------------------------------------------------------------------

    def _task_deadline(self, task: Task) -> float | None:
        t = self.opts.timeout_s
        # The alarm inside the worker does the real work; this only catches a worker stuck
        # in native code past every page's limit.
        return len(task.items) * t * 1.5 + 30 if t else None

    def run(self, *, stderr: TextIO | None = None) -> Summary:
        stderr = stderr or sys.stderr
        start = time.monotonic()
        todo = self._todo()
        # Known sizes give the bar a total, so tqdm shows the time left.
        left = [None if u.size is None else u.size - st for u, st, _ in todo]
        total = None if None in left else sum(n or 0 for n in left)
        show = self.opts.progress if self.opts.progress is not None else stderr.isatty()
        from tqdm import tqdm

        bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc="newsmill run",
            disable=not show,
            file=stderr,
            mininterval=0.5,
            dynamic_ncols=True,
        )
        if self.opts.jobs <= 0:
            pool: WorkerPool | InlinePool = InlinePool(self.worker_options)
        else:
            pool = WorkerPool(self.opts.jobs, self.worker_options, task_deadline=self._task_deadline)
        # Ctrl-C or SIGTERM: stop at the next batch boundary, commit, and say how to resume.
        # A second one stops at once, dropping the part being written.
        self._stop = False
        old = {}
        if threading.current_thread() is threading.main_thread():
            old = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            finished = self._loop(self._batches(self._records(todo)), pool, bar, start)
        except BaseException:
            if self.part is not None:
                self.part.writer.abort()
                self.part = None
            raise
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
            pool.close()
            bar.close()
        interrupted = not finished
        self._commit()  # at a batch boundary: the part's rows and ranges agree
        s = self.summary
        s.elapsed_s = time.monotonic() - start
        s.worker_peak_rss_mb = max(pool.peak_rss_kb.values(), default=0) / 1024
        s.main_peak_rss_mb = peak_rss_kb() / 1024
        s.worker_restarts = pool.restarts
        ru = resource.getrusage(resource.RUSAGE_SELF)
        s.main_cpu_s = ru.ru_utime + ru.ru_stime
        s.worker_cpu_s = sum(pool.cpu_s.values())
        s.complete = not interrupted
        write_atomic(os.path.join(self.out_dir, SUMMARY), _json(s.to_dict()))
        if interrupted:
            raise KeyboardInterrupt
        return s

    def _loop(self, batches: Iterator[_Batch], pool: WorkerPool | InlinePool, bar: Any, start: float) -> bool:
        """Read, extract and write until the inputs are done (True) or a stop is asked (False)."""
        window = max(self.opts.jobs, 1) * 4 + 4
        inflight: deque[_Batch] = deque()
        queue: deque[Task] = deque()
        owner: dict[int, tuple[_Batch, Task]] = {}
        exhausted = False
        last_post = 0.0
        while True:
            if self._stop:
                return False
            while not exhausted and len(inflight) < window:
                b = next(batches, None)
                if b is None:
                    exhausted = True
                    break
                inflight.append(b)
                work = [(i, it) for i, it in enumerate(b.items) if isinstance(it, Record) and b.rows[i] is None]
                if work:
                    task = self._task(work)
                    owner[task.id] = (b, task)
                    queue.append(task)
            while queue and pool.idle:
                pool.submit(queue.popleft())
            while inflight and inflight[0].missing == 0:
                b = inflight.popleft()
                bar.update(self._write(b))
                for it in b.items:  # the pages are done with: free them now
                    if isinstance(it, Record):
                        it.body = None
            now = time.monotonic()
            if now - last_post > 0.5:
                rate = self.summary.session_pages / max(now - start, 1e-9)
                c = self.summary.counts + (self.part.counts if self.part else Counter())
                bar.set_postfix_str(
                    f"{rate:.1f} pages/s ok={c['ok']} err={c['error']} skip={c['skipped']}",
                    refresh=False,
                )
                last_post = now
            if exhausted and not inflight:
                c = self.summary.counts + (self.part.counts if self.part else Counter())
                bar.set_postfix_str(f"ok={c['ok']} err={c['error']} skip={c['skipped']}", refresh=True)
                return True
            for ev in pool.poll(0.2):
                self._on_event(ev, owner, queue)
            while queue and pool.idle:  # the next task at once, before reading and writing
                pool.submit(queue.popleft())

    def _on_event(self, ev: Event, owner: dict[int, tuple[_Batch, Task]], queue: deque[Task]) -> None:
        if ev.kind == "retry":  # its worker was lost before it started: send it again
            queue.appendleft(ev.task)
            return
        batch, task = owner.pop(ev.task.id)
        if ev.kind == "done":
            for i, row in ev.rows:
                batch.rows[i] = row
                batch.missing -= 1
            return
        # A worker died or was killed on this task. Alone, the record is to blame; in a batch,
        # retry each record alone (first in line) to find which.
        if len(task.items) == 1:
            i, rec = task.items[0]
            rec.status, rec.reason, rec.body = "error", ev.reason, None
            batch.rows[i] = process_record(rec)
            batch.missing -= 1
            return
        singles = [self._task([item]) for item in task.items]
        for t in singles:
            owner[t.id] = (batch, t)
        queue.extendleft(reversed(singles))

    def _on_signal(self, signum: int, frame: Any) -> None:
        if self._stop:
            raise KeyboardInterrupt
        self._stop = True

    def _task(self, items: list[tuple[int, Record]]) -> Task:
        self._task_ids += 1
        return Task(self._task_ids, items)




def _json(d: dict[str, Any]) -> bytes:
    import orjson

    return orjson.dumps(d, option=orjson.OPT_INDENT_2) + b"\n"


def run(inputs: list[str], out_dir: str, opts: RunOptions | None = None, *, stderr: TextIO | None = None) -> Summary:
    """Run the local engine over ``inputs`` into the directory ``out_dir``."""
    return Runner(inputs, out_dir, opts or RunOptions()).run(stderr=stderr)
