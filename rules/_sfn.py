"""What the SFN rules share: the short citations that render, and where things are."""

from __future__ import annotations

from bisect import bisect_right

from citelint.citeref import Citerefs, Link, citerefs
from citelint.index import Index


def _unrendered_definitions(index: Index) -> set[int]:
    """``id()`` of the ref definitions whose content readers never see: a named ref
    defined again (same group, same name) before the group's reference list prints the
    first definition only, so what the later ones contain (and any error in it) is not on
    the page. Refs after a reference list start the group afresh."""
    list_ends: dict[str, list[int]] = {}
    for rl in index.reflists:
        list_ends.setdefault(rl.group, []).append(rl.end)
    for ends in list_ends.values():
        ends.sort()
    first: set[tuple[str, str, int]] = set()
    out: set[int] = set()
    for ref in sorted(index.refs, key=lambda r: r.start):
        if ref.content is None or not ref.name:
            continue
        section = bisect_right(list_ends.get(ref.group, []), ref.start)
        key = (ref.group, ref.name, section)
        if key in first:
            out.add(id(ref))
        else:
            first.add(key)
    return out


def _renders_error(link: Link, hidden: set[int]) -> bool:
    """Whether the link's error can reach the page: not inside a ref definition that is
    not printed, and, for a template that makes its own footnote (``{{sfn}}``), not
    inside a ``<ref>`` tag (MediaWiki does not make a ref inside a ref: the footnote and
    its error are lost; ``{{efn}}`` and ``{{refn}}`` nest through ``{{#tag:ref}}``)."""
    ref = link.template.ref
    if ref is None:
        return True
    if id(ref) in hidden:
        return False
    return not (link.footnote is not None and ref.kind == "tag")


def rendered_links(index: Index) -> list[tuple[Link, int]]:
    """Checked short citations as readers see them, with how many calls each stands for:
    identical ``{{sfn}}`` calls make one shared footnote, so they count once (at the
    first call), as Module:Footnotes shows one error for all of them; a short citation in
    a repeated definition of a named ref is printed once, with the first definition."""

    def compute(ix: Index) -> list[tuple[Link, int]]:
        out: list[tuple[Link, int]] = []
        first: dict[tuple, int] = {}
        links = citerefs(ix).links
        hidden = _unrendered_definitions(ix) if any(link.template.ref for link in links) else set()
        for link in links:
            if not link.checked or not _renders_error(link, hidden):
                continue
            key = link.footnote
            if key is not None:
                i = first.get(key)
                if i is not None:
                    out[i] = (out[i][0], out[i][1] + 1)
                    continue
                first[key] = len(out)
            out.append((link, 1))
        return out

    return index.derived("sfn.rendered_links", compute)


def where(index: Index, offset: int) -> str:
    line, column = index.doc.position(offset)
    return f"line {line}, column {column}"


def shown(link: Link) -> str:
    """``{{sfn}}``: how the message names the template."""
    return "{{" + link.template.raw_name.strip() + "}}"


__all__ = ["Citerefs", "citerefs", "rendered_links", "shown", "where"]
