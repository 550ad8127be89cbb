"""Fixture-driven rule tests: tests/rules/cases/<CODE>.toml, one file per rule.

Each ``[[case]]`` has ``text`` and ``expect``, the exact (code, line, column) list of
that rule's findings; optional ``messages`` checks that each message contains a string,
``options`` sets rule options, and ``fixed`` is the exact text after applying the safe fixes
of those findings (``unsafe_fixed``: with the unsafe ones too).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import citelint
from citelint.fixes import apply, select_fixes
from citelint.registry import all_rules

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", [])):
            out.append((path.stem, {"id": f"{path.stem}-{i}-{case.get('name', '')}", **case}))
    return out


ALL = _load()


@pytest.mark.parametrize(("code", "case"), ALL, ids=[c["id"] for _, c in ALL])
def test_case(code: str, case: dict) -> None:
    config: dict = {"select": [code]}
    if "options" in case:
        config["rules"] = {code: case["options"]}
    findings = citelint.lint_text(case["text"], config=config)
    got = [[f.code, f.line, f.column] for f in findings]
    assert got == case["expect"], [f.message for f in findings]
    for f, want in zip(findings, case.get("messages", []), strict=False):
        assert want in f.message
    if "fixed" in case:
        assert apply(case["text"], select_fixes(findings)) == case["fixed"]
    if "unsafe_fixed" in case:
        assert apply(case["text"], select_fixes(findings, unsafe=True)) == case["unsafe_fixed"]


def test_every_rule_has_a_case_file() -> None:
    have = {p.stem for p in CASES.glob("*.toml")}
    missing = [c for c, r in all_rules().items() if not r.needs_network and c not in have]
    assert missing == []


OFFLINE = [c for c, r in all_rules().items() if not r.needs_network]


@pytest.mark.parametrize("code", OFFLINE)
def test_docs_examples(code: str) -> None:
    """Every rule's documented bad example triggers it and its good example does not.
    (Network rules run their examples in tests/links against local servers.)"""
    rule = all_rules()[code]
    assert rule.bad and rule.good, f"{code} needs a bad and a good example"
    bad = [f.code for f in citelint.lint_text(rule.bad, config={"select": [code]})]
    good = [f.code for f in citelint.lint_text(rule.good, config={"select": [code]})]
    if getattr(rule, "dormant", ""):
        # the current data gives the rule nothing to report (its own test simulates data
        # that does); once the data changes this fails, and the rule must be revisited
        assert bad == [], f"{code} is no longer dormant: {rule.dormant}"
    else:
        assert code in bad
    assert good == []
