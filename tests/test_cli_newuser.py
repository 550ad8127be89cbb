"""What a new user runs into first (issue 7, points 7 and 8): closed pipes, bad -o paths,
config mistakes, NO_COLOR, the summary line, --fix on a symlink, terminal width, rule
docs, --statistics with json, .gitignore, config beside the file, XML dumps.

Pipes and terminals are real: a subprocess writes into a pipe whose reader is gone, or
into a pseudo-terminal of a given width.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import main
from citelint.reporters import FORMATS
from citelint.rule import Rule

BROKEN = 'A<ref name="a"/>.\n\n{{reflist}}\n'  # REF001 (error), REF012 (warning, safe fix)
CLEAN = "A.<ref>Source.</ref>\n\n{{reflist}}\n"
#: REF011 (warning, unsafe fix) on top of BROKEN's two
DUPLICATE = "B.<ref>Same source here.</ref> C.<ref>Same source here.</ref>\n"
ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}


def run(args: list[str], stdin: str | None = None, isolated: bool = True):
    if isolated and args and args[0] not in ("rules", "rule"):
        args = ["--isolated", *args]
    return CliRunner().invoke(main, args, input=stdin)


def citelint(*args: str, **kwargs) -> list[str]:
    return [sys.executable, "-m", "citelint", *args]


# -- closed pipe ---------------------------------------------------------------------


def big_article(tmp_path: Path) -> Path:
    """Far more output than a pipe buffer holds (64 KiB) in every format."""
    path = tmp_path / "big.wiki"
    path.write_text(
        "".join(f'Line {i}<ref name="n{i}"/>.\n' for i in range(1500)) + "{{reflist}}\n",
        encoding="utf-8",
    )
    return path


def into_closed_pipe(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run with standard output a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            argv, stdout=write_end, stderr=subprocess.PIPE, cwd=cwd, env=ENV, timeout=120
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("fmt", FORMATS)
def test_closed_pipe_exits_quietly_in_every_format(tmp_path: Path, fmt: str) -> None:
    path = big_article(tmp_path)
    done = into_closed_pipe(citelint("--isolated", "-f", fmt, str(path)), tmp_path)
    assert done.stderr == b""
    assert done.returncode == 1  # the findings still decide the exit code


@pytest.mark.parametrize(
    "args",
    [["rule", "ALL"], ["rule", "REF001"], ["rules"], ["--help"], ["--version"], ["dump", "--help"]],
)
def test_closed_pipe_rule_docs(tmp_path: Path, args: list[str]) -> None:
    done = into_closed_pipe(citelint(*args), tmp_path)
    assert done.stderr == b""
    assert done.returncode == 0


def test_pipe_into_head(tmp_path: Path) -> None:
    """The way users meet it: ``citelint … | head -1`` in a shell."""
    path = big_article(tmp_path)
    for fmt in ("text", "concise", "json"):
        cmd = " ".join(citelint("--isolated", "-f", fmt, str(path)))
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {cmd} | head -1"],
            capture_output=True,
            env=ENV,
            timeout=120,
        )
        assert done.stderr == b"", done.stderr
        assert done.returncode == 1
        assert done.stdout.count(b"\n") == 1


def test_diff_into_closed_pipe(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text("".join(f"Line {i}<ref>S{i}.</ref>.\n" for i in range(3000)), "utf-8")
    done = into_closed_pipe(citelint("--isolated", "--diff", str(path)), tmp_path)
    assert done.stderr == b"citelint: Would fix 3000 problems.\n"
    assert done.returncode == 1
    assert path.read_text("utf-8").startswith("Line 0<ref>S0.</ref>.\n")  # unchanged


# -- -o, config mistakes -------------------------------------------------------------


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(BROKEN)
    target = tmp_path / "no-such-dir" / "report.json"
    r = run(["-o", str(target), str(tmp_path / "a.wiki")])
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        f"citelint: cannot write the report to {target}: No such file or directory\n"
    )
    r = run(["-o", str(tmp_path), str(tmp_path / "a.wiki")])
    assert r.exit_code == 2
    assert "Invalid value for '-o' / '--output'" in r.stderr
    assert "is a directory" in r.stderr
    assert "internal error" not in r.output


def test_output_file_gets_the_report_and_no_colour(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(BROKEN)
    out = tmp_path / "report.txt"
    r = run(["--color", "-o", str(out), str(tmp_path / "a.wiki")])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "\x1b[" not in out.read_text()
    assert out.read_text().endswith(
        "Found 2 problems (1 error, 1 warning) in 1 file. 1 fixable with --fix.\n"
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[per-file-ignores]\n"drafts/*" = ["REF001", "XYZ999"]\n',
            "per-file-ignores.\"drafts/*\": unknown rule selector 'XYZ999'",
        ),
        (
            '[per-file-ignores]\n"drafts/*" = "REF001"\n',
            """'per-file-ignores."drafts/*"' must be a list of strings, not a string """
            """(write ["REF001"])""",
        ),
        (
            'select = "REF"\n',
            """'select' must be a list of strings, not a string """
            """(write select = ["REF"])""",
        ),
        (
            'ignore = "REF012"\n',
            """'ignore' must be a list of strings, not a string """
            """(write ignore = ["REF012"])""",
        ),
        (
            'extensions = ".wiki"\n',
            """'extensions' must be a list of strings, not a """
            """string (write extensions = [".wiki"])""",
        ),
    ],
)
def test_config_mistakes_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, message: str
) -> None:
    (tmp_path / "citelint.toml").write_text(toml)
    (tmp_path / "a.wiki").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    r = run(["a.wiki"], isolated=False)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == f"citelint: {tmp_path / 'citelint.toml'}: {message}\n"


# -- colour and terminals --------------------------------------------------------------


def on_terminal(argv: list[str], cwd: Path, env: dict, columns: int = 100) -> str:
    """Run with standard output on a pseudo-terminal ``columns`` wide; its output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    try:
        proc = subprocess.Popen(
            argv, stdout=slave, stderr=subprocess.PIPE, cwd=cwd, env=env, close_fds=True
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
        assert proc.stderr is not None
        assert proc.stderr.read() == b""
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_no_color_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(BROKEN)
    argv = citelint("--isolated", "a.wiki")
    env = {**ENV, "TERM": "xterm-256color"}
    assert "\x1b[" in on_terminal(argv, tmp_path, env)  # a terminal gets colour
    plain = on_terminal(argv, tmp_path, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert plain.endswith(
        "Found 2 problems (1 error, 1 warning) in 1 file. 1 fixable with --fix.\n"
    )
    # an explicit --color wins over the environment, as no-color.org asks
    forced = on_terminal([*argv, "--color"], tmp_path, {**env, "NO_COLOR": "1"})
    assert "\x1b[" in forced


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_snippets_fit_the_terminal(tmp_path: Path, columns: int) -> None:
    words = " ".join(f"word{i}" for i in range(200))
    text = f'{words}<ref name="a"/>. {words} 東京タワーは日本の電波塔<ref name="b"/>. {words}\n'
    (tmp_path / "a.wiki").write_text(text + "{{reflist}}\n")
    out = on_terminal(
        citelint("--isolated", "--select", "REF001", "a.wiki"),
        tmp_path,
        {**ENV, "TERM": "dumb", "NO_COLOR": "1"},
        columns,
    )
    snippets = [line for line in out.splitlines() if re.match(r"^ +(\d+)? \| ", line)]
    assert len(snippets) == 4  # two findings: source line and caret each
    from rich.cells import cell_len

    for line in snippets:
        assert cell_len(line) <= columns, (columns, line)
    # the caret stands under the ref it points at, wide characters included
    for source, caret in zip(snippets[::2], snippets[1::2], strict=True):
        at = caret.index("^")
        width = len(caret) - at
        assert cell_len(source) >= at + width
        below = source[_cell_index(source, at) :]
        assert below.startswith("<ref name="), (source, caret)


def _cell_index(text: str, cells: int) -> int:
    from rich.cells import cell_len

    for i in range(len(text) + 1):
        if cell_len(text[:i]) >= cells:
            return i
    return len(text)


# -- the summary line ----------------------------------------------------------------


def test_summary_never_says_all_clean_when_an_input_failed(tmp_path: Path) -> None:
    (tmp_path / "clean.wiki").write_text(CLEAN)
    missing = tmp_path / "missing.wiki"
    r = run([str(tmp_path / "clean.wiki"), str(missing)])
    assert r.exit_code == 2
    assert r.stdout == "No problems in 1 file checked, but 1 input could not be checked.\n"
    assert r.stderr == f"citelint: {missing}: no such file or directory\n"

    r = run([str(missing)])
    assert r.exit_code == 2
    assert r.stdout == "Nothing checked: 1 input could not be checked.\n"

    (tmp_path / "broken.wiki").write_text(BROKEN)
    r = run([str(tmp_path / "broken.wiki"), str(missing)])
    assert r.exit_code == 2
    assert r.stdout.endswith(
        "Found 2 problems (1 error, 1 warning) in 1 file. 1 fixable with --fix. "
        "1 input could not be checked.\n"
    )
    r = run([str(tmp_path / "clean.wiki")])
    assert r.stdout == "All clean: 1 file checked, no problems.\n"
    assert r.exit_code == 0


def test_summary_counts_fixable_findings(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN.replace("\n\n", "\n" + DUPLICATE + "\n"))
    r = run([str(path)])
    assert r.exit_code == 1
    assert r.stdout.splitlines()[-1] == (
        "Found 3 problems (1 error, 2 warnings) in 1 file. 1 fixable with --fix "
        "(1 hidden fix can be enabled with --unsafe-fixes)."
    )
    r = run(["--unsafe-fixes", str(path)])
    assert r.stdout.splitlines()[-1] == (
        "Found 3 problems (1 error, 2 warnings) in 1 file. 2 fixable with --fix --unsafe-fixes."
    )
    only_unsafe = tmp_path / "b.wiki"
    only_unsafe.write_text(DUPLICATE + "\n{{reflist}}\n")
    r = run([str(only_unsafe)])
    assert r.stdout.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 file. "
        "No fixes available (1 hidden fix can be enabled with --unsafe-fixes)."
    )
    r = run(["--select", "REF001", str(path)])
    assert r.stdout.splitlines()[-1] == "Found 1 problem (1 error) in 1 file."


# -- --fix through a symlink -----------------------------------------------------------


def test_fix_on_a_symlink_writes_through_to_the_target(tmp_path: Path) -> None:
    real = tmp_path / "articles" / "real.wiki"
    real.parent.mkdir()
    real.write_text(CLEAN.replace("A.<ref>Source.</ref>", "A<ref>Source.</ref>."))
    link = tmp_path / "link.wiki"
    link.symlink_to(Path("articles") / "real.wiki")
    r = run(["--fix", "--select", "REF012", str(link)])
    assert r.exit_code == 0
    assert r.stderr == "citelint: Fixed 1 problem.\n"
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("articles") / "real.wiki")
    assert real.read_text() == CLEAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "link.wiki"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.wiki"]


