"""Conformance with the Cite extension's own parser tests.

../shared/peer-tests/cite/citeParserTests.txt holds the Cite extension's parser tests:
wikitext in, the HTML MediaWiki must produce out. Where that HTML (``html/php``, the
legacy parser's output, or ``html`` when both parsers share it) shows a Cite error, the
English message tells which key it is; each key maps to a REF code (DESIGN.md). For
every case in scope, citelint's REF001–REF009 findings must carry exactly the codes the
expected HTML shows (as a set: MediaWiki shows some errors once per ref, some once per
list), and none when it shows none. citelint's own additions (``citelint_*`` keys, e.g. a
``</ref>`` with no ``<ref>``) are counted apart; none may appear in a case MediaWiki
finds clean unless listed in EXTENSION_CASES.

Cases out of scope are listed in OUT_OF_SCOPE with the reason; a case may only be left
out through that table, and the table may only name cases that exist.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
from parsertests import ParserTest, parse
from refparity import SHARED, format_table, publish, verdict

from citelint.cite import KEYS

PATH = SHARED / "peer-tests" / "cite" / "citeParserTests.txt"

pytestmark = pytest.mark.skipif(not PATH.exists(), reason=f"{PATH} not present (../shared)")

# The English text of each Cite message after tags are dropped and entities decoded
# (Cite's i18n/en.json, current and REL1_39 wording), keyed by message key.
MESSAGES: dict[str, str] = {
    "cite_error_references_duplicate_key": (
        r'Invalid <ref> tag; name ".*" defined multiple times with different content'
    ),
    "cite_error_references_no_text": r"Invalid <ref> tag; no text was provided for refs named .*",
    "cite_error_ref_numeric_key": r"Invalid <ref> tag; name cannot be a simple integer.*",
    "cite_error_ref_no_key": r"The opening <ref> tag is malformed or has a bad name",
    "cite_error_ref_no_input": r"Invalid <ref> tag; refs with no name must have content",
    "cite_error_ref_too_many_keys": (
        r'Invalid parameter ".*" in <ref> tag\. The supported parameters are: .*'
        r"|Invalid <ref> tag; invalid names, e\.g\. too many"
    ),
    "cite_error_ref_parameter_suggestion": (
        r'Invalid parameter ".*" in <ref> tag\. Did you mean ".*"\?'
    ),
    "cite_error_ref_follow_conflicts": (
        r'A <ref follow="…"> tag that is the continuation of a previous one cannot be named.*'
    ),
    "cite_error_ref_invalid_dir": r'Invalid dir=".*", must be .*',
    "cite_error_ref_conflicting_dir": (
        r'One of the <ref> tags with the name ".*" does have a conflicting dir attribute'
    ),
    "cite_error_references_invalid_parameters": r"Invalid parameter(?: \".*\")? in <references> tag.*",
    "cite_error_included_ref": r"Closing </ref> missing for <ref> tag",
    "cite_error_included_references": r"Closing tag missing for <references>",
    "cite_error_group_refs_without_references": (
        r'<ref> tags exist for a group named ".*", but no corresponding '
        r'<references group=".*"/> tag was found'
    ),
    "cite_error_references_group_mismatch": (
        r'<ref> tag in <references> has conflicting group attribute ".*"'
    ),
    "cite_error_references_missing_key": (
        r'<ref> tag with name ".*" defined in <references> is not used in prior text'
    ),
    "cite_error_references_missing_group": (
        r'<ref> tag with name ".*" defined in <references> has group attribute ".*" '
        r"which does not appear in prior text"
    ),
    "cite_error_references_no_key": r"<ref> tag defined in <references> has no name attribute",
    "cite_error_empty_references_define": (
        r'<ref> tag with name ".*" defined in <references> group ".*" has no content'
    ),
    # sub-referencing (details=), which citelint leaves out of scope
    "cite_error_details_missing_parent": r"A <ref> tag with details must contain content.*",
    "cite_error_details_unsupported_context": r"<ref> tag with name .* cannot use details.*",
    "cite_error_ref_with_details_no_name": r"Invalid <ref> tag; missing name attribute\..*",
}
_PATTERNS = [(key, re.compile(rf"(?:{rx})\.?", re.S)) for key, rx in MESSAGES.items()]
_ERROR_SPAN = re.compile(r'<span class="error mw-ext-cite-error"[^>]*>(.*?)</span>', re.S)
_QQX = re.compile(r"\((cite_error_[a-z_]+)")
_TAGS = re.compile(r"<[^>]+>")
_PARSOID_KEY = re.compile(r"(cite_error_[a-z_]+)")

PARSOID_ONLY = "Parsoid only: no html/php (or shared html) output to compare with"
EXPANSION = "needs a template citelint cannot expand"

#: Cases citelint does not judge, with the reason.
OUT_OF_SCOPE: dict[str, str] = {
    "Ref in ref: nested in top level ref": EXPANSION + " (Template:refinref makes a <ref>)",
    "CircularRef": EXPANSION + " (Template:CircularRef makes a <ref>)",
    "Follow following a named ref with multiple definitions": PARSOID_ONLY,
    "Ref: 1. ref-location should be replaced with an index span": PARSOID_ONLY,
    "Ref: 2. ref-tags with identical names should all get the same index": PARSOID_ONLY,
    "Ref: 3. spaces in ref-names should be ignored": PARSOID_ONLY,
    "Ref: 4. 'constructor' should be accepted as a valid ref-name": PARSOID_ONLY,
    "Ref: 5. body should accept generic wikitext": PARSOID_ONLY,
    "Ref: 6. indent-pres should not be output in ref-body": PARSOID_ONLY,
    "Ref: 7. No p-wrapping in ref-body": PARSOID_ONLY,
    "Ref: 8. transclusion wikitext has lower precedence": PARSOID_ONLY,
    "Ref: 9. unclosed comments should not leak out of ref-body": PARSOID_ONLY,
    "Ref: 10. Unclosed HTML tags should not leak out of ref-body": PARSOID_ONLY,
    "Ref: 11. ref-tags acts like an inline element wrt P-wrapping": PARSOID_ONLY,
    "Ref: 12. ref-tags act as trailing newline migration barrier": PARSOID_ONLY,
    "Ref: 13. ref-tags are not SOL-transparent and block indent-pres": PARSOID_ONLY,
    "Ref: 14. A nested ref-tag should be emitted as plain text": PARSOID_ONLY,
    "Ref: 15. ref-tags with identical names should get identical indexes": PARSOID_ONLY,
    "Ref: 16. Tokenizer should accept non-standard whitespace in <ref> and </ref> tags": PARSOID_ONLY,
    "Ref: 17. Generate valid HTML5 id/about attributes": PARSOID_ONLY,
    "Ref: 20. ref-tags with identical names but different content should keep it": PARSOID_ONLY,
    "References: 2. references tag with group only outputs references from that group": PARSOID_ONLY,
    "References: 4. only referenced group should be cleared after processing references": PARSOID_ONLY,
    "References: 5. ref tags in references should be processed while ignoring all other content": PARSOID_ONLY,
    "References: 7. Multiple references tags (one without and one with nested refs) should be correctly handled": PARSOID_ONLY,
    "References: 7b. Multiple references tags some with errors should be correctly handled": PARSOID_ONLY,
    "References: 8. T88019: Remove <meta>s from templates inside <ref> that's itself inside a template": PARSOID_ONLY,
    "References: 9. Generate missing references list at the end": PARSOID_ONLY,
    "References: 10.1. New <references/> shouldn't be added for unrelated edits.": PARSOID_ONLY,
    "References: 10.2. New <references/> shouldn't be added for unrelated edits.": PARSOID_ONLY,
    "Generate references for unclosed references tag": PARSOID_ONLY,
    "New reference serializes on its own line": PARSOID_ONLY,
    "Responsive references: disabled, autogenerated": PARSOID_ONLY,
    "Responsive references: enabled, autogenerated": PARSOID_ONLY,
    "Responsive references: enabled, autogenerated, exceed": PARSOID_ONLY,
    "Responsive references: disabled": PARSOID_ONLY,
    "Responsive references: enabled": PARSOID_ONLY,
    "Responsive references: enabled, exceed": PARSOID_ONLY,
    "Responsive references: disabled, explicit": PARSOID_ONLY,
    "Responsive references: disabled, explicit, exceed": PARSOID_ONLY,
    "Responsive references: enabled, explicit off": PARSOID_ONLY,
    "Responsive references: roundtrip templates": PARSOID_ONLY,
    "Ref with block content in formatting tag": PARSOID_ONLY,
    "Transclusion parameter spacing is lost without data-parsoid": PARSOID_ONLY,
    "Serialize reference tags by themselves on a line": PARSOID_ONLY,
    "Hoisting a reference should not break template continuity": PARSOID_ONLY,
    "Hoisting multiple references should keep references in order": PARSOID_ONLY,
    "Red links in templated references": PARSOID_ONLY,
    "Templates: Wiki Tables: 7. Fosterable <ref>s should get fostered": PARSOID_ONLY,
    "Template nested in extension tag in template": PARSOID_ONLY,
    "Headings: Category in ref isn't hoisted": PARSOID_ONLY,
    "Testing serialization after deletion in references": PARSOID_ONLY,
    "Catch regression when unpacking with trailing content": PARSOID_ONLY,
    "1. DOMDiff: Changes to <ref> content should be looked up using id": PARSOID_ONLY,
    "2. DOMDiff: Changes to <ref> content should be looked up using id": PARSOID_ONLY,
    "T107652: <ref>s in templates that also generate table cell attributes should be rendered properly": PARSOID_ONLY,
    "Handle extension content in section headers properly": PARSOID_ONLY,
    "References error without wrapper round-trip test": PARSOID_ONLY,
    "T393913: Parsoid support for nested <ref> in different groups": PARSOID_ONLY,
    "Errors after references list without responsive wrapping": PARSOID_ONLY,
}

#: Cases MediaWiki finds clean where citelint's additions (citelint_* keys) report a
#: real defect of the wikitext on purpose.
EXTENSION_CASES: dict[str, str] = {}


def expected_keys(php_html: str) -> list[str]:
    """The Cite message keys of the error messages in expected HTML, in order."""
    keys: list[str] = []
    for m in _ERROR_SPAN.finditer(php_html):
        raw = m.group(1)
        qqx = _QQX.search(raw)
        if qqx:
            keys.append(qqx.group(1))
            continue
        text = html.unescape(_TAGS.sub("", raw)).strip()
        text = text.removeprefix("Cite error:").strip()
        for key, rx in _PATTERNS:
            if rx.fullmatch(text):
                keys.append(key)
                break
        else:
            raise AssertionError(f"unrecognised Cite error message: {text!r}")
    return keys


def parsoid_keys(case: ParserTest) -> list[str]:
    """Cite error keys in a case's Parsoid output (its data-mw JSON)."""
    found: list[str] = []
    for name, body in case.sections.items():
        if name.startswith("html/parsoid"):
            found.extend(k for k in _PARSOID_KEY.findall(body) if k in KEYS)
    return found


