"""What a citation says about its link: archives, url-status, {{dead link}}, bare refs,
{{webarchive}}; each case asserts the exact findings (code, line, column)."""

from __future__ import annotations

import pytest

from citelint.links.settings import LinkSettings
from citelint.registry import all_rules

from .helpers import check
from .server import Site


def run(text: str, site: Site, settings: LinkSettings) -> list[tuple[str, int, str]]:
    """(code, line, the exact source each finding spans, with HOST for the server)."""
    host = f"{site.host}:{site.port}"
    text = text.replace("HOST", host)
    _, _, findings = check(text, settings)
    out = []
    for f in findings:
        start = text[f.offset : f.end_offset].replace(host, "HOST")
        assert f.column == f.offset - text.rfind("\n", 0, f.offset)
        out.append((f.code, f.line, start))
    return out


CASES = [
    (
        "dead url, archive, url-status=dead: fine",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01 |url-status=dead}}</ref>",
        [],
    ),
    (
        "dead url, archive, no url-status (CS1 treats it as dead): fine",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T "
        "|archive-url=http://HOST/snapshot |archive-date=2020-01-01}}</ref>",
        [],
    ),
    (
        "dead url, archive, url-status=unfit: fine",
        "X.<ref>{{cite web |url=http://HOST/gone |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01 |url-status=unfit}}</ref>",
        [],
    ),
    (
        "dead url claimed live",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01 |url-status=live}}</ref>",
        [("LINK001", 1, "url=http://HOST/missing")],
    ),
    (
        "dead archive",
        "X.\n<ref>{{cite web |url=http://HOST/missing |title=T\n |archive-url=http://HOST/gone "
        "|archive-date=2020-01-01 |url-status=dead}}</ref>",
        [("LINK004", 3, "archive-url=http://HOST/gone")],
    ),
    (
        "archive redirecting to the archive's home page",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T |archive-url=http://HOST/to-root "
        "|archive-date=2020-01-01 |url-status=dead}}</ref>",
        [("LINK004", 1, "archive-url=http://HOST/to-root")],
    ),
    (
        "live url marked url-status=dead",
        "X.<ref>{{cite web |url=http://HOST/ok |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01\n|url-status=dead}}</ref>",
        [("LINK005", 2, "url-status=dead")],
    ),
    (
        "live url with {{dead link}} inside the ref",
        "X.<ref>{{cite web |url=http://HOST/ok |title=T}} {{dead link|date=May 2020}}</ref>",
        [("LINK005", 1, "{{dead link|date=May 2020}}")],
    ),
    (
        "live url with {{dead link}} right after the ref",
        "X.<ref>[http://HOST/ok Title]</ref> {{Dead link|date=May 2020}}",
        [("LINK005", 1, "{{Dead link|date=May 2020}}")],
    ),
    (
        "soft 404 marked dead: no finding",
        "X.<ref>{{cite web |url=http://HOST/to-root |title=T}}{{dead link}}</ref>",
        [],
    ),
    (
        "dead url tagged {{dead link}} without archive: TAG003's job, not LINK001",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T}}{{dead link}}</ref>",
        [],
    ),
    (
        "live url with url-status=usurped: not marked dead",
        "X.<ref>{{cite web |url=http://HOST/ok |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01 |url-status=usurped}}</ref>",
        [],
    ),
    (
        "bare URL ref",
        "X.<ref>http://HOST/missing</ref>",
        [("LINK001", 1, "http://HOST/missing")],
    ),
    (
        "[URL label] ref",
        "X.\nY.<ref>See [http://HOST/gone the page], p. 4.</ref>",
        [("LINK001", 2, "http://HOST/gone")],
    ),
    (
        "[URL label] with {{webarchive}} in the ref",
        "X.<ref>[http://HOST/missing Label] {{webarchive |url=http://HOST/snapshot "
        "|date=2020-01-01}}</ref>",
        [],
    ),
    (
        "dead {{webarchive}}",
        "X.<ref>[http://HOST/missing Label] {{webarchive |url=http://HOST/missing "
        "|date=2020-01-01}}</ref>",
        [("LINK004", 1, "url=http://HOST/missing")],
    ),
    (
        "chapter-url and other URL parameters",
        "X.<ref>{{cite book |title=B |chapter=C |chapter-url=http://HOST/gone}}</ref>",
        [("LINK001", 1, "chapter-url=http://HOST/gone")],
    ),
    (
        "citation outside a ref (bibliography)",
        "== Sources ==\n* {{cite book |title=B |url=http://HOST/missing}}",
        [("LINK001", 2, "url=http://HOST/missing")],
    ),
    (
        "protocol-relative URLs, fragments and &amp; are normalised; links outside refs ignored",
        "See [http://HOST/missing external].\nX.<ref>{{cite web |url=http://HOST/moved#s "
        "|title=T}}</ref>",
        [("LINK003", 2, "url=http://HOST/moved#s")],
    ),
    (
        "a URL cited twice is reported at each citation",
        "X.<ref>{{cite web |url=http://HOST/missing |title=T}}</ref>\n"
        "Y.<ref>{{cite news |url=http://HOST/missing |title=U}}</ref>",
        [("LINK001", 1, "url=http://HOST/missing"), ("LINK001", 2, "url=http://HOST/missing")],
    ),
    (
        "URLs in comments, nowiki and templates inside url= are not checked",
        "X.<ref><!-- http://HOST/missing --><nowiki>http://HOST/gone</nowiki>"
        "{{cite web |url=http://HOST/{{PAGENAME}} |title=T}}</ref>",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_citation(site: Site, settings: LinkSettings, name: str, text: str, expected: list) -> None:
    assert run(text, site, settings) == expected


def test_archive_url_is_checked_as_well(fresh_site: Site, settings: LinkSettings) -> None:
    text = (
        "X.<ref>{{cite web |url=http://HOST/ok |title=T |archive-url=http://HOST/snapshot "
        "|archive-date=2020-01-01 |url-status=live}}</ref>"
    )
    assert run(text, fresh_site, settings) == []
    assert fresh_site.counts == {"/ok": 1, "/snapshot": 1}


def test_same_url_in_several_documents_is_requested_once(
    fresh_site: Site, settings: LinkSettings
) -> None:
    url = fresh_site.url("/missing")
    texts = [f"Doc {i}.<ref>{{{{cite web |url={url} |title=T}}}}</ref>" for i in range(3)]
    found, run_, _ = check(texts, settings)
    assert found == [("LINK001", 1, "error")] * 3
    assert fresh_site.counts == {"/missing": 2}  # HEAD + GET, once for the whole run
    assert run_.urls == 1


@pytest.mark.parametrize("code", [c for c in all_rules() if c.startswith("LINK")])
def test_docs_examples(site: Site, settings: LinkSettings, code: str) -> None:
    """Every LINK rule's documented bad example triggers it, its good example does not
    (example.org and archive.example.org are served by the local site)."""
    rule = all_rules()[code]
    assert rule.needs_network and not rule.default_enabled
    target = f"{site.host}:{site.port}"
    settings.hosts = {"example.org:80": target, "archive.example.org:80": target}
    bad, _, _ = check(rule.bad, settings, select=(code,))
    good, _, _ = check(rule.good, settings, select=(code,))
    assert code in [c for c, _, _ in bad]
    assert good == []
