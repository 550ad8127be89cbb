"""The link-checking options of ``citelint check``, as one click decorator.

Command-line flags override ``[tool.citelint.links]``; the options reach the command as
one ``link_flags`` dict, turned into :class:`LinkSettings` by :func:`settings_from_flags`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from citelint.links.settings import LinkSettings, parse_duration, settings_from

_OPTIONS = [
    click.option(
        "--check-links",
        is_flag=True,
        help="Check the cited URLs over the network and run the LINK rules (off by default).",
    ),
    click.option(
        "--allow-private",
        is_flag=True,
        default=None,
        help="Also check URLs whose host is loopback, private, link-local or reserved.",
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Folder of the link cache (default: the user cache folder).",
    ),
    click.option(
        "--no-cache", is_flag=True, default=False, help="Neither read nor write the link cache."
    ),
    click.option(
        "--max-age",
        default=None,
        metavar="AGE",
        help="Recheck cached link results older than AGE (e.g. 3600, 12h, 7d; default 7d).",
    ),
    click.option(
        "--link-timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        metavar="SECONDS",
        help="Timeout for connecting and for the response headers (default 10).",
    ),
    click.option(
        "--link-retries",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help="Retries after timeouts, connection errors, 5xx and 429 (default 2).",
    ),
    click.option(
        "--max-concurrency",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Link requests in flight at once, all hosts together (default 32).",
    ),
    click.option(
        "--per-host",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Link requests in flight at once to one host (default 2).",
    ),
    click.option(
        "--host-delay",
        type=click.FloatRange(min=0),
        default=None,
        metavar="SECONDS",
        help="Pause between the starts of two requests to one host (default 0.1).",
    ),
]
_NAMES = (
    "check_links",
    "allow_private",
    "cache_dir",
    "no_cache",
    "max_age",
    "link_timeout",
    "link_retries",
    "max_concurrency",
    "per_host",
    "host_delay",
)


def link_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the link options to a click command; it receives them as ``link_flags``."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        flags = {name: kwargs.pop(name, None) for name in _NAMES}
        return f(*args, link_flags=flags, **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def settings_from_flags(
    flags: dict[str, Any], table: dict[str, Any] | None, fmt: str | None, quiet: bool = False
) -> LinkSettings | None:
    """The link settings for this run, or None without ``--check-links``.

    Raises ValueError for a bad ``--max-age`` or a bad ``[tool.citelint.links]`` table.
    """
    if not flags.get("check_links"):
        return None
    max_age = flags.get("max_age")
    return settings_from(
        table,
        allow_private=True if flags.get("allow_private") else None,
        cache_dir=flags.get("cache_dir"),
        cache=False if flags.get("no_cache") else None,
        max_age=parse_duration(max_age) if max_age is not None else None,
        timeout=flags.get("link_timeout"),
        retries=flags.get("link_retries"),
        max_concurrency=flags.get("max_concurrency"),
        per_host=flags.get("per_host"),
        host_delay=flags.get("host_delay"),
        progress=fmt in (None, "text") and not quiet and sys.stderr.isatty(),
    )
