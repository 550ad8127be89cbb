from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import PREPRINT_CLASSES, config
from citelint.cs1.dates import check_param, today_of
from citelint.cs1.model import Citation
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Option, Rule

#: a parameter that only means something next to an identifier: (meta, identifier, key)
ID_SUPPORT = (
    ("ASINTLD", "asin", "asintld_missing_asin"),
    ("DoiBroken", "doi", "doibroken_missing_doi"),
    ("Embargo", "pmc", "embargo_missing_pmc"),
)


class MissingRequiredParameter(Rule):
    """A citation lacks a parameter that another one needs, so CS1 drops what it has:

    - ``{{cite arXiv}}``, ``{{cite bioRxiv}}``, ``{{cite CiteSeerX}}``, ``{{cite medRxiv}}``
      and ``{{cite SSRN}}`` without their identifier (``arxiv_missing`` …);
    - ``|asin-tld=`` without ``|asin=``, ``|doi-broken-date=`` without ``|doi=``,
      ``|pmc-embargo-date=`` without ``|pmc=`` (``asintld_missing_asin``,
      ``doibroken_missing_doi``, ``embargo_missing_pmc``);
    - ``|contributor=`` in a book citation without ``|contribution=`` or without an
      author (``contributor_missing_required_param``)."""

    code = "CITE021"
    name = "missing-required-parameter"
    summary = "A parameter that needs another one that is missing"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#doibroken_missing_doi"
    bad = "<ref>{{cite journal |title=T |journal=J |doi-broken-date=1 May 2020}}</ref>"
    good = (
        "<ref>{{cite journal |title=T |journal=J |doi=10.1000/182 "
        "|doi-broken-date=1 May 2020}}</ref>"
    )

    options = (Option("today", str, "", "the current date as YYYY-MM-DD (default: today)"),)

    def check(self, index: Index) -> Iterator[Problem]:
        identifiers = config()["identifiers"]
        today = today_of(self.settings["today"])
        for c in checked_citations(index):
            if c.cls in PREPRINT_CLASSES:
                names = identifiers[c.cls][:2]
                if not any(c.arg(n) is not None for n in names):
                    yield cs1_problem(
                        c.start,
                        c.head_end,
                        f"{{{{cite {c.cls}}}}} requires |{names[0]}=",
                        f"{c.cls}_missing",
                    )
            for meta, ident, key in ID_SUPPORT:
                a = c.first_set(meta)
                if a is None or any(c.arg(n) for n in identifiers[ident]):
                    continue
                if meta == "Embargo" and check_param(a.value, "pmc-embargo-date", today) is None:
                    continue  # CS1 ignores an invalid embargo date (CITE006 reports it)
                yield cs1_problem(a.start, a.end, f"|{a.name}= requires |{ident}=", key)
            yield from _contributor(c)


def _contributor(c: Citation) -> Iterator[Problem]:
    """CS1 reads contributors only in book citations without a periodical."""
    if c.cls not in ("book", "citation") or c.first_set("Periodical") is not None:
        return
    contributors = c.names("ContributorList")
    if not contributors:
        return
    first = next(a for e in contributors for a in (e.last, e.first) if a is not None)
    chapter = c.first_set("Chapter")
    script = c.first_set("ScriptChapter")
    if not (
        (chapter is not None and chapter.name == "contribution")
        or (script is not None and script.name == "script-contribution")
    ):
        yield cs1_problem(
            first.start,
            first.end,
            f"|{first.name}= requires |contribution=",
            "contributor_missing_required_param",
        )
    if not c.names("AuthorList"):
        yield cs1_problem(
            first.start,
            first.end,
            f"|{first.name}= requires |author=",
            "contributor_missing_required_param",
        )
