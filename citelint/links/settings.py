"""Settings of the link checker: defaults, the ``[tool.citelint.links]`` table, durations.

This module imports nothing from the network stack, so loading a configuration stays
cheap when links are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from citelint import __version__

CONTACT_URL = "https://github.com/citelint/citelint"
USER_AGENT = f"citelint/{__version__} (+{CONTACT_URL}; citation link checker)"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: Any) -> float:
    """Seconds from ``90``, ``"90"``, ``"90s"``, ``"15m"``, ``"12h"``, ``"7d"``, ``"2w"``."""
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError(f"a duration cannot be negative: {value!r}")
        return float(value)
    m = _DURATION.match(str(value))
    if not m:
        raise ValueError(f"not a duration: {value!r} (use e.g. 30, 90s, 15m, 12h, 7d)")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


@dataclass
class LinkSettings:
    """Everything that tunes a link check. Field names are the config keys with ``_``
    for ``-`` (``per_host`` is ``per-host`` in ``[tool.citelint.links]``)."""

    #: seconds for connecting and for waiting for the response headers
    timeout: float = 10.0
    #: further attempts after a timeout, a connection error, a 5xx or a 429
    retries: int = 2
    #: first backoff in seconds, doubled at each retry (a ``Retry-After`` wins)
    backoff: float = 0.5
    #: a ``Retry-After`` longer than this is not waited for (the link stays unchecked)
    max_retry_wait: float = 30.0
    #: requests in flight at once, over all hosts
    max_concurrency: int = 32
    #: requests in flight at once to one host (host:port)
    per_host: int = 2
    #: seconds between the starts of two requests to one host
    host_delay: float = 0.1
    max_redirects: int = 10
    #: bytes of a GET body read at most (the rest is never downloaded)
    max_body: int = 64 * 1024
    #: check hosts that resolve to loopback, private, link-local or reserved addresses
    allow_private: bool = False
    cache: bool = True
    cache_dir: str | None = None
    #: seconds a cached result stays valid
    max_age: float = 7 * 86400.0
    user_agent: str = USER_AGENT
    #: draw a progress bar on stderr (the CLI sets it on a terminal, text format only)
    progress: bool = False
    #: static name resolution, ``{"host": "ip"}`` or ``{"host:port": "ip:port"}`` (tests)
    hosts: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> LinkSettings:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_INT_KEYS = {"retries": 0, "max_concurrency": 1, "per_host": 1, "max_redirects": 0, "max_body": 0}
_FLOAT_KEYS = {"timeout", "backoff", "max_retry_wait", "host_delay"}
_BOOL_KEYS = {"allow_private", "cache"}
_STR_KEYS = {"cache_dir", "user_agent"}
_DURATION_KEYS = {"max_age"}
CONFIG_KEYS = sorted(
    k.replace("_", "-")
    for k in (*_INT_KEYS, *_FLOAT_KEYS, *_BOOL_KEYS, *_STR_KEYS, *_DURATION_KEYS)
)


def validate_value(key: str, value: Any) -> Any:
    """Check one setting (field name) and return it in its field type; ValueError if bad."""
    if key in _INT_KEYS:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be an integer, not {type(value).__name__}")
        if value < _INT_KEYS[key]:
            raise ValueError(f"must be at least {_INT_KEYS[key]}")
        return value
    if key in _FLOAT_KEYS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"must be a number, not {type(value).__name__}")
        if value < 0:
            raise ValueError("cannot be negative")
        if key == "timeout" and value == 0:
            raise ValueError("must be more than 0")
        return float(value)
    if key in _BOOL_KEYS:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {type(value).__name__}")
        return value
    if key in _STR_KEYS:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("must be a non-empty string")
        return value
    if key in _DURATION_KEYS:
        return parse_duration(value)
    raise KeyError(key)


def from_table(table: dict[str, Any], source: str = "<config>") -> dict[str, Any]:
    """Validate a ``[tool.citelint.links]`` table; return field name → value.

    Raises ValueError naming the source and the key for unknown keys and bad values.
    """
    out: dict[str, Any] = {}
    for key, value in table.items():
        key = str(key)
        if key not in CONFIG_KEYS:
            alt = key.replace("_", "-")
            hint = f" (did you mean '{alt}'?)" if alt in CONFIG_KEYS else ""
            raise ValueError(
                f"{source}: unknown key 'links.{key}'{hint}; known keys: {', '.join(CONFIG_KEYS)}"
            )
        attr = key.replace("-", "_")
        try:
            out[attr] = validate_value(attr, value)
        except ValueError as exc:
            raise ValueError(f"{source}: 'links.{key}' {exc}") from None
    return out


def settings_from(table: dict[str, Any] | None, **overrides: Any) -> LinkSettings:
    """Settings from a validated config table, then command-line overrides."""
    base = LinkSettings(**from_table(table or {}))
    return base.with_overrides(**overrides)
