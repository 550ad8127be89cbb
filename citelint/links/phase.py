"""The link phase: between parsing and the rules, check every cited URL of a run once.

``lint_paths`` with ``--check-links`` parses every document (once), collects the URLs of
all of them, checks the distinct ones in one event loop with one client (cached results
first), stores a :class:`~citelint.links.judge.DocLinks` in each index, and only then
runs the rules, which read it. Without the flag none of this runs: no network at all.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from citelint.config import Config
from citelint.document import Document
from citelint.finding import Finding
from citelint.index import Index
from citelint.links.cache import LinkCache
from citelint.links.collect import collect
from citelint.links.judge import LINKS_KEY, DocLinks, run_results
from citelint.links.result import LinkResult
from citelint.links.settings import LinkSettings


@dataclass
class LinkRun:
    """Figures of one link phase (the CLI prints ``notes``; tests read the counts)."""

    results: dict[str, LinkResult] = field(default_factory=dict)
    urls: int = 0
    from_cache: int = 0
    requests: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def check_urls(
    urls: list[str],
    settings: LinkSettings,
    on_result: Callable[[LinkResult], None] | None = None,
) -> LinkRun:
    """Check distinct, normalised URLs: cached results first, the rest over the network."""
    started = time.perf_counter()
    urls = list(dict.fromkeys(urls))
    run = LinkRun(urls=len(urls))
    cache = LinkCache(settings.cache_dir, settings.max_age) if settings.cache else None
    try:
        cached = cache.get_many(urls) if cache is not None else {}
        run.from_cache = len(cached)
        if on_result is not None:
            for r in cached.values():
                on_result(r)
        todo = [u for u in urls if u not in cached]
        fresh: dict[str, LinkResult] = {}
        if todo:
            from citelint.links.checker import Checker

            checker = Checker(settings, on_result)
            fresh = asyncio.run(checker.run(todo))
            run.requests = checker.requests
            if checker.offline:
                unchecked = sum(1 for r in fresh.values() if not r.cacheable)
                run.notes.append(
                    f"no host name resolved: is the network down? {unchecked} "
                    f"link{'' if unchecked == 1 else 's'} could not be checked "
                    "(LINK002, not cached)"
                )
            if cache is not None:
                cache.put_many(fresh.values())
        run.results = {**cached, **fresh}
        if cache is not None and cache.error:
            run.notes.append(cache.error)
    finally:
        if cache is not None:
            cache.close()
    run.seconds = time.perf_counter() - started
    return run


def run_link_phase(indexes: list[Index], settings: LinkSettings) -> LinkRun:
    """Collect the URLs of every index, check them once, attach the results."""
    per_index = []
    keys: dict[str, None] = {}
    for index in indexes:
        uses = collect(index)
        per_index.append((index, uses))
        for use in uses:
            keys.setdefault(use.key)
    urls = list(keys)
    if settings.progress and urls:
        from citelint.links.progress import LinkProgress

        with LinkProgress(len(urls)) as bar:
            run = check_urls(urls, settings, bar.advance)
    else:
        run = check_urls(urls, settings)
    for index, uses in per_index:
        index.cache[LINKS_KEY] = DocLinks(uses, run.results)
    return run


def with_link_rules(config: Config) -> Config:
    """``--check-links`` turns the LINK rules on, unless the selection already names
    some of them (``--select LINK001``); ``--ignore`` still wins."""
    if any(code.startswith("LINK") for code in config.enabled_codes()):
        return config
    return config.with_overrides(extend_select=[*config.extend_select, "LINK"])


def lint_documents(
    docs: list[Document],
    config: Config | None = None,
    settings: LinkSettings | None = None,
) -> tuple[list[list[Finding]], LinkRun]:
    """Lint documents with link checking, for bots and tests: parse each once, check
    the URLs of all of them in one go, then run the rules. Returns the findings per
    document and the figures of the link phase."""
    from citelint.runner import lint_document, prepare_index

    config = with_link_rules(config or Config())
    settings = settings or LinkSettings()
    rules_for: dict[tuple[str, ...], list] = {}
    prepared = []
    for doc in docs:
        codes = tuple(config.enabled_codes(doc.path))
        rules = rules_for.get(codes)
        if rules is None:
            rules = rules_for[codes] = config.instantiate(list(codes))
        prepared.append((doc, rules, prepare_index(doc), needs_links(codes)))
    run = run_link_phase([ix for _, _, ix, wanted in prepared if wanted], settings)
    with run_results(run.results):
        out = [lint_document(doc, config, rules, index=ix) for doc, rules, ix, _ in prepared]
    return out, run


def needs_links(codes: tuple[str, ...] | list[str]) -> bool:
    return any(code.startswith("LINK") for code in codes)
