"""CS1 data: the parameter whitelist and suggestions, the citation templates, the behaviour
tables. Loaded once from ``citelint/data/cs1-*.json`` and compiled into lookups.

The files are plain data so that a newer whitelist (``cs1-parameters.json``, extracted from
Module:Citation/CS1/Whitelist and /Suggestions) can be dropped in without code changes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from citelint.cs1.lua import compile_lua

if TYPE_CHECKING:
    from citelint.index import Index

#: CS1 replaces enumerators by ``#`` at the end of a name and before ``-`` or a literal
#: ``l`` (``|last25=`` → ``last#``, ``|author2-link=`` → ``author#-link``, ``|author2link=``)
_ENUM_END = re.compile(r"[0-9]+\Z")
_ENUM_MID = re.compile(r"[0-9]+(?=[-l])")

#: CitationClass values of the preprint templates, which accept a limited parameter set
PREPRINT_CLASSES = frozenset(["arxiv", "biorxiv", "citeseerx", "medrxiv", "ssrn"])


def enum_name(name: str) -> str:
    """The whitelist key of ``name``: its enumerators replaced by ``#`` as CS1 does."""
    return _ENUM_MID.sub("#", _ENUM_END.sub("#", name))


def _read(name: str) -> dict[str, Any]:
    text = resources.files("citelint").joinpath(f"data/{name}").read_text("utf-8")
    data = json.loads(text)
    data.pop("_about", None)
    data.pop("_source", None)
    data.pop("_stale_suggestions", None)
    data.pop("_generated", None)
    return data


@dataclass(frozen=True, eq=False)
class Whitelist:
    """Which parameters a citation class accepts, and what CS1 suggests for the others."""

    basic: dict[str, str]
    numbered: dict[str, str]
    limited_basic: dict[str, str]
    limited_numbered: dict[str, str]
    preprint: dict[str, dict[str, str]]
    unique: dict[str, dict[str, str]]
    document: dict[str, str]
    suggestions: dict[str, str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]

    def status(self, name: str, cls: str) -> str | None:
        """``supported``/``deprecated``/… for ``name`` in citation class ``cls``; None when CS1
        does not know it (or it is ``removed``)."""
        return _status(self, name, cls)

    def valid(self, name: str, cls: str) -> bool:
        return self.status(name, cls) is not None

    def suggest(self, name: str, cls: str) -> str | None:
        """CS1's suggestion for an unknown parameter, or None (Module:Citation/CS1 order: the
        lower-case spelling, then the patterns, then the explicit list; a suggestion must
        itself be valid for this template)."""
        lower = name.lower()
        if lower != name and self.valid(lower, cls):
            return lower
        from citelint.cs1.lua import lua_substitute

        for regex, target in self.patterns:
            m = regex.search(name)
            if m is not None:
                suggestion = lua_substitute(target, m)
                return suggestion if self.valid(suggestion, cls) else None
        target = self.suggestions.get(lower)
        if target is not None and self.valid(target, cls):
            return target
        return None


@lru_cache(maxsize=16384)
def _status(wl: Whitelist, name: str, cls: str) -> str | None:
    if "#" in name:
        return None  # '#' is reserved by CS1
    key = enum_name(name)
    if cls == "document":
        return wl.document.get(key)
    if cls in PREPRINT_CLASSES:
        found = wl.limited_basic.get(key) or wl.limited_numbered.get(key)
        return found or wl.preprint.get(cls, {}).get(name)
    found = wl.unique.get(cls, {}).get(name) if cls in wl.unique else None
    return found or wl.basic.get(key) or wl.numbered.get(key)


@lru_cache(maxsize=1)
def whitelist() -> Whitelist:
    d = _read("cs1-parameters.json")
    return Whitelist(
        basic=d.get("basic_arguments", {}),
        numbered=d.get("numbered_arguments", {}),
        limited_basic=d.get("limited_basic_arguments", {}),
        limited_numbered=d.get("limited_numbered_arguments", {}),
        preprint=d.get("preprint_arguments", {}),
        unique=d.get("unique_arguments", {}),
        document=d.get("document_arguments", {}),
        suggestions={k.lower(): v for k, v in d.get("suggestions", {}).items()},
        patterns=tuple((compile_lua(p), s) for p, s in d.get("suggestion_patterns", {}).items()),
    )


