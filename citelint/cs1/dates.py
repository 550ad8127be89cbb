"""CS1 date validation (Module:Citation/CS1/Date_validation), offline.

Accepted are the formats of MOS:DATEFORMAT that CS1 accepts: ``2020-05-01``,
``1 May 2020``, ``May 1, 2020``, ``May 2020``, ``2020``, ranges with an en dash (or a
hyphen, which CS1 then converts), seasons and quarters (``Summer 2020``, only in
``|date=``), ``c. 1900`` and ``n.d.``. A date must be real (no 31 April, no 29 February
2019), at most one year ahead of today (two for ``|pmc-embargo-date=``), and an
``|access-date=`` a single full date between 2001-01-15 (Wikipedia's start) and tomorrow.

:func:`parse` returns a :class:`DateInfo` (the format, the parts) or None when CS1 would
reject the value; ``today`` is a parameter so tests can pin it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from citelint.cs1.model import Arg, Citation

MONTHS_LONG = {
    m: i + 1
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
MONTHS_SHORT = {
    m: i + 1
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )
}
SEASONS = {"Winter": 24, "Spring": 21, "Summer": 22, "Fall": 23, "Autumn": 23}
QUARTERS = {"First Quarter": 33, "Second Quarter": 34, "Third Quarter": 35, "Fourth Quarter": 36}
NAMED = {"Easter": 98, "Christmas": 99}

WIKIPEDIA_START = dt.date(2001, 1, 15)


def today_of(setting: str) -> dt.date:
    """A rule's ``today`` option (ISO date), or the real today when it is empty."""
    return dt.date.fromisoformat(setting) if setting else dt.date.today()


_ND = r"[^0-9]*?"  # Lua %D- (lazy non-digits)
_DASH = "[-\u2013]"
_P = {
    "ymd": re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z"),
    "Mdy": re.compile(rf"({_ND}) +([1-9][0-9]?), +(([0-9]{{3,4}})[A-Za-z]?)\Z"),
    "Md-dy": re.compile(rf"({_ND}) +([1-9][0-9]?){_DASH}([1-9][0-9]?), +(([0-9]{{4}})[A-Za-z]?)\Z"),
    "dMy": re.compile(rf"([1-9][0-9]?) +({_ND}) +(([0-9]{{3,4}})[A-Za-z]?)\Z"),
    "d-dMy": re.compile(rf"([1-9][0-9]?){_DASH}([1-9][0-9]?) +({_ND}) +(([0-9]{{4}})[A-Za-z]?)\Z"),
    "dM-dMy": re.compile(
        rf"([1-9][0-9]?) +({_ND}) +{_DASH} +([1-9][0-9]?) +({_ND}) +(([0-9]{{4}})[A-Za-z]?)\Z"
    ),
    "Md-Mdy": re.compile(
        rf"({_ND}) +([1-9][0-9]?) +{_DASH} +({_ND}) +([1-9][0-9]?), +(([0-9]{{4}})[A-Za-z]?)\Z"
    ),
    "dMy-dMy": re.compile(
        rf"([1-9][0-9]?) +({_ND}) +([0-9]{{4}}) +{_DASH} +([1-9][0-9]?) +({_ND}) +"
        rf"(([0-9]{{4}})[A-Za-z]?)\Z"
    ),
    "Mdy-Mdy": re.compile(
        rf"({_ND}) +([1-9][0-9]?), +([0-9]{{4}}) +{_DASH} +({_ND}) +([1-9][0-9]?), +"
        rf"(([0-9]{{4}})[A-Za-z]?)\Z"
    ),
    "My-My": re.compile(rf"({_ND}) +([0-9]{{4}}) +{_DASH} +({_ND}) +(([0-9]{{4}})[A-Za-z]?)\Z"),
    "M-My": re.compile(rf"({_ND}){_DASH}({_ND}) +(([0-9]{{4}})[A-Za-z]?)\Z"),
    "My": re.compile(r"([^0-9\u2013]*?) +(([0-9]{4})[A-Za-z]?)\Z"),
    "Sy4-y2": re.compile(rf"({_ND}) +(([0-9]{{2}})[0-9]{{2}}){_DASH}(([0-9]{{2}})[A-Za-z]?)\Z"),
    "Sy-y": re.compile(rf"({_ND}) +([0-9]{{4}}){_DASH}(([0-9]{{4}})[A-Za-z]?)\Z"),
    "y-y": re.compile(rf"([0-9]{{3,4}}){_DASH}(([0-9]{{3,4}})[A-Za-z]?)\Z"),
    "y4-y2": re.compile(rf"(([0-9]{{2}})[0-9]{{2}}){_DASH}(([0-9]{{2}})[A-Za-z]?)\Z"),
    "y": re.compile(r"(([0-9]{3,4})[A-Za-z]?)\Z"),
}
_CIRCA = re.compile(r"c\. ([1-9][0-9]{2,3})[A-Za-z]?\Z")
_ND_DATE = re.compile(r"(?:n\.d\.|nd)[A-Za-z]?\Z")
_YEAR_ONLY = re.compile(r"([1-9][0-9]{2,3})[A-Za-z]?\Z")


