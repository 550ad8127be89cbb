"""``citelint check --jobs N``: files linted in worker processes, output unchanged.

The output (every format), the messages and the exit code of ``--jobs 2`` are byte for
byte those of ``--jobs 1``: results are written in input order.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from citelint.reporters import FORMATS

BAD = 'Hi.<ref name="x"/>\n'
CITE = "Text.<ref>{{cite web|title=T|url=example.com}}</ref>\n\n==References==\n{{reflist}}\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "citelint", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "drafts" / "sub").mkdir(parents=True)
    for i in range(12):
        text = [BAD, CITE, "Clean.\n"][i % 3]
        (tmp_path / "drafts" / f"d{i:02}.wiki").write_text(text * (i + 1))
    (tmp_path / "drafts" / "sub" / "z.wiki").write_text(BAD + CITE)
    (tmp_path / "drafts" / "sub" / "latin1.wiki").write_bytes(b"caf\xe9\n")
    (tmp_path / "drafts" / "pages.xml").write_text("<mediawiki>\n</mediawiki>\n")
    (tmp_path / "citelint.toml").write_text(
        'extend-select = ["REF018"]\n[per-file-ignores]\n"drafts/sub/*" = ["REF010"]\n'
    )
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_2_output_is_byte_identical(tree: Path, fmt: str) -> None:
    args = ["-f", fmt, "drafts/", "drafts/pages.xml", "missing.wiki"]
    one = run("--jobs", "1", *args, cwd=tree)
    two = run("--jobs", "2", *args, cwd=tree)
    assert one.returncode == 2
    assert one.stdout
    assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)


def test_jobs_2_exact_output(tree: Path) -> None:
    r = run("--jobs", "2", "--select", "REF001", "-f", "concise", "drafts/sub", cwd=tree)
    assert r.returncode == 2
    assert r.stdout.decode() == (
        'drafts/sub/z.wiki:1:4: REF001 The named ref "x" is used but never defined\n'
    )
    assert r.stderr.decode() == (
        "citelint: drafts/sub/latin1.wiki: not valid UTF-8 (byte 0xe9 at offset 3)\n"
    )


def test_jobs_with_statistics_baseline_and_all_cores(tree: Path) -> None:
    for extra in (["--statistics"], ["-f", "json", "--statistics"]):
        one = run("--jobs", "1", *extra, "drafts/", cwd=tree)
        two = run("--jobs", "0", *extra, "drafts/", cwd=tree)
        assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)
    written = run("--jobs", "2", "--write-baseline", "base.json", "drafts/", cwd=tree)
    assert written.returncode == 2  # the unreadable file is still an input error
    r = run("--jobs", "2", "--baseline", "base.json", "-f", "concise", "drafts/", cwd=tree)
    assert r.stdout == b""
    assert r.stderr.decode().endswith(" hidden by the baseline.\n")


def test_ordered_map_reads_at_most_a_window_ahead() -> None:
    """The producer (a dump reader) never runs more than ``window`` items ahead of what
    has been handed back: memory stays bounded whatever the input size."""
    from citelint.parallel import ordered_map

    produced: list[int] = []

    def items():
        for i in range(-30, 30):
            produced.append(i)
            yield i

    out = []
    for value in ordered_map(abs, items(), jobs=2, window=4):
        out.append(value)
        assert len(produced) - len(out) <= 4
    assert out == [abs(i) for i in range(-30, 30)]


def in_fresh_python(code: str, cwd: Path | None = None) -> str:
    """Run ``code`` in a new interpreter (no thread left by other tests), return stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
def test_workers_are_forked_only_without_other_threads() -> None:
    code = (
        "import threading\n"
        "from citelint.parallel import worker_context\n"
        "print(worker_context().get_start_method())\n"
        "stop = threading.Event()\n"
        "thread = threading.Thread(target=stop.wait)\n"
        "thread.start()\n"
        "print(worker_context().get_start_method())\n"
        "stop.set()\n"
        "thread.join()\n"
    )
    assert in_fresh_python(code) == "fork\nspawn\n"


def test_forked_workers_do_not_write_the_parents_buffered_output(tmp_path: Path) -> None:
    """What the parent had buffered on stdout before the workers started is written once."""
    code = (
        "import sys\n"
        "from citelint.parallel import ordered_map\n"
        "sys.stdout.write('before\\n')\n"
        "print(list(ordered_map(abs, [-1, -2, -3], 2)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert out.stdout == b"before\n[1, 2, 3]\n"


def _dies_on_three(x: int) -> int:
    if x == 3:
        os._exit(9)  # as a crash in C code or the OOM killer would end it
    return x * 10


def test_a_worker_that_dies_is_replaced_and_the_culprit_reported() -> None:
    from citelint.parallel import ordered_map

    got = list(
        ordered_map(_dies_on_three, range(1, 9), 2, window=4, on_crash=lambda x, why: f"{x}: {why}")
    )
    assert got == [10, 20, "3: a worker process died on it", 40, 50, 60, 70, 80]


def test_without_on_crash_a_dead_worker_ends_the_run() -> None:
    from citelint.parallel import WorkerDied, ordered_map

    with pytest.raises(WorkerDied):
        list(ordered_map(_dies_on_three, range(1, 9), 2, window=4))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs forked workers")
def test_check_reports_a_file_whose_worker_died(tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.wiki").write_text(BAD)
    code = (
        "import os\n"
        "from pathlib import Path\n"
        "from citelint import cli\n"
        "from citelint.config import Config\n"
        "lint = cli.lint_one\n"
        "def dies_on_b(doc, *args):\n"
        "    if doc.path.endswith('b.wiki'):\n"
        "        os._exit(9)\n"
        "    return lint(doc, *args)\n"
        "cli.lint_one = dies_on_b  # the forked workers inherit it\n"
        "for r in cli.lint_paths(['.'], Config(), jobs=2):\n"
        "    print(Path(r.path).name, r.error, len(r.findings))\n"
    )
    assert in_fresh_python(code, cwd=tmp_path) == (
        "a.wiki None 2\nb.wiki a worker process died on it 0\nc.wiki None 2\n"
    )
