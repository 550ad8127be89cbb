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


@lru_cache(maxsize=1)
def ref_templates() -> dict[str, dict[str, str | None]]:
    """Footnote, reuse and list templates with their default groups."""
    text = resources.files("citelint").joinpath("data/ref_templates.json").read_text("utf-8")
    data = json.loads(text)
    data.pop("_about", None)
    return data
