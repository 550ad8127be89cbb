"""``citelint page`` end to end against a real MediaWiki (the oracle's MediaWiki 1.39),
served with PHP's built-in web server on 127.0.0.1.

The wiki is a copy of the oracle wiki (never the oracle itself, which the conformance
tests use) with a small XML dump imported: "Fall of Damascus" in three revisions built
from seed 003 (the newest lost the definition of ap-assad-fled and kept its reuses), a
redirect to it, and 55 small pages for batching. Skips without php or the oracle, except
under CITELINT_REQUIRE_ORACLE=1 (CI), where that is a failure."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import pytest
from click.testing import CliRunner
from conftest import AP_DEFINITION, SEED003

from citelint.wiki.api import WikiClient
from citelint.wiki.command import page

ORACLE_DIR = Path(os.environ.get("MWORACLE_DIR", "/opt/mworacle"))
MW = Path("/usr/share/mediawiki")
DEFINITION = AP_DEFINITION
OLDER_DEFINITION = '<ref name="ap-assad-fled">AP, 7 December 2024.</ref>'
SMALL = 55  # pages "Page 1" … "Page 55": two requests of at most 50 titles


def wiki_missing() -> str | None:
    if shutil.which("php") is None:
        return "php is not installed (run ../shared/oracle/setup.sh)"
    if not (ORACLE_DIR / "LocalSettings.php").exists():
        return f"no oracle wiki in {ORACLE_DIR} (run ../shared/oracle/setup.sh)"
    if not (MW / "maintenance" / "importDump.php").exists():
        return f"no MediaWiki in {MW}"
    if not SEED003.exists():
        return f"{SEED003} not present (../shared)"
    return None


_REASON = wiki_missing()
_REQUIRED = bool(os.environ.get("CITELINT_REQUIRE_ORACLE"))
pytestmark = [
    pytest.mark.oracle,
    pytest.mark.skipif(_REASON is not None and not _REQUIRED, reason=_REASON or ""),
]


def _revision(title: str, timestamp: str, text: str) -> str:
    return (
        f"<revision><timestamp>{timestamp}</timestamp>"
        "<contributor><username>Citelint test</username></contributor>"
        "<model>wikitext</model><format>text/x-wiki</format>"
        f'<text xml:space="preserve">{escape(text)}</text></revision>'
    )


def _page(title: str, *revisions: tuple[str, str]) -> str:
    revs = "".join(_revision(title, ts, text) for ts, text in revisions)
    return f"<page><title>{escape(title)}</title><ns>0</ns>{revs}</page>\n"


def dump(seed: str) -> str:
    broken = seed.replace(DEFINITION, '<ref name="ap-assad-fled" />')
    older = seed.replace(DEFINITION, OLDER_DEFINITION)
    pages = [
        _page(
            "Fall of Damascus",
            ("2024-12-07T20:00:00Z", older),
            ("2024-12-08T10:00:00Z", seed),
            ("2024-12-09T10:00:00Z", broken),
        ),
        _page("Damascus fall", ("2024-12-09T11:00:00Z", "#REDIRECT [[Fall of Damascus]]")),
    ]
    for i in range(1, SMALL + 1):
        text = f"Fact {i}.<ref>Source {i}.</ref>\n\n== References ==\n{{{{reflist}}}}\n"
        pages.append(_page(f"Page {i}", ("2024-12-01T00:00:00Z", text)))
    return (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" '
        'xml:lang="en">\n' + "".join(pages) + "</mediawiki>\n"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Wiki:
    def __init__(self, api: str, revids: list[int]) -> None:
        self.api = api
        self.older, self.good, self.broken = revids  # oldest first


@pytest.fixture(scope="session")
def wiki(tmp_path_factory: pytest.TempPathFactory):
    assert _REASON is None, f"CITELINT_REQUIRE_ORACLE is set but {_REASON}"
    root = tmp_path_factory.mktemp("mediawiki")
    copy = root / "wiki"
    shutil.copytree(ORACLE_DIR, copy, ignore=shutil.ignore_patterns("locks"))
    (copy / "data" / "locks").mkdir(exist_ok=True)
    settings = copy / "LocalSettings.php"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(str(ORACLE_DIR), str(copy)),
        encoding="utf-8",
    )
    xml = root / "pages.xml"
    xml.write_text(dump(SEED003.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run(
        ["php", "maintenance/importDump.php", "--conf", str(settings), str(xml)],
        cwd=MW,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = _free_port()
    log = open(root / "php-server.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(MW)],
        cwd=MW,
        env={**os.environ, "MW_CONFIG_FILE": str(settings)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    api = f"http://127.0.0.1:{port}/api.php"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(
                    api,
                    params={
                        "action": "query",
                        "prop": "revisions",
                        "rvprop": "ids",
                        "rvlimit": "10",
                        "titles": "Fall of Damascus",
                        "format": "json",
                        "formatversion": "2",
                    },
                    timeout=10,
                )
                revs = r.json()["query"]["pages"][0]["revisions"]
                break
            except (httpx.HTTPError, ValueError, KeyError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield Wiki(api, sorted(rev["revid"] for rev in revs))
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(page, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_history_rescues_the_lost_definition(wiki: Wiki) -> None:
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "REF001", "-f", "concise"
    )
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        f'Fall of Damascus@{wiki.broken}:64:3377: REF001 The named ref "ap-assad-fled" is '
        f"used but never defined; its definition was found in Fall of Damascus@{wiki.good}:64 "
        "(2024-12-08T10:00:00Z)"
    )


def test_json_fix_and_save(wiki: Wiki, tmp_path: Path) -> None:
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "REF001", "-f", "json",
        "--save", str(tmp_path / "saved"),
    )  # fmt: skip
    assert (code, err) == (1, "")
    [file] = json.loads(out)["files"]
    assert (file["path"], file["title"]) == (f"Fall of Damascus@{wiki.broken}", "Fall of Damascus")
    [f] = file["findings"]
    assert (f["line"], f["column"], f["offset"], f["end_offset"]) == (64, 3377, 26491, 26519)
    assert f["fix"] == {
        "applicability": "unsafe",
        "message": 'Restore the definition of "ap-assad-fled" from '
        f"Fall of Damascus@{wiki.good}:64 (2024-12-08T10:00:00Z)",
        "edits": [{"offset": 26491, "end_offset": 26519, "replacement": DEFINITION}],
    }
    saved = (tmp_path / "saved" / "Fall of Damascus.wiki").read_text(encoding="utf-8")
    seed = SEED003.read_text(encoding="utf-8")
    assert saved == seed.replace(DEFINITION, '<ref name="ap-assad-fled" />')


def test_diff_with_unsafe_fixes_restores_seed_003(wiki: Wiki) -> None:
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "REF001", "--diff", "--unsafe-fixes"
    )
    assert (code, err) == (1, "citelint: Would fix 1 problem.\n")
    removed = [x for x in out.splitlines() if x.startswith("-") and not x.startswith("---")]
    added = [x for x in out.splitlines() if x.startswith("+") and not x.startswith("+++")]
    assert len(removed) == len(added) == 1
    assert added[0][1:] == removed[0][1:].replace('<ref name="ap-assad-fled" />', DEFINITION)


def test_revision_by_id_and_no_history(wiki: Wiki) -> None:
    code, out, err = run(
        "--revision", str(wiki.good), "--wiki", wiki.api, "--select", "REF001", "-f", "json"
    )
    assert (code, err) == (0, "")
    [file] = json.loads(out)["files"]
    assert (file["path"], file["findings"]) == (f"Fall of Damascus@{wiki.good}", [])
    code, out, err = run(
        "Fall of Damascus", "--history", "0", "--wiki", wiki.api, "--select", "REF001",
        "-f", "concise",
    )  # fmt: skip
    assert out.splitlines()[0] == (
        f'Fall of Damascus@{wiki.broken}:64:3377: REF001 The named ref "ap-assad-fled" is '
        "used but never defined"
    )


def test_redirect_is_followed(wiki: Wiki) -> None:
    code, out, err = run("Damascus fall", "--wiki", wiki.api, "--select", "REF001", "-f", "json")
    assert (code, err) == (1, "citelint: Damascus fall: redirects to Fall of Damascus\n")
    assert [f["path"] for f in json.loads(out)["files"]] == [f"Fall of Damascus@{wiki.broken}"]
    # a title is normalised as MediaWiki does (first letter, underscores): no redirect
    code, out, err = run("fall_of_Damascus", "--wiki", wiki.api, "--select", "REF001", "-f", "json")
    assert (code, err) == (1, "")
    [file] = json.loads(out)["files"]
    assert (file["path"], file["title"]) == (f"Fall of Damascus@{wiki.broken}", "Fall of Damascus")


def test_missing_page_is_an_input_error_and_the_others_are_linted(wiki: Wiki) -> None:
    code, out, err = run("No such page", "Page 7", "--wiki", wiki.api, "-f", "json")
    assert code == 2
    assert err == "citelint: No such page: page 'No such page' does not exist\n"
    report = json.loads(out)
    assert [(f["path"], f["findings"]) for f in report["files"]] == [
        (f"Page 7@{_revid(wiki, 'Page 7')}", [])
    ]
    code, out, err = run("--revision", "99999999", "--wiki", wiki.api, "-f", "concise")
    assert (code, err) == (2, "citelint: revision 99999999: revision 99999999 does not exist\n")


def _revid(wiki: Wiki, title: str) -> int:
    with WikiClient(wiki.api) as client:
        [p] = client.pages([title])
    assert p.revid is not None
    return p.revid


def test_titles_are_batched_50_a_request(wiki: Wiki, tmp_path: Path) -> None:
    titles = [f"Page {i}" for i in range(1, SMALL + 1)]
    with WikiClient(wiki.api) as client:
        pages = client.pages(titles)
        assert client.requests == 2
    assert [p.title for p in pages] == titles
    assert pages[6].text == "Fact 7.<ref>Source 7.</ref>\n\n== References ==\n{{reflist}}\n"
    listing = tmp_path / "titles.txt"
    listing.write_text("# all small pages\n" + "\n".join(titles) + "\n\n", encoding="utf-8")
    code, out, err = run("--titles-from", str(listing), "--wiki", wiki.api, "-f", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert [f["title"] for f in report["files"]] == titles
    assert report["summary"]["findings"] == 0


def test_rescue_from_files_reports_conflicts(wiki: Wiki, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text('X.<ref name="ap-assad-fled">One.</ref>', encoding="utf-8")
    (tmp_path / "b.wiki").write_text('Y.<ref name="ap-assad-fled">Two.</ref>', encoding="utf-8")
    code, out, err = run(
        "Fall of Damascus", "--history", "0", "--rescue-from", str(tmp_path),
        "--wiki", wiki.api, "--select", "REF001", "-f", "concise",
    )  # fmt: skip
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        f'Fall of Damascus@{wiki.broken}:64:3377: REF001 The named ref "ap-assad-fled" is '
        "used but never defined; 2 different definitions found, not restored: "
        f"{tmp_path}/a.wiki:1; {tmp_path}/b.wiki:1"
    )


def test_module_entry_point(wiki: Wiki) -> None:
    proc = subprocess.run(
        [
            "python", "-m", "citelint.wiki.command", "Page 3", "--wiki", wiki.api,
            "--select", "REF", "-f", "concise",
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, "")


def test_statistics_and_a_baseline_kept_across_revisions(wiki: Wiki, tmp_path: Path) -> None:
    """--statistics counts per rule; a baseline records a page by title, so the one taken
    from the current revision still hides the same findings in an older one."""
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "REF001", "--statistics"
    )
    assert (code, err) == (1, "")
    assert out == (
        "     1  REF001       undefined-named-ref\n"
        "Found 1 problem. No fixes available (1 hidden fix can be enabled with --unsafe-fixes).\n"
    )
    base = tmp_path / "baseline.json"
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "ALL", "--write-baseline", str(base)
    )
    rows = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert (code, out, err) == (
        0,
        "",
        f"citelint: Wrote {len(rows)} findings to the baseline {base}.\n",
    )
    assert len(rows) == 10 and {r["path"] for r in rows} == {"Fall of Damascus"}
    code, out, err = run(
        "Fall of Damascus", "--wiki", wiki.api, "--select", "ALL", "--baseline", str(base),
        "-f", "json",
    )  # fmt: skip
    assert (code, err) == (0, f"citelint: {len(rows)} findings hidden by the baseline.\n")
    assert [f["findings"] for f in json.loads(out)["files"]] == [[]]
    # an older revision: what it shares with the current one stays hidden
    older = ["--revision", str(wiki.good), "--wiki", wiki.api, "--select", "ALL", "-f", "json"]
    _, out, _ = run(*older)
    [before] = [f["findings"] for f in json.loads(out)["files"]]
    _, out, err = run(*older, "--baseline", str(base))
    [after] = [f["findings"] for f in json.loads(out)["files"]]
    # its 9 findings are among the current revision's 10 (all but the REF001)
    assert (len(before), after) == (9, [])
    assert err == "citelint: 9 findings hidden by the baseline.\n"
