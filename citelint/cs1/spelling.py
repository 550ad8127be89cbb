"""Close-spelling suggestions for unknown parameters CS1 has no rename for."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from citelint.cs1.data import PREPRINT_CLASSES, whitelist

_DIGITS = re.compile(r"[0-9]+")


@lru_cache(maxsize=64)
def _candidates(cls: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(plain names, enumerated names with '#') valid for a citation class."""
    wl = whitelist()
    if cls in PREPRINT_CLASSES:
        plain = {**wl.limited_basic, **wl.preprint.get(cls, {})}
        numbered = wl.limited_numbered
    else:
        plain = {**wl.basic, **wl.unique.get(cls, {})}
        numbered = wl.numbered
    ok = ("supported", "deprecated")
    return (
        tuple(sorted(n for n, s in plain.items() if s in ok)),
        tuple(sorted(n for n, s in numbered.items() if s in ok)),
    )


@lru_cache(maxsize=2048)
def closest(name: str, cls: str) -> str | None:
    """The valid parameter closest to ``name`` (ratio >= 0.8), keeping its enumerator."""
    plain, numbered = _candidates(cls)
    lower = name.lower()
    digits = _DIGITS.search(lower)
    if digits is not None:
        masked = _DIGITS.sub("#", lower, count=1)
        found = difflib.get_close_matches(masked, numbered, n=1, cutoff=0.8)
        if found:
            return found[0].replace("#", digits.group(0), 1)
    found = difflib.get_close_matches(lower, plain, n=1, cutoff=0.8)
    return found[0] if found else None
