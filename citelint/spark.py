"""Lint a Spark DataFrame of wikitext pages into a DataFrame of findings.

::

    from citelint.spark import lint_dataframe

    pages = spark.read.parquet(".../mediawiki_wikitext_current/snapshot=…/wiki_db=enwiki")
    findings = lint_dataframe(
        pages.where("page_namespace = 0"),
        text_col="revision_text",
        id_cols=["page_id", "page_title", "revision_id"],
        config={"select": ["REF", "CITE"]},
    )
    findings.write.parquet("citelint-findings")

One output row per finding: the id columns (same names and types as in the input), then
the columns of the JSON output contract (DESIGN.md): ``code``, ``name``, ``severity``,
``message``, ``line``, ``column``, ``end_line``, ``end_column``, ``offset``,
``end_offset`` and ``fix`` (the fix as a JSON string, ``null`` when the rule offers none;
``from_json(fix, ...)`` or ``get_json_object`` read it). A page with no finding, or with a
null text, has no row.

On a classic session the work is a plain ``rdd.mapPartitions``: no pandas or pyarrow,
pyspark 3.5 or 4.x. A Spark Connect session (``SparkSession.builder.remote(…)``, Spark 4,
Databricks serverless) has no RDDs: there the same partition function runs through
``mapInArrow`` (``pip install "pyspark[connect]"`` brings pyarrow). The configuration is
validated on the driver (a typo fails before any job runs), and the rules are built once
per Python worker, not per page. Every executor needs citelint installed (the same
version as the driver, with the same rule plugins).

pyspark is imported only when these functions are called: ``import citelint`` and
``import citelint.spark`` work without it (``pip install "citelint[spark]"`` brings it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from citelint.config import Config, from_mapping

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["FINDING_COLUMNS", "WIKITEXT_ID_COLUMNS", "findings_schema", "lint_dataframe"]

#: The finding columns of the output, in order, with their Spark SQL types.
FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "string"),
    ("name", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("line", "int"),
    ("column", "int"),
    ("end_line", "int"),
    ("end_column", "int"),
    ("offset", "int"),
    ("end_offset", "int"),
    ("fix", "string"),
)

#: Id columns of Wikimedia's wikitext tables (``wmf.mediawiki_wikitext_current``,
#: ``…_history``) carried over when ``id_cols`` is not given and the input has them.
WIKITEXT_ID_COLUMNS: tuple[str, ...] = (
    "wiki_db",
    "page_id",
    "page_namespace",
    "page_title",
    "revision_id",
)


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised only without pyspark
        raise ImportError('citelint.spark needs pyspark: pip install "citelint[spark]"') from exc


def findings_schema(id_fields: Sequence[Any] = (), error_column: bool = False) -> StructType:
    """The output schema: ``id_fields`` (Spark ``StructField`` objects) then the finding
    columns, and a string column ``error`` when ``error_column`` (``on_error="report"``;
    then every finding column may be null: on the rows of the pages that failed)."""
    _require_pyspark()
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    types = {"string": StringType(), "int": IntegerType()}
    fields = list(id_fields)
    for name, kind in FINDING_COLUMNS:
        nullable = error_column or name == "fix"
        fields.append(StructField(name, types[kind], nullable))
    if error_column:
        fields.append(StructField("error", StringType(), True))
    return StructType(fields)


def _config(
    config: Config | dict | None,
    select: Iterable[str] | None,
    extend_select: Iterable[str] | None,
    ignore: Iterable[str] | None,
) -> Config:
    """The run's configuration, validated here on the driver. The keyword selections
    replace the mapping's (as command-line options replace a config file's)."""
    if isinstance(config, dict):
        config = from_mapping(config, "<lint_dataframe config>")
    elif config is None:
        config = Config()
    elif not isinstance(config, Config):
        raise TypeError(f"config must be a mapping or a citelint Config, not {type(config)}")
    overrides: dict[str, Any] = {}
    for key, value in (("select", select), ("extend_select", extend_select), ("ignore", ignore)):
        if value is not None:
            if isinstance(value, str):
                value = [value]
            overrides[key] = [str(v) for v in value]
    if overrides:
        # Validate the keyword selectors through the same path as a config file.
        mapping = {k.replace("_", "-"): v for k, v in overrides.items()}
        from_mapping(mapping, "<lint_dataframe selection>")
        config = config.with_overrides(**overrides)
    config.enabled_codes()  # unknown selectors fail now, on the driver
    return config


@dataclass(frozen=True)
class _Plan:
    """What each partition needs: positions of the columns in the selected rows and the
    configuration. Small and picklable."""

    n_ids: int
    text_at: int
    path_at: int | None
    config: Config
    id_names: tuple[str, ...]
    report_errors: bool = False


#: Rules built in this Python worker, by configuration and codes. Spark reuses its Python
#: workers for many partitions (``spark.python.worker.reuse``), and building the rules
#: costs as much as linting a dozen pages.
_WORKER_RULES: dict[tuple[bytes, tuple[str, ...]], list] = {}


def _lint_partition(plan: _Plan, rows: Iterator[Any]) -> Iterator[tuple]:
    """Lint the pages of one partition with rules built once per worker process."""
    import pickle

    from citelint.document import Document
    from citelint.runner import failure_reason, lint_document

    config = plan.config
    key = pickle.dumps(config)
    per_path = bool(config.per_file_ignores) and plan.path_at is not None
    default_codes = tuple(config.enabled_codes())
    for row in rows:
        text = row[plan.text_at]
        if text is None:
            continue
        path = row[plan.path_at] if plan.path_at is not None else None
        if path is not None:
            path = str(path)
        codes = tuple(config.enabled_codes(path)) if per_path else default_codes
        rules = _WORKER_RULES.get((key, codes))
        if rules is None:
            rules = _WORKER_RULES[(key, codes)] = config.instantiate(list(codes))
        ids = tuple(row[: plan.n_ids])
        try:
            findings = lint_document(Document(text=text, path=path), config, rules)
        except RecursionError as exc:
            if not plan.report_errors:
                raise RuntimeError(f"{_page(plan, ids)}: {failure_reason(exc)}") from None
            yield (*ids, *_NO_FINDING, failure_reason(exc))
            continue
        except Exception as exc:
            if not plan.report_errors:
                raise RuntimeError(f"citelint failed on {_page(plan, ids)}: {exc}") from exc
            yield (*ids, *_NO_FINDING, failure_reason(exc))
            continue
        tail = (None,) if plan.report_errors else ()
        for f in findings:
            yield (
                *ids,
                f.code,
                f.name,
                str(f.severity),
                f.message,
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                f.offset,
                f.end_offset,
                json.dumps(f.fix.to_dict(), ensure_ascii=False) if f.fix else None,
                *tail,
            )


_NO_FINDING = (None,) * len(FINDING_COLUMNS)


def _page(plan: _Plan, ids: tuple) -> str:
    names = ", ".join(f"{n}={v!r}" for n, v in zip(plan.id_names, ids, strict=True))
    return f"the page with {names}" if names else "a page"


def lint_dataframe(
    df: DataFrame,
    text_col: str = "revision_text",
    id_cols: Sequence[str] | None = None,
    config: Config | dict | None = None,
    *,
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    path_col: str | None = None,
    partitions: int | None = None,
    on_error: str = "raise",
) -> DataFrame:
    """Lint every page of ``df`` and return its findings, one row per finding.

    ``text_col`` holds the wikitext (a string column; null texts are skipped).
    ``id_cols`` are carried over to each finding row unchanged; by default the columns of
    Wikimedia's wikitext tables that ``df`` has (``wiki_db``, ``page_id``,
    ``page_namespace``, ``page_title``, ``revision_id``). ``config`` is the mapping that
    :func:`citelint.lint_text` takes (shaped like ``[tool.citelint]``) or a
    :class:`citelint.config.Config`; ``select``, ``extend_select`` and ``ignore``
    replace its selection, as the command-line options do. ``path_col`` names a column
    used as each page's path, for ``per-file-ignores`` patterns (say, the title).
    ``partitions`` repartitions the pages (round robin, a shuffle of the texts) before
    linting: Spark splits files by bytes (128 MB by default), and linting costs about a
    CPU-second per megabyte of wikitext, so a few big splits can leave cores idle.
    ``on_error``: with ``"raise"`` a page that citelint cannot lint (a rule crashed,
    nesting too deep for the parser) fails its task, naming the page's ids; with
    ``"report"`` it gives one row with its ids, null finding columns and the reason in an
    extra ``error`` column (null on the rows of findings), and the job goes on, as
    ``citelint dump`` skips and reports such pages.

    The result for a page is exactly ``citelint.lint_text(text, path, config)``. Nothing
    runs until an action (``write``, ``count``…) is called on the result.
    """
    _require_pyspark()
    from pyspark.sql.types import StringType

    columns = list(df.columns)
    if text_col not in columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {columns})")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise TypeError(
            f"column {text_col!r} must be a string column, not {df.schema[text_col].dataType}"
        )
    if id_cols is None:
        ids = [c for c in WIKITEXT_ID_COLUMNS if c in columns]
    elif isinstance(id_cols, str):
        ids = [id_cols]
    else:
        ids = list(id_cols)
    missing = [c for c in ids if c not in columns]
    if missing:
        raise ValueError(f"id column(s) {missing} not in the DataFrame (columns: {columns})")
    if len(set(ids)) != len(ids):
        raise ValueError(f"id columns repeat a name: {ids}")
    reserved = {name for name, _ in FINDING_COLUMNS} | (
        {"error"} if on_error == "report" else set()
    )
    clash = sorted(set(ids) & reserved)
    if clash:
        raise ValueError(
            f"id column(s) {clash} would clash with the finding columns; rename them first"
        )
    if path_col is not None and path_col not in columns:
        raise ValueError(f"no column {path_col!r} in the DataFrame (columns: {columns})")
    if partitions is not None and (not isinstance(partitions, int) or partitions < 1):
        raise ValueError(f"partitions must be a positive integer, not {partitions!r}")
    if on_error not in ("raise", "report"):
        raise ValueError(f"on_error must be 'raise' or 'report', not {on_error!r}")
    cfg = _config(config, select, extend_select, ignore)

    selected = [*ids, text_col] + ([path_col] if path_col is not None else [])
    plan = _Plan(
        n_ids=len(ids),
        text_at=len(ids),
        path_at=len(ids) + 1 if path_col is not None else None,
        config=cfg,
        id_names=tuple(ids),
        report_errors=on_error == "report",
    )
    schema = findings_schema([df.schema[c] for c in ids], on_error == "report")
    pages = df.select(*selected)
    if partitions is not None:
        pages = pages.repartition(partitions)
    if _is_connect(df):  # Spark Connect has no RDDs: Arrow batches in and out
        return pages.mapInArrow(_ArrowPartition(plan, schema), schema)
    rdd = pages.rdd.mapPartitions(
        lambda rows: _lint_partition(plan, rows), preservesPartitioning=False
    )
    return df.sparkSession.createDataFrame(rdd, schema, verifySchema=False)


def _is_connect(df: Any) -> bool:
    """A DataFrame of a Spark Connect session (``SparkSession.builder.remote(…)``)."""
    return type(df).__module__.startswith("pyspark.sql.connect.")


class _ArrowPartition:
    """``mapInArrow``'s function: the same partition linting, on Arrow record batches.
    (A picklable object, not a closure: Spark ships it to the executors.)"""

    #: findings per output batch: bounded memory whatever the partition's size
    BATCH = 4096

    def __init__(self, plan: _Plan, schema: StructType) -> None:
        self.plan = plan
        self.schema = schema

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa
        from pyspark.sql.pandas.types import to_arrow_schema

        arrow_schema = to_arrow_schema(self.schema)
        names = arrow_schema.names

        def rows() -> Iterator[tuple]:
            for batch in batches:
                yield from zip(*(column.to_pylist() for column in batch.columns), strict=True)

        out: list[dict[str, Any]] = []
        for row in _lint_partition(self.plan, rows()):
            out.append(dict(zip(names, row, strict=True)))
            if len(out) >= self.BATCH:
                yield pa.RecordBatch.from_pylist(out, schema=arrow_schema)
                out = []
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=arrow_schema)
