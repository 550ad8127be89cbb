"""Offline link checking: when no host name resolves, nothing is called dead.

Name resolution is replaced by a fake ``socket.getaddrinfo`` (asyncio's resolver calls
it in a thread), so these tests behave the same with or without a network: names in
``known`` resolve to 127.0.0.1, every other name fails with EAI_NONAME ("name or service
not known"), which is also what some systems answer for every name when offline.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import main
from citelint.links.cache import LinkCache
from citelint.links.settings import LinkSettings

from .helpers import check
from .server import Site

_REAL_GETADDRINFO = socket.getaddrinfo


def fake_resolver(monkeypatch: pytest.MonkeyPatch, known: set[str]) -> list[str]:
    """Resolve only ``known`` names (to 127.0.0.1); return the list of names asked."""
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else str(host)
        asked.append(name)
        if name in known:
            return _REAL_GETADDRINFO("127.0.0.1", port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def cites(urls: list[str]) -> str:
    return (
        "".join(
            f"Claim {i}.<ref>{{{{cite web |url={u} |title=T{i}}}}}</ref>\n"
            for i, u in enumerate(urls)
        )
        + "{{reflist}}\n"
    )


@pytest.fixture
def cached(settings: LinkSettings) -> LinkSettings:
    settings.cache = True
    return settings


def stored(settings: LinkSettings, urls: list[str]) -> dict:
    cache = LinkCache(settings.cache_dir, settings.max_age)
    try:
        return cache.get_many(urls)
    finally:
        cache.close()


@pytest.mark.parametrize("hosts", [1, 2, 4, 7])
def test_offline_every_url_could_not_be_checked(
    monkeypatch: pytest.MonkeyPatch, cached: LinkSettings, hosts: int
) -> None:
    """Whatever the number of hosts: LINK002 for each URL, never LINK001."""
    asked = fake_resolver(monkeypatch, known=set())
    urls = [f"https://www.site{i}.org/page/{i}" for i in range(hosts)]
    found, run, findings = check(cites(urls), cached)
    assert found == [("LINK002", i + 1, "warning") for i in range(hosts)]
    for f, url in zip(findings, urls, strict=True):
        assert f.message == (
            f"Link could not be checked: {url} (DNS name not found; "
            "no host name resolved at all: is the network down?)"
        )
    assert sorted(set(asked)) == sorted(f"www.site{i}.org" for i in range(hosts))
    assert run.notes == [
        f"no host name resolved: is the network down? {hosts} "
        f"link{'' if hosts == 1 else 's'} could not be checked (LINK002, not cached)"
    ]
    # nothing was cached: the next run (back online or not) checks them again
    assert stored(cached, urls) == {}
    again, run2, _ = check(cites(urls), cached)
    assert again == found
    assert run2.from_cache == 0


def test_offline_progress_never_counts_dead_links(
    monkeypatch: pytest.MonkeyPatch, settings: LinkSettings
) -> None:
    """The progress bar sees each result as it comes: no "dead" while offline either."""
    from citelint.links.phase import check_urls

    fake_resolver(monkeypatch, known=set())
    seen: list[str] = []
    urls = [f"https://host{i}.example.org/" for i in range(3)]
    run = check_urls(urls, settings, on_result=lambda r: seen.append(r.verdict))
    assert seen == ["inconclusive"] * 3
    assert [r.verdict for r in run.results.values()] == ["inconclusive"] * 3


def test_offline_archive_urls_are_not_dead_either(
    monkeypatch: pytest.MonkeyPatch, settings: LinkSettings
) -> None:
    fake_resolver(monkeypatch, known=set())
    text = (
        "A.<ref>{{cite web |url=https://gone.example.org/a |title=T "
        "|archive-url=https://web.archive.org/web/2020/https://gone.example.org/a "
        "|archive-date=2020-01-01 |url-status=dead}}</ref>\n{{reflist}}\n"
    )
    found, _, findings = check(text, settings)
    assert found == [("LINK002", 1, "warning")]
    assert findings[0].message.startswith("Archive URL could not be checked: ")


def test_one_unknown_host_among_resolving_ones_is_dead(
    monkeypatch: pytest.MonkeyPatch, fresh_site: Site, cached: LinkSettings
) -> None:
    """The resolver works (other names resolve): a name that does not exist is dead,
    and that verdict is cached like any other."""
    known = {"alpha.test", "beta.test", "gamma.test"}
    fake_resolver(monkeypatch, known)
    port = fresh_site.port
    urls = [f"http://{name}:{port}/ok" for name in sorted(known)]
    urls.append(f"http://no-such-host.test:{port}/page")
    found, run, findings = check(cites(urls), cached)
    assert found == [("LINK001", 4, "error")]
    assert findings[0].message == (
        f"Dead link: http://no-such-host.test:{port}/page (DNS name not found); "
        "add an archive-url (or mark it {{dead link}})"
    )
    assert run.notes == []
    assert sorted(stored(cached, urls)) == sorted(urls)


def test_a_single_unknown_host_with_a_working_resolver_is_dead(
    monkeypatch: pytest.MonkeyPatch, fresh_site: Site, settings: LinkSettings
) -> None:
    fake_resolver(monkeypatch, {"alpha.test"})
    urls = [f"http://alpha.test:{fresh_site.port}/ok", "http://typo.test/page"]
    found, _, _ = check(cites(urls), settings)
    assert found == [("LINK001", 2, "error")]


def test_offline_through_the_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_resolver(monkeypatch, known=set())
    urls = ["https://news.example.net/story", "http://archive.example.com/x"]
    path = tmp_path / "a.wiki"
    path.write_text(cites(urls), encoding="utf-8")
    cache = tmp_path / "cache"
    args = ["--isolated", "--check-links", "--cache-dir", str(cache), "--link-retries", "0"]
    result = CliRunner().invoke(main, [*args, "-f", "json", str(path)])
    assert result.exit_code == 0  # LINK002 is a warning: offline never fails a run
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert found == [("LINK002", 1), ("LINK002", 2)]
    assert result.stderr == (
        "citelint: no host name resolved: is the network down? 2 links could not be "
        "checked (LINK002, not cached)\n"
    )
    assert stored(LinkSettings(cache_dir=str(cache)), urls) == {}
