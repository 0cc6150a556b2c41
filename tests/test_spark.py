"""The Spark engine in local mode gives the same rows as the local engine."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None and not __import__("os").environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).parent))

from test_run import make_warc, page, rows_of  # noqa: E402

from newsmill.corpus.inputs import expand_inputs  # noqa: E402
from newsmill.corpus.runner import RunOptions, run  # noqa: E402
from newsmill.corpus.sinks import part_files, read_rows  # noqa: E402
from newsmill.corpus.spark import run_spark, task_groups  # noqa: E402


def test_spark_local_run_matches_the_local_engine(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    make_warc(inputs / "a.warc.gz", 6, tag="a")
    warc_b = inputs / "b.warc.gz"
    make_warc(warc_b, 4, tag="b")
    data = warc_b.read_bytes()
    warc_b.write_bytes(data[: len(data) - 200])  # the last record cut off
    (inputs / "page.html").write_bytes(page(99))

    local_out = tmp_path / "local"
    run([str(inputs)], str(local_out), RunOptions(jobs=0, progress=False))
    local = {r["id"]: r for r in rows_of(local_out)}

    spark_out = tmp_path / "spark"
    summary = run_spark([str(inputs)], str(spark_out), master="local[2]")
    files = part_files(str(spark_out))
    assert len(files) >= 3 and all(f.endswith(".parquet") for f in files)  # a task per file
    spark_rows = [r for f in files for r in read_rows(f)]
    got = {r["id"]: r for r in spark_rows}

    assert len(spark_rows) == len(got) == len(local) == 6 * 2 + 4 * 2 + 1
    assert set(got) == set(local)
    for rid, row in local.items():
        assert (got[rid]["status"], got[rid]["text"], got[rid]["source"]) == (row["status"], row["text"], row["source"])
    assert summary.records == len(local) and summary.balanced
    assert summary.counts["error"] == 1 and summary.counts["ok"] == 6 + 3 + 1


def test_task_groups_one_per_warc_and_pages_together(tmp_path: Path) -> None:
    make_warc(tmp_path / "a.warc.gz", 1)
    for i in range(3):
        (tmp_path / f"p{i}.html").write_bytes(page(i))
    groups = task_groups(expand_inputs([str(tmp_path)]))
    assert [[u.kind for u in g] for g in groups] == [["warc"], ["page", "page", "page"]]
