from __future__ import annotations

import difflib
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

REF_ATTRIBUTES = ("name", "group", "follow", "dir", "extends", "details")
LIST_ATTRIBUTES = ("group", "responsive")
DIRECTIONS = ("ltr", "rtl")


class InvalidRefAttribute(Rule):
    """A ``<ref>`` or ``<references>`` attribute that Cite does not accept: an unknown
    one (often a typo such as ``nmae=`` or a value with a space left unquoted, as in
    ``name=my ref``), ``dir`` other than ``ltr``/``rtl``, or ``follow`` together with
    ``name``. MediaWiki shows "Cite error: Invalid <ref> tag; invalid parameters"."""

    code = "REF005"
    name = "invalid-ref-attribute"
    severity = Severity.ERROR
    summary = "Unknown or conflicting <ref>/<references> attribute"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_ref_too_many_keys"
    bad = "A.<ref name=smith 2001>Smith 2001.</ref>\n\n{{reflist}}"
    good = 'A.<ref name="smith 2001">Smith 2001.</ref>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        for ref in index.refs:
            if ref.kind != "tag":
                continue
            yield from self._unknown(ref.attrs, REF_ATTRIBUTES, "<ref>")
            d = ref.attr("dir")
            if d is not None and (d.value or "").strip().lower() not in DIRECTIONS:
                yield Problem(d.start, d.end, f"Invalid dir={d.value!r}: use dir=ltr or dir=rtl")
            f = ref.attr("follow")
            if f is not None and ref.attr("name") is not None:
                yield Problem(f.start, f.end, "A ref cannot have both follow= and name=")
        for rl in index.reflists:
            if rl.kind == "tag":
                yield from self._unknown(rl.attrs, LIST_ATTRIBUTES, "<references>")

    @staticmethod
    def _unknown(attrs, allowed: tuple[str, ...], tag: str) -> Iterator[Problem]:
        for a in attrs:
            key = a.name.lower()
            if key in allowed:
                continue
            message = f"{tag} does not accept the attribute {a.name!r}"
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if a.value is None:
                message += " (an unquoted value with a space? quote the whole value)"
            elif close:
                message += f'; did you mean "{close[0]}"?'
            yield Problem(a.start, a.end, message)
