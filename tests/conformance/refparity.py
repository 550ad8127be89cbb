"""Helpers shared by the two conformance tests: where ../shared is, how citelint's REF
findings split into MediaWiki-parity findings and citelint's documented additions, and
how the agreement tables reach the terminal summary."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

import citelint
from citelint.cite import EXTENSIONS, KEYS, cite_issues
from citelint.document import Document
from citelint.index import build_index

try:  # tests/conftest.py; another folder's conftest may shadow the name
    from conftest import SHARED
except ImportError:  # pragma: no cover - same rule as tests/conftest.py
    SHARED = Path(
        os.environ.get("CITELINT_SHARED", Path(__file__).resolve().parents[2].parent / "shared")
    )

ORACLE = SHARED / "oracle" / "oracle.sh"
CORPUS = SHARED / "corpus" / "articles"
ORACLE_CONF = Path(os.environ.get("MWORACLE_CONF", "/opt/mworacle/LocalSettings.php"))


def oracle_missing() -> str | None:
    """Why the MediaWiki oracle cannot run here, or None when it can."""
    if not ORACLE.exists() or not CORPUS.exists():
        return f"{ORACLE} or {CORPUS} not present (../shared)"
    if shutil.which("php") is None:
        return "php is not installed (run ../shared/oracle/setup.sh)"
    if not ORACLE_CONF.exists():
        return (
            f"MediaWiki oracle not installed ({ORACLE_CONF} missing; run ../shared/oracle/setup.sh)"
        )
    return None


def oracle_marks() -> list[pytest.MarkDecorator]:
    """``oracle`` marker, and a skip when MediaWiki is absent, except in CI
    (``CITELINT_REQUIRE_ORACLE=1``, set by .ci/run after installing it), where a missing
    oracle is a failure, not a skip."""
    reason = oracle_missing()
    required = bool(os.environ.get("CITELINT_REQUIRE_ORACLE"))
    return [
        pytest.mark.oracle,
        pytest.mark.skipif(reason is not None and not required, reason=reason or ""),
    ]


def require_oracle() -> None:
    reason = oracle_missing()
    assert reason is None, f"CITELINT_REQUIRE_ORACLE is set but {reason}"


#: The rules whose findings MediaWiki's Cite decides.
PARITY_CODES = [f"REF00{i}" for i in range(1, 10)]


@dataclass
class Verdict:
    """citelint's REF001–REF009 findings for one text, split by where they come from."""

    parity: list[tuple[str, str]]  # (code, Cite message key)
    extensions: list[tuple[str, str]]  # (code, citelint_* key)

    @property
    def parity_codes(self) -> Counter[str]:
        return Counter(code for code, _ in self.parity)


def verdict(text: str) -> Verdict:
    """Lint ``text`` with REF001–REF009 and label every finding with the Cite key it
    stands for. Every finding must come from exactly one replayed Cite issue."""
    findings = citelint.lint_text(text, config={"select": PARITY_CODES})
    issues = cite_issues(build_index(Document(text)))
    pool: dict[tuple[str, int, int, str], list[str]] = {}
    for issue in issues:
        pool.setdefault((issue.code, issue.start, issue.end, issue.message), []).append(issue.key)
    parity: list[tuple[str, str]] = []
    ext: list[tuple[str, str]] = []
    for f in findings:
        keys = pool.get((f.code, f.offset, f.end_offset, f.message))
        assert keys, f"{f.code} finding without a Cite issue behind it: {f.message}"
        key = keys.pop()
        assert KEYS[key] == f.code
        (ext if key in EXTENSIONS else parity).append((f.code, key))
    return Verdict(parity, ext)


def load_artifacts(
    path: Path, field: str, allowed: set[str] | list[str]
) -> dict[tuple[str, str], tuple[int, str]]:
    """The ``[[artifact]]`` entries of ``path``: (article, ``field`` value) → (delta, reason).
    Every entry needs all four keys, a ``field`` value in ``allowed`` and a reason."""
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for entry in data.get("artifact", []):
        assert set(entry) == {"article", field, "delta", "reason"}, entry
        assert entry[field] in allowed and entry["reason"].strip() and entry["delta"], entry
        key = (entry["article"], entry[field])
        assert key not in out, f"duplicate artifact {key}"
        out[key] = (int(entry["delta"]), entry["reason"])
    return out


# -- agreement tables in the terminal summary ---------------------------------------------

_TABLES: dict[str, str] = {}


class _Reporter:
    def pytest_terminal_summary(self, terminalreporter) -> None:  # pragma: no cover
        for title, table in _TABLES.items():
            terminalreporter.section(title)
            terminalreporter.write_line(table)


def publish(config: pytest.Config, title: str, table: str) -> None:
    """Print ``table`` now (visible with ``pytest -s``) and in the terminal summary."""
    print(f"\n{title}\n{table}")
    _TABLES[title] = table
    if not config.pluginmanager.has_plugin("citelint-ref-parity"):
        config.pluginmanager.register(_Reporter(), "citelint-ref-parity")


def format_table(header: list[str], rows: list[list[object]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))
    return "\n".join(out)
