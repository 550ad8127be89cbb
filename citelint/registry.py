"""Finding every installed rule and turning selectors (codes, prefixes, names) into rules."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import entry_points

from citelint.rule import Rule, rule_classes_in

ENTRY_POINT_GROUP = "citelint.rules"
_CODE = re.compile(r"^[A-Z]{2,8}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RegistryError(Exception):
    """A plugin is broken: bad code, duplicate code or name, import failure."""


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every rule by code, built-in and plugin, sorted by code."""
    import citelint.rules as builtin

    sources: list[object] = [builtin]
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.value == "citelint.rules":
            continue  # the built-in package, already scanned
        try:
            sources.append(ep.load())
        except Exception as exc:  # a broken plugin must not take the linter down
            raise RegistryError(f"cannot load rule plugin {ep.name!r} ({ep.value}): {exc}") from exc
    rules: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    for source in sources:
        try:
            classes = list(rule_classes_in(source))
        except ImportError as exc:
            raise RegistryError(str(exc)) from exc
        for cls in classes:
            if not _CODE.match(cls.code):
                raise RegistryError(f"rule {cls.__qualname__} has an invalid code {cls.code!r}")
            if not _NAME.match(cls.name):
                raise RegistryError(f"rule {cls.code} has an invalid name {cls.name!r}")
            other = rules.get(cls.code)
            if other is not None and other is not cls:
                raise RegistryError(
                    f"two rules share the code {cls.code}: {other.__module__} and {cls.__module__}"
                )
            if names.get(cls.name, cls.code) != cls.code:
                raise RegistryError(f"two rules share the name {cls.name!r}")
            rules[cls.code] = cls
            names[cls.name] = cls.code
    return dict(sorted(rules.items()))


def resolve(selector: str, rules: dict[str, type[Rule]] | None = None) -> list[str]:
    """Codes matched by a selector: ``ALL``, a code, a code prefix (``REF``, ``CITE0``) or a
    rule name. An unknown selector is an error, never silently nothing."""
    rules = all_rules() if rules is None else rules
    sel = selector.strip()
    if sel.upper() == "ALL":
        return list(rules)
    if sel.upper() in rules:
        return [sel.upper()]
    for code, cls in rules.items():
        if cls.name == sel.lower():
            return [code]
    prefix = sel.upper()
    matched = [code for code in rules if code.startswith(prefix)]
    if matched and re.match(r"^[A-Z]+[0-9]*$", prefix):
        return matched
    raise ValueError(f"unknown rule selector {selector!r}")
