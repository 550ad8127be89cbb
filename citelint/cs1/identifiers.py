"""Identifier checks as Module:Citation/CS1/Identifiers makes them.

Checksums (ISBN-10/13, SBN, ISSN, ISMN) come from python-stdnum; the rules around them are
CS1's where they differ: CS1 allows only digits, hyphens, spaces and a final ``X`` in an
ISBN, refuses the ``630``/``631`` Amazon prefixes and ``9790`` (an ISMN range) as ISBNs,
and checks sequential identifiers (PMID, PMC, S2CID, OSTI, RFC, SSRN) against upper
limits (``id_limits`` in ``citelint/data/cs1-config.json``, to be raised as more are issued).

Each validator returns None when the value is fine, else a short reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from stdnum import isbn as std_isbn
from stdnum import ismn as std_ismn
from stdnum import issn as std_issn
from stdnum.exceptions import ValidationError

from citelint.cs1.data import config
from citelint.cs1.dates import citation_dates
from citelint.cs1.model import Citation

_ISBN_CHARS = re.compile(r"[^\s\-0-9X]")
_SPACE_DASH = re.compile(r"[\s-]")

Validator = Callable[[str], "str | None"]


def _checksum_ok(module: object, number: str) -> bool:
    try:
        module.validate(number)  # type: ignore[attr-defined]
    except ValidationError:
        return False
    return True


def isbn(value: str) -> str | None:
    if _ISBN_CHARS.search(value):
        return "invalid character"
    digits = _SPACE_DASH.sub("", value)
    if len(digits) not in (10, 13):
        return "length"
    if len(digits) == 10:
        if not re.fullmatch(r"[0-9]*X?", digits):
            return "invalid form"
        if not _checksum_ok(std_isbn, digits):
            return "checksum"
        if digits.startswith(("630", "631")):
            return "invalid group id"
        return None
    if not digits.isdigit():
        return "invalid character"
    if not digits.startswith(("978", "979")):
        return "invalid prefix"
    if digits.startswith("9790"):
        return "invalid group id"
    return None if _checksum_ok(std_isbn, digits) else "checksum"


def sbn(value: str) -> str | None:
    if _ISBN_CHARS.search(value):
        return "invalid character"
    digits = _SPACE_DASH.sub("", value)
    if len(digits) != 9:
        return "length"
    if not re.fullmatch(r"[0-9]*X?", digits):
        return "invalid form"
    return None if _checksum_ok(std_isbn, "0" + digits) else "checksum"


def issn(value: str) -> str | None:
    digits = _SPACE_DASH.sub("", value)
    if len(digits) != 8 or not re.fullmatch(r"[0-9]*X?", digits):
        return "invalid form"
    return None if _checksum_ok(std_issn, digits) else "checksum"


def ismn(value: str) -> str | None:
    digits = _SPACE_DASH.sub("", value)
    if len(digits) != 13 or not re.fullmatch(r"9790[0-9]*", digits):
        return "invalid form"
    return None if _checksum_ok(std_ismn, digits) else "checksum"


_DOI = re.compile(r"10\.([^/]+)/[^\s\u2013]*?[^.,]\Z")
_BAD_REGISTRANT = tuple(
    re.compile(p)
    for p in (
        r"[^1-3][0-9]{4}\.[0-9]+\Z",
        r"[^1-8][0-9]{4}\Z",
        r"[^1-9][0-9]{3}\.[0-9]+\Z",
        r"[^1-9][0-9]{3}\Z",
        r"[0-9]{6,}",
        r"[0-9]{1,3}\Z",
        r"[0-9]{1,2}\.[0-9.]+",
        r"5555\Z",
        r".*[^0-9.]",
    )
)


def doi(value: str) -> str | None:
    m = _DOI.match(value)
    if m is None:
        return "invalid form"
    registrant = m.group(1)
    if any(p.match(registrant) for p in _BAD_REGISTRANT):
        return "invalid registrant"
    return None


def _limited(name: str, low: int = 1) -> Validator:
    def check(value: str) -> str | None:
        if not value.isascii() or not value.isdigit():
            return "not a number"
        n = int(value)
        limit = config()["id_limits"].get(name)
        if n < low or (limit is not None and n > limit):
            return "out of range"
        return None

    return check


def pmc(value: str) -> str | None:
    m = re.fullmatch(r"(?:[Pp][Mm][Cc])?([0-9]+)", value)
    if m is None:
        return "not a number"
    return _limited("pmc")(m.group(1))


def s2cid(value: str) -> str | None:
    if not re.fullmatch(r"[1-9][0-9]*", value):
        return "not a number"
    return _limited("s2cid")(value)


def ssrn(value: str) -> str | None:
    return _limited("ssrn", 100)(value)


def osti(value: str) -> str | None:
    return _limited("osti", 1018)(value)


def oclc(value: str) -> str | None:
    if re.fullmatch(r"ocm[0-9]{8}|ocn[0-9]{9}|on[0-9]{10,}", value):
        return None
    m = re.fullmatch(r"\(OCoLC\)([1-9][0-9]*)", value)
    if m is not None:
        return None if len(m.group(1)) <= 9 else "too long"
    if re.fullmatch(r"[0-9]+", value):
        limit = config()["id_limits"].get("oclc")
        return None if limit is None or int(value) <= limit else "out of range"
    return "invalid form"


def lccn(value: str) -> str | None:
    if re.search(r"\s", value):
        return "contains a space"
    v = value.split("/", 1)[0]
    if "-" in v:
        prefix, _, suffix = v.rpartition("-")
        v = prefix + suffix.rjust(6, "0")
    n = len(v)
    ok = (
        (n == 8 and v.isdigit())
        or (n == 9 and re.fullmatch(r"[a-z][0-9]{8}", v) is not None)
        or (n == 10 and (v.isdigit() or re.match(r"[a-z]{2}[0-9]{8}", v) is not None))
        or (n == 11 and re.match(r"[a-z]{3}[0-9]{8}|[a-z][0-9]{10}", v) is not None)
        or (n == 12 and re.match(r"[a-z]{2}[0-9]{10}", v) is not None)
    )
    return None if ok else "invalid form"


def arxiv(value: str) -> str | None:
    m = re.fullmatch(r"[A-Za-z][A-Za-z.\-]+/([90][0-9])([01][0-9])[0-9]{3}(?:v[0-9]+)?", value)
    if m is not None:
        y, mo = int(m.group(1)), int(m.group(2))
        bad = (
            not (y > 90 or y < 8)
            or not 1 <= mo <= 12
            or (y == 91 and mo < 7)
            or (y == 7 and mo > 3)
        )
        return "invalid date" if bad else None
    m = re.fullmatch(r"([0-9]{2})([01][0-9])\.[0-9]{4}(?:v[0-9]+)?", value)
    if m is not None:
        y, mo = int(m.group(1)), int(m.group(2))
        bad = y < 7 or y > 14 or not 1 <= mo <= 12 or (y == 7 and mo < 4)
        return "invalid date" if bad else None
    m = re.fullmatch(r"([0-9]{2})([01][0-9])\.[0-9]{5}(?:v[0-9]+)?", value)
    if m is not None:
        y, mo = int(m.group(1)), int(m.group(2))
        return "invalid date" if y < 15 or not 1 <= mo <= 12 else None
    return "invalid form"


def bibcode(value: str, today: dt.date | None = None) -> str | None:
    if len(value) != 19:
        return "length"
    m = re.fullmatch(r"([0-9]{4})[A-Za-z][A-Za-z0-9&.]{3}[A-Za-z0-9.]+[A-Za-z.]", value)
    if m is None:
        return "value"
    year = int(m.group(1))
    next_year = (today or dt.date.today()).year + 1
    if year < 1000 or year > next_year:
        return "year"
    if "&." in value:
        return "journal"
    return None


def jstor(value: str) -> str | None:
    if re.search(r"[Jj][Ss][Tt][Oo][Rr]", value) or value.startswith(("http://", "https://")):
        return "invalid form"
    return "contains a space" if re.search(r"\s", value) else None


def ol(value: str) -> str | None:
    return None if re.fullmatch(r"(?:OL)?[0-9]+[AMW]", value) else "invalid form"


def hdl(value: str) -> str | None:
    return None if re.fullmatch(r"[^\s\u2013]*?/[^\s\u2013]*?[^.,]", value) else "invalid form"


def mr(value: str) -> str | None:
    m = re.fullmatch(r"(?:[Mm][Rr])?([0-9]+)", value)
    return None if m is not None and len(m.group(1)) <= 7 else "invalid form"


def zbl(value: str) -> str | None:
    if re.fullmatch(r"[0-9]{8}|[0-9]{0,3}[0-9]\.[0-9]{5}", value):
        return None
    return "invalid form"


def jfm(value: str) -> str | None:
    m = re.fullmatch(r"(?:[Jj][Ff][Mm])?([0-9]{2}\.[0-9]{4}\.[0-9]{2})", value)
    return None if m is not None else "invalid form"


def asin(value: str) -> str | None:
    if not re.fullmatch(r"[0-9A-Z]{10}", value):
        return "invalid form"
    if re.fullmatch(r"[0-9]{9}[0-9X]", value):
        if _checksum_ok(std_isbn, value):
            return None if value.startswith(("630", "631")) else "is an ISBN-10; use |isbn="
        return "invalid form"
    return None if re.fullmatch(r"[A-Z][0-9A-Z]+", value) else "invalid form"


def citeseerx(value: str) -> str | None:
    ok = re.fullmatch(r"10\.1\.1\.[1-9][0-9]{0,3}\.[1-9][0-9]{0,3}", value)
    return None if ok else "invalid form"


#: the first day bioRxiv and medRxiv identifiers may carry (CS1's 'b' limit, 2019-12-11)
RXIV_FIRST_DAY = dt.date(2019, 12, 11)


def _rxiv_date_ok(y: int, m: int, d: int, today: dt.date) -> bool:
    """CS1's is_valid_rxiv_date: the date encoded in the identifier, read the way PHP reads
    ``YYYY-MM-DD`` (month 0–12 and day 0–31, overflowing into the next or previous month),
    on or after 2019-12-11 and not after tomorrow."""
    if not (0 <= m <= 12 and 0 <= d <= 31):
        return False
    year, month = (y - 1, 12) if m == 0 else (y, m)
    day = dt.date(year, month, 1) + dt.timedelta(days=d - 1)
    return RXIV_FIRST_DAY <= day < today + dt.timedelta(days=2)


def _rxiv(value: str, digits: int, today: dt.date | None) -> str | None:
    """The dated form: ``10.1101/`` (or, since December 2025, ``10.64898/``), a date
    ``YYYY.MM.DD.``, ``digits`` digits and an optional version."""
    m = re.fullmatch(
        rf"10\.(?:1101|64898)/(20[0-9]{{2}})\.([0-9]{{2}})\.([0-9]{{2}})\.[0-9]{{{digits}}}"
        r"(?:v[0-9]+)?",
        value,
    )
    if m is None:
        return "invalid form"
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None if _rxiv_date_ok(y, mo, d, today or dt.date.today()) else "invalid date"


def biorxiv(value: str, today: dt.date | None = None) -> str | None:
    if re.fullmatch(r"10\.1101/[0-9]{6}", value):
        return None  # the simple form, before 2019-12-11
    return _rxiv(value, 6, today)


def medrxiv(value: str, today: dt.date | None = None) -> str | None:
    if re.fullmatch(r"[0-9]{8}", value):
        return None  # the simple form
    return _rxiv(value, 8, today)


def message_id(value: str) -> str | None:
    """A Usenet Message-ID (``|message-id=``): something@something, without the angle
    brackets."""
    if re.fullmatch(r".+@.+", value, re.S) is None:
        return "no @"
    if re.fullmatch(r"[^<].*[^>]", value, re.S) is None:
        return "angle brackets"
    return None


#: the |asin-tld= values CS1 knows (Amazon sites), besides an empty one
ASIN_TLDS = frozenset(
    [
        "us",
        "jp",
        "uk",
        "z.cn",
        "au",
        "br",
        "mx",
        "sg",
        "tr",
        "ae",
        "ca",
        "cn",
        "de",
        "es",
        "fr",
        "in",
        "it",
        "nl",
        "pl",
        "sa",
        "se",
        "co.jp",
        "co.uk",
        "com",
        "com.au",
        "com.br",
        "com.mx",
        "com.sg",
        "com.tr",
    ]
)

#: identifiers whose check CS1's accept-as-written markup ((…)) switches off; the others
#: are checked without the markup
ACCEPTS_AS_WRITTEN = frozenset(["bibcode", "doi", "isbn", "issn", "eissn", "sbn"])


#: identifier (keys of ``identifiers`` in cs1-config.json) -> (validator, display name);
#: the CS1 key is ``bad_<identifier>`` (``bad_issn`` for eISSN too)
VALIDATORS: dict[str, tuple[Validator, str]] = {
    "isbn": (isbn, "ISBN"),
    "sbn": (sbn, "SBN"),
    "issn": (issn, "ISSN"),
    "eissn": (issn, "eISSN"),
    "ismn": (ismn, "ISMN"),
    "doi": (doi, "DOI"),
    "pmid": (_limited("pmid"), "PMID"),
    "pmc": (pmc, "PMC"),
    "s2cid": (s2cid, "S2CID"),
    "ssrn": (ssrn, "SSRN"),
    "osti": (osti, "OSTI"),
    "rfc": (_limited("rfc"), "RFC"),
    "oclc": (oclc, "OCLC"),
    "lccn": (lccn, "LCCN"),
    "arxiv": (arxiv, "arXiv"),
    "bibcode": (bibcode, "bibcode"),
    "jstor": (jstor, "JSTOR"),
    "ol": (ol, "OL"),
    "hdl": (hdl, "HDL"),
    "mr": (mr, "MR"),
    "zbl": (zbl, "Zbl"),
    "jfm": (jfm, "JFM"),
    "asin": (asin, "ASIN"),
    "citeseerx": (citeseerx, "CiteSeerX"),
    "biorxiv": (biorxiv, "bioRxiv"),
    "medrxiv": (medrxiv, "medRxiv"),
    "usenetid": (message_id, "Message-ID"),
}


#: CS1 reports an ISBN in a citation dated before this year (``invalid_isbn_date``): the
#: ISBN standard (and the SBN before it) did not exist yet
ISBN_FIRST_YEAR = 1965
_ANCHOR_DIGITS = re.compile(r"[0-9]{3,4}")


def isbn_date_conflict(c: Citation, today: dt.date | None = None) -> str | None:
    """The year of a citation that predates ISBNs (CS1's ``invalid_isbn_date``), else None.

    CS1 hands its isbn check the CITEREF year of ``|date=`` (or of ``|year=`` /
    ``|publication-date=`` promoted to the date when ``|date=`` is unset), only when that
    date is valid; its first three or four digits are compared with 1965. A ``|year=`` set
    beside a ``|date=`` plays no part. When the year is earlier, CS1 reports this instead of
    checking the ISBN itself."""
    checks, _ = citation_dates(c, today or dt.date.today())
    for d in checks:
        if d.param != "date":
            continue
        if d.info is None:
            return None
        m = _ANCHOR_DIGITS.search(d.info.anchor_year)
        if m is not None and int(m.group(0)) < ISBN_FIRST_YEAR:
            return m.group(0)
        return None
    return None
