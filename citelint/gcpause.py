"""Pause Python's cyclic garbage collector while citelint builds and checks a page.

A parse makes hundreds of thousands of small objects that all stay alive until the page
is done. Each allocation burst counts towards the collector's thresholds, so it keeps
running and every full collection walks the whole live tree again: about 14 % of a
lint on ordinary articles, and on one multi-megabyte page the cost grows faster than
the page (it doubled the time of a 5 MB page). The work is wasted: mwparserfromhell's
trees and citelint's index hold no reference cycles that matter, they are freed by
reference counting as soon as the last reference goes; the few small cycles a lint
makes are collected on the collector's next run after the pause.

Only the on/off switch is touched, never the thresholds or the frozen generation, and it
is put back as it was, also when a rule raises. Pauses nest and are shared between
threads: the state is saved by the first thread that pauses and restored by the last
one that leaves, so a library user's ``gc.isenabled()`` is the same after any lint.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic collector off, restoring its previous state after."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            if _depth > 0:  # 0 in a child forked during a pause (see _after_fork)
                _depth -= 1
                if _depth == 0 and _was_enabled:
                    gc.enable()


def _after_fork() -> None:
    """A child forked while a pause was on starts with the collector as it was before."""
    global _lock, _depth
    _lock = threading.Lock()
    if _depth:
        _depth = 0
        if _was_enabled:
            gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
