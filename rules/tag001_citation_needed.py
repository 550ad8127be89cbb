"""TAG001: ``{{citation needed}}`` and its redirects, with the tag's age."""

from __future__ import annotations

from citelint.rules._tags import TagRule


class CitationNeeded(TagRule):
    """A statement tagged ``{{citation needed}}`` (or ``{{cn}}``, ``{{fact}}``, …): readers
    see a superscript "[citation needed]". The message gives the tag's age from its
    ``date=`` ("Citation needed since February 2025"), so old tags can be worked off
    first. Cite a reliable source for the statement, or remove the statement; then remove
    the tag. The template names and redirects live in citelint/data/maintenance_tags.json."""

    code = "TAG001"
    name = "citation-needed"
    summary = "Statement tagged as needing a citation"
    help_url = "https://en.wikipedia.org/wiki/Template:Citation_needed"
    bad = "The bridge opened in 1901.{{cn|date=February 2025}}\n"
    good = "The bridge opened in 1901.<ref>{{cite book |last=Smith |title=Bridges |year=1990}}</ref>\n\n{{reflist}}\n"
