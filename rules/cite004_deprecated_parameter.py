from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.fixes import rename_fix
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


def preferred_name(name: str) -> str | None:
    """The first (canonical) alias of the meta-parameter ``name`` belongs to:
    ``accessdate`` → ``access-date``; None when ``name`` is already that or not an alias."""
    for names in config()["aliases"].values():
        if name in names and names[0] != name:
            return names[0]
    return None


class DeprecatedParameter(Rule):
    """A citation parameter that CS1 still accepts but plans to drop, so the citation will
    break when it goes: ``deprecated_params`` for every parameter the whitelist
    (``citelint/data/cs1-parameters.json``, generated from Module:Citation/CS1/Whitelist)
    marks deprecated. When the parameter is an alias of a current one (``|accessdate=`` of
    ``|access-date=``), the safe fix renames it.

    The current whitelist (August 2024) deprecates nothing, so this rule has nothing to
    report until CS1 deprecates a parameter again; the data decides, not the code."""

    code = "CITE004"
    name = "deprecated-parameter"
    severity = Severity.WARNING
    summary = "Deprecated citation parameter"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#deprecated_params"
    bad = "<ref>{{cite web |url=https://example.org/ |title=T |accessdate=1 May 2020}}</ref>"
    good = "<ref>{{cite web |url=https://example.org/ |title=T |access-date=1 May 2020}}</ref>"
    #: the current CS1 whitelist deprecates no parameter: ``bad`` is flagged only by a
    #: whitelist that deprecates ``|accessdate=`` (tests/cs1/test_deprecated.py)
    dormant = "Module:Citation/CS1/Whitelist (August 2024) deprecates no parameter"

    def check(self, index: Index) -> Iterator[Problem]:
        wl = whitelist()
        for c in checked_citations(index):
            for a in c.order:
                if a.positional or not a.is_set or wl.status(a.name, c.cls) != "deprecated":
                    continue
                instead = preferred_name(a.name) or wl.suggestions.get(a.name.lower())
                if instead is not None and not wl.valid(instead, c.cls):
                    instead = None
                hint = f"; use |{instead}=" if instead else ""
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"Cite uses deprecated parameter |{a.name}={hint}",
                    "deprecated_params",
                    fix=rename_fix(c, a, instead) if instead else None,
                )
