"""``citelint --check-links`` as users run it: flags, config, cache, safety, no traffic
without the flag."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import main

from .server import Site

FAST = ["--link-timeout", "1", "--host-delay", "0", "--link-retries", "1"]


def run(args: list[str], cwd: Path | None = None):
    return CliRunner().invoke(main, ["check", "--isolated", *args])


def article(site: Site, tmp_path: Path, name: str = "a.wiki") -> Path:
    path = tmp_path / name
    path.write_text(
        "Lead.<ref>{{cite web |url=" + site.url("/missing") + " |title=A}}</ref>\n"
        "More.<ref>{{cite web |url=" + site.url("/moved") + " |title=B}}</ref>\n"
        "Fine.<ref>[" + site.url("/ok") + " C]</ref>\n\n{{reflist}}\n",
        encoding="utf-8",
    )
    return path


def codes(result) -> list[tuple[str, int]]:
    """(code, line) of the LINK findings of a JSON report."""
    data = json.loads(result.stdout)
    return [
        (f["code"], f["line"])
        for file in data["files"]
        for f in file["findings"]
        if f["code"].startswith("LINK")
    ]


def test_check_links(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    cache = tmp_path / "cache"
    args = ["--check-links", "--allow-private", "--cache-dir", str(cache), "-f", "json", *FAST]
    result = run([*args, str(path)])
    assert result.exit_code == 1, result.output
    assert codes(result) == [("LINK001", 1), ("LINK003", 2)]
    assert fresh_site.counts == {"/missing": 2, "/moved": 1, "/page2": 1, "/ok": 1}
    assert (cache / "links.sqlite3").is_file()

    # a second run answers from the cache: zero requests, same findings
    fresh_site.reset()
    again = run([*args, str(path)])
    assert codes(again) == codes(result)
    assert fresh_site.total == 0

    # --max-age 0 makes every cached result stale; --no-cache ignores the cache
    run([*args, "--max-age", "0", str(path)])
    assert fresh_site.total == 5
    fresh_site.reset()
    run(["--check-links", "--allow-private", "--no-cache", "-f", "json", *FAST, str(path)])
    assert fresh_site.total == 5


def test_no_network_without_the_flag(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    for extra in ([], ["--select", "LINK"], ["--select", "ALL"], ["--extend-select", "LINK001"]):
        result = run([*extra, "-f", "json", str(path)])
        assert result.exit_code in (0, 1)
        assert codes(result) == []
    assert fresh_site.total == 0


def test_without_the_flag_httpx_is_not_even_imported(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text("A.<ref>{{cite web |url=http://example.org |title=T}}</ref>\n")
    code = (
        "import sys; from citelint.cli import main\n"
        "try: main(['--isolated', '--select', 'ALL', sys.argv[1]])\n"
        "except SystemExit: pass\n"
        "assert 'httpx' not in sys.modules and 'citelint.links.checker' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_private_addresses_are_refused_by_default(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    result = run(["--check-links", "--no-cache", "-f", "json", *FAST, str(path)])
    assert codes(result) == [("LINK002", 1), ("LINK002", 2), ("LINK002", 3)]
    findings = json.loads(result.stdout)["files"][0]["findings"]
    messages = [f["message"] for f in findings if f["code"] == "LINK002"]
    assert all("non-public address" in m and "--allow-private" in m for m in messages)
    assert fresh_site.total == 0


def test_selection_of_link_rules(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    base = ["--check-links", "--allow-private", "--no-cache", "-f", "json", *FAST]
    assert codes(run([*base, "--select", "LINK003", str(path)])) == [("LINK003", 2)]
    assert codes(run([*base, "--ignore", "LINK001", str(path)])) == [("LINK003", 2)]
    # --check-links with a REF-only selection adds the LINK rules
    assert codes(run([*base, "--select", "REF001", str(path)])) == [("LINK001", 1), ("LINK003", 2)]


def test_many_files_share_one_check(fresh_site: Site, tmp_path: Path) -> None:
    for name in ("a.wiki", "b.wiki", "c.wiki"):
        article(fresh_site, tmp_path, name)
    base = ["--check-links", "--allow-private", "--no-cache", "-f", "json", *FAST]
    result = run([*base, str(tmp_path)])
    assert codes(result) == [("LINK001", 1), ("LINK003", 2)] * 3
    assert fresh_site.counts == {"/missing": 2, "/moved": 1, "/page2": 1, "/ok": 1}


def test_config_table(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    cfg = tmp_path / "citelint.toml"
    cfg.write_text(
        "[links]\nallow-private = true\ncache = false\ntimeout = 1\nhost-delay = 0\n"
        'max-age = "2h"\nper-host = 3\n'
    )
    result = CliRunner().invoke(
        main, ["check", "--config", str(cfg), "--check-links", "-f", "json", str(path)]
    )
    assert codes(result) == [("LINK001", 1), ("LINK003", 2)]

    cfg.write_text("[links]\nper_host = 3\n")
    bad = CliRunner().invoke(main, ["check", "--config", str(cfg), str(path)])
    assert bad.exit_code == 2
    assert "links.per_host" in bad.stderr and "did you mean 'per-host'" in bad.stderr
    cfg.write_text('[links]\ntimeout = "fast"\n')
    bad = CliRunner().invoke(main, ["check", "--config", str(cfg), str(path)])
    assert bad.exit_code == 2 and "links.timeout" in bad.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--max-age", "soon"],
        ["--link-timeout", "0"],
        ["--per-host", "0"],
        ["--max-concurrency", "0"],
        ["--host-delay", "-1"],
    ],
)
def test_bad_link_flags(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "a.wiki"
    path.write_text("Text.\n")
    result = run(["--check-links", *args, str(path)])
    assert result.exit_code == 2


def test_note_when_link_rules_selected_without_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text("Text.\n")
    result = run(["--select", "LINK", str(path)])
    assert result.exit_code == 0
    assert "--check-links" in result.stderr


def test_progress_only_on_a_terminal_in_text_format(monkeypatch: pytest.MonkeyPatch) -> None:
    from citelint.links.options import settings_from_flags

    flags = {"check_links": True}
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert settings_from_flags(flags, None, None).progress
    assert settings_from_flags(flags, None, "text").progress
    assert not settings_from_flags(flags, None, "json").progress
    assert not settings_from_flags(flags, None, "jsonl").progress
    assert not settings_from_flags(flags, None, "text", quiet=True).progress
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not settings_from_flags(flags, None, "text").progress
    assert settings_from_flags({"check_links": False}, None, "text") is None


def test_progress_bar_draws(fresh_site: Site, tmp_path: Path) -> None:
    import io

    from citelint.links.progress import LinkProgress
    from citelint.links.result import DEAD, OK, LinkResult

    out = io.StringIO()
    with LinkProgress(2, out) as bar:
        bar.advance(LinkResult("http://a/", OK))
        bar.advance(LinkResult("http://b/", DEAD))
    assert bar.dead == 1


def test_unsafe_fix_replaces_a_moved_url(fresh_site: Site, tmp_path: Path) -> None:
    path = article(fresh_site, tmp_path)
    base = ["--check-links", "--allow-private", "--no-cache", *FAST]
    result = run([*base, "--fix", "--unsafe-fixes", "--select", "LINK003", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert fresh_site.url("/page2") in text and fresh_site.url("/moved") not in text
    assert fresh_site.counts["/moved"] == 1  # the fix re-lint did not check links again


def test_stdin(fresh_site: Site) -> None:
    text = "A.<ref>{{cite web |url=" + fresh_site.url("/gone") + " |title=A}}</ref>\n"
    result = CliRunner().invoke(
        main,
        [
            *("check", "--isolated", "--check-links", "--allow-private", "--no-cache"),
            *("-f", "json", *FAST, "--stdin-filename", "draft.wiki", "-"),
        ],
        input=text,
    )
    assert codes(result) == [("LINK001", 1)]
    assert json.loads(result.stdout)["files"][0]["path"] == "draft.wiki"
