"""Orphaned-ref rescue: find the lost text of an undefined named ref elsewhere.

When an edit removes the one ``<ref name="x">…</ref>`` that defined a name and leaves its
reuses (``<ref name="x"/>``), MediaWiki shows "Cite error: The named reference x was used
but no text was provided" (REF001). Bots such as AnomieBOT's OrphanReferenceFixer repair
that on the wiki by finding the definition in the page history or in linked articles.
This module does the same offline: given other texts (older revisions of the page, or
other articles), it looks up the definition of the name in the same group, with
citelint's own index (so refs in comments or ``<nowiki>`` do not count, and
list-defined refs do), and turns REF001's finding into one with an *unsafe* fix that
makes the first use the definition. The message says where the text came from.

Candidates come from :class:`Sources`:

- ``ordered`` (a page history, newest first): the first text that defines the name
  decides; the most recent definition wins over older ones;
- unordered (files named with ``--rescue-from``): every file counts the same.

Different texts for one name where it is decided are reported and nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

import click

from citelint.config import Config, ConfigError
from citelint.document import Document
from citelint.finding import Edit, Fix, Problem
from citelint.index import Index, build_index
from citelint.model import Ref
from citelint.refgraph import group_of, ref_graph
from citelint.rule import Rule

Key = tuple[str, str]  # (group, name)


@dataclass(frozen=True)
class Source:
    """A text to look for definitions in, and how messages name it."""

    label: str  # "seeds/003.txt", "Fall of Damascus@222"
    text: str
    when: str | None = None  # a revision's timestamp


@dataclass(frozen=True)
class Candidate:
    """One definition text and the places it was found (``label:line``)."""

    text: str
    places: tuple[str, ...]


def definitions(text: str) -> dict[Key, list[tuple[str, int]]]:
    """(group, name) → [(definition text, line)] in document order, as Cite sees them."""
    doc = Document(text)
    index = build_index(doc)
    out: dict[Key, list[tuple[str, int]]] = {}
    for key, refs in ref_graph(index).definitions.items():
        out[key] = [(r.content or "", doc.position(r.start)[0]) for r in refs]
    return out


class Sources:
    """Texts to rescue definitions from, read lazily and parsed once each."""

    def __init__(self, sources: Iterable[Source], ordered: bool = False) -> None:
        self._pending: Iterator[Source] = iter(sources)
        self._done: list[tuple[Source, dict[Key, list[tuple[str, int]]]]] = []
        self._exhausted = False
        self.ordered = ordered

    def _parsed(self) -> Iterator[tuple[Source, dict[Key, list[tuple[str, int]]]]]:
        yield from self._done
        while not self._exhausted:
            try:
                src = next(self._pending)
            except StopIteration:
                self._exhausted = True
                return
            item = (src, definitions(src.text))
            self._done.append(item)
            yield item

    def candidates(self, group: str, name: str) -> list[Candidate]:
        """The distinct definition texts of ``name`` in ``group``: from the first source
        that has one (ordered), else from all sources, in the order first found."""
        found: dict[str, tuple[str, list[str]]] = {}  # stripped text → (text, places)
        for src, defs in self._parsed():
            here = defs.get((group, name))
            if not here:
                continue
            for text, line in here:
                place = f"{src.label}:{line}" + (f" ({src.when})" if src.when else "")
                found.setdefault(text.strip(), (text, []))[1].append(place)
            if self.ordered:
                break
        return [Candidate(text, tuple(places)) for text, places in found.values()]


def _quote(name: str) -> str:
    return f'"{name}"'


def rescue_problem(index: Index, problem: Problem, chain: list[Sources]) -> Problem:
    """REF001's ``problem`` with the rescued definition as an unsafe fix, or with the
    conflict in its message; unchanged when no source defines the name."""
    ref = _ref_at(index, problem.start)
    if ref is None or not ref.name:
        return problem
    group, name = group_of(ref), ref.name
    if ref_graph(index).definitions.get((group, name)):
        return problem  # defined on the page, but too late for its list: not lost text
    for sources in chain:
        found = sources.candidates(group, name)
        if not found:
            continue
        if len(found) > 1:
            places = "; ".join(
                f"{c.places[0]}" + (f" and {len(c.places) - 1} more" if len(c.places) > 1 else "")
                for c in found
            )
            return replace(
                problem,
                message=f"{problem.message}; {len(found)} different definitions found, "
                f"not restored: {places}",
            )
        cand = found[0]
        where = cand.places[0]
        fix = _restore(
            index, ref, cand.text, f"Restore the definition of {_quote(name)} from {where}"
        )
        note = f"; its definition was found in {where}"
        if fix is None:
            note += " (copy it by hand: the first use is a template)"
        return replace(problem, message=problem.message + note, fix=fix)
    return problem


def _ref_at(index: Index, start: int) -> Ref | None:
    for ref in index.refs:
        if ref.start == start:
            return ref
    return None


def _restore(index: Index, ref: Ref, text: str, message: str) -> Fix | None:
    """Turn the use ``<ref name="x"/>`` (or ``<ref name="x"></ref>``) into
    ``<ref name="x">TEXT</ref>``."""
    if ref.kind != "tag":
        return None
    src = index.text[ref.start : ref.end]
    if ref.content is None:
        head = src.rstrip()
        if not head.endswith("/>"):
            return None
        opening = head[:-2].rstrip() + ">"
        return Fix(message, (Edit(ref.start, ref.end, f"{opening}{text}</ref>"),), "unsafe")
    return Fix(message, (Edit(ref.content_start, ref.content_end, text),), "unsafe")


# -- wiring into the rules -------------------------------------------------------------


class RescuingRule(Rule):
    """REF001 whose findings carry the rescued definitions."""

    def __init__(self, inner: Rule, chain: list[Sources]) -> None:
        self.inner = inner
        self.chain = chain
        self.code = inner.code  # type: ignore[misc]
        self.name = inner.name  # type: ignore[misc]
        self.severity = inner.severity  # type: ignore[misc]
        self.settings = inner.settings

    def check(self, index: Index) -> Iterator[Problem]:
        for problem in self.inner.check(index):
            yield rescue_problem(index, problem, self.chain)


def with_rescue(rules: list[Rule], chain: list[Sources]) -> list[Rule]:
    """``rules`` with REF001 replaced by its rescuing version (unchanged without sources)."""
    if not chain:
        return rules
    return [RescuingRule(r, chain) if r.code == "REF001" else r for r in rules]


@dataclass
class RescueConfig(Config):
    """A configuration whose REF001 rescues definitions from ``rescue`` sources."""

    rescue: list[Sources] = field(default_factory=list)

    def instantiate(self, codes: list[str]) -> list[Rule]:
        return with_rescue(super().instantiate(codes), self.rescue)


def read_sources(paths: Iterable[str], extensions: tuple[str, ...] | None = None) -> Sources:
    """The files (and the wikitext files below folders) named by ``paths``, as unordered
    rescue sources; an unreadable one is a :class:`ConfigError` (exit 2)."""
    from citelint.config import DEFAULT_EXTENSIONS
    from citelint.sources import InputError, expand, read_path

    out: list[Source] = []
    for item in expand(list(paths), extensions or DEFAULT_EXTENSIONS):
        if isinstance(item, tuple):
            item = read_path(item[1], item[0])
        if isinstance(item, InputError):
            raise ConfigError(f"--rescue-from {item.path}: {item.message}")
        out.append(Source(str(item.path), item.text))
    return Sources(out, ordered=False)


def rescuing(paths: Iterable[str]) -> Callable[[Config], Config]:
    """For ``citelint check --rescue-from PATHS``: a function that turns each
    configuration into one whose REF001 rescues from those files (read once)."""
    paths = list(paths)
    sources = read_sources(paths) if paths else None

    def finish(cfg: Config) -> Config:
        if sources is None:
            return cfg
        fields = {f: getattr(cfg, f) for f in cfg.__dataclass_fields__ if f != "rescue"}
        return RescueConfig(**fields, rescue=[sources])

    return finish


#: ``--rescue-from PATHS`` for ``citelint check`` and ``citelint page``.
rescue_option = click.option(
    "--rescue-from",
    "rescue_from",
    multiple=True,
    type=click.Path(exists=True),
    help="Files or folders (other revisions, other articles) to restore the lost "
    "definitions of undefined named refs from, as unsafe fixes.",
)
