from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.cs1.data import templates
from citelint.finding import Problem
from citelint.index import Index
from citelint.names import normalize_template_name
from citelint.rule import Rule

# "{{cite news|" or "{{ Cite_web |" in text the parser left unstructured
_OPENER = re.compile(r"\{\{\s*((?:[Cc]ite|[Cc]itation)[^{}|<>\[\]\n]*?)\s*(?:\||\}(?!\})|\n|$)")


class UnclosedCitationTemplate(Rule):
    """A citation template whose closing ``}}`` is missing, so MediaWiki does not call it:
    readers see the raw ``{{cite news| title=… | url=…`` text in the reference instead of a
    citation. A common cause is a pipe swallowed into the URL as ``%7C`` (see CITE009):
    the template's last ``|`` is gone and the ``}}`` typed after it was lost or mistyped.

    Reported from the ``{{`` to the end of the ref (or of the line, outside refs). Only
    CS1/CS2 citation templates and their redirects are checked."""

    code = "CITE001"
    name = "unclosed-citation-template"
    summary = "Citation template never closed"
    help_url = "https://en.wikipedia.org/wiki/Help:Template#Syntax"
    bad = (
        "A claim.<ref>{{cite news| title=X| url=https://example.org/x.html%7C "
        "website=First Post| date=8 December 2024|</ref>\n\n{{reflist}}"
    )
    good = (
        "A claim.<ref>{{cite news| title=X| url=https://example.org/x.html| "
        "website=First Post| date=8 December 2024}}</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        table = templates()
        text = index.text
        seen: set[int] = set()
        for raw in index.raw_texts:
            if "{{" not in raw.text:
                continue
            for m in _OPENER.finditer(raw.text):
                name = normalize_template_name(m.group(1))
                if name.lower() not in table:
                    continue
                start = raw.start + m.start()
                if start in seen:
                    continue
                seen.add(start)
                ref = raw.ref
                if ref is not None and ref.content is not None and ref.content_end > start:
                    end = ref.content_end
                else:
                    nl = text.find("\n", start)
                    end = len(text) if nl == -1 else nl
                shown = m.group(1).strip()
                yield Problem(
                    start,
                    end,
                    f"{{{{{shown} … is never closed with }}}}: readers see its raw text",
                )
