"""Translate Lua patterns (as used in CS1's data modules) into Python regular expressions.

CS1 keeps some of its data as Lua patterns, e.g. the rename suggestions
``'^a[utho]+r(%d+)$' -> 'author$1'``. Translating them at load time keeps citelint
data-driven: a newer Module:Citation/CS1/Suggestions can be dropped in as it is.

Lua patterns match bytes; the character classes here are the ASCII ones CS1 relies on.
Balanced matches (``%b``) have no regex equivalent and are rejected.
"""

from __future__ import annotations

import re

_CLASSES = {
    "a": "A-Za-z",
    "d": "0-9",
    "l": "a-z",
    "u": "A-Z",
    "s": " \\t\\n\\r\\f\\v",
    "w": "A-Za-z0-9",
    "x": "0-9A-Fa-f",
    "p": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "c": "\\x00-\\x1f\\x7f",
}


class LuaPatternError(ValueError):
    """A Lua pattern uses something that has no regex equivalent here."""


def _class(letter: str) -> str:
    """``%a`` → ``[A-Za-z]``; ``%A`` → ``[^A-Za-z]``."""
    body = _CLASSES.get(letter.lower())
    if body is None:
        return re.escape(letter)
    return f"[^{body}]" if letter.isupper() else f"[{body}]"


def _set(pattern: str, i: int) -> tuple[str, int]:
    """Translate a ``[...]`` set starting at ``pattern[i] == '['``; return (regex, next index)."""
    j = i + 1
    out = ["["]
    if j < len(pattern) and pattern[j] == "^":
        out.append("^")
        j += 1
    first = True
    while j < len(pattern):
        c = pattern[j]
        if c == "]" and not first:
            out.append("]")
            return "".join(out), j + 1
        first = False
        if c == "%" and j + 1 < len(pattern):
            letter = pattern[j + 1]
            body = _CLASSES.get(letter.lower())
            if body is not None and letter.islower():
                out.append(body)
            elif body is not None:
                raise LuaPatternError(f"negated class %{letter} inside a set")
            else:
                out.append(re.escape(letter))
            j += 2
            continue
        if c in "\\[]^":
            out.append("\\" + c)
        elif c == "-" and out[-1] != "[" and j + 1 < len(pattern) and pattern[j + 1] != "]":
            out.append("-")  # a range, as in Lua
        elif c == "-":
            out.append("\\-")
        else:
            out.append(c)
        j += 1
    raise LuaPatternError(f"unclosed set in {pattern!r}")


def lua_to_regex(pattern: str) -> str:
    """The Python regex equivalent of a Lua pattern (anchors, classes, sets, quantifiers,
    captures, ``%f`` frontiers)."""
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "%":
            if i + 1 >= n:
                raise LuaPatternError(f"pattern ends with '%': {pattern!r}")
            letter = pattern[i + 1]
            if letter == "b":
                raise LuaPatternError("%b (balanced match) is not supported")
            if letter == "f":
                if i + 2 >= n or pattern[i + 2] != "[":
                    raise LuaPatternError("%f needs a set")
                body, i = _set(pattern, i + 2)
                # Lua treats the ends of the subject as "\0", which a negated set contains
                ahead = f"(?:{body}|\\Z)" if body.startswith("[^") else body
                out.append(f"(?<!{body})(?={ahead})")
                continue
            if letter.isdigit():
                out.append("\\" + letter)  # back-reference
            else:
                out.append(_class(letter))
            i += 2
        elif c == "[":
            body, i = _set(pattern, i)
            out.append(body)
            continue
        elif c == "-":
            if out:
                out.append("*?")  # Lua's lazy repetition
            else:
                out.append("\\-")
            i += 1
        elif c in "*+?":
            out.append(c)
            i += 1
        elif c == "^" and i == 0:
            out.append("^")
            i += 1
        elif c == "$" and i == n - 1:
            out.append("$")  # Python's $ also matches before a final newline; see compile_lua
            i += 1
        elif c in "()":
            out.append(c)
            i += 1
        elif c == ".":
            out.append("(?s:.)")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def compile_lua(pattern: str) -> re.Pattern[str]:
    """Compile a Lua pattern; a final ``$`` means the very end of the string, as in Lua."""
    regex = lua_to_regex(pattern)
    if regex.endswith("$") and not regex.endswith("\\$"):
        regex = regex[:-1] + r"\Z"
    return re.compile(regex)


def lua_substitute(template: str, match: re.Match[str]) -> str:
    """Fill ``$1`` … in a CS1 suggestion with the captures of ``match`` (the whole match when
    the pattern has no capture, as Lua's ``string.match`` returns)."""
    groups = match.groups() or (match.group(0),)

    def repl(m: re.Match[str]) -> str:
        k = int(m.group(1))
        return groups[k - 1] or "" if 0 < k <= len(groups) else m.group(0)

    return re.sub(r"\$(\d)", repl, template)
