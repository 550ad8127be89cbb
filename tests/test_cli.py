"""The command line as users run it: inputs, selection, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import main

BROKEN = 'A<ref name="a"/>.\n\n{{reflist}}\n'  # REF001 (error) and REF012 (warning)
CLEAN = "A.<ref>Source.</ref>\n\n{{reflist}}\n"


def run(args: list[str], stdin: str | bytes | None = None):
    return CliRunner().invoke(
        main,
        ["--isolated", *args] if args and args[0] not in ("rules", "rule") else args,
        input=stdin,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "broken.wiki").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "clean.wiki").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(files: Path) -> None:
    assert run([str(files / "clean.wiki")]).exit_code == 0
    assert run([str(files / "broken.wiki")]).exit_code == 1
    assert run(["--exit-zero", str(files / "broken.wiki")]).exit_code == 0
    assert run(["--ignore", "REF001", str(files / "broken.wiki")]).exit_code == 0
    assert (
        run(["--ignore", "REF001", "--fail-on", "warning", str(files / "broken.wiki")]).exit_code
        == 1
    )


def test_explicit_check_subcommand(files: Path) -> None:
    r = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "concise", str(files / "broken.wiki")]
    )
    assert r.exit_code == 1
    assert "REF001" in r.output


def test_concise_output_exact(files: Path) -> None:
    path = str(files / "broken.wiki")
    r = run(["--format", "concise", path])
    assert r.output == (
        f'{path}:1:2: REF001 The named ref "a" is used but never defined\n'
        f"{path}:1:2: REF012 Ref placed before '.'\n"
    )


def test_select_by_prefix_and_name(files: Path) -> None:
    path = str(files / "broken.wiki")
    assert "REF012" not in run(["--format", "concise", "--select", "REF00", path]).output
    out = run(["--format", "concise", "--select", "ref-before-punctuation", path]).output
    assert out == f"{path}:1:2: REF012 Ref placed before '.'\n"
    out = run(
        ["--format", "concise", "--select", "REF001", "--extend-select", "REF012", path]
    ).output
    assert out.count("\n") == 2


def test_unknown_selector_is_a_usage_error(files: Path) -> None:
    r = run(["--select", "REF999", str(files / "broken.wiki")])
    assert r.exit_code == 2
    assert "unknown rule selector 'REF999'" in r.output


def test_directory_and_stdin(files: Path) -> None:
    r = run(["--format", "json", str(files)])
    data = json.loads(r.output)
    assert [f["path"] for f in data["files"]] == [
        str(files / "broken.wiki"),
        str(files / "clean.wiki"),
    ]
    assert data["summary"] == {
        "files": 2,
        "findings": 2,
        "by_severity": {"error": 1, "warning": 1},
        "by_code": {"REF001": 1, "REF012": 1},
    }
    r = run(["--format", "concise", "--stdin-filename", "Draft.wiki", "-"], stdin=BROKEN)
    assert r.output.startswith('Draft.wiki:1:2: REF001 The named ref "a"')
    assert r.exit_code == 1


def test_statistics(files: Path) -> None:
    r = run(["--statistics", str(files / "broken.wiki")])
    assert r.output == (
        "     1  REF001       undefined-named-ref\n"
        "     1  REF012   [*] ref-before-punctuation\n"
        "Found 2 problems. 1 fixable with --fix.\n"
    )


def test_quiet_prints_nothing_when_clean(files: Path) -> None:
    assert run(["-q", str(files / "clean.wiki")]).output == ""
    assert "All clean" in run([str(files / "clean.wiki")]).output


def test_jsonl_rows_carry_path(files: Path) -> None:
    rows = [json.loads(line) for line in run(["--format", "jsonl", str(files)]).output.splitlines()]
    assert [
        (r["path"].endswith("broken.wiki"), r["code"], r["line"], r["column"]) for r in rows
    ] == [
        (True, "REF001", 1, 2),
        (True, "REF012", 1, 2),
    ]
    assert rows[1]["fix"] == {
        "applicability": "safe",
        "message": "Move '.' before the ref",
        "edits": [
            {"offset": 1, "end_offset": 1, "replacement": "."},
            {"offset": 16, "end_offset": 17, "replacement": ""},
        ],
    }


def test_github_format(files: Path) -> None:
    path = str(files / "broken.wiki")
    out = run(["--format", "github", "--select", "REF001", path]).output
    assert out == (
        f"::error file={path},line=1,col=2,endLine=1,endColumn=17,"
        f'title=REF001 undefined-named-ref::The named ref "a" is used but never defined\n'
    )


def test_sarif_is_2_1_0(files: Path) -> None:
    data = json.loads(run(["--format", "sarif", str(files / "broken.wiki")]).output)
    assert data["version"] == "2.1.0"
    run_ = data["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["REF001", "REF012"]
    assert all(r["helpUri"].startswith("https://") for r in run_["tool"]["driver"]["rules"])
    res = run_["results"][0]
    assert res["ruleId"] == "REF001" and res["level"] == "error"
    assert res["locations"][0]["physicalLocation"]["region"]["startColumn"] == 2
    assert len(res["partialFingerprints"]["citelint/v1"]) == 16


def test_output_file(files: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = run(["--format", "json", "-o", str(out), str(files / "broken.wiki")])
    assert r.exit_code == 1 and r.output == ""
    assert json.loads(out.read_text())["summary"]["findings"] == 2


def test_rules_listing_and_docs() -> None:
    r = run(["rules"])
    assert r.exit_code == 0
    line = next(ln for ln in r.output.splitlines() if ln.startswith("REF001"))
    assert line.split()[:4] == ["REF001", "undefined-named-ref", "error", "on"]
    rows = json.loads(run(["rules", "--format", "json"]).output)
    assert {"code": "REF013", "name": "space-before-ref", "severity": "info"}.items() <= next(
        r for r in rows if r["code"] == "REF013"
    ).items()
    doc = run(["rule", "REF001"]).output
    assert doc.startswith("REF001 undefined-named-ref (error, on by default)")
    assert "Bad:" in doc and "Good:" in doc
    assert run(["rule", "space-before-ref"]).output.startswith("REF013")
    assert run(["rule", "NOPE123"]).exit_code == 2


def test_no_input_is_a_usage_error() -> None:
    r = run([])
    assert r.exit_code == 2
    assert "no input given" in r.output


def test_baseline_hides_known_findings_by_content_not_line(files: Path, tmp_path: Path) -> None:
    path = files / "broken.wiki"
    base = tmp_path / "baseline.json"
    r = run(["--write-baseline", str(base), str(path)])
    assert r.exit_code == 0
    assert "Wrote 2 findings to the baseline" in r.output
    assert run(["--baseline", str(base), str(path)]).exit_code == 0
    # lines move and a new problem appears: only the new one is reported
    path.write_text("New text.\n\n" + BROKEN + 'B<ref name="b"/>\n')
    r = run(["--baseline", str(base), "--format", "concise", str(path)])
    assert r.exit_code == 1
    assert f'{path}:6:2: REF001 The named ref "b" is used but never defined\n' in r.output
    assert "REF012" not in r.output
    assert run(["--baseline", str(tmp_path / "nope.json"), str(path)]).exit_code == 2
