from __future__ import annotations

import re
from collections.abc import Iterator

from citelint.finding import Edit, Fix, Problem, Severity
from citelint.index import Index
from citelint.refgraph import ref_graph
from citelint.rule import Rule

_SPACE = re.compile(r"\s+")


class DuplicateCitation(Rule):
    """The same citation is written out in full in several unnamed refs. Readers see it
    listed several times. Name the first and reuse it (CheckWiki 81). The fix (unsafe,
    since it chooses a name) does exactly that."""

    code = "REF011"
    name = "duplicate-citation"
    severity = Severity.WARNING
    summary = "Same citation repeated in several refs"
    help_url = "https://en.wikipedia.org/wiki/Wikipedia:CHECKWIKI/081"
    bad = "A.<ref>Smith 2001, p. 4.</ref> B.<ref>Smith 2001, p. 4.</ref>\n\n{{reflist}}"
    good = 'A.<ref name="smith">Smith 2001, p. 4.</ref> B.<ref name="smith"/>\n\n{{reflist}}'

    def check(self, index: Index) -> Iterator[Problem]:
        graph = ref_graph(index)
        taken = {name for (_, name) in graph.uses}
        firsts: dict[tuple[str, str], object] = {}
        later: dict[tuple[str, str], list] = {}
        for ref in graph.body:
            if ref.kind != "tag" or ref.name or ref.content is None:
                continue
            text = _SPACE.sub(" ", ref.content).strip()
            if not text:
                continue
            key = (ref.group, text)
            if key in firsts:
                later.setdefault(key, []).append(ref)
            else:
                firsts[key] = ref
        counter = 0
        for key, dups in later.items():
            first = firsts[key]
            counter += 1
            name = f"auto{counter}"
            while name in taken:
                counter += 1
                name = f"auto{counter}"
            taken.add(name)
            line = index.doc.position(first.start)[0]
            group = f' group="{first.group}"' if first.group else ""
            edits = [Edit(first.start, first.open_end, f'<ref name="{name}"{group}>')]
            edits += [Edit(d.start, d.end, f'<ref name="{name}"{group} />') for d in dups]
            fix = Fix(f'Name the first ref "{name}" and reuse it', tuple(edits), "unsafe")
            for d in dups:
                yield Problem(
                    d.start,
                    d.open_end,
                    f"This citation repeats the ref on line {line}; name that ref and reuse it",
                    fix=fix,
                )
