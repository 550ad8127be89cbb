"""Configuration: ``[tool.citelint]`` in pyproject.toml or a ``citelint.toml``.

Unknown keys and wrong types are errors that name the file and the key: a typo in a
config must never silently turn a rule off.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from citelint.finding import Severity
from citelint.registry import all_rules, resolve
from citelint.rule import Rule

DEFAULT_EXTENSIONS = (".wiki", ".wikitext", ".txt", ".mediawiki")


class ConfigError(Exception):
    """A configuration problem the user must fix (exit code 2)."""


@dataclass
class Config:
    """Which rules run, with which options, and what fails the run."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: list[str] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, Any] = field(default_factory=dict)
    source: str | None = None

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the given fields replaced (CLI flags win over files)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def enabled_codes(self, path: str | None = None) -> list[str]:
        """Codes of the rules that run on ``path``, after select/extend/ignore."""
        rules = all_rules()
        if self.select is None:
            codes = {c for c, r in rules.items() if r.default_enabled}
        else:
            codes = {c for s in self.select for c in _resolve(s, self.source)}
        for s in self.extend_select:
            codes.update(_resolve(s, self.source))
        for s in self.ignore:
            codes.difference_update(_resolve(s, self.source))
        if path is not None and self.per_file_ignores:
            for pattern, selectors in self.per_file_ignores.items():
                if self._matches(Path(path), pattern):
                    for s in selectors:
                        codes.difference_update(_resolve(s, self.source))
        return sorted(codes)

    def _matches(self, path: Path, pattern: str) -> bool:
        """A glob matches the path as given, its name, or the path relative to the
        folder of the config file (patterns in a config are written from there)."""
        candidates = [path.as_posix(), path.name]
        if self.source and Path(self.source).is_file():
            try:
                rel = path.resolve().relative_to(Path(self.source).resolve().parent)
                candidates.append(rel.as_posix())
            except (ValueError, OSError):
                pass
        return any(fnmatch.fnmatch(c, pattern) for c in candidates)

    def instantiate(self, codes: list[str]) -> list[Rule]:
        rules = all_rules()
        return [rules[c](self.rule_options.get(c)) for c in codes]

    def is_excluded(self, path: Path) -> bool:
        return any(self._matches(path, pat) for pat in self.exclude)


def _resolve(selector: str, source: str | None) -> list[str]:
    try:
        return resolve(selector)
    except ValueError as exc:
        where = f" in {source}" if source else ""
        raise ConfigError(f"{exc}{where}") from None


_LIST_KEYS = {"select": "select", "extend-select": "extend_select", "ignore": "ignore"}
_KNOWN = {
    *_LIST_KEYS,
    "per-file-ignores",
    "fail-on",
    "extensions",
    "exclude",
    "rules",
    "links",
}


def _str_list(value: Any, key: str, source: str) -> list[str]:
    if isinstance(value, str):
        example = f"{key} = [{_toml_str(value)}]" if "." not in key else f"[{_toml_str(value)}]"
        raise ConfigError(
            f"{source}: '{key}' must be a list of strings, not a string (write {example})"
        )
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return value


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_option(code: str, name: str, value: Any, source: str) -> Any:
    cls = all_rules()[code]
    try:
        opt = cls.option(name)
    except KeyError:
        known = ", ".join(o.name for o in cls.options) or "none"
        raise ConfigError(
            f"{source}: rule {code} ({cls.name}) has no option {name!r} (options: {known})"
        ) from None
    ok = isinstance(value, opt.type) and not (opt.type is int and isinstance(value, bool))
    if opt.type is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise ConfigError(
            f"{source}: option {name!r} of rule {code} must be of type {opt.type.__name__}, "
            f"not {type(value).__name__}"
        )
    return value


