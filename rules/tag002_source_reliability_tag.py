"""TAG002: tags that question a cited source (``{{better source needed}}``, …)."""

from __future__ import annotations

from citelint.rules._tags import TagRule


class SourceReliabilityTag(TagRule):
    """A citation tagged as not good enough: ``{{better source needed}}`` (``{{bsn}}``),
    ``{{unreliable source?}}``, ``{{self-published inline}}``, ``{{primary source inline}}``
    or ``{{deprecated inline}}``. Readers see the bracketed note after the footnote. Replace
    the source with a reliable, independent, secondary one (WP:RS) and remove the tag. The
    message gives the tag's age from its ``date=``."""

    code = "TAG002"
    name = "source-reliability-tag"
    summary = "Citation tagged as an unreliable or inadequate source"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources"
    bad = (
        "A claim.<ref>{{cite web |url=https://blog.example.org/p |title=A post}}</ref>"
        "{{better source needed|date=December 2024}}\n\n{{reflist}}\n"
    )
    good = (
        "A claim.<ref>{{cite journal |last=Smith |title=A study |journal=Nature "
        "|year=2020}}</ref>\n\n{{reflist}}\n"
    )
