from __future__ import annotations

from collections.abc import Iterator

from citelint.cite import cite_issues
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class InvalidRefAttribute(Rule):
    """A ``<ref>`` or ``<references>`` attribute that Cite does not accept: an unknown
    one (often a typo such as ``nmae=``, for which Cite's suggestion is given, or a value
    with a space left unquoted, as in ``name=my ref``), ``dir`` other than ``ltr``,
    ``rtl`` or ``auto``, two directions for one name, or ``follow`` together with
    ``name``. ``{{#tag:ref|…|x=…}}`` passes its named parameters on as attributes.
    MediaWiki shows "Cite error: Invalid parameter "x" in <ref> tag"."""

    code = "REF005"
    name = "invalid-ref-attribute"
    severity = Severity.ERROR
    summary = "Unknown or conflicting <ref>/<references> attribute"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_too_many_keys"
    bad = "A.<ref name=smith 2001>Smith 2001.</ref>\n\n{{reflist}}"
    good = 'A.<ref name="smith 2001">Smith 2001.</ref>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for issue in cite_issues(index):
            if issue.code == self.code:
                yield Problem(issue.start, issue.end, issue.message)
