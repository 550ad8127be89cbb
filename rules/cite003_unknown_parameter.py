from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import whitelist
from citelint.cs1.fixes import rename_fix
from citelint.cs1.model import Arg, Citation
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Edit, Fix, Problem
from citelint.index import Index
from citelint.rule import Option, Rule


class UnknownParameter(Rule):
    """A citation template has a parameter CS1 does not know. CS1 ignores it, so whatever it
    holds never reaches the reader, and the page shows "Unknown parameter |x= ignored".

    The verdict follows CS1's whitelist (``citelint/data/cs1-parameters.json``), including
    the smaller parameter sets of ``{{cite arXiv}}`` and the other preprint templates and the
    extras of ``{{cite episode}}``, ``{{cite map}}``…. The suggestion is CS1's own (the
    lower-case spelling, its rename patterns, its list: ``deadurl`` → ``url-status``,
    ``trans_title`` → ``trans-title``, ``coauthors`` → ``author``), else a close spelling.

    Keys: ``parameter_ignored_suggest`` (CS1 suggests a name), ``parameter_ignored``,
    ``text_ignored`` (text in a positional argument, e.g. a stray ``|`` in a title) and
    ``param_unknown_empty`` (unknown parameters without a value, one finding per citation
    as CS1 lists them in one message; the option ``empty`` turns that off).

    Fixes: renaming to CS1's suggestion is safe when the suggested parameter is not already
    in the citation and the value carries over unchanged (``|deadurl=yes`` becomes
    ``|url-status=dead``); removing empty unknown parameters is safe."""

    code = "CITE003"
    name = "unknown-parameter"
    summary = "Unknown parameter in a citation template"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#parameter_ignored"
    bad = "<ref>{{cite web |url=https://example.org/a |title=A |deadurl=no}}</ref>"
    good = "<ref>{{cite web |url=https://example.org/a |title=A |url-status=live}}</ref>"
    options = (Option("empty", bool, True, "also report unknown parameters that have no value"),)

    def check(self, index: Index) -> Iterator[Problem]:
        wl = whitelist()
        report_empty = self.settings["empty"]
        for c in checked_citations(index):
            cls = c.cls
            empty: list[Arg] = []
            for a in c.order:
                if a.positional:
                    if a.value.strip():
                        yield _text_ignored(a)
                    else:
                        empty.append(a)  # CS1 lists an empty |1= among the unknowns
                    continue
                name = a.name
                if wl.valid(name, cls):
                    continue
                if not a.is_set:
                    empty.append(a)
                    continue
                suggestion = wl.suggest(name, cls)
                if suggestion is not None:
                    yield cs1_problem(
                        a.start,
                        a.end,
                        f"Unknown parameter |{name}= ignored (|{suggestion}= suggested)",
                        "parameter_ignored_suggest",
                        fix=rename_fix(c, a, suggestion),
                    )
                    continue
                close = _close_spelling(name, cls)
                hint = f"; did you mean |{close}=?" if close else ""
                yield cs1_problem(
                    a.start, a.end, f"Unknown parameter |{name}= ignored{hint}", "parameter_ignored"
                )
            if empty and report_empty:
                yield _empty_unknown(empty)
            yield from _unsupported_here(c)


def _text_ignored(a: Arg) -> Problem:
    text = " ".join(a.value.split())
    if len(text) > 60:
        text = text[:57] + "…"
    return cs1_problem(
        a.start,
        a.end,
        f'Text "{text}" ignored: a positional argument in a citation; a stray | or a missing name=?',
        "text_ignored",
    )


def _empty_unknown(empty: list[Arg]) -> Problem:
    """CS1 lists all empty unknown parameters of a citation in one message; so do we, at
    the first of them. Removing them changes nothing readers see: a safe fix."""
    names = ", ".join(f"|{a.name or '(empty string)'}=" for a in empty)
    plural = "s" if len(empty) > 1 else ""
    first = empty[0]
    fix = Fix(
        f"Remove the empty unknown parameter{plural}",
        tuple(Edit(a.start, a.param.end, "") for a in empty),
    )
    return cs1_problem(
        first.start,
        first.end,
        f"Empty unknown parameter{plural} {names}; remove {'them' if plural else 'it'}",
        "param_unknown_empty",
        fix=fix,
    )


def _unsupported_here(c: Citation) -> Iterator[Problem]:
    """Known parameters that this template does not support: CS1 ignores them too."""
    enc = parts(c).encyclopedia_ignored
    if enc is not None:
        yield cs1_problem(
            enc.start,
            enc.end,
            f"Parameter |{enc.name}= ignored: only {{{{cite encyclopedia}}}} and "
            "{{citation}} support it",
            "parameter_ignored",
        )
    agency = c.first_set("Agency")
    if agency is not None and not _takes_agency(c):
        yield cs1_problem(
            agency.start,
            agency.end,
            f"Parameter |{agency.name}= ignored: only news, magazine, web and press release "
            "citations support it",
            "parameter_ignored",
        )
    if c.cls == "newsgroup":
        pub = c.first_set("PublisherName")
        if pub is not None:
            yield cs1_problem(
                pub.start,
                pub.end,
                f"Parameter |{pub.name}= ignored: {{{{cite newsgroup}}}} does not support it",
                "parameter_ignored",
            )


def _takes_agency(c: Citation) -> bool:
    if c.cls in ("magazine", "news", "pressrelease", "web"):
        return True
    periodical = c.first_set("Periodical")
    return (
        c.cls == "citation"
        and periodical is not None
        and periodical.name in ("magazine", "newspaper", "work")
    )


def _close_spelling(name: str, cls: str) -> str | None:
    """The closest valid parameter name (edit distance), for names CS1 has no suggestion for."""
    from citelint.cs1.spelling import closest

    return closest(name, cls)
