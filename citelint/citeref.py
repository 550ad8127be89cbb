"""CITEREF anchors: which ids citations make and which ids short citations link to.

On Wikipedia a full citation (``{{cite book}}``, ``{{citation}}``, …) gets the HTML id
``CITEREF`` + the last names of up to four authors (or, with no authors, editors) + the
year, e.g. ``CITEREFSmithJones2001``; ``{{sfn|Smith|Jones|2001}}`` and the ``{{harv}}``
family link to that id. ``ref=`` overrides the id (``ref=none``: no anchor, ``ref=harv``:
the default one, ``ref={{sfnref|…}}``: the id that template spells). ``{{harvc}}``,
``{{wikicite}}`` and ``{{anchor}}`` also make ids.

This module computes both sides from the index, without expanding templates, once per
document (``index.derived``). What a citation says (which templates are CS1/CS2 citations,
their name lists with CS1's aliases, ``|date=``, ``|ref=``…) is read through the CS1 model
(:mod:`citelint.cs1`), shared with the CITE rules; this module adds what is particular to
anchors: the CITEREF id itself, wrapper templates, the short-citation links and the other
templates that make ids.

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

from citelint.cs1.model import Citation, build, citations, class_of_name, from_params, iter_args
from citelint.cs1.names import last_names

if TYPE_CHECKING:
    from collections.abc import Mapping

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
    """Whether a normalised template name is a citation template: a CS1/CS2 template (the
    CS1 model's list), a ``{{Cite …}}`` wrapper or a citation-like template (``ref_only``)."""
    t = tables()
    return (
        class_of_name(name) is not None
        or name in t["citations"]
        or name in t["ref_only"]
        or name.startswith(t["citation_prefixes"])
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


# -- the anchor of a citation ------------------------------------------------------------

#: the name lists whose last names make the anchor, in the order CS1 prefers them
_ANCHOR_LISTS = ("ContributorList", "AuthorList", "EditorList")
#: the class a wrapper template's own arguments are read as (only names, dates and
#: ``ref=`` are looked at, which do not depend on it)
_WRAPPED = "citation"


def citeref(names: list[str], year: str) -> str:
    """``CITEREF`` + names + year, normalised like an anchor."""
    return "CITEREF" + "".join(normalise_id(n) for n in names) + normalise_id(year)


def _named(tpl: Template) -> dict[str, str]:
    """Named parameters, stripped, the last one winning (as MediaWiki does)."""
    return {p.name: p.stripped for p in tpl.params if p.showkey}


def citation_default_id(c: Citation | Mapping[str, str]) -> str | None:
    """The anchor CS1 gives a citation (or a dict of its parameters) without ``ref=``:
    contributors, else authors, else editors (at most four last names), then ``year=`` or
    the year of ``date=`` (or of ``publication-date=``, which CS1 shows as the date when
    there is no other)."""
    if not isinstance(c, Citation):
        c = from_params(c)
    for list_name in _ANCHOR_LISTS:
        names = last_names(c, list_name)
        if names:
            date = c.meta_value("Date") or c.meta_value("PublicationDate")
            year = c.meta_value("Year") or date_year(date)
            return citeref(names[:MAX_NAMES], year)
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
    c = build(tpl, _WRAPPED)
    names = last_names(c, "AuthorList")[:MAX_NAMES]
    ids = [citeref(names, c.value(y)) for y in ("year", "year1", "year2", "year3") if c.value(y)]
    return Link(tpl, "harvs", ids, checked=False)


def _harvc_in(tpl: Template, c: Citation) -> Link | None:
    names = [c.value(k) for k in ("in", "in1", "in2", "in3", "in4") if c.value(k)]
    if not names:
        return None
    return Link(tpl, "harvc", [citeref(names[:MAX_NAMES], c.value("year"))], checked=False)


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
    other_citations = t["citations"]
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

    cs1 = {id(c.template): c for c in citations(index)}
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
        c = cs1.get(id(tpl))
        wrapper = wrappers.get(name)
        is_citation = (
            c is not None
            or wrapper is not None
            or name in other_citations
            or name.startswith(prefixes)
        )
        if is_citation or name in ref_only:
            if explicit is not None:
                add(explicit, "citation", tpl)
                continue
            if c is None:  # a wrapper or ref-only template: its own arguments
                c = build(tpl, _WRAPPED)
            if wrapper is not None:  # the wrapper's values under those the wikitext gives
                c = from_params({**wrapper, **{a.name: a.value for a in iter_args(c) if a.is_set}})
            ref = c.value("ref")
            low = ref.lower()
            if low == "none":
                continue
            if ref and low != "harv":
                add(normalise_id(ref), "citation", tpl, "{{" in ref)
            elif is_citation:
                anchor_id = citation_default_id(c)
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
            c = build(tpl, _WRAPPED)
            names = last_names(c, "AuthorList")[:MAX_NAMES]
            if names:
                add(citeref(names, c.value("year")), "harvc", tpl)
            link = _harvc_in(tpl, c)
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
