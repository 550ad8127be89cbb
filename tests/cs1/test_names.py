"""Name-list checks."""

from __future__ import annotations

import pytest

from citelint.cs1.model import citations
from citelint.cs1.names import (
    has_mixed_digits,
    has_mult_names,
    is_generic,
    is_numeric,
    name_issues,
    split_v_names,
    strip_etal,
    v_name_count,
    vancouver_last_names,
)
from citelint.document import Document
from citelint.index import build_index


@pytest.mark.parametrize(
    ("value", "multiple"),
    [
        ("Smith, John", False),
        ("Smith, J.; Doe, A.", True),
        ("A, B, C", True),
        ("Jean&nbsp;Smith", False),
        ("Smith&nbsp;J; Doe", True),
    ],
)
def test_mult_names(value: str, multiple: bool) -> None:
    assert has_mult_names(value) is multiple


def test_a_first_name_takes_no_comma() -> None:
    assert has_mult_names("Hugh F., ed.", 0)
    assert not has_mult_names("Hugh F.", 0)


def test_et_al_is_stripped() -> None:
    assert strip_etal("Smith, J., et al.") == ("Smith, J.", True)
    assert strip_etal("Smith and others") == ("Smith", True)
    assert strip_etal("Metal") == ("Metal", False)


@pytest.mark.parametrize(
    ("value", "generic"),
    [
        ("Site name", True),
        ("Author", True),
        ("FACEBOOK", True),  # plain entries ignore case
        ("Newsroom", True),
        ("Bureau", True),
        ("Hackett, James (ed.)", True),  # editor annotations
        ("Boelee, E. (Ed)", False),  # the pattern after a name wants a lower-case "ed"
        ("Hugh F. Rankin, ed.", True),
        ("edited by F. Kent Reilly", True),
        ("(eds.) Smith", True),
        ("Jo User", True),
        ("User中", True),
        ("[[Jane Doe (author)|Jane Doe]]", False),  # accepted: an "(author)" article
        ("Authorson", False),
        ("Staff", False),
        ("Ed", False),
        ("Jacob Eds", False),
        ("Edwards", False),
        ("LinkedIn", False),  # CS1's plain "linkedIn" never matches a lower-cased value
        ("Bureau of Statistics", False),
        ("中User", False),  # Lua compares bytes: the last byte of 中 counts as a letter
        ("Userɐ", False),
        ("éUser", False),
    ],
)
def test_generic_names(value: str, generic: bool) -> None:
    assert is_generic(value) is generic


@pytest.mark.parametrize(
    ("value", "numeric", "mixed"),
    [
        ("1947–2009", True, True),
        ("2000", True, False),
        ("Smith 2", False, True),
        ("2nd Smith", False, True),
        ("Smith", False, False),
        ("Ōno", False, False),
    ],
)
def test_numeric_names(value: str, numeric: bool, mixed: bool) -> None:
    assert is_numeric(value) is numeric
    assert has_mixed_digits(value) is mixed


def issues(text: str, **kw):
    (c,) = citations(build_index(Document(text)))
    return [(i.key, i.arg.name if i.arg else None) for i in name_issues(c, **kw)]


def test_issues_per_citation() -> None:
    assert issues("{{cite book|title=T|author=A, B, C|author2=D, E, F}}") == [
        ("mult_names/authors", "author")
    ]
    assert issues("{{cite book|title=T|last=Smith|first=J. (ed.)}}") == [("generic_name", "first")]
    # CS1 reports both: several names, and an annotation
    assert issues("{{cite book|title=T|editor=A B, C D, E F (eds.)}}") == [
        ("mult_names/editors", "editor"),
        ("generic_name", "editor"),
    ]
    # one generic and one numeric error per citation; the maintenance message once
    assert issues("{{cite book|title=T|author=Google|author2=Facebook|editor=1|editor2=2}}") == [
        ("generic_name", "author"),
        ("numeric_names", "editor"),
    ]
    assert issues("{{cite book|title=T|author=Smith 1|author2=Smith 2}}") == [
        ("numeric_names/authors", "author")
    ]
    assert issues("{{cite book|title=T|authors=A, B, C}}") == []  # free-form |authors=
    assert issues("{{cite book|title=T|author=Site name}}", generic=False) == []
    assert issues("{{cite book|title=T|author=Site name}}", generic=True) == [
        ("generic_name", "author")
    ]


def test_vancouver_names_keep_a_corporate_name_whole() -> None:
    assert split_v_names("Smith J, Doe B, ((Org, Inc.))") == ["Smith J", "Doe B", "((Org, Inc.))"]
    assert split_v_names("((Ab, B, C)), Doe B") == ["((Ab, B, C))", "Doe B"]
    assert split_v_names("((A, B))") == ["((A", "B))"]  # as CS1: its pattern wants 2 characters
    assert v_name_count("Smith J, Doe B, et al.") == 2
    assert vancouver_last_names("Smith J, ((Org, Inc.)), et al.") == ["Smith", "Org, Inc."]
    assert issues("{{cite journal|title=T|journal=J|vauthors=Smith J, ((Org, Inc.))}}") == []
