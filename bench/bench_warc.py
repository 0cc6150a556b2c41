"""WARC throughput, scaling, overhead, memory and accounting of ``newsmill run``.

    python bench/bench_warc.py [--limit N] [--data DIR] [--jobs 1,2] [--repeat K] [--keep DIR] [--json OUT]

Builds a ``.warc.gz`` in a temporary directory from WCXB-dev pages (html/*.html.gz, urls from
metadata.json): a warcinfo record, then per page a request and its response record, with
non-HTML responses (an image, a PDF), a 404, metadata and revisit records, one response cut off
in the middle of the file, one corrupt gzip member and a file cut off in its last record.

Then measures, on the same pages:
- the plain loop: ``newsmill.extract`` page by page (read the .html.gz, extract), one process;
- ``newsmill run WARC --jobs N`` for each N (a subprocess, writing JSONL parts);
and prints pages per second, the scaling of jobs 2 over jobs 1, the overhead of ``--jobs 1``
over the plain loop, the peak RSS of a worker, and checks that every record is accounted
for: one row per record written to the WARC, ids unique, the damaged ones as errors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "wcxb-dev"

sys.path.insert(0, str(REPO_ROOT / "src"))

from newsmill.corpus.sinks import part_files, read_rows  # noqa: E402
from newsmill.corpus.warcwrite import gzip_member, http_response, warc_record  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000
PDF = b"%PDF-1.4\n" + b"0" * 3000 + b"\n%%EOF\n"


def load_pages(data: Path, limit: int | None) -> list[tuple[str, str, Path]]:
    meta = json.loads((data / "metadata.json").read_text())["files"]
    ids = sorted(meta)[: limit or None]
    return [(pid, meta[pid]["url"], data / "html" / f"{pid}.html.gz") for pid in ids]


def build_warc(pages: list[tuple[str, str, Path]], path: Path) -> dict[str, Any]:
    """Write the WARC; returns what it holds (records, expected outcome by kind)."""
    members: list[bytes] = []
    expect = {"records": 0, "html": 0, "broken": 0, "skipped": 0}
    broken_ids: list[str] = []

    def add(rec: bytes, kind: str) -> None:
        members.append(gzip_member(rec))
        expect["records"] += 1
        expect[kind] += 1

    add(warc_record("warcinfo", b"software: bench_warc\r\nformat: WARC File Format 1.1\r\n"), "skipped")
    cut_at = len(pages) // 3
    corrupt_at = 2 * len(pages) // 3
    for i, (_pid, url, html_path) in enumerate(pages):
        html = gzip.decompress(html_path.read_bytes())
        date = f"2025-03-{1 + i % 28:02d}T12:00:{i % 60:02d}Z"
        add(warc_record("request", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", url=url, date=date), "skipped")
        resp = warc_record("response", http_response(html), url=url, date=date)
        if i == cut_at:
            # A record cut off mid-write, with more records after it.
            members.append(gzip_member(resp)[: len(gzip_member(resp)) // 2])
            expect["records"] += 1
            expect["broken"] += 1
            broken_ids.append(_rid(resp))
            continue
        if i == corrupt_at:
            m = bytearray(gzip_member(resp))
            mid = len(m) // 2
            m[mid : mid + 64] = bytes(64)  # damage inside the deflate data
            members.append(bytes(m))
            expect["records"] += 1
            expect["broken"] += 1
            broken_ids.append(_rid(resp))
            continue
        add(resp, "html")
        if i % 50 == 7:
            add(warc_record("response", http_response(PNG, content_type="image/png"), url=url + ".png"), "skipped")
        if i % 50 == 17:
            add(warc_record("response", http_response(PDF, content_type="application/pdf"), url=url + ".pdf"), "skipped")
        if i % 50 == 27:
            add(warc_record("response", http_response(b"<html>gone</html>", status=404), url=url + "/x"), "skipped")
        if i % 50 == 37:
            add(warc_record("metadata", b"fetchTimeMs: 120\r\n", url=url, content_type="application/warc-fields"), "skipped")
        if i % 50 == 47:
            add(warc_record("revisit", http_response(b"", content_type="text/html"), url=url), "skipped")
    # A file cut off in its last record, as an interrupted download leaves it.
    last = warc_record("response", http_response(b"<html><body><p>cut</p></body></html>" * 200), url="http://cut.example/")
    members.append(gzip_member(last)[:-100])
    expect["records"] += 1
    expect["broken"] += 1
    broken_ids.append(_rid(last))
    with open(path, "wb") as fh:
        for m in members:
            fh.write(m)
    expect["bytes"] = path.stat().st_size
    expect["broken_ids"] = broken_ids
    return expect


def _rid(rec: bytes) -> str:
    for line in rec.split(b"\r\n"):
        if line.startswith(b"WARC-Record-ID:"):
            return line.split(b":", 1)[1].strip().decode()
    raise ValueError("no record id")


def _burn(n: int) -> float:
    x = 0
    for i in range(n):
        x += i * i
    return float(x)


def machine_scaling(n: int = 8_000_000) -> float:
    """How much faster two processes do two equal pure-CPU jobs than one does them in turn.

    2.0 on two idle cores; less when other work holds a core. The scaling of ``--jobs 2``
    can be no better than this at the time.
    """
    import multiprocessing as mp

    t = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - t
    with mp.get_context("fork").Pool(2) as pool:
        t = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - t
    return serial / parallel


_LOOP = """
import gzip, sys, time
import newsmill
t, c = time.perf_counter(), time.process_time()
for line in sys.stdin.read().splitlines():
    url, path = line.split("\\t")
    with open(path, "rb") as fh:
        newsmill.extract(gzip.decompress(fh.read()), url=url)