# -- rule documentation --------------------------------------------------------------


class _Documented(Rule):
    """Checks ``<ref>`` tags, see :class:`Other` and `this`.

    - ``a``: first
      continued
    """

    code = "TST001"
    name = "documented"
    bad = "A.<ref>x</ref>\n\n{{reflist}}\n"
    good = "A.\n"


def test_rule_docs_are_dedented_plain_text() -> None:
    assert _Documented.doc_text() == (
        "Checks <ref> tags, see Other and this.\n\n- a: first\n  continued"
    )
    assert _Documented.doc_markdown() == (
        "Checks `<ref>` tags, see `Other` and `this`.\n\n- `a`: first\n  continued"
    )
    from citelint.reporters.sarif import help_text

    assert help_text(_Documented, "T", "M") == {
        "text": "T\n\nBad:\n\n    A.<ref>x</ref>\n\n    {{reflist}}\n\nGood:\n\n    A.",
        "markdown": "M\n\nBad:\n\n```wikitext\nA.<ref>x</ref>\n\n{{reflist}}\n```\n\n"
        "Good:\n\n```wikitext\nA.\n```",
    }


def test_rule_command_prints_clean_text() -> None:
    from citelint.registry import all_rules

    for code in ("REF001", "CITE009", "TAG001"):
        cls = all_rules()[code]
        r = run(["rule", code])
        assert r.exit_code == 0
        head = f"{code} {cls.name} ({cls.severity}, on by default)\n\n{cls.summary}\n\n"
        assert r.stdout.startswith(head + cls.doc_text() + "\n")
        doc = r.stdout[len(head) :].split("\nBad:\n")[0]
        assert "``" not in doc and ":class:" not in doc
        assert not any(line.startswith("    ") for line in doc.splitlines())
        assert not any(line != line.rstrip() for line in r.stdout.splitlines())
        assert "\nBad:\n\n    " in r.stdout and "\nGood:\n\n    " in r.stdout


