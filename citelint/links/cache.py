"""A persistent URL → result cache in SQLite, so a second run over an article is instant.

One file, ``links.sqlite3``, under the user cache directory (platformdirs) or
``--cache-dir``. Entries older than the max age are checked again; inconclusive results
(timeouts, 5xx, 429) are kept for at most an hour, since they say nothing lasting.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from citelint.links.result import INCONCLUSIVE, REFUSED, LinkResult

SCHEMA_VERSION = 1
INCONCLUSIVE_MAX_AGE = 3600.0
_COLUMNS = (
    "url",
    "verdict",
    "status",
    "reason",
    "final_url",
    "moved_to",
    "soft404",
    "checked_at",
)


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("citelint", appauthor=False))


class LinkCache:
    """Read and write cached results; every operation is a no-op after a database error,
    so a broken or locked cache slows a run down but never fails it."""

    def __init__(self, directory: str | Path | None, max_age: float) -> None:
        self.max_age = max_age
        folder = Path(directory) if directory else default_cache_dir()
        self.path = folder / "links.sqlite3"
        self.error: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10)
            db.execute(
                "CREATE TABLE IF NOT EXISTS results (url TEXT PRIMARY KEY, verdict TEXT, "
                "status INTEGER, reason TEXT, final_url TEXT, moved_to TEXT, "
                "soft404 INTEGER, checked_at REAL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                db.execute("DELETE FROM results")
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
            db.commit()
            self._db = db
        except (OSError, sqlite3.Error) as exc:
            self.error = f"link cache disabled: {self.path}: {exc}"

    def get_many(self, urls: Iterable[str], now: float | None = None) -> dict[str, LinkResult]:
        """The fresh cached results among ``urls``."""
        if self._db is None:
            return {}
        now = time.time() if now is None else now
        out: dict[str, LinkResult] = {}
        batch: list[str] = []
        try:
            for url in urls:
                batch.append(url)
                if len(batch) >= 500:
                    self._fetch(batch, now, out)
                    batch = []
            if batch:
                self._fetch(batch, now, out)
        except sqlite3.Error as exc:
            self.error = f"link cache read failed: {exc}"
        return out

    def _fetch(self, batch: list[str], now: float, out: dict[str, LinkResult]) -> None:
        assert self._db is not None
        marks = ",".join("?" * len(batch))
        rows = self._db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM results WHERE url IN ({marks})", batch
        )
        for url, verdict, status, reason, final_url, moved_to, soft404, checked_at in rows:
            limit = self.max_age
            if verdict == INCONCLUSIVE:
                limit = min(limit, INCONCLUSIVE_MAX_AGE)
            if now - checked_at > limit:
                continue
            out[url] = LinkResult(
                url,
                verdict,
                status,
                reason,
                final_url,
                moved_to,
                bool(soft404),
                checked_at,
                from_cache=True,
            )

    def put_many(self, results: Iterable[LinkResult]) -> None:
        """Store fresh results (refusals depend on settings, and results found while
        offline say nothing about the URL: neither is ever stored)."""
        if self._db is None:
            return
        rows = [
            tuple(r.to_row()[c] for c in _COLUMNS)
            for r in results
            if not r.from_cache and r.cacheable and r.verdict != REFUSED
        ]
        if not rows:
            return
        try:
            self._db.executemany(
                f"INSERT OR REPLACE INTO results ({', '.join(_COLUMNS)}) "
                f"VALUES ({','.join('?' * len(_COLUMNS))})",
                rows,
            )
            self._db.commit()
        except sqlite3.Error as exc:
            self.error = f"link cache write failed: {exc}"

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
