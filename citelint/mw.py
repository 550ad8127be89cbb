"""MediaWiki's own reading of tag attributes and ``{{#tag:…}}`` arguments.

mwparserfromhell splits attributes its own way; for ``<ref>`` and ``<references>`` what
counts is how MediaWiki reads them (``Sanitizer::decodeTagAttributes``): names are
lower-cased, attributes whose names have odd characters are silently dropped, an
unclosed quote runs to the end of the tag, whitespace in values collapses to one space,
values are trimmed and character references decoded, and the last of two equal names
wins. ``{{#tag:ref|…|name="x"}}`` (``CoreParserFunctions::tagObj``) trims each value and
strips one pair of surrounding quotes. These functions reproduce that, so that a name
citelint sees is the name Cite sees.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_SPACE = "\t\n\x0c\r "
# One attribute: a name, then optionally '=' and a double-quoted, single-quoted or bare
# value; an unclosed quote runs to the end of the attribute text.
_ATTR = re.compile(
    rf"""(?P<name>(?:[^{_SPACE}/>=]|=)[^{_SPACE}/>=]*)
        (?P<eq>[{_SPACE}]*=[{_SPACE}]*
          (?:"(?P<dq>[^"]*)(?P<dqend>"|$)
            |'(?P<sq>[^']*)(?P<sqend>'|$)
            |(?P<bare>(?:(?![{_SPACE}]|>).)*)
          )
        )?""",
    re.X | re.S,
)
_VALID_NAME = re.compile(r"^[:_\w][:_.\-\w]*$")
_WS = re.compile(r"[\t\r\n ]+")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAG_QUOTES = re.compile(r"^(?:[\"'](.+)[\"']|\"\"|'')$", re.S)


@dataclass(frozen=True)
class MwAttr:
    """One attribute as MediaWiki reads it, with offsets into the document."""

    name: str  # lower-cased
    value: str  # normalised and decoded, as Cite receives it
    raw: str | None  # the value as written (without quotes); None: no ``=value`` at all
    start: int
    end: int
    value_start: int
    value_end: int
    quotes: str | None
    unclosed_quote: bool
    dropped: bool  # MediaWiki ignores attributes with such names


def normalize_attr_value(raw: str) -> str:
    """Whitespace collapsed, trimmed, character references decoded."""
    value = _WS.sub(" ", raw).strip() if raw else ""
    if "&" in value:
        value = html.unescape(value)
    return value


def parse_attributes(text: str, offset: int = 0) -> list[MwAttr]:
    """The attributes of a tag from its attribute text (between the tag name and ``>``)."""
    out: list[MwAttr] = []
    if not text.strip():
        return out
    for m in _ATTR.finditer(text):
        name = m.group("name").lower()
        quotes = None
        unclosed = False
        if m.group("dq") is not None:
            raw, quotes, vs = m.group("dq"), '"', m.start("dq")
            unclosed = m.group("dqend") == ""
        elif m.group("sq") is not None:
            raw, quotes, vs = m.group("sq"), "'", m.start("sq")
            unclosed = m.group("sqend") == ""
        elif m.group("bare") is not None:
            raw, vs = m.group("bare"), m.start("bare")
        else:
            raw, vs = None, m.end()
        out.append(
            MwAttr(
                name,
                normalize_attr_value(raw or ""),
                raw,
                offset + m.start(),
                offset + m.end(),
                offset + vs,
                offset + vs + len(raw or ""),
                quotes,
                unclosed,
                not _VALID_NAME.match(name),
            )
        )
    return out


def tag_arg_value(raw: str) -> str:
    """A ``{{#tag:…|name=value}}`` attribute value: comments removed, trimmed, one pair
    of surrounding quotes stripped."""
    value = _COMMENT.sub("", raw) if "<!--" in raw else raw
    value = value.strip()
    if value[:1] in "\"'" and value:
        m = _TAG_QUOTES.match(value)
        if m:
            value = m.group(1) or ""
    return value


def template_arg_value(raw: str) -> str:
    """A template argument as a parser function compares it: comments removed, trimmed."""
    value = _COMMENT.sub("", raw) if "<!--" in raw else raw
    return value.strip()


def is_digits(value: str) -> bool:
    """PHP's ``ctype_digit``: non-empty and only ASCII digits."""
    return value != "" and value.isascii() and value.isdigit()
