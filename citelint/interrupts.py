"""Ctrl-C that never lands between writing a page's findings and recording that page.

``citelint dump`` promises that the resume hint names the last page whose findings are all
written. A KeyboardInterrupt raised between the write and the bookkeeping would break that
(the page would be written twice after a resume), so that span holds SIGINT back and raises
it when the span ends.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run the block whole: a SIGINT that arrives inside it is raised when it ends.
    Outside the main thread (where Python delivers no signals) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
