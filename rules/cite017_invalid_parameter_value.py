from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config
from citelint.cs1.resolve import checked_citations
from citelint.finding import Edit, Fix, Problem
from citelint.index import Index
from citelint.rule import Rule


class InvalidParameterValue(Rule):
    """A parameter that takes a keyword has a value CS1 does not know, so CS1 ignores it:
    ``|url-status=yes`` (it takes ``dead``, ``live``, ``unfit``, ``usurped``),
    ``|url-access=free`` (``subscription``, ``registration``, ``limited``; for identifiers
    ``|doi-access=free``), ``|mode=cs3``, ``|df=dmy-long``, ``|no-pp=1``. Keywords are
    matched exactly, as CS1 does (``Dead`` is not ``dead``).

    Key: ``invalid_param_val``. Which parameters take which keywords is data
    (``keywords`` and ``keyword_params`` in ``citelint/data/cs1-config.json``)."""

    code = "CITE017"
    name = "invalid-parameter-value"
    summary = "Keyword parameter with an unknown value"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#invalid_param_val"
    bad = (
        "<ref>{{cite web |url=https://example.org/a |title=A |url-status=yes "
        "|archive-url=https://web.archive.org/web/20200501000000/https://example.org/a "
        "|archive-date=1 May 2020}}</ref>"
    )
    good = (
        "<ref>{{cite web |url=https://example.org/a |title=A |url-status=dead "
        "|archive-url=https://web.archive.org/web/20200501000000/https://example.org/a "
        "|archive-date=1 May 2020}}</ref>"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        keywords = {k: frozenset(v) for k, v in config()["keywords"].items()}
        params = config()["keyword_params"]
        inverted = frozenset(config().get("invalid_keywords", ()))
        for c in checked_citations(index):
            for a in c.order:
                kind = params.get(a.name)
                if kind is None or not a.is_set or a.opaque:
                    continue
                listed = a.value in keywords[kind]
                fix = None
                if kind in inverted and listed:
                    message = f"Invalid |{a.name}={a.value}: CS1 no longer accepts this value"
                    if a.name == "ref":  # |ref=harv: CS1 makes the anchor itself
                        message += "; CS1 makes the anchor itself, remove it"
                        fix = Fix(f"Remove |ref={a.value}", (Edit(a.start, a.param.end, ""),))
                elif kind not in inverted and not listed:
                    choices = ", ".join(sorted(keywords[kind]))
                    message = f"Invalid |{a.name}={a.value}: expected one of {choices}"
                else:
                    continue
                yield cs1_problem(a.start, a.end, message, "invalid_param_val", fix=fix)
