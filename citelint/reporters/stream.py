"""Reporters that write as results arrive, so a run never keeps every finding.

A stream takes one result at a time (``add``) and finishes with the counts of the whole
run (``close``, given a :class:`Tally`). JSON Lines, concise, github and text write each
result when it comes; ``json`` writes its one document piece by piece (the same bytes as
``json.dump(..., indent=2)``), keeping only the error list for the end; ``sarif``, whose
rule table comes before its results, collects the results and writes at the end.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

#: the ``version`` of the JSON report's schema (DESIGN.md)
SCHEMA_VERSION = 1


class Tally:
    """The counts a summary needs, added up result by result."""

    def __init__(self) -> None:
        self.files = 0  # results linted (no error)
        self.failed = 0  # results with an error
        self.findings = 0
        self.with_findings = 0
        self.by_severity: Counter[str] = Counter()
        self.by_code: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.safe_fixes = 0
        self.unsafe_fixes = 0  # findings whose only fix is unsafe

    @classmethod
    def of(cls, results: Any) -> Tally:
        if isinstance(results, Tally):
            return results
        tally = cls()
        for r in results:
            tally.add(r)
        return tally

    def add(self, r: Any) -> None:
        if r.error is not None:
            self.failed += 1
        else:
            self.files += 1
        if r.findings:
            self.with_findings += 1
        for f in r.findings:
            self.findings += 1
            self.by_severity[str(f.severity)] += 1
            self.by_code[f.code] += 1
            self.names.setdefault(f.code, f.name)
            if f.fix is not None:
                if f.fix.applicability == "safe":
                    self.safe_fixes += 1
                else:
                    self.unsafe_fixes += 1

    def summary(self) -> dict:
        return {
            "files": self.files,
            "findings": self.findings,
            "by_severity": dict(sorted(self.by_severity.items())),
            "by_code": dict(sorted(self.by_code.items())),
        }


def head_fields(r: Any) -> dict[str, Any]:
    """The fields that say where a finding is: path and title, or a dump page's ids."""
    fields = getattr(r, "report_fields", None)
    return fields() if fields is not None else {"path": r.path, "title": r.title}


class Stream:
    def __init__(self, out: TextIO, options: dict) -> None:
        self.out = out
        self.options = options

    def add(self, r: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self, tally: Tally) -> None:
        pass


class JsonLines(Stream):
    def add(self, r: Any) -> None:
        if r.error is not None or not r.findings:
            return
        head = head_fields(r)
        self.out.write(
            "".join(
                json.dumps({**head, **f.to_dict()}, ensure_ascii=False) + "\n" for f in r.findings
            )
        )


class Concise(Stream):
    def add(self, r: Any) -> None:
        path = r.path or "-"
        self.out.write(
            "".join(f"{path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in r.findings)
        )


class Json(Stream):
    """One JSON document written piece by piece: ``files`` as they come."""

    def __init__(self, out: TextIO, options: dict) -> None:
        from citelint import __version__

        super().__init__(out, options)
        self.errors: list[dict[str, Any]] = []
        self.count = 0
        head = {"version": SCHEMA_VERSION, "tool": {"name": "citelint", "version": __version__}}
        text = json.dumps(head, ensure_ascii=False, indent=2)
        out.write(text[: text.rindex("\n")] + ',\n  "files": [')

    def add(self, r: Any) -> None:
        if r.error is not None:
            where = r.report_fields() if hasattr(r, "report_fields") else {"path": r.path}
            self.errors.append({**where, "message": r.error})
            return
        entry = {**head_fields(r), "findings": [f.to_dict() for f in r.findings]}
        text = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        self.out.write(("," if self.count else "") + "\n    " + text)
        self.count += 1

    def close(self, tally: Tally) -> None:
        rest = {"errors": self.errors, "summary": tally.summary()}
        text = json.dumps(rest, ensure_ascii=False, indent=2)
        self.out.write(("\n  ]" if self.count else "]") + ",\n" + text[2:] + "\n")


class Collect(Stream):
    """For a format that needs every result first (SARIF)."""

    def __init__(self, out: TextIO, options: dict, report: Any) -> None:
        super().__init__(out, options)
        self.results: list[Any] = []
        self.report = report

    def add(self, r: Any) -> None:
        self.results.append(r)

    def close(self, tally: Tally) -> None:
        self.report(self.results, self.out, self.options)


def open_stream(fmt: str, out: TextIO, options: dict) -> Stream:
    from citelint.reporters import github, sarif, text

    if fmt == "jsonl":
        return JsonLines(out, options)
    if fmt == "concise":
        return Concise(out, options)
    if fmt == "json":
        return Json(out, options)
    if fmt == "github":
        return github.Github(out, options)
    if fmt == "text":
        return text.TextStream(out, options)
    if fmt == "sarif":
        return Collect(out, options, sarif.report)
    raise ValueError(f"unknown format {fmt!r}")


def write_all(fmt: str, results: list[Any], out: TextIO, options: dict) -> None:
    stream = open_stream(fmt, out, options)
    for r in results:
        stream.add(r)
    stream.close(Tally.of(results))
