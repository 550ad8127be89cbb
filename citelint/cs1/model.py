"""The citation model: every CS1/CS2 template of a document with its arguments as
Module:Citation/CS1 receives them.

MediaWiki hands a template its arguments after preprocessing: HTML comments removed,
named keys and values trimmed, the last of repeated names kept. :class:`Citation` mirrors
that, keeps the source position of every argument, and resolves CS1's aliases
(``access-date``/``accessdate``, ``work``/``website``/``newspaper``…, ``last1``/``last``/
``author1``…). Values that hold a template or a parser function cannot be known offline;
they are marked ``opaque`` and checks that need the value skip them.

Computed once per document through ``index.derived("cs1.citations", …)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from citelint.cs1 import data
from citelint.model import Param, Ref, Template

if TYPE_CHECKING:
    from citelint.index import Index

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_OPAQUE = re.compile(r"\{\{|\{\|")
#: PHP's trim(), which MediaWiki applies to named arguments (not Unicode spaces such as NBSP)
WS = " \t\n\r\x00\x0b"


def strip_comments(text: str) -> str:
    """What the preprocessor leaves of ``text``: HTML comments (closed or not) removed."""
    return _COMMENT.sub("", text) if "<!--" in text else text


@dataclass(eq=False, slots=True)
class Arg:
    """One template argument as CS1 sees it, with where it is in the source."""

    name: str  # trimmed key without comments; "1", "2"… for positional arguments
    value: str  # comments removed; trimmed unless positional
    param: Param
    positional: bool
    opaque: bool  # holds a template or table: the real value is unknown offline
    is_set: bool  # non-empty after trimming: what CS1 treats as given
    earlier: tuple[Param, ...] = ()  # repeated names; MediaWiki drops these

    @property
    def start(self) -> int:
        """Offset of the ``|`` before the argument."""
        return self.param.start - 1

    @property
    def end(self) -> int:
        """End of the argument's value, without trailing whitespace."""
        p = self.param
        return p.value_start + len(p.value.rstrip())

    @property
    def value_span(self) -> tuple[int, int]:
        p = self.param
        lead = len(p.value) - len(p.value.lstrip())
        return p.value_start + lead, self.end


@dataclass(eq=False)
class NameEntry:
    """One person of a name list (authors, editors…): ``|lastN=`` and its companions."""

    index: int
    last: Arg | None
    first: Arg | None
    link: Arg | None
    mask: Arg | None


