"""Which URLs an article's citations cite, read from the index (no re-parse).

- every ``url``-like parameter of a citation template: ``url``, ``chapter-url``,
  ``archive-url``, ``contribution-url``, … and their unhyphenated spellings;
- ``{{webarchive|url=…}}`` (an archive URL);
- bare URLs and ``[URL label]`` links written directly in a ``<ref>``.

Each use remembers what the citation says about the link: whether it has an archive
(``archive-url`` with ``url-status`` other than ``live``, or a ``{{webarchive}}`` in the
same ref) and whether it is marked dead (``url-status=dead`` or a ``{{dead link}}``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from citelint.citeref import is_citation_name
from citelint.index import Index
from citelint.maintenance import archive_templates, names_of
from citelint.model import ExtLink, Param, Ref, Template

PRIMARY, OTHER, ARCHIVE = "primary", "other", "archive"

_URL_PARAM = re.compile(r"^(?:[a-z]+-?)?url$", re.I)
_ARCHIVE_PARAMS = frozenset({"archive-url", "archiveurl"})
_PRIMARY_PARAMS = ("url", "URL")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(eq=False)
class LinkUse:
    """One place a URL is cited. ``key`` is the URL as requested (no fragment);
    ``start``/``end`` is what a finding points at (the ``|url=…`` parameter or the
    link itself)."""

    url: str
    key: str
    role: str  # PRIMARY (url / bare ref link), OTHER (chapter-url …) or ARCHIVE
    start: int
    end: int
    value_start: int
    value_end: int
    template: Template | None = field(default=None, repr=False)
    ref: Ref | None = field(default=None, repr=False)
    #: the citation has an archive copy, so a dead original is fine
    archived: bool = False
    #: (start, end, what) of ``url-status=dead`` or ``{{dead link}}``, if marked dead
    marked_dead: tuple[int, int, str] | None = None


def normalize_url(raw: str) -> str | None:
    """The URL to request for a cited value, or None when it is not a plain URL.

    Comments go, ``&amp;`` becomes ``&``, ``//host`` becomes ``https://host`` (CS1
    accepts protocol-relative URLs), the fragment is dropped. Values with templates,
    spaces or no scheme are left to the offline rules (CITE009).
    """
    value = _COMMENT.sub("", raw) if "<!--" in raw else raw
    value = value.strip()
    if not value or "{{" in value or "[" in value or "|" in value:
        return None
    if "&" in value:
        value = html.unescape(value)
    if any(c.isspace() for c in value):
        return None
    if value.startswith("//"):
        value = "https:" + value
    if not _SCHEME.match(value):
        return None
    value = value.split("#", 1)[0]
    scheme, rest = value.split(":", 1)
    return scheme.lower() + ":" + rest


def _param_span(p: Param, text: str) -> tuple[int, int, int, int]:
    """(start, end) of ``name=value`` without trailing space, and of the bare value."""
    end = p.end
    while end > p.start and text[end - 1].isspace():
        end -= 1
    vstart, vend = p.value_start, p.value_end
    while vstart < vend and text[vstart].isspace():
        vstart += 1
    while vend > vstart and text[vend - 1].isspace():
        vend -= 1
    return p.start, end, vstart, vend


def _ref_of(t: Template) -> Ref | None:
    cur: Template | None = t
    while cur is not None:
        if cur.ref is not None:
            return cur.ref
        cur = cur.parent
    return None


def _marker_for(index: Index) -> dict[int, tuple[int, int, str]]:
    """``{{dead link}}`` templates by the id of the ref they mark: inside the ref, or
    right after its closing tag (only spaces between)."""
    text = index.text
    by_ref: dict[int, tuple[int, int, str]] = {}
    tags = index.templates_named(names_of("Dead link"))
    if not tags:
        return by_ref
    ends = {r.end: r for r in index.refs if r.content is not None}
    for t in tags:
        what = (t.start, t.end, "{{" + t.raw_name.strip() + "}}")
        ref = _ref_of(t)
        if ref is None:
            k = t.start
            while k > 0 and text[k - 1] in " \t":
                k -= 1
            ref = ends.get(k)
        if ref is not None:
            by_ref.setdefault(id(ref), what)
    return by_ref


def collect(index: Index) -> list[LinkUse]:
    """Every cited URL of a document, in document order."""
    text = index.text
    uses: list[LinkUse] = []
    dead_tags = _marker_for(index)
    archived_refs: set[int] = set()
    for t in index.templates_named(archive_templates()):
        ref = _ref_of(t)
        if ref is not None:
            archived_refs.add(id(ref))
    for t in index.templates:
        if t.name in archive_templates():
            for p in t.params:
                if p.showkey and p.name in ("url", "url1", "url2", "url3"):
                    _add(uses, p, text, ARCHIVE, t, _ref_of(t))
            continue
        if not is_citation_name(t.name):
            continue
        ref = _ref_of(t)
        status_p = t.get("url-status", "deadurl", "dead-url")
        status = status_p.stripped.lower() if status_p is not None else ""
        if status_p is not None and status_p.name != "url-status":
            status = {"yes": "dead", "true": "dead", "y": "dead", "no": "live"}.get(status, status)
        archive = t.get(*_ARCHIVE_PARAMS)
        has_archive = archive is not None and bool(archive.stripped)
        primary = t.get(*_PRIMARY_PARAMS)
        if primary is None or not primary.stripped:
            primary = t.get("chapter-url", "chapterurl", "contribution-url", "section-url")
        marker: tuple[int, int, str] | None = None
        if status == "dead" and status_p is not None:
            s, e, _, _ = _param_span(status_p, text)
            marker = (s, e, "url-status=dead")
        elif ref is not None and id(ref) in dead_tags:
            marker = dead_tags[id(ref)]
        for p in t.params:
            if not p.showkey or not _URL_PARAM.match(p.name):
                continue
            if p.name.lower() in _ARCHIVE_PARAMS:
                _add(uses, p, text, ARCHIVE, t, ref)
                continue
            role = PRIMARY if p is primary else OTHER
            use = _add(uses, p, text, role, t, ref)
            if use is None:
                continue
            if role == PRIMARY:
                use.archived = (has_archive and status != "live") or (
                    ref is not None and id(ref) in archived_refs
                )
                use.marked_dead = marker
    for link in index.links:
        if link.ref is None or _in_url_param(link):
            continue
        key = normalize_url(link.url)
        if key is None:
            continue
        ref = link.ref
        use = LinkUse(
            link.url,
            key,
            PRIMARY,
            link.url_start,
            link.url_end,
            link.url_start,
            link.url_end,
            None,
            ref,
            archived=id(ref) in archived_refs,
            marked_dead=dead_tags.get(id(ref)),
        )
        uses.append(use)
    uses.sort(key=lambda u: u.start)
    return uses


def _in_url_param(link: ExtLink) -> bool:
    """The link is the value of a citation's URL parameter (collected from the template)."""
    t, p = link.template, link.param
    if t is None or p is None or not _URL_PARAM.match(p.name):
        return False
    return t.name in archive_templates() or is_citation_name(t.name)


def _add(
    uses: list[LinkUse], p: Param, text: str, role: str, t: Template, ref: Ref | None
) -> LinkUse | None:
    key = normalize_url(p.value)
    if key is None:
        return None
    start, end, vstart, vend = _param_span(p, text)
    use = LinkUse(text[vstart:vend], key, role, start, end, vstart, vend, t, ref)
    uses.append(use)
    return use
