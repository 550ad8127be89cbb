"""The checker never contacts private networks unless told to; refusals are findings."""

from __future__ import annotations

import ipaddress

import pytest

from citelint.links import safety
from citelint.links.settings import LinkSettings

from .helpers import check, cite
from .server import Reply, Site


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert safety.is_public(ipaddress.ip_address(address)) is public


def test_literal_hosts_are_refused_before_any_lookup() -> None:
    assert safety.host_refusal("localhost", False)
    assert safety.host_refusal("api.localhost", False)
    assert safety.host_refusal("[::1]", False)
    assert safety.host_refusal("127.0.0.1", False)
    assert safety.host_refusal("example.org", False) is None
    assert safety.host_refusal("127.0.0.1", True) is None


def test_refused_urls_are_findings_not_requests(fresh_site: Site, settings: LinkSettings) -> None:
    settings.allow_private = False
    text = (
        cite(fresh_site.url("/ok"))
        + f"B.<ref>{{{{cite web |url=http://localhost:{fresh_site.port}/ok |title=T}}}}</ref>\n"
        + "C.<ref>{{cite web |url=ftp://ftp.example.org/file |title=T}}</ref>\n"
        + "D.<ref>{{cite web |url=file:///etc/passwd |title=T}}</ref>\n"
    )
    found, run, findings = check(text, settings)
    assert found == [
        ("LINK002", 3, "warning"),
        ("LINK002", 5, "warning"),
        ("LINK002", 6, "warning"),
        ("LINK002", 7, "warning"),
    ]
    assert "non-public address" in findings[0].message
    assert "local machine" in findings[1].message
    assert "ftp scheme" in findings[2].message
    assert "file scheme" in findings[3].message
    assert fresh_site.total == 0 and run.requests == 0


def test_names_resolving_to_private_addresses_are_refused(
    fresh_site: Site, settings: LinkSettings
) -> None:
    settings.allow_private = False
    settings.hosts = {"intranet.test": f"127.0.0.1:{fresh_site.port}"}
    found, _, findings = check(cite("http://intranet.test/ok"), settings)
    assert found == [("LINK002", 3, "warning")]
    assert "resolves to the non-public address 127.0.0.1" in findings[0].message
    assert fresh_site.total == 0
    settings.allow_private = True
    found, _, _ = check(cite("http://intranet.test/ok"), settings)
    assert found == [] and fresh_site.counts == {"/ok": 1}


@pytest.fixture
def public_site(monkeypatch: pytest.MonkeyPatch):
    """A site on 127.0.0.2 that the guard is told to treat as a public address."""
    real = safety.is_public
    monkeypatch.setattr(safety, "is_public", lambda ip: str(ip) == "127.0.0.2" or real(ip))
    s = Site(host="127.0.0.2")
    yield s
    s.close()


def test_redirects_into_a_private_network_are_refused(
    public_site: Site, fresh_site: Site, settings: LinkSettings
) -> None:
    settings.allow_private = False
    inner = fresh_site.url("/ok")
    public_site.routes["/jump"] = lambda s, m, n: Reply(302, {"Location": inner}, b"")
    settings.hosts = {"sneaky.test": f"127.0.0.1:{fresh_site.port}"}
    public_site.routes["/jump-name"] = lambda s, m, n: Reply(
        302, {"Location": "http://sneaky.test/ok"}, b""
    )
    text = cite(public_site.url("/jump")) + cite(public_site.url("/jump-name"))
    found, _, findings = check(text, settings)
    assert found == [("LINK002", 3, "warning"), ("LINK002", 7, "warning")]
    assert all("non-public address" in f.message for f in findings)
    assert public_site.counts == {"/jump": 1, "/jump-name": 1}
    assert fresh_site.total == 0
    # the public site itself is checked normally
    found, _, _ = check(cite(public_site.url("/missing")), settings)
    assert found == [("LINK001", 3, "error")]
