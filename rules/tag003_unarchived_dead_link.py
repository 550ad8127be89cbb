"""TAG003: ``{{dead link}}`` on a citation that has no archived copy."""

from __future__ import annotations

from collections.abc import Iterator

from citelint.rules._tags import dead_link_target, tags

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class UnarchivedDeadLink(Rule):
    """A ``{{dead link}}`` (or ``{{deadlink}}``, …) on a citation with no archived copy.

    The tag belongs to the citation template just before it in the same ref (or the one
    it sits in, or the ref or citation it directly follows). When that citation has no
    ``archive-url`` (and no ``{{webarchive}}`` beside it, or, for a ref written without a
    template, no link to a web archive), readers have no way to the source: find a
    snapshot (web.archive.org, archive.today), add ``archive-url=`` and ``archive-date=``
    with ``url-status=dead``, and remove the tag. A dead link that is already archived is
    not reported. The message gives the tag's age from its ``date=``."""

    code = "TAG003"
    name = "unarchived-dead-link"
    severity = Severity.WARNING
    summary = "Dead link tag on a citation with no archive-url"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Link_rot"
    bad = (
        "A claim.<ref>{{cite web |url=https://example.org/gone |title=Gone}}"
        "{{dead link|date=April 2025}}</ref>\n\n{{reflist}}\n"
    )
    good = (
        "A claim.<ref>{{cite web |url=https://example.org/gone |title=Gone "
        "|archive-url=https://web.archive.org/web/2020/https://example.org/gone "
        "|archive-date=1 May 2020 |url-status=dead}}</ref>\n\n{{reflist}}\n"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        for tag in tags(index):
            if tag.spec.rule != self.code:
                continue
            target = dead_link_target(index, tag.template)
            if target.archived:
                continue
            what = {
                "citation": "the citation has no archive-url",
                "ref": "the ref has no archived copy",
                "link": "the link has no archived copy",
                "none": "there is no archived copy",
            }[target.kind]
            tpl = tag.template
            yield Problem(tpl.start, tpl.end, f"{tag.describe()} and {what}")
