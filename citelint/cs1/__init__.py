"""CS1/CS2 citation support for the CITE rules: the citation model, CS1's parameter data,
dates, identifiers, URLs and names, following Module:Citation/CS1.

Every CITE finding that corresponds to a CS1 message carries CS1's key at the end of its
message, so tools can count findings per CS1 key (the anchors of Help:CS1 errors)::

    Unknown parameter |deadurl= ignored (|url-status= suggested) (CS1: parameter_ignored_suggest)
    Multiple names in |author= (CS1 maint: mult_names/authors)

:func:`cs1_key` reads it back. Maintenance messages use ``CS1 maint:`` and name the list
(``authors``, ``editors``…) after a slash.
"""

from __future__ import annotations

import re

from citelint.finding import Fix, Problem, Severity

_KEY = re.compile(r" \(CS1( maint)?: ([a-z0-9_:]+(?:/[a-z]+)?)\)$")


def cs1_problem(
    start: int,
    end: int,
    message: str,
    key: str,
    *,
    maint: bool = False,
    fix: Fix | None = None,
    severity: Severity | None = None,
) -> Problem:
    """A :class:`Problem` whose message ends with its CS1 key."""
    label = "CS1 maint" if maint else "CS1"
    return Problem(start, end, f"{message} ({label}: {key})", fix, severity)


def cs1_key(message: str) -> str | None:
    """The CS1 key at the end of a finding's message (``maint:``-prefixed for maintenance
    messages), or None."""
    m = _KEY.search(message)
    if m is None:
        return None
    return ("maint:" if m.group(1) else "") + m.group(2)
