"""Offline pieces: URL collection, normalisation, settings, durations, the cache."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from citelint.config import ConfigError, from_mapping
from citelint.document import Document
from citelint.index import build_index
from citelint.links.cache import INCONCLUSIVE_MAX_AGE, LinkCache
from citelint.links.collect import ARCHIVE, OTHER, PRIMARY, collect, normalize_url
from citelint.links.result import DEAD, INCONCLUSIVE, OK, REFUSED, LinkResult, judge_status
from citelint.links.settings import LinkSettings, from_table, parse_duration, settings_from


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://example.org/a", "http://example.org/a"),
        ("  https://example.org/a#section \n", "https://example.org/a"),
        ("//example.org/a", "https://example.org/a"),
        ("HTTP://example.org/a?x=1&amp;y=2", "http://example.org/a?x=1&y=2"),
        ("http://example.org/<!-- note -->", "http://example.org/"),
        ("ftp://example.org/f", "ftp://example.org/f"),
        ("http://example.org/{{PAGENAME}}", None),
        ("http://example.org/a b", None),
        ("example.org/a", None),
        ("", None),
    ],
)
def test_normalize_url(raw: str, expected: str | None) -> None:
    assert normalize_url(raw) == expected


def test_collect_roles_and_flags() -> None:
    text = (
        "A.<ref>{{cite web |url=http://a.example/1 |archive-url=http://arch.example/1 "
        "|url-status=dead |title=T}}</ref>\n"
        "B.<ref>{{Cite book |title=B |chapter-url=http://b.example/ch |URL=http://b.example/}}"
        "</ref>\n"
        "C.<ref>[http://c.example/ Label] {{webarchive |url=http://arch.example/c}}</ref>\n"
        "D.<ref>http://d.example/</ref>{{dead link}}\n"
        "E. [http://e.example/ not in a ref]\n"
        "{{Infobox thing |pop=5<ref>http://f.example/</ref>}}\n"
    )
    uses = collect(build_index(Document(text)))
    got = [(u.key, u.role, u.archived, u.marked_dead is not None) for u in uses]
    assert got == [
        ("http://a.example/1", PRIMARY, True, True),
        ("http://arch.example/1", ARCHIVE, False, False),
        ("http://b.example/ch", OTHER, False, False),
        ("http://b.example/", PRIMARY, False, False),
        ("http://c.example/", PRIMARY, True, False),
        ("http://arch.example/c", ARCHIVE, False, False),
        ("http://d.example/", PRIMARY, False, True),
        ("http://f.example/", PRIMARY, False, False),
    ]
    a = uses[0]
    assert text[a.start : a.end] == "url=http://a.example/1"
    assert text[a.value_start : a.value_end] == "http://a.example/1"


def test_legacy_deadurl_parameter() -> None:
    text = "{{cite web |url=http://a.example/ |archiveurl=http://x.example/ |deadurl=no}}"
    (use, archive) = collect(build_index(Document(text)))
    assert use.archived is False and archive.role == ARCHIVE


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (200, OK),
        (204, OK),
        (404, DEAD),
        (410, DEAD),
        (400, DEAD),
        (401, INCONCLUSIVE),
        (403, INCONCLUSIVE),
        (405, INCONCLUSIVE),
        (429, INCONCLUSIVE),
        (451, INCONCLUSIVE),
        (500, INCONCLUSIVE),
        (503, INCONCLUSIVE),
        (999, INCONCLUSIVE),
    ],
)
def test_judge_status(status: int, verdict: str) -> None:
    assert judge_status(status)[0] == verdict


def test_cloudflare_challenge_is_inconclusive_whatever_the_status() -> None:
    import httpx

    assert judge_status(200, httpx.Headers({"cf-mitigated": "challenge"}))[0] == INCONCLUSIVE


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(0, 0.0), (90, 90.0), ("90", 90.0), ("15m", 900.0), ("12h", 43200.0), ("7d", 604800.0)],
)
def test_parse_duration(value: object, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["soon", "-5", -1, True, "5y"])
def test_parse_duration_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def test_settings_table() -> None:
    values = from_table({"per-host": 3, "timeout": 5, "max-age": "1d", "allow-private": True})
    assert values == {"per_host": 3, "timeout": 5.0, "max_age": 86400.0, "allow_private": True}
    s = settings_from({"per-host": 3}, per_host=None, timeout=2.0)
    assert s.per_host == 3 and s.timeout == 2.0
    assert LinkSettings().user_agent.startswith("citelint/")
    for bad in ({"per-host": 0}, {"per-host": "2"}, {"cache": "yes"}, {"timeout": 0}, {"x": 1}):
        with pytest.raises(ValueError):
            from_table(bad)
    with pytest.raises(ConfigError, match=r"links\.retries"):
        from_mapping({"links": {"retries": -1}})


def test_cache_round_trip_and_ages(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path, max_age=100.0)
    now = time.time()
    cache.put_many(
        [
            LinkResult("http://a/", DEAD, 404, "404 Not Found", checked_at=now - 50),
            LinkResult("http://b/", OK, 200, "200 OK", "http://b/x", "http://b/x", False, now),
            LinkResult("http://c/", INCONCLUSIVE, 503, "busy", checked_at=now - 10),
            LinkResult("http://d/", REFUSED, None, "private", checked_at=now),
            LinkResult("http://e/", OK, 200, "200 OK", checked_at=now - 500),
        ]
    )
    cache.close()
    cache = LinkCache(tmp_path, max_age=100.0)
    got = cache.get_many(["http://a/", "http://b/", "http://c/", "http://d/", "http://e/"])
    assert sorted(got) == ["http://a/", "http://b/", "http://c/"]
    assert got["http://b/"].moved_to == "http://b/x" and got["http://b/"].from_cache
    later = cache.get_many(["http://c/"], now=now + INCONCLUSIVE_MAX_AGE)
    assert later == {}  # inconclusive results expire within the hour
    cache.close()


def test_broken_cache_file_does_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "links.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = LinkCache(tmp_path, max_age=100.0)
    assert cache.error is not None
    assert cache.get_many(["http://a/"]) == {}
    cache.put_many([LinkResult("http://a/", OK, 200, checked_at=time.time())])
    cache.close()