print(time.perf_counter() - t, time.process_time() - c)
"""


def plain_loop(pages: list[tuple[str, str, Path]]) -> tuple[float, float, float]:
    """The plain loop as a program: read each .html.gz, ``newsmill.extract`` it.

    Returns (wall seconds of the whole program, as for ``newsmill run``; CPU seconds of the
    whole program; wall seconds of the loop alone).
    """
    listing = "\n".join(f"{url}\t{path}" for _pid, url, path in pages)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _LOOP], input=listing, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, float(proc.stdout.split()[0])


def run_cli(warc: Path, out: Path, jobs: int) -> tuple[float, dict[str, Any]]:
    cmd = [sys.executable, "-m", "newsmill", "run", str(warc), "-o", str(out), "--jobs", str(jobs), "--no-progress", "--overwrite"]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return wall, json.loads((out / "_summary.json").read_text())


def check(out: Path, expect: dict[str, Any]) -> dict[str, Any]:
    ids: list[str] = []
    status: dict[str, int] = {}
    errors: dict[str, str] = {}
    for f in part_files(str(out)):
        for row in read_rows(f):
            ids.append(row["id"])
            status[row["status"]] = status.get(row["status"], 0) + 1
            if row["status"] == "error":
                errors[row["id"]] = row["reason"]
    res = {
        "rows": len(ids),
        "expected_records": expect["records"],
        "unique_ids": len(set(ids)),
        "status": status,
        "all_accounted": len(ids) == expect["records"] == len(set(ids)),
        "damaged_named": sum(1 for b in expect["broken_ids"] if b in errors),
        "damaged": expect["broken"],
        "other_errors": {i: r for i, r in errors.items() if i not in expect["broken_ids"]},
    }
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, help="first N pages only (default: all)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    ap.add_argument("--keep", type=Path, help="build in this directory and keep it (default: a temp dir)")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    ap.add_argument("--repeat", type=int, default=1, help="time each setting K times, keep the fastest (for a busy machine)")
    args = ap.parse_args(argv)

    pages = load_pages(args.data, args.limit)
    tmp_ctx = tempfile.TemporaryDirectory(prefix="bench_warc-") if args.keep is None else None
    work = Path(tmp_ctx.name) if tmp_ctx else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        warc = work / "bench.warc.gz"
        expect = build_warc(pages, warc)
        print(
            f"WARC: {warc.stat().st_size / 1e6:.1f} MB, {expect['records']} records "
            f"({expect['html']} good HTML responses, {expect['skipped']} other records, "
            f"{expect['broken']} damaged)"
        )
        t_loop, cpu_loop, t_inner = min(plain_loop(pages) for _ in range(max(args.repeat, 1)))
        n = len(pages)
        print(
            f"plain loop (a program reading each page and calling newsmill.extract): {n} pages in "
            f"{t_loop:.1f} s = {n / t_loop:.2f} pages/s (the loop alone {t_inner:.1f} s; CPU {cpu_loop:.1f} s)"
        )
        results: dict[str, Any] = {"pages": n, "records": expect["records"], "loop_s": t_loop, "loop_cpu_s": cpu_loop, "runs": {}}
        for jobs in [int(j) for j in args.jobs.split(",")]:
            out = work / f"out-j{jobs}"
            wall, summary = min((run_cli(warc, out, jobs) for _ in range(max(args.repeat, 1))), key=lambda r: r[0])
            pages_done = summary["session"]["pages"]
            acc = check(out, expect)
            results["runs"][jobs] = {"wall_s": wall, "summary": summary, "check": acc}
            sess = summary["session"]
            print(
                f"newsmill run --jobs {jobs}: {pages_done} pages in {wall:.1f} s = {pages_done / wall:.2f} pages/s "
                f"(CPU: main {sess['main_cpu_s']:.1f} s + workers {sess['worker_cpu_s']:.1f} s); "
                f"peak RSS per worker {summary['session']['worker_peak_rss_mb']:.0f} MB, "
                f"main {summary['session']['main_peak_rss_mb']:.0f} MB"
            )
            print(
                f"  records {summary['records']} = ok {summary['ok']} + error {summary['error']} + skipped {summary['skipped']}; "
                f"rows {acc['rows']} / written to WARC {acc['expected_records']}, unique ids {acc['unique_ids']}; "
                f"damaged records found as errors by their id {acc['damaged_named']}/{acc['damaged']}; "
                f"errors {summary['errors_by_reason']}; other error rows {acc['other_errors']}; "
                f"accounted: {acc['all_accounted'] and summary['balanced']}"
            )
        runs = results["runs"]
        machine = machine_scaling()
        results["machine_scaling"] = machine
        if 1 in runs:
            p1 = runs[1]["summary"]["session"]["pages"] / runs[1]["wall_s"]
            over = runs[1]["wall_s"] / t_loop - 1
            s1 = runs[1]["summary"]["session"]
            over_cpu = (s1["main_cpu_s"] + s1["worker_cpu_s"]) / cpu_loop - 1
            results["overhead"], results["overhead_cpu"] = over, over_cpu
            print(
                f"overhead of --jobs 1 over the plain loop: wall {over * 100:+.1f}% (target < 10%), "
                f"CPU {over_cpu * 100:+.1f}% (startup, reading the WARC, writing the rows included)"
            )
            if 2 in runs:
                p2 = runs[2]["summary"]["session"]["pages"] / runs[2]["wall_s"]
                results["scaling"] = p2 / p1
                print(
                    f"scaling --jobs 2 / --jobs 1: {p2 / p1:.2f}x (target >= 1.7x on 2 cores; cores here: "
                    f"{os.cpu_count()}, load average now {os.getloadavg()[0]:.1f}); two pure-CPU processes "
                    f"got {machine:.2f}x on this machine at the time: the most --jobs 2 could get"
                )
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, default=str))
    finally:
        if tmp_ctx:
            tmp_ctx.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
