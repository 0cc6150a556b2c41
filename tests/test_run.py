"""``newsmill run``: every input accounted for, parts committed, kill -9 and --resume."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsmill.cli import main as cli_main
from newsmill.corpus.manifest import MANIFEST, Manifest
from newsmill.corpus.sinks import part_files, read_rows
from newsmill.corpus.warcwrite import gzip_member, http_response, warc_record

WORDS = (
    "council harbor budget school river bridge mayor voters transit library station plan "
    "report winter market housing police court museum festival coach season storm farmers "
    "hospital nurses tunnel ferry rail airport park teachers students water energy prices"
).split()


def story(rng: random.Random, n: int) -> list[str]:
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45))).capitalize() + "."
        for _ in range(n)
    ]


def page(i: int, paras: int = 8) -> bytes:
    rng = random.Random(i)
    body = "".join(f"<p>{p}</p>" for p in story(rng, paras))
    nav = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(12))
    return (
        f"<!doctype html><html><head><title>Story {i}</title></head><body>"
        f"<header><ul>{nav}</ul></header><main><article><h1>Story number {i}</h1>{body}"
        "</article></main><footer><p>Copyright The Daily Example</p></footer></body></html>"
    ).encode()


def make_warc(path: Path, n: int, paras: int = 8, tag: str = "") -> list[str]:
    """A .warc.gz with n responses and a request before each; returns every record id."""
    ids = []
    with open(path, "wb") as fh:
        for i in range(n):
            req = warc_record("request", b"GET / HTTP/1.1\r\n\r\n", url=f"http://news.example/{i}", record_id=f"<urn:test:{tag}req-{i}>")
            resp = warc_record("response", http_response(page(i, paras)), url=f"http://news.example/{i}", record_id=f"<urn:test:{tag}resp-{i}>")
            fh.write(gzip_member(req) + gzip_member(resp))
            ids += [f"<urn:test:{tag}req-{i}>", f"<urn:test:{tag}resp-{i}>"]
    return ids


def rows_of(out: Path) -> list[dict]:
    return [r for f in part_files(str(out)) for r in read_rows(f)]


def newsmill(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmill", *args], capture_output=True, text=True, timeout=300)


def test_directory_and_warc_every_input_accounted(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.html").write_bytes(page(1))
    (pages / "sub" / "b.html.gz").write_bytes(gzip.compress(page(2)))
    (pages / "notes.txt").write_text("not a page")
    (pages / ".hidden.html").write_bytes(page(3))
    ids = make_warc(tmp_path / "c.warc.gz", 3)
    out = tmp_path / "out"
    code = cli_main(["run", str(pages), str(tmp_path / "c.warc.gz"), "-o", str(out), "--jobs", "2", "--no-progress"])
    assert code == 0
    rows = rows_of(out)
    got = {r["id"]: r for r in rows}
    assert len(rows) == len(got) == 3 + len(ids)
    assert got[str(pages / "a.html")]["status"] == "ok"
    assert "Story number 1" in (got[str(pages / "a.html")]["title"] or "") or got[str(pages / "a.html")]["text"]
    assert got[str(pages / "sub" / "b.html.gz")]["status"] == "ok"
    assert got[str(pages / "notes.txt")]["status"] == "skipped"
    assert got["<urn:test:req-0>"]["reason"].startswith("not-response")
    resp = got["<urn:test:resp-2>"]
    assert resp["status"] == "ok" and resp["url"] == "http://news.example/2"
    assert resp["fetched"] == "2025-01-01T00:00:00Z" and resp["source"].startswith(str(tmp_path / "c.warc.gz") + "@")
    assert list(rows[0]) == list(json.loads(open(part_files(str(out))[0]).readline()))
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["records"] == len(rows) == summary["ok"] + summary["error"] + summary["skipped"]
    assert summary["skipped_by_reason"] == {"not-response": 3, "not-html-file": 1}
    assert summary["complete"] is True


def test_kill_9_mid_run_then_resume_gives_every_record_once(tmp_path: Path) -> None:
    ids = make_warc(tmp_path / "big.warc.gz", 400, paras=12)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "newsmill", "run", str(tmp_path / "big.warc.gz"), "-o", str(out),
           "--jobs", "2", "--part-rows", "20", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if (out / MANIFEST).exists() and len(Manifest.load(str(out)).parts) >= 1:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)  # the main process, mid-run, no chance to clean up
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        time.sleep(0.5)
        try:  # its workers see the pipe close and leave; make sure, in this test's own group
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    committed = sum(p["rows"] for p in Manifest.load(str(out)).parts)
    assert 0 < committed < len(ids)  # killed mid-run, with parts committed

    again = newsmill(*cmd[3:])
    assert again.returncode != 0 and "--resume" in again.stderr  # refuses to mix runs

    res = newsmill(*cmd[3:], "--resume")
    assert res.returncode == 0, res.stderr
    rows = rows_of(out)
    got = [r["id"] for r in rows]
    assert len(got) == len(ids) and set(got) == set(ids)  # every record exactly once
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["records"] == len(ids) and summary["ok"] == 400 and summary["skipped"] == 400
    assert f"records: {len(ids)} = ok 400 + error 0 + skipped 400" in res.stderr


def test_resume_of_a_finished_run_adds_nothing(tmp_path: Path) -> None:
    ids = make_warc(tmp_path / "w.warc.gz", 5)
    out = tmp_path / "out"
    args = ["run", str(tmp_path / "w.warc.gz"), "-o", str(out), "--jobs", "0", "--no-progress", "--part-rows", "3"]
    assert cli_main(args) == 0
    first = [r["id"] for r in rows_of(out)]
    assert cli_main([*args, "--resume"]) == 0
    assert [r["id"] for r in rows_of(out)] == first and sorted(first) == sorted(ids)
    assert cli_main([*args, "--overwrite"]) == 0
    assert sorted(r["id"] for r in rows_of(out)) == sorted(ids)


def test_parquet_parts_have_the_documented_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from newsmill.corpus.schema import COLUMNS, arrow_schema

    make_warc(tmp_path / "w.warc.gz", 4)
    out = tmp_path / "out"
    assert cli_main(["run", str(tmp_path / "w.warc.gz"), "-o", str(out), "--format", "parquet", "--jobs", "1", "--no-progress"]) == 0
    (f,) = part_files(str(out))
    assert f.endswith(".parquet")
    table = pq.read_table(f)
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    assert table.column_names == list(COLUMNS)
    rows = list(read_rows(f))
    assert len(rows) == 8 and sum(r["status"] == "ok" for r in rows) == 4
    assert isinstance(rows[1]["sources"], dict) and isinstance(rows[1]["authors"], list)


def test_every_article_field_fits_the_parquet_schema() -> None:
    pa = pytest.importorskip("pyarrow")
    from newsmill import Article, Image, Quote
    from newsmill.corpus.schema import ARTICLE_COLUMNS, arrow_schema, empty_row

    art = Article(
        url="http://x.example/", title="T", authors=["A B"], tags=["t"], page_type="article",
        page_type_confidence=0.9, text="Body.", images=[Image(url="http://x.example/i.jpg", caption="c")],
        quotes=[Quote(text="q", speaker="S", reported_by=None, start=0, end=1)],
        sources={"title": {"from": "meta", "raw": "T"}}, confidence={"title": 0.9},
    )
    row = empty_row() | {k: v for k, v in art.to_dict().items() if k in ARTICLE_COLUMNS}
    row |= {"id": "x", "source": "x", "status": "ok"}
    back = pa.Table.from_pylist([row], schema=arrow_schema()).to_pylist()[0]
    # A field added to Article without a schema type would be dropped or fail here.
    assert set(ARTICLE_COLUMNS) == set(Article.__dataclass_fields__) - {"url"}
    assert back["images"][0]["caption"] == "c" and back["quotes"][0]["speaker"] == "S"
    assert dict(back["sources"])["title"] == {"from": "meta", "raw": "T"}


def test_jsonl_gz_and_omit_skipped(tmp_path: Path) -> None:
    make_warc(tmp_path / "w.warc.gz", 3)
    out = tmp_path / "out"
    assert cli_main(["run", str(tmp_path / "w.warc.gz"), "-o", str(out), "--gzip", "--omit-skipped", "--jobs", "0", "--no-progress"]) == 0
    (f,) = part_files(str(out))
    assert f.endswith(".jsonl.gz")
    rows = list(read_rows(f))
    assert [r["status"] for r in rows] == ["ok"] * 3
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["records"] == 6 and summary["skipped"] == 3 and summary["rows_written"] == 3


def test_page_over_the_size_limit_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    d = tmp_path / "pages"
    d.mkdir()
    (d / "small.html").write_bytes(page(1, paras=2))
    (d / "big.html").write_bytes(page(2, paras=400))
    out = tmp_path / "out"
    assert cli_main(["run", str(d), "-o", str(out), "--max-bytes", "20k", "--jobs", "1", "--no-progress"]) == 0
    got = {Path(r["id"]).name: r for r in rows_of(out)}
    assert got["big.html"]["status"] == "error" and got["big.html"]["reason"].startswith("too-large")
    assert got["small.html"]["status"] == "ok"


def test_lists_missing_entries_and_bad_arguments(tmp_path: Path, capsys) -> None:
    make_warc(tmp_path / "w.warc.gz", 1)
    lst = tmp_path / "list.txt"
    lst.write_text(f"# inputs\n{tmp_path / 'w.warc.gz'}\n\n{tmp_path / 'gone.warc.gz'}\n")
    out = tmp_path / "out"
    assert cli_main(["run", f"@{lst}", "-o", str(out), "--jobs", "0", "--no-progress"]) == 0
    got = {r["id"]: r for r in rows_of(out)}
    assert len(got) == 3
    assert got[str(tmp_path / "gone.warc.gz")]["reason"].startswith("unreadable")
    assert cli_main(["run", str(tmp_path / "nope.html"), "-o", str(tmp_path / "o2")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_pool_replaces_a_worker_that_overstays_its_task() -> None:
    from newsmill.corpus.pool import Task, WorkerPool
    from newsmill.corpus.records import Record

    slow = Record(id="slow", source="s", body=page(1, paras=3000))  # far more than 1 ms of work
    rec = Record(id="r", source="s", body=page(1))
    pool = WorkerPool(1, {"timeout_s": None}, task_deadline=lambda t: 0.001 if t.id == 1 else None)
    try:
        pool.submit(Task(1, [(0, slow)]))
        pool.submit(Task(3, [(0, rec)]))  # queued behind it in the same worker
        events = []
        while not events:
            events = pool.poll(1.0)
        assert [(e.kind, e.task.id) for e in events] == [("crashed", 1), ("retry", 3)]
        assert events[0].reason.startswith("timeout")
        pool.submit(Task(2, [(0, rec)]))  # the replacement worker does the next task
        events = []
        while not events:
            events = pool.poll(1.0)
        assert events[0].kind == "done" and events[0].rows[0][1]["status"] == "ok"
        assert pool.restarts == 1
    finally:
        pool.close()


def test_remote_warc_in_a_list_is_downloaded_and_read(tmp_path: Path) -> None:
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    served = tmp_path / "served"
    served.mkdir()
    ids = make_warc(served / "r.warc.gz", 3, tag="remote")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        lst = tmp_path / "remote.txt"
        lst.write_text("r.warc.gz\nmissing.warc.gz\n")
        out = tmp_path / "out"
        assert cli_main(["run", f"@{lst}", "--prefix", base, "-o", str(out), "--jobs", "0", "--no-progress"]) == 0
    finally:
        server.shutdown()
    got = {r["id"]: r for r in rows_of(out)}
    assert set(ids) <= set(got) and len(got) == len(ids) + 1
    assert got["<urn:test:remoteresp-1>"]["source"].startswith(f"{base}r.warc.gz@")
    assert got[f"{base}missing.warc.gz"]["reason"].startswith("unreadable")


def test_a_crashed_batch_is_retried_record_by_record_and_the_culprit_is_an_error(tmp_path: Path) -> None:
    from collections import deque

    from newsmill.corpus.pool import Event
    from newsmill.corpus.records import Record
    from newsmill.corpus.runner import Runner, RunOptions, _Batch

    make_warc(tmp_path / "w.warc.gz", 1)
    runner = Runner([str(tmp_path / "w.warc.gz")], str(tmp_path / "out"), RunOptions(jobs=1))
    recs = [Record(id=f"r{i}", source="s", body=page(i)) for i in range(3)]
    batch = _Batch(0, list(recs), [None] * 3, missing=3, pages=3)
    task = runner._task(list(enumerate(recs)))
    owner = {task.id: (batch, task)}
    queue: deque = deque()
    runner._on_event(Event("crashed", task, reason="worker-crashed: exit code -11"), owner, queue)
    singles = list(queue)
    assert [t.items for t in singles] == [[(0, recs[0])], [(1, recs[1])], [(2, recs[2])]]
    # Alone, the record that crashes the worker again is the one to blame.
    runner._on_event(Event("crashed", singles[1], reason="worker-crashed: exit code -11"), owner, queue)
    assert batch.rows[1]["status"] == "error" and batch.rows[1]["reason"] == "worker-crashed: exit code -11"
    assert batch.missing == 2 and batch.rows[0] is None
    # A task that never started on a lost worker is simply sent again.
    queue.clear()
    runner._on_event(Event("retry", singles[2]), owner, queue)
    assert list(queue) == [singles[2]] and singles[2].id in owner
