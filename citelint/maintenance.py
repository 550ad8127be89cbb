"""The maintenance-tag data (``citelint/data/maintenance_tags.json``): tag templates with
their redirects, and what counts as an archived copy. Shared by the TAG rules and by the
link checker, so both recognise the same ``{{dead link}}`` and ``{{webarchive}}`` spellings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class TagSpec:
    """What a maintenance template is: its canonical name, rule and message label."""

    canonical: str
    rule: str
    label: str


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("citelint").joinpath("data/maintenance_tags.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def tag_table() -> dict[str, TagSpec]:
    """Every maintenance template name (canonical and redirects) → its spec."""
    table: dict[str, TagSpec] = {}
    for canonical, entry in _data()["templates"].items():
        spec = TagSpec(canonical, entry["rule"], entry["label"])
        for name in (canonical, *entry["redirects"]):
            table[name] = spec
    return table


@lru_cache(maxsize=1)
def archive_templates() -> frozenset[str]:
    return frozenset(_data()["archive_templates"])


@lru_cache(maxsize=1)
def archive_hosts() -> frozenset[str]:
    return frozenset(_data()["archive_hosts"])


@lru_cache(maxsize=1)
def names_of(canonical: str) -> frozenset[str]:
    """Every name (canonical and redirects) of one maintenance template."""
    return frozenset(name for name, spec in tag_table().items() if spec.canonical == canonical)
