"""Name-list checks of Module:Citation/CS1: et al. in a name, several names in one field,
names without letters, generic names (editor annotations such as "(ed.)" among them),
Vancouver style.

:func:`name_issues` returns every issue of a citation once; CITE013 reports them and the
SFN rules can read the same name lists from :meth:`Citation.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from citelint.cs1.data import PREPRINT_CLASSES, compiled, config, whitelist
from citelint.cs1.data import is_generic as data_is_generic
from citelint.cs1.model import Arg, Citation, has_name_slot, name_lists_present

#: the name lists in the order CS1 reads them (it reports one generic name per citation)
LISTS = ("AuthorList", "EditorList", "ContributorList", "TranslatorList", "InterviewerList")
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


def has_mult_names(value: str, limit: int = 1) -> bool:
    """CS1's mult_names test: more than ``limit`` commas (1 in a last name, "Smith, John";
    0 in a first name) or a semicolon that does not end an ``&nbsp;``."""
    commas = value.count(",")
    semicolons = value.count(";") - value.count("&nbsp;")
    return commas > limit or semicolons > 0


@lru_cache(maxsize=8)
def _any_of(key: str) -> re.Pattern[str]:
    """One alternation of the regex list ``key``: a single scan instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in config()[key]))


def is_numeric(value: str) -> bool:
    """CS1's ``numeric_names`` error: a name with no letter at all (``1947–2009``)."""
    return bool(value) and not any(ch.isalpha() for ch in value)


#: CS1's ``numeric_names`` maintenance message: digits mixed with other characters
_MIXED_DIGITS = re.compile(r"[^\d]+\d|[^\d]*\d+[^\d]+")


def has_mixed_digits(value: str) -> bool:
    return _MIXED_DIGITS.match(value) is not None


def is_generic(value: str) -> bool:
    """A generic name per CS1's ``generic_names`` list: not a person but a site, a role or an
    annotation (``Facebook``, ``Site name``, ``Author``, ``Editor``, ``Smith (ed.)``,
    ``Newsroom``…). An ``accept`` test (a wikilink to a "(author)" article) wins over the
    ``reject`` ones."""
    return data_is_generic("generic_names", value)


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


def split_v_names(value: str) -> list[str]:
    """The names of a ``|vauthors=``/``|veditors=`` value as CS1's get_v_name_table splits
    it: at commas, a ``((corporate, name))`` with commas in it kept whole."""
    parts = re.split(r"\s*,\s*", value)
    out = []
    i = 0
    while i < len(parts):
        name = parts[i]
        if _CORPORATE_START.match(name):
            while i + 1 < len(parts):
                i += 1
                name = f"{name}, {parts[i]}"
                if parts[i].endswith("))"):
                    break
        out.append(name)
        i += 1
    return out


_CORPORATE_START = re.compile(r"\(\(.*[^)][^)]\Z", re.S)


def vancouver_last_names(value: str) -> list[str]:
    """The surnames of a Vancouver list, up to "et al.": ``Smith AB, Jones C, et al.`` →
    Smith, Jones; an accepted ``((…))`` name is taken whole."""
    out = []
    for part in split_v_names(value):
        part = part.strip()
        if not part or part.lower().rstrip(".") in ("et al", "etal"):
            break
        name, accepted = _accept(part)
        out.append(name if accepted else part.rsplit(" ", 1)[0])
    return out


def name_issues(c: Citation, *, generic: bool = True) -> list[NameIssue]:
    """Every name-list message CS1 gives for a citation, in CS1's order: lists as CS1 reads
    them (authors, editors, contributors, translators, interviewers), names by position,
    the last name before the first. ``generic_name`` and the ``numeric_names`` error are
    reported once per citation (the first name that has them), and each maintenance
    message once."""
    key = f"name_issues:{generic}"
    cached = c.cache.get(key)
    if cached is not None:
        return cached
    state = _Seen(generic)
    out: list[NameIssue] = []
    present = name_lists_present(c)
    for list_name in LISTS:
        source = _source(c, list_name) if list_name in _V else 1
        if source == 2:
            v_meta = _V[list_name][0]
            out.extend(_vancouver(c.first_set(v_meta), list_name))
            continue
        if source == 3:
            # free-form |people=/|credits=: CS1 checks it only for "et al."
            people = c.first_set("Authors")
            if (
                people is not None
                and not people.opaque
                and whitelist().valid(people.name, c.cls)
                and strip_etal(people.value)[1]
            ):
                out.append(NameIssue("explicit_et_al", False, people, list_name))
            continue
        if list_name not in present:
            continue
        if list_name == "ContributorList" and (
            c.cls not in ("book", "citation") or c.first_set("Periodical") is not None
        ):
            continue  # CS1 does not read the list (CITE019: contributor_ignored)
        label = LIST_LABEL[list_name]
        rows: list[tuple[int, Arg | None, Arg | None]] = [
            (e.index, e.last, e.first) for e in c.names(list_name)
        ]
        for kind, arg, position in c.name_problems(list_name):
            if kind == "first_missing_last" and arg is not None:
                rows.append((position, None, arg))  # CS1 checks the first name all the same
        rows.sort(key=lambda r: r[0])
        if c.cls in PREPRINT_CLASSES:  # CS1 empties the parameters these templates lack
            rows = [(i, _valid_in(last, c.cls), _valid_in(first, c.cls)) for i, last, first in rows]
            rows = [r for r in rows if r[1] is not None or r[2] is not None]
        problems = {(kind, position): arg for kind, arg, position in c.name_problems(list_name)}
        for position, last, first in rows:
            for arg, is_last in ((last, True), (first, False)):
                if arg is not None and not arg.opaque:
                    out.extend(_name_checks(arg, is_last, list_name, label, state))
            if last is None and first is not None:
                detail = f"|{first.name}= has no |last{position}="
                out.append(NameIssue("first_missing_last", False, first, list_name, detail))
            elif ("missing_name", position - 1) in problems:
                arg = problems[("missing_name", position - 1)]
                detail = f"{label[:-1]} {position - 1} missing"
                out.append(NameIssue("missing_name", False, arg, list_name, detail))
    c.cache[key] = out
    return out


