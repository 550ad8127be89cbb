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
    "explicit_et_al": 'Explicit "et al." in |{name}=: use |display-{label}=etal',
    "generic_name": "|{name}= holds a generic name, not a person's name",
    "vancouver": "Vancouver style error in |{name}=: {detail}",
    "mult_names": "Multiple names in |{name}=: one name per parameter (|last1=, |last2=…)",
    "numeric_names": "|{name}= holds no letters: a number or date is not a name",
    "numeric_names/maint": "|{name}= mixes digits with other characters",
}


class NameListProblem(Rule):
    """A problem in a citation's list of authors, editors, translators…

    Errors (as CS1 reports them, at severity error): ``first_missing_last``
    (``|first2=`` without ``|last2=``), ``missing_name`` (a hole in the numbering:
    ``|last1=``, ``|last3=``), ``explicit_et_al`` ("et al." typed into a name; use
    ``|display-authors=etal``), ``generic_name`` (not a person: ``|author=Facebook``,
    ``Site name``, ``Author``, ``Newsroom``, or an editor annotation such as
    ``Smith, J. (ed.)``; CS1's list also hits some institutions, "… Policy Institute"; write
    those as ``((…))``), ``numeric_names`` (a name with no letters: ``|last2=1947–2009``),
    ``vancouver`` (``|vauthors=`` not in Vancouver style). CS1 reports one generic and one
    numeric name per citation.

    Maintenance messages, which CS1 shows only to editors who ask (reported here at the
    rule's warning level): ``mult_names`` (several people in one field, "Smith, J.; Doe,
    A."; a comma in a first name counts), ``numeric_names`` (digits mixed with other
    characters, "Smith 2"). Each once per citation, as CS1 adds one category. A value
    wrapped in ``((…))`` is accepted as written. The option ``generic`` (on) turns the
    generic-name check off."""

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
            True,
            "report generic names (CS1's list: 'Facebook', 'Site name', 'Author', '(ed.)', a "
            "name containing 'policy' or 'collaborator'…); CS1 reports them as errors",
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
                template = _MESSAGES[
                    f"{base}/maint" if issue.maint and base == "numeric_names" else base
                ]
                msg = template.format(name=name, detail=issue.detail, label=label)
                start, end = (arg.start, arg.end) if arg is not None else (c.start, c.end)
                yield cs1_problem(
                    start,
                    end,
                    msg,
                    issue.key,
                    maint=issue.maint,
                    severity=None if issue.maint else Severity.ERROR,
                )
