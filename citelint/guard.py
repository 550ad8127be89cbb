"""Keep parsing time bounded on pathological input.

mwparserfromhell's tokenizer retries every construct that fails to close, scanning to
the end of the document each time: 8,000 unclosed ``<ref>`` or ``{{a|`` take minutes
(quadratic). MediaWiki's preprocessor is linear on the same input. When a document has
many openers that a linear bracket count shows can never close, we hide those openers
from the tokenizer by swapping their first character for an inert one of the same length,
so offsets do not move and the text the rules read stays the original. Ordinary
articles have a handful of unclosed constructs at most and are parsed untouched.

The same masking makes mwparserfromhell see ``<ref>…</ref>`` the way MediaWiki's
preprocessor does: an extension tag is one opaque unit, found before any brace is paired,
and its text is parsed on its own later. A ``{{cite web|…`` left open inside a ref stays
literal text inside that ref, whereas mwparserfromhell would let it swallow the ``</ref>``
and the rest of an enclosing infobox or ``{{reflist|refs=…}}``. Such openers are masked
too (see :func:`opaque_tag_openers`).
"""

from __future__ import annotations

import re

#: Unclosable openers tolerated before masking; each costs one scan to the end.
THRESHOLD = 64
#: Characters the tokenizer may re-read because of unclosable openers (each one makes it
#: read on to the end of the page, and again for each enclosing failed construct) before
#: they are masked whatever their number. No article of the corpus comes near (at most
#: 0.5 M); one page of 5 MB with an unclosed tag in its first half costs more on its own.
SCAN_BUDGET = 2_000_000
INERT = "\ufffc"

# Every alternative starts with one of "{}<|" or, at a line start, a space or tab: the
# lookahead lets the regex engine skip other positions fast (same matches, twice as fast).
_FIRST = r"(?=[{}<|]|^[ \t])"
_TOKEN = re.compile(
    _FIRST
    + r"(?:(?P<open>\{\{)|(?P<close>\}\})|(?P<tag><(?P<slash>/?)\s*(?P<name>[A-Za-z][\w-]*))|"
    r"(?P<table>^[ \t]*\{\|)|(?P<tableend>^[ \t]*\|\}))",
    re.M,
)
_COMMENT_OPEN = re.compile(r"<!--")
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


# "<" followed by what mwparserfromhell takes as a tag name but MediaWiki does not (tag
# names start with a letter): "<500 g", "<0.1%", "<1135::AID-…" in a DOI. When no closing
# "</500" follows, mwparserfromhell tries the tag, reads to the end of the page looking
# for its end and falls back to text, as MediaWiki reads it from the start.
_ODD_TAG = re.compile(r"<([^\sA-Za-z/!{}\[\]<>|=&'#*;:\-][^\s{}\[\]<>|=&'#*;:/\-!]*)")


def odd_tag_openers(text: str) -> list[int]:
    """Offsets of ``<`` + a non-letter "tag name" that no ``</name`` follows."""
    out = []
    lower = None
    for m in _ODD_TAG.finditer(text):
        if lower is None:
            lower = text.lower()
        if lower.find("</" + m.group(1).lower(), m.end()) == -1:
            out.append(m.start())
    return out


def scan_cost(text: str, openers: list[int]) -> int:
    """Characters the tokenizer reads again for ``openers``: each, to the end."""
    n = len(text)
    return sum(n - o for o in openers)


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
    # comments do not nest: a "<!--" that starts after the last "-->" never closes
    last = text.rfind("-->")
    out.extend(m.start() for m in _COMMENT_OPEN.finditer(text, max(0, last - 3)))
    out.sort()
    return out


# -- extension tags, as MediaWiki's preprocessor finds them ------------------------------

#: Tags MediaWiki (with Cite and the extensions Wikipedia runs) treats as extension tags:
#: the preprocessor takes each, from its opening tag to the first matching closing tag,
#: as one unit before it pairs any brace. ``includeonly`` is dropped the same way.
EXT_TAGS = frozenset(
    [
        "ref",
        "references",
        "nowiki",
        "pre",
        "gallery",
        "indicator",
        "includeonly",
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
        "templatestyles",
        "categorytree",
        "imagemap",
        "inputbox",
        "mapframe",
        "maplink",
        "poem",
        "section",
        "charinsert",
        "langconvert",
    ]
)
#: Extension tags whose text is wikitext that Cite parses on its own.
_REPARSED = frozenset(["ref", "references"])
_EXT_OPEN = re.compile(
    r"<!--|<(" + "|".join(sorted(EXT_TAGS)) + r")(?=[ \t\n\r\f\v>]|/>)",
    re.I,
)
_CLOSERS: dict[str, re.Pattern[str]] = {}
_RUN = re.compile(r"\{\{+|\}\}+|\[\[+|\]\]+")
#: preprocessor rules: opening character -> (closing character, largest match)
_RULES = {"{": ("}", 3), "[": ("]", 2)}