@dataclass(frozen=True)
class DateInfo:
    """A date CS1 accepts: its format key (``ymd``, ``dMy``, ``Mdy``, ``My``, ``y``…), the
    (first) year as written for CITEREF anchors, and the parsed parts (0 when absent)."""

    fmt: str
    anchor_year: str
    year: int = 0
    month: int = 0
    day: int = 0
    year2: int = 0
    month2: int = 0
    day2: int = 0


def month_number(name: str) -> int:
    return MONTHS_LONG.get(name) or MONTHS_SHORT.get(name) or 0


def _season(name: str, param: str) -> int:
    return SEASONS.get(name, 0) if param == "date" else 0


def _element(name: str, param: str) -> int:
    """Month, season, quarter or named date (the last three only in |date=)."""
    n = month_number(name)
    if n:
        return n
    if param != "date":
        return 0
    return SEASONS.get(name) or QUARTERS.get(re.sub(" +", " ", name)) or NAMED.get(name) or 0


def _same_style(m1: str, m2: str) -> bool:
    return (m1 in MONTHS_LONG and m2 in MONTHS_LONG) or (m1 in MONTHS_SHORT and m2 in MONTHS_SHORT)


def _month_season_range(a: str, b: str, param: str) -> bool:
    n1 = month_number(a)
    if n1 == 0:
        s1, s2 = _season(a, param), _season(b, param)
        return s1 != 0 and s2 != 0 and s1 != s2
    n2 = month_number(b)
    return n1 < n2 and _same_style(a, b)


def _valid_year(year: int | str, param: str, today: dt.date) -> bool:
    y = int(year)
    if param == "pmc-embargo-date":
        return y <= today.year + 2
    return y <= today.year + 1


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        if year < 1582:
            return 29 if year % 4 == 0 else 28
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _valid_date(year: int, month: int, day: int, param: str, today: dt.date) -> bool:
    if not _valid_year(year, param, today):
        return False
    if not 1 <= month <= 12:
        return False
    return day <= _days_in_month(year, month)


