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

Whether a short citation has a target is decided on Wikipedia by Module:Footnotes, which
reads anchors from the wikitext of the templates it knows (CS1/CS2 and a few others) and
accepts more from its whitelist data: wrapper templates with default names and year
(``{{Cite EB1911}}`` → Chisholm 1911), anchors whitelisted for templates the article uses
(``{{Cite enc-nyc2}}`` → CITEREFJackson2010) and a few anchor patterns. That data is
generated from the module into citelint/data/footnotes-whitelist.json
(tools/gen_footnotes_whitelist.py); every :class:`Anchor` says whether the module sees it
(``seen``), and :func:`footnotes_accepts` answers the whitelist questions.

Known limits (see the SFN rules' documentation): a name or year computed by another
template is only known as far as the wikitext shows it.
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

from citelint.cs1.model import (
    Citation,
    build,
    citations,
    class_of_name,
    from_params,
    iter_args,
    strip_comments,
)
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
_CIRCA = re.compile(r"^c\. (\d{3,4}[a-z]?)$")
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


@lru_cache(maxsize=1)
def footnotes() -> dict:
    """citelint/data/footnotes-whitelist.json (generated from Module:Footnotes' data): the
    wrappers, whitelisted anchors and patterns, and the templates the module reads."""
    path = resources.files("citelint").joinpath("data/footnotes-whitelist.json")
    data = json.loads(path.read_text("utf-8"))
    kinds: dict[str, str] = {}
    for kind in _FOOTNOTES_KIND_ORDER:
        for name in data["known_templates"].get(kind, ()):
            kinds.setdefault(name, kind)
    for name in data["wrappers"]:
        kinds.setdefault(name, "wrapper")
    data["kinds"] = kinds
    data["whitelist"] = {k: frozenset(v) for k, v in data["whitelist"].items()}
    data["special"] = [re.compile(p["regex"]) for p in data["special_patterns"]]
    data["dnb"] = [re.compile(p["regex"]) for p in data["dnb_patterns"]]
    return data


#: the order Module:Footnotes tries its template lists in (anchor_id_list_make)
_FOOTNOTES_KIND_ORDER = ("cs12", "vcite", "harvc", "wikicite", "anchor", "sfn_whitelist")
#: templates the module skips although their names start with Cite/Cita
_FOOTNOTES_SKIPPED = frozenset({"Citation-attribution"})
_FIRST_BRACE_PART = re.compile(r"^\s*([^/|}]+)")


def _ucfirst(name: str) -> str:
    return name[:1].upper() + name[1:]


def footnotes_name(tpl: Template) -> str:
    """A template's name as Module:Footnotes looks it up: comments removed, trimmed,
    without a ``/subpage``, first letter upper case; spaces and underscores as written."""
    raw = strip_comments(tpl.raw_name)
    m = _FIRST_BRACE_PART.match(raw)
    return _ucfirst(m.group(1).rstrip()) if m else ""


def footnotes_kind(name: str) -> str | None:
    """What Module:Footnotes makes of a template (its :func:`footnotes_name`): ``cs12``,
    ``vcite``, ``harvc``, ``wikicite``, ``anchor``, ``sfn_whitelist``, ``wrapper``, or
    None when it reads no anchor from it."""
    if not name or name.startswith("#") or name in _FOOTNOTES_SKIPPED:
        return None
    kind = footnotes()["kinds"].get(name)
    if kind is None and name.startswith(("Cite", "Cita")):
        return "cs12"  # the module's last gasp: any Cite…/Cita… is read as CS1
    return kind


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
    ``c. 1850`` for a circa year (CS1 and Module:Footnotes both keep the ``c.``), ``n.d.``
    for no date; empty when there is no year."""
    d = date.strip()
    if not d:
        return ""
    if _NO_DATE.match(d):
        return "n.d."
    m = _CIRCA.match(d)
    if m:
        return "c. " + m.group(1)
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


def _names_and_year(c: Citation) -> tuple[list[str], str]:
    """The last names (at most four) and the year an anchor takes from a citation:
    contributors, else authors, else editors; ``year=``, else the year of ``date=`` (or of
    ``publication-date=``, which CS1 shows as the date when there is no other)."""
    names: list[str] = []
    for list_name in _ANCHOR_LISTS:
        names = last_names(c, list_name)
        if names:
            break
    date = c.meta_value("Date") or c.meta_value("PublicationDate")
    return names[:MAX_NAMES], c.meta_value("Year") or date_year(date)


def citation_default_id(c: Citation | Mapping[str, str]) -> str | None:
    """The anchor CS1 gives a citation (or a dict of its parameters) without ``ref=``:
    ``CITEREF`` + names + year (see :func:`_names_and_year`); None without names."""
    if not isinstance(c, Citation):
        c = from_params(c)
    names, year = _names_and_year(c)
    return citeref(names, year) if names else None


def wrapper_default_id(c: Citation, spec: Mapping[str, list]) -> str:
    """The anchor Module:Footnotes gives a wrapper template (an entry of the generated
    ``wrappers``): names and year the call shows, else the wrapper's defaults, per
    ``|volume=`` when they depend on it."""
    default_names, default_year = spec["default"]
    volumes = spec.get("volumes")
    if volumes:
        default_names, default_year = volumes.get(c.value("volume"), spec["default"])
    names, year = _names_and_year(c)
    return citeref(names or [default_names], year or default_year)


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
    #: True when Module:Footnotes reads this anchor from the wikitext (a template it
    #: knows); an anchor only the rendered page has (raw HTML, a template the module does
    #: not read) does not stop its "no target" error
    seen: bool = True
    #: why Module:Footnotes reads this template differently, when that is why it does not
    #: see the anchor ("misreads its names after a positional argument …")
    misread: str = ""

    @property
    def ref(self) -> Ref | None:
        return self.template.ref if self.template is not None else None


@dataclass(eq=False)
class Link:
    """A short citation and the ids it links to (``{{sfnm}}`` links to several)."""

    template: Template
    kind: str  # "harv", "sfnm", "harvs", "harvc" or "wikilink"
    ids: list[str] = field(default_factory=list)
    #: False for links Module:Footnotes does not check (harvs, harvc)
    checked: bool = True
    #: ``ignore-err=yes``: no "no target" error (a "multiple targets" one still shows)
    ignored: bool = False
    #: True when a name or year is computed by a template citelint cannot expand
    uncertain: bool = False
    #: identical {{sfn}} calls share one footnote; links with the same key render once
    footnote: tuple | None = None
    #: per id, the year Module:Footnotes saw in the call ("" when none; a year letter
    #: there lets a whitelisted anchor match without it)
    years: list[str] = field(default_factory=list)
    #: ids not checked (``{{sfnm}}``'s ``nignore-err=yes``)
    skip: set[str] = field(default_factory=set)


@dataclass(eq=False)
class Citerefs:
    """Both sides of one document."""

    links: list[Link]
    anchors: dict[str, list[Anchor]]
    #: ids that plain ``[[#CITEREF…]]`` wikilinks point at
    wikilinked: set[str]
    #: the templates the article uses, named as Module:Footnotes lists them
    template_names: frozenset[str] = frozenset()
    #: ids listed in ``{{sfn whitelist}}`` (as written)
    article_whitelist: frozenset[str] = frozenset()


_DISAMBIGUATED_YEAR = re.compile(r"(?:\d|n\.d\.|nd)[a-z]$")


def footnotes_accepts(refs: Citerefs, anchor_id: str, year: str = "") -> bool:
    """Whether Module:Footnotes accepts a link to an anchor no template it reads makes:
    the article whitelists it (``{{sfn whitelist}}``), the module's whitelist lists it
    (without a year letter) for a template the article uses, or it matches one of the
    module's anchor patterns (the DNB ones only when the article uses a DNB template)."""
    if anchor_id in refs.article_whitelist:
        return True
    data = footnotes()
    key = anchor_id
    if year and _DISAMBIGUATED_YEAR.search(year) and key[-1:].islower():
        key = key[:-1]
    makers = data["whitelist"].get(key)
    if makers and not makers.isdisjoint(refs.template_names):
        return True
    if any(p.search(anchor_id) for p in data["special"]):
        return True
    if not refs.template_names.isdisjoint(data["dnb_templates"]):
        return any(p.search(anchor_id) for p in data["dnb"])
    return False


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


#: Module:Footnotes' is_year(): a year with an optional letter, n.d., nd, c. YYYY, ranges
_IS_YEAR = re.compile(
    r"^(?:\d{3,4}[a-z]?|n\.d\.[a-z]?|nd[a-z]?|c\. \d{3,4}[a-z]?|\d{4}–\d{4}[a-z]?|\d{4}–\d{2}[a-z]?)$"
)


def _positional(tpl: Template) -> dict[int, str]:
    """Positional arguments by number, trimmed (``|5=x`` counts as the fifth)."""
    out: dict[int, str] = {}
    position = 0
    for p in tpl.params:
        if p.showkey:
            name = p.name.strip()
            if name.isdigit() and not name.startswith("0"):
                out[int(name)] = p.stripped
        else:
            position += 1
            out[position] = p.stripped
    return out


def _is_yes(tpl: Template, *names: str) -> bool:
    """Module:Footnotes' switches are on only for exactly ``yes``."""
    return any(tpl.value(n) == "yes" for n in names)


def _core_id(parts: list[str], ref: str) -> tuple[str | None, str]:
    """Module:Footnotes' core(): the id a link goes to (None for ``ref=none``) and the
    year it saw (the last of P2…P5 that is set, when it is a year)."""
    year = ""
    for v in reversed(parts[1:]):
        if v:
            year = v if _IS_YEAR.match(v) else ""
            break
    if ref == "none":
        return None, year
    if ref:
        return normalise_id(ref), year
    return "CITEREF" + "".join(normalise_id(p) for p in parts), year


def _harv_link(tpl: Template) -> Link:
    """``{{sfn}}``/``{{harv}}``: ``ref=`` (``Ref=``) or ``CITEREF`` + the first five
    positional arguments; when the fifth is no year, the first later one that is takes
    its place. ``year=`` is not read (Module:Footnotes ignores it)."""
    p = tpl.get("ref")
    ref = p.stripped if p is not None else tpl.value("Ref")
    pos = _positional(tpl)
    parts = [pos.get(i, "") for i in range(1, 6)]
    if not _IS_YEAR.match(parts[4]):
        i = 6
        while i in pos:
            if _IS_YEAR.match(pos[i]):
                parts[4] = pos[i]
                break
            i += 1
    anchor_id, year = _core_id(parts, ref)
    if anchor_id is None:  # ref=none: no link at all
        return Link(tpl, "harv", [], checked=False)
    uncertain = "{{" in ref if ref else _has_template(parts)
    return Link(tpl, "harv", [anchor_id], uncertain=uncertain, years=[year])


def _sfnm_link(tpl: Template) -> Link:
    """``{{sfnm}}``: source n is ``na1``… (its year ``ny`` in the first empty name slot)
    or a positional name and year pair; ``nref`` and ``nignore-err`` per source."""
    params = _named(tpl)
    pos = _positional(tpl)
    link = Link(tpl, "sfnm", [])
    first = 1
    n = 1
    while f"{n}a1" in params or first in pos:
        if f"{n}a1" in params:
            parts = [""] * 5
            for i in range(5):
                parts[i] = params.get(f"{n}a{i + 1}", "")
                if not parts[i]:
                    parts[i] = params.get(f"{n}y", "")
                    break
        else:
            parts = [pos[first], pos.get(first + 1, ""), "", "", ""]
            first += 2
        anchor_id, year = _core_id(parts, params.get(f"{n}ref", ""))
        if anchor_id is not None:
            link.ids.append(anchor_id)
            link.years.append(year)
            link.uncertain = link.uncertain or _has_template(parts)
            if params.get(f"{n}ignore-err") == "yes" or (
                params.get(f"{n}ignore-false-positive") == "yes"
            ):
                link.skip.add(anchor_id)
        n += 1
    return link


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


_INNER_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
#: arguments Module:Footnotes reads from the whole template text, not from its parameters
_READ_FROM_TEXT = frozenset({"year", "date", "publication-date", "publicationdate", "ref"})


def _misread(tpl: Template) -> set[str]:
    """Named arguments Module:Footnotes does not see under their names: its parameter
    pattern (``|name=value``, names without ``=``) runs a positional argument into the
    named one after it, so ``{{Cite Q |Q1 |last=Smith}}`` has a parameter called
    ``Q1 |last`` for it and no ``last``."""
    out: set[str] = set()
    after_positional = False
    for p in tpl.params:
        if p.showkey:
            if after_positional:
                out.add(p.name.strip())
            after_positional = False
        else:
            value = p.value
            while "{{" in value:
                stripped = _INNER_TEMPLATE.sub("", value)
                if stripped == value:
                    break
                value = stripped
            after_positional = bool(value.strip())
    return out


#: the date arguments Module:Footnotes looks for, in its order
_MODULE_DATES = ("year", "date", "publication-date", "publicationdate")
#: {{date}} and its redirects: the module takes their first argument as the date
_DATE_TEMPLATES = frozenset({"date", "datetomos", "formatdate", "isotodmymdy", "isotomos"})
_TEMPLATE_VALUE = re.compile(r"^\s*\{\{\s*([^|}]*?)\s*(?:\|\s*([^|}]*?)\s*)?[|}]")


def _module_date(tpl: Template) -> str | None:
    """When the date argument Module:Footnotes reads holds a template: the date it takes
    from it (``{{date|2001-05-01}}`` → ``2001-05-01``; any other template → ``""``, no
    year). None when the date is plain text (read as CS1 does)."""
    for name in _MODULE_DATES:
        p = tpl.get(name)
        if p is None:
            continue
        value = strip_comments(p.value)
        if "{{" in value:
            m = _TEMPLATE_VALUE.match(value)
            if m and m.group(1).lower() in _DATE_TEMPLATES:
                return m.group(2) or ""
            return ""
        if value.strip():
            return None
    return None


def _as_module_reads(tpl: Template, c: Citation) -> tuple[Citation, str]:
    """The citation as Module:Footnotes reads its names and date: without the names it
    misreads (see :func:`_misread`), and with the date of a date template as
    :func:`_module_date` gives it; and what it reads differently ("" when nothing)."""
    misread = _misread(tpl) if any(not p.showkey for p in tpl.params) else None
    date = _module_date(tpl) if any("{{" in tpl.value(n) for n in _MODULE_DATES) else None
    if not misread and date is None:
        return c, ""
    kept = {
        a.name: a.value
        for a in iter_args(c)
        if a.is_set and (not misread or a.name not in misread or a.name in _READ_FROM_TEXT)
    }
    why = []
    if misread:
        why.append("misreads its names after a positional argument (write named parameters first)")
    if date is not None:
        for name in _MODULE_DATES:
            kept.pop(name, None)
        kept["year"] = date_year(date)
        why.append("takes no year from a template in its date other than {{date}}")
    return from_params(kept), " and ".join(why)


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
    own_footnote = t["footnotes"]
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
    fn_wrappers = footnotes()["wrappers"]
    links: list[Link] = []
    anchors: dict[str, list[Anchor]] = {}
    inert = index.derived("citeref.attribute_spans", _attribute_spans)
    template_names: set[str] = set()
    article_whitelist: set[str] = set()

    def add(
        anchor_id: str, kind: str, tpl: Template, uncertain: bool, seen: bool, misread: str = ""
    ) -> None:
        if anchor_id and anchor_id != "CITEREF":
            anchors.setdefault(anchor_id, []).append(
                Anchor(anchor_id, kind, tpl.start, tpl.end, tpl, uncertain, seen, misread)
            )

    for tpl in index.templates:
        listed = strip_comments(tpl.raw_name).strip()
        if listed and not listed.startswith("#"):
            template_names.add(_ucfirst(listed))
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
            if kind not in checked:
                link.checked = False
            if _is_yes(tpl, "ignore-err", "ignore-false-positive"):
                link.ignored = True
            if name in own_footnote:
                link.footnote = _footnote_key(link)
            links.append(link)
            continue
        mkind = footnotes_kind(footnotes_name(tpl))
        if mkind == "sfn_whitelist":
            body = index.text[tpl.start + 2 : tpl.end - 2]
            article_whitelist.update(v.strip() for v in body.split("|")[1:] if v.strip())
            continue
        explicit = spelled.get(id(tpl))
        c = cs1.get(id(tpl))
        wrapper = wrappers.get(name)
        fn_wrapper = fn_wrappers.get(footnotes_name(tpl)) if mkind == "wrapper" else None
        is_citation = (
            c is not None
            or wrapper is not None
            or mkind in ("cs12", "wrapper")
            or name in other_citations
            or name.startswith(prefixes)
        )
        if is_citation or name in ref_only or mkind == "vcite":
            seen = mkind in ("cs12", "wrapper", "vcite")
            if explicit is not None:
                add(explicit, "citation", tpl, False, seen)
                continue
            if c is None:  # a wrapper or ref-only template: its own arguments
                c = build(tpl, _WRAPPED)
            ref = c.value("ref")
            low = ref.lower()
            if low == "none":
                continue
            if ref and low != "harv":
                add(normalise_id(ref), "citation", tpl, "{{" in ref, seen)
            elif not is_citation:  # vcite: |harvid= is the id without CITEREF
                harvid = c.value("harvid")
                if harvid:
                    add("CITEREF" + normalise_id(harvid), "citation", tpl, "{{" in harvid, seen)
            elif fn_wrapper is not None:
                anchor_id = wrapper_default_id(_as_module_reads(tpl, c)[0], fn_wrapper)
                add(anchor_id, "citation", tpl, "{{" in anchor_id, True)
            else:
                anchor_id = citation_default_id(c)
                module_id, misread = anchor_id, ""
                if seen and anchor_id is not None:
                    read, misread = _as_module_reads(tpl, c)
                    module_id = citation_default_id(read)
                if module_id is not None:
                    add(module_id, "citation", tpl, "{{" in module_id, seen)
                if anchor_id is not None and anchor_id != module_id:  # only the page has it
                    add(anchor_id, "citation", tpl, "{{" in anchor_id, False, misread)
                if wrapper is not None:  # the page has the wrapper's anchor; the module does not
                    shown = {a.name: a.value for a in iter_args(c) if a.is_set}
                    wrapped = citation_default_id(from_params({**wrapper, **shown}))
                    if wrapped is not None and wrapped != anchor_id:
                        add(wrapped, "citation", tpl, "{{" in wrapped, False)
            continue
        akind = anchor_kinds.get(name)
        if akind is None and mkind in ("harvc", "wikicite", "anchor"):
            akind = mkind
        if akind is None:
            if explicit is not None:
                # any other template given ref={{harvid|…}} passes it on to CS1
                add(explicit, "citation", tpl, False, False)
            continue
        seen = mkind == akind
        if akind == "anchor":
            for p in tpl.params:
                if not p.showkey and p.stripped:
                    add(normalise_id(p.stripped), "anchor", tpl, False, seen)
        elif akind == "wikicite":
            params = _named(tpl)
            if explicit is not None:
                add(explicit, "wikicite", tpl, False, seen)
            elif params.get("ref"):
                add(normalise_id(params["ref"]), "wikicite", tpl, False, seen)
            elif params.get("id"):
                add("Reference-" + normalise_id(params["id"]), "wikicite", tpl, False, seen)
        elif akind == "harvc":
            c = build(tpl, _WRAPPED)
            names = last_names(c, "AuthorList")[:MAX_NAMES]
            if names:
                add(citeref(names, c.value("year")), "harvc", tpl, False, seen)
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
            anchors.setdefault(anchor_id, []).append(
                Anchor(anchor_id, "html", m.start(), m.end(), seen=False)
            )
    if "[[#" in text or "[[ #" in text:
        wikilinked = {normalise_id(m.group(1)) for m in _WIKILINK_TARGET.finditer(text)}
    return Citerefs(
        links, anchors, wikilinked, frozenset(template_names), frozenset(article_whitelist)
    )


def citerefs(index: Index) -> Citerefs:
    """The anchors and short-citation links of a document (computed once, shared)."""
    return index.derived("citeref", _compute)
