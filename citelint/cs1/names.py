"""Name-list checks of Module:Citation/CS1: et al. in a name, several names in one field,
editor annotations in author names, names without letters, generic names, Vancouver style.

:func:`name_issues` returns every issue of a citation once; CITE013 reports them and the
SFN rules can read the same name lists from :meth:`Citation.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from citelint.cs1.data import compiled, config, matcher
from citelint.cs1.model import Arg, Citation, has_name_slot, name_lists_present

LISTS = ("AuthorList", "EditorList", "ContributorList", "InterviewerList", "TranslatorList")
#: how CS1 names the lists in its maintenance categories
LIST_LABEL = {
    "AuthorList": "authors",
    "EditorList": "editors",
    "ContributorList": "contributors",
    "InterviewerList": "interviewers",
    "TranslatorList": "translators",
}
_V = {"AuthorList": ("Vauthors", "Authors"), "EditorList": ("Veditors", None)}

_ACCEPT = re.compile(r"\(\((.+)\)\)\Z", re.S)
_UPPER2 = re.compile(r"[A-Z]?[A-Z]\Z")
_VANC_OK = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u01bf\u01c4-\u024f\\-\\s']*\\Z")
_VANC_FIRST_OK = re.compile(
    "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u01bf\u01c4-\u024f\\-\\s'.]*\\Z"
)
_SUFFIX = re.compile(r"(?:Jr|Sr|Jnr|Snr|1st|2nd|3rd|[0-9]th)\Z")
_MISSING_COMMA = re.compile(r"[A-Za-z]+\s+[A-Z]+\s+[A-Za-z]+")
_SPACED_INITIALS = re.compile(r" [A-Z] [A-Z]\Z")
# <nowiki>…</nowiki> reaches CS1 as an opaque strip marker
_STRIP_MARKER = "\x7f'\"`UNIQ--nowiki-00000000-QINU`\"'\x7f"
_NOWIKI = re.compile(r"<nowiki\s*>.*?</nowiki\s*>|<nowiki\s*/>", re.S | re.I)


@dataclass(frozen=True)
class NameIssue:
    """A CS1 name-list message for one citation."""

    key: str  # etal, first_missing_last, missing_name, vancouver, generic_name, mult_names…
    maint: bool
    arg: Arg | None
    list_name: str
    detail: str = ""


def _accept(value: str) -> tuple[str, bool]:
    m = _ACCEPT.match(value)
    return (m.group(1), True) if m else (value, False)


def strip_etal(value: str) -> tuple[str, bool]:
    """Remove "et al." variants like CS1 does; True when one was found."""
    if _any_of("et_al").search(value) is None:
        return value, False
    found = False
    for p in compiled("et_al"):
        if p.search(value):
            value = p.sub("", value)
            found = True
    return value, found


def has_mult_names(value: str) -> bool:
    commas = value.count(",")
    semicolons = value.count(";") - value.count("&nbsp;")
    return commas > 1 or semicolons > 0


def has_editor_markup(value: str) -> bool:
    return _any_of("editor_markup").search(value) is not None


@lru_cache(maxsize=8)
def _any_of(key: str) -> re.Pattern[str]:
    """One alternation of the regex list ``key``: a single scan instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in config()[key]))


def is_numeric(value: str) -> bool:
    return bool(value) and not any(ch.isalpha() for ch in value)


def is_generic(value: str) -> bool:
    """A generic name (``|author=Facebook``, ``Site name``…) per CS1's list."""
    if matcher("generic_names", "accept")(value):
        return False
    return matcher("generic_names", "reject")(value)


def _source(c: Citation, list_name: str) -> int:
    """CS1's select_author_editor_source: 1 numbered names, 2 |vauthors=, 3 |authors=."""
    if has_name_slot(c, list_name, ("Last", "First"), (1, 2)):
        return 1
    v_meta, plain_meta = _V.get(list_name, (None, None))
    if v_meta and c.first_set(v_meta) is not None:
        return 2
    if plain_meta and c.first_set(plain_meta) is not None:
        return 3
    return 1


def last_names(c: Citation, list_name: str) -> list[str]:
    """The last names of a name list in order, as CS1 reads them for the CITEREF anchor: the
    ``|last1=``, ``|last2=``… of :meth:`Citation.names` (each position's preferred alias), or
    the surnames of ``|vauthors=``/``|veditors=`` when CS1 takes the list from there."""
    v = _V.get(list_name)
    if v is not None and _source(c, list_name) == 2:
        arg = c.first_set(v[0])
        return vancouver_last_names(arg.value) if arg is not None else []
    if list_name not in name_lists_present(c):
        return []
    return [e.last.value for e in c.names(list_name) if e.last is not None]


