"""Counts shared by the reporters that print a summary."""

from __future__ import annotations

from citelint.reporters.stream import Tally
from citelint.runner import FileResult


def summarize(results: list[FileResult] | Tally) -> dict:
    return Tally.of(results).summary()