@dataclass(eq=False)
class Citation:
    """A CS1/CS2 citation template and its arguments (last wins, as in MediaWiki)."""

    template: Template
    cls: str  # CitationClass: web, news, book, journal, citation, …
    args: dict[str, Arg]
    order: list[Arg]  # in source order, effective arguments only
    metas: dict[str, list[Arg]]  # meta-parameter -> its set aliases, in alias order
    repeated: bool = False  # some parameter name occurs more than once
    #: per-citation derived data (resolved parts, name lists), computed on first use
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def ref(self) -> Ref | None:
        return self.template.ref

    @property
    def start(self) -> int:
        return self.template.start

    @property
    def end(self) -> int:
        return self.template.end

    @property
    def head_end(self) -> int:
        """End of ``{{cite web`` (the opening braces and the name)."""
        t = self.template
        return t.start + 2 + len(t.raw_name.rstrip())

    def arg(self, name: str) -> Arg | None:
        """The argument ``name`` when it is set (non-empty), else None."""
        a = self.args.get(name)
        return a if a is not None and a.is_set else None

    def value(self, name: str) -> str:
        a = self.arg(name)
        return a.value if a is not None else ""

    def first_set(self, meta: str) -> Arg | None:
        """CS1's ``A[meta]``: the first set alias of a meta-parameter, in alias order."""
        found = self.metas.get(meta)
        return found[0] if found else None

    def set_aliases(self, meta: str) -> list[Arg]:
        """Every set alias of ``meta`` in alias order (more than one is redundant)."""
        return self.metas.get(meta, [])

    def meta_value(self, meta: str) -> str:
        a = self.first_set(meta)
        return a.value if a is not None else ""

    def names(self, list_name: str) -> list[NameEntry]:
        """The ``AuthorList``/``EditorList``/… entries, read the way CS1 reads them."""
        return self._name_list(list_name)[0]

    def name_problems(self, list_name: str) -> list[tuple[str, Arg | None, int]]:
        """(CS1 key, argument, list position) for ``first_missing_last``/``missing_name``."""
        return self._name_list(list_name)[1]

    def _name_list(
        self, list_name: str
    ) -> tuple[list[NameEntry], list[tuple[str, Arg | None, int]]]:
        key = "names:" + list_name
        cached = self.cache.get(key)
        if cached is None:
            cached = self.cache[key] = _extract_names(self, list_name)
        return cached


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[re.Pattern[str], str, str, int, bool], ...]:
    """(regex, list, kind, alias rank, enumerated) for every name-list alias."""
    out = []
    for list_name, kinds in data.config()["name_lists"].items():
        for kind, aliases in kinds.items():
            for rank, alias in enumerate(aliases):
                if "#" in alias:
                    head, _, tail = alias.partition("#")
                    out.append(
                        (
                            re.compile(re.escape(head) + "([0-9]+)" + re.escape(tail) + r"\Z"),
                            list_name,
                            kind,
                            rank,
                            True,
                        )
                    )
                    out.append(
                        (re.compile(re.escape(head + tail) + r"\Z"), list_name, kind, rank, False)
                    )
                else:
                    out.append((re.compile(re.escape(alias) + r"\Z"), list_name, kind, rank, False))
    return tuple(out)


@lru_cache(maxsize=4096)
def name_role(name: str) -> tuple[tuple[str, str, int, tuple[int, int]], ...]:
    """Which name-list slots a parameter name fills: (list, kind, index, priority), e.g.
    ``author2-last`` → (("AuthorList", "Last", 2, …),). The priority orders aliases the way
    CS1's select_one tries them (alias order; at index 1 the bare name before ``…1``)."""
    roles: dict[tuple[str, str, int], tuple[int, int]] = {}
    for regex, list_name, kind, rank, enumerated in _role_patterns():
        m = regex.match(name)
        if m is None:
            continue
        if enumerated:
            digits = m.group(1)
            if digits.startswith("0"):
                continue
            slot, prio = (list_name, kind, int(digits)), (rank, 1)
        else:
            slot, prio = (list_name, kind, 1), (rank, 0)
        # "author-link#" and "author#link" both read "authorlink" bare: keep the first
        if slot not in roles or prio < roles[slot]:
            roles[slot] = prio
    return tuple((lst, kind, i, prio) for (lst, kind, i), prio in roles.items())


def _slots(c: Citation) -> dict[tuple[str, str, int], Arg]:
    """The set argument CS1 selects for each (list, kind, index), computed once."""
    cached = c.cache.get("slots")
    if cached is not None:
        return cached
    best: dict[tuple[str, str, int], tuple[tuple[int, int], Arg]] = {}
    for a in c.order:
        if a.positional or not a.is_set:
            continue
        for list_name, kind, i, prio in name_role(a.name):
            key = (list_name, kind, i)
            old = best.get(key)
            if old is None or prio < old[0]:
                best[key] = (prio, a)
    slots = {k: v[1] for k, v in best.items()}
    c.cache["slots"] = slots
    return slots


def has_name_slot(
    c: Citation, list_name: str, kinds: tuple[str, ...], indexes: tuple[int, ...]
) -> bool:
    slots = _slots(c)
    if not slots:
        return False
    return any((list_name, k, i) in slots for k in kinds for i in indexes)


def name_lists_present(c: Citation) -> frozenset[str]:
    """The name lists (``AuthorList``…) that have at least one set argument."""
    cached = c.cache.get("lists")
    if cached is None:
        cached = c.cache["lists"] = frozenset(k[0] for k in _slots(c))
    return cached


