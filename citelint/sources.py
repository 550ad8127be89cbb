"""Where wikitext comes from: files, folders, stdin. Input errors are values, not crashes."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citelint.document import Document

#: Files larger than this are refused rather than risk unbounded memory.
MAX_BYTES = 64 * 1024 * 1024


#: folders never walked into (build output, dependencies, tool caches), as ruff does
SKIP_DIRS = frozenset(
    {
        "_build",
        "buck-out",
        "build",
        "dist",
        "node_modules",
        "site-packages",
        "venv",
        "__pycache__",
        "__pypackages__",
    }
)

DUMP_MESSAGE = "is a MediaWiki XML dump: lint it with 'citelint dump'"
_DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".xml.xz", ".xml.7z", ".xml.zst")
_XML_DECL = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<mediawiki\b", re.S
)


@dataclass
class InputError:
    """A path that could not be read as wikitext, with the reason in words.

    ``kind`` names errors that the command line words differently (``"dump"``)."""

    path: str
    message: str
    kind: str = ""


def is_dump_name(name: str) -> bool:
    return name.lower().endswith(_DUMP_SUFFIXES)


def looks_like_dump(data: bytes) -> bool:
    """An XML document whose root element is ``<mediawiki>`` (after an optional BOM,
    white space, XML declaration and comments)."""
    return bool(_XML_DECL.match(data[:4096]))


def decode(data: bytes, path: str) -> Document | InputError:
    if len(data) > MAX_BYTES:
        return InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if looks_like_dump(data) or looks_like_dump(_utf16_head(data)):
        return InputError(path, DUMP_MESSAGE, "dump")
    if b"\x00" in data[:8192]:
        return InputError(path, "looks like a binary file, not wikitext")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        )
    bom = text.startswith("\ufeff")
    return Document(text=text[1:] if bom else text, path=path, bom=bom)


def _utf16_head(data: bytes) -> bytes:
    """The start of a UTF-16 document as UTF-8 (dumps saved by some editors)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data[:4096].decode("utf-16", "replace").encode("utf-8")
    return b""


def read_path(path: Path, display: str) -> Document | InputError:
    if is_dump_name(path.name) and not path.is_dir():
        return InputError(display, DUMP_MESSAGE, "dump")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return InputError(display, "no such file or directory")
    except IsADirectoryError:
        return InputError(display, "is a directory")
    except PermissionError:
        return InputError(display, "permission denied")
    except OSError as exc:
        return InputError(display, exc.strerror or str(exc))
    return decode(data, display)


def expand(
    paths: list[str],
    extensions: tuple[str, ...],
    is_excluded=lambda p: False,
) -> Iterator[Document | InputError | tuple[str, Path]]:
    """Yield stdin documents, errors, and (display, path) pairs for files to read.

    Folders are walked recursively in sorted order, keeping files with the given
    extensions; hidden folders, build and dependency folders (:data:`SKIP_DIRS`) and
    whatever ``.gitignore`` ignores are skipped. A folder with no such file is an input
    error. Files named on the command line are always read.
    """
    for raw in paths:
        if raw == "-":
            yield decode(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = 0
            ignores: dict[str, GitIgnores] = {}
            for root, dirs, files in os.walk(path):
                here = ignores.pop(root, None) or GitIgnores.for_root(Path(root))
                kept = []
                for d in sorted(dirs):
                    child = Path(root, d)
                    if (
                        d.startswith(".")
                        or d in SKIP_DIRS
                        or d.endswith(".egg-info")
                        or here.ignored(child, is_dir=True)
                        or is_excluded(child)
                    ):
                        continue
                    kept.append(d)
                    ignores[os.path.join(root, d)] = here.child(child)
                dirs[:] = kept
                for name in sorted(files):
                    child = Path(root, name)
                    if (
                        child.suffix.lower() in extensions
                        and not here.ignored(child, is_dir=False)
                        and not is_excluded(child)
                    ):
                        found += 1
                        yield (str(child), child)
            if not found:
                yield InputError(
                    raw, f"no wikitext files ({', '.join(extensions)}) in this directory"
                )
        elif path.exists() and is_excluded(path):
            continue
        else:
            yield (raw, path)


class GitIgnores:
    """The ``.gitignore`` files that apply in one folder: those of the folders above it
    up to the root of its git repository (and ``.git/info/exclude``), and those met on
    the way down. A deeper file overrides a shallower one, as in git."""

    def __init__(self, specs: tuple[tuple[Path, Any], ...]) -> None:
        self.specs = specs

    @classmethod
    def for_root(cls, folder: Path) -> GitIgnores:
        """The rules in force in ``folder``, the top of a walk."""
        folder = folder.absolute()
        chain: list[Path] = []
        repo: Path | None = None
        for up in (folder, *folder.parents):
            chain.append(up)
            if (up / ".git").exists():
                repo = up
                break
        if repo is None:
            chain = [folder]  # outside a repository only the walked folder's own files
        specs: list[tuple[Path, Any]] = []
        if repo is not None:
            spec = _load_spec(repo / ".git" / "info" / "exclude")
            if spec is not None:
                specs.append((repo, spec))
        for up in reversed(chain[1:]):
            spec = _load_spec(up / ".gitignore")
            if spec is not None:
                specs.append((up, spec))
        if specs and cls(tuple(specs)).ignored(folder, is_dir=True):
            specs = []  # a folder named on the command line is linted even if ignored
        spec = _load_spec(folder / ".gitignore")
        if spec is not None:
            specs.append((folder, spec))
        return cls(tuple(specs))

    def child(self, folder: Path) -> GitIgnores:
        spec = _load_spec(folder / ".gitignore")
        if spec is None:
            return self
        return GitIgnores((*self.specs, (folder.absolute(), spec)))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        if not self.specs:
            return False
        full = path.absolute()
        verdict = False
        for base, spec in self.specs:
            try:
                rel = full.relative_to(base).as_posix()
            except ValueError:
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def _load_spec(path: Path) -> Any:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # git skips a pattern it cannot read; so do we
        good = []
        for line in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except Exception:
                continue
            good.append(line)
        spec = pathspec.GitIgnoreSpec.from_lines(good)
    return spec if len(spec) else None
