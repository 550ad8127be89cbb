"""ruff (lint and format) is part of the test command, so CI runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def ruff() -> list[str]:
    exe = shutil.which("ruff")
    return [exe] if exe else [sys.executable, "-m", "ruff"]


@pytest.mark.parametrize(
    "args", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"]
)
def test_ruff(args: list[str]) -> None:
    r = subprocess.run([*ruff(), *args], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
