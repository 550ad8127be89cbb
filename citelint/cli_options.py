"""Click options that every linting command shares (check, dump, page), declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from citelint.config import Config
from citelint.finding import Severity

_SHARED = (
    click.option(
        "--select", multiple=True, help="Rules to run: codes, prefixes or names (comma-separated)."
    ),
    click.option("--extend-select", multiple=True, help="Rules to add to the selection."),
    click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names."),
    click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info"]),
        default=None,
        help="Lowest severity that makes the exit code 1 (default: error).",
    ),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings."),
    click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), help="Config file to use."
    ),
    click.option("--isolated", is_flag=True, help="Ignore configuration files."),
    click.option("--color/--no-color", default=None, help="Force colour on or off."),
)


_BASELINE = (
    click.option("--statistics", is_flag=True, help="Print the number of findings per rule."),
    click.option(
        "--baseline",
        "baseline_path",
        type=click.Path(dir_okay=False),
        help="Hide findings recorded in this baseline file (from --write-baseline).",
    ),
    click.option(
        "--write-baseline",
        "write_baseline_path",
        type=click.Path(dir_okay=False),
        help="Record the current findings as the baseline and exit 0.",
    ),
)


def baseline_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--statistics``, ``--baseline`` and ``--write-baseline`` (check and page)."""
    for option in reversed(_BASELINE):
        command = option(command)
    return command


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Rule selection, failing severity, configuration and colour options."""
    for option in reversed(_SHARED):
        command = option(command)
    return command


def split_codes(values: tuple[str, ...]) -> list[str] | None:
    """Repeated and comma-separated selectors as one list (None when none was given)."""
    if not values:
        return None
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def with_command_line(
    cfg: Config,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
) -> Config:
    """What the command line adds to a configuration: ``--select`` replaces the file's
    selection, ``--extend-select`` and ``--ignore`` add to the file's lists."""
    return cfg.with_overrides(
        select=split_codes(select),
        extend_select=(cfg.extend_select + (split_codes(extend_select) or [])) or None,
        ignore=(cfg.ignore + (split_codes(ignore) or [])) or None,
        fail_on=Severity.parse(fail_on) if fail_on else None,
    )