def test_sarif_rule_descriptions_are_clean(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN.replace("\n\n", "\n" + DUPLICATE + "\n"))
    r = run(["-f", "sarif", str(path)])
    rules = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert [d["id"] for d in rules] == ["REF001", "REF011", "REF012"]
    from citelint.registry import all_rules

    for d in rules:
        cls = all_rules()[d["id"]]
        assert d["fullDescription"] == {"text": cls.doc_text(), "markdown": cls.doc_markdown()}
        assert "``" not in d["fullDescription"]["text"]
        assert ("``" in cls.doc()) == ("`" in d["fullDescription"]["markdown"])
        assert not any(line.startswith("    ") for line in cls.doc_text().splitlines())
        assert d["help"]["markdown"].endswith("```")
        assert "\nBad:\n\n```wikitext\n" in d["help"]["markdown"]


# -- --statistics ----------------------------------------------------------------------


def test_statistics_with_json(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN.replace("\n\n", "\n" + DUPLICATE + "\n"))
    r = run(["--statistics", "-f", "json", str(path)])
    assert r.exit_code == 1
    assert json.loads(r.stdout) == [
        {
            "code": "REF001",
            "name": "undefined-named-ref",
            "severity": "error",
            "count": 1,
            "fixable": 0,
        },
        {
            "code": "REF011",
            "name": "duplicate-citation",
            "severity": "warning",
            "count": 1,
            "fixable": 0,
        },
        {
            "code": "REF012",
            "name": "ref-before-punctuation",
            "severity": "warning",
            "count": 1,
            "fixable": 1,
        },
    ]
    r = run(["--statistics", "-f", "jsonl", "--unsafe-fixes", str(path)])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(row["code"], row["fixable"]) for row in rows] == [
        ("REF001", 0),
        ("REF011", 1),
        ("REF012", 1),
    ]
    clean = tmp_path / "clean.wiki"
    clean.write_text(CLEAN)
    assert json.loads(run(["--statistics", "-f", "json", str(clean)]).stdout) == []
    r = run(["--statistics", "-q", str(clean)])
    assert (r.exit_code, r.stdout) == (0, "")
    r = run(["--statistics", str(clean)])
    assert (r.exit_code, r.stdout) == (0, "Found 0 problems.\n")
    r = run(["--statistics", "-f", "sarif", str(path)])
    assert r.exit_code == 2
    assert r.stderr == (
        "citelint: --statistics cannot be combined with --format sarif "
        "(use text, concise or json)\n"
    )


