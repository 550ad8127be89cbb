"""The citation model: which templates are citations, and their arguments as CS1 sees them."""

from __future__ import annotations

from citelint.cs1 import cs1_key, cs1_problem
from citelint.cs1.data import config, known_anywhere, metas_of, templates, whitelist
from citelint.cs1.model import citations, name_role
from citelint.cs1.resolve import is_empty, parts
from citelint.document import Document
from citelint.index import build_index


def cites(text: str):
    return citations(build_index(Document(text)))


def test_spellings_and_redirects_of_citation_templates() -> None:
    text = (
        "{{Cite web|url=https://a.org|title=A}} {{cite_web|title=B}} {{ cite web |title=C}} "
        "{{citation|title=D}} {{Cite Web|title=E}} {{cite newspaper|title=F}} "
        "{{Template:Cite book|title=G}} {{cite tweet|title=H}} {{infobox|title=I}}"
    )
    got = [(c.template.name, c.cls) for c in cites(text)]
    assert got == [
        ("Cite web", "web"),
        ("Cite web", "web"),
        ("Cite web", "web"),
        ("Citation", "citation"),
        ("Cite Web", "web"),
        ("Cite newspaper", "news"),
        ("Cite book", "book"),
    ]


def test_arguments_as_mediawiki_passes_them() -> None:
    (c,) = cites(
        "{{cite web\n| title = Spaced <!-- note -->\n|url=https://a.org\n|title=Last wins"
        "|  first  =\u00a0x\u00a0|positional|1=explicit|date={{date|2020}}}}"
    )
    assert c.args["title"].value == "Last wins"
    assert [p.value for p in c.args["title"].earlier] == [" Spaced <!-- note -->\n"]
    assert c.args["first"].value == "\u00a0x\u00a0"  # PHP's trim keeps NBSP
    assert c.args["1"].value == "explicit" and c.args["1"].positional
    assert c.args["date"].opaque and not c.args["url"].opaque
    assert [a.name for a in c.order] == ["url", "title", "first", "1", "date"]


def test_argument_offsets_point_at_the_source() -> None:
    text = "<ref>{{cite web |url=https://a.org |title= Cats  }}</ref>"
    (c,) = cites(text)
    a = c.args["title"]
    assert text[a.start : a.end] == "|title= Cats"
    assert text[slice(*a.value_span)] == "Cats"
    assert c.ref is not None and c.ref.start == 0
    assert text[c.start : c.end].startswith("{{cite web") and text[c.start : c.end].endswith("}}")


def test_aliases_resolve_in_cs1_order() -> None:
    (c,) = cites("{{cite news|title=T|work=W|newspaper=N|accessdate=1 May 2020|website=}}")
    assert c.first_set("Periodical").name == "newspaper"  # journal, magazine, newspaper, …
    assert [a.name for a in c.set_aliases("Periodical")] == ["newspaper", "work"]
    assert c.first_set("AccessDate").name == "accessdate"
    assert c.first_set("URL") is None


def test_name_lists_bare_name_before_enumerated_one() -> None:
    (c,) = cites("{{cite book|title=T|author=A|last1=B|first1=C|author2=D|editor-last=E}}")
    names = c.names("AuthorList")
    assert [(n.index, n.last.name, n.first.name if n.first else None) for n in names] == [
        (1, "last1", "first1"),
        (2, "author2", None),
    ]
    assert [n.last.value for n in c.names("EditorList")] == ["E"]
    assert name_role("author2-link") == (("AuthorList", "Link", 2, (1, 1)),)
    assert name_role("authorlink") == (("AuthorList", "Link", 1, (4, 0)),)
    assert name_role("title") == ()


def test_name_list_holes() -> None:
    (c,) = cites("{{cite book|title=T|last1=A|first2=B|last4=D}}")
    assert [n.index for n in c.names("AuthorList")] == [1, 4]
    assert [(k, i) for k, _, i in c.name_problems("AuthorList")] == [
        ("first_missing_last", 2),
        ("missing_name", 3),
    ]
    (c,) = cites("{{cite book|title=T|last1=A|last4=D}}")
    assert [n.index for n in c.names("AuthorList")] == [1]  # two missing: CS1 stops


def test_encyclopedia_remapping_and_emptiness() -> None:
    (c,) = cites("{{cite encyclopedia|encyclopedia=Britannica|title=Cats|url=https://a.org}}")
    p = parts(c)
    assert p.title.name == "encyclopedia" and p.chapter.name == "title"
    assert p.chapter_url.name == "url" and p.url is None
    (c,) = cites("{{cite web|deadurl=no|df=dmy}}")
    assert is_empty(c)


def test_data_is_consistent() -> None:
    wl = whitelist()
    cfg = config()
    # aliases the whitelist does not know are dropped (a different whitelist can be dropped in)
    assert all(known_anywhere(wl, name) for name in metas_of())
    assert metas_of()["accessdate"] == (("AccessDate", 1),)
    for ident, names in cfg["identifiers"].items():
        for name in names:
            assert known_anywhere(wl, name), (ident, name)
    assert templates()["cite web"] == "web" and templates()["cite_web".replace("_", " ")] == "web"


def test_keys_round_trip() -> None:
    p = cs1_problem(0, 1, "Missing or empty |title=", "citation_missing_title")
    assert cs1_key(p.message) == "citation_missing_title"
    p = cs1_problem(0, 1, "Multiple names", "mult_names/authors", maint=True)
    assert p.message.endswith("(CS1 maint: mult_names/authors)")
    assert cs1_key(p.message) == "maint:mult_names/authors"
    assert cs1_key("no key here") is None
    p = cs1_problem(0, 1, "bot: unknown", "bot:_unknown", maint=True)
    assert cs1_key(p.message) == "maint:bot:_unknown"
