"""Inline suppression comments."""

from __future__ import annotations

import citelint


def found(text: str) -> list[tuple[str, int]]:
    return [
        (f.code, f.line)
        for f in citelint.lint_text(text, config={"select": ["REF001", "REF012", "CL001"]})
    ]


def test_disable_line() -> None:
    text = (
        'A<ref name="a"/>. <!-- citelint: disable-line REF012 -->\nB<ref name="b"/>.\n{{reflist}}'
    )
    assert found(text) == [("REF001", 1), ("REF001", 2), ("REF012", 2)]


def test_disable_next_line_by_name_and_all() -> None:
    text = (
        "<!-- citelint: disable-next-line undefined-named-ref -->\n"
        'A<ref name="a"/>.\n'
        "<!-- citelint: disable-next-line -->\n"
        'B<ref name="b"/>.\n{{reflist}}'
    )
    assert found(text) == [("REF012", 2)]


def test_disable_enable_range_by_prefix() -> None:
    text = (
        'A<ref name="a"/>\n<!-- citelint: disable REF -->\nB<ref name="b"/>.\n'
        '<!-- citelint: enable REF -->\nC<ref name="c"/>\n{{reflist}}'
    )
    assert found(text) == [("REF001", 1), ("REF001", 5)]


def test_disable_file_with_codes() -> None:
    text = '<!-- citelint: disable-file REF012 -->\nA<ref name="a"/>.\n{{reflist}}'
    assert found(text) == [("REF001", 2)]
    text = '<!-- citelint: disable-file -->\nA<ref name="a"/>.\n{{reflist}}'
    assert found(text) == []


def test_malformed_directive_is_reported_not_ignored() -> None:
    text = 'A<ref name="a"/>. <!-- citelint: disable-line REF0012 -->\n{{reflist}}'
    assert found(text) == [("REF001", 1), ("REF012", 1), ("CL001", 1)]