# -- walking folders -------------------------------------------------------------------


def linted(result) -> list[str]:
    data = json.loads(result.stdout)
    return [f["path"] for f in data["files"]]


def test_walk_respects_gitignore_and_skips_build_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".gitignore").write_text("/drafts/old/\n*.bak.wiki\n!keep.bak.wiki\n")
    (repo / ".git" / "info").mkdir()
    (repo / ".git" / "info" / "exclude").write_text("private.wiki\n")
    files = [
        "a.wiki",
        "x.bak.wiki",
        "keep.bak.wiki",
        "private.wiki",
        "drafts/b.wiki",
        "drafts/old/c.wiki",
        "drafts/sub/old/d.wiki",
        "drafts/sub/e.wiki",
        "drafts/sub/tmp.wiki",
        "build/f.wiki",
        "dist/g.wiki",
        "node_modules/pkg/h.wiki",
        ".venv/lib/i.wiki",
        "venv/j.wiki",
        "__pycache__/k.wiki",
        "pkg.egg-info/l.wiki",
        ".git/m.wiki",
    ]
    for name in files:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(CLEAN)
    (repo / "drafts" / "sub" / ".gitignore").write_text("tmp.wiki\n")
    monkeypatch.chdir(repo)
    assert linted(run(["-f", "json", "."])) == [
        "a.wiki",
        "keep.bak.wiki",
        "drafts/b.wiki",
        "drafts/sub/e.wiki",
        "drafts/sub/old/d.wiki",
    ]
    # from a subfolder the repository's .gitignore still applies
    monkeypatch.chdir(repo / "drafts")
    assert linted(run(["-f", "json", "."])) == ["b.wiki", "sub/e.wiki", "sub/old/d.wiki"]
    # files and folders named on the command line are linted even when ignored
    monkeypatch.chdir(repo)
    assert linted(run(["-f", "json", "x.bak.wiki", "build"])) == ["x.bak.wiki", "build/f.wiki"]
    assert linted(run(["-f", "json", "drafts/old"])) == ["drafts/old/c.wiki"]


