"""Lint Wikipedia pages with Spark and write the findings as Parquet or JSON.

    spark-submit examples/spark_lint.py INPUT OUTPUT [options]

INPUT is either

* Parquet with the schema of Wikimedia's wikitext tables (``page_id``,
  ``page_namespace``, ``page_title``, ``revision_id``, ``revision_text``; the
  ``wmf.mediawiki_wikitext_current`` table's files, or any Parquet with those columns), or
* a MediaWiki XML dump (``*.xml``, ``*.xml.bz2``, ``*.xml.gz``, ``*.xml.xz``, e.g.
  ``enwiki-…-pages-articles.xml.bz2``): its pages are streamed on the driver
  (``citelint dump``'s reader, which skips a malformed page instead of stopping),
  ``--batch-size`` pages at a time, and each batch is linted by the cluster and appended
  to OUTPUT. Driver memory stays bounded whatever the size of the dump.

OUTPUT gets one row per finding: the page's ids, then code, name, severity, message, line,
column, end_line, end_column, offset, end_offset, fix (JSON) and error, as
``citelint.spark.lint_dataframe(..., on_error="report")`` returns them: a page citelint
cannot lint is one row with ``error`` set instead of failing the job (``--on-error raise``
to fail). A count per rule is printed at the end.

Options: ``--format parquet|json``, ``--namespace 0`` (repeatable; ``--all-namespaces``),
``--include-redirects``, ``--select``/``--extend-select``/``--ignore`` (comma-separated
codes, prefixes or names), ``--config citelint.toml``, ``--partitions N``, ``--overwrite``. Run with plain
``python`` it starts a ``local[*]`` Spark (``--master`` to choose another).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from citelint.config import load_file
from citelint.dump import BadPage, iter_pages, open_dump
from citelint.spark import lint_dataframe

#: The page columns this script reads and writes (Wikimedia's names).
PAGE_SCHEMA = (
    "page_id long, page_namespace int, page_title string, revision_id long, revision_text string"
)
ID_COLS = ["page_id", "page_namespace", "page_title", "revision_id"]


def dump_pages(
    path: str, namespaces: Iterable[int] | None = (0,), skip_redirects: bool = True
) -> Iterator[tuple[int | None, int, str, int | None, str | None]]:
    """Stream ``(page_id, page_namespace, page_title, revision_id, revision_text)`` from a
    MediaWiki XML dump with ``citelint dump``'s page reader (``citelint.dump``: each page
    parsed on its own, so a malformed or oversize page is skipped with a note on stderr
    instead of ending the run), without holding the dump in memory."""
    data, raw = open_dump(path)
    wanted = None if namespaces is None else set(namespaces)
    try:
        for page in iter_pages(data, namespaces=wanted, skip_redirects=skip_redirects):
            if isinstance(page, BadPage):
                print(f"skipped page {page.id} {page.title!r}: {page.reason}", file=sys.stderr)
                continue
            yield page.id, page.ns, page.title, page.revision_id, page.text
    finally:
        data.close()
        raw.close()


def _batches(rows: Iterator, size: int) -> Iterator[list]:
    while True:
        batch = list(itertools.islice(rows, size))
        if not batch:
            return
        yield batch


def _csv(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="Parquet (wikitext table schema) or an XML dump (.xml, .xml.bz2)")
    p.add_argument("output", help="folder to write the findings to")
    p.add_argument("--format", choices=("parquet", "json"), default="parquet")
    p.add_argument("--namespace", type=int, action="append", help="namespace(s); default 0")
    p.add_argument("--all-namespaces", action="store_true")
    p.add_argument("--include-redirects", action="store_true")
    p.add_argument("--select", action="append")
    p.add_argument("--extend-select", action="append")
    p.add_argument("--ignore", action="append")
    p.add_argument("--config", help="citelint.toml or pyproject.toml with [tool.citelint]")
    p.add_argument("--batch-size", type=int, default=20000, help="XML pages per Spark job")
    p.add_argument(
        "--partitions",
        type=int,
        help="Parquet: repartition the pages into this many partitions before linting; "
        "XML: partitions per batch (default: Spark's default parallelism)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--master", help="Spark master when run without spark-submit")
    p.add_argument(
        "--on-error",
        choices=("report", "raise"),
        default="report",
        help="a page citelint cannot lint: a row with an 'error' column (default), or fail",
    )
    return p.parse_args(argv)


def _write(findings, mode: str, args: argparse.Namespace) -> None:
    writer = findings.write.mode(mode).format(args.format)
    if args.format == "json":
        writer = writer.option("ignoreNullFields", "false")  # "fix": null, as in the contract
    writer.save(args.output)


def run(args: argparse.Namespace, spark) -> tuple[dict[str, int], int]:
    """Lint ``args.input`` into ``args.output``; return the number of findings per code
    and the number of pages that could not be linted."""
    from pyspark.sql import functions as F

    namespaces = None if args.all_namespaces else (args.namespace or [0])
    options = {
        "config": load_file(Path(args.config)) if args.config else None,
        "select": _csv(args.select),
        "extend_select": _csv(args.extend_select),
        "ignore": _csv(args.ignore),
        "on_error": args.on_error,
    }
    first_mode = "overwrite" if args.overwrite else "errorifexists"
    is_xml = any(args.input.endswith(s) for s in (".xml", ".xml.bz2", ".xml.gz", ".xml.xz"))
    if is_xml:
        pages = dump_pages(args.input, namespaces, not args.include_redirects)
        slices = args.partitions or spark.sparkContext.defaultParallelism
        mode = first_mode
        for batch in _batches(pages, args.batch_size):
            rdd = spark.sparkContext.parallelize(batch, min(slices, len(batch)))
            df = spark.createDataFrame(rdd, PAGE_SCHEMA)
            findings = lint_dataframe(df, "revision_text", ID_COLS, **options)
            _write(findings, mode, args)
            mode = "append"
        if mode == first_mode:  # no page at all: still write an empty result
            empty = spark.createDataFrame([], PAGE_SCHEMA)
            _write(lint_dataframe(empty, "revision_text", ID_COLS, **options), mode, args)
    else:
        df = spark.read.parquet(args.input)
        if namespaces is not None and "page_namespace" in df.columns:
            df = df.where(F.col("page_namespace").isin(list(namespaces)))
        if not args.include_redirects and "page_redirect_title" in df.columns:
            df = df.where(F.coalesce(F.col("page_redirect_title"), F.lit("")) == "")
        ids = [c for c in ("wiki_db", *ID_COLS) if c in df.columns]
        findings = lint_dataframe(df, "revision_text", ids, **options, partitions=args.partitions)
        _write(findings, first_mode, args)

    written = spark.read.format(args.format).load(args.output)
    if "code" not in written.columns:  # JSON with no finding at all: no schema to read
        return {}, 0
    counts = written.where("code IS NOT NULL").groupBy("code").count().orderBy("code")
    errors = written.where("error IS NOT NULL").count() if "error" in written.columns else 0
    return {row["code"]: row["count"] for row in counts.collect()}, errors


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("citelint")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        counts, errors = run(args, spark)
    finally:
        spark.stop()
    for code, n in counts.items():
        print(f"{code}\t{n}")
    print(f"{sum(counts.values())} findings written to {args.output} ({args.format})")
    if errors:
        print(f"{errors} page(s) could not be linted: their rows have 'error' set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
