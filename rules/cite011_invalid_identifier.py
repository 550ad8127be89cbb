from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from citelint.cs1 import cs1_problem
from citelint.cs1.data import config, whitelist
from citelint.cs1.identifiers import (
    ACCEPTS_AS_WRITTEN,
    ASIN_TLDS,
    ISBN_FIRST_YEAR,
    VALIDATORS,
    isbn_date_conflict,
)
from citelint.cs1.model import Arg, Citation
from citelint.cs1.resolve import checked_citations
from citelint.finding import Problem
from citelint.index import Index
from citelint.rule import Rule

#: CS1 keys that are not ``bad_`` + the identifier
_KEYS = {"eissn": "bad_issn", "usenetid": "bad_message_id"}
_ACCEPT = re.compile(r"\(\((.+)\)\)\Z", re.S)


class InvalidIdentifier(Rule):
    """An identifier (ISBN, ISSN, DOI, PMID, PMC, arXiv, bibcode, OCLC, S2CID, JSTOR, LCCN,
    …) that cannot be right: a wrong check digit, a wrong length or form, a number beyond
    those issued so far. The reader's link leads nowhere; CS1 shows "Check |isbn= value".

    Checksums come from python-stdnum; CS1's own rules apply on top (only digits, hyphens,
    spaces and a final X in an ISBN; no 630/631 Amazon prefixes; 9790 is an ISMN; an
    ``|asin=`` that is an ISBN-10 belongs in ``|isbn=``; bioRxiv and medRxiv dates from
    2019-12-11 to tomorrow). A value wrapped in ``((…))`` (CS1's accept-as-written markup)
    silences the check of an ISBN, SBN, ISSN, DOI or bibcode for a known-bad printed
    number; CS1 checks the other identifiers inside the markup all the same. The old
    ``|ignore-isbn-error=yes`` no longer silences anything (CS1 ignores that parameter now).
    An identifier parameter the template does not take is left to CITE003.

    An ISBN in a citation dated before 1965 is reported as well: ISBNs did not exist then,
    so the date or the ISBN is wrong (often the ISBN of a later reprint on the original
    date; cite the reprint with ``|orig-date=``). CS1 takes the year of ``|date=`` (or of
    ``|year=`` when there is no ``|date=``) and reports this instead of checking the ISBN.
    CS1 hides this message from readers by default; it is still an error.

    Keys: ``bad_isbn``, ``bad_issn``, ``bad_doi``, ``bad_pmid``, ``bad_pmc``, ``bad_arxiv``,
    ``bad_bibcode``, ``bad_oclc``, ``bad_s2cid``, ``bad_jstor``, ``bad_lccn``, … (``bad_`` +
    the identifier; ``bad_message_id`` for ``|message-id=``), ``bad_asin_tld`` (an
    ``|asin-tld=`` that is no Amazon site CS1 knows) and ``invalid_isbn_date``. Upper
    limits of sequential identifiers are data (``id_limits``)."""

    code = "CITE011"
    name = "invalid-identifier"
    summary = "Invalid identifier (ISBN, DOI, …) in a citation"
    help_url = "https://en.wikipedia.org/wiki/Help:CS1_errors#bad_isbn"
    bad = "<ref>{{cite book |title=A book |isbn=978-0-470-09095-5}}</ref>"
    good = "<ref>{{cite book |title=A book |isbn=978-0-470-09095-4}}</ref>"

    def check(self, index: Index) -> Iterator[Problem]:
        table = _identifier_params()
        wl = whitelist()
        for c in checked_citations(index):
            chosen: dict[str, tuple[int, Arg]] = {}
            for a in c.order:
                entry = table.get(a.name)
                if entry is None or not a.is_set:
                    continue
                if not wl.valid(a.name, c.cls):
                    continue  # CS1 empties it (CITE003: parameter_ignored)
                ident, rank = entry
                old = chosen.get(ident)
                if old is None or rank < old[0]:
                    chosen[ident] = (rank, a)  # CS1 uses the first alias set
            if not chosen:
                continue
            for ident, (_, a) in chosen.items():
                if a.opaque:
                    continue  # built by a template
                value, accepted = _accept(a.value)
                if accepted and ident in ACCEPTS_AS_WRITTEN:
                    continue  # CS1's accept-as-written markup ((…))
                if ident == "asin":
                    yield from _asin_tld(c)
                if ident == "isbn":
                    year = isbn_date_conflict(c)
                    if year is not None:
                        yield cs1_problem(
                            a.start,
                            a.end,
                            f"|{a.name}= in a citation dated {year}: ISBNs exist since "
                            f"{ISBN_FIRST_YEAR}; check the date or cite the edition the ISBN "
                            "belongs to",
                            "invalid_isbn_date",
                        )
                        continue  # CS1 does not check the number then
                validator, label = VALIDATORS[ident]
                why = validator(value)
                if why is not None:
                    key = _KEYS.get(ident, f"bad_{ident}")
                    yield cs1_problem(
                        a.start,
                        a.end,
                        f"Check |{a.name}= value: not a valid {label} ({why})",
                        key,
                    )


def _accept(value: str) -> tuple[str, bool]:
    m = _ACCEPT.match(value)
    return (m.group(1), True) if m else (value, False)


def _asin_tld(c: Citation) -> Iterator[Problem]:
    tld = c.first_set("ASINTLD")
    if tld is None or tld.opaque or tld.value in ASIN_TLDS:
        return
    if whitelist().valid(tld.name, c.cls):
        yield cs1_problem(
            tld.start,
            tld.end,
            f"Check |{tld.name}= value: {tld.value!r} is not an Amazon site CS1 knows "
            "(us, uk, de, fr, jp, …)",
            "bad_asin_tld",
        )


@lru_cache(maxsize=1)
def _identifier_params() -> dict[str, tuple[str, int]]:
    """Parameter name -> (identifier, alias rank), from cs1-config.json."""
    out: dict[str, tuple[str, int]] = {}
    for ident, names in config()["identifiers"].items():
        for rank, name in enumerate(names):
            out[name] = (ident, rank)
    return out
