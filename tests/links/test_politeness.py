"""Bounded global and per-host concurrency, spacing per host, no head-of-line blocking."""

from __future__ import annotations

import itertools
import time

from citelint.links.phase import check_urls
from citelint.links.settings import LinkSettings

from .server import Site


def test_per_host_concurrency(fresh_site: Site, settings: LinkSettings) -> None:
    settings.per_host = 2
    urls = [fresh_site.url(f"/delay/{i}") for i in range(8)]
    started = time.perf_counter()
    run = check_urls(urls, settings)
    assert all(r.verdict == "ok" for r in run.results.values())
    assert fresh_site.peak_in_flight == 2
    assert time.perf_counter() - started >= 0.75  # 8 requests of 0.2 s, 2 at a time


def test_global_concurrency_over_hosts(fresh_site: Site, settings: LinkSettings) -> None:
    """Three host names served by one server: the server sees the global limit."""
    settings.max_concurrency = 2
    settings.per_host = 4
    target = f"127.0.0.1:{fresh_site.port}"
    settings.hosts = {"a.test": target, "b.test": target, "c.test": target}
    urls = [f"http://{h}.test/delay/{i}" for h in "abc" for i in range(3)]
    run = check_urls(urls, settings)
    assert all(r.verdict == "ok" for r in run.results.values())
    assert fresh_site.peak_in_flight == 2


def test_spacing_between_requests_to_one_host(fresh_site: Site, settings: LinkSettings) -> None:
    settings.host_delay = 0.15
    settings.per_host = 4
    check_urls([fresh_site.url(f"/p/{i}") for i in range(5)], settings)
    times = [t for t, _ in fresh_site.arrivals]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 5
    assert min(gaps) >= 0.13


def test_spacing_is_per_host(fresh_site: Site, settings: LinkSettings) -> None:
    """Two hosts with a 3 s delay each: their first requests go out together (a wide margin,
    so that a busy machine cannot make a correct run look like a shared delay)."""
    settings.host_delay = 3.0
    target = f"127.0.0.1:{fresh_site.port}"
    settings.hosts = {"a.test": target, "b.test": target}
    started = time.perf_counter()
    check_urls(["http://a.test/p/1", "http://b.test/p/1"], settings)
    assert time.perf_counter() - started < 3.0


def test_slow_host_does_not_block_the_others(fresh_site: Site, settings: LinkSettings) -> None:
    settings.per_host = 1
    settings.max_concurrency = 2
    target = f"127.0.0.1:{fresh_site.port}"
    settings.hosts = {"slow.test": target, "fast.test": target}
    urls = [f"http://slow.test/delay/{i}" for i in range(6)] + ["http://fast.test/p/1"]
    order: list[str] = []
    check_urls(urls, settings, on_result=lambda r: order.append(r.url))
    assert order.index("http://fast.test/p/1") <= 1


def test_a_rate_limited_host_pauses_as_asked(fresh_site: Site, settings: LinkSettings) -> None:
    """After a 429 with Retry-After: 1, the other URLs of that host wait too."""
    settings.per_host = 2
    # the others answer after 0.2 s, so the 429 reaches the client first even on a busy
    # machine (with instant answers the third URL could leave before the 429 was read)
    urls = [fresh_site.url("/rate-limited"), fresh_site.url("/delay/1"), fresh_site.url("/delay/2")]
    run = check_urls(urls, settings)
    assert all(r.verdict == "ok" for r in run.results.values())
    first = fresh_site.arrivals[0][0]
    later = [t - first for t, _ in fresh_site.arrivals[2:]]
    assert later and min(later) >= 0.9
