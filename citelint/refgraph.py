"""Who defines and who uses each named ref, per group, as the Cite extension sees it."""

from __future__ import annotations

from dataclasses import dataclass, field

from citelint.index import Index
from citelint.model import Ref, RefList

Key = tuple[str, str]  # (group, name)


def group_of(ref: Ref) -> str:
    """A list-defined ref without its own group belongs to its list's group."""
    if ref.list is not None and ref.kind == "tag" and ref.attr("group") is None:
        return ref.list.group
    return ref.group


def defines(ref: Ref) -> bool:
    """Whether the ref carries text (``<ref name=x></ref>`` is a reuse, like ``<ref name=x/>``)."""
    return ref.content is not None and ref.content.strip() != ""


@dataclass
class RefGraph:
    body: list[Ref] = field(default_factory=list)
    listed: list[Ref] = field(default_factory=list)
    definitions: dict[Key, list[Ref]] = field(default_factory=dict)
    uses: dict[Key, list[Ref]] = field(default_factory=dict)
    lists: dict[str, list[RefList]] = field(default_factory=dict)

    def defined_names(self, group: str) -> list[str]:
        return [name for (g, name) in self.definitions if g == group]


def _build(index: Index) -> RefGraph:
    graph = RefGraph()
    for ref in index.refs:
        (graph.listed if ref.list is not None else graph.body).append(ref)
        if ref.name:
            key = (group_of(ref), ref.name)
            graph.uses.setdefault(key, []).append(ref)
            if defines(ref):
                graph.definitions.setdefault(key, []).append(ref)
    for rl in index.reflists:
        graph.lists.setdefault(rl.group, []).append(rl)
    return graph


def ref_graph(index: Index) -> RefGraph:
    return index.derived("refgraph", _build)
