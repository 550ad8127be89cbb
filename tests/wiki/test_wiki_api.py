"""The MediaWiki API client without MediaWiki: etiquette (User-Agent, maxlag, Retry-After),
retries, errors and bounded concurrency, against a test server on 127.0.0.1 and an
in-process transport."""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import parse_qs

import httpx
import pytest
from werkzeug import Request, Response

from citelint import __version__
from citelint.wiki.api import WikiClient, WikiError


def _answer(titles: list[str]) -> dict:
    return {
        "batchcomplete": True,
        "query": {
            "pages": [
                {
                    "pageid": i + 1,
                    "ns": 0,
                    "title": t,
                    "revisions": [
                        {
                            "revid": 100 + i,
                            "timestamp": "2024-12-08T10:00:00Z",
                            "slots": {"main": {"content": f"Text of {t}."}},
                        }
                    ],
                }
                for i, t in enumerate(titles)
            ]
        },
    }


def test_maxlag_and_retry_after_are_honoured(httpserver) -> None:
    seen: list[Request] = []
    replies = [
        Response(
            json.dumps({"error": {"code": "maxlag", "info": "Waiting for db1: 7 seconds lagged"}}),
            headers={"Retry-After": "7", "Content-Type": "application/json"},
        ),
        Response("busy", status=429, headers={"Retry-After": "3"}),
        Response("oops", status=503),
        Response(json.dumps(_answer(["A"])), content_type="application/json"),
    ]

    def handler(request: Request) -> Response:
        seen.append(request)
        return replies[len(seen) - 1]

    httpserver.expect_request("/w/api.php", method="POST").respond_with_handler(handler)
    waits: list[float] = []
    with WikiClient(httpserver.url_for("/w/api.php"), sleep=waits.append) as client:
        [page] = client.pages(["A"])
    assert (page.title, page.revid, page.text) == ("A", 100, "Text of A.")
    assert waits == [7.0, 3.0, 4.0]  # Retry-After, Retry-After, then backoff (2 ** 2)
    assert client.requests == 4
    form = parse_qs(seen[0].get_data(as_text=True))
    assert {k: v[0] for k, v in form.items()} == {
        "format": "json",
        "formatversion": "2",
        "maxlag": "5",
        "action": "query",
        "prop": "revisions",
        "rvprop": "content|ids|timestamp",
        "rvslots": "main",
        "titles": "A",
        "redirects": "1",
    }
    agent = seen[0].headers["User-Agent"]
    assert agent.startswith(f"citelint/{__version__} (+https://github.com/citelint/citelint; ")


def test_gives_up_after_the_retries(httpserver) -> None:
    httpserver.expect_request("/api.php").respond_with_data("down", status=502)
    waits: list[float] = []
    with (
        WikiClient(httpserver.url_for("/api.php"), retries=2, sleep=waits.append) as client,
        pytest.raises(WikiError, match=r"answered HTTP 502 \(gave up after 3 attempts\)$"),
    ):
        client.pages(["A"])
    assert waits == [1.0, 2.0]


def test_api_errors_and_non_json_are_wiki_errors(httpserver) -> None:
    httpserver.expect_request("/bad").respond_with_json(
        {"error": {"code": "badvalue", "info": 'Unrecognized value for parameter "action".'}}
    )
    httpserver.expect_request("/html").respond_with_data("<html>Main Page</html>")
    with WikiClient(httpserver.url_for("/bad")) as client, pytest.raises(WikiError) as exc:
        client.pages(["A"])
    assert str(exc.value).endswith(': Unrecognized value for parameter "action".')
    with WikiClient(httpserver.url_for("/html")) as client, pytest.raises(WikiError) as exc:
        client.pages(["A"])
    assert str(exc.value).endswith("did not answer with JSON (is it api.php?)")
    with pytest.raises(WikiError, match="not an API URL"):
        WikiClient("en.wikipedia.org")


def test_batches_keep_order_and_concurrency_is_bounded() -> None:
    lock = threading.Lock()
    state = {"in_flight": 0, "peak": 0, "batches": []}

    def handler(request: httpx.Request) -> httpx.Response:
        titles = parse_qs(request.content.decode())["titles"][0].split("|")
        with lock:
            state["in_flight"] += 1
            state["peak"] = max(state["peak"], state["in_flight"])
            state["batches"].append(len(titles))
        time.sleep(0.2)
        with lock:
            state["in_flight"] -= 1
        return httpx.Response(200, json=_answer(list(reversed(titles))))

    titles = [f"T{i}" for i in range(230)]
    with WikiClient(
        "https://wiki.invalid/w/api.php", concurrency=2, transport=httpx.MockTransport(handler)
    ) as client:
        pages = client.pages([*titles, "T3"])
    assert [p.title for p in pages] == [*titles, "T3"]
    assert sorted(state["batches"]) == [30, 50, 50, 50, 50]
    assert state["peak"] == 2


def test_page_command_when_the_history_cannot_be_read(httpserver) -> None:
    from click.testing import CliRunner

    from citelint.wiki.command import page

    def handler(request: Request) -> Response:
        form = parse_qs(request.get_data(as_text=True))
        if "rvdir" in form:  # the history request
            return Response("forbidden", status=403)
        body = _answer(["P"])
        body["query"]["pages"][0]["revisions"][0]["slots"]["main"]["content"] = (
            'A.<ref name="x"/>\n{{reflist}}'
        )
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request("/api.php").respond_with_handler(handler)
    api = httpserver.url_for("/api.php")
    result = CliRunner().invoke(page, ["P", "--wiki", api, "--select", "REF001", "-f", "concise"])
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        'P@100:1:3: REF001 The named ref "x" is used but never defined',
    )
    assert result.stderr == (
        f"citelint: P@100: the history was not searched for lost refs: {api} answered HTTP 403\n"
    )
