"""URL checks as CS1 makes them."""

from __future__ import annotations

import pytest

from citelint.cs1.urls import check_url, has_ext_link, split_url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "http://www.example.co.uk/a?b=c#d",
        "//example.org/x",
        "ftp://ftp.example.org/f.txt",
        "http://192.0.2.1/x",
        "http://example.org:8080/x",
        "https://x.com/a",
        "https://q.net",
        "https://a.org",
        "http://ab.io",
        "https://xn--bcher-kva.example",
        "news:comp.lang.python",
        "https://bücher.example",  # CS1 checks bytes: the ASCII tail "cher.example" passes
        # the current module's "IPv6" host pattern accepts any host starting with a letter
        # or digit (all three checked with the MediaWiki oracle)
        "https://localhost/",
        "https://example.org.",
        "https://a.com",
        "https://b.example/",
    ],
)
def test_good_urls(url: str) -> None:
    assert check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a b",
        "http//example.org",
        "http:///example.org",
        "http:/example.org",
        ":http://example.org",
        "example",
        "mailto:x@example.org",
    ],
)
def test_bad_urls(url: str) -> None:
    assert not check_url(url)


def test_split() -> None:
    assert split_url("https://www.example.org:443/p") == ("https:", "www.example.org")
    assert split_url("//example.org/p") == (None, "example.org")
    assert split_url("http:/x.org") == ("http:", None)


@pytest.mark.parametrize(
    ("value", "linked"),
    [
        ("[https://example.org The book]", True),
        ("Cats [http://example.org]", True),
        ("see http://example.org", True),
        ("[//example.org x]", True),
        ("www.example.org", False),
        ("Cats: a history", False),
        ("Re:Zero", False),
        ("[[Cats]]", False),
    ],
)
def test_ext_links_in_text(value: str, linked: bool) -> None:
    assert has_ext_link(value) is linked