def check_date(value: str, param: str, today: dt.date) -> DateInfo | None:
    """CS1's ``check_date``: the parsed date, or None when CS1 rejects it."""
    y = m = d = y2 = m2 = d2 = 0
    anchor = ""
    fmt = ""
    # formats starting with a digit and with a month name never match the same value
    digit = value[:1].isdigit()
    if digit and (x := _P["ymd"].match(value)) is not None:
        fmt = "ymd"
        y, m, d = int(x[1]), int(x[2]), int(x[3])
        if m > 12 or m < 1 or y < 1582 or d == 0:
            return None
        anchor = x[1]
    elif not digit and (x := _P["Mdy"].match(value)) is not None:
        fmt = "Mdy"
        m, d, anchor, y = month_number(x[1]), int(x[2]), x[3], int(x[4])
        if m == 0:
            return None
    elif not digit and (x := _P["Md-dy"].match(value)) is not None:
        fmt = "Md-dy"
        d, d2 = int(x[2]), int(x[3])
        if d >= d2:
            return None
        m = month_number(x[1])
        if m == 0:
            return None
        anchor, y = x[4], int(x[5])
        m2, y2 = m, y
    elif digit and (x := _P["dMy"].match(value)) is not None:
        fmt = "dMy"
        d, m, anchor, y = int(x[1]), month_number(x[2]), x[3], int(x[4])
        if m == 0:
            return None
    elif digit and (x := _P["d-dMy"].match(value)) is not None:
        fmt = "d-dMy"
        d, d2 = int(x[1]), int(x[2])
        if d >= d2:
            return None
        m = month_number(x[3])
        if m == 0:
            return None
        anchor, y = x[4], int(x[5])
        m2, y2 = m, y
    elif digit and (x := _P["dM-dMy"].match(value)) is not None:
        fmt = "dM-dMy"
        if not _month_season_range(x[2], x[4], "") or not _valid_year(x[6], param, today):
            return None
        d, m, d2, m2 = int(x[1]), month_number(x[2]), int(x[3]), month_number(x[4])
        anchor, y = x[5], int(x[6])
        y2 = y
    elif not digit and (x := _P["Md-Mdy"].match(value)) is not None:
        fmt = "Md-Mdy"
        if not _month_season_range(x[1], x[3], param) or not _valid_year(x[6], param, today):
            return None
        m, d, m2, d2 = month_number(x[1]), int(x[2]), month_number(x[3]), int(x[4])
        anchor, y = x[5], int(x[6])
        y2 = y
    elif digit and (x := _P["dMy-dMy"].match(value)) is not None:
        fmt = "dMy-dMy"
        y, y2 = int(x[3]), int(x[7])
        if y2 <= y or not _valid_year(y2, param, today) or not _same_style(x[2], x[5]):
            return None
        d, m, d2, m2 = int(x[1]), month_number(x[2]), int(x[4]), month_number(x[5])
        anchor = x[6]
        if m == 0 or m2 == 0:
            return None
    elif not digit and (x := _P["Mdy-Mdy"].match(value)) is not None:
        fmt = "Mdy-Mdy"
        y, y2 = int(x[3]), int(x[7])
        if y2 <= y or not _valid_year(y2, param, today) or not _same_style(x[1], x[4]):
            return None
        m, d, m2, d2 = month_number(x[1]), int(x[2]), month_number(x[4]), int(x[5])
        anchor = x[6]
        if m == 0 or m2 == 0:
            return None
    elif not digit and (x := _P["Sy4-y2"].match(value)) is not None:
        fmt = "Sy4-y2"
        if x[1] not in ("Winter", "Summer"):
            return None
        y = int(x[2])
        y2 = int(x[3] + x[5])
        anchor = f"{x[2]}\u2013{x[4]}"
        if y2 - y != 1 or not _valid_year(y2, param, today):
            return None
        m = _season(x[1], param)
    elif not digit and (x := _P["Sy-y"].match(value)) is not None:
        fmt = "Sy-y"
        m = _season(x[1], param)
        if m not in (SEASONS["Winter"], SEASONS["Summer"]):
            return None
        y, y2 = int(x[2]), int(x[4])
        anchor = f"{x[2]}\u2013{x[3]}"
        if y2 - y != 1 or not _valid_year(y2, param, today):
            return None
    elif not digit and (x := _P["My-My"].match(value)) is not None:
        fmt = "My-My"
        y, y2 = int(x[2]), int(x[5])
        anchor = f"{x[2]}\u2013{x[4]}"
        if y >= y2 or not _valid_year(y2, param, today):
            return None
        if month_number(x[1]) and month_number(x[3]) and _same_style(x[1], x[3]):
            m, m2 = month_number(x[1]), month_number(x[3])
        elif _season(x[1], param) and _season(x[3], param):
            m, m2 = _season(x[1], param), _season(x[3], param)
        else:
            return None
    elif not digit and (x := _P["M-My"].match(value)) is not None:
        fmt = "M-My"
        if not _month_season_range(x[1], x[2], param) or not _valid_year(x[4], param, today):
            return None
        if month_number(x[1]):
            m, m2 = month_number(x[1]), month_number(x[2])
            if m == 0 or m2 == 0:
                return None
        else:
            m, m2 = _season(x[1], param), _season(x[2], param)
        anchor, y = x[3], int(x[4])
        y2 = y
    elif not digit and (x := _P["My"].match(value)) is not None:
        fmt = "My"
        anchor, y = x[2], int(x[3])
        if not _valid_year(y, param, today):
            return None
        m = _element(x[1], param)
        if m == 0:
            return None
    elif digit and (x := _P["y-y"].match(value)) is not None:
        fmt = "y-y"
        y, y2 = int(x[1]), int(x[3])
        anchor = f"{x[1]}\u2013{x[2]}"
        if y >= y2 or not _valid_year(y2, param, today):
            return None
    elif digit and (x := _P["y4-y2"].match(value)) is not None:
        fmt = "y4-y2"
        anchor = f"{x[1]}\u2013{x[3]}"
        if int(x[4]) < 13:
            return None  # 2003-05 might be May 2003
        y, y2 = int(x[1]), int(x[2] + x[4])
        if y >= y2 or not _valid_year(y2, param, today):
            return None
    elif digit and (x := _P["y"].match(value)) is not None:
        fmt = "y"
        anchor, y = x[1], int(x[2])
        if not _valid_year(y, param, today):
            return None
    else:
        return None

    if param == "access-date":
        if not (y and m and d) or y2 or m2 or d2:
            return None  # a single, whole date
        if not 1 <= m <= 12 or d > _days_in_month(y, m):
            return None
        day = dt.date(y, m, d)
        if day < WIKIPEDIA_START or day > today + dt.timedelta(days=1):
            return None
    elif param == "archive-date" and (not (y and m and d) or y2 or m2 or d2):
        return None  # an archived copy has a day: a single, whole date

    if y and m and d:
        if not y2 and not m2 and not d2:
            ok = _valid_date(y, m, d, param, today)
        elif not y2 and not m2:
            ok = _valid_date(y, m, d, param, today) and _valid_date(y, m, d2, param, today)
        elif not y2:
            ok = _valid_date(y, m, d, param, today) and _valid_date(y, m2, d2, param, today)
        else:
            ok = _valid_date(y, m, d, param, today) and (
                not (y2 and m2 and d2) or _valid_date(y2, m2, d2, param, today)
            )
        if not ok:
            return None
    return DateInfo(fmt, anchor, y, m, d, y2, m2, d2)


