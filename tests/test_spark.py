"""citelint.spark on a real local Spark: its findings are exactly lint_text's.

Runs one SparkSession (``local[2]``, everything on 127.0.0.1, no UI) for the module.
Skipped when pyspark or Java is missing, unless ``CITELINT_REQUIRE_SPARK=1`` (set by
.ci/run after installing them), where a missing Spark fails instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SHARED

import citelint
from citelint.config import ConfigError, from_mapping

REQUIRED = os.environ.get("CITELINT_REQUIRE_SPARK") == "1"
DUMP = SHARED / "corpus" / "dump-sample.xml.bz2"

# A handful of real articles: many codes, fixes, astral characters (A.wiki).
ARTICLES = [
    "A.wiki",
    "Aardvark.wiki",
    "Altimont_Butler.wiki",
    "Assistive_technology.wiki",
    "Brahui_language.wiki",
    "Toronto_Star.wiki",
    "William_White_architect.wiki",
]

ASTRAL = '𝒜 text<ref name="a"/> more\n😀<ref>http://example.com/x</ref> and 🙂 again\n{{reflist}}\n'
HAND_WRITTEN = [
    ASTRAL,
    '<ref name="x"/> <!-- citelint: disable-line REF001 -->\nSee <ref name="y"/>.\n{{reflist}}',
    "Text.<ref>{{cite web |url=http://example.com |title=T |accessdate=2020-01-01"
    " |deadurl=yes |ref=harv}}</ref>\n{{citation needed}}\n{{reflist}}\n",
    'a <ref>x</ref>\r\n<ref name="q"/>\r\nb<ref>{{cite book |title=B\r\n',
    "",
    None,
    ASTRAL,  # the same text on another page: ids must follow their own page
    "No citations at all, nothing to report.\n",
]

PAGE_SCHEMA = (
    "page_id long, page_namespace int, page_title string, revision_id long, revision_text string"
)
ID_COLS = ["page_id", "page_namespace", "page_title", "revision_id"]
CONTRACT = [
    "code",
    "name",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "offset",
    "end_offset",
    "fix",
]


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"CITELINT_REQUIRE_SPARK=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def spark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError:
        _unavailable('pyspark is not installed (pip install -e ".[spark]")')
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and (Path(java_home) / "bin/java").exists()):
        _unavailable("no Java runtime (java not on PATH, no JAVA_HOME)")
    # The Python workers must be this interpreter (the one citelint is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("citelint-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _pages() -> list[tuple]:
    pages = []
    if CORPUS.exists():
        for i, name in enumerate(ARTICLES):
            text = (CORPUS / name).read_text(encoding="utf-8")
            pages.append((1000 + i, 0, name.removesuffix(".wiki"), 5000 + i, text))
    for i, text in enumerate(HAND_WRITTEN):
        pages.append((1 + i, 118 if i % 2 else 0, f"Draft page {i}", 9000 + i, text))
    return pages


def _canonical_fix(fix: str | None):
    return None if fix is None else json.dumps(json.loads(fix), sort_keys=True)


def _expected(pages, config=None, path_at=None) -> Counter:
    """lint_text over the same pages: one tuple per finding, like the DataFrame's rows."""
    rows: Counter = Counter()
    for page in pages:
        text = page[4]
        if text is None:
            continue
        path = page[path_at] if path_at is not None else None
        for f in citelint.lint_text(text, path=path, config=config):
            d = f.to_dict()
            d["fix"] = json.dumps(d["fix"], sort_keys=True) if d["fix"] else None
            rows[(*page[:4], *(d[c] for c in CONTRACT))] += 1
    return rows


def _actual(df) -> Counter:
    rows: Counter = Counter()
    for r in df.collect():
        values = [r[c] for c in ID_COLS + CONTRACT]
        values[-1] = _canonical_fix(values[-1])
        rows[tuple(values)] += 1
    return rows


def _frame(spark, pages, partitions=3):
    return spark.createDataFrame(spark.sparkContext.parallelize(pages, partitions), PAGE_SCHEMA)


def test_findings_equal_lint_text(spark):
    from citelint.spark import lint_dataframe

    pages = _pages()
    out = lint_dataframe(_frame(spark, pages), text_col="revision_text", id_cols=ID_COLS)
    assert out.columns == ID_COLS + CONTRACT
    expected = _expected(pages)
    assert expected, "the pages must have findings"
    assert any(key[-1] is not None for key in expected), "some findings must carry a fix"
    assert _actual(out) == expected


