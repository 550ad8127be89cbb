"""Fixes for CS1 findings: one-to-one parameter renames.

A rename is offered only when it is certain to mean the same thing: the suggested name is
not already in the citation (that would make a redundant parameter) and the value either
carries over as it is or has a fixed translation (``|deadurl=yes`` → ``|url-status=dead``).
"""

from __future__ import annotations

from citelint.cs1.model import Arg, Citation
from citelint.finding import Edit, Fix

#: old parameter → (new parameter, old value → new value); values not listed: no fix
VALUE_RENAMES: dict[str, tuple[str, dict[str, str]]] = {
    "deadurl": ("url-status", {"yes": "dead", "true": "dead", "y": "dead", "no": "live"}),
    "dead-url": ("url-status", {"yes": "dead", "true": "dead", "y": "dead", "no": "live"}),
}


def rename_fix(c: Citation, a: Arg, target: str) -> Fix | None:
    """A safe fix renaming ``a`` to ``target``, or None when that is not one-to-one."""
    if a.opaque or a.earlier or any(o.name == target for o in c.order):
        return None
    p = a.param
    raw = p.key  # the key as written, spaces included
    if raw.strip() != a.name:
        return None  # a comment in the name: leave it to the editor
    lead = len(raw) - len(raw.lstrip())
    edits = [Edit(p.name_start + lead, p.name_start + lead + len(a.name), target)]
    mapping = VALUE_RENAMES.get(a.name)
    if mapping is not None:
        new_name, values = mapping
        if new_name != target:
            return None
        new_value = values.get(a.value.lower())
        if new_value is None:
            return None
        start, end = a.value_span
        edits.append(Edit(start, end, new_value))
        shown = f"|{target}={new_value}"
    else:
        shown = f"|{target}="
    return Fix(f"Rename |{a.name}= to {shown}", tuple(edits))
