"""Spark throughput of citelint.spark.lint_dataframe beside a single process, same run.

    python bench/bench_spark.py [CORPUS_DIR] [--rounds N] [--master local[2]] [--partitions P]

The corpus articles are written once to a Parquet file with the schema of Wikimedia's
wikitext tables. Each round then times, alternating so that machine noise hits both:

* single process: ``citelint.lint_text`` over every text, one after the other;
* Spark: read that Parquet, ``lint_dataframe(pages, partitions=16)`` (default rules;
  Spark alone would read the 10 MB in 2 splits), write the findings as Parquet — the whole job, as a cluster would run it (Spark itself is started before).

Prints pages/s and MB/s (UTF-8 megabytes of wikitext) per round, as medians and for the
best round of each side, with the 1-minute load average after each round (on a shared
machine other work takes cores from Spark's two workers), and checks that both sides
found the same number of findings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import citelint
from citelint.spark import lint_dataframe

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"
SCHEMA = (
    "page_id long, page_namespace int, page_title string, revision_id long, revision_text string"
)


def single_process(texts: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = sum(len(citelint.lint_text(text)) for text in texts)
    return time.perf_counter() - t0, n


def spark_job(spark, source: str, target: str, partitions: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    pages = spark.read.parquet(source)
    lint_dataframe(pages, partitions=partitions).write.mode("overwrite").parquet(target)
    elapsed = time.perf_counter() - t0
    return elapsed, spark.read.parquet(target).count()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="?", default=str(DEFAULT))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--master", default="local[2]")
    p.add_argument("--partitions", type=int, default=16, help="lint_dataframe(partitions=)")
    args = p.parse_args()

    files = sorted(Path(args.corpus).glob("*.wiki"))
    if not files:
        sys.exit(f"no *.wiki files in {args.corpus}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("citelint-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    work = Path(tempfile.mkdtemp(prefix="citelint-bench-spark-"))
    try:
        rows = [
            (i + 1, 0, f.stem, i + 1, t) for i, (f, t) in enumerate(zip(files, texts, strict=True))
        ]
        source, target = str(work / "pages.parquet"), str(work / "findings.parquet")
        spark.createDataFrame(rows, SCHEMA).write.parquet(source)
        # warm-up: Python workers, JIT, file listing
        spark_job(spark, source, target, args.partitions)

        print(
            f"{len(texts)} pages, {megabytes:.1f} MB of wikitext; Spark {spark.version} "
            f"{args.master}, {args.partitions} partitions; {os.cpu_count()} CPUs"
        )
        print(
            "| round | single process | pages/s | MB/s | Spark | pages/s | MB/s | speed-up "
            "| load avg |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        singles, sparks = [], []
        for r in range(1, args.rounds + 1):
            s_time, s_n = single_process(texts)
            k_time, k_n = spark_job(spark, source, target, args.partitions)
            if s_n != k_n:
                sys.exit(f"round {r}: single process found {s_n} findings, Spark {k_n}")
            singles.append(s_time)
            sparks.append(k_time)
            load = os.getloadavg()[0]
            print(_row(str(r), s_time, k_time, len(texts), megabytes) + f" {load:.1f} |")
        print(
            _row(
                "**median**",
                statistics.median(singles),
                statistics.median(sparks),
                len(texts),
                megabytes,
            )
            + " |"
        )
        print(_row("best", min(singles), min(sparks), len(texts), megabytes) + " |")
        print(f"findings: {s_n} on both sides")
    finally:
        spark.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _row(label: str, single: float, spark: float, pages: int, mb: float) -> str:
    return (
        f"| {label} | {single:.2f} s | {pages / single:.0f} | {mb / single:.2f} "
        f"| {spark:.2f} s | {pages / spark:.0f} | {mb / spark:.2f} | {single / spark:.2f}× |"
    )


if __name__ == "__main__":
    sys.exit(main())
