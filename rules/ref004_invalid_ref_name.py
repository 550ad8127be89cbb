from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

_INTEGER = re.compile(r"^[0-9]+$")


class InvalidRefName(Rule):
    """A ref name MediaWiki rejects or misreads: a plain integer ("Cite error: Invalid
    <ref> tag; name cannot be a simple integer"), or a name with a stray quote, which
    usually means an unbalanced ``name="x`` (CheckWiki 104)."""

    code = "REF004"
    name = "invalid-ref-name"
    severity = Severity.ERROR
    summary = "Ref name is numeric or has unbalanced quotes"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_numeric_key"
    bad = 'A.<ref name="1">Smith 2001.</ref>\n\n{{reflist}}'
    good = 'A.<ref name="smith2001">Smith 2001.</ref>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for ref in index.refs:
            if ref.kind != "tag":
                continue
            attr = ref.attr("name")
            if attr is None or attr.value is None:
                continue
            name = attr.value.strip()
            if _INTEGER.match(name):
                yield Problem(attr.start, attr.end, f'The ref name "{name}" is a plain number')
            elif '"' in name or (attr.quotes is None and "'" in name[:1] + name[-1:]):
                yield Problem(attr.start, attr.end, f"The ref name {name!r} has unbalanced quotes")
