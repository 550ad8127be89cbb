"""Third-party rules are found through the ``citelint.rules`` entry-point group, exactly
like the built-in ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import citelint
from citelint.registry import RegistryError, all_rules

PLUGIN = '''
from citelint.finding import Problem, Severity
from citelint.rule import Rule


class NoLoremIpsum(Rule):
    """Placeholder text left in an article."""

    code = "XMPL001"
    name = "no-lorem-ipsum"
    severity = Severity.WARNING
    summary = "Placeholder text"
    bad = "Lorem ipsum."
    good = "Real text."

    def check(self, index):
        start = index.text.find("Lorem ipsum")
        if start != -1:
            yield Problem(start, start + 11, "Placeholder text")
'''


def install_plugin(tmp_path: Path, code: str = "XMPL001") -> None:
    (tmp_path / "citelint_example_plugin.py").write_text(PLUGIN.replace("XMPL001", code))
    info = tmp_path / "citelint_example_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: citelint-example-plugin\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text("[citelint.rules]\nexample = citelint_example_plugin\n")


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    all_rules.cache_clear()
    yield tmp_path
    sys.modules.pop("citelint_example_plugin", None)
    all_rules.cache_clear()


def test_plugin_rule_is_discovered_and_runs(plugin_path: Path) -> None:
    install_plugin(plugin_path)
    rules = all_rules()
    assert rules["XMPL001"].name == "no-lorem-ipsum"
    findings = citelint.lint_text("Intro. Lorem ipsum.", config={"select": ["XMPL"]})
    assert [(f.code, f.column, str(f.severity)) for f in findings] == [("XMPL001", 8, "warning")]


def test_plugin_with_a_taken_code_is_refused(plugin_path: Path) -> None:
    install_plugin(plugin_path, code="REF001")
    with pytest.raises(RegistryError, match="two rules share the code REF001"):
        all_rules()
