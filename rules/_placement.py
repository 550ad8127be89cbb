"""Where refs sit in running text: runs of adjacent refs and the text around them."""

from __future__ import annotations

from citelint.index import Index
from citelint.model import Ref


def ref_runs(index: Index) -> list[list[Ref]]:
    """Runs of body refs in running text separated only by whitespace, in order.

    Refs inside templates, lists or other refs are left out: their surroundings are
    template syntax, not prose."""

    def compute(ix: Index) -> list[list[Ref]]:
        text = ix.text
        runs: list[list[Ref]] = []
        prev: Ref | None = None
        for ref in ix.refs:
            if ref.list is not None or ref.template is not None or ref.kind != "tag":
                continue
            if (
                prev is not None
                and prev.end <= ref.start
                and not text[prev.end : ref.start].strip()
            ):
                runs[-1].append(ref)
            elif prev is None or ref.start >= prev.end:
                runs.append([ref])
            else:
                continue  # nested inside the previous ref
            prev = ref
        return runs

    return index.derived("ref_runs", compute)
