"""citelint's CS1 data is generated from the Lua modules (tools/gen_cs1_data.py): the
shipped files must be what the generator makes of the current modules in ../shared, and
they must agree with themselves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citelint.cs1.data import config, enum_name, known_anywhere, whitelist

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT.parent / "shared" / "oracle" / "pages-cs1" / "Module"


def test_every_suggestion_is_itself_a_valid_parameter() -> None:
    wl = whitelist()
    assert wl.suggestions, "no suggestions loaded"
    bad = {k: v for k, v in wl.suggestions.items() if not known_anywhere(wl, v)}
    assert bad == {}
    for regex, target in wl.patterns:
        name = target.replace("$1", "1")
        assert known_anywhere(wl, name), (regex.pattern, target)


def test_current_cs1_parameters() -> None:
    wl = whitelist()
    for name in ("orig-date", "name-list-style", "quote-page", "trans-quote", "article-number"):
        assert wl.valid(name, "journal"), name
    assert not wl.valid("lastauthoramp", "book")
    assert wl.suggest("lastauthoramp", "book") == "name-list-style"
    assert wl.valid("s2cid", "web") and wl.valid("author2-link", "web")
    assert wl.valid("author2link", "web")


def test_enumerators_are_replaced_as_cs1_does() -> None:
    assert enum_name("last25") == "last#"
    assert enum_name("author2-link") == "author#-link"
    assert enum_name("author2link") == "author#link"
    assert enum_name("s2cid") == "s2cid"  # CS1 only masks digits before '-' or 'l'


def test_ref_harv_is_an_invalid_value() -> None:
    assert "ref" in config()["invalid_keywords"]
    assert config()["keyword_params"]["ref"] == "ref"
    assert "harv" in config()["keywords"]["ref"]


def test_every_error_key_is_in_the_message_table() -> None:
    messages = config()["messages"]
    errors = set(messages["error"])
    assert {"bad_date", "invalid_isbn_date", "param_unknown_empty", "generic_name"} <= errors
    assert "mult_names" in messages["maint"] and "mult_names" not in errors
    assert "numeric_names" in errors and "numeric_names" in messages["maint"]


@pytest.mark.skipif(
    not MODULES.is_dir(), reason="../shared/oracle/pages-cs1 is not beside the checkout"
)
def test_shipped_data_is_what_the_generator_makes() -> None:
    if shutil.which("lua5.1") is None:
        if os.environ.get("CITELINT_REQUIRE_ORACLE"):
            pytest.fail("lua5.1 is missing: the oracle's setup.sh installs it")
        pytest.skip("lua5.1 is not installed (the oracle's setup.sh installs it)")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_cs1_data.py"), "--check", str(MODULES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
