"""TAG004: tags that question what a citation supports (``{{failed verification}}``, …)."""

from __future__ import annotations

from citelint.rules._tags import TagRule


class VerificationTag(TagRule):
    """A citation tagged as not (yet) verifying the text: ``{{failed verification}}``,
    ``{{verification needed}}``, ``{{page needed}}``, ``{{full citation needed}}`` or
    ``{{request quotation}}``. Check the source, fix the text or the citation (add the
    page, the missing details, a quotation), then remove the tag. The message gives the
    tag's age from its ``date=``."""

    code = "TAG004"
    name = "verification-tag"
    summary = "Citation tagged as failing or needing verification"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:Verifiability"
    bad = (
        "A claim.<ref>{{cite book |last=Smith |title=Bridges |year=1990}}</ref>"
        "{{page needed|date=March 2025}}\n\n{{reflist}}\n"
    )
    good = (
        "A claim.<ref>{{cite book |last=Smith |title=Bridges |year=1990 |page=12}}</ref>"
        "\n\n{{reflist}}\n"
    )
