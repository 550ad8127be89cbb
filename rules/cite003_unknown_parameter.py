from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import whitelist
from citelint.cs1.resolve import checked_citations, parts
from citelint.finding import Problem
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
    ``param_unknown_empty`` (an unknown parameter without a value; newer CS1 reports these,
    the option ``empty`` turns that off)."""

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
            for a in c.order:
                if a.positional:
                    if a.value.strip():
                        text = " ".join(a.value.split())
                        if len(text) > 60:
                            text = text[:57] + "…"
                        yield cs1_problem(
                            a.start,
                            a.end,
                            f'Text "{text}" ignored: a positional argument in a citation; '
                            "a stray | or a missing name=?",
                            "text_ignored",
                        )
                    continue
                name = a.name
                if wl.valid(name, cls):
                    continue
                if not a.is_set:
                    if report_empty:
                        shown = name if name else "(empty string)"
                        yield cs1_problem(
                            a.start,
                            a.end,
                            f"Unknown parameter |{shown}= is empty; remove it",
                            "param_unknown_empty",
                        )
                    continue
                suggestion = wl.suggest(name, cls)
                if suggestion is not None:
                    yield cs1_problem(
                        a.start,
                        a.end,
                        f"Unknown parameter |{name}= ignored (|{suggestion}= suggested)",
                        "parameter_ignored_suggest",
                    )
                    continue
                close = _close_spelling(name, cls)
                hint = f"; did you mean |{close}=?" if close else ""
                yield cs1_problem(
                    a.start, a.end, f"Unknown parameter |{name}= ignored{hint}", "parameter_ignored"
                )
            # known parameters that this template does not support: CS1 ignores them too
            enc = parts(c).encyclopedia_ignored
            if enc is not None:
                yield cs1_problem(
                    enc.start,
                    enc.end,
                    f"Parameter |{enc.name}= ignored: only {{{{cite encyclopedia}}}} and "
                    "{{citation}} support it",
                    "parameter_ignored",
                )
            if cls == "newsgroup":
                pub = c.first_set("PublisherName")
                if pub is not None:
                    yield cs1_problem(
                        pub.start,
                        pub.end,
                        f"Parameter |{pub.name}= ignored: {{{{cite newsgroup}}}} does not support it",
                        "parameter_ignored",
                    )


def _close_spelling(name: str, cls: str) -> str | None:
    """The closest valid parameter name (edit distance), for names CS1 has no suggestion for."""
    from citelint.cs1.spelling import closest

    return closest(name, cls)
