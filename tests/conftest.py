"""Shared fixtures: where ../shared is, and a helper that lints a snippet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import citelint

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CITELINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
SAMPLES = ROOT / "samples"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (../shared)")


def lint(text: str, select: list[str] | None = None, **config) -> list:
    cfg = {"select": select} if select else {}
    cfg.update(config)
    return citelint.lint_text(text, config=cfg or None)


def codes(text: str, select: list[str] | None = None) -> list[tuple[str, int, int]]:
    """(code, line, column) of every finding, in order."""
    return [(f.code, f.line, f.column) for f in lint(text, select)]
