"""Name-list checks."""

from __future__ import annotations

import pytest

from citelint.cs1.model import citations
from citelint.cs1.names import (
    has_editor_markup,
    has_mult_names,
    is_generic,
    name_issues,
    strip_etal,
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


@pytest.mark.parametrize(
    ("value", "annotated"),
    [
        ("Hackett, James (ed.)", True),
        ("Boelee, E. (Ed)", True),
        ("Hugh F. Rankin, ed.", True),
        ("R. Froese and D. Pauly, editors", True),
        ("edited by F. Kent Reilly", True),
        ("(eds.) Smith", True),
        ("Ed", False),
        ("Jacob Eds", False),
        ("Edwards", False),
        ("Hobhouse, Hermione (General Editor)", False),
    ],
)
def test_editor_markup(value: str, annotated: bool) -> None:
    assert has_editor_markup(value) is annotated


def test_et_al_is_stripped() -> None:
    assert strip_etal("Smith, J., et al.") == ("Smith, J.", True)
    assert strip_etal("Smith and others") == ("Smith", True)
    assert strip_etal("Metal") == ("Metal", False)


def test_generic_names() -> None:
    assert is_generic("Site name")
    assert is_generic("Author")
    assert not is_generic("[[Jane Doe (author)|Jane Doe]]")
    assert not is_generic("Authorson")


def issues(text: str, **kw):
    (c,) = citations(build_index(Document(text)))
    return [(i.key, i.arg.name if i.arg else None) for i in name_issues(c, **kw)]


def test_issues_per_citation() -> None:
    assert issues("{{cite book|title=T|author=A, B, C|author2=D, E, F}}") == [
        ("mult_names/authors", "author")
    ]
    assert issues("{{cite book|title=T|last=Smith|first=J. (ed.)}}") == [
        ("extra_text_names/authors", "first")
    ]
    # one defect, one finding: a list of editors is not also "extra text"
    assert issues("{{cite book|title=T|editor=A B, C D, E F (eds.)}}") == [
        ("mult_names/editors", "editor")
    ]
    assert issues("{{cite book|title=T|authors=A, B, C}}") == []  # free-form |authors=
    assert issues("{{cite book|title=T|author=Site name}}", generic=False) == []
    assert issues("{{cite book|title=T|author=Site name}}", generic=True) == [
        ("generic_name", "author")
    ]
