"""The async link checker: one httpx client and one event loop for a whole run.

Scheduling: URLs are queued per host (``host:port``). A dispatcher starts at most
``max_concurrency`` checks at once and at most ``per_host`` per host, and spaces the
requests to one host by ``host_delay`` seconds; a busy or rate-limited host never holds
up the others. Each check asks HEAD first, falls back to GET (streamed, at most
``max_body`` bytes read) when HEAD is refused or inconclusive, retries timeouts,
connection errors, 5xx and 429 with exponential backoff that honours ``Retry-After``,
and follows redirects itself so that each hop is vetted and judged.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import heapq
import importlib.util
import itertools
import ssl
import sys
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpcore
import httpx

# httpcore asks "import sniffio" on every request; when sniffio is not installed each
# failed import searches sys.path again (a third of the CPU time of a run). Recording the
# absence once makes the same ImportError instant.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

from citelint.links.result import (
    DEAD,
    INCONCLUSIVE,
    OK,
    PERMANENT_REDIRECTS,
    REDIRECT_STATUSES,
    REFUSED,
    RETRY_STATUSES,
    LinkResult,
    is_root,
    judge_status,
    looks_like_error_page,
)
from citelint.links.safety import BlockedAddress, DNSFailure, GuardedBackend, host_refusal
from citelint.links.settings import LinkSettings
from citelint.retry import retry_after_seconds

OnResult = Callable[[LinkResult], None]
_T = TypeVar("_T")


class _Done:
    """Stands in for the dispatcher's wake-up future before the loop runs."""

    def done(self) -> bool:
        return True

    def cancel(self) -> bool:
        return False


_DONE: Any = _Done()

_FINAL_KINDS = frozenset({"dns", "tls", "blocked", "invalid"})
_RETRY_KINDS = frozenset({"timeout", "refused", "dns-temp", "network"})
_DEAD_KINDS = frozenset({"dns", "tls", "refused"})


@dataclass
class _Answer:
    """One request's outcome: a status and headers, or an error kind and reason."""

    status: int | None = None
    headers: httpx.Headers | None = None
    kind: str = ""
    error: str = ""
    note: str = ""

    @property
    def retryable(self) -> bool:
        if self.status is not None:
            return self.status in RETRY_STATUSES
        return self.kind in _RETRY_KINDS

    @property
    def location(self) -> str | None:
        if self.status in REDIRECT_STATUSES and self.headers is not None:
            return self.headers.get("location")
        return None

    def retry_after(self) -> float | None:
        """Seconds from a ``Retry-After`` header (delta or HTTP date), if any."""
        if self.headers is None:
            return None
        return retry_after_seconds(self.headers.get("retry-after"))


@dataclass(eq=False)
class _Host:
    key: str
    queue: deque[str] = field(default_factory=deque)
    #: checks holding one of this host's slots
    active: int = 0
    next_at: float = 0.0
    scheduled: bool = False
    #: checks back from a retry pause, waiting for a slot (served before new URLs)
    waiters: deque[asyncio.Future] = field(default_factory=deque)