def vancouver_last_names(value: str) -> list[str]:
    """The surnames of a Vancouver list, up to "et al.": ``Smith AB, Jones C, et al.`` →
    Smith, Jones; an accepted ``((…))`` name is taken whole."""
    out = []
    for part in value.split(","):
        part = part.strip()
        if not part or part.lower().rstrip(".") in ("et al", "etal"):
            break
        name, accepted = _accept(part)
        out.append(name if accepted else part.rsplit(" ", 1)[0])
    return out


def name_issues(c: Citation, *, generic: bool = True) -> list[NameIssue]:
    """Every name-list message CS1 gives for a citation (maintenance ones once per list)."""
    key = f"name_issues:{generic}"
    cached = c.cache.get(key)
    if cached is not None:
        return cached
    out: list[NameIssue] = []
    maint_seen: set[str] = set()  # CS1 adds each maintenance category once per citation
    generic_seen = False
    present = name_lists_present(c)
    for list_name in LISTS:
        if list_name not in present:
            if list_name in _V and _source(c, list_name) == 2:
                out.extend(_vancouver(c.first_set(_V[list_name][0]), list_name))
            continue
        if list_name == "ContributorList" and (
            c.cls not in ("book", "citation") or c.first_set("Periodical") is not None
        ):
            continue
        source = _source(c, list_name) if list_name in _V else 1
        if source == 2:
            v_meta = _V[list_name][0]
            out.extend(_vancouver(c.first_set(v_meta), list_name))
            continue
        if source == 3:
            continue
        label = LIST_LABEL[list_name]
        for kind, arg, position in c.name_problems(list_name):
            if kind == "first_missing_last" and arg is not None:
                detail = f"|{arg.name}= has no |last{position}="
            else:
                detail = f"{label[:-1]} {position} missing"
            out.append(NameIssue(kind, False, arg, list_name, detail))
        for entry in c.names(list_name):
            for arg, is_last in ((entry.last, True), (entry.first, False)):
                if arg is None or arg.opaque:
                    continue
                value = (
                    _NOWIKI.sub(_STRIP_MARKER, arg.value) if "<nowiki" in arg.value else arg.value
                )
                value, etal = strip_etal(value)
                if etal:
                    out.append(NameIssue("etal", False, arg, list_name))
                value, accepted = _accept(value)
                if accepted:
                    continue
                checks = []
                if is_last and has_mult_names(value):
                    checks.append("mult_names")
                elif has_editor_markup(value):
                    # one defect, one finding: a list of names is not also "extra text"
                    checks.append("extra_text_names")
                if is_numeric(value.strip()):
                    checks.append("numeric_names")
                for check in checks:
                    if check not in maint_seen:
                        maint_seen.add(check)
                        out.append(NameIssue(f"{check}/{label}", True, arg, list_name))
                if (
                    generic
                    and not generic_seen
                    and "extra_text_names" not in checks
                    and is_generic(value)
                ):
                    generic_seen = True
                    out.append(NameIssue("generic_name", False, arg, list_name))
    c.cache[key] = out
    return out


def _vancouver(arg: Arg | None, list_name: str) -> list[NameIssue]:
    """The Vancouver-style checks of ``|vauthors=``/``|veditors=`` (one message per list)."""
    if arg is None or arg.opaque:
        return []
    value, _ = strip_etal(arg.value)
    names = [n for n in re.split(r"\s*,\s*", value) if n]
    for i, raw in enumerate(names, 1):
        name, accepted = _accept(raw)
        if accepted or raw.startswith("(("):
            continue
        if "[[" in name:
            name = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", name)
        why = _vanc_problem(name)
        if why:
            return [NameIssue("vancouver", False, arg, list_name, f"{why} in name {i}")]
    return []


def _vanc_problem(name: str) -> str:
    if not re.search(r"\s", name):
        return "" if _VANC_OK.match(name) else "non-Latin character"
    if re.search(r"[;.]", name):
        return "punctuation"
    parts = name.split()
    first = parts.pop()
    suffix = ""
    if not re.fullmatch(r"[A-Z]+", first):
        suffix = first
        first = parts.pop() if parts else ""
    last = " ".join(parts)
    if not last:
        return "name"
    if _MISSING_COMMA.search(last):
        return "missing comma"
    if _SPACED_INITIALS.search(name):
        return "initials"
    if first and not _UPPER2.match(first):
        return "initials"
    if suffix and not _SUFFIX.match(suffix):
        return "suffix"
    if not _VANC_OK.match(last) or not _VANC_FIRST_OK.match(first):
        return "non-Latin character"
    return ""
