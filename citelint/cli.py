"""The command line: ``citelint FILE...``, ``citelint rules``, ``citelint rule CODE``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, configuration
or input error (other inputs are still linted and reported).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import click

from citelint import __version__, baseline
from citelint.cli_options import (
    baseline_options,
    selection_options,
    split_codes,
    with_command_line,
)
from citelint.config import Config, ConfigError, ConfigFinder
from citelint.config import load as load_config
from citelint.document import Document
from citelint.finding import Severity
from citelint.fixes import fix_document, unified_diff, write_atomically
from citelint.index import Index
from citelint.links.options import link_options, settings_from_flags
from citelint.links.phase import with_link_rules
from citelint.links.settings import LinkSettings
from citelint.registry import RegistryError, all_rules
from citelint.reporters import FORMATS
from citelint.reporters import get as get_reporter
from citelint.reporters.text import fix_note
from citelint.rescue import rescue_option, rescuing
from citelint.runner import (
    LINT_FAILURES,
    FileResult,
    drop_source_lines,
    fails,
    failure_reason,
    lint_document,
)
from citelint.sources import InputError, expand, read_path
from citelint.wiki.command import page as page_command

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """``citelint FILE`` means ``citelint check FILE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """``citelint --help | head -1``: the help and version texts are printed while the
        command line is read, before :meth:`invoke`; a closed pipe there is no error either."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except BrokenPipeError:
            _stdout_closed()
            sys.exit(EXIT_OK)

    def invoke(self, ctx: click.Context) -> Any:
        """An unexpected exception is a bug: say so in one line, exit 2, no traceback
        (set CITELINT_DEBUG=1 to see it)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # the reader went away (``citelint rule X | head -1``): nothing to report
            _stdout_closed()
            sys.exit(EXIT_OK)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("CITELINT_DEBUG"):
                raise
            _err(f"internal error: {exc!r} (please report it; CITELINT_DEBUG=1 shows details)")
            sys.exit(EXIT_ERROR)


def _err(message: str) -> None:
    click.echo(f"citelint: {message}", err=True)


