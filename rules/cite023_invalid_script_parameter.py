from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

_PREFIX = re.compile(r"([a-z][a-z][a-z]?)\s*:")
_TITLE_PART = re.compile(r"([a-z][a-z][a-z]?)\s*:\s*\S")
SCRIPT_METAS = ("ScriptTitle", "ScriptChapter", "ScriptPeriodical", "ScriptQuote")


class InvalidScriptParameter(Rule):
    """A ``|script-title=`` (or ``|script-chapter=``, ``|script-work=``…, ``|script-quote=``)
    must start with the language code of a non-Latin script CS1 knows, then the text:
    ``|script-title=ja:東京``. Without the prefix, with an unknown code, or with only the
    prefix, CS1 reports "Invalid |script-title=" and drops the value.

    Key: ``script_parameter``. The accepted codes are CS1's ``script_lang_codes``
    (``citelint/data/cs1-config.json``)."""

    code = "CITE023"
    name = "invalid-script-parameter"
    summary = "script- parameter without a valid language prefix"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#script_parameter"
    bad = "<ref>{{cite web |url=https://example.org/ |title=Tokyo |script-title=東京}}</ref>"
    good = "<ref>{{cite web |url=https://example.org/ |title=Tokyo |script-title=ja:東京}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        codes = frozenset(config()["script_lang_codes"])
        for c in checked_citations(index):
            for meta in SCRIPT_METAS:
                a = c.first_set(meta)
                if a is None or a.opaque:
                    continue
                why = _problem(a.value, codes)
                if why is not None:
                    yield cs1_problem(
                        a.start, a.end, f"Invalid |{a.name}=: {why}", "script_parameter"
                    )


def _problem(value: str, codes: frozenset[str]) -> str | None:
    if _PREFIX.match(value) is None:
        return "missing language prefix (e.g. ja:)"
    m = _TITLE_PART.match(value)
    if m is None:
        return "a language prefix with no text after it"
    if m.group(1) not in codes:
        return f"'{m.group(1)}' is not a language code CS1 accepts here"
    return None
