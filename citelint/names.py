"""Normalising template names, and the tables of templates that make refs and lists."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SPACES = re.compile(r"[\s_]+")
_PREFIX = re.compile(r"^(?:safesubst:|subst:|msgnw:)?\s*(?:template:)?", re.I)


@lru_cache(maxsize=4096)
def normalize_template_name(raw: str) -> str:
    """``{{ cite_web }}``, ``{{Template:Cite web}}`` → ``Cite web`` (MediaWiki title rules)."""
    name = _COMMENT.sub("", raw) if "<!--" in raw else raw
    name = _SPACES.sub(" ", name).strip()
    name = _PREFIX.sub("", name).strip()
    if name.startswith("#"):
        head, sep, tail = name.partition(":")
        return head.lower() + sep + tail.strip()
    return name[:1].upper() + name[1:]


#: The group values that {{efn}} and {{notelist}} pass on; anything else becomes their
#: default group (their ``{{#switch:}}`` on English Wikipedia).
_NOTE_GROUPS = ("note", "upper-alpha", "upper-roman", "lower-alpha", "lower-greek", "lower-roman")


def _spec(value: str | dict | None, kind: str) -> dict | None:
    """One table entry as a dict: ``group`` (default), ``fixed_group`` (the template
    ignores ``group=``), ``group_values`` (only these pass, else the default),
    ``content`` (footnote text parameters, first present wins), ``refs`` (parameters
    holding list-defined refs)."""
    if value is None:
        return None
    spec = {"group": value} if isinstance(value, str) else dict(value)
    spec.setdefault("group", "")
    spec.setdefault("fixed_group", False)
    if spec.get("group_values") == "notes":
        spec["group_values"] = _NOTE_GROUPS
    spec.setdefault("group_values", None)
    spec.setdefault("content", ["1"])
    spec.setdefault("refs", ["refs"] if kind == "list" else [])
    return spec


@lru_cache(maxsize=1)
def ref_templates() -> dict[str, dict[str, dict | None]]:
    """Footnote, reuse and list templates, each with its spec (see :func:`_spec`)."""
    text = resources.files("citelint").joinpath("data/ref_templates.json").read_text("utf-8")
    data = json.loads(text)
    data.pop("_about", None)
    return {
        kind: {name: _spec(value, kind) for name, value in table.items()}
        for kind, table in data.items()
    }