def _stdout_closed() -> None:
    """Standard output is a pipe whose reader has gone (``citelint … | head -1``):
    send whatever is still buffered to /dev/null so that the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (tests)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citelint")
def main() -> None:
    """Lint the citations of Wikipedia articles written in wikitext.

    \b
      citelint Draft.wiki            lint a file (same as: citelint check Draft.wiki)
      citelint articles/             lint every *.wiki, *.wikitext, *.txt below a folder
      citelint - < Draft.wiki        lint standard input
      citelint rules                 list every rule
      citelint rule REF001           explain one rule
    """


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: text).",
)
@selection_options
@baseline_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there are no findings.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to a file.",
)
@click.option("--stdin-filename", help="The path to report for input read from '-'.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Lint in this many worker processes (0: all cores); output order is unchanged. "
    "--fix, --diff and --check-links run in one process.",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@rescue_option
@link_options
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    statistics: bool,
    quiet: bool,
    config_path: str | None,
    isolated: bool,
    color: bool | None,
    output: str | None,
    stdin_filename: str | None,
    baseline_path: str | None,
    write_baseline_path: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    jobs: int,
    link_flags: dict[str, Any],
    rescue_from: tuple[str, ...],
) -> None:
    """Lint wikitext files, folders or '-' (stdin)."""
    if not paths:
        _err("no input given; try 'citelint FILE', 'citelint DIR' or 'citelint -' (see --help)")
        sys.exit(EXIT_ERROR)
    if statistics and fmt in ("github", "sarif"):
        _err(f"--statistics cannot be combined with --format {fmt} (use text, concise or json)")
        sys.exit(EXIT_ERROR)
    try:
        base = load_config(config_path, isolated)
        links = settings_from_flags(link_flags, base.links, fmt, quiet)
        rescue = rescuing(rescue_from)

        def finish(cfg: Config) -> Config:
            """What the command line adds to every configuration file found."""
            cfg = with_command_line(cfg, select, extend_select, ignore, fail_on)
            cfg.enabled_codes()
            return rescue(with_link_rules(cfg) if links is not None else cfg)

        finder = ConfigFinder(base, finish, fixed=bool(config_path or isolated))
        config = finder.base
        if (
            links is None
            and not quiet
            and any(c.startswith("LINK") for c in config.enabled_codes())
        ):
            _err("note: the LINK rules only report with --check-links; no link was checked")
    except (ConfigError, RegistryError, ValueError) as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    if output:
        _check_writable(output)

    fixing = (
        FixMode(write=fix and not diff, diff=diff, unsafe=unsafe_fixes) if fix or diff else None
    )
    if jobs == 0:
        from citelint.parallel import default_jobs

        jobs = default_jobs()
    if not (write_baseline_path or statistics or diff):
        known = None
        if baseline_path:
            try:
                known = baseline.load(Path(baseline_path))
            except baseline.BaselineError as exc:
                _err(str(exc))
                sys.exit(EXIT_ERROR)
        options: dict[str, Any] = {
            "color": color if not output else False,
            "quiet": quiet,
            "unsafe_fixes": unsafe_fixes,
            "fix_hint": fixing is None,
        }
        code = _stream_report(
            iter_results(
                list(paths),
                config,
                stdin_filename,
                fixing,
                links,
                finder,
                jobs,
                keep_source=(fmt or "text") == "text",
            ),
            fmt or "text",
            options,
            output,
            known,
            finder,
            fixing,
        )
        if exit_zero and code == EXIT_FINDINGS:
            code = EXIT_OK
        sys.exit(code)
    try:
        results = lint_paths(list(paths), config, stdin_filename, fixing, links, finder, jobs)
    except (ConfigError, RegistryError) as exc:  # a config file found beside an input
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    had_error = any(r.error is not None for r in results)
    if fixing is not None and fixing.applied:
        verb = "Would fix" if fixing.diff else "Fixed"
        _err(f"{verb} {fixing.applied} problem{'' if fixing.applied == 1 else 's'}.")
    for r in results:
        if r.error is not None:
            _err(f"{r.path}: {r.error}")

    if fixing is not None and fixing.diff and not write_baseline_path:
        sys.exit(EXIT_ERROR if had_error else EXIT_FINDINGS if fixing.applied else EXIT_OK)
    finish_report(
        results,
        fmt=fmt,
        output=output,
        color=color,
        quiet=quiet,
        unsafe_fixes=unsafe_fixes,
        fix_hint=fixing is None,
        statistics=statistics,
        baseline_path=baseline_path,
        write_baseline_path=write_baseline_path,
        exit_zero=exit_zero,
        fail_on=lambda path: finder.for_path(path).fail_on,
    )


def finish_report(
    results: list[FileResult],
    *,
    fmt: str | None,
    output: str | None,
    color: bool | None,
    quiet: bool,
    unsafe_fixes: bool,
    fix_hint: bool,
    statistics: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    exit_zero: bool,
    fail_on: Callable[[str | None], Severity],
) -> NoReturn:
    """Write the baseline, or hide what it records and report (``--statistics``: counts
    per rule), then exit with the run's code. Shared by ``check`` and ``page``, which have
    printed the inputs' errors already."""
    had_error = any(r.error is not None for r in results)
    if write_baseline_path:
        n = baseline.write(Path(write_baseline_path), results)
        _err(f"Wrote {n} finding{'' if n == 1 else 's'} to the baseline {write_baseline_path}.")
        sys.exit(EXIT_ERROR if had_error else EXIT_OK)
    if baseline_path:
        try:
            hidden = baseline.apply(results, baseline.load(Path(baseline_path)))
        except baseline.BaselineError as exc:
            _err(str(exc))
            sys.exit(EXIT_ERROR)
        if hidden and not quiet:
            _err(f"{hidden} finding{'' if hidden == 1 else 's'} hidden by the baseline.")
    out = _open_report(output)
    try:
        if quiet and fmt in (None, "text", "concise") and not any(r.findings for r in results):
            pass
        elif statistics:
            print_statistics(results, out, fmt or "text", unsafe_fixes)
        else:
            options: dict[str, Any] = {
                "color": color if not output else False,
                "quiet": quiet,
                "unsafe_fixes": unsafe_fixes,
                "fix_hint": fix_hint,
            }
            get_reporter(fmt or "text")(results, out, options)
        out.flush()
    except BrokenPipeError:
        _stdout_closed()  # the reader has seen enough; the exit code still tells all
    except OSError as exc:
        _cannot_write(output or "standard output", exc)
    finally:
        if output:
            out.close()
    if had_error:
        sys.exit(EXIT_ERROR)
    if not exit_zero and any(fails(r.findings, fail_on(r.path)) for r in results if r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _stream_report(
    results: Iterator[FileResult],
    fmt: str,
    options: dict[str, Any],
    output: str | None,
    known: Any,
    finder: ConfigFinder,
    fixing: FixMode | None,
) -> int:
    """Write each result as it comes (nothing is kept but counts); the exit code."""
    from citelint.reporters.stream import Tally, open_stream

    out = _open_report(output)
    remaining = Counter(known) if known is not None else None
    hidden = 0
    errors: list[str] = []
    failed = False
    writing = True
    tally = Tally()
    try:
        try:
            stream = open_stream(fmt, out, options)
        except BrokenPipeError:
            _stdout_closed()
            writing = False
        try:
            for r in results:
                if r.error is not None:
                    errors.append(f"{r.path}: {r.error}")
                if remaining is not None and r.findings:
                    hidden += baseline.hide(r, remaining)
                if r.findings and fails(r.findings, finder.for_path(r.path).fail_on):
                    failed = True
                tally.add(r)
                if writing:
                    try:
                        stream.add(r)
                    except BrokenPipeError:
                        # the reader has seen enough; the exit code still tells all
                        _stdout_closed()
                        writing = False
        except (ConfigError, RegistryError) as exc:  # a config file found beside an input
            _err(str(exc))
            return EXIT_ERROR
        if writing:
            stream.close(tally)
            out.flush()
    except BrokenPipeError:
        _stdout_closed()
    except OSError as exc:
        _cannot_write(output or "standard output", exc)
    finally:
        if output:
            out.close()
    if fixing is not None and fixing.applied:
        _err(f"Fixed {fixing.applied} problem{'' if fixing.applied == 1 else 's'}.")
    for message in errors:
        _err(message)
    if hidden and not options.get("quiet"):
        _err(f"{hidden} finding{'' if hidden == 1 else 's'} hidden by the baseline.")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_OK


def _check_writable(output: str) -> None:
    """Refuse an ``-o`` path that cannot be written before linting anything."""
    target = Path(output)
    if target.is_dir():
        _cannot_write(output, "is a directory")
    try:
        existed = target.exists()
        with open(target, "a", encoding="utf-8"):
            pass
        if not existed:
            target.unlink()
    except OSError as exc:
        _cannot_write(output, exc)


def _open_report(output: str | None) -> Any:
    """Standard output, or the ``-o`` file."""
    if not output:
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as exc:
        _cannot_write(output, exc)


def _cannot_write(where: str, why: OSError | str) -> NoReturn:
    reason = why if isinstance(why, str) else why.strerror or why
    _err(f"cannot write the report to {where}: {reason}")
    sys.exit(EXIT_ERROR)


@dataclass
class FixMode:
    write: bool
    diff: bool
    unsafe: bool
    applied: int = 0


def lint_paths(
    paths: list[str],
    config: Config,
    stdin_filename: str | None = None,
    fixing: FixMode | None = None,
    links: LinkSettings | None = None,
    finder: ConfigFinder | None = None,
    jobs: int = 1,
) -> list[FileResult]:
    """Every result of :func:`iter_results`, as a list."""
    return list(iter_results(paths, config, stdin_filename, fixing, links, finder, jobs))


def iter_results(
    paths: list[str],
    config: Config,
    stdin_filename: str | None = None,
    fixing: FixMode | None = None,
    links: LinkSettings | None = None,
    finder: ConfigFinder | None = None,
    jobs: int = 1,
    keep_source: bool = True,
) -> Iterator[FileResult]:
    """Lint every input, yielding results in input order as they are ready; an
    unreadable input becomes a result with an error.

    With ``finder`` each file gets the configuration nearest to it (else ``config``).
    With ``links`` (``--check-links``) every document is parsed first, the URLs of all
    of them are checked once, and then the rules run (see citelint.links.phase).
    With ``jobs`` > 1 (and neither fixes nor links) files are read and linted in worker
    processes; ``keep_source`` False drops the copies of source lines that only the text
    format shows."""
    rules_for: dict[tuple[int, tuple[str, ...]], list] = {}
    keys: dict[tuple[int, tuple[str, ...]], int] = {}

    def config_for(path: str | None) -> Config:
        return finder.for_path(path) if finder is not None else config

    def items() -> Iterator[tuple[Any, ...]]:
        """("error", result) | ("doc", document, config, codes) | ("file", display, path,
        config, codes), in input order."""
        for raw in paths:
            walk = config_for(raw)
            for item in expand([raw], walk.extensions, walk.is_excluded):
                if isinstance(item, InputError):
                    yield ("error", FileResult(item.path, error=_input_message(item)))
                    continue
                if isinstance(item, tuple):
                    cfg = config_for(item[0])
                    yield ("file", item[0], item[1], cfg, tuple(cfg.enabled_codes(item[0])))
                    continue
                if item.path == "-" and stdin_filename:
                    item.path = stdin_filename
                cfg = config_for(item.path)
                yield ("doc", item, cfg, tuple(cfg.enabled_codes(item.path)))

    def rules(cfg: Config, codes: tuple[str, ...]) -> list:
        found = rules_for.get((id(cfg), codes))
        if found is None:
            found = rules_for[(id(cfg), codes)] = cfg.instantiate(list(codes))
        return found

    if jobs > 1 and fixing is None and links is None:
        from citelint.parallel import ordered_map

        def tasks() -> Iterator[tuple[Any, ...]]:
            for item in items():
                if item[0] == "error":
                    yield item
                    continue
                cfg, codes = item[-2], item[-1]
                key = keys.setdefault((id(cfg), codes), len(keys))
                yield (*item[:-2], key, cfg, codes, keep_source)

        yield from ordered_map(_lint_task, tasks(), jobs, on_crash=_crashed_task)
        return

    results: list[FileResult] = []
    pending: list[tuple[int, Document, list, Config]] = []
    for item in items():
        if item[0] == "error":
            result = item[1]
        else:
            doc = item[1] if item[0] == "doc" else read_path(item[2], item[1])
            if isinstance(doc, InputError):
                result = FileResult(doc.path, error=_input_message(doc))
            elif links is not None:
                pending.append((len(results), doc, rules(item[-2], item[-1]), item[-2]))
                result = FileResult(doc.path, title=doc.title)
            else:
                result = lint_one(doc, item[-2], rules(item[-2], item[-1]), fixing)
        if links is not None:
            results.append(result)
        else:
            if not keep_source:
                drop_source_lines(result.findings)
            yield result
    if links is not None:
        _lint_with_links(results, pending, fixing, links)
        yield from results


#: rules built in this worker process, by the key the parent gave their configuration
_WORKER_RULES: dict[int, list] = {}


def _lint_task(task: tuple[Any, ...]) -> FileResult:
    """One file or document, in a worker process (``check --jobs``)."""
    if task[0] == "error":
        return task[1]
    key, cfg, codes, keep_source = task[-4:]
    if task[0] == "file":
        doc = read_path(task[2], task[1])
        if isinstance(doc, InputError):
            return FileResult(doc.path, error=_input_message(doc))
    else:
        doc = task[1]
    rules = _WORKER_RULES.get(key)
    if rules is None:
        rules = _WORKER_RULES[key] = cfg.instantiate(list(codes))
    result = lint_one(doc, cfg, rules, None)
    if not keep_source:
        drop_source_lines(result.findings)
    return result


def _crashed_task(task: tuple[Any, ...], why: str) -> FileResult:
    """The result of a file whose worker process died on it (``check --jobs``)."""
    path = task[1] if task[0] == "file" else getattr(task[1], "path", None)
    return FileResult(path, error=why)


def _input_message(error: InputError) -> str:
    if error.kind == "dump" and "dump" in main.commands:
        return f"is a MediaWiki XML dump: lint it with 'citelint dump {error.path}'"
    return error.message


def lint_one(
    doc: Document,
    config: Config,
    rules: list,
    fixing: FixMode | None,
    index: Index | None = None,
) -> FileResult:
    """Lint (or fix) one document; a failure becomes the result's error, not a crash."""
    try:
        if fixing is None:
            findings = lint_document(doc, config, rules, index=index)
        else:
            findings = apply_fixes(doc, config, rules, fixing)
    except BrokenPipeError:
        raise  # --diff or a fix of stdin printed into a closed pipe
    except OSError as exc:
        return FileResult(doc.path, error=f"cannot write fixes: {exc}")
    except LINT_FAILURES as exc:
        return FileResult(doc.path, error=failure_reason(exc))
    return FileResult(doc.path, findings, title=doc.title)


def _lint_with_links(
    results: list[FileResult],
    pending: list[tuple[int, Document, list, Config]],
    fixing: FixMode | None,
    links: LinkSettings,
) -> None:
    """Parse every document once, check the URLs of all of them, then run the rules."""
    from citelint.links.judge import run_results
    from citelint.links.phase import needs_links, run_link_phase
    from citelint.runner import prepare_index

    ready = []
    for slot, doc, rules, config in pending:
        try:
            ready.append((slot, doc, rules, config, prepare_index(doc)))
        except RecursionError as exc:
            results[slot].error = failure_reason(exc)
    run = run_link_phase(
        [ix for _, _, rules, _, ix in ready if needs_links([r.code for r in rules])], links
    )
    for note in run.notes:
        _err(note)
    with run_results(run.results):
        for slot, doc, rules, config, index in ready:
            results[slot] = lint_one(doc, config, rules, fixing, index)


def apply_fixes(doc: Document, config: Config, rules: list, mode: FixMode) -> list:
    """Fix one document; write it back (or print a diff) and return what is left."""
    fixed, findings, applied = fix_document(doc, config, rules, mode.unsafe)
    if not applied:
        return findings
    mode.applied += applied
    if mode.diff or doc.path == "-" or doc.path is None:
        out = unified_diff(doc.path or "-", doc.text, fixed) if mode.diff else fixed
        try:
            click.echo(out, nl=False)
        except BrokenPipeError:
            _stdout_closed()  # `citelint --diff … | head`: the rest goes nowhere
    else:
        data = (("\ufeff" if doc.bom else "") + fixed).encode("utf-8")
        write_atomically(Path(doc.path), data)
    return findings


def print_statistics(
    results: list[FileResult], out: Any, fmt: str = "text", unsafe: bool = False
) -> None:
    """Findings per rule, most first: a table (text, concise) or JSON (json: one array;
    jsonl: one object a line) with code, name, severity, count and how many are fixable."""
    rows: dict[str, dict[str, Any]] = {}
    for r in results:
        for f in r.findings:
            row = rows.setdefault(
                f.code,
                {
                    "code": f.code,
                    "name": f.name,
                    "severity": str(f.severity),
                    "count": 0,
                    "fixable": 0,
                },
            )
            row["count"] += 1
            if f.fix is not None and (f.fix.applicability == "safe" or unsafe):
                row["fixable"] += 1
    ordered = sorted(rows.values(), key=lambda row: (-row["count"], row["code"]))
    if fmt == "json":
        out.write(json.dumps(ordered, indent=2) + "\n")
        return
    if fmt == "jsonl":
        for row in ordered:
            out.write(json.dumps(row) + "\n")
        return
    for row in ordered:
        mark = "[*]" if row["fixable"] else "   "
        out.write(f"{row['count']:>6}  {row['code']:<8} {mark} {row['name']}\n")
    total = sum(row["count"] for row in ordered)
    out.write(f"Found {total} problem{'' if total == 1 else 's'}.{fix_note(results, unsafe)}\n")


def _namespaces(values: tuple[str, ...]) -> set[int] | None:
    """``--namespace 0,4`` (repeatable) or ``all``."""
    wanted: set[int] = set()
    for part in split_codes(values) or []:
        if part.lower() == "all":
            return None
        try:
            wanted.add(int(part))
        except ValueError:
            raise click.BadParameter(
                f"{part!r} is not a namespace number (or 'all')", param_hint="'--namespace'"
            ) from None
    return wanted


@main.command("dump")
@click.argument("path")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    help="Output format (default: jsonl, one finding per line).",
)
@click.option(
    "--namespace",
    "namespaces",
    multiple=True,
    default=("0",),
    show_default=True,
    help="Namespaces to lint: numbers (comma-separated or repeated) or 'all'.",
)
@click.option("--limit", type=click.IntRange(min=0), help="Lint at most this many pages.")
@click.option(
    "--start-after",
    type=click.IntRange(min=0),
    metavar="PAGE_ID",
    help="Skip pages up to this page id (resume an interrupted run).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores).",
)
@click.option(
    "--max-page-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    metavar="MIB",
    help="Report and skip pages whose XML is larger than this.",
)
@selection_options
@click.option("-q", "--quiet", is_flag=True, help="No summary and no progress bar.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the findings to a file.",
)
def dump(
    path: str,
    fmt: str,
    namespaces: tuple[str, ...],
    limit: int | None,
    start_after: int | None,
    jobs: int | None,
    max_page_size: int,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    config_path: str | None,
    isolated: bool,
    color: bool | None,
    progress: bool | None,
    output: str | None,
) -> None:
    """Lint every page of a MediaWiki XML dump (.xml, .xml.bz2, .xml.gz or '-').

    \b
    Pages are streamed (the dump is never held in memory) and linted on all cores;
    redirects are skipped. Findings are written in dump order as pages finish, one
    JSON object a line by default (page_id, title, revision_id, code, line, column…);
    a summary per rule goes to standard error. A page that cannot be read is reported
    and skipped. Exit codes: 0 clean, 1 findings, 2 an input error or a bad page,
    130 interrupted (Ctrl-C; what was written is whole, resume with --start-after).
    """
    import time

    from citelint.dump import DumpError
    from citelint.dumplint import DumpRun, Progress, run_dump, summary_lines
    from citelint.parallel import WorkerDied, default_jobs
    from citelint.reporters.stream import open_stream

    wanted = _namespaces(namespaces)
    if fmt == "sarif":
        _err("--format sarif needs every finding in memory; use jsonl (or json) for dumps")
        sys.exit(EXIT_ERROR)
    try:
        config = with_command_line(
            load_config(config_path, isolated), select, extend_select, ignore, fail_on
        )
        config.enabled_codes()
    except (ConfigError, RegistryError, ValueError) as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    if path != "-" and not os.path.exists(path):
        _err(f"{path}: no such file or directory")
        sys.exit(EXIT_ERROR)
    if output:
        _check_writable(output)
    out = _open_report(output)
    options = {"color": color if not output else False, "quiet": quiet, "summary": False}
    stream = open_stream(fmt, out, options)
    errors: list[str] = []
    show_progress = progress if progress is not None else (sys.stderr.isatty() and not quiet)
    run = DumpRun()
    started = time.monotonic()
    failure: str | None = None
    bar = None
    try:
        if show_progress:
            from rich.console import Console

            total = os.path.getsize(path) if path != "-" else None
            bar = Progress(Console(stderr=True), total)
            bar.__enter__()

        def on_error(message: str) -> None:
            errors.append(message)
            if bar is not None:
                bar.progress.console.print(f"citelint: {message}", markup=False, highlight=False)
            else:
                _err(message)

        run_dump(
            path,
            stream,
            config,
            namespaces=wanted,
            start_after=start_after,
            limit=limit,
            jobs=jobs or default_jobs(),
            max_page_bytes=max_page_size * 1024 * 1024,
            keep_source=fmt == "text",
            on_error=on_error,
            on_progress=bar.update if bar is not None else None,
            run=run,
        )
    except DumpError as exc:
        failure = str(exc) if str(exc).startswith(f"{path}: ") else f"{path}: {exc}"
    except WorkerDied as exc:
        failure = f"{path}: a worker process died ({exc})"
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    try:
        stream.close(run.tally)
        out.flush()
    except BrokenPipeError:
        _stdout_closed()
    finally:
        if output:
            out.close()
    resume = (
        f"; resume with --start-after {run.last_page_id}" if run.last_page_id is not None else ""
    )
    if failure is not None:
        _err(failure)
        if run.linted:
            _err(f"{run.linted} pages were linted and written{resume}")
        sys.exit(EXIT_ERROR)
    if not quiet:
        for line in summary_lines(run, time.monotonic() - started if show_progress else None):
            click.echo(line, err=True)
    if run.interrupted:
        _err(f"interrupted after {run.linted} pages{resume}")
        sys.exit(130)
    if errors:
        sys.exit(EXIT_ERROR)
    if run.failed and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@main.command("rules")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def list_rules(fmt: str) -> None:
    """List every rule: code, name, severity, on by default."""
    try:
        rules = all_rules()
    except RegistryError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        rows = [
            {
                "code": c,
                "name": r.name,
                "severity": str(r.severity),
                "default": r.default_enabled,
                "network": r.needs_network,
                "summary": r.summary,
            }
            for c, r in rules.items()
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'code':<8} {'name':<34} {'severity':<8} {'default':<7} summary")
    for code, r in rules.items():
        default = "on" if r.default_enabled else "off"
        click.echo(f"{code:<8} {r.name:<34} {r.severity!s:<8} {default:<7} {r.summary}")


