"""Fixtures for the link tests: real servers on 127.0.0.1 and fast settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citelint.links.settings import LinkSettings

from .helpers import RETRIES
from .server import Site


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture(scope="module")
def site2() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture
def fresh_site() -> Iterator[Site]:
    """A site of its own, for tests that count every request it gets."""
    s = Site()
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path) -> LinkSettings:
    """Short timeouts and backoffs so that the whole suite stays fast."""
    return LinkSettings(
        timeout=1.0,
        retries=RETRIES,
        backoff=0.05,
        max_retry_wait=5.0,
        host_delay=0.0,
        per_host=4,
        max_concurrency=16,
        allow_private=True,
        cache=False,
        cache_dir=str(tmp_path / "cache"),
    )
