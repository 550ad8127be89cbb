"""One cited URL per route of a real local server: the exact finding, and no URL asked
more often than the retry policy allows (HEAD, GET, then RETRIES more GETs)."""

from __future__ import annotations

import time

import pytest

from citelint.links.settings import LinkSettings

from .helpers import RETRIES, check, cite
from .server import Reply, Site, closed_port

MAX_PER_URL = RETRIES + 2

# path, expected findings (code, line, severity), exact request counts per path
CASES = [
    ("/ok", [], {"/ok": 1}),
    ("/moved", [("LINK003", 3, "info")], {"/moved": 1, "/page2": 1}),
    ("/moved-308", [("LINK003", 3, "info")], {"/moved-308": 1, "/page2": 1}),
    ("/temp", [], {"/temp": 1, "/page2": 1}),
    ("/to-root", [("LINK003", 3, "warning")], {"/to-root": 1, "/": 1}),
    ("/to-error-page", [("LINK003", 3, "warning")], {"/to-error-page": 1, "/errors/404.html": 1}),
    ("/missing", [("LINK001", 3, "error")], {"/missing": 2}),
    ("/gone", [("LINK001", 3, "error")], {"/gone": 2}),
    ("/to-missing", [("LINK001", 3, "error")], {"/to-missing": 1, "/missing": 2}),
    ("/rate-limited", [], {"/rate-limited": 2}),
    ("/rate-limited-long", [("LINK002", 3, "warning")], {"/rate-limited-long": 1}),
    ("/flaky", [], {"/flaky": 2}),
    ("/down", [("LINK002", 3, "warning")], {"/down": RETRIES + 2}),
    ("/no-head", [], {"/no-head": 2}),
    ("/head-404", [], {"/head-404": 2}),
    ("/huge", [], {"/huge": 2}),
    ("/loop-a", [("LINK002", 3, "warning")], {"/loop-a": 1, "/loop-b": 1}),
    ("/bot-wall", [("LINK002", 3, "warning")], {"/bot-wall": 2}),
    ("/forbidden", [("LINK002", 3, "warning")], {"/forbidden": 2}),
    ("/linkedin", [("LINK002", 3, "warning")], {"/linkedin": 2}),
]


@pytest.mark.parametrize(("path", "expected", "counts"), CASES, ids=[c[0] for c in CASES])
def test_route(
    fresh_site: Site, settings: LinkSettings, path: str, expected: list, counts: dict
) -> None:
    found, run, _ = check(cite(fresh_site.url(path)), settings)
    assert found == expected
    assert dict(fresh_site.counts) == counts
    assert all(n <= MAX_PER_URL for n in fresh_site.counts.values())
    assert run.requests == fresh_site.total


def test_head_refused_uses_get(fresh_site: Site, settings: LinkSettings) -> None:
    check(cite(fresh_site.url("/no-head")), settings)
    assert fresh_site.by_method[("HEAD", "/no-head")] == 1
    assert fresh_site.by_method[("GET", "/no-head")] == 1


def test_ok_needs_only_head(fresh_site: Site, settings: LinkSettings) -> None:
    check(cite(fresh_site.url("/ok")), settings)
    assert dict(fresh_site.by_method) == {("HEAD", "/ok"): 1}


def test_retry_after_is_honoured(fresh_site: Site, settings: LinkSettings) -> None:
    started = time.perf_counter()
    found, _, _ = check(cite(fresh_site.url("/rate-limited")), settings)
    assert found == []
    assert time.perf_counter() - started >= 0.95  # Retry-After: 1
    assert fresh_site.counts["/rate-limited"] == 2


def test_retry_after_too_long_is_not_waited_for(fresh_site: Site, settings: LinkSettings) -> None:
    started = time.perf_counter()
    _, _, findings = check(cite(fresh_site.url("/rate-limited-long")), settings)
    assert time.perf_counter() - started < 3
    assert "429" in findings[0].message and "max-retry-wait" in findings[0].message


def test_timeout(fresh_site: Site, settings: LinkSettings) -> None:
    settings.timeout = 0.5
    started = time.perf_counter()
    found, _, findings = check(cite(fresh_site.url("/slow")), settings)
    assert found == [("LINK002", 3, "warning")]
    assert "timed out" in findings[0].message
    assert fresh_site.counts["/slow"] == RETRIES + 1
    assert time.perf_counter() - started < 4