def _closer(name: str) -> re.Pattern[str]:
    pat = _CLOSERS.get(name)
    if pat is None:
        pat = _CLOSERS[name] = re.compile(r"</" + re.escape(name) + r"[ \t\n\r\f\v]*>", re.I)
    return pat


def ext_tags(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[str, int, int, int]]:
    """The comments and extension tags of ``text[lo:hi]`` as MediaWiki's preprocessor
    finds them, outermost only: ``(name, start, end, content_start)``, name ``"!--"`` for
    a comment, ``content_start == -1`` for a self-closing tag. A tag is closed by the first
    ``</name>`` after it, whatever lies between; a tag never closed is literal text, and
    so is every later one of the same name (Preprocessor_Hash's ``noMoreClosingTag``)."""
    if hi is None:
        hi = len(text)
    out: list[tuple[str, int, int, int]] = []
    no_close: set[str] = set()
    no_gt = False
    i = lo
    search = _EXT_OPEN.search
    while True:
        m = search(text, i, hi)
        if m is None:
            return out
        start = m.start()
        name = m.group(1)
        if name is None:
            close = text.find("-->", m.end(), hi)
            end = hi if close == -1 else close + 3
            out.append(("!--", start, end, -1))
            i = end
            continue
        i = start + 1
        if no_gt:
            continue
        gt = text.find(">", m.end(), hi)
        if gt == -1:
            no_gt = True
            continue
        name = name.lower()
        if text[gt - 1] == "/":
            out.append((name, start, gt + 1, -1))
            i = gt + 1
            continue
        i = gt + 1
        if name in no_close:
            continue
        c = _closer(name).search(text, gt + 1, hi)
        if c is None:
            no_close.add(name)
            continue
        out.append((name, start, c.end(), gt + 1))
        i = c.end()


def _unclosed_braces(text: str, lo: int, hi: int, out: list[int]) -> None:
    """Offsets of the ``{`` of every template or argument opener that MediaWiki's
    preprocessor leaves unclosed in ``text[lo:hi]`` (the text of one ref, parsed on its
    own), skipping comments and extension tags and looking into the refs among them."""
    tags = ext_tags(text, lo, hi) if "<" in text[lo:hi] else []
    stack: list[list] = []  # [opening character, start, count]
    pos = lo
    for k in range(len(tags) + 1):
        stop = tags[k][1] if k < len(tags) else hi
        for m in _RUN.finditer(text, pos, stop):
            ch = m.group()[0]
            n = m.end() - m.start()
            if ch in _RULES:
                stack.append([ch, m.start(), n])
                continue
            while n > 0 and stack and _RULES[stack[-1][0]][0] == ch:
                piece = stack[-1]
                count = min(n, piece[2])
                matching = min(count, _RULES[piece[0]][1])
                if matching < 2:
                    break
                n -= matching
                piece[2] -= matching
                if piece[2] < 2:
                    stack.pop()
        if k < len(tags):
            name, start, end, cstart = tags[k]
            if name in _REPARSED and cstart != -1:
                cend = _closer(name).search(text, cstart, end)
                if cend is not None and "{{" in text[cstart : cend.start()]:
                    _unclosed_braces(text, cstart, cend.start(), out)
            pos = end
    for ch, start, count in stack:
        if ch == "{":
            out.extend(range(start, start + count))


def opaque_tag_openers(text: str) -> list[int]:
    """Offsets of the braces of ``{{`` openers left unclosed inside a ``<ref>`` (or a
    ``<references>`` list): MediaWiki keeps them literal inside the tag, so they must not
    pair with braces outside it."""
    if "{{" not in text or "<" not in text:
        return []
    out: list[int] = []
    for name, _start, end, cstart in ext_tags(text):
        if name in _REPARSED and cstart != -1:
            cend = _closer(name).search(text, cstart, end)
            if cend is not None and "{{" in text[cstart : cend.start()]:
                _unclosed_braces(text, cstart, cend.start(), out)
    return out


def defuse(text: str) -> tuple[str, int]:
    """Text safe to tokenize in bounded time, and how many openers were masked."""
    opaque = opaque_tag_openers(text)
    if opaque:
        chars = list(text)
        for offset in opaque:
            chars[offset] = INERT
        text = "".join(chars)
    if text.count("{{") + text.count("<") + text.count("{|") < THRESHOLD:
        return text, len(opaque)
    # What the openers cost grows with the page, not only with their number: a few in a
    # 5 MB page doubled its parse.
    odd = odd_tag_openers(text)
    openers = unclosable_openers(text)
    if scan_cost(text, openers) + scan_cost(text, odd) > SCAN_BUDGET:
        openers = sorted(openers + odd)
    elif len(openers) < THRESHOLD:
        return text, len(opaque)
    chars = list(text)
    for offset in openers:
        chars[offset] = INERT
    return "".join(chars), len(openers) + len(opaque)