@dataclass
class _Ticket:
    """Per-check state: the host whose slot the check holds, whether the dispatcher
    already paid that host's spacing for the next request, the request count."""

    owner: _Host
    prepaid: bool = True
    requests: int = 0
    #: cookies set during this check only (some sites redirect to set one)
    cookies: httpx.Cookies | None = None


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport over an httpcore pool whose connections go through the guard."""

    def __init__(self, pool: httpcore.AsyncConnectionPool) -> None:
        self._pool = pool


class _PerHostTransport(httpx.AsyncBaseTransport):
    """One small connection pool per host instead of one big pool.

    httpcore matches queued requests to connections by scanning the whole pool, which
    grows quadratic with hundreds of keep-alive connections to many hosts; a pool per
    host stays as small as the per-host limit. Pools of hosts not used for a while are
    closed so that a run over many hosts keeps few sockets open.
    """

    def __init__(self, backend: GuardedBackend, per_host: int, max_pools: int = 256) -> None:
        self.backend = backend
        self.per_host = per_host
        self.max_pools = max_pools
        self.pools: dict[tuple[bytes, bytes, int | None], _Transport] = {}
        self.busy: dict[tuple[bytes, bytes, int | None], int] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = (url.raw_scheme, url.raw_host, url.port)
        transport = self.pools.pop(key, None)
        if transport is None:
            await self._trim()
            transport = _Transport(
                httpcore.AsyncConnectionPool(
                    ssl_context=_ssl_context(),
                    max_connections=self.per_host + 2,
                    max_keepalive_connections=self.per_host + 2,
                    keepalive_expiry=10.0,
                    network_backend=self.backend,
                )
            )
        self.pools[key] = transport  # most recently used last
        self.busy[key] = self.busy.get(key, 0) + 1
        try:
            response = await transport.handle_async_request(request)
        except BaseException:
            self.busy[key] -= 1
            raise
        response.stream = _Release(response.stream, self, key)  # type: ignore[arg-type]
        return response

    def release(self, key: tuple[bytes, bytes, int | None]) -> None:
        self.busy[key] -= 1

    async def _trim(self) -> None:
        if len(self.pools) < self.max_pools:
            return
        for key in list(self.pools):
            if len(self.pools) < self.max_pools:
                break
            if self.busy.get(key, 0) == 0:
                transport = self.pools.pop(key)
                self.busy.pop(key, None)
                with contextlib.suppress(Exception):
                    await transport.aclose()

    async def aclose(self) -> None:
        for transport in self.pools.values():
            with contextlib.suppress(Exception):
                await transport.aclose()
        self.pools.clear()


class _Release(httpx.AsyncByteStream):
    """A response stream that tells the transport when its pool is free again."""

    def __init__(self, inner: httpx.AsyncByteStream, owner: _PerHostTransport, key: tuple) -> None:
        self.inner = inner
        self.owner = owner
        self.key = key
        self.released = False

    async def __aiter__(self):  # type: ignore[override]
        async for chunk in self.inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self.inner.aclose()
        finally:
            if not self.released:
                self.released = True
                self.owner.release(self.key)


def host_key(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.host.lower()}:{port}"


def _root_cause(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        chain.append(cur)
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return chain


def _classify(exc: BaseException, timeout: float) -> _Answer:
    if isinstance(exc, BlockedAddress):
        return _Answer(kind="blocked", error=f"not checked: {exc} (use --allow-private)")
    if isinstance(exc, DNSFailure):
        return _Answer(kind="dns" if exc.permanent else "dns-temp", error=exc.detail)
    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException)):
        return _Answer(kind="timeout", error=f"timed out after {timeout:g} s")
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return _Answer(kind="invalid", error=f"not a valid URL ({exc})")
    chain = _root_cause(exc)
    for e in chain:
        if isinstance(e, ssl.SSLError):
            detail = getattr(e, "verify_message", None) or getattr(e, "reason", None) or str(e)
            return _Answer(kind="tls", error=f"TLS failure: {detail}")
    for e in chain:
        if isinstance(e, ConnectionRefusedError) or (
            isinstance(e, OSError) and e.errno == errno.ECONNREFUSED
        ):
            return _Answer(kind="refused", error="connection refused")
    if any("connection refused" in str(e).lower() for e in chain):
        return _Answer(kind="refused", error="connection refused")
    detail = str(exc) or type(exc).__name__
    return _Answer(kind="network", error=f"network error: {detail}")


class Checker:
    """Check many URLs with one client; ``run`` returns a result for every URL given."""

    def __init__(self, settings: LinkSettings, on_result: OnResult | None = None) -> None:
        self.s = settings
        self.on_result = on_result
        self.hosts: dict[str, _Host] = {}
        self._host_of: dict[str, _Host] = {}
        #: number of requests sent (tests and the bench read it)
        self.requests = 0
        self._client: httpx.AsyncClient | None = None
        #: URLs whose check ended on a failed DNS lookup
        self._dns_failed: set[str] = set()
        #: set by ``run`` when every DNS lookup of the run failed (no network)
        self.offline = False
        self._backend: GuardedBackend | None = None
        # dispatcher state: hosts ready now, hosts ready later (heap), slots in use
        self._ready: deque[_Host] = deque()
        self._later: list[tuple[float, int, _Host]] = []
        self._seq = itertools.count()
        self._running = 0
        self._kick: asyncio.Future = _DONE
        self._finished: deque[asyncio.Task] = deque()

    # -- entry point -------------------------------------------------------------

    async def run(self, urls: list[str]) -> dict[str, LinkResult]:
        results: dict[str, LinkResult] = {}
        todo: list[str] = []
        for url in dict.fromkeys(urls):
            refusal = self._precheck(url)
            if refusal is not None:
                self._done(results, refusal)
            else:
                todo.append(url)
        if not todo:
            return results
        backend = self._backend = GuardedBackend(self.s.allow_private, self.s.hosts)
        headers = {
            "User-Agent": self.s.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en",
        }
        self._transport = _PerHostTransport(backend, self.s.per_host)
        async with httpx.AsyncClient(
            transport=self._transport,
            headers=headers,
            timeout=httpx.Timeout(self.s.timeout),
            follow_redirects=False,
            trust_env=False,
        ) as client:
            self._client = client
            await self._dispatch(todo, results)
        self._client = None
        if backend.failed_names and not backend.resolved_names:
            # Not one name resolved: the resolver (or the network) is down, whatever the
            # number of hosts. A name that "does not exist" then proves nothing, and such
            # answers must not outlive the outage in the cache.
            self.offline = True
            for url in self._dns_failed:
                r = results[url]
                if r.verdict == DEAD:
                    r.verdict = INCONCLUSIVE
                    r.reason += "; no host name resolved at all: is the network down?"
                r.cacheable = False
        return results

    def _done(self, results: dict[str, LinkResult], result: LinkResult) -> None:
        results[result.url] = result
        if self.on_result is not None:
            backend = self._backend
            if (
                result.verdict == DEAD
                and result.url in self._dns_failed
                and backend is not None
                and not backend.resolved_names
            ):
                # no name has resolved yet: maybe offline, so not "dead" on the progress
                # bar (the verdict is settled when the run ends)
                result = replace(result, verdict=INCONCLUSIVE)
            self.on_result(result)

    def _precheck(self, url: str) -> LinkResult | None:
        """A refusal for a URL that must not be requested at all, else None."""
        refusal = self._refusal(url)
        if refusal is None:
            return None
        return LinkResult(url, REFUSED, reason=refusal[1], checked_at=time.time())

    def _refusal(self, url: str) -> tuple[bool, str] | None:
        """(is it a private address?, reason) when ``url`` must not be requested."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            return False, f"not a valid URL ({exc})"
        if parsed.scheme not in ("http", "https"):
            return False, f"not checked: the {parsed.scheme or 'missing'} scheme is not http(s)"
        if not parsed.host:
            return False, "not a valid URL (no host)"
        refusal = host_refusal(parsed.host, self.s.allow_private)
        if refusal is not None:
            return True, f"not checked: {refusal} (use --allow-private)"
        return None

    # -- scheduling --------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        host = self._host_of.get(url)
        if host is None:
            key = host_key(httpx.URL(url))
            host = self.hosts.get(key)
            if host is None:
                host = self.hosts[key] = _Host(key)
            if len(self._host_of) > 100_000:
                self._host_of.clear()
            self._host_of[url] = host
        return host

    async def _dispatch(self, urls: list[str], results: dict[str, LinkResult]) -> None:
        """Start checks while global and per-host slots and per-host spacing allow."""
        loop = asyncio.get_running_loop()
        for url in urls:
            self._host(url).queue.append(url)
        tasks: dict[asyncio.Task, _Host] = {}
        for h in list(self.hosts.values()):
            self._schedule(h)
        while self._ready or self._later or tasks:
            now = loop.time()
            while self._later and self._later[0][0] <= now:
                self._ready.append(heapq.heappop(self._later)[2])
            while self._ready and self._running < self.s.max_concurrency:
                h = self._ready.popleft()
                h.scheduled = False
                if h.next_at > now:  # a Retry-After pushed it back meanwhile
                    self._schedule(h)
                    continue
                if h.active >= self.s.per_host or not (h.waiters or h.queue):
                    continue
                h.active += 1
                self._running += 1
                h.next_at = max(now, h.next_at) + self.s.host_delay
                if h.waiters:  # a retry gets the slot before new URLs do
                    h.waiters.popleft().set_result(None)
                else:
                    url = h.queue.popleft()
                    task = asyncio.ensure_future(self._check(url, _Ticket(h)))
                    task.add_done_callback(self._finish)
                    tasks[task] = h
                self._schedule(h)
            if not self._finished:
                await self._sleep_until_kicked(loop)
            while self._finished:
                task = self._finished.popleft()
                h = tasks.pop(task)
                h.active -= 1
                self._running -= 1
                self._done(results, task.result())
                self._schedule(h)

    async def _sleep_until_kicked(self, loop: asyncio.AbstractEventLoop) -> None:
        """Wait until a check ends, a host gets work or a slot, or spacing runs out."""
        kick = self._kick = loop.create_future()
        timer = None
        if self._later and self._running < self.s.max_concurrency:
            delay = max(0.0, self._later[0][0] - loop.time())
            timer = loop.call_later(delay, self._wake)
        try:
            await kick
        finally:
            if timer is not None:
                timer.cancel()

    def _wake(self, *_: object) -> None:
        if not self._kick.done():
            self._kick.set_result(None)

    def _finish(self, task: asyncio.Task) -> None:
        self._finished.append(task)
        self._wake()

    def _schedule(self, h: _Host) -> None:
        """Put a host with work and a free slot in line: now, or when its spacing ends."""
        if h.scheduled or not (h.waiters or h.queue) or h.active >= self.s.per_host:
            return
        h.scheduled = True
        if h.next_at > asyncio.get_running_loop().time():
            heapq.heappush(self._later, (h.next_at, next(self._seq), h))
        else:
            self._ready.append(h)
        self._wake()

    async def _pause(self, ticket: _Ticket, seconds: float) -> None:
        """Sleep before a retry without holding a slot, then queue for one again."""
        h = ticket.owner
        h.active -= 1
        self._running -= 1
        self._schedule(h)
        await asyncio.sleep(seconds)
        waiter = asyncio.get_running_loop().create_future()
        h.waiters.append(waiter)
        self._schedule(h)
        await waiter
        ticket.prepaid = True

    async def _pace(self, host: _Host, ticket: _Ticket) -> None:
        """Wait for this host's next request slot (the dispatcher paid for the first)."""
        if ticket.prepaid and host is ticket.owner:
            ticket.prepaid = False
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        start = max(now, host.next_at)
        host.next_at = start + self.s.host_delay
        if start > now:
            await asyncio.sleep(start - now)

    # -- one URL -----------------------------------------------------------------

    async def _check(self, url: str, ticket: _Ticket) -> LinkResult:
        try:
            result = await self._follow(url, ticket)
        except Exception as exc:  # a bug must not sink the whole run
            result = LinkResult(url, INCONCLUSIVE, reason=f"internal error: {exc!r}")
        result.requests = ticket.requests
        result.checked_at = time.time()
        return result

    async def _follow(self, url: str, ticket: _Ticket) -> LinkResult:
        chain: list[tuple[int, str]] = []
        seen = {url}
        current = url
        for _ in range(self.s.max_redirects + 1):
            answer = await self._fetch(current, ticket)
            location = answer.location
            if location is None:
                break
            try:
                nxt = str(httpx.URL(current).join(location.strip()).copy_with(fragment=None))
            except (httpx.InvalidURL, ValueError):
                return LinkResult(url, INCONCLUSIVE, answer.status, f"bad redirect {location!r}")
            assert answer.status is not None
            chain.append((answer.status, nxt))
            if nxt in seen:
                return LinkResult(url, INCONCLUSIVE, answer.status, f"redirect loop at {nxt}")
            refusal = self._refusal(nxt)
            if refusal is not None:
                private, why = refusal
                verdict = REFUSED if private else INCONCLUSIVE
                return LinkResult(url, verdict, answer.status, f"redirects to {nxt}: {why}")
            seen.add(nxt)
            current = nxt
        else:
            return LinkResult(
                url, INCONCLUSIVE, None, f"more than {self.s.max_redirects} redirects"
            )
        return self._judge(url, current, chain, answer)

    def _judge(
        self, url: str, final: str, chain: list[tuple[int, str]], answer: _Answer
    ) -> LinkResult:
        via = f"redirects to {final}, which " if chain else ""
        final_url = final if chain else None
        if answer.status is None:
            if answer.kind in ("dns", "dns-temp"):
                self._dns_failed.add(url)
            if answer.kind in _DEAD_KINDS:
                verdict = DEAD
            elif answer.kind == "blocked":
                verdict = REFUSED
            else:
                verdict = INCONCLUSIVE
            reason = f"{via}fails: {answer.error}" if via else answer.error
            return LinkResult(url, verdict, None, reason, final_url)
        verdict, reason = judge_status(answer.status, answer.headers)
        if answer.note:
            reason = f"{reason}; {answer.note}"
        result = LinkResult(
            url, verdict, answer.status, f"{via}answers {reason}" if via else reason
        )
        result.final_url = final_url
        if not chain or verdict != OK:
            return result
        k = 0
        while k < len(chain) and chain[k][0] in PERMANENT_REDIRECTS:
            k += 1
        if k:
            result.moved_to = chain[k - 1][1]
        start, end = httpx.URL(url), httpx.URL(final)
        end_tail = end.path + ("?" + end.query.decode() if end.query else "")
        start_tail = start.path + ("?" + start.query.decode() if start.query else "")
        if (is_root(end.path) and not end.query and not is_root(start.path)) or (
            looks_like_error_page(end_tail) and not looks_like_error_page(start_tail)
        ):
            result.soft404 = True
        return result

    async def _fetch(self, url: str, ticket: _Ticket) -> _Answer:
        """HEAD, then GET at once when HEAD is refused or inconclusive (unless the server
        asked for a pause: 429, ``Retry-After``); timeouts, connection errors, 5xx and 429
        are retried with backoff. At most ``retries + 2`` requests."""
        host = self._host(url)
        method = "HEAD"
        retries_left = self.s.retries
        while True:
            answer = await self._send(method, url, host, ticket)
            if answer.status is not None and (
                200 <= answer.status < 300 or answer.location is not None
            ):
                return answer
            if answer.kind in _FINAL_KINDS:
                return answer
            if method == "HEAD":
                method = "GET"
                if answer.status is not None and answer.status != 429:
                    if answer.retry_after() is None:
                        continue  # HEAD refused or inconclusive (405, 403, 5xx): GET at once
                elif not answer.retryable:
                    continue
            if not answer.retryable or retries_left == 0:
                return answer
            attempt = self.s.retries - retries_left
            asked = answer.retry_after()
            if asked is not None and asked > self.s.max_retry_wait:
                answer.note = f"asked to retry after {asked:.0f} s, longer than max-retry-wait"
                return answer
            wait = asked if asked is not None else self.s.backoff * (2**attempt)
            retries_left -= 1
            if asked is not None:  # the server asked for a pause: the whole host gets it
                loop = asyncio.get_running_loop()
                host.next_at = max(host.next_at, loop.time() + wait)
            await self._pause(ticket, wait)

    async def _send(self, method: str, url: str, host: _Host, ticket: _Ticket) -> _Answer:
        assert self._client is not None
        await self._pace(host, ticket)
        self.requests += 1
        ticket.requests += 1
        client = self._client
        try:
            request = client.build_request(method, url)
            if ticket.cookies is not None:
                ticket.cookies.set_cookie_header(request)
            # the transport directly: the client's auth, hooks and redirect layers are
            # not needed here, and cookies are kept per check (see _Ticket)
            response = await _within(self._transport.handle_async_request(request), self.s.timeout)
            response.request = request
        except Exception as exc:
            return _classify(exc, self.s.timeout)
        if "set-cookie" in response.headers:
            if ticket.cookies is None:
                ticket.cookies = httpx.Cookies()
            ticket.cookies.extract_cookies(response)
        try:
            # reading the (capped) rest of the answer lets the connection be reused
            with contextlib.suppress(Exception):
                await _within(self._drain(response), self.s.timeout)
            return _Answer(response.status_code, response.headers)
        finally:
            with contextlib.suppress(Exception):
                await response.aclose()

    async def _drain(self, response: httpx.Response) -> None:
        """Read at most ``max_body`` bytes; a small body is read whole, so the
        connection can be reused, a large one is cut off by closing it."""
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.s.max_body:
            return
        read = 0
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > self.s.max_body:
                return


async def _within(awaitable: Awaitable[_T], seconds: float) -> _T:
    """``await awaitable`` with a deadline (no extra task, unlike wait_for)."""
    async with asyncio.timeout(seconds):
        return await awaitable


_SSL: ssl.SSLContext | None = None


def _ssl_context() -> ssl.SSLContext:
    global _SSL
    if _SSL is None:
        import certifi

        _SSL = ssl.create_default_context(cafile=certifi.where())
    return _SSL


async def check_urls_async(
    urls: list[str], settings: LinkSettings, on_result: OnResult | None = None
) -> dict[str, LinkResult]:
    """Check ``urls`` (already normalised) inside a running event loop."""
    return await Checker(settings, on_result).run(urls)
