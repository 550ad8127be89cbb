from __future__ import annotations

from collections.abc import Iterator

from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.refgraph import ref_graph
from citelint.rule import Rule


class ConflictingRefDefinitions(Rule):
    """Two refs with the same name (and group) carry different text. MediaWiki keeps the
    first and shows "Cite error: Invalid <ref> tag; name x defined multiple times with
    different content". The text must be identical, whitespace included; reuse the name
    with ``<ref name="x"/>`` instead of repeating it."""

    code = "REF002"
    name = "conflicting-ref-definitions"
    severity = Severity.ERROR
    summary = "Same ref name defined with different content"
    help_url = "https://en.wikipedia.org/wiki/Help:Cite_errors/Cite_error_references_duplicate_key"
    bad = 'A.<ref name="a">Smith 2001.</ref> B.<ref name="a">Smith 2002.</ref>\n\n{{reflist}}'
    good = 'A.<ref name="a">Smith 2001.</ref> B.<ref name="a"/>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        graph = ref_graph(index)
        for (_, name), defs in graph.definitions.items():
            first = defs[0]
            line = index.doc.position(first.start)[0]
            for other in defs[1:]:
                if other.content != first.content:
                    yield Problem(
                        other.start,
                        other.open_end,
                        f'The ref "{name}" is defined again with different content '
                        f"(first defined on line {line})",
                    )
