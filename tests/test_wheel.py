"""A non-editable install from a built wheel ships the rules (citelint.rules)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_rules(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("citelint-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True)
    out = subprocess.run(
        [str(env_dir / "bin" / "citelint"), "rules"], capture_output=True, text=True, check=True
    ).stdout
    codes = [line.split()[0] for line in out.splitlines()[1:]]
    for family in ("CL001", "REF017", "CITE001", "TAG001", "SFN001", "LINK001"):
        assert family in codes
    # no stray top-level "rules" package in site-packages
    probe = subprocess.run(
        [str(py), "-c", "import importlib.util as u; print(u.find_spec('rules'))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert probe.stdout.strip() == "None"
    sample = ROOT / "samples" / "broken-citations.wiki"
    r = subprocess.run(
        [str(env_dir / "bin" / "citelint"), "--isolated", "--format", "concise", str(sample)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert ":5:51: REF001" in r.stdout