@main.command("rule")
@click.argument("selector")
def show_rule(selector: str) -> None:
    """Print the documentation of one rule (by code or name)."""
    from citelint.registry import resolve

    try:
        codes = resolve(selector)
    except (ValueError, RegistryError) as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    for code in codes:
        r = all_rules()[code]
        click.echo(
            f"{code} {r.name} ({r.severity}, {'on' if r.default_enabled else 'off'} by default)"
        )
        click.echo()
        if r.summary:
            click.echo(r.summary)
            click.echo()
        click.echo(r.doc_text())
        if r.options:
            click.echo("\nOptions:")
            for o in r.options:
                click.echo(f"  {o.name} ({o.type.__name__}, default {o.default!r}): {o.help}")
        if r.bad:
            click.echo("\nBad:\n")
            click.echo(_indent(r.bad))
        if r.good:
            click.echo("\nGood:\n")
            click.echo(_indent(r.good))
        if len(codes) > 1:
            click.echo("\n" + "-" * 60)


def _indent(example: str) -> str:
    """A wikitext example indented by four spaces (blank lines stay empty)."""
    return "\n".join(("    " + line).rstrip() for line in example.strip("\n").splitlines())


main.add_command(page_command)

if __name__ == "__main__":  # pragma: no cover
    main()