def test_schema_types(spark):
    from pyspark.sql.types import IntegerType, LongType, StringType

    from citelint.spark import lint_dataframe

    out = lint_dataframe(_frame(spark, _pages()[:1]))  # default ids: the wikitext table's
    types = {f.name: f.dataType for f in out.schema.fields}
    assert list(types) == ID_COLS + CONTRACT
    assert types["page_id"] == LongType() and types["page_namespace"] == IntegerType()
    assert all(types[c] == StringType() for c in ("code", "name", "severity", "message", "fix"))
    assert all(types[c] == IntegerType() for c in CONTRACT[4:10])


def test_config_and_selection(spark):
    from citelint.spark import lint_dataframe

    pages = _pages()
    config = {
        "select": ["ALL"],
        "ignore": ["REF018"],
        "rules": {"TAG005": {"date": "March 2025"}},
    }
    out = lint_dataframe(_frame(spark, pages, 2), id_cols=ID_COLS, config=config)
    expected = _expected(pages, config)
    assert "CITE900" in {key[4] for key in expected}  # an off-by-default rule ran
    assert _actual(out) == expected

    # keyword selections replace the mapping's, as command-line options do
    out = lint_dataframe(
        _frame(spark, pages, 2), id_cols=ID_COLS, config=config, select=["REF"], ignore="REF014"
    )
    narrowed = {**config, "select": ["REF"], "ignore": ["REF014"]}
    expected = _expected(pages, narrowed)
    assert expected and {key[4][:3] for key in expected} == {"REF"}
    assert _actual(out) == expected


def test_per_file_ignores_on_a_path_column(spark):
    from citelint.spark import lint_dataframe

    pages = _pages()
    config = {"per-file-ignores": {"Draft page 0": ["REF"], "A*": ["CITE"]}}
    out = lint_dataframe(
        _frame(spark, pages, 1),
        id_cols=ID_COLS,
        config=config,
        path_col="page_title",
        partitions=4,
    )
    assert out.rdd.getNumPartitions() == 4
    expected = _expected(pages, config, path_at=2)
    assert expected != _expected(pages)  # the patterns matter on these pages
    assert _actual(out) == expected


def test_errors_are_raised_on_the_driver(spark):
    from citelint.spark import lint_dataframe

    df = _frame(spark, _pages()[:2])
    with pytest.raises(ConfigError, match="NOPE"):
        lint_dataframe(df, select=["NOPE"])
    with pytest.raises(ConfigError, match="unknown key"):
        lint_dataframe(df, config={"selekt": ["REF"]})
    with pytest.raises(ValueError, match="no column 'text'"):
        lint_dataframe(df, text_col="text")
    with pytest.raises(ValueError, match="not in the DataFrame"):
        lint_dataframe(df, id_cols=["page_id", "rev_id"])
    with pytest.raises(TypeError, match="string column"):
        lint_dataframe(df, text_col="page_id")
    with pytest.raises(ValueError, match="positive integer"):
        lint_dataframe(df, partitions=0)
    clash = df.withColumnRenamed("revision_id", "offset")
    with pytest.raises(ValueError, match="clash"):
        lint_dataframe(clash, id_cols=["page_id", "offset"])


