"""SFN001/SFN002 against MediaWiki, and the generator of Module:Footnotes' whitelist data.

The MediaWiki oracle (../shared/oracle: MediaWiki 1.39 with Module:Footnotes) renders
each text; its ``harv-error`` spans ("no target: CITEREF…", "multiple targets (N×):
CITEREF…") are what Wikipedia shows. Per article, the anchors citelint reports as SFN001
(one finding per footnote a reader sees) must be the oracle's "no target" anchors, and
the anchors of SFN002 the oracle's "multiple targets" anchors, with as many footnotes
showing the error and the same count of targets. The one kind of difference allowed is
an oracle artifact: the short-citation template is missing from the oracle wiki (it has
{{sfn}}, {{sfnp}}, {{sfnm}}, {{harv}}, {{harvnb}}; {{harvtxt}}, {{harvp}}, {{harvcoltxt}}
… are echoed there instead of running Module:Footnotes), so the oracle shows nothing
for it. Those are counted apart and printed.

Skipped when the oracle is not installed, unless CITELINT_REQUIRE_ORACLE=1.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from citelint.rules._sfn import rendered_links

import citelint
from citelint import citeref
from citelint.document import Document
from citelint.index import build_index

sys.path.append(str(Path(__file__).parent / "conformance"))  # refparity
from refparity import (
    CORPUS,
    ORACLE,
    SHARED,
    format_table,
    oracle_marks,
    publish,
    require_oracle,
)

ROOT = Path(__file__).resolve().parent.parent


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (../shared)")


PAGES = SHARED / "oracle" / "pages" / "Module"
CASES = Path(__file__).parent / "rules" / "cases"
_SHORT = re.compile(r"\{\{\s*(?:template:)?\s*(?:sfn|harv|shortened[ _]footnote)", re.I)
_HARV = re.compile(r"error: (no target|multiple targets \((\d+)×\)): (\S+)")

#: SFN cases whose expectation differs from the oracle on purpose: (file, case name) → why
CASE_LIMITS = {
    ("SFN001", "what MediaWiki does not see as a link"): (
        "{{sfn|Smith|{{CURRENTYEAR}}}}: a year computed by a template is not known offline"
    ),
}


def _load_generator():
    path = ROOT / "tools" / "gen_footnotes_whitelist.py"
    spec = importlib.util.spec_from_file_location("gen_footnotes_whitelist", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


# -- the generator -----------------------------------------------------------------------


def test_reads_lua_data_tables() -> None:
    source = """
    require('Module:No globals');
    --[[ a long
    comment ]]
    local names = {['DNB'] = {'Cite DNB', "DNB"},}   -- trailing comment
    local defaults = {['W'] = {'O\\'Brien', '1911'}}
    local whitelist = {
        ['CITEREFA2001'] = {'T1'},
        ['CITEREFA2001'] = names['DNB'],          -- a repeated key: the last one wins
        ['CITEREFB'] = {'T2'; 'T3'},
    }
    return {whitelist = whitelist, wrapper = defaults['W'], dnb = names['DNB'], n = 3}
    """
    data = gen.read_data_module(source)["return"]
    assert data["whitelist"] == {
        "CITEREFA2001": {1: "Cite DNB", 2: "DNB"},
        "CITEREFB": {1: "T2", 2: "T3"},
    }
    assert gen._list(data["wrapper"]) == ["O'Brien", "1911"]
    assert data["n"] == "3"
    with pytest.raises(gen.LuaError):
        gen.read_data_module("local x = f(1)\nreturn x")


@pytest.mark.parametrize(
    ("lua", "matches", "misses"),
    [
        ("CITEREFQHR%d+", ["CITEREFQHR12", "xCITEREFQHR1"], ["CITEREFQHR", "CITEREFqhr1"]),
        (
            "CITEREFACAD%u%u%u?%u?%d+%u%u?",
            ["CITEREFACADAB123C", "CITEREFACADABCD1EF"],
            ["CITEREFACADA1B"],
        ),
        (
            "CITEREF%a[%a%-_']*188[5-9]",
            ["CITEREFO'Brien-Smith1886"],
            ["CITEREF1886", "CITEREFX1884"],
        ),
        ("^n%.d%.%l?$", ["n.d.", "n.d.b"], ["nxdx", "n.d.bc"]),
        ("a.-b", ["axxb"], ["ba"]),
    ],
)
def test_lua_patterns_become_regexes(lua: str, matches: list[str], misses: list[str]) -> None:
    regex = re.compile(gen.lua_pattern_to_regex(lua))
    assert all(regex.search(s) for s in matches)
    assert not any(regex.search(s) for s in misses)


def test_template_name_patterns_expand() -> None:
    assert gen.expand_name_pattern("[Cc]ite ?journal") == ["Cite journal", "Citejournal"]
    assert gen.expand_name_pattern("[Cc]ite[ %-]?news") == ["Cite news", "Cite-news", "Citenews"]
    assert gen.expand_name_pattern("[Aa]nchors?") == ["Anchor", "Anchors"]
    assert gen.expand_name_pattern("[Cc]ite web.") == ["Cite web."]  # '.' kept as written


@needs_shared(PAGES / gen.WHITELIST_PAGE)
def test_generated_data_is_up_to_date() -> None:
    """citelint/data/footnotes-whitelist.json is what the module pages give."""
    assert gen.main(["--pages", str(PAGES), "--out", str(gen.DEFAULT_OUT), "--check"]) == 0


def test_generated_data_answers_the_module_questions() -> None:
    data = citeref.footnotes()
    assert data["whitelist"]["CITEREFJackson2010"] == {"Cite enc-nyc2"}
    assert data["wrappers"]["Cite EB1911"] == {"default": ["Chisholm", "1911"]}
    assert data["wrappers"]["CE1913"]["volumes"]["7"] == ["Herbermann", "1910"]
    assert citeref.footnotes_kind("Cite book") == "cs12"
    assert citeref.footnotes_kind("Cite anything") == "cs12"  # the module's last gasp
    assert citeref.footnotes_kind("Harvc") == "harvc"
    assert citeref.footnotes_kind("Sfn whitelist") == "sfn_whitelist"
    assert citeref.footnotes_kind("Cite EB1911") == "wrapper"
    assert citeref.footnotes_kind("IUCN") is None
    assert citeref.footnotes_kind("Citation-attribution") is None


# -- the wrapper and repeated-definition cases, exactly -----------------------------------


def _sfn(text: str) -> list[tuple[str, int, int, str]]:
    findings = citelint.lint_text(text, config={"select": ["SFN"]})
    return [(f.code, f.line, f.column, text[f.offset : f.end_offset]) for f in findings]


def test_wrapper_made_anchor() -> None:
    """Without {{cite enc-nyc2}} the eight short citations to Jackson 2010 (the 2010 New
    York City encyclopedia) had no target; with it they have one, whatever year letter."""
    calls = "".join(f"{{{{sfn|Jackson|2010|p={p}}}}} " for p in range(1, 8))
    text = f"A.{calls}B.{{{{harvnb|Jackson|2010b}}}}\n\n{{{{reflist}}}}\n\n"
    assert [c for c, *_ in _sfn(text)] == ["SFN001"] * 8
    with_wrapper = text + "* {{cite enc-nyc2 |title=Bronx |page=12}}\n"
    assert _sfn(with_wrapper) == []
    other = text + "* {{cite enc-nyc |title=Bronx}}\n"  # makes CITEREFJackson1995
    assert len(_sfn(other)) == 8


def test_repeated_identical_named_ref_counts_once() -> None:
    text = (
        'A.<ref name="x">{{harvnb|Nobody|2000}}</ref>\n'
        'B.<ref name="x">{{harvnb|Nobody|2000}}</ref>\n'
        'C.<ref name="x">{{sfn|Nobody|2000}}</ref>\n\n{{reflist}}\n'
    )
    # one footnote, one error, at the first definition; the {{sfn}} in a <ref> makes no
    # footnote of its own on MediaWiki (its error is lost with it)
    assert _sfn(text) == [("SFN001", 1, 17, "{{harvnb|Nobody|2000}}")]


# -- against the oracle --------------------------------------------------------------------


def _run_oracle(paths: list[Path]) -> dict[str, dict]:
    out = subprocess.run(
        ["bash", str(ORACLE), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    results = {}
    for line in out.stdout.splitlines():
        data = json.loads(line)
        results[Path(data["file"]).name] = data
    assert len(results) == len(paths), out.stderr[-2000:]
    return results


def _oracle_harv(result: dict) -> tuple[Counter[str], Counter[str], dict[str, int]]:
    """(no-target anchors, multiple-target anchors with how many footnotes show it,
    the number of targets the module counted)."""
    no_target: Counter[str] = Counter()
    multiple: Counter[str] = Counter()
    tally: dict[str, int] = {}
    for e in result["errors"]:
        if e["key"] != "error:harv-error":
            continue
        m = _HARV.search(e["text"])
        assert m, e["text"]
        if m.group(1) == "no target":
            no_target[m.group(3)] += 1
        else:
            multiple[m.group(3)] += 1
            tally[m.group(3)] = int(m.group(2))
    return no_target, multiple, tally


def _citelint_harv(text: str, name: str) -> tuple[Counter[str], Counter[str], dict[str, int]]:
    """The same three from citelint: SFN001 anchors, and for every SFN002 anchor the
    footnotes that link to it and the citations that make it."""
    findings = citelint.lint_text(text, path=name, config={"select": ["SFN001", "SFN002"]})
    no_target: Counter[str] = Counter()
    ambiguous: set[str] = set()
    for f in findings:
        if f.code == "SFN001":
            no_target[re.search(r"links to (\S+?),? (?:but|which)", f.message).group(1)] += 1
        else:
            ambiguous.add(f.message.split()[0])
    multiple: Counter[str] = Counter()
    tally: dict[str, int] = {}
    if ambiguous:
        index = build_index(Document(text, name))
        anchors = citeref.citerefs(index).anchors
        for link, _ in rendered_links(index):
            for anchor_id in ambiguous.intersection(link.ids):
                multiple[anchor_id] += 1
        tally = {a: sum(m.seen for m in anchors[a]) for a in ambiguous}
    return no_target, multiple, tally


def _link_templates(text: str) -> dict[str, str]:
    """Anchor id → the short-citation template names (as the oracle lists missing ones)."""
    out: dict[str, str] = {}
    for link in citeref.citerefs(build_index(Document(text))).links:
        for anchor_id in link.ids:
            out.setdefault(anchor_id, "Template:" + citeref.footnotes_name(link.template))
    return out


def _needs_oracle(test):
    """The ``oracle`` marker and a skip without MediaWiki (a failure in CI, see
    refparity.oracle_marks)."""
    for mark in oracle_marks():
        test = mark(test)
    return test


@pytest.mark.slow
@_needs_oracle
def test_sfn_matches_the_oracle_over_the_corpus(request: pytest.FixtureRequest) -> None:
    require_oracle()
    paths = [p for p in sorted(CORPUS.glob("*.wiki")) if _SHORT.search(p.read_text("utf-8"))]
    oracle = _run_oracle(paths)
    totals: Counter[str] = Counter()
    unexplained: list[str] = []
    artifacts: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        o_none, o_multi, o_tally = _oracle_harv(oracle[path.name])
        c_none, c_multi, c_tally = _citelint_harv(text, path.name)
        missing = set(oracle[path.name]["missing_templates"])
        templates = _link_templates(text)
        totals["oracle no target"] += sum(o_none.values())
        totals["SFN001"] += sum(c_none.values())
        totals["no target, both"] += sum((o_none & c_none).values())
        totals["oracle multiple-target footnotes"] += sum(o_multi.values())
        totals["citelint multiple-target footnotes"] += sum(c_multi.values())
        totals["multiple targets, both"] += sum((o_multi & c_multi).values())
        totals["oracle ambiguous anchors"] += len(o_tally)
        totals["SFN002 anchors"] += len(c_tally)
        totals["ambiguous anchors, both (same N×)"] += sum(
            1 for a, n in o_tally.items() if c_tally.get(a) == n
        )
        for kind, ours, theirs in (
            ("no target", c_none, o_none),
            ("multiple targets", c_multi, o_multi),
        ):
            for anchor_id, n in (ours - theirs).items():
                line = f"{path.name}: citelint-only {kind} {anchor_id} ×{n}"
                if templates.get(anchor_id) in missing:
                    artifacts.append(f"{line} ({templates[anchor_id]} is not in the oracle)")
                else:
                    unexplained.append(line)
            for anchor_id, n in (theirs - ours).items():
                unexplained.append(f"{path.name}: oracle-only {kind} {anchor_id} ×{n}")
        for anchor_id in set(o_tally) | set(c_tally):
            if (
                anchor_id in o_tally
                and anchor_id in c_tally
                and o_tally[anchor_id] != c_tally[anchor_id]
            ):
                unexplained.append(
                    f"{path.name}: {anchor_id} has {c_tally[anchor_id]} targets for citelint, "
                    f"{o_tally[anchor_id]} for the oracle"
                )
    totals["citelint-only, template missing in the oracle"] = len(artifacts)
    rows = [[label, value] for label, value in totals.items()]
    table = format_table(["SFN over the corpus's short-citation articles", "count"], rows)
    if artifacts:
        table += "\noracle artifacts:\n  " + "\n  ".join(artifacts)
    publish(request.config, f"SFN001/SFN002 vs MediaWiki ({len(paths)} articles)", table)
    assert unexplained == []
    assert totals["no target, both"] == totals["oracle no target"]
    assert totals["multiple targets, both"] == totals["oracle multiple-target footnotes"]


def _cases() -> list[tuple[str, dict]]:
    out = []
    for code in ("SFN001", "SFN002"):
        data = tomllib.loads((CASES / f"{code}.toml").read_text(encoding="utf-8"))
        out.extend((code, case) for case in data["case"])
    return out


@_needs_oracle
def test_sfn_cases_match_the_oracle(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Every SFN001/SFN002 case text (tests/rules/cases) renders with the same harv
    errors in MediaWiki, except the documented CASE_LIMITS."""
    require_oracle()
    cases = _cases()
    paths = []
    for i, (_code, case) in enumerate(cases):
        path = tmp_path / f"case{i:02d}.wiki"
        path.write_text(case["text"], encoding="utf-8")
        paths.append(path)
    oracle = _run_oracle(paths)
    rows = []
    wrong = []
    for path, (code, case) in zip(paths, cases, strict=True):
        o_none, o_multi, _ = _oracle_harv(oracle[path.name])
        c_none, c_multi, _ = _citelint_harv(case["text"], path.name)
        same = o_none == c_none if code == "SFN001" else set(o_multi) == set(c_multi)
        limit = CASE_LIMITS.get((code, case["name"]))
        verdict = "same" if same else ("limit: " + limit if limit else "DIFFERENT")
        rows.append([code, case["name"][:60], verdict])
        if not same and not limit:
            wrong.append((code, case["name"], dict(o_none), dict(c_none)))
        if same and limit:
            wrong.append((code, case["name"], "listed in CASE_LIMITS but agrees"))
    publish(request.config, "SFN cases vs MediaWiki", format_table(["code", "case", ""], rows))
    assert wrong == []
