"""Tokenize a document once and index everything the rules read, with exact offsets.

mwparserfromhell's C tokenizer turns wikitext into a flat token stream; its Python tree
builder then costs several times what the tokenizer does. citelint skips the tree: one
pass over the tokens adds up the length of the text each token stands for (what the
tree would print, ``str(parse(text)) == text``) and builds only the items rules read.
tests/tree_index.py keeps the tree-based walk as a reference; the two must agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from mwparserfromhell import parser as mwp
from mwparserfromhell.parser import tokens as tk
from mwparserfromhell.parser.tokenizer import Tokenizer

from citelint import model
from citelint.document import Document
from citelint.gcpause import paused
from citelint.guard import INERT, defuse
from citelint.mw import normalize_attr_value, parse_attributes, tag_arg_value, template_arg_value
from citelint.names import normalize_template_name, ref_templates

# Text the parser left as plain text but that looks like a ref tag or a template opening.
_SUSPICIOUS = re.compile(r"\{\{|<\s*/?\s*ref[\s/>]|<\s*/?\s*references[\s/>]", re.I)

# Tags whose content MediaWiki does not parse as wikitext, or does not show on the page
# (``includeonly``); refs inside do not count.
OPAQUE_TAGS = frozenset(
    [
        "includeonly",
        "nowiki",
        "pre",
        "math",
        "chem",
        "ce",
        "syntaxhighlight",
        "source",
        "score",
        "timeline",
        "graph",
        "hiero",
        "templatedata",
        "categorytree",
        "imagemap",
        "inputbox",
        "mapframe",
        "maplink",
    ]
)


# Tags whose content mwparserfromhell leaves unparsed but MediaWiki parses as wikitext
# (gallery captions can carry refs).
REPARSED_TAGS = frozenset(["gallery"])


def template_group(tpl: model.Template, spec: dict) -> str:
    """The group a footnote or list template passes to Cite, as its code would."""
    if spec["fixed_group"]:
        return spec["group"]
    p = tpl.get("group")
    if p is None:
        return spec["group"]
    allowed = spec["group_values"]
    if allowed is not None:
        value = template_arg_value(p.value)
        return value if value in allowed else spec["group"]
    return tag_arg_value(p.value)


class Index:
    """Everything rules need from one document, computed in a single walk."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.refs: list[model.Ref] = []
        self.reflists: list[model.RefList] = []
        self.templates: list[model.Template] = []
        self.links: list[model.ExtLink] = []
        self.comments: list[model.Comment] = []
        self.headings: list[model.Heading] = []
        self.raw_texts: list[model.RawText] = []
        self._by_name: dict[str, list[model.Template]] | None = None
        #: openers hidden from the tokenizer to bound its time (see citelint.guard)
        self.masked_openers = 0
        #: inline suppression comments, parsed by the runner before rules run
        self.suppressions: Any = None
        #: derived data shared between rules (computed once, on first use)
        self.cache: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self.doc.text

    def derived(self, key: str, compute: Any) -> Any:
        """``compute(self)`` once per document, shared by every rule that asks."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = compute(self)
            return value

    def templates_named(self, names: Any) -> list[model.Template]:
        """Templates whose normalised name is in ``names`` (a set or dict)."""
        if self._by_name is None:
            by_name: dict[str, list[model.Template]] = {}
            for t in self.templates:
                by_name.setdefault(t.name, []).append(t)
            self._by_name = by_name
        out: list[model.Template] = []
        for name in names:
            out.extend(self._by_name.get(name, ()))
        if len(out) > 1:
            out.sort(key=lambda t: t.start)
        return out


def tokenize(text: str) -> list[Any]:
    """mwparserfromhell's tokens for ``text`` (style tags left as text, as citelint reads them);
    its C tokenizer unless ``mwparserfromhell.parser.use_c`` is off, as for its own parse."""
    tokenizer = mwp.CTokenizer() if mwp.use_c and mwp.CTokenizer else Tokenizer()
    return tokenizer.tokenize(text, 0, True)


def build_index(doc: Document) -> Index:
    """Tokenize ``doc`` once and return its index."""
    source, masked = defuse(doc.text)
    with paused():  # the token lists have no reference cycles (citelint.gcpause)
        index = Index(doc)
        index.masked_openers = masked
        walker = _Walker(index, source, tokenize(source))
        walker.seq(0, _END)
    return index


_END: frozenset[type] = frozenset()


def _is_plain(value: str) -> bool:
    """Text that cannot hide markup the tokenizer missed nor an opener citelint.guard
    masked (the check :meth:`_Walker.seq` makes inline, for speed)."""
    return "{" not in value and "<" not in value and INERT not in value


_TEMPLATE_PARTS = frozenset([tk.TemplateParamSeparator, tk.TemplateClose])
_TEMPLATE_KEY = frozenset([tk.TemplateParamEquals, tk.TemplateParamSeparator, tk.TemplateClose])
_ARGUMENT_PARTS = frozenset([tk.ArgumentSeparator, tk.ArgumentClose])
_WIKILINK_PARTS = frozenset([tk.WikilinkSeparator, tk.WikilinkClose])
_EXTLINK_PARTS = frozenset([tk.ExternalLinkSeparator, tk.ExternalLinkClose])
_TAG_HEAD = frozenset([tk.TagAttrStart, tk.TagCloseOpen, tk.TagCloseSelfclose])
_ATTR_NAME = frozenset([tk.TagAttrEquals, tk.TagAttrQuote, *_TAG_HEAD])
_ATTR_VALUE = frozenset([tk.TagAttrQuote, *_TAG_HEAD])
_EXTLINK_CLOSE = frozenset([tk.ExternalLinkClose])
_TAG_BODY = frozenset([tk.TagOpenClose])
_TAG_CLOSE = frozenset([tk.TagCloseClose])
_HEADING_END = frozenset([tk.HeadingEnd])
_COMMENT_END = frozenset([tk.CommentEnd])
# Tokens that open and close a nested construct, to find a parameter's own "=".
_OPENERS = frozenset(
    [
        tk.TemplateOpen,
        tk.ArgumentOpen,
        tk.WikilinkOpen,
        tk.ExternalLinkOpen,
        tk.HeadingStart,
        tk.CommentStart,
        tk.TagOpenOpen,
        tk.HTMLEntityStart,
    ]
)
_CLOSERS = frozenset(
    [
        tk.TemplateClose,
        tk.ArgumentClose,
        tk.WikilinkClose,
        tk.ExternalLinkClose,
        tk.HeadingEnd,
        tk.CommentEnd,
        tk.TagCloseClose,
        tk.TagCloseSelfclose,
        tk.HTMLEntityEnd,
    ]
)


class ItemBuilder:
    """What the walk makes of what it finds: templates and the lists, footnotes and reuses
    they make, ``<ref>`` and ``<references>`` items with their attributes as MediaWiki reads
    them, links and suspicious text. (tests/tree_index.py's reference walk shares it: the
    two differ only in how they find constructs and their offsets.)"""

    index: Index
    text: str
    template: model.Template | None
    param: model.Param | None
    reflist: model.RefList | None
    ref: model.Ref | None

    def plain_text(self, value: str, pos: int) -> int:
        """Text the tokenizer left as text: kept when it looks like a ref tag or a template
        opening it did not recognise (rules report those)."""
        end = pos + len(value)
        if self.index.masked_openers:
            value = self.text[pos:end]
        if ("{" in value or "<" in value) and _SUSPICIOUS.search(value):
            self.index.raw_texts.append(
                model.RawText(value, pos, end, ref=self.ref, template=self.template)
            )
        return end

    def add_link(
        self, brackets: bool, start: int, end: int, url_start: int, url_end: int, title: str | None
    ) -> None:
        self.index.links.append(
            model.ExtLink(
                self.text[url_start:url_end],
                title,
                brackets,
                start,
                end,
                url_start,
                url_end,
                self.ref,
                self.template,
                self.param,
            )
        )

    def template_open(self, pos: int) -> tuple[model.Template, tuple[Any, Any, Any]]:
        """A template starts at ``pos``: it encloses what follows until it ends; returns
        it and the enclosing context, which :meth:`template_done`'s caller restores."""
        tpl = model.Template("", "", pos, pos, [], self.template, self.param, self.ref)
        self.index.templates.append(tpl)
        saved = (self.template, self.param, self.reflist)
        self.template = tpl
        return tpl, saved

    def template_named(
        self, tpl: model.Template, raw_name: str, saved: tuple[Any, Any, Any]
    ) -> tuple[model.RefList | None, dict | None]:
        """The template's name is read: a reference list template (``{{reflist}}``) makes
        its list now, so that refs in its ``refs=`` belong to it."""
        tpl.raw_name = raw_name
        tpl.name = name = normalize_template_name(raw_name)
        spec = ref_templates()["list"].get(name)
        reflist = None
        if spec is not None:
            reflist = model.RefList(
                "template", name, tpl.start, tpl.start, tpl.start, spec["group"], template=tpl
            )
        self.reflist = None if reflist is not None else saved[2]
        return reflist, spec

    def template_done(
        self, tpl: model.Template, reflist: model.RefList | None, spec: dict | None
    ) -> None:
        """A template's extent is known: a reference list, a footnote or a reuse."""
        if reflist is not None and spec is not None:
            reflist.end = reflist.open_end = tpl.end
            reflist.group = template_group(tpl, spec)
            self.index.reflists.append(reflist)
            return
        tables = ref_templates()
        footnote = tables["footnote"].get(tpl.name)
        if footnote is not None:
            self.footnote_template(tpl, footnote)
        elif tables["reuse"].get(tpl.name) is not None:
            self.reuse_template(tpl)

    def footnote_template(self, tpl: model.Template, spec: dict) -> None:
        """``{{efn|text|name=x}}``, ``{{refn|…}}``, ``{{#tag:ref|text|name=x|group=g}}``."""
        body = None
        for key in spec["content"]:
            body = tpl.get(key)
            if body is not None:
                break
        name_p = tpl.get("name")
        name = tag_arg_value(name_p.value) if name_p is not None else None
        if name == "" and tpl.name != "#tag:ref":
            name = None  # {{efn}}, {{refn}}: {{#if:{{{name|}}}|…}} passes no name at all
        content = body.value if body is not None and body.value.strip() else None
        ref = model.Ref(
            "template",
            tpl.name,
            tpl.start,
            tpl.end,
            tpl.end,
            name,
            template_group(tpl, spec),
            content,
            body.value_start if body is not None else tpl.end,
            body.value_end if body is not None else tpl.end,
            list=self.reflist,
            template=tpl.parent,
            param=tpl.param_in_parent,
            maker=tpl,
        )
        self._adopt_nested(ref)
        self.index.refs.append(ref)
        if self.reflist is not None:
            self.reflist.refs.append(ref)

    def reuse_template(self, tpl: model.Template) -> None:
        """``{{r|a|b|group=g}}``: one reuse per positional name."""
        group_p = tpl.get("group", "g")
        group = group_p.stripped if group_p is not None else ""
        for p in tpl.params:
            if p.showkey or not p.stripped:
                continue
            ref = model.Ref(
                "template",
                tpl.name,
                p.value_start,
                p.value_end,
                p.value_end,
                p.stripped,
                group,
                None,
                p.value_end,
                p.value_end,
                list=self.reflist,
                template=tpl.parent,
                param=tpl.param_in_parent,
                maker=tpl,
            )
            self.index.refs.append(ref)
            if self.reflist is not None:
                self.reflist.refs.append(ref)

    def _adopt_nested(self, ref: model.Ref) -> None:
        """Templates and links inside a template-made footnote belong to it."""
        for t in reversed(self.index.templates):
            if t.start < ref.start:
                break
            if t.ref is None and t.start >= ref.content_start and t.end <= ref.content_end:
                t.ref = ref
        for link in reversed(self.index.links):
            if link.start < ref.start:
                break
            if link.ref is None:
                link.ref = ref

    def mw_attrs(self, start: int, end: int) -> list[model.Attr]:
        """The attributes of a ``<ref>``/``<references>`` tag as MediaWiki reads them."""
        return [
            model.Attr(
                a.name,
                a.raw,
                a.start,
                a.end,
                a.value_start,
                a.value_end,
                a.quotes,
                a.dropped,
                a.unclosed_quote,
            )
            for a in parse_attributes(self.text[start:end], start)
        ]

    def add_ref(
        self,
        attrs: list[model.Attr],
        start: int,
        open_end: int,
        end: int,
        content: str | None,
        cstart: int,
        cend: int,
    ) -> model.Ref:
        name = group = None
        for a in attrs:
            if a.name == "name":
                name = normalize_attr_value(a.value or "")
            elif a.name == "group":
                group = normalize_attr_value(a.value or "")
        ref = model.Ref(
            "tag",
            "ref",
            start,
            end,
            open_end,
            name,
            group or "",
            content,
            cstart,
            cend,
            attrs,
            self.reflist,
            self.template,
            self.param,
        )
        self.index.refs.append(ref)
        if self.reflist is not None:
            self.reflist.refs.append(ref)
        return ref

    def add_reflist(
        self, attrs: list[model.Attr], start: int, open_end: int, end: int
    ) -> model.RefList:
        group = ""
        for a in attrs:
            if a.name == "group":
                group = normalize_attr_value(a.value or "")
        rl = model.RefList("tag", "references", start, end, open_end, group, attrs=attrs)
        rl.template = self.template
        self.index.reflists.append(rl)
        return rl