def from_mapping(data: dict[str, Any], source: str = "<config>") -> Config:
    """Validate a ``[tool.citelint]`` table and build a :class:`Config`."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the citelint table must be a table")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        hint = ""
        for key in unknown:
            if key.replace("_", "-") in _KNOWN:
                hint = f" (did you mean '{key.replace('_', '-')}'?)"
        raise ConfigError(
            f"{source}: unknown key(s) {', '.join(map(repr, unknown))}{hint}; "
            f"known keys: {', '.join(sorted(_KNOWN))}"
        )
    cfg = Config(source=source)
    for key, attr in _LIST_KEYS.items():
        if key in data:
            setattr(cfg, attr, _str_list(data[key], key, source))
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: 'per-file-ignores' must be a table of glob = [codes]")
        cfg.per_file_ignores = {
            str(k): _str_list(v, f"per-file-ignores.{_toml_key(str(k))}", source)
            for k, v in table.items()
        }
        for pattern, selectors in cfg.per_file_ignores.items():
            for selector in selectors:
                try:
                    resolve(selector)
                except ValueError as exc:
                    raise ConfigError(
                        f"{source}: per-file-ignores.{_toml_key(pattern)}: {exc}"
                    ) from None
    if "fail-on" in data:
        try:
            cfg.fail_on = Severity.parse(str(data["fail-on"]))
        except ValueError as exc:
            raise ConfigError(f"{source}: 'fail-on': {exc}") from None
    if "extensions" in data:
        exts = _str_list(data["extensions"], "extensions", source)
        cfg.extensions = tuple(e if e.startswith(".") else "." + e for e in exts)
    if "exclude" in data:
        cfg.exclude = _str_list(data["exclude"], "exclude", source)
    if "links" in data:
        if not isinstance(data["links"], dict):
            raise ConfigError(f"{source}: 'links' must be a table")
        from citelint.links.settings import from_table

        try:
            from_table(data["links"], source)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        cfg.links = dict(data["links"])
    if "rules" in data:
        table = data["rules"]
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: 'rules' must be a table of rule tables")
        for selector, options in table.items():
            codes = _resolve(selector, source)
            if len(codes) != 1:
                raise ConfigError(f"{source}: rules.{selector} must name exactly one rule")
            if not isinstance(options, dict):
                raise ConfigError(f"{source}: rules.{selector} must be a table of options")
            code = codes[0]
            cfg.rule_options[code] = {
                k: _check_option(code, k, v, source) for k, v in options.items()
            }
    # validate selectors now, so a typo fails even if no file gets linted
    cfg.enabled_codes()
    return cfg


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else _toml_str(key)


def load_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("citelint", {})
    return from_mapping(data, str(path))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest citelint.toml, or pyproject.toml with a [tool.citelint] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "citelint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.citelint" in text:
                return pyproject
    return None


def load(explicit: str | None = None, isolated: bool = False, start: Path | None = None) -> Config:
    """The configuration for this run: an explicit file, the nearest one (upward from
    ``start``, default the current folder), or defaults."""
    if isolated:
        return Config()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        return load_file(path)
    found = find_config(start)
    return load_file(found) if found else Config()


class ConfigFinder:
    """The configuration of each linted file: the config file nearest to the file's
    folder, else the one found from the current folder (``base``), as ruff does.

    ``finish`` applies what the command line adds (``--select`` …) to each config
    found; configs are loaded once per file and folders are looked up once."""

    def __init__(self, base: Config, finish: Callable[[Config], Config], fixed: bool) -> None:
        self.base = finish(base)
        self._finish = finish
        #: --config or --isolated: one config for every file
        self._fixed = fixed
        self._by_folder: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: str | Path | None) -> Config:
        if self._fixed or path is None or str(path) == "-":
            return self.base
        p = Path(path)
        folder = p if p.is_dir() else p.parent
        try:
            folder = folder.resolve()
        except OSError:
            return self.base
        cfg = self._by_folder.get(folder)
        if cfg is None:
            found = find_config(folder)
            if found is None or (
                self.base.source is not None and Path(self.base.source).resolve() == found
            ):
                cfg = self.base
            else:
                cfg = self._by_file.get(found)
                if cfg is None:
                    cfg = self._by_file[found] = self._finish(load_file(found))
            self._by_folder[folder] = cfg
        return cfg
