from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.model import Arg, iter_args
from citelint.cs1.resolve import checked_citations
from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

# (name, pattern) in CS1's order; the first match is reported.
_INVISIBLE = (
    ("replacement character", re.compile("\ufffd")),
    ("zero width joiner character", re.compile("\u200d")),
    ("zero width space character", re.compile("\u200b")),
    ("hair space character", re.compile("\u200a")),
    ("soft hyphen character", re.compile("\u00ad")),
    ("horizontal tab character", re.compile("\t")),
    ("line feed character", re.compile("\n")),
    ("carriage return character", re.compile("\r")),
    ("delete character", re.compile("\x7f")),
    ("C0 control character", re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")),
    ("C1 control character", re.compile("[\x80-\x9f]")),
)
# Extension tags MediaWiki replaces by strip markers before CS1 sees the value; nowiki and
# math markers are fine, others (a <ref> inside a citation…) are not.
_STRIP_TAG = re.compile(
    r"<(ref|references|gallery|pre|syntaxhighlight|source|score|chem|ce|hiero|timeline|"
    r"graph|templatestyles|poem|indicator|mapframe|maplink|categorytree|imagemap|inputbox)"
    r"(?:\s[^>]*)?/?>",
    re.I,
)
_ZWJ_OK = re.compile("[\u0900-\u0dff\u200d]*[\u0900-\u0dff]")  # Indic scripts use ZWJ
_MISSING_PIPE = re.compile(r"(?:^|\s)([A-Za-z][A-Za-z0-9-]+)\s*=")
_TAGS = re.compile(r"<[^<>]*>")
_MARKUP = re.compile(r"'{2,}")


class MarkupInParameter(Rule):
    """Markup or characters in a citation parameter that CS1 rejects:

    - ``apostrophe_markup``: italic or bold wiki markup (``''…''``) in the periodical
      (``|work=``, ``|journal=``, ``|website=``…) or ``|publisher=``. CS1 italicises the
      work itself and never the publisher; the markup also spoils the metadata. The fix
      removes the apostrophes.
    - ``invisible_char``: an invisible character (zero width space, soft hyphen, a line
      break, a control character) or a tag that MediaWiki turns into a strip marker
      (``<ref>`` inside a citation) in a parameter value.
    - ``missing_pipe``: a value that contains ``name=`` for a known parameter
      (``|title=Foo access-date=2020-01-01``): a ``|`` is probably missing.
    """

    code = "CITE014"
    name = "markup-in-parameter"
    severity = Severity.WARNING
    summary = "Markup or invisible characters in a citation parameter"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#apostrophe_markup"
    bad = "<ref>{{cite news |url=https://example.org/a |title=A |newspaper=''The Times''}}</ref>"
    good = "<ref>{{cite news |url=https://example.org/a |title=A |newspaper=The Times}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        metas = config()["apostrophe_params"]
        wl = whitelist()
        for c in checked_citations(index):
            for meta in metas:
                a = c.first_set(meta)
                if a is None or "''" not in a.value or a.opaque:
                    continue
                yield cs1_problem(
                    a.start,
                    a.end,
                    f"Italic or bold markup not allowed in |{a.name}=",
                    "apostrophe_markup",
                    fix=_strip_apostrophes(a),
                )
            for a in iter_args(c):
                if not a.is_set:
                    continue
                problem = _invisible(a)
                if problem is not None:
                    yield problem
                if "=" in a.value and not a.opaque:
                    value = _TAGS.sub("", a.value) if "<" in a.value else a.value
                    m = _MISSING_PIPE.search(value)
                    if m is not None and wl.valid(m.group(1), "citation"):
                        yield cs1_problem(
                            a.start,
                            a.end,
                            f"|{a.name}= holds '{m.group(1)}=': missing pipe?",
                            "missing_pipe",
                        )


def _invisible(a: Arg) -> Problem | None:
    v = a.value
    if "<" in v:
        m = _STRIP_TAG.search(v)
        if m is not None:
            return cs1_problem(
                a.start,
                a.end,
                f"<{m.group(1).lower()}> in |{a.name}= (a strip marker in the value)",
                "invisible_char",
            )
    if v.isascii() and v.isprintable():
        return None  # plain printable ASCII: CS1 skips the scan too
    for label, regex in _INVISIBLE:
        m = regex.search(v)
        if m is None:
            continue
        if label.startswith("zero width joiner") and _ZWJ_OK.search(v):
            continue
        return cs1_problem(
            a.start,
            a.end,
            f"{label} in |{a.name}= at position {m.start() + 1}",
            "invisible_char",
        )
    return None


def _strip_apostrophes(a: Arg) -> Fix | None:
    """Remove the apostrophe markup from the value (safe: CS1 strips it for display anyway)."""
    start, end = a.value_span
    raw = a.param.value.strip()
    if "<!--" in raw:
        return None
    new = _MARKUP.sub("", raw)
    if new == raw:
        return None
    return Fix(f"Remove the italic/bold markup from |{a.name}=", (Edit(start, end, new),))