def check_param(value: str, param: str, today: dt.date) -> DateInfo | None:
    """CS1's ``dates()`` for one date-holding parameter (``param`` is the canonical name:
    ``date``, ``year``, ``access-date``, ``archive-date``, ``publication-date``,
    ``pmc-embargo-date``, ``doi-broken-date``, ``lay-date``)."""
    if value.startswith("c. "):
        m = _CIRCA.match(value)
        if m is not None and param in ("date", "year"):
            return DateInfo("circa", value, int(m[1])) if _valid_year(m[1], param, today) else None
    if param == "date" and _ND_DATE.match(value):
        return DateInfo("nd", value)
    if param == "year":
        m = _YEAR_ONLY.match(value)
        return DateInfo("y", value, int(m[1])) if m is not None else None
    info = check_date(value, param, today)
    if info is not None and param == "pmc-embargo-date" and info.fmt not in ("ymd", "Mdy", "dMy"):
        return None
    return info


_FAR = dt.date(9998, 1, 1)


def explain(value: str, param: str, today: dt.date) -> str:
    """Why CS1 rejects a date value (for messages)."""
    if param == "access-date":
        info = check_date(value, "date", _FAR)
        if info is None:
            return _shape_reason(value)
        if not (info.year and info.month and info.day) or info.year2 or info.month2 or info.day2:
            return "access-date needs a single, whole date"
        day = dt.date(info.year, info.month, info.day)
        if day < WIKIPEDIA_START:
            return "before Wikipedia existed (2001-01-15)"
        return "in the future"
    if (
        param == "archive-date"
        and check_date(value, "date", _FAR) is not None
        and check_param(value, param, _FAR) is None
    ):
        return "archive-date needs a single, whole date"
    if check_param(value, param, _FAR) is not None:
        return "more than a year in the future"
    if param == "year":
        return "|year= takes a year only"
    return _shape_reason(value)


def _shape_reason(value: str) -> str:
    m = _P["ymd"].match(value)
    if m is not None:
        return "no such day" if 1 <= int(m[2]) <= 12 else "no such month"
    m = _P["dMy"].match(value)
    if m is not None:
        return "no such day" if month_number(m[2]) else "unrecognised month"
    m = _P["Mdy"].match(value)
    if m is not None:
        return "no such day" if month_number(m[1]) else "unrecognised month"
    if _P["My"].match(value) is not None:
        return "unrecognised month or season"
    return "unrecognised format"


_YEAR_IN = re.compile(r"[0-9]{3,4}")


def year_date_mismatch(year: str, date: str) -> bool:
    """CS1's ``year_date_check``: True when ``|year=`` names none of ``|date=``'s years."""
    ym = re.search(r"([0-9]{3,4})", year)
    y = ym.group(1) if ym else None
    if re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date) and re.search(r"[0-9]{4}[A-Za-z]", year):
        return date[re.search(r"[0-9]{4}", date).start() :][:4] != year[:4]  # type: ignore[union-attr]
    two = re.search(r"([0-9]{3,4}).*?([0-9]{3,4})", date, re.S)
    if two is not None:
        return y not in (two.group(1), two.group(2))
    short = re.search(r"(([0-9]{2})[0-9]{2})[-\u2013]+([0-9]{2})", date)
    if short is not None:
        return y not in (short.group(1), short.group(2) + short.group(3))
    one = _YEAR_IN.search(date)
    if one is not None:
        return y != one.group(0)
    return True


