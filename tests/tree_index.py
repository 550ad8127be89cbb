"""The tree-based index walk citelint used before it walked tokens: a reference.

It walks mwparserfromhell's node tree, where each node's offset follows from the lengths
of what it prints. citelint.index must build the very same items from the token stream
(tests/test_index_tokens.py). Both finish items with the same citelint.index.ItemBuilder:
what is compared is how each walk finds constructs and their offsets.
"""

from __future__ import annotations

from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from citelint import model
from citelint.document import Document
from citelint.guard import INERT, defuse
from citelint.index import (
    OPAQUE_TAGS,
    REPARSED_TAGS,
    Index,
    ItemBuilder,
)


def build_tree_index(doc: Document) -> Index:
    """The index of ``doc`` from mwparserfromhell's tree."""
    source, masked = defuse(doc.text)
    index = Index(doc)
    index.masked_openers = masked
    TreeWalker(index).walk(mwparserfromhell.parse(source, skip_style_tags=True), 0)
    return index


class TreeWalker(ItemBuilder):
    """Walks the node tree once, tracking offsets and the enclosing ref/template/list."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.template: model.Template | None = None
        self.param: model.Param | None = None
        self.ref: model.Ref | None = None
        self.reflist: model.RefList | None = None
        self.text = index.doc.text

    def walk(self, code: Wikicode, pos: int) -> int:
        node_fn = self.node
        masked = self.index.masked_openers
        for node in code.nodes:
            # plain text is most nodes: handled inline, without a call, unless it may hide
            # markup the parser did not recognise (or an opener citelint.guard masked)
            if type(node) is Text:
                value = node.value
                if "{" not in value and "<" not in value and (not masked or INERT not in value):
                    pos += len(value)
                    continue
            pos = node_fn(node, pos)
        return pos

    def node(self, node: Any, pos: int) -> int:
        kind = type(node)
        if kind is Text:
            return self.plain_text(node.value, pos)
        if kind is Template:
            return self.template_node(node, pos)
        if kind is Tag:
            return self.tag_node(node, pos)
        if kind is ExternalLink:
            return self.link_node(node, pos)
        if kind is Wikilink:
            p = self.walk(node.title, pos + 2)
            if node.text is not None:
                p = self.walk(node.text, p + 1)
            return p + 2
        if kind is Comment:
            end = pos + len(node.contents) + 7
            self.index.comments.append(model.Comment(node.contents, pos, end))
            return end
        if kind is Heading:
            level = node.level
            end = self.walk(node.title, pos + level) + level
            self.index.headings.append(model.Heading(level, str(node.title), pos, end))
            return end
        if kind is Argument:
            p = self.walk(node.name, pos + 3)
            if node.default is not None:
                p = self.walk(node.default, p + 1)
            return p + 3
        if kind is HTMLEntity:
            return pos + len(str(node))
        return pos + len(str(node))

    # -- templates -------------------------------------------------------------

    def template_node(self, node: Template, pos: int) -> int:
        text = self.text
        tpl, saved = self.template_open(pos)
        p = self.walk(node.name, pos + 2)
        reflist, spec = self.template_named(tpl, text[pos + 2 : p], saved)
        refs_params = spec["refs"] if spec is not None else ()
        for param in node.params:
            p += 1
            start = p
            if param.showkey:
                p = self.walk(param.name, p)
                name_end = p
                pname = text[start:p].strip()
                p += 1
            else:
                name_end = p
                pname = str(param.name)
            vstart = p
            entry = model.Param(
                pname,
                "",
                param.showkey,
                start,
                start,
                start,
                name_end,
                vstart,
                vstart,
                str(param.name) if param.showkey else "",
            )
            self.param = entry
            if reflist is not None:
                self.reflist = reflist if pname in refs_params else None
            p = self.walk(param.value, vstart)
            entry.value = text[vstart:p]
            entry.end = entry.value_end = p
            tpl.params.append(entry)
        end = p + 2
        tpl.end = end
        self.template, self.param, self.reflist = saved
        self.template_done(tpl, reflist, spec)
        return end

    def attrs(self, node: Tag, p: int) -> tuple[list[model.Attr], int]:
        out = []
        for attr in node.attributes:
            start = p
            p += len(attr.pad_first)
            name_start = p
            p = self.walk(attr.name, p)
            name_end = p
            p += len(attr.pad_before_eq)
            value = None
            vstart = vend = p
            if attr.value is not None:
                p += 1 + len(attr.pad_after_eq)
                quotes = attr.quotes or ""
                p += len(quotes)
                vstart = p
                p = self.walk(attr.value, p)
                vend = p
                p += len(quotes)
                value = self.text[vstart:vend]
            out.append(
                model.Attr(
                    self.text[name_start:name_end].strip(),
                    value,
                    start,
                    p,
                    vstart,
                    vend,
                    attr.quotes,
                )
            )
        return out, p

    def tag_node(self, node: Tag, pos: int) -> int:
        if node.wiki_markup:
            p = pos + len(node.wiki_markup)
            _, p = self.attrs(node, p)
            p += len(node.padding or "") + len(node.wiki_style_separator or "")
            if node.self_closing:
                return p
            p = self.walk(node.contents, p)
            return p + len(node.closing_wiki_markup or "")
        tag = str(node.tag)
        lower = tag.strip().lower()
        p = pos + (2 if node.invalid else 1) + len(tag)
        if lower in OPAQUE_TAGS:
            return pos + len(str(node))
        attr_start = p
        attrs, p = self.attrs(node, p)
        is_cite = lower == "ref" or lower == "references"
        if node.self_closing:
            end = p + len(node.padding) + (1 if node.implicit else 2)
            if is_cite:
                attrs = self.mw_attrs(attr_start, end - (1 if node.implicit else 2))
                if lower == "ref":
                    self.add_ref(attrs, pos, end, end, None, end, end)
                else:
                    self.add_reflist(attrs, pos, end, end)
            return end
        open_end = p + len(node.padding) + 1
        if is_cite:
            attrs = self.mw_attrs(attr_start, open_end - 1)
        if lower == "ref":
            ref = self.add_ref(attrs, pos, open_end, open_end, "", open_end, open_end)
            saved = self.ref
            self.ref = ref
            cend = self.walk(node.contents, open_end)
            self.ref = saved
            ref.content = self.text[open_end:cend]
            ref.content_end = cend
            end = cend + 3 + len(str(node.closing_tag))
            ref.end = end
            return end
        if lower == "references":
            rl = self.add_reflist(attrs, pos, open_end, open_end)
            saved_list = self.reflist
            self.reflist = rl
            cend = self.walk(node.contents, open_end)
            self.reflist = saved_list
            end = cend + 3 + len(str(node.closing_tag))
            rl.end = end
            return end
        if lower in REPARSED_TAGS:
            inner = str(node.contents)
            cend = self.walk(mwparserfromhell.parse(inner, skip_style_tags=True), open_end)
        else:
            cend = self.walk(node.contents, open_end)
        return cend + 3 + len(str(node.closing_tag))

    def link_node(self, node: ExternalLink, pos: int) -> int:
        p = pos + (1 if node.brackets else 0)
        url_start = p
        p = self.walk(node.url, p)
        url_end = p
        title = None
        if node.title is not None:
            if not node.suppress_space:
                p += 1
            tstart = p
            p = self.walk(node.title, p)
            title = self.text[tstart:p]
        if node.brackets:
            p += 1
        self.add_link(node.brackets, pos, p, url_start, url_end, title)
        return p
