"""The indexed pieces of a document: refs, reference lists, templates, links.

Every item carries 0-based ``start``/``end`` offsets into the document text such
that ``text[start:end]`` is exactly its source. Items are plain dataclasses
so rules can read them without knowing mwparserfromhell.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class Attr:
    """An attribute of an HTML-like tag, e.g. ``name="x"`` in ``<ref name="x">``."""

    name: str
    value: str | None
    start: int
    end: int
    value_start: int
    value_end: int
    quotes: str | None
    #: MediaWiki silently ignores attributes whose names have odd characters (``ms"``)
    dropped: bool = False
    #: the value's opening quote is never closed (it then runs to the end of the tag)
    unclosed_quote: bool = False


@dataclass(eq=False)
class Param:
    """One ``|name=value`` (or positional ``|value``) of a template call."""

    name: str
    value: str
    showkey: bool
    start: int
    end: int
    name_start: int
    name_end: int
    value_start: int
    value_end: int
    #: the key as written (spaces and comments included); "" for a positional parameter
    key: str = ""

    @property
    def stripped(self) -> str:
        return self.value.strip()


@dataclass(eq=False)
class Template:
    """A template call ``{{name|…}}`` with its normalised name and parameters."""

    name: str
    raw_name: str
    start: int
    end: int
    params: list[Param]
    parent: Template | None = field(default=None, repr=False)
    param_in_parent: Param | None = field(default=None, repr=False)
    ref: Ref | None = field(default=None, repr=False)

    def get(self, *names: str) -> Param | None:
        """The last parameter with one of these names (MediaWiki: the last one wins)."""
        found = None
        for p in self.params:
            if p.name in names:
                found = p
        return found

    def value(self, *names: str, default: str = "") -> str:
        p = self.get(*names)
        return p.stripped if p is not None else default

    @property
    def positional(self) -> list[Param]:
        return [p for p in self.params if not p.showkey]


@dataclass(eq=False)
class Ref:
    """A footnote: a ``<ref>`` tag or a template that makes one (``{{r}}``, ``{{efn}}``…).

    ``content`` is None for a reuse (``<ref name=x/>``, ``{{r|x}}``).
    ``list`` is the reference list it sits in when it is list-defined.
    """

    kind: str  # "tag" or "template"
    source: str  # "ref" or the normalised template name
    start: int
    end: int
    open_end: int  # end of the opening tag (or of the template)
    name: str | None
    group: str
    content: str | None
    content_start: int
    content_end: int
    attrs: list[Attr] = field(default_factory=list)
    list: RefList | None = field(default=None, repr=False)
    template: Template | None = field(default=None, repr=False)
    param: Param | None = field(default=None, repr=False)
    #: the template that makes this footnote (``{{efn}}``, ``{{#tag:ref}}``, ``{{r}}``)
    maker: Template | None = field(default=None, repr=False)

    def attr(self, name: str) -> Attr | None:
        found = None
        for a in self.attrs:
            if a.name.lower() == name:
                found = a
        return found

    @property
    def is_reuse(self) -> bool:
        return self.content is None


@dataclass(eq=False)
class RefList:
    """A reference list: ``<references/>``, ``<references>…</references>``, ``{{reflist}}``."""

    kind: str  # "tag" or "template"
    source: str  # "references" or the normalised template name
    start: int
    end: int
    open_end: int
    group: str
    refs: list[Ref] = field(default_factory=list)
    attrs: list[Attr] = field(default_factory=list)
    template: Template | None = field(default=None, repr=False)

    def attr(self, name: str) -> Attr | None:
        found = None
        for a in self.attrs:
            if a.name.lower() == name:
                found = a
        return found


@dataclass(eq=False)
class ExtLink:
    """An external link: ``[url label]``, ``[url]`` or a bare URL in text or a parameter."""

    url: str
    title: str | None
    bracketed: bool
    start: int
    end: int
    url_start: int
    url_end: int
    ref: Ref | None = field(default=None, repr=False)
    template: Template | None = field(default=None, repr=False)
    param: Param | None = field(default=None, repr=False)


@dataclass(eq=False)
class Comment:
    """An HTML comment ``<!-- … -->``; ``text`` is what lies between the markers."""

    text: str
    start: int
    end: int


@dataclass(eq=False)
class Heading:
    level: int
    title: str
    start: int
    end: int


@dataclass(eq=False)
class RawText:
    """A stretch of plain text the parser did not turn into structure but that looks
    like it should have been (a stray ``</ref>``, an unclosed ``{{``). Rules that look
    for broken markup read these instead of re-scanning the whole document."""

    text: str
    start: int
    end: int
    ref: Ref | None = field(default=None, repr=False)
    template: Template | None = field(default=None, repr=False)
