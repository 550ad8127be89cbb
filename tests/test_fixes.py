"""Fixes: applied atomically, every byte not changed by a fix round-trips."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from citelint.cli import main
from citelint.finding import Edit, Fix
from citelint.fixes import apply, select_fixes

TEXT = "A claim<ref>x</ref>. More <ref>y</ref>\r\n\r\n{{reflist}}\r\n"
FIXED = "A claim.<ref>x</ref> More<ref>y</ref>\r\n\r\n{{reflist}}\r\n"


def run(args: list[str]):
    return CliRunner().invoke(main, ["--isolated", "--select", "REF", *args])


def test_fix_writes_file_and_keeps_other_bytes(tmp_path: Path) -> None:
    f = tmp_path / "a.wiki"
    f.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    os.chmod(f, 0o640)
    r = run(["--fix", "--format", "concise", str(f)])
    assert f.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()  # BOM and CRLF kept
    assert oct(f.stat().st_mode & 0o777) == "0o640"
    assert "Fixed 2 problems." in r.output
    assert r.exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["a.wiki"]  # no temp file left


def test_diff_changes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "a.wiki"
    f.write_bytes(TEXT.encode())
    r = run(["--diff", str(f)])
    assert f.read_bytes().decode() == TEXT
    assert "-A claim<ref>x</ref>. More <ref>y</ref>" in r.output
    assert "+A claim.<ref>x</ref> More<ref>y</ref>" in r.output
    assert r.exit_code == 1


def test_unsafe_fixes_need_opt_in(tmp_path: Path) -> None:
    f = tmp_path / "a.wiki"
    text = "A.<ref>Same.</ref> B.<ref>Same.</ref>\n\n{{reflist}}\n"
    f.write_text(text)
    run(["--fix", str(f)])
    assert f.read_text() == text
    run(["--fix", "--unsafe-fixes", str(f)])
    assert (
        f.read_text() == 'A.<ref name="auto1">Same.</ref> B.<ref name="auto1" />\n\n{{reflist}}\n'
    )


def test_fix_from_stdin_prints_fixed_text() -> None:
    r = CliRunner().invoke(
        main, ["--isolated", "--select", "REF013", "--fix", "-"], input="A <ref>x</ref>\n"
    )
    assert r.output.startswith("A<ref>x</ref>\n")


def test_overlapping_fixes_wait_for_next_pass() -> None:
    class F:
        def __init__(self, offset: int, fix: Fix) -> None:
            self.offset, self.fix = offset, fix

    a = Fix("a", (Edit(0, 3, "x"),))
    b = Fix("b", (Edit(2, 4, "y"),))
    c = Fix("c", (Edit(5, 5, "z"),))
    assert select_fixes([F(0, a), F(2, b), F(5, c)]) == [a, c]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.data())
def test_apply_keeps_untouched_bytes(text: str, data: st.DataObject) -> None:
    cut = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    out = apply(text, [Fix("f", (Edit(cut[0], cut[1], "#"),))])
    assert out == text[: cut[0]] + "#" + text[cut[1] :]
