"""What the SFN rules share: the short citations that render, and where things are."""

from __future__ import annotations

from citelint.citeref import Citerefs, Link, citerefs
from citelint.index import Index


def rendered_links(index: Index) -> list[tuple[Link, int]]:
    """Checked short citations as readers see them, with how many calls each stands for:
    identical ``{{sfn}}`` calls make one shared footnote, so they count once (at the
    first call), as Module:Footnotes shows one error for all of them."""

    def compute(ix: Index) -> list[tuple[Link, int]]:
        out: list[tuple[Link, int]] = []
        first: dict[tuple, int] = {}
        for link in citerefs(ix).links:
            if not link.checked:
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
