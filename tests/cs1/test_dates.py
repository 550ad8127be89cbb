"""CS1 date validation, pinned to a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest

from citelint.cs1.dates import (
    check_param,
    explain,
    order_of,
    reformat,
    year_date_mismatch,
)

TODAY = dt.date(2020, 6, 1)

ACCEPTED = [
    ("date", "2020-05-01", "ymd"),
    ("date", "1 May 2020", "dMy"),
    ("date", "May 1, 2020", "Mdy"),
    ("date", "1 Jan 2020", "dMy"),
    ("date", "May 2020", "My"),
    ("date", "2020", "y"),
    ("date", "2020a", "y"),
    ("date", "1–3 May 2020", "d-dMy"),
    ("date", "1-3 May 2020", "d-dMy"),  # CS1 accepts the hyphen and converts it
    ("date", "May 1–3, 2020", "Md-dy"),
    ("date", "1 May – 3 June 2020", "dM-dMy"),
    ("date", "May 1 – June 3, 2020", "Md-Mdy"),
    ("date", "30 December 2019 – 2 January 2020", "dMy-dMy"),
    ("date", "January–March 2020", "M-My"),
    ("date", "Winter 2019–20", "Sy4-y2"),
    ("date", "Summer 2020", "My"),
    ("date", "Spring–Summer 2020", "M-My"),
    ("date", "Third Quarter 2019", "My"),
    ("date", "Christmas 2019", "My"),
    ("date", "December 2019 – January 2020", "My-My"),
    ("date", "2019–2020", "y-y"),
    ("date", "1998–99", "y4-y2"),
    ("date", "c. 1900", "circa"),
    ("date", "n.d.", "nd"),
    ("date", "29 February 2020", "dMy"),
    ("date", "29 February 1500", "dMy"),  # Julian calendar before 1582
    ("date", "2021", "y"),  # next year is allowed
    ("year", "1995", "y"),
    ("year", "1995b", "y"),
    ("access-date", "2001-01-15", "ymd"),
    ("access-date", "2 June 2020", "dMy"),  # tomorrow is allowed
    ("pmc-embargo-date", "1 May 2022", "dMy"),
]

REJECTED = [
    ("date", "31 April 2019", "no such day"),
    ("date", "29 February 2019", "no such day"),
    ("date", "1900-02-29", "no such day"),
    ("date", "2019-13-01", "no such month"),
    ("date", "Oct. 2, 2005", "unrecognised month"),
    ("date", "Sept 2005", "unrecognised month or season"),
    ("date", "May 01, 2010", "unrecognised format"),
    ("date", "05/01/2020", "unrecognised format"),
    ("date", "2009-2", "unrecognised format"),
    ("date", "2020–2019", "unrecognised format"),
    ("date", "5–5 May 2020", "unrecognised format"),
    ("date", "March–January 2020", "unrecognised format"),
    ("date", "Jan–March 2020", "unrecognised format"),  # mixed month styles
    ("date", "2003–05", "unrecognised format"),  # might be May 2003
    ("date", "2022", "more than a year in the future"),
    ("date", "1 May 2022", "more than a year in the future"),
    ("publication-date", "Summer 2020", "unrecognised month or season"),  # seasons: |date= only
    ("year", "1995–96", "|year= takes a year only"),
    ("access-date", "2000-12-31", "before Wikipedia existed (2001-01-15)"),
    ("access-date", "3 June 2020", "in the future"),
    ("access-date", "May 2010", "access-date needs a single, whole date"),
    ("access-date", "2010", "access-date needs a single, whole date"),
    ("access-date", "1–2 May 2010", "access-date needs a single, whole date"),
    ("pmc-embargo-date", "May 2020", "unrecognised month or season"),
]


@pytest.mark.parametrize(("param", "value", "fmt"), ACCEPTED)
def test_accepted(param: str, value: str, fmt: str) -> None:
    info = check_param(value, param, TODAY)
    assert info is not None
    assert info.fmt == fmt


@pytest.mark.parametrize(("param", "value", "why"), REJECTED)
def test_rejected(param: str, value: str, why: str) -> None:
    assert check_param(value, param, TODAY) is None
    assert explain(value, param, TODAY) == why


def test_future_is_relative_to_today() -> None:
    assert check_param("2022", "date", TODAY) is None
    assert check_param("2022", "date", dt.date(2021, 1, 1)) is not None


def test_anchor_year_keeps_the_disambiguator() -> None:
    assert check_param("2020b", "date", TODAY).anchor_year == "2020b"
    assert check_param("1 May 2020", "date", TODAY).anchor_year == "2020"


@pytest.mark.parametrize(
    ("year", "date", "mismatch"),
    [
        ("1995", "3 May 1995", False),
        ("1996", "3 May 1995", True),
        ("1995", "1994–1995", False),
        ("1999", "1998–99", False),
        ("2001a", "2001-05-03", False),
        ("2002a", "2001-05-03", True),
    ],
)
def test_year_date_mismatch(year: str, date: str, mismatch: bool) -> None:
    assert year_date_mismatch(year, date) is mismatch


@pytest.mark.parametrize(
    ("value", "to", "expected"),
    [
        ("May 1, 2020", "dmy", "1 May 2020"),
        ("Jan 1, 2020", "dmy", "1 Jan 2020"),
        ("May 1–3, 2020", "dmy", "1–3 May 2020"),
        ("May 1 – June 3, 2020", "dmy", "1 May – 3 June 2020"),
        ("December 30, 2019 – January 2, 2020", "dmy", "30 December 2019 – 2 January 2020"),
        ("1 May 2020", "mdy", "May 1, 2020"),
        ("1–3 May 2020", "mdy", "May 1–3, 2020"),
        ("1 May – 3 June 2020", "mdy", "May 1 – June 3, 2020"),
        ("30 December 2019 – 2 January 2020", "mdy", "December 30, 2019 – January 2, 2020"),
    ],
)
def test_reformat_round_trips(value: str, to: str, expected: str) -> None:
    info = check_param(value, "date", TODAY)
    assert order_of(info) != to
    new = reformat(value, info, to)
    assert new == expected
    assert order_of(check_param(new, "date", TODAY)) == to


def test_neutral_formats_have_no_order() -> None:
    for value in ("2020-05-01", "May 2020", "2020", "c. 1900"):
        assert order_of(check_param(value, "date", TODAY)) is None
