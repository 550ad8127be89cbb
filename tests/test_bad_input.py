"""Bad input: a clear message, exit 2 for input errors, the other files still linted,
never a traceback, bounded time."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import main
from citelint.document import Document
from citelint.index import build_index

GOOD = 'A<ref name="a"/>\n\n{{reflist}}\n'


def run(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(main, ["--isolated", "--format", "concise", *args], input=stdin)


def test_missing_file_is_reported_and_others_still_linted(tmp_path: Path) -> None:
    good = tmp_path / "good.wiki"
    good.write_text(GOOD)
    r = run([str(tmp_path / "missing.wiki"), str(good)])
    assert r.exit_code == 2
    assert f"citelint: {tmp_path / 'missing.wiki'}: no such file or directory" in r.output
    assert f"{good}:1:2: REF001" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.wiki"
    bad.write_bytes("caf\xe9 <ref>x</ref>".encode("latin-1"))
    r = run([str(bad)])
    assert r.exit_code == 2
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in r.output


def test_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.wiki"
    bad.write_bytes(b"\x00\x01\x02PNG")
    r = run([str(bad)])
    assert r.exit_code == 2 and "binary" in r.output


def test_directory_without_wikitext(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("hi")
    r = run([str(tmp_path)])
    assert r.exit_code == 2
    assert "no wikitext files" in r.output


def test_empty_file_is_clean(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wiki"
    empty.write_text("")
    r = run([str(empty)])
    assert r.exit_code == 0 and r.output == ""


def test_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    f = tmp_path / "bom.wiki"
    f.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert f"{f}:1:2: REF001" in run([str(f)]).output


@pytest.mark.parametrize(
    "text",
    [
        "{" * 1_000_000,
        "<ref>" * 200_000,
        "<ref name=a>{{cite web|" * 40_000,
        "{{a|" * 250_000,
        "{|\n" * 300_000,
        "[[" * 500_000,
        "<" * 1_000_000,
        "{{{{{{x}}}}}}" * 50_000,
    ],
    ids=["braces", "refs", "ref-cite", "template-pipes", "tables", "links", "angles", "nested"],
)
def test_pathological_input_is_bounded(text: str) -> None:
    """1 MB of unclosable openers once took minutes (the tokenizer is quadratic on
    them); citelint.guard masks them so the parse is linear. Bounded by pytest's own
    run, not by a wall-clock assertion."""
    ix = build_index(Document(text))
    assert ix.text is text


def test_masked_openers_still_reported() -> None:
    from citelint import lint_text

    text = "A<ref>unclosed " * 2000
    findings = lint_text(text, config={"select": ["REF009"]})
    assert len(findings) == 2000
    assert (findings[0].line, findings[0].column) == (1, 2)


def test_stdin_not_utf8() -> None:
    r = run(["-"], stdin=b"\xff\xfe<ref>")
    assert r.exit_code == 2
    assert "-: not valid UTF-8" in r.output
