"""``citelint page TITLE… --wiki https://en.wikipedia.org/w/api.php``: lint live pages.

Pages are fetched through the MediaWiki Action API (see :mod:`citelint.wiki.api`),
linted with the same rules, configuration and report formats as files, and named
``Title@revid`` in reports. For every REF001 (a named ref used but never defined) the
page's history is searched, newest first, for the last definition of the name, and
files given with ``--rescue-from`` after that; a definition found becomes an unsafe fix
(see :mod:`citelint.rescue`).

Exit codes as for ``citelint check``: 0 clean, 1 findings, 2 usage or input error (a
missing page is reported in one line and the other pages are still linted).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from citelint.cli_options import baseline_options, selection_options, with_command_line
from citelint.config import ConfigError
from citelint.config import load as load_config
from citelint.document import Document
from citelint.registry import RegistryError
from citelint.reporters import FORMATS
from citelint.rescue import Source, Sources, read_sources, rescue_option, with_rescue
from citelint.runner import LINT_FAILURES, FileResult, failure_reason, lint_document

if TYPE_CHECKING:  # httpx is imported only when a page is fetched
    from citelint.wiki.api import Page, WikiClient

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"citelint: {message}", err=True)


def read_titles(path: str) -> list[str]:
    """One title a line; blank lines and lines starting with ``#`` are skipped."""
    if path == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.UsageError(
                f"--titles-from {path}: {getattr(exc, 'strerror', exc)}"
            ) from None
    titles = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            titles.append(line)
    return titles


def save_name(page: Page, by_revision: bool) -> str:
    """The file name ``--save`` gives a page: its title (``/`` as ``%2F``), plus
    ``@revid`` when it was asked for by revision."""
    name = (page.title or page.requested).replace("%", "%25").replace("/", "%2F")
    if by_revision:
        name += f"@{page.revid}"
    return name + ".wiki"


def history_sources(
    client: WikiClient, page: Page, limit: int, notes: list[str]
) -> Iterator[Source]:
    """The page's older revisions, newest first (fetched only when needed). When the
    history cannot be read, the search ends there and ``notes`` says why."""
    from citelint.wiki.api import WikiError

    if limit <= 0 or page.title is None:
        return
    try:
        for rev in client.history(page.title, limit=limit + 1, start_id=page.revid):
            if rev.revid == page.revid:
                continue
            yield Source(f"{page.title}@{rev.revid}", rev.text, rev.timestamp)
    except WikiError as exc:
        notes.append(f"{page.label}: the history was not searched for lost refs: {exc}")