def _valid_in(arg: Arg | None, cls: str) -> Arg | None:
    return arg if arg is not None and whitelist().valid(arg.name, cls) else None


@dataclass
class _Seen:
    """What CS1 has already reported for a citation (its added_… flags)."""

    generic: bool  # check generic names at all
    generic_done: bool = False
    numeric_done: bool = False
    maint: set[str] = field(default_factory=set)


def _name_checks(
    arg: Arg, is_last: bool, list_name: str, label: str, seen: _Seen
) -> list[NameIssue]:
    """CS1's name_has_etal and name_checks for one ``|lastN=`` or ``|firstN=`` value."""
    out: list[NameIssue] = []
    value = _NOWIKI.sub(_STRIP_MARKER, arg.value) if "<nowiki" in arg.value else arg.value
    value, etal = strip_etal(value)
    if etal:
        out.append(NameIssue("explicit_et_al", False, arg, list_name))
    if not value:
        return out
    value, accepted = _accept(value)
    if accepted:
        return out
    if has_mult_names(value, 1 if is_last else 0):
        _maint(out, seen, "mult_names", arg, list_name, label)
    if not seen.numeric_done and is_numeric(value):
        seen.numeric_done = True
        out.append(NameIssue("numeric_names", False, arg, list_name))
    elif has_mixed_digits(value):
        _maint(out, seen, "numeric_names", arg, list_name, label)
    if seen.generic and not seen.generic_done and is_generic(value):
        seen.generic_done = True
        out.append(NameIssue("generic_name", False, arg, list_name))
    return out


def _maint(
    out: list[NameIssue], seen: _Seen, check: str, arg: Arg, list_name: str, label: str
) -> None:
    if check not in seen.maint:  # CS1 adds a maintenance category once per citation
        seen.maint.add(check)
        out.append(NameIssue(f"{check}/{label}", True, arg, list_name))


def _vancouver(arg: Arg | None, list_name: str) -> list[NameIssue]:
    """The Vancouver-style checks of ``|vauthors=``/``|veditors=`` (one message per list)."""
    if arg is None or arg.opaque:
        return []
    value, _ = strip_etal(arg.value)
    names = [n for n in split_v_names(value) if n]
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


#: the |display-…= meta-parameter of each name list
DISPLAY_PARAMS = {
    "AuthorList": "DisplayAuthors",
    "EditorList": "DisplayEditors",
    "ContributorList": "DisplayContributors",
    "TranslatorList": "DisplayTranslators",
    "InterviewerList": "DisplayInterviewers",
}
_ETAL_KEYWORD = re.compile(r"[ '.]")


def v_name_count(value: str) -> int:
    """How many names CS1 reads from ``|vauthors=``/``|veditors=`` (after "et al.")."""
    return len(split_v_names(strip_etal(value)[0]))


def name_count(c: Citation, list_name: str) -> int:
    """The number of names CS1 lists for ``list_name`` (``#a``, ``#e``… of the module)."""
    if list_name in _V:
        source = _source(c, list_name)
        if source == 2:
            arg = c.first_set(_V[list_name][0])
            return v_name_count(arg.value) if arg is not None else 0
        if source == 3:
            return 0
    if list_name not in name_lists_present(c):
        return 0
    count = len(c.names(list_name))
    if list_name == "ContributorList":
        if c.cls not in ("book", "citation") or c.first_set("Periodical") is not None:
            return 0
        chapter, script = c.first_set("Chapter"), c.first_set("ScriptChapter")
        contribution = (chapter is not None and chapter.name == "contribution") or (
            script is not None and script.name == "script-contribution"
        )
        if count and (not contribution or name_count(c, "AuthorList") == 0):
            return 0  # CS1 drops the contributors (contributor_missing_required_param)
    return count


def display_name_issues(c: Citation) -> list[NameIssue]:
    """CS1's ``disp_name``: a ``|display-authors=`` (… ``-editors=``, ``-contributors=``,
    ``-translators=``, ``-interviewers=``) that is neither ``etal`` nor a number smaller than
    the number of names. Not for a page with ``{{cs1 config}}``, whose settings win (the
    caller checks)."""
    out: list[NameIssue] = []
    wl = whitelist()
    for list_name in LISTS:
        arg = c.first_set(DISPLAY_PARAMS[list_name])
        if arg is None or arg.opaque or not wl.valid(arg.name, c.cls):
            continue
        value = arg.value
        if _ETAL_KEYWORD.sub("", value.lower()) == "etal":
            continue
        count = name_count(c, list_name)
        if value.isascii() and value.isdigit():
            if int(value) < count:
                continue
            if count == 0:
                detail = "there are no names to limit"
            else:
                names = "name" if count == 1 else "names"
                detail = f"not fewer than the {count} {names} listed; give a smaller number or etal"
        else:
            detail = "not a number or etal"
        out.append(NameIssue("disp_name", False, arg, list_name, detail))
    return out
