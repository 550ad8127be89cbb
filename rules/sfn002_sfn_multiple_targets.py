"""SFN002: two citations make the same CITEREF anchor that a short citation links to."""

from __future__ import annotations

from collections.abc import Iterator

from citelint.rules._sfn import rendered_links, where

from citelint.citeref import Anchor, citerefs
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class SfnMultipleTargets(Rule):
    """Two or more citations make the same ``CITEREF`` anchor (same first four author
    last names, same year) and a short citation links to it. Wikipedia shows "Harv
    error: … has multiple targets" in every footnote that links there, and a click
    always lands on the first citation. Reported at each later citation, naming the
    first. If both cite the same work, keep one; if they are different works by the same
    authors in the same year, tell them apart with a letter on the year (``year=2001a``,
    ``year=2001b``, and ``{{sfn|Smith|2001a}}``) or with ``ref={{sfnref|…}}``.

    Anchors nothing links to are left alone (a duplicated full citation is REF011's
    business). As on Wikipedia, the citations counted are those Module:Footnotes reads
    in the wikitext: a citation inside a named ref that is defined twice with the same
    text is printed once but counted twice (define the ref once and reuse it with
    ``<ref name="…" />``), and an anchor the module does not read (raw HTML, a template
    it does not know) is not counted."""

    code = "SFN002"
    name = "sfn-multiple-targets"
    severity = Severity.ERROR
    summary = "Two citations make the same short-citation anchor"
    help_url = "https://en.wikipedia.org/wiki/Category:Harv_and_Sfn_multiple-target_errors"
    bad = (
        "A claim.{{sfn|Smith|2001|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |title=Bridges |year=2001}}\n"
        "* {{cite book |last=Smith |title=Tunnels |year=2001}}\n"
    )
    good = (
        "A claim.{{sfn|Smith|2001a|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |title=Bridges |year=2001a}}\n"
        "* {{cite book |last=Smith |title=Tunnels |year=2001b}}\n"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        refs = citerefs(index)
        if not refs.links:
            return
        users: dict[str, list[int]] = {}
        for link, _calls in rendered_links(index):
            for anchor_id in link.ids:
                users.setdefault(anchor_id, []).append(link.template.start)
        for anchor_id, made in refs.anchors.items():
            if len(made) < 2 or anchor_id not in users:
                continue
            made = [a for a in made if a.seen]
            if len(made) < 2:
                continue
            first = made[0]
            linking = users[anchor_id]
            n = len(linking)
            short = "1 short citation links" if n == 1 else f"{n} short citations link"
            for later in made[1:]:
                copy = _same_definition(first, later)
                if copy is not None:
                    who = (
                        "the short citation linking to it shows"
                        if n == 1
                        else f"the {n} short citations linking to it show"
                    )
                    message = (
                        f"{anchor_id} is made again by this copy of the ref named "
                        f'"{copy}" (first defined at {where(index, first.start)}); the page '
                        "prints the ref once, but Module:Footnotes counts both copies, so "
                        f'{who} "multiple targets"; define the ref once and reuse it with '
                        f'<ref name="{copy}" />'
                    )
                else:
                    message = (
                        f"{anchor_id} is also made by the citation at "
                        f"{where(index, first.start)}; {short} to it (first at "
                        f"{where(index, linking[0])}) and reach only the first"
                    )
                yield Problem(later.start, later.end, message)


def _same_definition(first: Anchor, later: Anchor) -> str | None:
    """The ref name when both anchors sit in definitions of one named ref with the same
    text (a copy that the page prints once)."""
    a, b = first.ref, later.ref
    if a is None or b is None or not a.name or a.name != b.name or a.group != b.group:
        return None
    if a.content is None or a.content != b.content:
        return None
    return a.name