@click.command("page")
@click.argument("titles", nargs=-1)
@click.option(
    "--wiki",
    "api_url",
    envvar="CITELINT_WIKI",
    required=True,
    help="The wiki's api.php, e.g. https://en.wikipedia.org/w/api.php (env CITELINT_WIKI).",
)
@click.option(
    "--revision", "revisions", multiple=True, type=int, help="Lint this revision id (repeatable)."
)
@click.option(
    "--titles-from",
    "titles_from",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Read titles from a file, one a line ('-': stdin).",
)
@click.option(
    "--save",
    "save_dir",
    type=click.Path(file_okay=False),
    help="Keep the fetched wikitext in this folder (Title.wiki).",
)
@rescue_option
@click.option(
    "--history",
    "history",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Older revisions searched for lost ref definitions (0: none).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1, max=16),
    default=4,
    show_default=True,
    help="API requests in flight at once.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format."
)
@selection_options
@baseline_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there are no findings.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes (unsafe ones too with --unsafe-fixes) as a diff; change nothing.",
)
@click.option("--unsafe-fixes", is_flag=True, help="With --diff, show unsafe fixes too.")
def page(
    titles: tuple[str, ...],
    api_url: str,
    revisions: tuple[int, ...],
    titles_from: str | None,
    save_dir: str | None,
    rescue_from: tuple[str, ...],
    history: int,
    concurrency: int,
    fmt: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    config_path: str | None,
    isolated: bool,
    color: bool | None,
    statistics: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    output: str | None,
    diff: bool,
    unsafe_fixes: bool,
) -> None:
    """Fetch pages from a MediaWiki wiki and lint their wikitext.

    \b
      citelint page "Fall of Damascus" --wiki https://en.wikipedia.org/w/api.php
      citelint page --revision 1262000000 --wiki …
      citelint page --titles-from titles.txt --save pages/ --wiki …
    """
    all_titles = list(titles)
    if titles_from:
        all_titles += read_titles(titles_from)
    if not all_titles and not revisions:
        _err("no page given; try 'citelint page TITLE --wiki URL' (see --help)")
        sys.exit(EXIT_ERROR)
    try:
        cfg = with_command_line(
            load_config(config_path, isolated), select, extend_select, ignore, fail_on
        )
        codes = cfg.enabled_codes()
        rules = cfg.instantiate(codes)
        files = read_sources(rescue_from) if rescue_from else None
    except (ConfigError, RegistryError, ValueError) as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)

    from citelint.wiki.api import WikiClient, WikiError

    results: list[FileResult] = []
    notes: list[str] = []
    fixed_any = 0
    try:
        client = WikiClient(api_url, concurrency=concurrency)
    except WikiError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    with client:
        try:
            pages = [(p, False) for p in client.pages(all_titles)]
            pages += [(p, True) for p in client.revisions(revisions)]
        except WikiError as exc:
            _err(str(exc))
            sys.exit(EXIT_ERROR)
        for pg, by_revision in pages:
            if pg.error is not None:
                where = f"revision {pg.requested}" if by_revision else pg.requested
                results.append(FileResult(where, error=pg.error))
                continue
            if pg.redirected_from and not quiet:
                _err(f"{pg.requested}: redirects to {pg.title}")
            assert pg.text is not None
            if save_dir:
                folder = Path(save_dir)
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / save_name(pg, by_revision)).write_text(pg.text, encoding="utf-8")
                except OSError as exc:
                    results.append(FileResult(pg.label, error=f"cannot save to {save_dir}: {exc}"))
                    continue
            chain = []
            if history and "REF001" in codes:
                chain.append(Sources(history_sources(client, pg, history, notes), ordered=True))
            if files is not None:
                chain.append(files)
            doc = Document(pg.text, path=pg.label, title=pg.title)
            page_rules = with_rescue(rules, chain)
            try:
                if diff:
                    from citelint.fixes import fix_document, unified_diff

                    fixed, findings, applied = fix_document(doc, cfg, page_rules, unsafe_fixes)
                    if applied:
                        fixed_any += applied
                        click.echo(unified_diff(pg.label, pg.text, fixed), nl=False)
                else:
                    findings = lint_document(doc, cfg, page_rules)
            except LINT_FAILURES as exc:
                results.append(FileResult(pg.label, error=failure_reason(exc)))
                continue
            results.append(FileResult(pg.label, findings, title=pg.title))

    had_error = any(r.error is not None for r in results)
    for note in notes:
        _err(note)
    for r in results:
        if r.error is not None:
            _err(f"{r.path}: {r.error}")
    if diff:
        if fixed_any:
            _err(f"Would fix {fixed_any} problem{'' if fixed_any == 1 else 's'}.")
        sys.exit(EXIT_ERROR if had_error else EXIT_FINDINGS if fixed_any else EXIT_OK)
    from citelint.cli import finish_report  # cli imports this module

    finish_report(
        results,
        fmt=fmt,
        output=output,
        color=color,
        quiet=quiet,
        unsafe_fixes=unsafe_fixes,
        fix_hint=False,
        statistics=statistics,
        baseline_path=baseline_path,
        write_baseline_path=write_baseline_path,
        exit_zero=exit_zero,
        fail_on=lambda path: cfg.fail_on,
    )


if __name__ == "__main__":  # pragma: no cover
    page()
