"""CS1 parity over the corpus: citelint's CITE findings per CS1 key beside the counts a real
MediaWiki with Module:Citation/CS1 (about 2020) reported for the same 265 articles.

Every CITE finding that stands for a CS1 message ends with its key, ``(CS1: bad_date)`` or
``(CS1 maint: mult_names/authors)`` (see citelint.cs1.cs1_key). The test prints the table
and fails when a count leaves its band: the band is the known, explained difference, so any
regression (or an unexplained improvement) shows up. The reasons are in REFERENCE below and
in the README.

Run alone with ``pytest -s tests/test_cs1_corpus.py`` to see the table.
"""

from __future__ import annotations

import collections

import pytest
from conftest import CORPUS, needs_shared

import citelint
from citelint.cs1 import cs1_key

# CS1 key -> (reference count, allowed difference, why citelint differs)
REFERENCE: dict[str, tuple[int, int, str]] = {
    "parameter_ignored_suggest": (571, 0, ""),
    "apostrophe_markup": (36, 0, ""),
    "missing_periodical": (21, 0, ""),
    "citation_missing_title": (16, 0, ""),
    "parameter_ignored": (14, 0, ""),
    "bad_date": (13, 0, ""),
    "param_has_ext_link": (12, 0, ""),
    "bad_url": (
        9,
        4,
        "URLs built by templates ({{Allmusic|pure_url=yes}}, {{NRHP url}}…) are not checked",
    ),
    "accessdate_missing_url": (5, 0, ""),
    "bad_bibcode": (1, 0, ""),
    "bad_isbn": (1, 0, ""),
    "bad_s2cid": (1, 1, "the 2020 module's S2CID limit predates IKEA's S2CID 246777087"),
    "cite_web_url": (1, 0, ""),
    "maint:mult_names/authors": (135, 3, "three more citations with several names"),
    "maint:mult_names/editors": (5, 0, ""),
    "maint:extra_text_names/authors": (12, 1, 'one more "(ed.)" annotation'),
    "maint:extra_text_names/editors": (3, 0, ""),
    "maint:numeric_names/authors": (1, 1, "|last7=1947-2009. is also reported"),
}

# keys the reference did not count: newer CS1 checks and maintenance messages it left out
NOT_IN_REFERENCE: dict[str, tuple[int, str]] = {
    "param_unknown_empty": (79, "newer CS1 (2021) reports empty unknown parameters"),
    "generic_title": (1, "newer CS1 check; 'District of Columbia Bar - Page not found'"),
    "maint:ref_harv": (266, "maintenance message the reference did not count"),
}

# findings without a CS1 key (MediaWiki's duplicate arguments, MOS date format)
BY_CODE: dict[str, int] = {"CITE005": 7, "CITE018": 208}


def _count() -> tuple[collections.Counter[str], collections.Counter[str]]:
    keys: collections.Counter[str] = collections.Counter()
    codes: collections.Counter[str] = collections.Counter()
    for path in sorted(CORPUS.glob("*.wiki")):
        text = path.read_text(encoding="utf-8")
        for f in citelint.lint_text(text, path=str(path), config={"select": ["CITE"]}):
            key = cs1_key(f.message)
            if key is None:
                codes[f.code] += 1
            else:
                keys[key] += 1
    return keys, codes


@pytest.mark.slow
@needs_shared(CORPUS)
def test_cs1_counts_match_the_reference() -> None:
    keys, codes = _count()
    rows = [f"{'CS1 key':34} {'reference':>9} {'citelint':>8}  note"]
    failures = []
    for key, (ref, tol, why) in REFERENCE.items():
        got = keys.get(key, 0)
        rows.append(f"{key:34} {ref:9d} {got:8d}  {why}")
        if abs(got - ref) > tol:
            failures.append(f"{key}: {got}, reference {ref} (allowed ±{tol})")
    for key, (expected, why) in NOT_IN_REFERENCE.items():
        got = keys.get(key, 0)
        rows.append(f"{key:34} {'-':>9} {got:8d}  {why}")
        if got != expected:
            failures.append(f"{key}: {got}, expected {expected}")
    for key, got in sorted(keys.items()):
        if key not in REFERENCE and key not in NOT_IN_REFERENCE:
            rows.append(f"{key:34} {0:9d} {got:8d}  not in the reference")
            failures.append(f"{key}: {got}, reference 0")
    for code, expected in BY_CODE.items():
        got = codes.get(code, 0)
        rows.append(f"{code + ' (no CS1 key)':34} {'-':>9} {got:8d}")
        if got != expected:
            failures.append(f"{code}: {got}, expected {expected}")
    for code, got in sorted(codes.items()):
        if code not in BY_CODE:
            failures.append(f"{code}: {got} findings without a CS1 key, expected none")
    print("\n" + "\n".join(rows))
    assert failures == []
