"""The rule interface: a rule is a small class with a code, a name and a ``check``.

Built-in rules live in the ``citelint.rules`` package; third-party packages add rules
through the ``citelint.rules`` entry-point group. Both are found the same way.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from citelint.finding import Problem, Severity

if TYPE_CHECKING:
    from citelint.index import Index


@dataclass(frozen=True)
class Option:
    """A typed, documented rule option settable under ``[tool.citelint.rules.CODE]``."""

    name: str
    type: type
    default: Any
    help: str


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes and implement :meth:`check`, yielding
    :class:`Problem` objects. The docstring is the rule's documentation; ``bad`` and
    ``good`` are wikitext examples that the test suite runs.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    default_enabled: ClassVar[bool] = True
    needs_network: ClassVar[bool] = False
    summary: ClassVar[str] = ""
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""
    options: ClassVar[tuple[Option, ...]] = ()
    help_url: ClassVar[str | None] = None

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        values = {o.name: o.default for o in self.options}
        values.update(settings or {})
        self.settings = values

    def check(self, index: Index) -> Iterable[Problem]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        """The docstring as written (reST), without its indentation."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_text(cls) -> str:
        """The documentation as plain text: ``code`` literals and roles unmarked."""
        return _unmark(cls.doc(), "{}")

    @classmethod
    def doc_markdown(cls) -> str:
        """The documentation as Markdown: literals in backticks."""
        return _unmark(cls.doc(), "`{}`")

    @classmethod
    def option(cls, name: str) -> Option:
        for o in cls.options:
            if o.name == name:
                return o
        raise KeyError(name)


_LITERAL = re.compile(r"``(.+?)``|:[a-z:]+:`~?(.+?)`|(?<![`\w])`([^`\n]+)`(?![`\w])", re.S)


def _unmark(text: str, literal: str) -> str:
    """reST inline markup to ``literal`` (a format with one ``{}``)."""

    def sub(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None)
        if "`" in inner and literal.startswith("`"):
            return f"`` {inner} ``"
        return literal.format(inner)

    return _LITERAL.sub(sub, text)


def rule_classes_in(obj: Any) -> Iterator[type[Rule]]:
    """The concrete rule classes an entry point names: a class, a module or a package."""
    import importlib
    import inspect
    import pkgutil

    if inspect.isclass(obj):
        if issubclass(obj, Rule) and getattr(obj, "code", None):
            yield obj
        return
    modules = [obj]
    if hasattr(obj, "__path__"):
        for info in pkgutil.iter_modules(obj.__path__, obj.__name__ + "."):
            try:
                modules.append(importlib.import_module(info.name))
            except Exception as exc:
                raise ImportError(f"cannot import rule module {info.name}: {exc!r}") from exc
    for module in modules:
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, Rule)
                and value.__module__ == module.__name__
                and "code" in vars(value)
            ):
                yield value
