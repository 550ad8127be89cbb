"""REF018: a ref whose text uses no citation template."""

from __future__ import annotations

from collections.abc import Iterator

from citelint.rules.ref014_bare_url_ref import is_bare_url

from citelint.citeref import is_citation_name, tables
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import group_of
from citelint.rule import Rule


def _makes_citation(name: str) -> bool:
    """A CS1/CS2 template, a ``{{Cite …}}`` wrapper, or a short citation (``{{harvnb}}``)."""
    t = tables()
    return is_citation_name(name) or name in t["links"] or name in t["wrappers"]


class RefWithoutCitationTemplate(Rule):
    """A ``<ref>`` whose text is written by hand, without a citation template
    (``{{cite web}}``, ``{{cite book}}``, ``{{citation}}``, a short citation such as
    ``{{harvnb}}``…). Hand-written citations are allowed (WP:CITEVAR), but templates
    keep the format consistent, produce COinS metadata, and let bots archive the URL and
    check identifiers.

    Off by default: it is a style preference, not an error. Explanatory notes (refs with a
    ``group=``, ``{{efn}}``) and bare URLs (REF014) are not reported; a name defined twice
    with the same text is reported once."""

    code = "REF018"
    name = "ref-without-citation-template"
    severity = Severity.INFO
    default_enabled = False
    summary = "Ref without a citation template"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Citation_templates"
    bad = "A claim.<ref>Smith, John (2001). ''Bridges''. Penguin. p. 4.</ref>\n\n{{reflist}}"
    good = (
        "A claim.<ref>{{cite book |last=Smith |first=John |title=Bridges |publisher=Penguin "
        "|year=2001 |page=4}}</ref>\n\n{{reflist}}"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        cited: set[int] = set()
        for t in index.templates:
            if t.ref is not None and _makes_citation(t.name):
                cited.add(id(t.ref))
        seen: set[tuple[str, str]] = set()
        for ref in index.refs:
            if ref.kind != "tag" or id(ref) in cited or group_of(ref):
                continue
            content = ref.content
            if content is None or not content.strip() or is_bare_url(content):
                continue
            if ref.name:
                key = (group_of(ref), ref.name)
                if key in seen:
                    continue
                seen.add(key)
            yield Problem(
                ref.start,
                ref.open_end,
                "The ref has no citation template; consider {{cite web}}, {{cite book}}, "
                "{{cite news}} or {{citation}}",
            )
