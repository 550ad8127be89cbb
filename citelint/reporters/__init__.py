"""Output formats. Every format renders the same list of :class:`FileResult`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TextIO

from citelint.runner import FileResult

Reporter = Callable[[list[FileResult], TextIO, dict], None]


def get(name: str) -> Reporter:
    """The reporter for a format: every format writes through its stream
    (citelint.reporters.stream), fed the whole list."""
    from citelint.reporters.stream import write_all

    if name not in FORMATS:
        raise KeyError(name)
    return partial(write_all, name)


FORMATS = ("text", "concise", "json", "jsonl", "github", "sarif")
