"""Keep parsing time bounded on pathological input.

mwparserfromhell's tokenizer retries every construct that fails to close, scanning to
the end of the document each time: 8,000 unclosed ``<ref>`` or ``{{a|`` take minutes
(quadratic). MediaWiki's preprocessor is linear on the same input. When a document has
many openers that a linear bracket count shows can never close, we hide those openers
from the tokenizer by swapping their first character for an inert one of the same length,
so offsets do not move and the text the rules read stays the original. Ordinary
articles have a handful of unclosed constructs at most and are parsed untouched.
"""

from __future__ import annotations

import re

#: Unclosable openers tolerated before masking; each costs one scan to the end.
THRESHOLD = 64
INERT = "\ufffc"

_TOKEN = re.compile(
    r"(?P<open>\{\{)|(?P<close>\}\})|(?P<tag><(?P<slash>/?)\s*(?P<name>[A-Za-z][\w-]*))|"
    r"(?P<table>^[ \t]*\{\|)|(?P<tableend>^[ \t]*\|\})",
    re.M,
)
_VOID = frozenset(
    [
        "br",
        "hr",
        "wbr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "col",
        "source",
        "track",
        "embed",
        "param",
    ]
)


def unclosable_openers(text: str) -> list[int]:
    """Offsets of openers (``{{``, ``<tag``, ``{|``) that no later closer can match."""
    braces: list[int] = []
    tables: list[int] = []
    tags: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if m.group("open"):
            braces.append(m.start())
        elif m.group("close"):
            if braces:
                braces.pop()
        elif m.group("table"):
            tables.append(m.end() - 2)
        elif m.group("tableend"):
            if tables:
                tables.pop()
        elif kind is not None:
            name = m.group("name").lower()
            if name in _VOID:
                continue
            stack = tags.setdefault(name, [])
            if m.group("slash"):
                if stack:
                    stack.pop()
            else:
                end = text.find(">", m.end(), m.end() + 2000)
                if end != -1 and text[end - 1] == "/":
                    continue  # self-closing
                stack.append(m.start())
    out = braces + tables
    for stack in tags.values():
        out.extend(stack)
    out.sort()
    return out


def defuse(text: str) -> tuple[str, int]:
    """Text safe to tokenize in bounded time, and how many openers were masked."""
    if text.count("{{") + text.count("<") + text.count("{|") < THRESHOLD:
        return text, 0
    openers = unclosable_openers(text)
    if len(openers) < THRESHOLD:
        return text, 0
    chars = list(text)
    for offset in openers:
        chars[offset] = INERT
    return "".join(chars), len(openers)