@lru_cache(maxsize=1)
def templates() -> dict[str, str]:
    """Lower-cased normalised template name → CitationClass, redirects included."""
    d = _read("cs1-templates.json")
    classes: dict[str, str] = d["classes"]
    out = {name.lower(): cls for name, cls in classes.items()}
    for alias, target in d.get("redirects", {}).items():
        out[alias.lower()] = classes[target]
    return out


@lru_cache(maxsize=1)
def date_format_templates() -> dict[str, str]:
    """``{{Use dmy dates}}`` and friends: lower-cased name → ``dmy`` or ``mdy``."""
    d = _read("cs1-templates.json")
    return {k.lower(): v for k, v in d.get("use_date_format", {}).items()}


def article_date_format(index: Index) -> str | None:
    """``dmy`` or ``mdy`` from ``{{Use dmy dates}}``/``{{Use mdy dates}}`` (and redirects);
    None when the article has neither, or both."""
    table = date_format_templates()
    found = {table[t.name.lower()] for t in index.templates if t.name.lower() in table}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """The behaviour tables of ``cs1-config.json`` (aliases, keywords, limits, patterns)."""
    return _read("cs1-config.json")


@lru_cache(maxsize=1)
def metas_of() -> dict[str, tuple[tuple[str, int], ...]]:
    """Parameter name → ((meta-parameter, alias rank), …): ``accessdate`` →
    ``(("AccessDate", 1),)``. Lets a citation resolve all its aliases in one pass. Names
    the whitelist does not know are left out, so that a different whitelist can be dropped
    in without a parameter being both unknown and used."""
    wl = whitelist()
    out: dict[str, list[tuple[str, int]]] = {}
    for meta, names in config()["aliases"].items():
        for rank, n in enumerate(names):
            if known_anywhere(wl, n):
                out.setdefault(n, []).append((meta, rank))
    return {k: tuple(v) for k, v in out.items()}


def known_anywhere(wl: Whitelist, name: str) -> bool:
    """Whether any citation class accepts ``name``."""
    if wl.valid(name, "citation"):
        return True
    if any(name in extra for extra in wl.unique.values()):
        return True
    return any(wl.valid(name, cls) for cls in PREPRINT_CLASSES)


@lru_cache(maxsize=1)
def archived_copy() -> re.Pattern[str]:
    """CS1's "Archived copy" placeholder title (a maintenance message), a Lua pattern that
    CS1 matches against the lower-cased title."""
    return compile_lua(config()["archived_copy"])


def compiled(key: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The regex list ``key`` of cs1-config.json, compiled once."""
    return _compiled(key, flags)


@lru_cache(maxsize=32)
def _compiled(key: str, flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in config()[key])


def lua_bytes(value: str) -> str:
    """The UTF-8 bytes of ``value`` as a str of code points 0–255: what Lua's byte-wise
    string functions (``string.find``, ``string.lower``) see."""
    return value if value.isascii() else value.encode("utf-8").decode("latin-1")


class GenericTests:
    """One of CS1's ``accept``/``reject`` lists of generic names or titles: plain strings,
    found anywhere in the lower-cased value, and Lua patterns (one combined regex). CS1
    runs its English tests byte-wise, so values and tests are compared as UTF-8 bytes."""

    def __init__(self, tests: list[list[Any]]) -> None:
        # a plain search compares the lower-cased value with the string as written, so an
        # entry with a capital letter ("linkedIn") can never match, in CS1 as here
        self.plain = tuple(lua_bytes(t) for t, plain in tests if plain)
        # %f[%A] is %f[^%a]; compile_lua takes a negated class inside a set only this way
        patterns = [
            compile_lua(lua_bytes(t).replace("%f[%A]", "%f[^%a]")).pattern
            for t, plain in tests
            if not plain
        ]
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def __call__(self, raw: str) -> bool:
        if self.plain:
            low = raw.encode("latin-1").lower().decode("latin-1")
            if any(t in low for t in self.plain):
                return True
        return self.regex is not None and self.regex.search(raw) is not None


@lru_cache(maxsize=4)
def _generic_tests(item: str) -> tuple[GenericTests, GenericTests]:
    table = config()[item]
    return GenericTests(table["accept"]), GenericTests(table["reject"])


def is_generic(item: str, value: str) -> bool:
    """CS1's is_generic(): ``item`` is ``generic_names`` or ``generic_titles``; an
    ``accept`` test wins over the ``reject`` ones."""
    accept, reject = _generic_tests(item)
    raw = lua_bytes(value)
    return not accept(raw) and reject(raw)
