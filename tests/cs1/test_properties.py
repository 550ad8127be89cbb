"""Property tests: no CITE rule crashes on any generated citation, and every finding points
inside the text with a well-formed CS1 key."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citelint
from citelint.cs1 import cs1_key
from citelint.cs1.data import whitelist

_NAMES = [
    *sorted(whitelist().basic)[::7],
    "last1",
    "first2",
    "author3-link",
    "editor1-last",
    "deadurl",
    "Title",
    "trans_title",
    "accessdate",
    "archive-url",
    "isbn",
    "doi",
    "date",
    "year",
    "url",
    "title",
    "",
    " ",
]
_TEMPLATES = [
    "cite web",
    "Cite news",
    "cite_book",
    " cite journal ",
    "citation",
    "cite arXiv",
    "cite episode",
    "cite encyclopedia",
    "cite map",
    "Cite AV media",
]
_PIECES = [
    "1 May 2020",
    "May 1, 2020",
    "2020-02-30",
    "c. 1900",
    "n.d.",
    "Summer 2019–20",
    "https://example.org/a",
    "http//x",
    "https://example.org/x.html%7C website=X",
    "[https://example.org label]",
    "[[Link|label]]",
    "''italic''",
    "{{lang|fr|x}}",
    "<!-- c -->",
    "<!-- unclosed",
    "<ref>r</ref>",
    "<nowiki>n</nowiki>",
    "&nbsp;",
    "\u200b",
    "\n",
    "=",
    "((x))",
    "978-0-470-09095-4",
    "10.1000/182",
    "Smith, J.; Doe, A.",
    "et al.",
    "(ed.)",
    "}}",
    "{{",
]
_value = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=4).map("".join)
_param = st.tuples(st.one_of(st.sampled_from(_NAMES), st.text(max_size=6)), _value).map(
    lambda nv: f"|{nv[0]}={nv[1]}" if "=" not in nv[0] else f"|{nv[1]}"
)
_positional = _value.map(lambda v: f"|{v}")
_template = st.tuples(
    st.sampled_from(_TEMPLATES),
    st.lists(st.one_of(_param, _positional), max_size=8),
    st.sampled_from(["}}", "}}", "}}", "}", ""]),
).map(lambda t: "{{" + t[0] + "".join(t[1]) + t[2])
_document = st.lists(
    st.one_of(_template, _template.map(lambda t: f"<ref>{t}</ref>"), st.sampled_from(_PIECES)),
    max_size=5,
).map(lambda parts: "{{Use dmy dates}}\n" + " ".join(parts))

_KEY = re.compile(r"(?:maint:)?[a-z0-9_]+(?:/[a-z]+)?\Z")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_no_rule_crashes_and_findings_are_in_range(text: str) -> None:
    findings = citelint.lint_text(text, config={"select": ["CITE"]})
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(text)
        assert f.code.startswith("CITE")
        key = cs1_key(f.message)
        if key is not None:
            assert _KEY.match(key)
        if f.fix is not None:
            for e in f.fix.edits:
                assert 0 <= e.offset <= e.end_offset <= len(text)
