"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import TextIO

from citelint import __version__
from citelint.registry import all_rules
from citelint.runner import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/citelint/citelint"


def help_uri(cls) -> str:
    return cls.help_url or f"{HOME}/blob/main/docs/rules.md#{cls.code.lower()}"


def help_text(cls, text: str, markdown: str) -> dict[str, str]:
    """The rule's documentation with its bad and good examples (SARIF ``help``)."""
    plain, md = [text], [markdown]
    for label, example in (("Bad", cls.bad), ("Good", cls.good)):
        if example:
            example = example.strip("\n")
            plain.append(
                f"{label}:\n\n"
                + "\n".join(("    " + line).rstrip() for line in example.splitlines())
            )
            fence = "````" if "```" in example else "```"
            md.append(f"{label}:\n\n{fence}wikitext\n{example}\n{fence}")
    return {"text": "\n\n".join(plain), "markdown": "\n\n".join(md)}


def report(results: list[FileResult], out: TextIO, options: dict) -> None:
    rules = all_rules()
    used = sorted({f.code for r in results for f in r.findings})
    ids = {code: i for i, code in enumerate(used)}
    descriptors = []
    for code in used:
        cls = rules[code]
        text = cls.doc_text() or cls.summary or cls.name
        markdown = cls.doc_markdown() or cls.summary or cls.name
        descriptors.append(
            {
                "id": code,
                "name": cls.name,
                "shortDescription": {"text": cls.summary or cls.name},
                "fullDescription": {"text": text, "markdown": markdown},
                "help": help_text(cls, text, markdown),
                "helpUri": help_uri(cls),
                "defaultConfiguration": {"level": _LEVEL[str(cls.severity)]},
            }
        )
    sarif_results = []
    for r in results:
        for f in r.findings:
            item = {
                "ruleId": f.code,
                "ruleIndex": ids[f.code],
                "level": _LEVEL[str(f.severity)],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": (r.path or "-").replace("\\", "/")},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.offset,
                                "charLength": f.end_offset - f.offset,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"citelint/v1": f.fingerprint},
            }
            if f.fix is not None:
                item["fixes"] = [
                    {
                        "description": {"text": f.fix.message},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": (r.path or "-").replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": e.offset,
                                            "charLength": e.end_offset - e.offset,
                                        },
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(item)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citelint",
                        "version": __version__,
                        "informationUri": HOME,
                        "rules": descriptors,
                    }
                },
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