def test_gitignore_outside_a_repository(tmp_path: Path) -> None:
    """No repository: the walked folder's own .gitignore applies, not its parents'."""
    (tmp_path / ".gitignore").write_text("*.wiki\n")
    top = tmp_path / "top"
    top.mkdir()
    (top / ".gitignore").write_text("skip.wiki\n")
    (top / "skip.wiki").write_text(CLEAN)
    (top / "keep.wiki").write_text(CLEAN)
    assert linted(run(["-f", "json", str(top)])) == [str(top / "keep.wiki")]


def test_unreadable_gitignore_patterns_are_skipped_like_git_does(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("!\n\\\nskip.wiki\n")
    (tmp_path / "skip.wiki").write_text(CLEAN)
    (tmp_path / "keep.wiki").write_text(CLEAN)
    r = run(["-f", "json", str(tmp_path)])
    assert r.exit_code == 0
    assert linted(r) == [str(tmp_path / "keep.wiki")]


# -- configuration found beside the linted file ----------------------------------------


def test_config_found_from_the_stdin_filename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "citelint.toml").write_text('select = ["REF012"]\n')
    monkeypatch.chdir(tmp_path)
    r = run(
        ["-f", "concise", "--stdin-filename", "project/a.wiki", "-"],
        stdin=BROKEN,
        isolated=False,
    )
    assert r.stdout == "project/a.wiki:1:2: REF012 Ref placed before '.'\n"
    assert r.exit_code == 0  # REF012 is a warning


