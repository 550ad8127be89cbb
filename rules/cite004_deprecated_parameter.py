from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import whitelist
from citelint.cs1.resolve import checked_citations
from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class DeprecatedParameter(Rule):
    """A citation parameter that CS1 still accepts but plans to drop, so the citation will
    break when it goes: ``deprecated_params`` for every parameter the whitelist
    (``citelint/data/cs1-parameters.json``) marks ``deprecated``, with CS1's suggested
    replacement where it has one.

    Also ``|ref=harv`` (maintenance message ``ref_harv``): since 2020 CS1 makes the CITEREF
    anchor for ``{{sfn}}`` and ``{{harv}}`` itself, the keyword is redundant, and newer
    CS1 rejects it as an invalid value. The fix removes it."""

    code = "CITE004"
    name = "deprecated-parameter"
    severity = Severity.WARNING
    summary = "Deprecated citation parameter"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#deprecated_params"
    bad = "<ref>{{cite book |last=Roe |title=A book |year=2001 |ref=harv}}</ref>"
    good = "<ref>{{cite book |last=Roe |title=A book |year=2001}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        wl = whitelist()
        for c in checked_citations(index):
            for a in c.order:
                if a.positional:
                    continue
                if a.name == "ref" and a.value == "harv":
                    fix = Fix("Remove |ref=harv", (Edit(a.start, a.param.end, ""),))
                    yield cs1_problem(
                        a.start,
                        a.end,
                        "|ref=harv is redundant: CS1 makes the anchor itself; remove it",
                        "ref_harv",
                        maint=True,
                        fix=fix,
                    )
                    continue
                if not a.is_set or wl.status(a.name, c.cls) != "deprecated":
                    continue
                instead = wl.suggestions.get(a.name.lower())
                hint = f"; use |{instead}=" if instead and wl.valid(instead, c.cls) else ""
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"Cite uses deprecated parameter |{a.name}={hint}",
                    "deprecated_params",
                )
