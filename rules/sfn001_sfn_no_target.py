"""SFN001: a short citation whose CITEREF anchor no citation makes."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from citelint.rules._sfn import rendered_links, shown, where

from citelint.citeref import Anchor, citerefs, footnotes_accepts
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule


class SfnNoTarget(Rule):
    """A ``{{sfn}}``, ``{{sfnp}}``, ``{{sfnm}}`` or ``{{harv}}``-family short citation that
    links to a ``CITEREF`` anchor no citation on the page makes. On Wikipedia it shows
    "Harv error: link from CITEREFSmith2001 doesn't point to any citation" and the
    reader's click goes nowhere. Usually the names or the year differ from the full
    citation's (``{{sfn|Smith|2001}}`` against ``|last=Smith |year=2002``), the citation
    lists its author as ``author=John Smith`` (anchor ``CITEREFJohn_Smith2001``), or the
    full citation is missing. The message suggests the closest anchor that exists.

    What counts is what Module:Footnotes (the module behind these templates) sees: the
    anchors of the citation templates it reads in the wikitext (CS1/CS2 and the
    ``{{harvc}}``, ``{{wikicite}}``, ``{{anchor}}`` and vcite templates), plus its
    whitelist data, generated into citelint/data/footnotes-whitelist.json by
    tools/gen_footnotes_whitelist.py: wrapper templates with default names and year
    (``{{Cite EB1911}}`` → Chisholm 1911, ``{{Cite Catholic Encyclopedia|volume=7}}`` →
    Herbermann 1910), anchors whitelisted for a template the article uses
    (``{{Cite enc-nyc2}}`` → ``CITEREFJackson2010``, also ``…2010a``), anchor patterns,
    and ``{{sfn whitelist}}``. An anchor the page has but the module does not read (a raw
    ``<span id=…>``, a template such as ``{{IUCN|ref={{harvid|…}}}}``) still gets the
    error on Wikipedia; the message says so (``ignore-err=yes`` silences it there).
    Identical ``{{sfn}}`` calls share one footnote and are reported once, at the first;
    a short citation in a repeated definition of a named ref is printed once, with the
    first definition, and reported once."""

    code = "SFN001"
    name = "sfn-no-target"
    severity = Severity.ERROR
    summary = "Short citation links to no citation"
    help_url = "https://en.wikipedia.org/wiki/Category:Harv_and_Sfn_no-target_errors"
    bad = (
        "A claim.{{sfn|Smith|2001|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |first=Ann |title=Bridges |year=2002}}\n"
    )
    good = (
        "A claim.{{sfn|Smith|2002|p=4}}\n\n== Notes ==\n{{reflist}}\n\n== Sources ==\n"
        "* {{cite book |last=Smith |first=Ann |title=Bridges |year=2002}}\n"
    )

    def check(self, index: Index) -> Iterator[Problem]:
        refs = citerefs(index)
        if not refs.links:
            return
        anchors = refs.anchors
        for link, calls in rendered_links(index):
            if link.uncertain or link.ignored:
                continue
            for n, anchor_id in enumerate(link.ids):
                if anchor_id in link.skip:
                    continue
                made = anchors.get(anchor_id, ())
                if any(a.seen for a in made):
                    continue
                year = link.years[n] if n < len(link.years) else ""
                if footnotes_accepts(refs, anchor_id, year):
                    continue
                tpl = link.template
                if made:
                    message = f"{shown(link)} links to {anchor_id}, " + _unseen(index, made[0])
                else:
                    message = (
                        f"{shown(link)} links to {anchor_id}, but no citation makes that anchor"
                    )
                    hint = _closest(anchor_id, anchors)
                    if hint is not None:
                        message += f" (did you mean {hint[0]}, made at {where(index, hint[1])}?)"
                if calls > 1:
                    message += f"; {calls} identical calls share this footnote"
                yield Problem(tpl.start, tpl.end, message)


def _unseen(index: Index, maker: Anchor) -> str:
    """Why Wikipedia reports no target although the page has the anchor."""
    if maker.template is None:
        made_by = f"which an HTML id at {where(index, maker.start)} makes"
        why = "Module:Footnotes reads anchors only from templates"
    else:
        made_by = (
            f"which {{{{{maker.template.raw_name.strip()}}}}} at {where(index, maker.start)} makes"
        )
        why = "Module:Footnotes " + (maker.misread or "does not read anchors from it")
    return (
        f"{made_by}, but {why}, so Wikipedia reports no target (or add |ignore-err=yes to the"
        " short citation)"
    )


def _closest(anchor_id: str, anchors: dict) -> tuple[str, int] | None:
    """The existing anchor most like a missing one: the same but for letter case; the
    same year with the names inside a longer name (``author=Ann Smith``); the same
    names with another year; else the closest spelling."""
    folded = anchor_id.casefold()
    names, year = _split(anchor_id)
    same_names = None
    for other, made in anchors.items():
        if other.casefold() == folded:
            return other, made[0].start
    if names:
        for other, made in anchors.items():
            other_names, other_year = _split(other)
            if not other_names:
                continue
            if other_year == year and (names in other_names or other_names in names):
                return other, made[0].start
            if same_names is None and other_names == names:
                same_names = other, made[0].start
    if same_names is not None:
        return same_names
    candidates = [a for a in anchors if a.startswith("CITEREF")]
    match = difflib.get_close_matches(anchor_id, candidates, n=1, cutoff=0.8)
    if match:
        return match[0], anchors[match[0]][0].start
    return None


def _split(anchor_id: str) -> tuple[str, str]:
    """``CITEREFSmithJones2001a`` → (``SmithJones``, ``2001a``)."""
    m = _ANCHOR.match(anchor_id)
    return (m.group(1), m.group(2) or "") if m else ("", "")


_ANCHOR = re.compile(r"^CITEREF(.*?)((?:\d{4}[a-z]?(?:–\d{2,4}[a-z]?)?|n\.d\.)?)$")
