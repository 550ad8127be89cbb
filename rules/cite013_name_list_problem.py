from __future__ import annotations

from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.names import LIST_LABEL, name_issues
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Option, Rule

_MESSAGES = {
    "first_missing_last": "{detail}: a first name without a last name",
    "missing_name": "Missing name in the {label} list: {detail}",
    "etal": 'Explicit "et al." in |{name}=: use |display-{label}=etal',
    "generic_name": "|{name}= holds a generic name, not an author",
    "vancouver": "Vancouver style error in |{name}=: {detail}",
    "mult_names": "Multiple names in |{name}=: one name per parameter (|last1=, |last2=…)",
    "extra_text_names": 'Extra text in |{name}= (an editor annotation such as "ed.")',
    "numeric_names": "|{name}= holds no letters: a number or date is not a name",
}


class NameListProblem(Rule):
    """A problem in a citation's list of authors, editors, translators…

    Errors (as CS1 reports them): ``first_missing_last`` (``|first2=`` without
    ``|last2=``), ``missing_name`` (a hole in the numbering: ``|last1=``, ``|last3=``),
    ``etal`` ("et al." typed into a name; use ``|display-authors=etal``), ``generic_name``
    (``|author=Facebook``, ``Site name``…: not a name; newer CS1, off unless the option
    ``generic`` is set, because CS1's list also matches institutions such as "International
    Food Policy Research Institute"),
    ``vancouver`` (``|vauthors=`` not in Vancouver style).

    Maintenance messages, which CS1 shows only to editors who ask (reported here at the
    same warning level): ``mult_names`` (several people in one field, "Smith, J.; Doe,
    A."), ``extra_text_names`` ("(ed.)" in a name), ``numeric_names`` (a name without
    letters). One per list and citation, as CS1 adds one category. A value wrapped in
    ``((…))`` is accepted as written."""

    code = "CITE013"
    name = "name-list-problem"
    severity = Severity.WARNING
    summary = "Problem in a citation's author or editor names"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#first_missing_last"
    bad = "<ref>{{cite book |last=Smith, J.; Doe, A. |title=A book |year=2001}}</ref>"
    good = "<ref>{{cite book |last1=Smith |first1=J. |last2=Doe |first2=A. |title=A book |year=2001}}</ref>"
    options = (
        Option(
            "generic",
            bool,
            False,
            "report generic names (CS1 since 2021: 'Facebook', 'Site name', a name containing "
            "'policy' or 'collaborator'…); off by default: the list also hits real institutions",
        ),
    )

    def check(self, index: Index) -> Iterator[Problem]:
        generic = self.settings["generic"]
        for c in checked_citations(index):
            for issue in name_issues(c, generic=generic):
                base = issue.key.split("/")[0]
                arg = issue.arg
                name = arg.name if arg is not None else ""
                label = LIST_LABEL[issue.list_name]
                msg = _MESSAGES[base].format(name=name, detail=issue.detail, label=label)
                start, end = (arg.start, arg.end) if arg is not None else (c.start, c.end)
                yield cs1_problem(start, end, msg, issue.key, maint=issue.maint)
