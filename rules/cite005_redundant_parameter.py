from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.model import Arg, Citation, citations, name_lists_present, name_role
from citelint.cs1.resolve import is_empty
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

# in-source locations (|page=/|p=, |pages=/|pp=, |at=, and |sheet(s)= in cite map): CS1 shows
# one of them and reports the rest as redundant
_LOCATOR_METAS = ("Page", "Pages", "At")


class RedundantParameter(Rule):
    """The same thing given twice in one citation, so one value is silently dropped:

    - the same parameter twice (``|title=A … |title=B``): MediaWiki passes only the last
      value to the template and lists the page under "Pages using duplicate arguments in
      template calls";
    - ``redundant_parameters``: two aliases of one CS1 parameter (``|work=`` and
      ``|website=``, ``|access-date=`` and ``|accessdate=``, ``|author1=`` and ``|last1=``),
      or more than one of ``|page=``, ``|pages=``, ``|at=``. CS1 uses the first in its own
      order and shows "More than one of … specified".

    A repeated parameter is reported at each repetition, naming the first; a redundant
    alias at the alias CS1 drops, naming the one it keeps."""

    code = "CITE005"
    name = "redundant-parameter"
    summary = "Parameter given twice or with a redundant alias"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#redundant_parameters"
    bad = (
        "<ref>{{cite web |url=https://example.org/a |title=A |work=Example |website=Example}}</ref>"
    )
    good = "<ref>{{cite web |url=https://example.org/a |title=A |website=Example}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        doc = index.doc
        for c in citations(index):
            for a in c.order if c.repeated else ():
                if not a.earlier:
                    continue
                first = a.earlier[0]
                line = doc.position(first.start)[0]
                shown = f"|{a.name}=" if not a.positional else f"Positional argument {a.name}"
                for p in [*a.earlier[1:], a.param]:
                    yield Problem(
                        p.start - 1,
                        p.value_start + len(p.value.rstrip()),
                        f"{shown} is given again (first on line {line}); MediaWiki keeps only "
                        "the last value and drops the others",
                    )
            if not is_empty(c):  # CS1 shows only "Empty citation" then
                yield from _redundant(c)


def _redundant(c: Citation) -> Iterator[Problem]:
    groups: list[list[Arg]] = [v for v in c.metas.values() if len(v) > 1]
    if name_lists_present(c):
        groups.extend(_name_slots(c))
    metas = c.metas
    locators = [found[0] for m in _LOCATOR_METAS if (found := metas.get(m))]
    if c.cls == "map":
        locators.extend(a for a in (c.arg("sheet"), c.arg("sheets")) if a is not None)
    if len(locators) > 1:
        groups.append(locators)
    seen: set[int] = set()
    for group in groups:
        kept, dropped = group[0], group[1:]
        dropped = [a for a in dropped if id(a) not in seen]
        if not dropped:
            continue
        seen.update(id(a) for a in dropped)
        names = ", ".join(f"|{a.name}=" for a in group)
        first = min(dropped, key=lambda a: a.start)
        yield cs1_problem(
            first.start,
            first.end,
            f"More than one of {names} specified; CS1 uses |{kept.name}=",
            "redundant_parameters",
        )


def _name_slots(c: Citation) -> list[list[Arg]]:
    """Name-list slots (``|author1=`` and ``|last1=``…) filled by more than one alias."""
    slots: dict[tuple[str, str, int], list[tuple[tuple[int, int], Arg]]] = {}
    for a in c.order:
        if a.positional or not a.is_set:
            continue
        for list_name, kind, i, prio in name_role(a.name):
            slots.setdefault((list_name, kind, i), []).append((prio, a))
    return [[a for _, a in sorted(v, key=lambda x: x[0])] for v in slots.values() if len(v) > 1]