def _example():
    spec = importlib.util.spec_from_file_location("spark_lint", ROOT / "examples/spark_lint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DUMP.exists(), reason=f"{DUMP} not present (../shared)")
def test_example_xml_readers_give_the_corpus_texts():
    """The example's dump reader (citelint.dump's): 106 main-namespace pages that are not
    redirects, 206 pages in all, and the 95 revisions the corpus also holds are the same
    text, byte for byte."""
    import csv

    example = _example()
    pages = list(example.dump_pages(str(DUMP)))
    assert len(pages) == 106 and {p[1] for p in pages} == {0}
    every = list(example.dump_pages(str(DUMP), None, False))
    assert len(every) == 206
    with open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {row["revid"]: row for row in csv.DictReader(fh, delimiter="\t")}
    same = 0
    for _, _, title, revid, text in pages:
        row = manifest.get(str(revid))
        if row:
            path = SHARED / "corpus" / row["file"]
            assert (title, text) == (row["title"], path.read_text(encoding="utf-8"))
            same += 1
    assert same == 95


@pytest.mark.skipif(not DUMP.exists(), reason=f"{DUMP} not present (../shared)")
def test_example_lints_a_dump_into_parquet(spark, tmp_path):
    example = _example()
    out = tmp_path / "findings"
    args = example.parse_args(
        [str(DUMP), str(out), "--select", "REF,TAG", "--batch-size", "40", "--overwrite"]
    )
    counts, errors = example.run(args, spark)
    pages = list(example.dump_pages(str(DUMP)))  # checked against the corpus above
    expected = _expected(pages, {"select": ["REF", "TAG"]})
    written = spark.read.parquet(str(out))
    assert written.where("error IS NOT NULL").count() == 0
    assert _actual(written) == expected
    assert counts == dict(sorted(Counter(key[4] for key in expected.elements()).items()))
    assert errors == 0


def test_example_lints_wikitext_parquet_into_json(spark, tmp_path):
    """Parquet shaped like wmf.mediawiki_wikitext_current: other namespaces and redirects
    are left out by default, the other columns are not carried."""
    example = _example()
    pages = _pages()
    extra = [(*p, "Target" if p[0] == 1 else "", "enwiki") for p in pages]
    schema = PAGE_SCHEMA + ", page_redirect_title string, wiki_db string"
    spark.createDataFrame(extra, schema).write.parquet(str(tmp_path / "in"))
    out = tmp_path / "out"
    argv = [str(tmp_path / "in"), str(out), "--format", "json", "--partitions", "3"]
    example.run(example.parse_args(argv), spark)
    kept = [p for p in pages if p[1] == 0 and p[0] != 1]
    got: Counter = Counter()
    for line in "".join(p.read_text() for p in sorted(out.glob("part-*.json"))).splitlines():
        row = json.loads(line)
        assert row.pop("wiki_db") == "enwiki"
        assert row.pop("error") is None
        row["fix"] = _canonical_fix(row["fix"])  # null fixes are written as null
        got[tuple(row[c] for c in ID_COLS + CONTRACT)] += 1
    assert got == _expected(kept)

    # no page in namespace 5: an empty result, still written and summed up
    argv = [str(tmp_path / "in"), str(tmp_path / "none"), "--format", "json", "--namespace", "5"]
    assert example.run(example.parse_args(argv), spark) == ({}, 0)
    assert (tmp_path / "none" / "_SUCCESS").exists()


def test_partition_builds_rules_once(monkeypatch):
    """Without Spark: the partition function instantiates the rules once for many pages."""
    from citelint import spark as cspark
    from citelint.config import Config

    calls = []
    original = Config.instantiate

    def counting(self, codes):
        calls.append(tuple(codes))
        return original(self, codes)

    monkeypatch.setattr(Config, "instantiate", counting)
    monkeypatch.setattr(cspark, "_WORKER_RULES", {})
    pages = [(i, 0, f"P{i}", i, text) for i, text in enumerate(HAND_WRITTEN)]
    plan = cspark._Plan(4, 4, None, from_mapping({}), tuple(ID_COLS))
    rows = list(cspark._lint_partition(plan, iter([(*p[:4], p[4]) for p in pages])))
    assert len(calls) == 1
    assert len(rows) == sum(_expected(pages).values())
    # the next partitions of this worker (a plan unpickled anew each time) reuse them
    calls.clear()  # lint_text above built its own
    again = pickle.loads(pickle.dumps(plan))
    assert list(cspark._lint_partition(again, iter([(*p[:4], p[4]) for p in pages]))) == rows
    assert calls == []
    other = cspark._Plan(4, 4, None, from_mapping({"select": ["REF"]}), tuple(ID_COLS))
    list(cspark._lint_partition(other, iter([])))
    list(cspark._lint_partition(other, iter([(*pages[0][:4], pages[0][4])])))
    assert len(calls) == 1 and all(c.startswith("REF") for c in calls[0])


def test_report_mode_adds_an_error_column(spark):
    from pyspark.sql.types import StringType

    from citelint.spark import lint_dataframe

    pages = _pages()
    out = lint_dataframe(_frame(spark, pages), id_cols=ID_COLS, on_error="report")
    assert out.columns == [*ID_COLS, *CONTRACT, "error"]
    assert out.schema["error"].dataType == StringType() and out.schema["code"].nullable
    assert out.where("error IS NOT NULL").count() == 0  # nothing crashes on these pages
    assert _actual(out.drop("error")) == _expected(pages)
    with pytest.raises(ValueError, match="on_error"):
        lint_dataframe(_frame(spark, pages), on_error="skip")
    renamed = _frame(spark, pages).withColumnRenamed("revision_id", "error")
    with pytest.raises(ValueError, match="clash"):
        lint_dataframe(renamed, id_cols=["page_id", "error"], on_error="report")
    assert "error" in lint_dataframe(renamed, id_cols=["page_id", "error"]).columns


def test_partition_on_a_page_that_cannot_be_linted(monkeypatch):
    """Without Spark: a crash names the page ('raise') or becomes an error row ('report')
    and the other pages of the partition are still linted."""
    from citelint import runner
    from citelint import spark as cspark

    real = runner.lint_document

    def flaky(doc, config=None, rules=None, index=None):
        if doc.text == "CRASH":
            raise runner.RuleCrash("rule X crashed on <text>: boom")
        if doc.text == "DEEP":
            raise RecursionError
        return real(doc, config, rules, index)

    monkeypatch.setattr(runner, "lint_document", flaky)
    rows = [(1, "A", ASTRAL), (2, "B", "CRASH"), (3, "C", "DEEP"), (4, "D", ASTRAL)]
    plan = cspark._Plan(2, 2, None, from_mapping({}), ("page_id", "page_title"))
    with pytest.raises(RuntimeError, match=r"page_id=2, page_title='B'.*boom"):
        list(cspark._lint_partition(plan, iter(rows)))
    report = cspark._Plan(2, 2, None, from_mapping({}), ("page_id", "page_title"), True)
    out = list(cspark._lint_partition(report, iter(rows)))
    per_page = len(citelint.lint_text(ASTRAL))
    assert [r[0] for r in out] == [1] * per_page + [2, 3] + [4] * per_page
    errors = {r[0]: r[-1] for r in out if r[-1] is not None}
    assert errors == {
        2: "internal error: rule X crashed on <text>: boom",
        3: "nesting too deep to parse",
    }
    assert all(r[2:-1] == (None,) * len(CONTRACT) for r in out if r[0] in (2, 3))
    assert all(len(r) == 2 + len(CONTRACT) + 1 for r in out)


def test_import_citelint_does_not_import_pyspark():
    code = (
        "import sys, citelint, citelint.spark; citelint.lint_text('<ref name=\"a\"/>');"
        "assert 'pyspark' not in sys.modules and 'py4j' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


CONNECT_SCRIPT = """
import json, sys
from pyspark.sql import SparkSession
from citelint.spark import lint_dataframe

spark = SparkSession.builder.remote("local[2]").getOrCreate()
pages = [tuple(p) for p in json.load(open(sys.argv[1], encoding="utf-8"))]
schema = sys.argv[2]
frame = spark.createDataFrame(pages, schema)
print(type(frame).__module__)
out = lint_dataframe(frame, id_cols=sys.argv[3].split(","), config={"extend-select": ["REF018"]},
                     partitions=3)
print(json.dumps(out.columns))
for row in out.collect():
    print(json.dumps(row.asDict(), ensure_ascii=False))
spark.stop()
"""


def test_spark_connect_session_uses_arrow_batches(tmp_path):
    """A Spark Connect session has no RDDs: lint_dataframe goes through mapInArrow and gives
    the very rows lint_text gives. (In a new interpreter: a Connect session starts its own
    local server, which cannot share this process's classic SparkContext.)"""
    if importlib.util.find_spec("pyspark") is None:
        _unavailable("pyspark is not installed")
    for module in ("pyarrow", "pandas", "grpc"):
        if importlib.util.find_spec(module) is None:
            _unavailable(f'Spark Connect needs {module} (pip install -e ".[spark-connect]")')
    pages = _pages()
    data = tmp_path / "pages.json"
    data.write_text(json.dumps(pages), encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    done = subprocess.run(
        [sys.executable, "-c", CONNECT_SCRIPT, str(data), PAGE_SCHEMA, ",".join(ID_COLS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    module, columns, *rows = done.stdout.splitlines()
    assert module.startswith("pyspark.sql.connect.")
    assert json.loads(columns) == ID_COLS + CONTRACT
    got: Counter = Counter()
    for line in rows:
        r = json.loads(line)
        values = [r[c] for c in ID_COLS + CONTRACT]
        values[-1] = _canonical_fix(values[-1])
        got[tuple(values)] += 1
    expected = _expected(pages, config={"extend-select": ["REF018"]})
    assert expected and got == expected