def test_config_found_from_the_linted_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    (project / "citelint.toml").write_text(
        'ignore = ["REF012"]\n[per-file-ignores]\n"drafts/*" = ["REF001"]\n'
    )
    (project / "a.wiki").write_text(BROKEN)
    (project / "drafts" / "b.wiki").write_text(BROKEN)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.wiki").write_text(BROKEN)
    monkeypatch.chdir(elsewhere)
    r = run(
        ["-f", "concise", str(project / "a.wiki"), str(project / "drafts"), "c.wiki"],
        isolated=False,
    )
    assert r.stdout == (
        f'{project / "a.wiki"}:1:2: REF001 The named ref "a" is used but never defined\n'
        'c.wiki:1:2: REF001 The named ref "a" is used but never defined\n'
        "c.wiki:1:2: REF012 Ref placed before '.'\n"
    )
    assert r.exit_code == 1
    # the folder's config wins over the current folder's
    (elsewhere / "citelint.toml").write_text('select = ["REF012"]\n')
    r = run(["-f", "concise", str(project / "a.wiki"), "c.wiki"], isolated=False)
    assert r.stdout == (
        f'{project / "a.wiki"}:1:2: REF001 The named ref "a" is used but never defined\n'
        "c.wiki:1:2: REF012 Ref placed before '.'\n"
    )
    # command-line flags still apply on top of every config found
    r = run(["-f", "concise", "--ignore", "REF001", str(project / "a.wiki")], isolated=False)
    assert r.stdout == ""
    assert r.exit_code == 0
    # a broken config beside a file is a clean usage error
    (project / "citelint.toml").write_text('select = "REF"\n')
    r = run([str(project / "a.wiki")], isolated=False)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        f"citelint: {project / 'citelint.toml'}: 'select' must be a list of strings, "
        'not a string (write select = ["REF"])\n'
    )


# -- XML dumps -------------------------------------------------------------------------

DUMP = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">\n'
    "  <page><title>A</title><ns>0</ns><revision><text>Hi.</text></revision></page>\n"
    "</mediawiki>\n"
)


def dump_message(path: str) -> str:
    return f"is a MediaWiki XML dump: lint it with 'citelint dump {path}'"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("pages.xml", DUMP.encode()),
        ("pages.wiki", ('\ufeff<?xml version="1.0" encoding="utf-8"?>\n\n' + DUMP).encode()),
        ("export.txt", ("  \n<!-- exported -->\n" + DUMP).encode()),
        ("pages.xml.bz2", b"BZh91AY&SY\x00\x01binary"),
        ("pages.xml.gz", b"\x1f\x8b\x08\x00binary"),
    ],
)
def test_xml_dump_is_refused(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.wiki").write_text(BROKEN)
    r = run(["-f", "concise", str(tmp_path / name), str(tmp_path / "ok.wiki")])
    assert r.exit_code == 2
    assert r.stderr == f"citelint: {tmp_path / name}: {dump_message(str(tmp_path / name))}\n"
    assert r.stdout.count("\n") == 2  # the other file is still linted


def test_xml_dump_on_stdin_is_refused() -> None:
    r = run(["-"], stdin=DUMP)
    assert r.exit_code == 2
    assert r.stderr == f"citelint: -: {dump_message('-')}\n"
    assert r.stdout == "Nothing checked: 1 input could not be checked.\n"


def test_the_refused_dump_is_linted_by_citelint_dump(tmp_path: Path) -> None:
    (tmp_path / "pages.xml").write_text(DUMP.replace("Hi.", "Hi.&lt;ref name=&quot;x&quot;/&gt;"))
    r = run(
        ["dump", "--isolated", "-j", "1", "-f", "concise", "-q", str(tmp_path / "pages.xml")],
        isolated=False,
    )
    assert r.exit_code == 1
    assert r.stdout == (
        'A:1:4: REF001 The named ref "x" is used but never defined\n'
        "A:1:4: REF010 The article has refs but no reference list "
        "(add == References == with {{reflist}})\n"
    )


def test_wikitext_mentioning_mediawiki_is_not_a_dump() -> None:
    r = run(["-"], stdin="<mediawikiX> is not a tag.\n" + CLEAN)
    assert r.exit_code == 0
    r = run(["-"], stdin="Text first.\n" + DUMP)
    assert r.exit_code == 0
