from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

_TAG = re.compile(r"<\s*(/?)\s*(ref|references)(?=[\s/>])[^<>]*?(/?)\s*>", re.I)


class UnclosedRef(Rule):
    """A ``<ref>`` that is never closed, or a ``</ref>`` with no ``<ref>`` before it. The
    parser then shows the markup as text and everything after an unclosed ref may be
    swallowed; inside a template MediaWiki shows "Cite error: Closing </ref> missing for
    <ref> tag"."""

    code = "REF009"
    name = "unclosed-ref"
    severity = Severity.ERROR
    summary = "Unclosed <ref> or stray </ref>"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_included_ref"
    bad = "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}\n\n{{reflist}}"
    good = "A claim.<ref>{{cite web |url=https://example.org/ |title=Example}}</ref>\n\n{{reflist}}"

    def check(self, index: Index) -> Iterator[Problem]:
        for raw in index.raw_texts:
            for m in _TAG.finditer(raw.text):
                closing, tag, selfclose = m.group(1), m.group(2).lower(), m.group(3)
                if selfclose and not closing:
                    continue
                start = raw.start + m.start()
                end = raw.start + m.end()
                if closing:
                    what = f"</{tag}> without an opening <{tag}>"
                else:
                    what = f"<{tag}> is never closed with </{tag}>"
                yield Problem(start, end, what)
