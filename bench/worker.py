"""Child process that measures one tool: ``python -m bench.worker SPEC.json``.

Pinned to one CPU, it imports the tool, notes its RSS, then for each page reads and
decompresses the HTML (untimed), times the one extraction call, and appends a JSON line per
page to the output file, flushed at once so a crash loses at most the page in progress.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
import traceback
from pathlib import Path
from typing import Any


def _status_kb(field: str) -> int | None:
    """A VmRSS/VmHWM figure from /proc (Linux), in kB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_kb() -> int:
    # ru_maxrss is in kB on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def main(spec_path: str) -> int:
    spec: dict[str, Any] = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    cpu = spec.get("cpu")
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(cpu)})

    from bench.dataset import read_html
    from bench.peers import ADAPTERS

    adapter = ADAPTERS[spec["tool"]](spec.get("folds"))
    data_dir = Path(spec["data_dir"])
    ids: list[str] = spec["ids"]
    urls: dict[str, str | None] = spec["urls"]
    read = read_html
    if spec.get("oldstyle"):
        # Each page as a site of the 2000s would have served it, without its URL (untimed).
        from bench.oldstyle import oldstyle_bytes

        def read(data_dir: Path, page_id: str) -> bytes:
            return oldstyle_bytes(read_html(data_dir, page_id))

        urls = dict.fromkeys(urls)

    with open(spec["out"], "a", encoding="utf-8") as out:

        def emit(obj: dict[str, Any]) -> None:
            out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
            out.flush()

        emit(
            {
                "_start": {
                    "version": adapter.version,
                    "call": adapter.call,
                    "metadata": adapter.metadata,
                    "pid": os.getpid(),
                    "cpu": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
                    "rss_after_imports_kb": _status_kb("VmRSS"),
                    "peak_after_imports_kb": _peak_kb(),
                }
            }
        )
        # One untimed call first (one per distinct fold model in a cross-validated run), so
        # lazy one-off set-up (model loading, caches) is not charged to the page that
        # happens to come first.
        warm = 0.0
        if ids and spec.get("warmup", True):
            folds = spec.get("folds") or {}
            firsts = {folds.get(i): i for i in reversed(ids)}  # first page of each model
            for wid in sorted(firsts.values()):
                html = read(data_dir, wid)
                t0 = time.perf_counter()
                try:
                    adapter.run(html, urls.get(wid), wid)
                except Exception:
                    pass
                warm += time.perf_counter() - t0
        emit({"_warmup": {"seconds": warm}})

        peak = _peak_kb()
        for pid in ids:
            html = read(data_dir, pid)
            rec: dict[str, Any] = {"id": pid}
            # Wall-clock and this process's CPU time: on a shared machine the second is the
            # steadier measure of one-core cost, as time spent descheduled does not count.
            c0, t0 = time.process_time(), time.perf_counter()
            try:
                raw = adapter.run(html, urls.get(pid), pid)
            except Exception as e:  # one bad page never stops the run
                rec["seconds"], rec["cpu_seconds"] = time.perf_counter() - t0, time.process_time() - c0
                rec["error"] = f"{type(e).__name__}: {e}"[:500]
                rec["traceback"] = traceback.format_exc(limit=6)[-2000:]
            else:
                rec["seconds"], rec["cpu_seconds"] = time.perf_counter() - t0, time.process_time() - c0
                try:
                    ext = adapter.convert(raw)
                    rec.update(text=ext.text, title=ext.title, authors=ext.authors, published=ext.published)
                    if ext.page_type is not None:
                        rec["page_type"] = ext.page_type
                except Exception as e:
                    rec["error"] = f"{type(e).__name__} while reading the result: {e}"[:500]
            if (now := _peak_kb()) > peak:  # which pages push the high-water mark up
                rec["new_peak_kb"] = peak = now
            emit(rec)

        emit({"_end": {"peak_rss_kb": _peak_kb(), "vm_hwm_kb": _status_kb("VmHWM")}})
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m bench.worker SPEC.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
