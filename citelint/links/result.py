"""What checking one URL found, and how an HTTP status is judged.

Verdicts: ``ok`` (the URL answers 2xx, maybe after redirects), ``dead`` (conclusive
evidence the page is gone: 404/410 and most other 4xx, a name that does not resolve, a
refused connection, a TLS failure), ``inconclusive`` (timeouts, 5xx, 429, bot walls:
nothing to say about the page itself) and ``refused`` (not requested at all: a non-http
scheme or a private address).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

OK = "ok"
DEAD = "dead"
INCONCLUSIVE = "inconclusive"
REFUSED = "refused"

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
#: 4xx answers that say nothing about whether the page exists
INCONCLUSIVE_4XX = frozenset({401, 403, 405, 406, 407, 408, 409, 418, 425, 429, 451})
#: LinkedIn's "request denied" and similar non-standard bot walls
BOT_WALL_STATUSES = frozenset({999})
#: answers worth trying again after a pause (a 501 never changes)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})

_SOFT_404 = re.compile(
    r"(?:^|[/_.?=&-])(?:404|not[-_]?found|page[-_]?not[-_]?found|error[-_]?404|"
    r"error(?=\.[a-z]+$|/?$))(?:[/_.?=&-]|$)",
    re.I,
)


@dataclass
class LinkResult:
    """The outcome for one URL (fragments removed). ``final_url`` is where redirects
    ended; ``moved_to`` is the new address when the first redirects were permanent;
    ``soft404`` is set when they ended on a site root or an error page."""

    url: str
    verdict: str
    status: int | None = None
    reason: str = ""
    final_url: str | None = None
    moved_to: str | None = None
    soft404: bool = False
    checked_at: float = 0.0
    requests: int = 0
    from_cache: bool = False
    #: False for answers that say nothing lasting about the URL (checked while offline)
    cacheable: bool = True

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        row.pop("from_cache")
        row.pop("requests")
        row.pop("cacheable")
        return row


def status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def judge_status(status: int, headers: Any = None) -> tuple[str, str]:
    """(verdict, reason) for a final, non-redirect answer."""
    if headers is not None and headers.get("cf-mitigated"):
        return INCONCLUSIVE, f"{status_text(status)} from a bot wall (cf-mitigated)"
    if 200 <= status < 300:
        return OK, status_text(status)
    if status in BOT_WALL_STATUSES:
        return INCONCLUSIVE, f"{status} from a bot wall"
    if status in (401, 403):
        return INCONCLUSIVE, f"{status_text(status)} (access denied; possibly a bot wall)"
    if status in INCONCLUSIVE_4XX:
        return INCONCLUSIVE, status_text(status)
    if 400 <= status < 500:
        return DEAD, status_text(status)
    if status >= 500:
        return INCONCLUSIVE, f"server error {status_text(status)}"
    return INCONCLUSIVE, f"unexpected answer {status_text(status)}"


def is_root(path: str) -> bool:
    return path in ("", "/") or path.lower() in ("/index.html", "/index.php", "/default.aspx")


def looks_like_error_page(path_and_query: str) -> bool:
    """``/404``, ``/notfound``, ``/page-not-found.html``, ``/error`` …"""
    return bool(_SOFT_404.search(path_and_query))
