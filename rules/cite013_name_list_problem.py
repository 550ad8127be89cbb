from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.names import LIST_LABEL, display_name_issues, name_issues
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
    "numeric_names": "|{name}= holds no letters: a number or date is not a name",
    "disp_name": "Invalid |{name}={value}: {detail}",
}
#: CS1 reads {{cs1 config}} from the page text like this; its settings override the
#: citations' |display-…=
_CS1_CONFIG = re.compile(r"\{\{ *[Cc][Ss]1 config *[|}]")


class NameListProblem(Rule):
    """A problem in a citation's list of authors, editors, translators… that CS1 reports as
    an error:

    - ``first_missing_last``: ``|first2=`` without ``|last2=``;
    - ``missing_name``: a hole in the numbering (``|last1=``, ``|last3=``);
    - ``explicit_et_al``: "et al." typed into a name (or into ``|people=``); use
      ``|display-authors=etal``;
    - ``generic_name``: not a person: ``|author=Facebook``, ``Site name``, ``Author``,
      ``Newsroom``, or an editor annotation such as ``Smith, J. (ed.)``. CS1's list also hits
      some institutions ("… Policy Institute"); write those as ``((…))``. The option
      ``generic`` (on) turns this check off;
    - ``numeric_names``: a name with no letters (``|last2=1947–2009``);
    - ``vancouver``: ``|vauthors=`` not in Vancouver style;
    - ``disp_name``: ``|display-authors=`` (or ``-editors=``…) neither ``etal`` nor a number
      smaller than the number of names (not checked on a page with ``{{cs1 config}}``).

    CS1 reports one generic and one numeric name per citation. A value wrapped in ``((…))``
    is accepted as written. The maintenance messages about names (several names in one
    field, digits among letters) are CITE900's."""

    code = "CITE013"
    name = "name-list-problem"
    severity = Severity.ERROR
    summary = "Problem in a citation's author or editor names"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#first_missing_last"
    bad = "<ref>{{cite book |last1=Smith |first1=J. |last2=et al. |title=A book |year=2001}}</ref>"
    good = (
        "<ref>{{cite book |last1=Smith |first1=J. |last2=Doe |first2=A. |display-authors=etal "
        "|title=A book |year=2001}}</ref>"
    )
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
        global_config = _CS1_CONFIG.search(index.text) is not None
        for c in checked_citations(index):
            issues = name_issues(c, generic=generic)
            if not global_config:
                issues = issues + display_name_issues(c)
            for issue in issues:
                if issue.maint:
                    continue  # CITE900
                arg = issue.arg
                name = arg.name if arg is not None else ""
                label = LIST_LABEL[issue.list_name]
                value = arg.value if arg is not None else ""
                msg = _MESSAGES[issue.key].format(
                    name=name, detail=issue.detail, label=label, value=value
                )
                start, end = (arg.start, arg.end) if arg is not None else (c.start, c.end)
                yield cs1_problem(start, end, msg, issue.key)
