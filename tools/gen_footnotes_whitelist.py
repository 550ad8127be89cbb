#!/usr/bin/env python3
"""Regenerate citelint/data/footnotes-whitelist.json from Module:Footnotes' data pages.

Module:Footnotes (the Lua module behind ``{{sfn}}`` and ``{{harv}}``) decides whether a
short citation has a target. Besides the anchors it reads from the citation templates in
the article, it accepts an anchor when:

* a *wrapper template* in the article makes it: ``wrapper_templates`` of
  Module:Footnotes/whitelist gives the names and year the wrapper puts in its anchor by
  default (``{{Cite EB1911}}`` → Chisholm 1911), per ``|volume=`` for some
  (``{{Cite Catholic Encyclopedia|volume=7}}`` → Herbermann 1910); names and dates the
  call itself shows win over the defaults;
* the anchor is *whitelisted* for a template the article uses: ``whitelist`` maps an
  anchor (without its year letter) to the templates that make it
  (``CITEREFJackson2010`` ← ``{{Cite enc-nyc2}}``);
* it matches one of the ``special_patterns`` (Lua patterns, any article), or one of the
  ``DNB_special_patterns`` when the article uses a DNB template.

Which templates the module reads anchors from at all comes from
Module:Footnotes/anchor id list/data (``*_template_patterns``: CS1/CS2, vcite, harvc,
wikicite, anchor, sfn whitelist).

This script reads those Lua pages as data (table constructors, string literals and
references to earlier tables; nothing is executed), expands the template-name patterns,
turns the Lua anchor patterns into Python regular expressions and writes JSON. Run it
after a newer module drop::

    python tools/gen_footnotes_whitelist.py [--pages DIR] [--out FILE] [--check]

``--pages`` is the folder holding ``Footnotes#whitelist`` and
``Footnotes#anchor id list#data`` (default ../shared/oracle/pages/Module); ``--check``
exits 1 when the output file is not what the pages give.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "oracle" / "pages" / "Module"
DEFAULT_OUT = ROOT / "citelint" / "data" / "footnotes-whitelist.json"
WHITELIST_PAGE = "Footnotes#whitelist"
DATA_PAGE = "Footnotes#anchor id list#data"

#: Module:Footnotes/anchor id list/data: pattern table → what the templates are to the module
KNOWN_TEMPLATE_TABLES = {
    "cs1_template_patterns": "cs12",
    "cs2_template_patterns": "cs12",
    "cs1_like_template_patterns": "cs12",
    "vcite_template_patterns": "vcite",
    "harvc_template_patterns": "harvc",
    "wikicite_template_patterns": "wikicite",
    "anchor_template_patterns": "anchor",
    "sfn_whitelist_patterns": "sfn_whitelist",
}


# -- reading Lua data --------------------------------------------------------------------


class LuaError(ValueError):
    pass


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<longcomment>--\[(?P<eq>=*)\[.*?\](?P=eq)\])
  | (?P<comment>--[^\n]*)
  | (?P<string>'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")
  | (?P<longstring>\[(?P<eq2>=*)\[.*?\](?P=eq2)\])
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>\.\.|==|~=|<=|>=|[{}\[\]()=,;.:#+\-*/%<>^])
    """,
    re.S | re.X,
)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(literal: str) -> str:
    """A Lua 5.1 short string literal's value (unknown escapes keep the character)."""
    body = literal[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            if n.isdigit():
                m = re.match(r"\d{1,3}", body[i + 1 :])
                out.append(chr(int(m.group(0))))
                i += 1 + len(m.group(0))
                continue
            out.append(_ESCAPES.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def tokenize(source: str) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            line = source.count("\n", 0, pos) + 1
            raise LuaError(f"line {line}: cannot read {source[pos : pos + 20]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind in ("space", "comment", "longcomment"):
            continue
        if kind == "eq" or kind == "eq2":  # pragma: no cover - named inner groups
            continue
        if kind == "longstring":
            text = m.group(0)
            opener = text.index("[", 1) + 1
            tokens.append(("string", text[opener:-opener].removeprefix("\n")))
        elif kind == "string":
            tokens.append(("string", _unquote(m.group(0))))
        elif kind == "number":
            tokens.append(("number", m.group(0)))
        else:
            tokens.append((kind, m.group(0)))
    return tokens


class _Reader:
    """Evaluates the data subset of Lua: table constructors, strings, numbers, booleans,
    names of earlier tables and indexing into them."""

    def __init__(self, tokens: list[tuple[str, str]], env: dict[str, object]) -> None:
        self.tokens = tokens
        self.i = 0
        self.env = env

    def peek(self, k: int = 0) -> tuple[str, str]:
        j = self.i + k
        return self.tokens[j] if j < len(self.tokens) else ("eof", "")

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise LuaError(f"expected {value!r}, found {tok[1]!r} (token {self.i})")
        self.i += 1
        return tok

    def expr(self) -> object:
        kind, value = self.peek()
        if kind == "string":
            self.take()
            return value
        if kind == "number":
            self.take()
            return value
        if value == "{":
            return self.table()
        if kind == "name":
            self.take()
            if value in ("true", "false"):
                return value == "true"
            if value == "nil":
                return None
            if value not in self.env:
                raise LuaError(f"{value} is not a data table defined earlier")
            obj = self.env[value]
            while self.peek()[1] == "[":
                self.take("[")
                key = self.expr()
                self.take("]")
                obj = _index(obj, key)
            return obj
        raise LuaError(f"not a data expression: {value!r} (token {self.i})")

    def table(self) -> dict[object, object]:
        """A table as a dict; positional fields get the keys 1, 2, … (ints)."""
        self.take("{")
        out: dict[object, object] = {}
        n = 0
        while self.peek()[1] != "}":
            if self.peek()[1] == "[":
                self.take("[")
                key = self.expr()
                self.take("]")
                self.take("=")
                out[key] = self.expr()  # a repeated key: the last one wins, as in Lua
            elif self.peek()[0] == "name" and self.peek(1)[1] == "=":
                key = self.take()[1]
                self.take("=")
                out[key] = self.expr()
            else:
                n += 1
                out[n] = self.expr()
            if self.peek()[1] in (",", ";"):
                self.take()
            elif self.peek()[1] != "}":
                raise LuaError(f"expected ',' or '}}', found {self.peek()[1]!r}")
        self.take("}")
        return out


def _index(obj: object, key: object) -> object:
    if not isinstance(obj, dict):
        raise LuaError(f"cannot index {type(obj).__name__} with {key!r}")
    return obj.get(key)


def read_data_module(source: str) -> dict[str, object]:
    """A pure data module (``local X = {…}`` … ``return {…}``): its returned table, with
    every top-level ``local`` table besides it under its name."""
    tokens = tokenize(source)
    env: dict[str, object] = {}
    reader = _Reader(tokens, env)
    while reader.peek()[0] != "eof":
        value = reader.peek()[1]
        if value == "require":  # require('Module:No globals')
            reader.take()
            reader.take("(")
            reader.expr()
            reader.take(")")
        elif value == "local":
            reader.take()
            name = reader.take()[1]
            reader.take("=")
            env[name] = reader.expr()
        elif value == "return":
            reader.take()
            result = reader.expr()
            return {"return": result, **env}
        elif value == ";":
            reader.take()
        else:
            raise LuaError(f"not a data statement: {value!r} (token {reader.i})")
    raise LuaError("no return statement")


def read_local_tables(source: str, names: set[str]) -> dict[str, object]:
    """Only the top-level ``local NAME = {…}`` tables with these names, from a module that
    also has code (the rest is skipped, not read)."""
    tokens = tokenize(source)
    out: dict[str, object] = {}
    for i in range(len(tokens) - 3):
        if (
            tokens[i] == ("name", "local")
            and tokens[i + 1][1] in names
            and tokens[i + 2][1] == "="
            and tokens[i + 3][1] == "{"
        ):
            reader = _Reader(tokens, {})
            reader.i = i + 3
            out[tokens[i + 1][1]] = reader.table()
    missing = names - out.keys()
    if missing:
        raise LuaError(f"tables not found: {sorted(missing)}")
    return out


def _list(table: object) -> list:
    """A Lua sequence (keys 1..n) as a list."""
    if not isinstance(table, dict):
        raise LuaError(f"expected a sequence, found {table!r}")
    n = 0
    while n + 1 in table:
        n += 1
    return [table[k] for k in range(1, n + 1)]


# -- Lua patterns ------------------------------------------------------------------------


def lua_pattern_to_regex(pattern: str) -> str:
    """A Lua pattern as a Python regular expression with the same matches on ASCII text
    (``re.search`` semantics: Lua's ``string.match`` is unanchored unless ``^``), by
    citelint's own translator."""
    from citelint.cs1.lua import LuaPatternError, compile_lua

    try:
        return compile_lua(pattern).pattern
    except LuaPatternError as exc:
        raise LuaError(str(exc)) from None


def expand_name_pattern(pattern: str) -> list[str]:
    """Every template name a Module:Footnotes name pattern stands for: ``[Cc]ite ?journal``
    → Cite journal, Citejournal (first letter upper case, as the module looks names up)."""
    atoms: list[list[str]] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "[":
            j = pattern.index("]", i + 1)
            body = pattern[i + 1 : j]
            chars = []
            k = 0
            while k < len(body):
                if body[k] == "%":
                    chars.append(body[k + 1])
                    k += 2
                else:
                    chars.append(body[k])
                    k += 1
            atoms.append(chars)
            i = j + 1
        elif c == "%":
            atoms.append([pattern[i + 1]])
            i += 2
        elif c in "*+-^$().":
            if c == "." and (i + 1 == n or pattern[i + 1] != "?"):
                atoms.append(["."])  # the module keeps a lone '.' as a literal character
                i += 1
                continue
            raise LuaError(f"name pattern {pattern!r}: {c!r} cannot be expanded")
        else:
            atoms.append([c])
            i += 1
        if i < n and pattern[i] == "?":
            atoms[-1] = [*atoms[-1], ""]
            i += 1
    names = {"".join(parts) for parts in itertools.product(*atoms)}
    return sorted({name[:1].upper() + name[1:] for name in names if name})


# -- the JSON ------------------------------------------------------------------------------


def build(pages: Path) -> dict:
    wl_source = (pages / WHITELIST_PAGE).read_text(encoding="utf-8")
    data_source = (pages / DATA_PAGE).read_text(encoding="utf-8")
    module = read_data_module(wl_source)
    exported = module["return"]
    if not isinstance(exported, dict):
        raise LuaError("the module does not return a table")

    wrappers: dict[str, dict] = {}
    for name, spec in sorted(exported["wrapper_templates"].items()):
        if spec is None:
            raise LuaError(f"wrapper {name} refers to a missing defaults table")
        if 1 in spec:  # simple: one default name list and year
            wrappers[name] = {"default": [spec[1], spec[2]]}
        else:  # per volume, with a 'default' volume
            volumes = {str(vol): [v[1], v[2]] for vol, v in spec.items()}
            if "default" not in volumes:
                raise LuaError(f"wrapper {name} has no 'default' volume")
            wrappers[name] = {"default": volumes.pop("default"), "volumes": volumes}

    whitelist = {
        anchor: _list(templates)
        for anchor, templates in sorted(exported["whitelist"].items())
        if templates is not None
    }

    def patterns(key: str) -> list[dict[str, str]]:
        return [{"lua": p, "regex": lua_pattern_to_regex(p)} for p in _list(exported.get(key))]

    tables = read_local_tables(data_source, set(KNOWN_TEMPLATE_TABLES))
    known: dict[str, set[str]] = {}
    for table_name, kind in KNOWN_TEMPLATE_TABLES.items():
        for pattern in _list(tables[table_name]):
            known.setdefault(kind, set()).update(expand_name_pattern(pattern))

    digest = hashlib.sha256()
    for source in (wl_source, data_source):
        digest.update(source.encode("utf-8"))
    return {
        "_about": (
            "GENERATED by tools/gen_footnotes_whitelist.py from Module:Footnotes/whitelist "
            "and Module:Footnotes/anchor id list/data; do not edit, regenerate. "
            "'wrappers': template name → default [names, year] of the CITEREF anchor it "
            "makes (names and dates the call shows win), 'volumes' by |volume= when the "
            "defaults depend on it. 'whitelist': anchor (without a year letter) → templates "
            "that make it; the anchor counts when the article uses one of them. "
            "'special_patterns' match anchors in any article, 'dnb_patterns' when the "
            "article uses one of 'dnb_templates' (Lua pattern and the same as a Python "
            "regex, re.search). 'known_templates': the templates Module:Footnotes reads "
            "anchors from, by kind (names first letter upper case, as written)."
        ),
        "source": {
            "pages": [f"Module:{WHITELIST_PAGE}", f"Module:{DATA_PAGE}"],
            "sha256": digest.hexdigest(),
        },
        "wrappers": wrappers,
        "whitelist": whitelist,
        "special_patterns": patterns("special_patterns"),
        "dnb_templates": _list(exported.get("DNB_template_names")),
        "dnb_patterns": patterns("DNB_special_patterns"),
        "known_templates": {kind: sorted(names) for kind, names in sorted(known.items())},
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = render(build(args.pages))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(
        f"wrote {args.out}: {len(data['wrappers'])} wrappers, {len(data['whitelist'])} "
        f"whitelisted anchors, {len(data['special_patterns'])}+{len(data['dnb_patterns'])} "
        "patterns"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
