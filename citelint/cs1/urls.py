"""URL checks as Module:Citation/CS1 makes them: is a ``|url=`` value a usable URL, and does
a title, work or publisher hold an external link.

CS1 does not fetch anything; it splits the URL into scheme and host and checks their form
(see :func:`is_domain_name`). Lua patterns are byte-based, so ``%w`` here is ASCII
``[A-Za-z0-9]``.
"""

from __future__ import annotations

import re

_NO_SPACE = re.compile(r"[^ \t\n\r\f\v]+\Z")
_STRIP_PATH = re.compile(r"([A-Za-z0-9])\.?[/?#].*\Z", re.S)
_PROTO_REL = re.compile(r"//([^ \t\n\r\f\v]*)")
_SCHEMED = re.compile(r"([^ \t\n\r\f\v]*?:)(/*)([^ \t\n\r\f\v]+)")
_PORT = re.compile(r"([A-Za-z]):[0-9]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_NEWSGROUP = re.compile(r"[A-Za-z0-9+\-_]+\.[A-Za-z0-9+\-_.]*[A-Za-z0-9+\-_]\Z")
_BRACKET_SCHEMED = re.compile(r"(?<!\[)\[([A-Za-z][^ \t\n\r\f\v]*:[^ \t\n\r\f\v]+).*\]", re.S)
_BRACKET_RELATIVE = re.compile(r"(?<!\[)\[(//[^ \t\n\r\f\v]+).*\]", re.S)
_BARE_SCHEMED = re.compile(r"[A-Za-z][^ \t\n\r\f\v]*:[^ \t\n\r\f\v]+")
_BARE_RELATIVE = re.compile(r"//[^ \t\n\r\f\v]+")


def split_url(url: str) -> tuple[str | None, str | None]:
    """(scheme, host) of a URL the way CS1 splits it; host is None when it is malformed."""
    m = _STRIP_PATH.search(url)
    if m is not None:
        url = url[: m.end(1)]
    if url.startswith("//"):
        return None, _PROTO_REL.match(url).group(1)  # type: ignore[union-attr]
    m = _SCHEMED.search(url)
    if m is None:
        return None, None
    scheme, authority, domain = m.groups()
    if authority:
        if authority.replace("//", "", 1):
            return scheme, None  # one or three+ slashes
    elif not scheme.startswith("news:"):
        return scheme, None  # MediaWiki links only scheme://… (and news:)
    if ":" in domain:
        domain = _PORT.sub(lambda p: p.group(1), domain)
    return scheme, domain


def is_domain_name(domain: str | None) -> bool:
    """CS1's is_domain_name(). Its host patterns end with an unanchored "IPv6 address"
    pattern (``[%a%d]+%:?``) that matches any host with a letter or a digit, so the current
    module accepts every host that starts with one (``https://b.example/`` is fine); the
    other patterns (``hostname.tld``, one-letter ccTLD hosts…) no longer decide anything."""
    if not domain:
        return False
    if domain.startswith("//"):
        domain = domain[2:]
    if not domain or not (domain[0].isascii() and domain[0].isalnum()):
        return False
    # looks like s:Page:Title (Wikisource)
    return re.match(r"[A-Za-z]+:", domain) is None


def is_url(scheme: str | None, domain: str | None) -> bool:
    if scheme:
        return _SCHEME.match(scheme) is not None and is_domain_name(domain)
    return is_domain_name(domain)


def check_url(url: str) -> bool:
    """True when CS1 accepts ``url`` (no spaces, a scheme it links, a plausible host)."""
    if not _NO_SPACE.match(url):
        return False
    scheme, domain = split_url(url)
    if scheme == "news:":
        return domain is not None and _NEWSGROUP.match(domain) is not None
    return is_url(scheme, domain)


_MAYBE_URL = re.compile(r":[^ \t\n\r\f\v]|//")


def has_ext_link(value: str) -> bool:
    """True when a title/work/publisher value holds an external link or a bare URL."""
    if _MAYBE_URL.search(value) is None:
        return False  # every form below needs "x:y" or "//"
    m = _BRACKET_SCHEMED.search(value)
    if m is None:
        m = _BRACKET_RELATIVE.search(value)
    if m is None:
        m = _BARE_SCHEMED.search(value)
        if m is None:
            m = _BARE_RELATIVE.search(value)
            if m is None:
                return False
        piece = m.group(0)
    else:
        piece = m.group(1)
    return is_url(*split_url(piece))
