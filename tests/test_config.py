"""Configuration files: found upward, validated strictly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import citelint
from citelint.cli import main
from citelint.config import ConfigError, from_mapping, load

BROKEN = 'A<ref name="a"/>.\n\n{{reflist}}\n'


def test_pyproject_found_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.citelint]\nignore = ["REF012"]\n')
    sub = tmp_path / "drafts"
    sub.mkdir()
    (sub / "a.wiki").write_text(BROKEN)
    monkeypatch.chdir(sub)
    r = CliRunner().invoke(main, ["--format", "concise", "a.wiki"])
    assert r.output == 'a.wiki:1:2: REF001 The named ref "a" is used but never defined\n'


def test_citelint_toml_wins_and_rule_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.citelint]\nselect = ["REF001"]\n')
    (tmp_path / "citelint.toml").write_text(
        'select = ["REF015"]\nfail-on = "info"\n[rules.citation-overkill]\nmax = 1\n'
    )
    (tmp_path / "a.wiki").write_text("A.<ref>x</ref><ref>y</ref>\n{{reflist}}\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["--format", "concise", "a.wiki"])
    assert r.output == "a.wiki:1:15: REF015 2 refs in a row (more than 1)\n"
    assert r.exit_code == 1


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["REF"]}, "unknown key(s) 'selct'"),
        ({"extend_select": ["REF"]}, "did you mean 'extend-select'?"),
        ({"select": ["REF999"]}, "unknown rule selector 'REF999'"),
        (
            {"select": "REF"},
            """'select' must be a list of strings, not a string (write select = ["REF"])""",
        ),
        (
            {"per-file-ignores": {"a/*": ["XYZ001"]}},
            "per-file-ignores.\"a/*\": unknown rule selector 'XYZ001'",
        ),
        ({"fail-on": "fatal"}, "unknown severity 'fatal'"),
        ({"rules": {"REF015": {"maximum": 2}}}, "has no option 'maximum'"),
        ({"rules": {"REF015": {"max": "2"}}}, "must be of type int, not str"),
        ({"rules": {"REF": {"max": 2}}}, "must name exactly one rule"),
        ({"ignore": [1]}, "'ignore' must be a list of strings"),
    ],
)
def test_config_errors(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as exc:
        from_mapping(table, "cfg.toml")
    assert message in str(exc.value)
    assert str(exc.value).startswith("cfg.toml") or "in cfg.toml" in str(exc.value)


def test_config_error_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "citelint.toml").write_text("select = [\n")
    (tmp_path / "a.wiki").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["a.wiki"])
    assert r.exit_code == 2
    assert "invalid TOML" in r.output


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "citelint.toml").write_text('[per-file-ignores]\n"drafts/*" = ["REF001"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.wiki").write_text(BROKEN)
    (tmp_path / "b.wiki").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["--format", "concise", "--select", "REF001", "."]).output
    assert out == 'b.wiki:1:2: REF001 The named ref "a" is used but never defined\n'


def test_lint_text_api() -> None:
    findings = citelint.lint_text(BROKEN)
    assert [(f.code, f.line, f.column, f.severity.name) for f in findings] == [
        ("REF001", 1, 2, "ERROR"),
        ("REF012", 1, 2, "WARNING"),
    ]
    assert citelint.lint_text(BROKEN, config={"select": ["REF012"]})[0].code == "REF012"


def test_explicit_missing_config() -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load("/nonexistent/citelint.toml")
