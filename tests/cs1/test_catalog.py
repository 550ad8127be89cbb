"""Every current CS1 error key has exactly one citelint code (citelint/data/cs1-catalog.json),
and every rule that reports CS1 keys only reports the keys the catalog gives it."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

from citelint.cs1.data import config


def _catalog() -> dict:
    text = resources.files("citelint").joinpath("data/cs1-catalog.json").read_text("utf-8")
    return json.loads(text)


def test_every_cs1_error_key_has_exactly_one_code() -> None:
    errors = set(config()["messages"]["error"])
    listed = Counter(k for keys in _catalog()["errors"].values() for k in keys)
    assert sorted(errors - set(listed)) == []
    assert sorted(set(listed) - errors) == []
    assert [k for k, n in listed.items() if n > 1] == []


def test_catalog_codes_are_rules() -> None:
    from citelint.registry import all_rules

    rules = all_rules()
    catalog = _catalog()
    missing = [code for code in [*catalog["errors"], catalog["maintenance"]] if code not in rules]
    assert missing == []
