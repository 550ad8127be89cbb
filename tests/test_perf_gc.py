"""citelint pauses the cyclic garbage collector while it lints a page, and only then.

The pause is what keeps a lint's cost linear in the page (citelint.gcpause); these tests
check it is effective (no collection runs during a lint) and that a library user never
sees the collector's state changed: on/off and thresholds as before, also when the lint
raises, when the collector was off already, and with threads.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import mwparserfromhell
import pytest

import citelint
from citelint import gcpause
from citelint.config import Config
from citelint.document import Document
from citelint.finding import Severity
from citelint.index import _Walker
from citelint.rule import Rule
from citelint.runner import RuleCrash, lint_document

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "fall-of-damascus.wiki"


@pytest.fixture
def gc_state() -> Iterator[tuple[bool, tuple[int, ...]]]:
    """The collector's state before the test, checked unchanged after it."""
    before = (gc.isenabled(), gc.get_threshold())
    yield before
    assert (gc.isenabled(), gc.get_threshold()) == before
    assert gcpause._depth == 0


def _collections_during(fn) -> int:
    count = 0

    def cb(phase: str, info: dict) -> None:
        nonlocal count
        if phase == "start":
            count += 1

    gc.callbacks.append(cb)
    try:
        fn()
    finally:
        gc.callbacks.remove(cb)
    return count


def test_no_collection_runs_during_a_lint(gc_state) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    config = Config()
    rules = config.instantiate(config.enabled_codes())
    lint_document(Document(text), config, rules)  # rule data loaded once, before
    gc.collect()
    # a small threshold makes an unpaused parse collect hundreds of times
    old = gc.get_threshold()
    gc.set_threshold(100, 10, 10)
    try:
        paused = _collections_during(lambda: lint_document(Document(text), config, rules))
        unpaused = _collections_during(lambda: mwparserfromhell.parse(text))
    finally:
        gc.set_threshold(*old)
    assert unpaused > 10  # the measure would see collections if there were any
    # at most the few after the pause, where the findings are sorted and fingerprinted
    assert paused <= 2


def test_reference_counting_frees_what_a_lint_built(gc_state) -> None:
    """Nothing of the parse is left for the cyclic collector: the tokens, the walker and the
    index go as soon as the lint ends (only the small ref/list back-links form cycles)."""
    text = SAMPLE.read_text(encoding="utf-8") * 3
    config = Config()
    rules = config.instantiate(config.enabled_codes())
    lint_document(Document(text), config, rules)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        lint_document(Document(text), config, rules)
        gc.collect()
        kinds = {type(o).__module__ + "." + type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not {k for k in kinds if k.startswith("mwparserfromhell.")}
    assert "citelint.index._Walker" not in kinds
    assert "citelint.index.Index" not in kinds
    assert len(kinds) < 10


def test_state_restored_after_a_lint(gc_state) -> None:
    assert gc.isenabled()
    citelint.lint_text("A.<ref>{{cite web|title=x}}</ref>\n{{reflist}}")
    assert gc.isenabled()


def test_state_restored_when_the_collector_was_off(gc_state) -> None:
    gc.disable()
    try:
        citelint.lint_text("A.<ref>x</ref>")
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Crash(Rule):
    code = "ZZZ001"
    name = "crash"
    severity = Severity.ERROR
    summary = "crashes"

    def check(self, index):
        raise ValueError("boom")


def test_state_restored_when_a_rule_raises(gc_state) -> None:
    with pytest.raises(RuleCrash):
        lint_document(Document("A.<ref>x</ref>"), Config(), [_Crash()])
    assert gc.isenabled()


def test_state_restored_when_the_parse_raises(gc_state, monkeypatch) -> None:
    def fail(self, code, pos):
        raise RuntimeError("walk failed")

    monkeypatch.setattr(_Walker, "seq", fail)
    with pytest.raises(RuntimeError):
        citelint.lint_text("A.<ref>x</ref>")
    assert gc.isenabled()


def test_pauses_nest_and_are_shared_between_threads(gc_state) -> None:
    text = SAMPLE.read_text(encoding="utf-8")[:20_000]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                citelint.lint_text(text)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()
    with gcpause.paused():
        with gcpause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_child_forked_during_a_pause_has_the_collector_on(gc_state) -> None:
    with gcpause.paused():
        pid = os.fork()
        if pid == 0:  # the child: report through the exit code
            os._exit(0 if gc.isenabled() else 1)
        _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
