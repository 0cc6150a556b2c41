"""The Spark engine: the same records and rows as the local engine, one task per input file.

    newsmill run @warc.paths --prefix https://data.commoncrawl.org/ --engine spark \\
        --format parquet -o s3a://bucket/newsmill/

or, on a cluster, ``spark-submit $(python -c 'import newsmill.corpus.spark as m;
print(m.__file__)') INPUT... -o OUT`` (see docs/corpus.md). Every executor needs newsmill
installed with its ``warc`` extra. Each task reads one file (remote files are downloaded to
the executor's temporary directory first), extracts each record with the per-page limits in
force (the time limit works there: a Python worker runs tasks in its main thread) and yields
its rows; Spark writes them as Parquet with the schema of ``schema.arrow_schema``.
Spark retries failed tasks itself; there is no ``--resume`` for this engine.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .guards import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S
from .inputs import Unit, expand_inputs, iter_unit
from .manifest import write_atomic
from .records import process_record, reason_code
from .schema import COLUMNS, arrow_schema


def spark_schema() -> Any:
    """The Spark StructType of a row, converted from the Arrow schema (one source of truth)."""
    import pyarrow as pa
    from pyspark.sql import types as T

    def conv(t: Any) -> Any:
        if pa.types.is_string(t):
            return T.StringType()
        if pa.types.is_int32(t):
            return T.IntegerType()
        if pa.types.is_int64(t):
            return T.LongType()
        if pa.types.is_float64(t):
            return T.DoubleType()
        if pa.types.is_boolean(t):
            return T.BooleanType()
        if pa.types.is_map(t):
            return T.MapType(conv(t.key_type), conv(t.item_type), True)
        if pa.types.is_list(t):
            return T.ArrayType(conv(t.value_type), True)
        if pa.types.is_struct(t):
            return T.StructType([T.StructField(f.name, conv(f.type), f.nullable) for f in t])
        raise TypeError(f"no Spark type for {t}")

    return T.StructType([T.StructField(f.name, conv(f.type), f.nullable) for f in arrow_schema()])


_PAGES_PER_TASK = 500


def unit_rows(units: list[Unit], options: dict[str, Any]) -> Iterator[tuple]:
    """The rows of some input units as tuples in column order: the function each task runs."""
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    for unit in units:
        for rec in iter_unit(unit, max_bytes=max_bytes):
            row = process_record(rec, **options)
            yield tuple(row[c] for c in COLUMNS)


def task_groups(units: list[Unit]) -> list[list[Unit]]:
    """One task per WARC file; single pages in tasks of up to ``_PAGES_PER_TASK``, in order."""
    groups: list[list[Unit]] = []
    for u in units:
        if u.kind == "warc" or not groups or groups[-1][0].kind == "warc" or len(groups[-1]) >= _PAGES_PER_TASK:
            groups.append([u])
        else:
            groups[-1].append(u)
    return groups


def _session(master: str | None, app: str = "newsmill") -> Any:
    from pyspark.sql import SparkSession

    # Executors in local mode run this interpreter, with newsmill on its path.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:  # else spark-submit's master, or local[*] when run from plain Python
        builder = builder.master(master)
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(
    inputs: list[str],
    out: str,
    *,
    master: str | None = None,
    prefix: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    overwrite: bool = False,
    omit_skipped: bool = False,
    extract: dict[str, Any] | None = None,
    spark: Any = None,
) -> Any:
    """Run the pipeline on Spark, one task per input file; returns a runner ``Summary``."""
    import time

    from .runner import Summary

    if omit_skipped:
        raise InputError("--omit-skipped is for the local engine; the Spark engine writes every row")
    units = expand_inputs(inputs, prefix=prefix)
    if not units:
        raise InputError("no input files")
    options = {"max_bytes": max_bytes, "timeout_s": timeout_s, **(extract or {})}
    own = spark is None
    # PySpark warns about the pandas version even though this path does not use pandas.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    spark = spark or _session(master)
    start = time.monotonic()
    try:
        sc = spark.sparkContext
        groups = task_groups(units)
        rdd = sc.parallelize(groups, numSlices=len(groups)).flatMap(lambda g: unit_rows(g, options))
        df = spark.createDataFrame(rdd, schema=spark_schema(), verifySchema=False)
        (
            df.write.mode("overwrite" if overwrite else "errorifexists")
            .option("compression", "zstd")
            .parquet(out)
        )
        # Count from what was written: one cheap pass over two columns.
        stats = spark.read.parquet(out).groupBy("status", "reason").count().collect()
    finally:
        if own:
            spark.stop()
    summary = Summary()
    counts: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = {}
    for r in stats:
        counts[r["status"]] += r["count"]
        if r["status"] != "ok":
            reasons.setdefault(r["status"], Counter())[reason_code(r["reason"])] += r["count"]
    summary.add(counts, reasons)
    summary.rows_written = summary.session_records = summary.records
    summary.session_pages = counts["ok"] + counts["error"]
    summary.elapsed_s = time.monotonic() - start
    summary.complete = True
    if "://" not in out or out.startswith("file://"):
        import orjson

        local = out[len("file://") :] if out.startswith("file://") else out
        write_atomic(os.path.join(local, "_summary.json"), orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2))
    return summary


def main(argv: list[str] | None = None) -> int:
    """``spark-submit .../newsmill/corpus/spark.py INPUT... -o OUT``: the run command, on Spark."""
    from ..cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    return cli_main(["run", *args, "--engine", "spark", "--format", "parquet"])


if __name__ == "__main__":
    sys.exit(main())
