"""SFN003: a bibliography citation that no short citation links to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from citelint.rules._sfn import rendered_links

from citelint.citeref import citerefs
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Option, Rule

SKIPPED_SECTIONS = [
    "Further reading",
    "External links",
    "See also",
    "Publications",
    "Selected publications",
    "Works",
    "Selected works",
    "Writings",
    "Books",
    "Bibliography of works",
]


class UncitedBibliographyEntry(Rule):
    """In an article that cites with short citations (``{{sfn}}``, ``{{harvnb}}``, …), a
    full citation in the bibliography (outside any ``<ref>`` or other template) that no
    short citation, ``{{harvs}}`` or ``[[#CITEREF…]]`` link points to. Either the work is
    not used (move it to "Further reading" or remove it) or its short citations spell the
    anchor differently (see SFN001).

    Off by default: over the 265-article test corpus it fires 144 times in 19 of the 38
    articles with short citations, mostly on legitimately listed works (reading lists,
    an author's publications, general references that the article cites as a whole). Sections whose titles are in
    ``skip_sections`` are not checked; articles without short citations never are."""

    code = "SFN003"
    name = "uncited-bibliography-entry"
    severity = Severity.INFO
    default_enabled = False
    summary = "Bibliography entry no short citation links to"
    help_url = "https://en.wikipedia.org/wiki/Help:Shortened_footnotes"
    options = (
        Option(
            "skip_sections",
            list,
            SKIPPED_SECTIONS,
            "section titles (any case) whose citations are listed, not cited",
        ),
    )
    bad = (
        "A claim.{{sfn|Smith|2001|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |title=Bridges |year=2001}}\n"
        "* {{cite book |last=Jones |title=Tunnels |year=1999}}\n"
    )
    good = (
        "A claim.{{sfn|Smith|2001|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |title=Bridges |year=2001}}\n\n"
        "== Further reading ==\n* {{cite book |last=Jones |title=Tunnels |year=1999}}\n"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        refs = citerefs(index)
        if not rendered_links(index):
            return
        used = set(refs.wikilinked)
        for link in refs.links:
            used.update(link.ids)
        skipped = {s.casefold() for s in self.settings["skip_sections"]}
        heads = [h.start for h in index.headings]
        for anchor_id, made in refs.anchors.items():
            if anchor_id in used:
                continue
            for anchor in made:
                tpl = anchor.template
                if anchor.kind not in ("citation", "harvc", "wikicite"):
                    continue
                if tpl is None or tpl.parent is not None or anchor.ref is not None:
                    continue  # only entries of a list: not in a ref, not in a quote box
                i = bisect_right(heads, anchor.start) - 1
                if i >= 0 and index.headings[i].title.strip().casefold() in skipped:
                    continue
                message = f"No short citation links to this citation (anchor {anchor_id})"
                yield Problem(anchor.start, anchor.end, message)
