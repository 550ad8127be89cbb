"""CITEREF anchors: which ids citations make and which ids short citations link to.

On Wikipedia a full citation (``{{cite book}}``, ``{{citation}}``, …) gets the HTML id
``CITEREF`` + the last names of up to four authors (or, with no authors, editors) + the
year, e.g. ``CITEREFSmithJones2001``; ``{{sfn|Smith|Jones|2001}}`` and the ``{{harv}}``
family link to that id. ``ref=`` overrides the id (``ref=none``: no anchor, ``ref=harv``:
the default one, ``ref={{sfnref|…}}``: the id that template spells). ``{{harvc}}``,
``{{wikicite}}`` and ``{{anchor}}`` also make ids.

This module computes both sides from the index, without expanding templates, once per
document (``index.derived``). It is a small stand-alone reading of the CS1 name and date
parameters, kept behind these few functions so that the shared CS1 model can replace it.

Known limits (see the SFN rules' documentation): an anchor spelled by a template that
citelint cannot expand (a wrapper such as ``{{Cite EB1911}}`` that supplies its own year,
a name or year computed by another template) is only known as far as the wikitext shows it.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citelint.index import Index
    from citelint.model import Ref, Template

MAX_NAMES = 4

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]")
_SPACE = re.compile(r"[\s_]+")
_NO_DATE = re.compile(r"^n\.?\s*d\.?$", re.I)
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4})\s*[–—]\s*(\d{4}|\d{2})([a-z]?)(?![\d])")
_YEAR = re.compile(r"(?<!\d)(\d{4})([a-z]?)(?![\d])")
_HTML_ID = re.compile(r"<\s*[a-z]+\b[^<>]*?\bid\s*=\s*[\"']?(CITEREF[^\"'<>]*)", re.I)
_WIKILINK_TARGET = re.compile(r"\[\[\s*#\s*([^|\]\[]+)")


@lru_cache(maxsize=1)
def tables() -> dict:
    """citelint/data/short_citations.json: the link, id and anchor templates."""
    text = resources.files("citelint").joinpath("data/short_citations.json").read_text("utf-8")
    data = json.loads(text)
    data["checked"] = frozenset(data["checked"])
    data["ids"] = frozenset(data["ids"])
    data["citations"] = frozenset(data["citations"])
    data["ref_only"] = frozenset(data["ref_only"])
    data["citation_prefixes"] = tuple(data["citation_prefixes"])
    data["footnotes"] = frozenset(data["footnotes"])
    return data


def is_citation_name(name: str) -> bool:
    """Whether a normalised template name is a CS1/CS2 citation template."""
    t = tables()
    return (
        name in t["citations"] or name in t["ref_only"] or name.startswith(t["citation_prefixes"])
    )


def normalise_id(raw: str) -> str:
    """An anchor id as MediaWiki compares it: comments, link markup and entities
    removed, runs of spaces and underscores made one underscore."""
    s = raw
    if "<!--" in s:
        s = _COMMENT.sub("", s)
    if "[[" in s:
        s = _LINK.sub(r"\1", s)
    if "&" in s:
        s = html.unescape(s)
    if "'" in s:
        s = s.replace("'''", "").replace("''", "")
    if "((" in s:
        s = s.replace("((", "").replace("))", "")
    return _SPACE.sub("_", s).strip("_")


def date_year(date: str) -> str:
    """The year CS1 puts in an anchor for a ``date=`` value: ``2001`` for any full or
    partial date, ``2001a`` with a disambiguation letter, ``1999–2000`` for a year range,
    ``n.d.`` for no date; empty when there is no year."""
    d = date.strip()
    if not d:
        return ""
    if _NO_DATE.match(d):
        return "n.d."
    m = _YEAR_RANGE.search(d)
    if m:
        return f"{m.group(1)}–{m.group(2)}{m.group(3)}"
    m = _YEAR.search(d)
    return m.group(1) + m.group(2) if m else ""


# -- name lists -------------------------------------------------------------------------


_AUTHOR = (
    "last#",
    "author#",
    "surname#",
    "author-last#",
    "author#-last",
    "author-surname#",
    "author#-surname",
    "subject#",
    "host#",
)
_EDITOR = ("editor-last#", "editor#-last", "editor#", "editor-surname#", "editor#-surname")
_CONTRIBUTOR = (
    "contributor-last#",
    "contributor#-last",
    "contributor#",
    "contributor-surname#",
    "contributor#-surname",
)
#: How far a numbered list is read; holes are closed up, and the first four names count.
_SCAN = 9


def _alias_table() -> dict[str, tuple[str, int, int]]:
    """Every name-list parameter → (list, position, preference among its aliases)."""
    table: dict[str, tuple[str, int, int]] = {}
    for kind, patterns in (("author", _AUTHOR), ("editor", _EDITOR), ("contributor", _CONTRIBUTOR)):
        for rank, pattern in enumerate(patterns):
            for n in range(1, _SCAN + 1):
                table.setdefault(pattern.replace("#", str(n)), (kind, n, rank))
            table.setdefault(pattern.replace("#", ""), (kind, 1, rank))
    return table


_ALIASES = _alias_table()


def _vancouver(value: str) -> list[str]:
    """Last names of a ``vauthors=`` list: ``Smith AB, Jones C`` → Smith, Jones."""
    names = []
    for part in value.split(","):
        part = part.strip()
        if not part or part.lower().rstrip(".") in ("et al", "etal"):
            break
        if part.startswith("((") and part.endswith("))"):
            names.append(part)
        else:
            names.append(part.rsplit(" ", 1)[0] if " " in part else part)
    return names[:MAX_NAMES]


def _names(params: dict[str, str], kind: str) -> list[str]:
    """The first four last names of one name list (``author``, ``editor``, ``contributor``)."""
    found: dict[int, tuple[int, str]] = {}
    aliases = _ALIASES
    for name, value in params.items():
        entry = aliases.get(name)
        if entry is None or entry[0] != kind or not value:
            continue
        _, n, rank = entry
        best = found.get(n)
        if best is None or rank < best[0]:
            found[n] = (rank, value)
    if found:
        return [found[n][1] for n in sorted(found)][:MAX_NAMES]
    if kind in ("author", "editor"):
        vlist = params.get("vauthors" if kind == "author" else "veditors")
        if vlist:
            return _vancouver(vlist)
    return []


def citeref(names: list[str], year: str) -> str:
    """``CITEREF`` + names + year, normalised like an anchor."""
    return "CITEREF" + "".join(normalise_id(n) for n in names) + normalise_id(year)


def _named(tpl: Template) -> dict[str, str]:
    """Named parameters, stripped, the last one winning (as MediaWiki does)."""
    return {p.name: p.stripped for p in tpl.params if p.showkey}


def citation_default_id(params: dict[str, str]) -> str | None:
    """The anchor CS1 gives a citation without ``ref=``: contributors, else authors, else
    editors (at most four last names), then ``year=`` or the year of ``date=`` (or of
    ``publication-date=``, which CS1 shows as the date when there is no other)."""
    for kind in ("contributor", "author", "editor"):
        names = _names(params, kind)
        if names:
            date = params.get("date") or params.get("publication-date", "")
            year = params.get("year") or date_year(date)
            return citeref(names, year)
    return None


# -- the two sides ------------------------------------------------------------------------


@dataclass(eq=False)
class Anchor:
    """An id a template (or raw HTML) puts on the page."""

    id: str
    kind: str  # "citation", "harvc", "wikicite", "anchor" or "html"
    start: int
    end: int
    template: Template | None = None
    #: True when the id has parts citelint cannot know (a template it cannot expand)
    uncertain: bool = False

    @property
    def ref(self) -> Ref | None:
        return self.template.ref if self.template is not None else None


@dataclass(eq=False)
class Link:
    """A short citation and the ids it links to (``{{sfnm}}`` links to several)."""

    template: Template
    kind: str  # "harv", "sfnm", "harvs", "harvc" or "wikilink"
    ids: list[str] = field(default_factory=list)
    #: False for links Module:Footnotes does not check (harvs, harvc, ignore-err=yes)
    checked: bool = True
    #: True when a name or year is computed by a template citelint cannot expand
    uncertain: bool = False
    #: identical {{sfn}} calls share one footnote; links with the same key render once
    footnote: tuple | None = None


@dataclass(eq=False)
class Citerefs:
    """Both sides of one document."""

    links: list[Link]
    anchors: dict[str, list[Anchor]]
    #: ids that plain ``[[#CITEREF…]]`` wikilinks point at
    wikilinked: set[str]


#: what makes two {{sfn}} footnotes different besides the anchor (Module:Footnotes' name)
_FOOTNOTE_KEYS = (("p", "page"), ("pp", "pages"), ("loc", "at"))


def _footnote_key(link: Link) -> tuple:
    tpl = link.template
    if link.kind == "sfnm":
        pages = tuple(sorted((p.name, normalise_id(p.stripped)) for p in tpl.params if p.showkey))
    else:
        pages = tuple(normalise_id(tpl.value(*k)) for k in _FOOTNOTE_KEYS)
    return (tuple(link.ids), pages)


def _has_template(values: list[str]) -> bool:
    return any("{{" in v for v in values)


def _harv_link(tpl: Template) -> Link:
    ref = tpl.get("ref", "Ref")
    if ref is not None and ref.stripped and ref.stripped.lower() != "none":
        return Link(tpl, "harv", [normalise_id(ref.stripped)], uncertain="{{" in ref.stripped)
    parts = [p.stripped for p in tpl.params if not p.showkey][:5]
    year = tpl.value("year")
    if year:
        parts.append(year)
    return Link(
        tpl,
        "harv",
        ["CITEREF" + "".join(normalise_id(p) for p in parts)],
        uncertain=_has_template(parts),
    )


def _sfnm_link(tpl: Template) -> Link:
    params = _named(tpl)
    ids = []
    uncertain = False
    for n in range(1, 10):
        names = [params.get(f"{n}a{i}", "") for i in range(1, MAX_NAMES + 1)]
        year = params.get(f"{n}y", "")
        if not any(names) and not year:
            continue
        names = [v for v in names if v]
        uncertain = uncertain or _has_template([*names, year])
        ids.append(citeref(names, year))
    return Link(tpl, "sfnm", ids, uncertain=uncertain)


def _harvs_link(tpl: Template) -> Link:
    params = _named(tpl)
    names = _names(params, "author")
    ids = [citeref(names, params[y]) for y in ("year", "year1", "year2", "year3") if params.get(y)]
    return Link(tpl, "harvs", ids, checked=False)


def _harvc_in(tpl: Template, params: dict[str, str]) -> Link | None:
    names = [params[k] for k in ("in", "in1", "in2", "in3", "in4") if params.get(k)]
    if not names:
        return None
    return Link(tpl, "harvc", [citeref(names[:MAX_NAMES], params.get("year", ""))], checked=False)


def _attribute_spans(index: Index) -> list[tuple[int, int]]:
    """Opening tags of ``<ref …>`` and ``<references …>`` that contain ``{{``: MediaWiki
    does not expand templates in extension-tag attributes, so ``<ref name="{{harvnb|…}}">``
    is a name, not a link."""
    text = index.text
    spans = [
        (r.start, r.open_end)
        for r in index.refs
        if r.kind == "tag" and "{{" in text[r.start : r.open_end]
    ]
    spans.extend(
        (rl.start, rl.open_end)
        for rl in index.reflists
        if rl.kind == "tag" and "{{" in text[rl.start : rl.open_end]
    )
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, pos)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def in_tag_attributes(index: Index, pos: int) -> bool:
    """Whether ``pos`` lies in the attributes of a ``<ref>``/``<references>`` tag, where
    MediaWiki shows template syntax as it is instead of calling the template."""
    spans = index.derived("citeref.attribute_spans", _attribute_spans)
    return bool(spans) and _inside(spans, pos)


def _in_comment(index: Index, pos: int) -> bool:
    return any(c.start <= pos < c.end for c in index.comments)


def _compute(index: Index) -> Citerefs:
    t = tables()
    link_kinds = t["links"]
    anchor_kinds = t["anchors"]
    id_names = t["ids"]
    citations = t["citations"]
    ref_only = t["ref_only"]
    prefixes = t["citation_prefixes"]
    wrappers = t["wrappers"]
    footnotes = t["footnotes"]
    checked = t["checked"]

    if not index.templates_named(link_kinds):
        return Citerefs([], {}, set())  # no short citation: nothing to check

    # ref={{sfnref|…}} / ref={{harvid|…}} spell the id of the template they sit in.
    spelled: dict[int, str] = {}
    for tpl in index.templates_named(id_names):
        parent, param = tpl.parent, tpl.param_in_parent
        if parent is not None and param is not None and param.name in ("ref", "Ref"):
            parts = [p.stripped for p in tpl.params if not p.showkey][:5]
            spelled[id(parent)] = "CITEREF" + "".join(normalise_id(p) for p in parts)

    links: list[Link] = []
    anchors: dict[str, list[Anchor]] = {}
    inert = index.derived("citeref.attribute_spans", _attribute_spans)

    def add(anchor_id: str, kind: str, tpl: Template, uncertain: bool = False) -> None:
        if anchor_id and anchor_id != "CITEREF":
            anchors.setdefault(anchor_id, []).append(
                Anchor(anchor_id, kind, tpl.start, tpl.end, tpl, uncertain)
            )

    for tpl in index.templates:
        name = tpl.name
        if inert and _inside(inert, tpl.start):
            continue
        kind = link_kinds.get(name)
        if kind is not None:
            if kind == "harv":
                link = _harv_link(tpl)
            elif kind == "sfnm":
                link = _sfnm_link(tpl)
            else:
                link = _harvs_link(tpl)
            if kind not in checked or tpl.value("ignore-err").lower() in ("yes", "y", "true", "1"):
                link.checked = False
            if name in footnotes:
                link.footnote = _footnote_key(link)
            links.append(link)
            continue
        explicit = spelled.get(id(tpl))
        is_citation = name in citations or name.startswith(prefixes)
        wrapper = wrappers.get(name)
        if is_citation or wrapper is not None or name in ref_only:
            if explicit is not None:
                add(explicit, "citation", tpl)
                continue
            params = _named(tpl)
            if wrapper is not None:
                params = {**wrapper, **{k: v for k, v in params.items() if v}}
                is_citation = True
            ref = params.get("ref", "")
            low = ref.lower()
            if low == "none":
                continue
            if ref and low != "harv":
                add(normalise_id(ref), "citation", tpl, "{{" in ref)
            elif is_citation:
                anchor_id = citation_default_id(params)
                if anchor_id is not None:
                    add(anchor_id, "citation", tpl, "{{" in anchor_id)
            continue
        akind = anchor_kinds.get(name)
        if akind is None:
            if explicit is not None:
                # any other template given ref={{harvid|…}} passes it on to CS1
                add(explicit, "citation", tpl)
            continue
        if akind == "anchor":
            for p in tpl.params:
                if not p.showkey and p.stripped:
                    add(normalise_id(p.stripped), "anchor", tpl)
        elif akind == "wikicite":
            params = _named(tpl)
            if explicit is not None:
                add(explicit, "wikicite", tpl)
            elif params.get("ref"):
                add(normalise_id(params["ref"]), "wikicite", tpl)
            elif params.get("id"):
                add("Reference-" + normalise_id(params["id"]), "wikicite", tpl)
        elif akind == "harvc":
            params = _named(tpl)
            names = _names(params, "author")
            if names:
                add(citeref(names, params.get("year", "")), "harvc", tpl)
            link = _harvc_in(tpl, params)
            if link is not None:
                links.append(link)

    text = index.text
    wikilinked: set[str] = set()
    if "CITEREF" in text:
        for m in _HTML_ID.finditer(text):
            if _in_comment(index, m.start()):
                continue
            anchor_id = normalise_id(m.group(1))
            anchors.setdefault(anchor_id, []).append(Anchor(anchor_id, "html", m.start(), m.end()))
    if "[[#" in text or "[[ #" in text:
        wikilinked = {normalise_id(m.group(1)) for m in _WIKILINK_TARGET.finditer(text)}
    return Citerefs(links, anchors, wikilinked)


def citerefs(index: Index) -> Citerefs:
    """The anchors and short-citation links of a document (computed once, shared)."""
    return index.derived("citeref", _compute)


def rendered_once(anchors: list[Anchor]) -> list[Anchor]:
    """Anchors that reach the page: a citation inside a named ref that is defined
    again with the same content is printed once, so its anchor counts once."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in anchors:
        ref = a.ref
        if ref is not None and ref.name:
            key = (ref.group, ref.name, ref.content or "")
            if key in seen:
                continue
            seen.add(key)
        out.append(a)
    return out
