"""``citelint dump``: MediaWiki XML dumps streamed page by page, linted on worker processes.

Small dumps are built here (plain, gzip, bzip2, multistream bzip2); the real excerpt in
../shared/corpus is compared page for page with lint_text on texts read by an independent
SAX reader.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import signal
import subprocess
import sys
import xml.sax
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest

import citelint
from citelint.config import Config

SAMPLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dump-sample.xml.bz2"

HEAD = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="0.11" xml:lang="en">\n'
    "  <siteinfo>\n    <sitename>Testwiki</sitename>\n    <dbname>testwiki</dbname>\n"
    "  </siteinfo>\n"
)
TAIL = "</mediawiki>\n"
BAD = 'Hi.<ref name="x"/>\n'  # REF001 with --select REF001
CLEAN = "Plain text.\n"


def page(pid: int, title: str, text: str, ns: int = 0, redirect: str | None = None) -> str:
    red = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{pid}</id>\n"
        f"{red}    <revision>\n      <id>{pid * 100}</id>\n      <parentid>1</parentid>\n"
        f"      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
        f"      <contributor>\n        <username>X</username>\n        <id>7</id>\n"
        f"      </contributor>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        f'      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>\n'
        f"      <sha1>x</sha1>\n    </revision>\n  </page>\n"
    )


def dump_xml(*pages: str) -> str:
    return HEAD + "".join(pages) + TAIL


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "citelint", "dump", "--isolated", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )


def concise(pid: int, title: str) -> str:
    return f'{title}:1:4: REF001 The named ref "x" is used but never defined\n'


def jsonl(pid: int, title: str) -> dict:
    return {
        "page_id": pid,
        "title": title,
        "revision_id": pid * 100,
        "code": "REF001",
        "name": "undefined-named-ref",
        "severity": "error",
        "message": 'The named ref "x" is used but never defined',
        "line": 1,
        "column": 4,
        "end_line": 1,
        "end_column": 19,
        "offset": 3,
        "end_offset": 18,
        "fix": None,
    }


SUMMARY_1 = "       1  REF001   undefined-named-ref\n"


def test_jsonl_rows_and_summary(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_text(dump_xml(page(1, "A & B", BAD), page(2, "Clean", CLEAN)))
    r = run("--jobs", "1", "--select", "REF001", str(path))
    assert r.returncode == 1
    assert [json.loads(line) for line in r.stdout.decode().splitlines()] == [jsonl(1, "A & B")]
    assert r.stderr.decode() == (SUMMARY_1 + "Linted 2 pages (0.0 MB of wikitext): 1 finding.\n")


def test_namespace_filter(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_text(
        dump_xml(
            page(1, "Article", BAD),
            page(2, "Wikipedia:About", BAD, ns=4),
            page(3, "Draft:New", BAD, ns=118),
        )
    )
    base = ["--jobs", "1", "--select", "REF001", "-f", "concise", "-q"]
    assert run(*base, str(path)).stdout.decode() == concise(1, "Article")
    assert run(*base, "--namespace", "4,118", str(path)).stdout.decode() == (
        concise(2, "Wikipedia:About") + concise(3, "Draft:New")
    )
    assert run(*base, "--namespace", "118", "--namespace", "0", str(path)).stdout.decode() == (
        concise(1, "Article") + concise(3, "Draft:New")
    )
    assert run(*base, "--namespace", "all", str(path)).stdout.decode() == (
        concise(1, "Article") + concise(2, "Wikipedia:About") + concise(3, "Draft:New")
    )
    r = run(*base, "--namespace", "main", str(path))
    assert r.returncode == 2
    assert "'main' is not a namespace number (or 'all')" in r.stderr.decode()
    r = run("--jobs", "1", "--select", "REF001", str(path))
    assert r.stderr.decode().endswith(
        "Linted 1 page (0.0 MB of wikitext): 1 finding; skipped 2 pages in other namespaces.\n"
    )


def test_redirects_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    redirect_text = '#REDIRECT [[Target]]<ref name="x"/>'
    path.write_text(
        dump_xml(page(1, "Old name", redirect_text, redirect="Target"), page(2, "Target", BAD))
    )
    r = run("--jobs", "1", "--select", "REF001", "-f", "concise", str(path))
    assert r.stdout.decode() == concise(2, "Target")
    assert r.stderr.decode() == (
        SUMMARY_1 + "Linted 1 page (0.0 MB of wikitext): 1 finding; skipped 1 redirect.\n"
    )


def test_limit_and_start_after(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_text(dump_xml(*(page(i, f"P{i}", BAD) for i in (3, 5, 8, 13))))
    base = ["--jobs", "1", "--select", "REF001", "-f", "concise", "-q", str(path)]
    assert run("--limit", "2", *base).stdout.decode() == concise(3, "P3") + concise(5, "P5")
    assert run("--start-after", "5", *base).stdout.decode() == concise(8, "P8") + concise(13, "P13")
    assert run("--start-after", "6", "--limit", "1", *base).stdout.decode() == concise(8, "P8")
    assert run("--limit", "0", *base).stdout.decode() == ""
    r = run("--jobs", "1", "--select", "REF001", "--start-after", "5", str(path))
    assert r.stderr.decode().endswith(
        "1 finding; skipped 2 before --start-after.\n".replace("1 finding", "2 findings")
    )


def test_bad_pages_are_reported_and_skipped(tmp_path: Path) -> None:
    huge = page(4, "Huge", "x" * (1024 * 1024 + 10))
    unclosed_element = page(3, "Unclosed", BAD).replace(
        "      <sha1>x</sha1>\n    </revision>\n", ""
    )
    unclosed_page = page(6, "No end", BAD).replace("  </page>\n", "")
    xml = dump_xml(
        page(1, "Good one", BAD),
        page(2, "Entity", BAD).replace("Hi.", "Hi &nbsp; there."),
        unclosed_element,
        huge,
        page(5, "Good two", BAD),
        unclosed_page,
        page(7, "Good three", BAD),
    )
    path = tmp_path / "d.xml"
    path.write_text(xml)
    offsets = {
        pid: xml.index(f"  <page>\n    <title>{t}")
        for pid, t in [(2, "Entity"), (3, "Unclosed"), (4, "Huge"), (6, "No end")]
    }
    r = run("--jobs", "1", "--select", "REF001", "-f", "concise", "--max-page-size", "1", str(path))
    assert r.returncode == 2
    assert r.stdout.decode() == concise(1, "Good one") + concise(5, "Good two") + concise(
        7, "Good three"
    )
    p = str(path)
    assert r.stderr.decode() == (
        f"citelint: {p}: page 2 'Entity' (byte {offsets[2]}): invalid XML (undefined entity "
        "at line 15 of the page, column 48)\n"
        f"citelint: {p}: page 3 'Unclosed' (byte {offsets[3]}): invalid XML (mismatched tag "
        "at line 17 of the page, column 5)\n"
        f"citelint: {p}: page 4 'Huge' (byte {offsets[4]}): the page is larger than 1 MiB\n"
        f"citelint: {p}: page 6 'No end' (byte {offsets[6]}): the page is not closed before "
        "the next <page>\n"
        "       3  REF001   undefined-named-ref\n"
        "Linted 3 pages (0.0 MB of wikitext): 3 findings, 4 bad pages skipped.\n"
    )
    # a dump cut off inside a page: the pages before it are still linted
    cut = xml[: xml.index("<title>Good three")]
    (tmp_path / "cut.xml").write_text(cut)
    r = run("--jobs", "1", "--select", "REF001", "-f", "concise", "-q", str(tmp_path / "cut.xml"))
    assert r.returncode == 2
    assert r.stdout.decode().count("\n") == 2
    assert r.stderr.decode().endswith(  # cut inside <title>: no title to name
        f"citelint: {tmp_path / 'cut.xml'}: a page (byte {offsets[6] + len(unclosed_page)}): "
        "the dump ends inside this page (truncated?)\n"
    )


def test_not_a_dump_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text("Just wikitext.\n")
    r = run(str(tmp_path / "a.wiki"))
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr.decode() == (
        f"citelint: {tmp_path / 'a.wiki'}: not a MediaWiki XML dump (no <mediawiki> root element)\n"
    )
    r = run(str(tmp_path / "missing.xml.bz2"))
    assert r.returncode == 2
    assert (
        r.stderr.decode()
        == f"citelint: {tmp_path / 'missing.xml.bz2'}: no such file or directory\n"
    )
    r = run("-f", "sarif", str(tmp_path / "a.wiki"))
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "citelint: --format sarif needs every finding in memory; use jsonl (or json) for dumps\n"
    )


PAGES = [page(i, f"Page {i}", BAD if i % 3 else CLEAN) for i in range(1, 13)]
EXPECTED = "".join(concise(i, f"Page {i}") for i in range(1, 13) if i % 3)


def _multistream(xml_pages: list[str], per_stream: int = 5) -> bytes:
    """As Wikimedia writes them: the header, then 100 pages per bzip2 stream, then the
    footer, each stream compressed on its own and the streams concatenated."""
    streams = [bz2.compress(HEAD.encode())]
    for i in range(0, len(xml_pages), per_stream):
        streams.append(bz2.compress("".join(xml_pages[i : i + per_stream]).encode()))
    streams.append(bz2.compress(TAIL.encode()))
    return b"".join(streams)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plain.xml", dump_xml(*PAGES).encode()),
        ("d.xml.gz", gzip.compress(dump_xml(*PAGES).encode())),
        ("d.xml.bz2", bz2.compress(dump_xml(*PAGES).encode())),
        ("d-multistream.xml.bz2", _multistream(PAGES)),
        ("d.xml.xz", lzma.compress(dump_xml(*PAGES).encode())),
        ("-", bz2.compress(dump_xml(*PAGES).encode())),
        ("-", dump_xml(*PAGES).encode()),
    ],
)
def test_compressions_and_stdin(tmp_path: Path, name: str, data: bytes) -> None:
    if name == "-":
        r = run("--jobs", "1", "--select", "REF001", "-f", "concise", "-q", "-", stdin=data)
    else:
        (tmp_path / name).write_bytes(data)
        r = run("--jobs", "1", "--select", "REF001", "-f", "concise", "-q", str(tmp_path / name))
    assert r.stderr.decode() == ""
    assert r.stdout.decode() == EXPECTED
    assert r.returncode == 1


def test_corrupt_compressed_data(tmp_path: Path) -> None:
    data = bz2.compress(dump_xml(*PAGES).encode())
    path = tmp_path / "d.xml.bz2"
    path.write_bytes(data[: len(data) // 2] + b"\x00" * 64)
    r = run("--jobs", "1", "--select", "REF001", "-f", "concise", str(path))
    assert r.returncode == 2
    assert r.stderr.decode().startswith(f"citelint: {path}: cannot decompress the dump after byte ")
    assert b"Traceback" not in r.stderr


def test_jobs_2_is_byte_identical(tmp_path: Path) -> None:
    texts = [BAD, CLEAN, "{{cite web|title=T}}\n", "A<ref>x</ref><ref>x</ref> [[B]]\n"]
    path = tmp_path / "d.xml.bz2"
    path.write_bytes(
        bz2.compress(dump_xml(*(page(i, f"P{i}", texts[i % 4]) for i in range(40))).encode())
    )
    for fmt in ("jsonl", "json", "text", "concise"):
        one = run("--jobs", "1", "-f", fmt, str(path))
        two = run("--jobs", "2", "-f", fmt, str(path))
        assert one.stdout, fmt
        assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)
    doc = json.loads(run("--jobs", "2", "-f", "json", str(path)).stdout)
    assert [f["page_id"] for f in doc["files"]] == list(range(40))


def test_ctrl_c_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    """SIGINT mid-run: exit 130, every line written is a whole finding, all pages up to the
    one named in the resume hint are written, and --start-after finishes the job."""
    text = "".join(f'Para {k}.<ref name="r{k}"/> {{{{cite web|title=T}}}}\n' for k in range(20))
    path = tmp_path / "d.xml"
    path.write_text(dump_xml(*(page(i, f"P{i}", text) for i in range(1, 3001))))
    args = [sys.executable, "-m", "citelint", "dump", "--isolated", "--jobs", "2", str(path)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # the first block of output is out: mid-run
    proc.send_signal(signal.SIGINT)
    out = first + proc.stdout.read()
    err = proc.stderr.read().decode()
    assert proc.wait() == 130
    assert "Traceback" not in err
    rows = [json.loads(line) for line in out.decode().splitlines()]  # whole lines only
    assert out.endswith(b"\n")
    last = err.rsplit("resume with --start-after ", 1)[1].strip()
    assert err.splitlines()[-1].startswith("citelint: interrupted after ")
    done = int(last)
    assert done < 3000
    assert {r["page_id"] for r in rows} == set(range(1, done + 1))
    rest = run("--jobs", "1", "--start-after", str(done), str(path))
    rows += [json.loads(line) for line in rest.stdout.decode().splitlines()]
    assert {r["page_id"] for r in rows} == set(range(1, 3001))
    per_page = defaultdict(int)
    for r in rows:
        per_page[r["page_id"]] += 1
    assert set(per_page.values()) == {per_page[1]}  # every page written exactly once


def test_ctrl_c_during_a_write_still_records_the_page(tmp_path: Path) -> None:
    """A SIGINT that lands while a page's findings are being written is held until the page
    is recorded, so the resume point is that page (not the one before: it would be written
    twice after a resume)."""
    from citelint.dumplint import run_dump
    from citelint.reporters.stream import JsonLines

    text = '<ref name="a"/> {{cite web|title=T}}\n'
    path = tmp_path / "d.xml"
    path.write_text(dump_xml(*(page(i, f"P{i}", text) for i in range(1, 6))))

    class InterruptedWrite(JsonLines):
        def add(self, r: object) -> None:
            super().add(r)
            if getattr(r, "page_id", None) == 3:
                os.kill(os.getpid(), signal.SIGINT)

    out = io.StringIO()
    run = run_dump(
        str(path),
        InterruptedWrite(out, {}),
        Config(),
        namespaces={0},
        start_after=None,
        limit=None,
        jobs=1,
        max_page_bytes=1 << 20,
        keep_source=False,
        on_error=pytest.fail,
    )
    assert run.interrupted
    assert (run.last_page_id, run.linted) == (3, 3)
    ids = [json.loads(line)["page_id"] for line in out.getvalue().splitlines()]
    assert ids == sorted(ids) and set(ids) == {1, 2, 3}
    assert ids.count(1) == ids.count(3) > 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs forked workers")
def test_a_page_that_kills_its_worker_is_reported_and_skipped(tmp_path: Path) -> None:
    """A worker that dies on a page (a crash in C code, the OOM killer) costs that page
    only: it is reported like a bad page and the run goes on with a new worker. (In a new
    interpreter: forked workers inherit the patched function only when no other thread
    runs, and other tests leave some.)"""
    text = '<ref name="a"/> {{cite web|title=T}}\n'
    path = tmp_path / "d.xml"
    path.write_text(dump_xml(*(page(i, f"P{i}", text) for i in range(1, 9))))
    code = (
        "import io, json, os\n"
        "from citelint import dumplint\n"
        "from citelint.config import Config\n"
        "from citelint.reporters.stream import JsonLines\n"
        "lint = dumplint.lint_document\n"
        "def dies_on_p3(doc, *args):\n"
        "    if doc.title == 'P3':\n"
        "        os._exit(9)\n"
        "    return lint(doc, *args)\n"
        "dumplint.lint_document = dies_on_p3  # the forked workers inherit it\n"
        "out, errors = io.StringIO(), []\n"
        "run = dumplint.run_dump('d.xml', JsonLines(out, {}), Config(), namespaces={0},\n"
        "    start_after=None, limit=None, jobs=2, max_page_bytes=1 << 20,\n"
        "    keep_source=False, on_error=errors.append)\n"
        "ids = [json.loads(line)['page_id'] for line in out.getvalue().splitlines()]\n"
        "print(json.dumps([errors, run.linted, run.last_page_id, run.interrupted, ids]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    errors, linted, last, interrupted, ids = json.loads(done.stdout)
    offset = text_offset(path, 3)
    assert errors == [f"d.xml: page 3 'P3' (byte {offset}): a worker process died on it"]
    assert (linted, last, interrupted) == (7, 8, False)
    assert sorted(set(ids)) == [1, 2, 4, 5, 6, 7, 8] and ids == sorted(ids)


def text_offset(path: Path, pid: int) -> int:
    """The byte offset of page ``pid`` in the dump, as bad-page messages give it."""
    return path.read_bytes().index(b"  <page>\n    <title>P%d<" % pid)


class _SaxPages(xml.sax.ContentHandler):
    """An independent reader: (page id, ns, redirect, title, text) for each page."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[dict] = []
        self.path: list[str] = []
        self.buf: list[str] = []

    def startElement(self, name, attrs):
        self.path.append(name)
        self.buf = []
        if name == "page":
            self.pages.append({"redirect": False, "id": None, "revision_id": None, "text": ""})
        elif name == "redirect":
            self.pages[-1]["redirect"] = True

    def characters(self, content):
        self.buf.append(content)

    def endElement(self, name):
        value = "".join(self.buf)
        parent = self.path[-2] if len(self.path) > 1 else ""
        if parent == "page" and name in ("title", "ns", "id"):
            self.pages[-1][name] = value
        elif parent == "revision" and name == "id":
            self.pages[-1]["revision_id"] = int(value)
        elif parent == "revision" and name == "text":
            self.pages[-1]["text"] = value
        self.path.pop()
        self.buf = []


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/corpus/dump-sample.xml.bz2")
def test_sample_dump_matches_lint_text() -> None:
    reader = _SaxPages()
    with bz2.open(SAMPLE) as fh:
        xml.sax.parse(fh, reader)
    wanted = [p for p in reader.pages if p["ns"] == "0" and not p["redirect"]]
    assert len(reader.pages) == 206 and len(wanted) == 106
    config = Config()
    expected = []
    for p in wanted:
        for f in citelint.lint_text(p["text"], config=config):
            expected.append(
                {
                    "page_id": int(p["id"]),
                    "title": p["title"],
                    "revision_id": p["revision_id"],
                    **f.to_dict(),
                }
            )
    r = run("--jobs", "2", str(SAMPLE))
    assert r.returncode == 1
    got = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(got) > 1000
    assert got == expected
    assert r.stderr.decode().splitlines()[-1].startswith("Linted 106 pages (5.7 MB of wikitext): ")
