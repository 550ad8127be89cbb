"""Lua pattern translation: CS1's suggestion patterns become Python regexes."""

from __future__ import annotations

import pytest

from citelint.cs1.data import whitelist
from citelint.cs1.lua import LuaPatternError, compile_lua, lua_substitute, lua_to_regex


@pytest.mark.parametrize(
    ("pattern", "subject", "expected"),
    [
        ("^a[utho]+r(%d+)$", "authr12", ("12",)),
        ("^a[utho]+r(%d+)$", "author12x", None),
        ("^pu[blish]+ers?$", "publsher", ()),
        ("^ac+es+ ?d?a?t?e?$", "acess date", ()),
        ("^last (%d+)$", "last 3", ("3",)),
        ("%a%d", "x1", ()),
        ("^%s*(.-)%s*$", "  padded  ", ("padded",)),  # lazy '-' as in Lua
        ("%f[%a]ed", "the ed", ()),
        ("%f[%a]ed", "fed", None),  # frontier: 'e' follows a letter
        ("[%(%[]x", "[x", ()),
        ("a.b", "a\nb", ()),  # Lua '.' matches a newline
    ],
)
def test_translation_matches_like_lua(pattern: str, subject: str, expected: tuple | None) -> None:
    m = compile_lua(pattern).search(subject)
    if expected is None:
        assert m is None
    else:
        assert m is not None
        assert m.groups() == expected


def test_dollar_is_the_very_end() -> None:
    assert compile_lua("^x$").search("x\n") is None


def test_substitute_fills_captures_and_whole_match() -> None:
    m = compile_lua("^editor(%d+)first$").search("editor2first")
    assert lua_substitute("editor-first$1", m) == "editor-first2"
    m = compile_lua("^pu[blish]+ers?$").search("pubisher")
    assert lua_substitute("publisher", m) == "publisher"


def test_balanced_match_is_rejected() -> None:
    with pytest.raises(LuaPatternError):
        lua_to_regex("%b()")


def test_every_suggestion_pattern_of_the_data_compiles() -> None:
    wl = whitelist()
    assert len(wl.patterns) >= 30
    for regex, target in wl.patterns:
        assert regex.pattern and target