def test_huge_body_is_not_downloaded(fresh_site: Site, settings: LinkSettings) -> None:
    started = time.perf_counter()
    found, _, _ = check(cite(fresh_site.url("/huge")), settings)
    assert found == []
    assert time.perf_counter() - started < 5
    time.sleep(0.2)
    assert fresh_site.bytes_sent["/huge"] < 64 * 1024 * 1024  # of 1 GiB offered


def test_connection_refused_is_dead(settings: LinkSettings) -> None:
    url = f"http://127.0.0.1:{closed_port()}/page"
    found, run, findings = check(cite(url), settings)
    assert found == [("LINK001", 3, "error")]
    assert "connection refused" in findings[0].message
    assert run.requests == RETRIES + 1  # retried: a restarting server refuses too


def test_unknown_host_name_is_dead(fresh_site: Site, settings: LinkSettings) -> None:
    """Dead when the resolver works: another name (localhost) resolves in the same run
    (when no name resolves at all, see test_offline.py)."""
    text = cite("http://no-such-host.invalid/page") + cite(f"http://localhost:{fresh_site.port}/ok")
    found, run, findings = check(text, settings)
    assert found == [("LINK001", 3, "error")]
    assert "DNS name not found" in findings[0].message
    assert run.requests == 2


def test_dns_failing_everywhere_is_not_dead(settings: LinkSettings) -> None:
    """When no name resolves at all, the network is down: nothing is called dead."""
    text = "".join(
        f"L{i}.<ref>{{{{cite web |url=http://host{i}.invalid/ |title=T}}}}</ref>\n"
        for i in range(6)
    )
    found, _, findings = check(text, settings)
    assert [c for c, _, _ in found] == ["LINK002"] * 6
    assert "is the network down" in findings[0].message


def test_redirect_to_another_host(site: Site, site2: Site, settings: LinkSettings) -> None:
    target = site2.url("/ok")
    site.routes["/offsite"] = lambda s, m, n: Reply(301, {"Location": target}, b"")
    text = cite(site.url("/offsite"))
    _, _, findings = check(text, settings)
    assert [(f.code, f.line, f.column) for f in findings] == [("LINK003", 3, 26)]
    fix = findings[0].fix
    assert fix is not None and fix.applicability == "unsafe"
    (edit,) = fix.edits
    assert text[edit.offset : edit.end_offset] == site.url("/offsite")
    assert edit.replacement == target


def test_user_agent_names_citelint_and_a_contact(fresh_site: Site, settings: LinkSettings) -> None:
    check(cite(fresh_site.url("/ok")), LinkSettings(**{**settings.__dict__}))
    (ua,) = fresh_site.user_agents
    assert ua.startswith("citelint/") and "https://" in ua


def test_head_server_error_is_followed_by_get_at_once(
    fresh_site: Site, settings: LinkSettings
) -> None:
    """A 5xx answer to HEAD may just mean HEAD is broken: GET follows without a pause."""
    settings.backoff = 2.0
    started = time.perf_counter()
    found, _, _ = check(cite(fresh_site.url("/flaky")), settings)
    assert found == []
    assert time.perf_counter() - started < 1.5
    assert dict(fresh_site.by_method) == {("HEAD", "/flaky"): 1, ("GET", "/flaky"): 1}


def test_redirect_to_another_scheme_is_inconclusive(
    fresh_site: Site, settings: LinkSettings
) -> None:
    fresh_site.routes["/to-ftp"] = lambda s, m, n: Reply(301, {"Location": "ftp://x.test/"}, b"")
    found, _, findings = check(cite(fresh_site.url("/to-ftp")), settings)
    assert found == [("LINK002", 3, "warning")]
    assert "ftp scheme" in findings[0].message
    assert fresh_site.counts == {"/to-ftp": 1}


def test_too_many_redirects(fresh_site: Site, settings: LinkSettings) -> None:
    fresh_site.routes["/chain/*"] = lambda s, m, n: Reply(
        302, {"Location": f"/chain/{n}{len(s.arrivals)}"}, b""
    )
    settings.max_redirects = 3
    found, run, findings = check(cite(fresh_site.url("/chain/0")), settings)
    assert found == [("LINK002", 3, "warning")]
    assert "more than 3 redirects" in findings[0].message
    assert run.requests == 4
