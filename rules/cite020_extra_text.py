from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.lua import compile_lua
from citelint.cs1.model import Arg, Citation
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem, Severity
from citelint.index import Index
from citelint.rule import Rule

# the |edition= test of the main module: "2nd ed.", "2nd Edn", "2nd edition"
_EDITION = (compile_lua("%f[%a][Ee]d%n?%.?$"), compile_lua("%f[%a][Ee]dition$"))
_ACCEPT = re.compile(r"\(\((.+)\)\)\Z", re.S)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# hyphen_to_dash (Module:Citation/CS1/Utilities), which CS1 applies to |pages= before the
# check: a range item becomes '<span class="nowrap">…' and an item in ((…)) loses the markup
_W, _A, _D = r"[^\W_]", r"[^\W\d_]", r"\d"
_DASH = r"\s*[—–-]\s*"
_RANGE = re.compile(rf"{_W}*[.\-]?{_W}+{_DASH}{_W}*[.\-]?{_W}+\Z")
_RANGE_SEP = tuple(
    re.compile(p)
    for p in (
        rf"{_A}+[.\-]{_D}+{_DASH}{_A}+[.\-]{_D}+\Z",
        rf"{_D}+[.\-]{_A}+{_DASH}{_D}+[.\-]{_A}+\Z",
        rf"{_D}+[.\-]{_D}+{_DASH}{_D}+[.\-]{_D}+\Z",
    )
)
_RANGE_PLAIN = tuple(
    re.compile(p)
    for p in (
        rf"{_D}+{_A}+{_DASH}{_D}+{_A}+\Z",
        rf"{_A}+{_D}+{_DASH}{_A}+{_D}+\Z",
        rf"{_D}+{_DASH}{_D}+\Z",
        rf"{_A}+{_DASH}{_A}+\Z",
    )
)


def _accept(value: str) -> tuple[str, bool]:
    m = _ACCEPT.match(value)
    return (m.group(1), True) if m else (value, False)


def hyphen_to_dash(value: str) -> str:
    """CS1's hyphen_to_dash, as far as the start of the value goes (all the page check
    reads): entities replaced, items split at commas and semicolons, ranges wrapped in
    spans, accept-as-written markup removed."""
    if not value:
        return value

    def protect(m: re.Match[str]) -> str:
        return m.group(0).replace(",", "，").replace(";", "；")

    s = re.sub(r"\(\(.*?\)\)", protect, value, flags=re.S)
    s = s.replace("&ndash;", "–").replace("&mdash;", "—").replace("&#45;", "-")
    s = s.replace("&nbsp;", " ")
    out = []
    for item in re.split(r"\s*[,;]\s*", s):
        item, accepted = _accept(item)
        if not accepted and _RANGE.match(item):
            if any(p.match(item) for p in _RANGE_SEP):
                item = re.sub(
                    rf"({_W}*[.\-]{_W}+){_DASH}({_W}*[.\-]{_W}+)",
                    r'<span class="nowrap">\1 –</span> <span class="nowrap">\2</span>',
                    item,
                )
            elif any(p.match(item) for p in _RANGE_PLAIN):
                item = re.sub(rf"({_W}+){_DASH}({_W}+)", r'<span class="nowrap">\1–</span>\2', item)
        out.append(item)
    joined, accepted = _accept(", ".join(out))
    if accepted:
        joined = _accept(s)[0]
    return joined.replace("，", ",").replace("；", ";")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    p = config()["vol_iss_pg_patterns"]
    return (
        compile_lua(p["good_ppattern"]),
        tuple(compile_lua(x) for x in p["bad_ppatterns"]),
        tuple(compile_lua(x) for x in p["vi_patterns_t"]),
    )


def page_has_extra_text(value: str) -> bool:
    """``p.``, ``pp``, ``pg.``, ``pages`` at the start of a page value (``P7``, a page of
    section P, is fine)."""
    good, bad, _ = _patterns()
    if good.match(value):
        return False
    return any(p.match(value) for p in bad)


def vol_iss_has_extra_text(value: str) -> bool:
    """``Vol.``, ``Volume``, ``No.``, ``Issue``, ``n°``, ``№``… at the start of a volume or
    issue (either in either; a plain ``v`` or ``n`` is allowed when no separator follows)."""
    _, _, vi = _patterns()
    value = _accept(value)[0].translate(_ASCII_LOWER)  # Lua's string.lower: ASCII only
    return any(p.match(value) for p in vi)


def _first(c: Citation, meta: str) -> Arg | None:
    """CS1's ``A[meta]``: the first set alias that the citation's template accepts."""
    wl = whitelist()
    for a in c.set_aliases(meta):
        if wl.valid(a.name, c.cls):
            return a
    return None


