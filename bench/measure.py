"""Running one tool over the selected pages in its own child process (see bench/worker.py).

If the child dies (a crash in native code, the OOM killer), the page it was on is recorded as
crashed and a fresh child carries on with the rest, so one bad page never stops the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.dataset import REPO_ROOT, Page


@dataclass(slots=True)
class ToolRun:
    tool: str
    version: str | None = None
    call: str | None = None
    cpu: list[int] | None = None
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    crashed: dict[str, str] = field(default_factory=dict)  # page id -> how the child ended
    rss_after_imports_kb: int | None = None
    peak_rss_kb: int | None = None
    warmup_seconds: float | None = None
    children: int = 0
    metadata: bool = True
    peak_page: str | None = None  # the page during which the peak RSS was reached


def default_cpu() -> int | None:
    """The last CPU this process may run on (often the least busy); None off Linux."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


def _read_lines(path: Path) -> list[dict[str, Any]]:
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:  # a line cut short by a crash
            break
    return out


def _progress(tool: str, done: int, total: int, final: bool = False) -> None:
    if sys.stderr.isatty():
        print(f"\r  {tool}: {done}/{total} pages", end="\n" if final else "", file=sys.stderr, flush=True)
    elif final:
        print(f"  {tool}: {done}/{total} pages", file=sys.stderr, flush=True)


def _wait(proc: subprocess.Popen, out_path: Path, tool: str, done: int, total: int) -> None:
    """Wait for the child; on a terminal, show progress by counting new lines cheaply."""
    if not sys.stderr.isatty():
        proc.wait()
        return
    offset = 0
    while proc.poll() is None:
        time.sleep(1.0)
        try:
            with open(out_path, "rb") as fh:
                fh.seek(offset)
                chunk = fh.read()
        except OSError:
            continue
        cut = chunk.rfind(b"\n") + 1
        offset += cut
        done += chunk[:cut].count(b'\n{"id"')  + chunk[:cut].startswith(b'{"id"')
        _progress(tool, done, total)


def measure(
    tool: str,
    pages: dict[str, Page],
    ids: list[str],
    data_dir: Path,
    *,
    folds: dict[str, str] | None = None,
    cpu: int | None = None,
    warmup: bool = True,
    oldstyle: bool = False,
) -> ToolRun:
    run = ToolRun(tool)
    remaining = list(ids)
    with tempfile.TemporaryDirectory(prefix=f"newsmill-bench-{tool}-") as tmp:
        while remaining:
            run.children += 1
            spec_path = Path(tmp) / f"spec{run.children}.json"
            out_path = Path(tmp) / f"out{run.children}.jsonl"
            err_path = Path(tmp) / f"err{run.children}.log"
            spec = {
                "tool": tool,
                "data_dir": str(data_dir),
                "ids": remaining,
                "urls": {i: pages[i].url for i in remaining},
                "folds": folds,
                "cpu": cpu,
                "warmup": warmup,
                "oldstyle": oldstyle,
                "out": str(out_path),
            }
            spec_path.write_text(json.dumps(spec), encoding="utf-8")
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
            with open(err_path, "wb") as err:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "bench.worker", str(spec_path)],
                    cwd=REPO_ROOT,
                    env=env,
                    stdout=err,
                    stderr=subprocess.STDOUT,
                )
                _wait(proc, out_path, tool, len(run.records), len(ids))
            lines = _read_lines(out_path)
            for ln in lines:
                if "_start" in ln:
                    s = ln["_start"]
                    run.version, run.call, run.cpu = s["version"], s["call"], s["cpu"]
                    run.metadata = s.get("metadata", True)
                    if run.rss_after_imports_kb is None:
                        run.rss_after_imports_kb = s["rss_after_imports_kb"]
                    run.peak_rss_kb = max(run.peak_rss_kb or 0, s["peak_after_imports_kb"] or 0)
                elif "_warmup" in ln:
                    if run.warmup_seconds is None:
                        run.warmup_seconds = ln["_warmup"]["seconds"]
                elif "_end" in ln:
                    run.peak_rss_kb = max(run.peak_rss_kb or 0, ln["_end"]["peak_rss_kb"] or 0)
                elif "id" in ln:
                    run.records[ln["id"]] = ln
                    if "new_peak_kb" in ln and ln["new_peak_kb"] >= (run.peak_rss_kb or 0):
                        run.peak_rss_kb, run.peak_page = ln["new_peak_kb"], ln["id"]
            remaining = [i for i in remaining if i not in run.records]
            if remaining:
                # The child stopped early: blame the page it was on and go on without it.
                tail = err_path.read_bytes()[-1500:].decode("utf-8", "replace").strip()
                if not lines:  # died before its first line: a set-up problem, not a page
                    raise RuntimeError(f"{tool} worker failed to start (exit {proc.returncode}):\n{tail}")
                bad = remaining.pop(0)
                run.crashed[bad] = f"child process died (exit {proc.returncode}): {tail[-300:]}"
                print(f"  {tool}: child died on page {bad} (exit {proc.returncode}); continuing", file=sys.stderr)
        if run.peak_page is None:  # no page raised the high-water mark set before the loop
            run.peak_page = "imports/warm-up"
        _progress(tool, len(run.records), len(ids), final=True)
    return run


def merge(runs: list[ToolRun]) -> ToolRun:
    """One tool's runs over disjoint chunks of pages, as one run: records and crashes joined,
    the highest peak RSS (and its page), the first run's version, call, CPU and start-up figures."""
    first = runs[0]
    out = ToolRun(first.tool, first.version, first.call, first.cpu)
    out.rss_after_imports_kb, out.warmup_seconds, out.metadata = (
        first.rss_after_imports_kb, first.warmup_seconds, first.metadata)
    for r in runs:
        out.records.update(r.records)
        out.crashed.update(r.crashed)
        out.children += r.children
        if r.peak_rss_kb is not None and (out.peak_rss_kb is None or r.peak_rss_kb > out.peak_rss_kb):
            out.peak_rss_kb, out.peak_page = r.peak_rss_kb, r.peak_page
    return out