def _cases() -> list[ParserTest]:
    return parse(PATH).tests if PATH.exists() else []


CASES = _cases()


def test_out_of_scope_table_names_real_cases() -> None:
    names = {t.name for t in CASES}
    assert sorted(set(OUT_OF_SCOPE) - names) == []
    assert sorted(set(EXTENSION_CASES) - names) == []
    assert not set(OUT_OF_SCOPE) & set(EXTENSION_CASES)


def test_every_case_without_php_output_is_listed() -> None:
    unlisted = [t.name for t in CASES if t.php_html is None and t.name not in OUT_OF_SCOPE]
    assert unlisted == []


def test_message_recognition() -> None:
    sample = (
        '<span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: Invalid '
        "<code>&lt;ref&gt;</code> tag; no text was provided for refs named "
        '"bar".</span>'
    )
    assert expected_keys(sample) == ["cite_error_references_no_text"]
    assert expected_keys(
        '<span class="error mw-ext-cite-error">(cite_error_ref_no_key)</span>'
    ) == ["cite_error_ref_no_key"]
    with pytest.raises(AssertionError):
        expected_keys('<span class="error mw-ext-cite-error">Cite error: Something new.</span>')


def test_cite_parser_tests(request: pytest.FixtureRequest) -> None:
    per_key: dict[str, Counter[str]] = {}
    per_code: dict[str, Counter[str]] = {}
    failures: list[str] = []
    totals = Counter()
    for case in CASES:
        if case.name in OUT_OF_SCOPE:
            totals["out of scope"] += 1
            parsoid = parsoid_keys(case)
            if case.php_html is None and parsoid:
                # informational only: Parsoid's output is not what citelint aims at
                got = verdict(case.wikitext)
                totals["parsoid with error"] += 1
                totals["parsoid agree"] += {KEYS[k] for k in parsoid} == set(got.parity_codes)
            continue
        assert case.php_html is not None
        keys = expected_keys(case.php_html)
        want = {KEYS[k] for k in keys}
        got = verdict(case.wikitext)
        have = set(got.parity_codes)
        ok = have == want
        if got.extensions and not keys and case.name not in EXTENSION_CASES:
            ok = False
        totals["cases"] += 1
        totals["agree" if ok else "disagree"] += 1
        totals["same counts"] += ok and got.parity_codes == Counter(KEYS[k] for k in keys)
        if keys:
            totals["with error"] += 1
        for key in sorted(set(keys)):
            row = per_key.setdefault(key, Counter())
            row["cases"] += 1
            row["agree" if KEYS[key] in have else "disagree"] += 1
        for code in sorted(want | have):
            row = per_code.setdefault(code, Counter())
            row["expected"] += code in want
            row["reported"] += code in have
            row["agree" if (code in want) == (code in have) else "disagree"] += 1
        if not ok:
            failures.append(
                f"line {case.line}: {case.name!r}: MediaWiki {sorted(keys)} -> "
                f"{sorted(want)}, citelint {sorted(got.parity)} + extensions {got.extensions}"
            )
    rows = [
        [key, KEYS[key], c["cases"], c["agree"], c["disagree"]]
        for key, c in sorted(per_key.items())
    ]
    table = format_table(["Cite key", "code", "cases", "agree", "disagree"], rows)
    table += "\n\n" + format_table(
        ["code", "expected", "reported", "agree", "disagree"],
        [
            [code, c["expected"], c["reported"], c["agree"], c["disagree"]]
            for code, c in sorted(per_code.items())
        ],
    )
    table += (
        f"\n\ncases in scope: {totals['cases']} ({totals['with error']} with a Cite error), "
        f"agree: {totals['agree']}, disagree: {totals['disagree']}, "
        f"out of scope (listed): {totals['out of scope']}\n"
        f"of the agreeing cases, {totals['same counts']} also have as many findings per code "
        "as MediaWiki shows errors (MediaWiki shows only the first error of a ref)\n"
        f"not asserted: of the Parsoid-only cases, {totals['parsoid with error']} carry Cite "
        f"error keys in Parsoid's data-mw; citelint reports the same codes in "
        f"{totals['parsoid agree']}"
    )
    publish(request.config, "Cite parser tests: citelint vs MediaWiki", table)
    assert failures == [], table + "\n\n" + "\n".join(failures)
