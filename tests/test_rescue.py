"""Orphaned-ref rescue (citelint.rescue): the lost definition of an undefined named ref,
found in other revisions or articles, offered as an unsafe fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AP_DEFINITION, SEED003, needs_shared

from citelint.config import Config, ConfigError
from citelint.document import Document
from citelint.fixes import fix_document
from citelint.rescue import RescueConfig, Source, Sources, read_sources, rescuing
from citelint.runner import lint_document

DEFINITION = AP_DEFINITION


def lost_definition(text: str) -> str:
    """Seed 003 after an edit that dropped the definition and kept the reuses (the
    revision seed 000 shows: "The named reference ap-assad-fled was used but no text
    was provided")."""
    assert text.count(DEFINITION) == 1
    return text.replace(DEFINITION, '<ref name="ap-assad-fled" />')


def ref001(text: str, *sources: Sources) -> list:
    cfg = RescueConfig(select=["REF001"], rescue=list(sources))
    return lint_document(Document(text, "page.wiki"), cfg)


def files(*pairs: tuple[str, str]) -> Sources:
    return Sources([Source(label, text) for label, text in pairs])


@needs_shared(SEED003)
def test_seed_003_restores_the_definition_lost_in_a_later_revision(tmp_path: Path) -> None:
    seed = SEED003.read_text(encoding="utf-8")
    broken = lost_definition(seed)
    (tmp_path / "003.txt").write_text(seed, encoding="utf-8")
    sources = read_sources([str(tmp_path / "003.txt")])
    [f] = ref001(broken, sources)
    where = f"{tmp_path}/003.txt:64"
    assert (f.code, f.line, f.column, f.end_column) == ("REF001", 64, 3377, 3405)
    assert f.message == (
        'The named ref "ap-assad-fled" is used but never defined; '
        f"its definition was found in {where}"
    )
    assert f.fix is not None and f.fix.applicability == "unsafe"
    assert f.fix.message == f'Restore the definition of "ap-assad-fled" from {where}'
    [edit] = f.fix.edits
    assert (edit.offset, edit.end_offset) == (26491, 26519)
    assert edit.replacement == DEFINITION
    # --fix --unsafe-fixes gives back seed 003 exactly; plain --fix leaves it alone
    cfg = rescuing([str(tmp_path / "003.txt")])(Config(select=["REF001"]))
    rules = cfg.instantiate(cfg.enabled_codes())
    fixed, left, applied = fix_document(Document(broken, "p.wiki"), cfg, rules, unsafe=True)
    assert (fixed == seed, left, applied) == (True, [], 1)
    fixed, left, applied = fix_document(Document(broken, "p.wiki"), cfg, rules, unsafe=False)
    assert (fixed == broken, [x.code for x in left], applied) == (True, ["REF001"], 0)


def test_no_source_no_change() -> None:
    [f] = ref001('A.<ref name="x"/>\n{{reflist}}', files(("b.wiki", "Nothing here.")))
    assert f.message == 'The named ref "x" is used but never defined'
    assert f.fix is None


def test_conflicting_definitions_are_reported_not_guessed() -> None:
    sources = files(
        ("a.wiki", 'One.<ref name="x">Smith 2001.</ref>'),
        ("b.wiki", 'Intro.\nTwo.<ref name="x">Jones 2002.</ref>'),
        ("c.wiki", 'Three.<ref name="x"> Smith 2001. </ref>'),
    )
    [f] = ref001('A.<ref name="x"/>\n{{reflist}}', sources)
    assert f.message == (
        'The named ref "x" is used but never defined; 2 different definitions found, '
        "not restored: a.wiki:1 and 1 more; b.wiki:2"
    )
    assert f.fix is None


def test_history_newest_revision_wins_without_conflict() -> None:
    history = Sources(
        [
            Source("P@3", "No ref here.", "2024-12-09T00:00:00Z"),
            Source("P@2", 'Text.<ref name="x">Newer text.</ref>', "2024-12-08T00:00:00Z"),
            Source("P@1", 'Text.<ref name="x">Older text.</ref>', "2024-12-07T00:00:00Z"),
        ],
        ordered=True,
    )
    [f] = ref001('A.<ref name="x" />\n{{reflist}}', history)
    assert f.message.endswith("its definition was found in P@2:1 (2024-12-08T00:00:00Z)")
    assert f.fix is not None
    assert [(e.offset, e.end_offset, e.replacement) for e in f.fix.edits] == [
        (2, 18, '<ref name="x">Newer text.</ref>')
    ]


def test_history_is_read_only_as_far_as_needed() -> None:
    read: list[str] = []

    def revisions():
        for label, text in [("P@2", '<ref name="x">T</ref>'), ("P@1", "never read")]:
            read.append(label)
            yield Source(label, text)

    [f] = ref001('A.<ref name="x"/>', Sources(revisions(), ordered=True))
    assert f.fix is not None and read == ["P@2"]


def test_same_group_only_and_comments_do_not_count() -> None:
    sources = files(
        ("a.wiki", 'A.<ref name="x" group="note">Note text.</ref><!-- <ref name="x">C</ref> -->'),
    )
    [f] = ref001('A.<ref name="x"/>\n{{reflist}}', sources)
    assert f.fix is None
    [f] = ref001('A.<ref name="x" group="note"/>\n{{reflist|group=note}}', sources)
    assert f.fix is not None
    assert f.fix.edits[0].replacement == '<ref name="x" group="note">Note text.</ref>'


def test_list_defined_source_and_empty_pair_use() -> None:
    sources = files(
        ("a.wiki", 'A.<ref name="x"/>\n{{reflist|refs=\n<ref name="x">Listed.</ref>\n}}')
    )
    [f] = ref001("B.<ref name=x></ref>\n{{reflist}}", sources)
    assert f.fix is not None
    [edit] = f.fix.edits
    assert (edit.offset, edit.end_offset, edit.replacement) == (14, 14, "Listed.")


def test_template_use_gets_no_fix() -> None:
    [f] = ref001("B.{{r|x}}\n{{reflist}}", files(("a.wiki", '<ref name="x">T</ref>')))
    assert f.fix is None
    assert f.message.endswith(
        "its definition was found in a.wiki:1 (copy it by hand: the first use is a template)"
    )


def test_a_name_defined_too_late_is_not_rescued() -> None:
    text = 'A.<ref name="x"/>\n<references/>\nB.<ref name="x">Late.</ref>'
    found = [
        f for f in ref001(text, files(("a.wiki", '<ref name="x">T</ref>'))) if f.code == "REF001"
    ]
    assert [(f.line, f.fix) for f in found] == [(1, None)]


def test_unreadable_rescue_source_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^--rescue-from .*nope\.wiki: "):
        read_sources([str(tmp_path / "nope.wiki")])


def _check_has_rescue() -> bool:
    from citelint.cli import main

    return any(p.name == "rescue_from" for p in main.commands["check"].params)


@needs_shared(SEED003)
@pytest.mark.skipif(not _check_has_rescue(), reason="citelint check has no --rescue-from yet")
def test_check_rescue_from_end_to_end(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from citelint.cli import main

    seed = SEED003.read_text(encoding="utf-8")
    page = tmp_path / "page.wiki"
    page.write_text(lost_definition(seed), encoding="utf-8")
    args = ["check", "--rescue-from", str(SEED003), "--select", "REF001"]
    result = CliRunner().invoke(main, [*args, "-f", "concise", str(page)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f'{page}:64:3377: REF001 The named ref "ap-assad-fled" is used but never defined; '
        f"its definition was found in {SEED003}:64"
    )
    result = CliRunner().invoke(main, [*args, "--fix", "--unsafe-fixes", str(page)])
    assert (result.exit_code, result.stderr) == (0, "citelint: Fixed 1 problem.\n")
    assert page.read_text(encoding="utf-8") == seed
    result = CliRunner().invoke(main, ["check", "--rescue-from", str(tmp_path / "no"), str(page)])
    assert result.exit_code == 2