class ExtraText(Rule):
    """A volume, issue, page or edition that repeats its own label, such as
    ``|volume=Vol. 5``, ``|issue=No. 3``, ``|pages=pp. 12–15`` or ``|edition=2nd ed.``
    CS1 adds the label itself, so readers see it twice ("Vol. Vol. 5", "pp. pp. 12–15");
    CS1 says "|volume= has extra text". Write the bare value: ``|volume=5``,
    ``|pages=12–15``, ``|edition=2nd``.

    Keys: ``extra_text_volume``, ``extra_text_issue`` (either label in either parameter:
    ``|issue=Vol. 3`` is ``extra_text_issue``), ``extra_text_pages`` (``|page=``, ``|pages=``,
    and ``|quote-page=``/``|quote-pages=`` with a quotation), ``extra_text_edition``. As in
    CS1, a volume or issue is checked only where the template shows it, pages not in the
    templates without pages ({{cite AV media}}, {{cite episode}}, {{cite podcast}}…), and
    ``((…))`` does not silence the volume and issue checks. The patterns are CS1's
    (``vol_iss_pg_patterns`` in ``citelint/data/cs1-config.json``)."""

    code = "CITE020"
    name = "extra-text"
    severity = Severity.ERROR
    summary = "Volume, issue, page or edition repeats its label ('Vol.', 'pp.', 'ed.')"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#extra_text_volume"
    bad = "<ref>{{cite journal |title=T |journal=J |volume=Vol. 5 |pages=pp. 12–15}}</ref>"
    good = "<ref>{{cite journal |title=T |journal=J |volume=5 |pages=12–15}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        cfg = config()
        using_volume = frozenset(cfg["templates_using_volume"])
        using_issue = frozenset(cfg["templates_using_issue"])
        no_page = frozenset(cfg["templates_not_using_page"])
        for c in checked_citations(index):
            volume, issue = _volume_issue(c, using_volume, using_issue)
            for a, key in ((volume, "extra_text_volume"), (issue, "extra_text_issue")):
                if a is not None and not a.opaque and vol_iss_has_extra_text(a.value):
                    what = "volume" if key == "extra_text_volume" else "issue"
                    yield cs1_problem(
                        a.start,
                        a.end,
                        f"|{a.name}= has extra text: CS1 labels the {what} itself; give only "
                        "the number",
                        key,
                    )
            if c.cls not in no_page:
                yield from _pages(c)
            edition = _first(c, "Edition")
            if (
                edition is not None
                and not edition.opaque
                and any(p.search(edition.value) for p in _EDITION)
            ):
                yield cs1_problem(
                    edition.start,
                    edition.end,
                    f'|{edition.name}= has extra text: CS1 adds "ed." itself; give only '
                    'the edition ("2nd", "Revised")',
                    "extra_text_edition",
                )


def _volume_issue(
    c: Citation, using_volume: frozenset[str], using_issue: frozenset[str]
) -> tuple[Arg | None, Arg | None]:
    """The ``|volume=`` and ``|issue=`` CS1 shows (and checks) in this citation."""
    cls = c.cls
    periodical = _first(c, "Periodical")
    script_periodical = _first(c, "ScriptPeriodical")
    volume = issue = None
    if cls == "citation":
        if periodical is not None:
            shown = periodical.name not in config()["citation_no_volume"]
        elif script_periodical is not None:
            shown = script_periodical.name != "script-website"
        else:
            shown = True
        if shown:
            volume = _first(c, "Volume")
        if periodical is not None and periodical.name in config()["citation_issue"]:
            issue = _first(c, "Issue")
    else:
        if cls in using_volume:
            volume = _first(c, "Volume")
        if cls in using_issue and not (
            cls in ("conference", "map") and periodical is None and script_periodical is None
        ):
            issue = _first(c, "Issue")
    return volume, issue


def _pages(c: Citation) -> Iterator[Problem]:
    checks: list[tuple[Arg, str]] = []
    page, pages = _first(c, "Page"), _first(c, "Pages")
    if page is not None:
        checks.append((page, page.value))
    elif pages is not None:
        checks.append((pages, hyphen_to_dash(pages.value)))
    if any(_first(c, m) is not None for m in ("Quote", "TransQuote", "ScriptQuote")):
        quote_page, quote_pages = _first(c, "QuotePage"), _first(c, "QuotePages")
        if quote_page is not None:
            checks.append((quote_page, quote_page.value))
        elif quote_pages is not None:
            checks.append((quote_pages, hyphen_to_dash(quote_pages.value)))
    for a, value in checks:
        if not a.opaque and page_has_extra_text(value):
            yield cs1_problem(
                a.start,
                a.end,
                f'|{a.name}= has extra text: CS1 adds "p." or "pp." itself; give only the '
                "page numbers",
                "extra_text_pages",
            )
