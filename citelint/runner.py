"""Run rules over documents: parse once, check, stamp, filter.

Rules yield bare :class:`Problem` objects; here they become :class:`Finding` objects with
code, name, severity, path and positions, and suppressions and selection are applied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from citelint import suppression
from citelint.config import Config
from citelint.document import Document
from citelint.finding import Finding, Problem, Severity
from citelint.gcpause import paused
from citelint.index import Index, build_index
from citelint.rule import Rule


class RuleCrash(Exception):
    """A rule raised: a bug in citelint or a plugin, reported with its context."""


#: What stops the lint of one document but not the run: it is reported and skipped.
LINT_FAILURES = (RuleCrash, RecursionError)


def drop_source_lines(findings: Iterable[Finding]) -> None:
    """Only the text format shows a finding's source line: drop it before a result is
    sent between processes or kept for a streaming report."""
    for f in findings:
        f.source_line = ""


def failure_reason(exc: BaseException) -> str:
    """One line on why a document could not be linted (one of ``LINT_FAILURES``)."""
    if isinstance(exc, RecursionError):
        return "nesting too deep to parse"
    return f"internal error: {exc}"


@dataclass
class FileResult:
    """The outcome for one input: its findings, or the error that stopped it."""

    path: str | None
    findings: list[Finding] = field(default_factory=list)
    title: str | None = None
    error: str | None = None
    text: str | None = field(default=None, repr=False)


def stamp(rule: type[Rule] | Rule, problem: Problem, doc: Document) -> Finding:
    start = max(0, min(problem.start, len(doc.text)))
    end = max(start, min(problem.end, len(doc.text)))
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=problem.severity or rule.severity,
        message=problem.message,
        path=doc.path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        offset=start,
        end_offset=end,
        fix=problem.fix,
        source_line=doc.line_text(line),
    )


def _fingerprint(findings: list[Finding], doc: Document) -> None:
    """A line-independent identity: code + the flagged source + its occurrence number."""
    seen: dict[str, int] = {}
    for f in findings:
        snippet = " ".join(doc.text[f.offset : f.end_offset].split())[:200]
        key = f"{f.code}\x00{snippet}"
        n = seen.get(key, 0)
        seen[key] = n + 1
        f.fingerprint = hashlib.sha1(f"{key}\x00{n}".encode()).hexdigest()[:16]


def run_rules(index: Index, rules: Iterable[Rule]) -> list[Finding]:
    doc = index.doc
    findings: list[Finding] = []
    for rule in rules:
        try:
            for problem in rule.check(index):
                findings.append(stamp(rule, problem, doc))
        except Exception as exc:
            where = doc.path or "<text>"
            raise RuleCrash(f"rule {rule.code} crashed on {where}: {exc!r}") from exc
    return findings


def prepare_index(doc: Document) -> Index:
    """Parse ``doc`` once: its index with inline suppressions, ready for the rules."""
    index = build_index(doc)
    index.suppressions = suppression.parse(doc, index.comments)
    return index


def lint_document(
    doc: Document,
    config: Config | None = None,
    rules: list[Rule] | None = None,
    index: Index | None = None,
) -> list[Finding]:
    """All findings for one document, filtered by config and inline suppressions.

    ``index`` is the document's index when a phase before the rules already built it
    (the link check does), so that each document is parsed once."""
    config = config or Config()
    if rules is None:
        rules = config.instantiate(config.enabled_codes(doc.path))
    # One collector pause (citelint.gcpause) for the parse and the rules, which run while
    # the whole tree is alive. An index built here is dropped inside the pause: reference
    # counting frees the tree at once, so the collector never walks it afterwards.
    with paused():
        if index is None:
            index = prepare_index(doc)
        findings = run_rules(index, rules)
        sup = index.suppressions
        del index
    if sup.file_codes is not None or sup.lines or sup.ranges:
        findings = [f for f in findings if not sup.hides(f)]
    findings.sort(key=lambda f: (f.offset, f.code, f.end_offset))
    _fingerprint(findings, doc)
    return findings


def fails(findings: Iterable[Finding], fail_on: Severity) -> bool:
    return any(f.severity >= fail_on for f in findings)
