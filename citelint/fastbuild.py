"""Build mwparserfromhell's trees without its per-node import cost.

mwparserfromhell's builder makes every node through the node's constructor, whose
setters pass each part (a template's name, a parameter's value…), already a
``Wikicode``, through ``utils.parse_anything``. That function starts with four
function-level imports before it looks at its argument; on the corpus they are about a
third of a parse. While citelint parses a page, the modules that call it see a version
that returns a ``Wikicode`` at once (exactly what the original returns for one) and
hands anything else to the original: same trees, same results, for citelint and for any
other thread that parses meanwhile. The module attributes are put back as they were
after the parse, also on exceptions; like :mod:`citelint.gcpause`, swaps nest and are
shared between threads (the first one in swaps, the last one out restores).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from mwparserfromhell import utils
from mwparserfromhell.wikicode import Wikicode

_lock = threading.Lock()
_depth = 0
_swapped: list[tuple[ModuleType, Any]] = []


def _fast(original: Any) -> Any:
    def parse_anything(value: Any, context: int = 0, *, skip_style_tags: bool = False) -> Any:
        if type(value) is Wikicode:
            return value
        return original(value, context, skip_style_tags=skip_style_tags)

    parse_anything.__wrapped__ = original  # type: ignore[attr-defined]
    return parse_anything


@contextmanager
def fast_builder() -> Iterator[None]:
    """Parse with the fast ``parse_anything`` in mwparserfromhell's modules."""
    global _depth
    with _lock:
        if _depth == 0:
            original = utils.parse_anything
            fast = _fast(original)
            for name, module in list(sys.modules.items()):
                if (
                    name.startswith("mwparserfromhell.")
                    and module is not None
                    and getattr(module, "parse_anything", None) is original
                ):
                    module.parse_anything = fast  # type: ignore[attr-defined]
                    _swapped.append((module, original))
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            if _depth > 0:  # 0 in a child forked during a parse (see _after_fork)
                _depth -= 1
                if _depth == 0:
                    _restore()


def _restore() -> None:
    for module, original in _swapped:
        module.parse_anything = original  # type: ignore[attr-defined]
    _swapped.clear()


def _after_fork() -> None:
    """A child forked during a parse starts with mwparserfromhell as it was before."""
    global _lock, _depth
    _lock = threading.Lock()
    if _depth:
        _depth = 0
        _restore()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
