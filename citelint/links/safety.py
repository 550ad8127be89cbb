"""Keep the checker off private networks: a wiki page must not make a CI runner probe
its own network.

Every TCP connection goes through :class:`GuardedBackend`, which resolves the host name
itself, refuses loopback, private, link-local, multicast and reserved addresses (unless
allowed), and connects to the address it vetted, so a second DNS answer cannot swap in a
private address (DNS rebinding), and redirects are vetted like the first request.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from citelint.links.net import default_backend

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_PERMANENT_DNS_ERRORS = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


class BlockedAddress(Exception):
    """The host resolves to an address the checker must not contact."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to the non-public address {address}")
        self.host = host
        self.address = address


class DNSFailure(Exception):
    """The host name could not be resolved; ``permanent`` when the name does not exist."""

    def __init__(self, host: str, permanent: bool, detail: str) -> None:
        super().__init__(f"{host}: {detail}")
        self.host = host
        self.permanent = permanent
        self.detail = detail


def is_public(ip: Address) -> bool:
    """True for globally routable unicast addresses (IPv4 inside IPv6 is unwrapped)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None and not is_public(inner):
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def literal_address(host: str) -> Address | None:
    """The IP address a URL host spells literally (``[::1]``, ``127.0.0.1``), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def host_refusal(host: str, allow_private: bool) -> str | None:
    """A reason to refuse a URL host before any lookup, or None."""
    if allow_private:
        return None
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is the local machine"
    ip = literal_address(name)
    if ip is not None and not is_public(ip):
        return f"{host} is a non-public address"
    return None


class GuardedBackend(AsyncNetworkBackend):
    """An httpcore network backend that vets every address before connecting.

    ``hosts`` maps ``name`` or ``name:port`` to ``ip`` or ``ip:port`` (static
    resolution, like curl's ``--connect-to``); lookups are cached for the run.
    """

    def __init__(
        self,
        allow_private: bool = False,
        hosts: dict[str, str] | None = None,
        inner: AsyncNetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.hosts = {k.lower(): v for k, v in (hosts or {}).items()}
        self.inner = inner or default_backend()
        self._resolved: dict[tuple[str, int], list[tuple[str, int]]] = {}
        #: host names that resolved through DNS during the run (proof the resolver works)
        self.resolved_names: set[str] = set()
        self.failed_names: set[str] = set()

    def _static(self, host: str, port: int) -> list[tuple[str, int]] | None:
        target = self.hosts.get(f"{host}:{port}") or self.hosts.get(host)
        if target is None:
            return None
        ip, _, tport = target.rpartition(":") if target.count(":") == 1 else (target, "", "")
        return [(ip, int(tport) if tport else port)]

    async def resolve(self, host: str, port: int) -> list[tuple[str, int]]:
        key = (host.lower(), port)
        cached = self._resolved.get(key)
        if cached is not None:
            return cached
        addrs = self._static(key[0], port)
        if addrs is None:
            if literal_address(host) is not None:
                addrs = [(host.strip("[]"), port)]
            else:
                addrs = await self._lookup(host, port)
        self._resolved[key] = addrs
        return addrs

    async def _lookup(self, host: str, port: int) -> list[tuple[str, int]]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            self.failed_names.add(host.lower())
            permanent = exc.errno in _PERMANENT_DNS_ERRORS
            detail = "DNS name not found" if permanent else f"DNS lookup failed ({exc.strerror})"
            raise DNSFailure(host, permanent, detail) from exc
        except UnicodeError as exc:
            raise DNSFailure(host, True, "invalid host name") from exc
        self.resolved_names.add(host.lower())
        seen: list[tuple[str, int]] = []
        for _family, _type, _proto, _canon, sockaddr in infos:
            addr = (str(sockaddr[0]), int(sockaddr[1]))
            if addr not in seen:
                seen.append(addr)
        return seen

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> AsyncNetworkStream:
        addrs = await self.resolve(host, port)
        if not addrs:
            raise DNSFailure(host, True, "DNS name has no address")
        if not self.allow_private:
            for ip, _ in addrs:
                if not is_public(ipaddress.ip_address(ip.split("%")[0])):
                    raise BlockedAddress(host, ip)
        last: Exception | None = None
        for ip, tport in addrs:
            try:
                return await self.inner.connect_tcp(
                    ip,
                    tport,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                last = exc
        raise last  # type: ignore[misc]

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> AsyncNetworkStream:  # pragma: no cover - never used for URLs
        raise BlockedAddress(path, "unix socket")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