@dataclass(frozen=True)
class DateCheck:
    """One date-holding argument of a citation and CS1's verdict on it."""

    arg: Arg
    param: str  # canonical name: date, year, access-date, …
    info: DateInfo | None  # None: CS1 rejects the value


# canonical date parameter -> meta-parameter of its aliases
_DATE_METAS = (
    ("access-date", "AccessDate"),
    ("archive-date", "ArchiveDate"),
    ("doi-broken-date", "DoiBroken"),
    ("pmc-embargo-date", "Embargo"),
    ("lay-date", "LayDate"),
)


def citation_dates(c: Citation, today: dt.date) -> tuple[list[DateCheck], bool]:
    """Every date CS1 validates in a citation, and whether ``|year=`` and ``|date=``
    disagree. Follows CS1's promotions: without ``|date=``, ``|year=`` (else
    ``|publication-date=``) is validated as the date. Values built by templates are
    skipped: they cannot be known offline."""
    key = ("dates", today)
    cached = c.cache.get(key)
    if cached is not None:
        return cached
    out: list[DateCheck] = []
    date = c.first_set("Date")
    year = c.first_set("Year")
    pub = c.first_set("PublicationDate")
    if date is None:
        if year is not None:
            date, year = year, None
        elif pub is not None:
            date, pub = pub, None
    if pub is not None and date is not None and pub.value == date.value:
        pub = None
    todo: list[tuple[str, Arg | None]] = [("date", date), ("year", year), ("publication-date", pub)]
    for param, meta in _DATE_METAS:
        todo.append((param, c.first_set(meta)))
    for param, a in todo:
        if a is None or a.opaque:
            continue
        out.append(DateCheck(a, param, check_param(a.value, param, today)))
    mismatch = (
        year is not None
        and date is not None
        and not year.opaque
        and not date.opaque
        and year_date_mismatch(year.value, date.value)
    )
    result = (out, mismatch)
    c.cache[key] = result
    return result


#: date formats by the order of day and month (MOS:DATEUNIFY); others are neutral
DMY_FORMATS = frozenset(["dMy", "d-dMy", "dM-dMy", "dMy-dMy"])
MDY_FORMATS = frozenset(["Mdy", "Md-dy", "Md-Mdy", "Mdy-Mdy"])


def order_of(info: DateInfo) -> str | None:
    """``dmy``, ``mdy`` or None (ISO, month-year, year: no day/month order)."""
    if info.fmt in DMY_FORMATS:
        return "dmy"
    if info.fmt in MDY_FORMATS:
        return "mdy"
    return None


def reformat(value: str, info: DateInfo, to: str) -> str | None:
    """``value`` rewritten in day-month (``dmy``) or month-day (``mdy``) order, keeping the
    month names as written; None when there is nothing to rewrite."""
    m = _P[info.fmt].match(value)
    if m is None:
        return None
    g = m.groups()
    nd = "\u2013"
    if to == "dmy":
        if info.fmt == "Mdy":
            return f"{g[1]} {g[0]} {g[2]}"
        if info.fmt == "Md-dy":
            return f"{g[1]}{nd}{g[2]} {g[0]} {g[3]}"
        if info.fmt == "Md-Mdy":
            return f"{g[1]} {g[0]} {nd} {g[3]} {g[2]} {g[4]}"
        if info.fmt == "Mdy-Mdy":
            return f"{g[1]} {g[0]} {g[2]} {nd} {g[4]} {g[3]} {g[5]}"
    elif to == "mdy":
        if info.fmt == "dMy":
            return f"{g[1]} {g[0]}, {g[2]}"
        if info.fmt == "d-dMy":
            return f"{g[2]} {g[0]}{nd}{g[1]}, {g[3]}"
        if info.fmt == "dM-dMy":
            return f"{g[1]} {g[0]} {nd} {g[3]} {g[2]}, {g[4]}"
        if info.fmt == "dMy-dMy":
            return f"{g[1]} {g[0]}, {g[2]} {nd} {g[4]} {g[3]}, {g[5]}"
    return None
