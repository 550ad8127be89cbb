"""Run a function over a stream of items in worker processes, results in input order.

Used by ``citelint dump`` and ``citelint check --jobs N``. At most ``window`` items are
in flight (submitted and not yet handed back), so a producer that reads a 90 GB dump never
runs ahead of the workers by more than that, and the results come back in the order of
the items (a bounded reorder buffer: the oldest item is always the one waited for), so
the output of ``--jobs 2`` is byte for byte that of ``--jobs 1``.

On Linux, when this process runs no other thread, workers are forked: they start with
citelint already imported, which saves each of them a third of a second of imports (a
tenth of a corpus run on two cores). Otherwise (threads, such as a progress bar's, or
another system) they are spawned. Either way they build their state once with
``initializer`` and ignore SIGINT: Ctrl-C reaches the parent, which stops submitting,
cancels what has not started and lets the workers exit.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerDied(Exception):
    """A worker process ended abruptly (killed, out of memory): the run cannot go on."""


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def worker_context() -> Any:
    """Fork where that is safe (Linux, no other thread in this process), else spawn."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _init_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


#: broken pools one run survives before it gives up (each costs a restart of the pool)
MAX_CRASHES = 50


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
    on_crash: Callable[[T, str], R] | None = None,
) -> Iterator[R]:
    """``map(fn, items)`` on ``jobs`` processes, lazily and in order.

    With ``jobs`` 1 everything runs here (``initializer`` is called once first). ``fn``
    and ``initializer`` must be importable module-level functions.

    A worker that dies (killed, a crash in C code) breaks the pool and every item in
    flight. With ``on_crash`` the run goes on: the pool is restarted, the oldest of those
    items is run again on its own, and if it kills that worker too it is the culprit and
    ``on_crash(item, why)`` stands for its result; the others are submitted again. Without
    ``on_crash``, or after ``MAX_CRASHES``, :class:`WorkerDied` is raised."""
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield fn(item)
        return
    window = window or jobs * 4

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=worker_context(),
            initializer=_init_worker,
            initargs=(initializer, initargs),
        )

    def restart(broken: ProcessPoolExecutor) -> ProcessPoolExecutor:
        broken.shutdown(wait=True, cancel_futures=True)
        return new_pool()

    def submit(item: T) -> Future:
        try:
            return pool.submit(fn, item)
        except BrokenProcessPool as exc:  # broke since the last look: fail like the others
            failed: Future = Future()
            failed.set_exception(exc)
            return failed

    pool = new_pool()
    pending: deque[tuple[T, Future]] = deque()
    crashes = 0

    def oldest() -> R:
        nonlocal pool, crashes
        item, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool as exc:
            why = str(exc) or "a worker process died"
            crashes += 1
            if on_crash is None or crashes > MAX_CRASHES:
                raise WorkerDied(why) from None
        # the pool is broken: every item in flight is lost; find which one broke it
        rest = [it for it, _ in pending]
        pending.clear()
        pool = restart(pool)
        try:
            result = pool.submit(fn, item).result()
        except BrokenProcessPool:  # alone, so this item is the culprit
            crashes += 1
            if crashes > MAX_CRASHES:
                raise WorkerDied(why) from None
            pool = restart(pool)
            result = on_crash(item, "a worker process died on it")
        pending.extend((it, submit(it)) for it in rest)
        return result

    try:
        for item in items:
            pending.append((item, submit(item)))
            if len(pending) >= window:
                yield oldest()
        while pending:
            yield oldest()
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
