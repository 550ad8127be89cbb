"""A TLS failure (self-signed certificate) is a dead link, found without retries."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from citelint.links.settings import LinkSettings

from .helpers import check, cite
from .server import Site


@pytest.fixture
def tls_site(tmp_path: Path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    site = Site()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    yield site
    site.close()


def test_self_signed_certificate_is_dead(tls_site: Site, settings: LinkSettings) -> None:
    url = f"https://127.0.0.1:{tls_site.port}/ok"
    found, run, findings = check(cite(url), settings)
    assert found == [("LINK001", 3, "error")]
    assert "TLS failure" in findings[0].message and "certificate" in findings[0].message
    assert run.requests == 1
    assert tls_site.total == 0
