"""Identifier checks: stdnum checksums with CS1's own rules on top."""

from __future__ import annotations

import datetime as dt

import pytest

from citelint.cs1 import identifiers as ids
from citelint.cs1.model import from_params


@pytest.mark.parametrize(
    ("validator", "value", "why"),
    [
        (ids.isbn, "978-0-470-09095-4", None),
        (ids.isbn, "1-884964-29-X", None),
        (ids.isbn, "0 19 852663 6", None),
        (ids.isbn, "978-0-470-09095-5", "checksum"),
        (ids.isbn, "1-884964-29-x", "invalid character"),  # CS1 wants an upper-case X
        (ids.isbn, "ISBN 0198526636", "invalid character"),
        (ids.isbn, "019852663", "length"),
        (ids.isbn, "01985266X6", "invalid form"),
        (ids.isbn, "6301234561", "invalid group id"),
        (ids.isbn, "9770000000007", "invalid prefix"),
        (ids.isbn, "9790000000001", "invalid group id"),  # 9790 is an ISMN
        (ids.sbn, "19-852663-6", None),
        (ids.issn, "0028-0836", None),
        (ids.issn, "0028-0837", "checksum"),
        (ids.issn, "0028-083", "invalid form"),
        (ids.ismn, "979-0-2600-0043-8", None),
        (ids.doi, "10.1038/nature12373", None),
        (ids.doi, "10.1000/x.", "invalid form"),  # ends with a period
        (ids.doi, "10.5555/12345678", "invalid registrant"),
        (ids.doi, "doi:10.1038/x", "invalid form"),
        (ids.doi, "10.60000/x", None),  # five digits up to 89999
        (ids.doi, "10.90000/x", "invalid registrant"),
        (ids.doi, "10.12.3/x", "invalid registrant"),  # one or two digits with a subcode
        (ids.oclc, "ocm12345678", None),
        (ids.oclc, "(OCoLC)123", None),
        (ids.oclc, "12345678901", "out of range"),  # beyond id_limits
        (ids.oclc, "10450000000", None),
        (ids.pmc, "PMC3956132", None),
        (ids.pmc, "0", "out of range"),
        (ids.s2cid, "4420929", None),
        (ids.s2cid, "0123", "not a number"),
        (ids.lccn, "n78-89035", None),
        (ids.lccn, "n78 89035", "contains a space"),
        (ids.arxiv, "1501.00001", None),
        (ids.arxiv, "0704.0001v2", None),
        (ids.arxiv, "hep-th/9901001", None),
        (ids.arxiv, "0613.1234", "invalid date"),
        (ids.jstor, "2245645", None),
        (ids.jstor, "JSTOR 2245645", "invalid form"),
        (ids.asin, "B000FA5QHW", None),
        (ids.asin, "0198526636", "is an ISBN-10; use |isbn="),
        (ids.ol, "OL7353617M", None),
        (ids.zbl, "0538.14023", None),
        (ids.mr, "MR123", None),
        (ids.biorxiv, "10.1101/078733", None),
        (ids.citeseerx, "10.1.1.176.341", None),
    ],
)
def test_validators(validator, value: str, why: str | None) -> None:
    assert validator(value) == why


def test_bibcode_year_is_checked_against_today() -> None:
    assert ids.bibcode("2013Natur.500..541D", dt.date(2020, 1, 1)) is None
    assert ids.bibcode("2025Natur.500..541D", dt.date(2020, 1, 1)) == "year"
    assert ids.bibcode("10.1364/AO.47.004981") == "length"
    assert ids.bibcode("2013A&.J..500..541D") == "journal"


def test_limits_come_from_the_data() -> None:
    assert ids.s2cid("246777087") is None  # an S2CID of 2022
    assert ids.s2cid("999999999999") == "out of range"
    assert ids.osti("1017") == "out of range"  # below the lowest known OSTI


@pytest.mark.parametrize(
    ("params", "year"),
    [
        ({"year": "1960"}, "1960"),
        ({"date": "1964"}, "1964"),
        ({"date": "c. 1960"}, "1960"),
        ({"date": "1960–1970"}, "1960"),
        ({"date": "1960a"}, "1960"),
        ({"date": "960"}, "960"),
        ({"publication-date": "May 1960"}, "1960"),
        ({"date": "1960", "year": "2010"}, "1960"),  # |year= beside |date= does not count
        ({"date": "2010", "year": "1960"}, None),
        ({"date": "Foo 1960", "year": "1960"}, None),  # an invalid |date= gives no year
        ({"date": "1960-13-05"}, None),
        ({"date": "n.d."}, None),
        ({"date": "1965"}, None),
        ({}, None),
    ],
)
def test_isbn_date_conflict(params: dict[str, str], year: str | None) -> None:
    c = from_params({"title": "T", "isbn": "978-0-470-09095-4", **params}, "book")
    assert ids.isbn_date_conflict(c, dt.date(2026, 1, 1)) == year


TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("validator", "value", "why"),
    [
        (ids.biorxiv, "10.1101/078733", None),
        (ids.biorxiv, "10.1101/2019.12.11.123456", None),
        (ids.biorxiv, "10.1101/2019.12.10.123456", "invalid date"),
        (ids.biorxiv, "10.64898/2025.12.15.123456v3", None),
        (ids.biorxiv, "10.1101/2021.02.31.123456", None),  # PHP rolls over to 3 March
        (ids.biorxiv, "10.1101/2021.00.10.123456", None),  # month 0: December 2020
        (ids.biorxiv, "10.1101/2020.00.10.123456", "invalid date"),  # 2019-12-10
        (ids.biorxiv, "10.1101/2021.13.01.123456", "invalid date"),
        (ids.biorxiv, "10.1101/2021.12.32.123456", "invalid date"),
        (ids.biorxiv, "10.1101/2026.12.04.123456", None),  # tomorrow
        (ids.biorxiv, "10.1101/2026.12.05.123456", "invalid date"),
        (ids.biorxiv, "10.1101/2020.01.01.12345678", "invalid form"),
        (ids.medrxiv, "12345678", None),
        (ids.medrxiv, "10.1101/2020.01.01.12345678v2", None),
        (ids.medrxiv, "10.1101/2020.01.01.123456", "invalid form"),
        (ids.medrxiv, "1234567", "invalid form"),
    ],
)
def test_rxiv(validator, value: str, why: str | None) -> None:
    assert validator(value, TODAY) == why


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("abc@example.com", None),
        ("a@b", None),
        ("<abc@example.com>", "angle brackets"),
        ("abc@example.com>", "angle brackets"),
        ("abc", "no @"),
        ("@x", "no @"),
    ],
)
def test_message_id(value: str, why: str | None) -> None:
    assert ids.message_id(value) == why


def test_asin_sites() -> None:
    assert {"us", "co.uk", "z.cn", "com.tr"} <= ids.ASIN_TLDS
    assert "at" not in ids.ASIN_TLDS and "UK" not in ids.ASIN_TLDS