def _extract_names(
    c: Citation, list_name: str
) -> tuple[list[NameEntry], list[tuple[str, Arg | None, int]]]:
    slots = _slots(c)
    entries: list[NameEntry] = []
    problems: list[tuple[str, Arg | None, int]] = []
    if not slots:
        return entries, problems
    missing = 0
    i = 1
    while True:
        last = slots.get((list_name, "Last", i))
        first = slots.get((list_name, "First", i))
        if first is not None and last is None:
            problems.append(("first_missing_last", first, i))
        elif first is None and last is None:
            missing += 1
            if missing >= 2:
                break
        else:
            entries.append(
                NameEntry(
                    i,
                    last,
                    first,
                    slots.get((list_name, "Link", i)),
                    slots.get((list_name, "Mask", i)),
                )
            )
            if missing == 1:
                problems.append(("missing_name", last, i - 1))
            missing = 0
        i += 1
    return entries, problems


def class_of_name(name: str) -> str | None:
    """The CitationClass of a normalised template name, or None when it names no CS1/CS2
    template."""
    return data.templates().get(name.lower())


def build(template: Template, cls: str) -> Citation:
    """Read a template's arguments the way MediaWiki passes them to the module."""
    args: dict[str, Arg] = {}
    position = 0
    repeated = False
    for p in template.params:
        if p.showkey:
            name = strip_comments(p.name).strip(WS) if "<!--" in p.name else p.name.strip(WS)
            raw = p.value
            value = (strip_comments(raw) if "<!--" in raw else raw).strip(WS)
            positional = name.isdigit() and not name.startswith("0")
        else:
            position += 1
            name = str(position)
            raw = p.value
            value = strip_comments(raw) if "<!--" in raw else raw
            positional = True
        opaque = "{" in raw and _OPAQUE.search(raw) is not None
        prev = args.get(name)
        arg = Arg(
            name, value, p, positional, opaque, bool(value.strip(WS)) if positional else bool(value)
        )
        if prev is not None:
            arg.earlier = (*prev.earlier, prev.param)
            repeated = True
        args[name] = arg
    order = list(args.values())
    if repeated:  # a repeated name keeps its first slot in the dict; MediaWiki uses the last
        order.sort(key=lambda a: a.param.start)
    metas: dict[str, list[Arg]] = {}
    ranks: dict[str, list[int]] = {}
    table = data.metas_of()
    for a in order:
        if a.is_set and not a.positional:
            for meta, rank in table.get(a.name, ()):
                found = metas.get(meta)
                if found is None:
                    metas[meta] = [a]
                    ranks[meta] = [rank]
                else:  # keep CS1's alias order
                    r = ranks[meta]
                    i = 0
                    while i < len(r) and r[i] < rank:
                        i += 1
                    found.insert(i, a)
                    r.insert(i, rank)
    return Citation(template, cls, args, order, metas, repeated)


def from_params(params: Mapping[str, str], cls: str = "citation") -> Citation:
    """A citation with these named arguments and no place in a document: the arguments a
    wrapper template passes on to CS1, or a citation written out in a test."""
    ps = [Param(name, value, True, 0, 0, 0, 0, 0, 0, name) for name, value in params.items()]
    return build(Template("Citation", "Citation", 0, 0, ps), cls)


def _compute(index: Index) -> list[Citation]:
    table = data.templates()
    out = []
    for t in index.templates:
        cls = table.get(t.name.lower())
        if cls is not None:
            out.append(build(t, cls))
    return out


def citations(index: Index) -> list[Citation]:
    """Every CS1/CS2 citation of the document, in source order (computed once)."""
    return index.derived("cs1.citations", _compute)


def iter_args(citation: Citation) -> Iterator[Arg]:
    """Effective named arguments in source order."""
    for a in citation.order:
        if not a.positional:
            yield a
