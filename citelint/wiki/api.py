"""A small client for the MediaWiki Action API: page wikitext by title or revision id,
and a page's history, newest first.

Requests follow the API etiquette (https://www.mediawiki.org/wiki/API:Etiquette): a
descriptive User-Agent, ``maxlag=5``, retries that honour ``Retry-After`` (on HTTP 429
and 503 and on the API's own ``maxlag`` error), up to 50 titles per request, and a
bounded number of requests in flight.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx

from citelint import __version__
from citelint.retry import retry_after_seconds

CONTACT_URL = "https://github.com/citelint/citelint"
USER_AGENT = f"citelint/{__version__} (+{CONTACT_URL}; citation linter) httpx/{httpx.__version__}"

#: titles or revision ids per request (the API's limit for clients without apihighlimits)
BATCH = 50
#: revisions with content per history request (also the API's limit)
HISTORY_BATCH = 50


class WikiError(Exception):
    """The wiki could not be asked or answered with an error (exit code 2)."""


@dataclass
class Page:
    """One fetched page, or why it could not be fetched (``error``)."""

    requested: str  # the title or revision id as asked for
    title: str | None = None
    revid: int | None = None
    text: str | None = None
    timestamp: str | None = None
    redirected_from: str | None = None
    error: str | None = None

    @property
    def label(self) -> str:
        """How reports name the page: ``Title@revid``."""
        return f"{self.title}@{self.revid}" if self.revid is not None else str(self.title)


@dataclass
class Revision:
    revid: int
    timestamp: str | None
    text: str


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _retry_after(response: httpx.Response | None, default: float) -> float:
    if response is None:
        return default
    seconds = retry_after_seconds(response.headers.get("Retry-After"))
    return default if seconds is None else seconds


class WikiClient:
    """Talks to one wiki's ``api.php``. Thread-safe; use as a context manager."""

    def __init__(
        self,
        api_url: str,
        *,
        user_agent: str = USER_AGENT,
        retries: int = 4,
        concurrency: int = 4,
        timeout: float = 30.0,
        max_wait: float = 60.0,
        batch: int = BATCH,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not api_url.startswith(("http://", "https://")):
            raise WikiError(f"not an API URL: {api_url!r} (expected https://…/w/api.php)")
        self.api_url = api_url
        self.retries = retries
        self.concurrency = max(1, concurrency)
        self.max_wait = max_wait
        self.batch = max(1, min(batch, BATCH))
        self.sleep = sleep
        self.requests = 0  # requests sent, retries included (for tests and statistics)
        self.http = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip"},
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> WikiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    # -- one request ------------------------------------------------------------------

    def query(self, params: dict[str, Any]) -> dict[str, Any]:
        """POST one API request (``format=json``, ``formatversion=2``, ``maxlag=5``);
        retry on transport errors, 429, 5xx and ``maxlag``, waiting as the server asks."""
        data = {"format": "json", "formatversion": "2", "maxlag": "5", **params}
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            response: httpx.Response | None = None
            try:
                response = self.http.post(self.api_url, data=data)
            except httpx.HTTPError as exc:
                problem = f"cannot reach {self.api_url}: {exc}"
            else:
                if response.status_code == 429 or response.status_code >= 500:
                    problem = f"{self.api_url} answered HTTP {response.status_code}"
                elif response.status_code != 200:
                    raise WikiError(f"{self.api_url} answered HTTP {response.status_code}")
                else:
                    try:
                        body = response.json()
                    except ValueError:
                        raise WikiError(
                            f"{self.api_url} did not answer with JSON (is it api.php?)"
                        ) from None
                    error = body.get("error") if isinstance(body, dict) else None
                    if not error:
                        return body
                    if error.get("code") != "maxlag":
                        info = error.get("info") or error.get("code")
                        raise WikiError(f"{self.api_url}: {info}")
                    problem = f"{self.api_url} is lagged: {error.get('info', 'maxlag')}"
            if attempt > self.retries:
                raise WikiError(f"{problem} (gave up after {attempt} attempts)")
            wait = _retry_after(response, min(2.0 ** (attempt - 1), self.max_wait))
            self.sleep(min(wait, self.max_wait))

    # -- pages --------------------------------------------------------------------------

    def pages(self, titles: Iterable[str]) -> list[Page]:
        """The current wikitext of each title, in the order asked (redirects followed)."""
        return self._fetch([str(t) for t in titles], "titles")

    def revisions(self, revids: Iterable[int | str]) -> list[Page]:
        """The wikitext of each revision id, in the order asked."""
        return self._fetch([str(r) for r in revids], "revids")

    def _fetch(self, keys: list[str], kind: str) -> list[Page]:
        unique = list(dict.fromkeys(keys))
        batches = _batches(unique, self.batch)
        found: dict[str, Page] = {}
        if len(batches) <= 1 or self.concurrency == 1:
            for b in batches:
                found.update(self._fetch_batch(b, kind))
        else:
            with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
                for part in pool.map(lambda b: self._fetch_batch(b, kind), batches):
                    found.update(part)
        return [found[k] for k in keys]

    def _fetch_batch(self, keys: list[str], kind: str) -> dict[str, Page]:
        params = {
            "action": "query",
            "prop": "revisions",
            "rvprop": "content|ids|timestamp",
            "rvslots": "main",
            kind: "|".join(keys),
        }
        if kind == "titles":
            params["redirects"] = "1"
        body = self.query(params)
        query = body.get("query", {})
        out: dict[str, Page] = {}
        if kind == "titles":
            # requested → normalised → redirect target
            normalized = {n["from"]: n["to"] for n in query.get("normalized", [])}
            redirects = {r["from"]: r["to"] for r in query.get("redirects", [])}
            by_title = {p.get("title"): p for p in query.get("pages", [])}
            for key in keys:
                title = normalized.get(key, key)
                via = None
                seen = set()
                while title in redirects and title not in seen:
                    seen.add(title)
                    via = via or title
                    title = redirects[title]
                page = by_title.get(title)
                out[key] = self._page(key, page, via)
            return out
        by_rev: dict[str, dict] = {}
        for p in query.get("pages", []):
            for rev in p.get("revisions", []):
                by_rev[str(rev.get("revid"))] = {**p, "revisions": [rev]}
        for key in keys:
            page = by_rev.get(key)
            if page is None:
                out[key] = Page(key, error=f"revision {key} does not exist")
            else:
                out[key] = self._page(key, page, None)
        return out

    @staticmethod
    def _page(key: str, page: dict | None, via: str | None) -> Page:
        if page is None:
            return Page(key, error=f"page {key!r} was not in the API's answer")
        title = page.get("title", key)
        if page.get("invalid"):
            reason = page.get("invalidreason", "invalid title")
            return Page(key, title=title, error=f"invalid title {key!r}: {reason}")
        if page.get("missing"):
            return Page(key, title=title, error=f"page {title!r} does not exist")
        revs = page.get("revisions") or []
        if not revs:
            return Page(key, title=title, error=f"page {title!r} has no revision")
        rev = revs[0]
        main = (rev.get("slots") or {}).get("main") or {}
        if main.get("texthidden") or "content" not in main:
            return Page(key, title=title, error=f"the text of {title!r} is not available")
        return Page(
            key,
            title=title,
            revid=rev.get("revid"),
            text=main["content"],
            timestamp=rev.get("timestamp"),
            redirected_from=via,
        )

    # -- history ------------------------------------------------------------------------

    def history(
        self, title: str, limit: int = 50, start_id: int | None = None
    ) -> Iterator[Revision]:
        """Up to ``limit`` revisions of ``title`` with their text, newest first
        (from ``start_id`` backwards when given)."""
        params: dict[str, Any] = {
            "action": "query",
            "prop": "revisions",
            "rvprop": "content|ids|timestamp",
            "rvslots": "main",
            "rvdir": "older",
            "titles": title,
        }
        if start_id is not None:
            params["rvstartid"] = str(start_id)
        left = limit
        while left > 0:
            params["rvlimit"] = str(min(left, HISTORY_BATCH))
            body = self.query(params)
            for page in body.get("query", {}).get("pages", []):
                for rev in page.get("revisions", []):
                    main = (rev.get("slots") or {}).get("main") or {}
                    if "content" not in main:
                        continue
                    left -= 1
                    yield Revision(rev["revid"], rev.get("timestamp"), main["content"])
                    if left <= 0:
                        return
            cont = body.get("continue")
            if not cont:
                return
            params.update({k: v for k, v in cont.items() if k != "continue"})
