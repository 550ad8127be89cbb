"""REF018: a ref whose text uses no citation template."""

from __future__ import annotations

from collections.abc import Iterator

from citelint.rules.ref014_bare_url_ref import is_bare_url

from citelint.citeref import is_citation_name, tables
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.maintenance import archive_templates, tag_table
from citelint.refgraph import group_of
from citelint.rule import Rule

# Templates that help a hand-written citation but do not make one.
_HELPERS = frozenset(
    [
        # identifiers
        "ISBN", "ISBNT", "ISSN", "DOI", "Doi", "OCLC", "Oclc", "Bibcode", "PMID", "PMC",
        "JSTOR", "ArXiv", "LCCN", "ASIN", "Hdl", "S2CID", "Zbl", "MR",
        # formatting and text
        "Convert", "P.", "Pp.", "Nbsp", "Ndash", "Mdash", "Snd", "Spaced ndash", "Rp",
        "Small", "Nowrap", "Sic", "Abbr", "PDFlink", "Pdf", "Okina", "'", "!", "=",
        "Transl", "Transliteration", "Nihongo", "Script", "Smallcaps", "Sup", "Sub",
    ]
)  # fmt: skip


def _makes_citation(name: str) -> bool:
    """A CS1/CS2 template, a ``{{Cite …}}`` wrapper, or a short citation (``{{harvnb}}``)."""
    t = tables()
    return is_citation_name(name) or name in t["links"] or name in t["wrappers"]


def _helper(name: str) -> bool:
    """An identifier, archive, language, formatting or maintenance template: it appears
    in hand-written citations without making one."""
    if name in _HELPERS or name in archive_templates() or name in tag_table():
        return True
    low = name.lower()
    return (
        low.endswith(" icon")
        or low.startswith(("lang", "in lang"))
        or (len(name) <= 3 and name.isalpha())  # {{fr}}, {{de}}: language labels
    )


class RefWithoutCitationTemplate(Rule):
    """A ``<ref>`` whose text is written by hand, without a citation template
    (``{{cite web}}``, ``{{cite book}}``, ``{{citation}}``, a short citation such as
    ``{{harvnb}}``…). Hand-written citations are allowed (WP:CITEVAR), but templates
    keep the format consistent, produce COinS metadata, and let bots archive the URL and
    check identifiers. A source-specific template (``{{NHLE}}``, ``{{London Gazette}}``,
    ``{{IMDb title}}``) counts as a citation template; identifier, archive, language,
    formatting and maintenance templates (``{{ISBN}}``, ``{{webarchive}}``, ``{{fr icon}}``,
    ``{{dead link}}``) do not.

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
            if t.ref is not None and (_makes_citation(t.name) or not _helper(t.name)):
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