class _Walker(ItemBuilder):
    """One pass over the tokens, tracking offsets and the enclosing ref/template/list.

    Each construct's handler is called just after its opening token and returns the offset
    where the construct ends; ``self.i`` is then just past its closing token."""

    def __init__(self, index: Index, source: str, toks: list[Any]) -> None:
        self.index = index
        self.source = source  # what was tokenized (citelint.guard may mask openers)
        self.text = index.doc.text
        self.toks = toks
        self.i = 0
        self.template: model.Template | None = None
        self.param: model.Param | None = None
        self.ref: model.Ref | None = None
        self.reflist: model.RefList | None = None

    def seq(self, pos: int, stops: frozenset[type]) -> int:
        """Walk tokens from ``self.i`` up to (not past) one whose type is in ``stops``."""
        toks = self.toks
        n = len(toks)
        i = self.i
        handlers = _HANDLERS
        plain = not self.index.masked_openers
        while i < n:
            tok = toks[i]
            kind = type(tok)
            if kind is tk.Text:
                # plain text is most tokens: handled inline, unless it may hide markup the
                # tokenizer did not recognise (or an opener citelint.guard masked)
                value = tok["text"]
                if "{" not in value and "<" not in value and (plain or INERT not in value):
                    pos += len(value)
                    i += 1
                    continue
            elif kind in stops:
                break
            self.i = i + 1
            pos = handlers[kind](self, tok, pos)
            i = self.i
        self.i = i
        return pos

    def close(self, kind: type) -> Any:
        """Consume the token that ends a construct (absent only when the stream ends)."""
        i = self.i
        if i < len(self.toks) and type(self.toks[i]) is kind:
            self.i = i + 1
            return self.toks[i]
        return None

    def quiet(self, pos: int, stops: frozenset[type]) -> int:
        """:meth:`seq`, but what it indexes is dropped (text MediaWiki does not parse)."""
        toks = self.toks
        i, n = self.i, len(toks)
        while i < n and type(toks[i]) is tk.Text:  # a tag's name, a comment: plain text
            pos += len(toks[i]["text"])
            i += 1
        self.i = i
        if i == n or type(toks[i]) in stops:
            return pos
        with self.dropped():
            return self.seq(pos, stops)

    @contextmanager
    def dropped(self) -> Iterator[None]:
        """Drop whatever the block indexes."""
        ix = self.index
        lists = (ix.refs, ix.reflists, ix.templates, ix.links, ix.comments, ix.headings)
        sizes = [len(x) for x in lists]
        outer = self.reflist.refs if self.reflist is not None else None
        outer_size = len(outer) if outer is not None else 0
        raw_size = len(ix.raw_texts)
        yield
        for items, size in zip(lists, sizes, strict=True):
            del items[size:]
        del ix.raw_texts[raw_size:]
        if outer is not None:
            del outer[outer_size:]

    def text_token(self, tok: Any, pos: int) -> int:
        return self.plain_text(tok["text"], pos)

    def wikilink_tokens(self, tok: Any, pos: int) -> int:
        p = self.seq(pos + 2, _WIKILINK_PARTS)
        if self.close(tk.WikilinkSeparator) is not None:
            p = self.seq(p + 1, _WIKILINK_PARTS)
        self.close(tk.WikilinkClose)
        return p + 2

    def argument_tokens(self, tok: Any, pos: int) -> int:
        p = self.seq(pos + 3, _ARGUMENT_PARTS)
        if self.close(tk.ArgumentSeparator) is not None:
            p = self.seq(p + 1, _ARGUMENT_PARTS)
        self.close(tk.ArgumentClose)
        return p + 3

    def comment_tokens(self, tok: Any, pos: int) -> int:
        p = self.quiet(pos + 4, _COMMENT_END)
        self.close(tk.CommentEnd)
        end = p + 3
        self.index.comments.append(model.Comment(self.source[pos + 4 : p], pos, end))
        return end

    def heading_tokens(self, tok: Any, pos: int) -> int:
        level = tok["level"]
        p = self.seq(pos + level, _HEADING_END)
        self.close(tk.HeadingEnd)
        end = p + level
        self.index.headings.append(model.Heading(level, self.source[pos + level : p], pos, end))
        return end

    def entity_tokens(self, tok: Any, pos: int) -> int:
        p = pos + 1  # "&"
        toks = self.toks
        while self.i < len(toks):
            t = toks[self.i]
            self.i += 1
            kind = type(t)
            if kind is tk.HTMLEntityEnd:
                return p + 1
            if kind is tk.HTMLEntityNumeric:
                p += 1
            elif kind is tk.HTMLEntityHex:
                p += len(t["char"])
            else:
                p += len(t["text"])
        return p

    # -- templates -------------------------------------------------------------

    def has_key(self) -> bool:
        """Whether the parameter starting at ``self.i`` has its own ``=``."""
        toks = self.toks
        i = self.i
        if i + 1 < len(toks) and type(toks[i]) is tk.Text:  # most values: one piece of text
            kind = type(toks[i + 1])
            if kind is tk.TemplateParamSeparator or kind is tk.TemplateClose:
                return False
        depth = 0
        for j in range(i, len(toks)):
            kind = type(toks[j])
            if depth == 0:
                if kind is tk.TemplateParamEquals:
                    return True
                if kind is tk.TemplateParamSeparator or kind is tk.TemplateClose:
                    return False
            if kind in _OPENERS:
                depth += 1
            elif kind in _CLOSERS:
                depth -= 1
        return False

    def template_tokens(self, tok: Any, pos: int) -> int:
        text = self.text
        tpl, saved = self.template_open(pos)
        p = self.seq(pos + 2, _TEMPLATE_PARTS)
        reflist, spec = self.template_named(tpl, text[pos + 2 : p], saved)
        refs_params = spec["refs"] if spec is not None else ()
        default = 1
        toks = self.toks
        n = len(toks)
        while self.i < n and type(toks[self.i]) is tk.TemplateParamSeparator:
            self.i += 1
            p += 1
            start = p
            key = ""
            i = self.i
            plain_key = (
                i + 1 < n
                and type(toks[i]) is tk.Text
                and type(toks[i + 1]) is tk.TemplateParamEquals
                and _is_plain(toks[i]["text"])
            )
            if plain_key or self.has_key():
                if plain_key:  # most keys: one piece of text, read inline
                    p += len(toks[i]["text"])
                    self.i = i + 2
                else:
                    p = self.seq(p, _TEMPLATE_KEY)
                    self.close(tk.TemplateParamEquals)
                name_end = p
                key = self.source[start:p]
                pname = text[start:p].strip()
                showkey = True
                p += 1
            else:
                name_end = p
                pname = str(default)
                default += 1
                showkey = False
            vstart = p
            entry = model.Param(
                pname, "", showkey, start, start, start, name_end, vstart, vstart, key
            )
            self.param = entry
            if reflist is not None:
                self.reflist = reflist if pname in refs_params else None
            p = self.seq(vstart, _TEMPLATE_PARTS)
            entry.value = text[vstart:p]
            entry.end = entry.value_end = p
            tpl.params.append(entry)
        self.close(tk.TemplateClose)
        end = p + 2
        tpl.end = end
        self.template, self.param, self.reflist = saved
        self.template_done(tpl, reflist, spec)
        return end

    # -- tags ------------------------------------------------------------------

    def attrs(self, p: int) -> int:
        """Walk a tag's attributes (their templates and links count); return where they end."""
        source = self.source
        while (start := self.close(tk.TagAttrStart)) is not None:
            p += len(start["pad_first"])
            p = self.seq(p, _ATTR_NAME)
            p += len(start["pad_before_eq"])
            if self.close(tk.TagAttrEquals) is not None:
                p += 1 + len(start["pad_after_eq"])
                quote = self.close(tk.TagAttrQuote)
                quotes = quote["char"] if quote is not None else ""
                p = self.seq(p + len(quotes), _ATTR_VALUE) + len(quotes)
            elif type(self.toks[self.i]) is tk.TagAttrQuote:  # pragma: no cover
                raise AssertionError(f"quote without '=' at {p}: {source[p - 20 : p]!r}")
        return p

    def tag_tokens(self, tok: Any, pos: int) -> int:
        wiki_markup = tok.get("wiki_markup")
        if wiki_markup:
            self.quiet(pos, _TAG_HEAD)  # the tag's name ("li", "table") is not in the text
            p = self.attrs(pos + len(wiki_markup))
            end_tok = self.toks[self.i]
            self.i += 1
            p += len(end_tok.get("padding") or "")
            if type(end_tok) is tk.TagCloseSelfclose:
                return p
            p += len(end_tok.get("wiki_markup") or "")
            p = self.seq(p, _TAG_BODY)
            closing = self.close(tk.TagOpenClose)
            self.quiet(p, _TAG_CLOSE)
            self.close(tk.TagCloseClose)
            return p + len((closing or {}).get("wiki_markup") or "")
        name_start = pos + (2 if tok.get("invalid") else 1)
        p = self.quiet(name_start, _TAG_HEAD)
        lower = self.source[name_start:p].strip().lower()
        if lower in OPAQUE_TAGS:
            return self.quiet_tag_rest(p)
        attr_start = p
        p = self.attrs(p)
        end_tok = self.toks[self.i]
        self.i += 1
        padding = len(end_tok.get("padding") or "")
        is_cite = lower == "ref" or lower == "references"
        if type(end_tok) is tk.TagCloseSelfclose:
            close = 1 if end_tok.get("implicit") else 2
            end = p + padding + close
            if is_cite:
                attrs = self.mw_attrs(attr_start, end - close)
                if lower == "ref":
                    self.add_ref(attrs, pos, end, end, None, end, end)
                else:
                    self.add_reflist(attrs, pos, end, end)
            return end
        open_end = p + padding + 1
        if lower == "ref":
            attrs = self.mw_attrs(attr_start, open_end - 1)
            ref = self.add_ref(attrs, pos, open_end, open_end, "", open_end, open_end)
            saved = self.ref
            self.ref = ref
            cend = self.seq(open_end, _TAG_BODY)
            self.ref = saved
            ref.content = self.text[open_end:cend]
            ref.content_end = cend
            end = ref.end = self.closing_tag(cend)
            return end
        if lower == "references":
            attrs = self.mw_attrs(attr_start, open_end - 1)
            rl = self.add_reflist(attrs, pos, open_end, open_end)
            saved_list = self.reflist
            self.reflist = rl
            cend = self.seq(open_end, _TAG_BODY)
            self.reflist = saved_list
            end = rl.end = self.closing_tag(cend)
            return end
        if lower in REPARSED_TAGS:
            cend = self.quiet(open_end, _TAG_BODY)
            saved_tokens = (self.toks, self.i)
            self.toks, self.i = tokenize(self.source[open_end:cend]), 0
            self.seq(open_end, _END)
            self.toks, self.i = saved_tokens
        else:
            cend = self.seq(open_end, _TAG_BODY)
        return self.closing_tag(cend)

    def closing_tag(self, pos: int) -> int:
        """``</name>`` at ``pos`` (just before its TagOpenClose): where it ends."""
        self.close(tk.TagOpenClose)
        p = self.quiet(pos + 2, _TAG_CLOSE)
        self.close(tk.TagCloseClose)
        return p + 1

    def quiet_tag_rest(self, p: int) -> int:
        """The end of a tag whose content MediaWiki does not parse, from after its name."""
        with self.dropped():
            p = self.attrs(p)
        end_tok = self.toks[self.i]
        self.i += 1
        p += len(end_tok.get("padding") or "")
        if type(end_tok) is tk.TagCloseSelfclose:
            return p + (1 if end_tok.get("implicit") else 2)
        return self.closing_tag(self.quiet(p + 1, _TAG_BODY))

    # -- links -----------------------------------------------------------------

    def link_tokens(self, tok: Any, pos: int) -> int:
        brackets = bool(tok.get("brackets"))
        p = url_start = pos + (1 if brackets else 0)
        p = url_end = self.seq(p, _EXTLINK_PARTS)
        title = None
        separator = self.close(tk.ExternalLinkSeparator)
        if separator is not None:
            if not separator.get("suppress_space"):
                p += 1
            tstart = p
            p = self.seq(p, _EXTLINK_CLOSE)
            title = self.text[tstart:p]
        self.close(tk.ExternalLinkClose)
        if brackets:
            p += 1
        self.add_link(brackets, pos, p, url_start, url_end, title)
        return p


# Each construct's handler, by its opening token. A table of plain functions, not bound
# methods kept on the walker: those would make the walker, its tokens and the index a
# reference cycle that only the cyclic collector frees (citelint.gcpause).
_HANDLERS: dict[type, Callable[[_Walker, Any, int], int]] = {
    tk.Text: _Walker.text_token,
    tk.TemplateOpen: _Walker.template_tokens,
    tk.TagOpenOpen: _Walker.tag_tokens,
    tk.ExternalLinkOpen: _Walker.link_tokens,
    tk.WikilinkOpen: _Walker.wikilink_tokens,
    tk.CommentStart: _Walker.comment_tokens,
    tk.HeadingStart: _Walker.heading_tokens,
    tk.ArgumentOpen: _Walker.argument_tokens,
    tk.HTMLEntityStart: _Walker.entity_tokens,
}


def iter_nodes(index: Index) -> Iterator[Any]:
    """All items of an index in document order (for tests and tools)."""
    items: list[Any] = [
        *index.refs,
        *index.reflists,
        *index.templates,
        *index.links,
        *index.comments,
        *index.headings,
    ]
    items.sort(key=lambda x: x.start)
    return iter(items)
