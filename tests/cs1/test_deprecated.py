"""CITE004 follows the whitelist's statuses: the current CS1 whitelist deprecates no
parameter, so a whitelist that deprecates some is simulated here."""

from __future__ import annotations

import dataclasses

import pytest
from citelint.rules import cite004_deprecated_parameter as cite004

import citelint
from citelint.cs1.data import whitelist


@pytest.fixture
def newer_whitelist(monkeypatch: pytest.MonkeyPatch):
    wl = whitelist()
    basic = {
        **wl.basic,
        "lay-url": "deprecated",
        "lay-date": "deprecated",
        "accessdate": "deprecated",
    }
    suggestions = {**wl.suggestions, "lay-date": "date"}
    newer = dataclasses.replace(wl, basic=basic, suggestions=suggestions)
    monkeypatch.setattr(cite004, "whitelist", lambda: newer)
    return newer


def test_deprecated_parameters_are_reported(newer_whitelist) -> None:
    text = "{{cite journal |title=T |journal=J |lay-url=https://example.org/ |lay-date=2020}}"
    findings = citelint.lint_text(text, config={"select": ["CITE004"]})
    assert [(f.column, f.message) for f in findings] == [
        (36, "Cite uses deprecated parameter |lay-url= (CS1: deprecated_params)"),
        (66, "Cite uses deprecated parameter |lay-date=; use |date= (CS1: deprecated_params)"),
    ]


def test_current_whitelist_has_no_deprecated_parameter() -> None:
    assert "deprecated" not in whitelist().basic.values()


def test_bundled_whitelist_reports_nothing() -> None:
    text = "{{cite journal |title=T |journal=J |lay-url=https://example.org/ |lay-date=2020}}"
    assert citelint.lint_text(text, config={"select": ["CITE004"]}) == []


def test_deprecated_alias_renamed_by_a_safe_fix(newer_whitelist) -> None:
    from citelint.fixes import apply, select_fixes

    rule = cite004.DeprecatedParameter
    findings = citelint.lint_text(rule.bad, config={"select": ["CITE004"]})
    assert [(f.column, f.message) for f in findings] == [
        (
            52,
            "Cite uses deprecated parameter |accessdate=; use |access-date= "
            "(CS1: deprecated_params)",
        )
    ]
    assert findings[0].fix is not None and findings[0].fix.applicability == "safe"
    assert apply(rule.bad, select_fixes(findings)) == rule.good
    assert citelint.lint_text(rule.good, config={"select": ["CITE004"]}) == []
