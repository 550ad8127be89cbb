"""Where wikitext comes from: files, folders, stdin. Input errors are values, not crashes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from citelint.document import Document

#: Files larger than this are refused rather than risk unbounded memory.
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class InputError:
    """A path that could not be read as wikitext, with the reason in words."""

    path: str
    message: str


def decode(data: bytes, path: str) -> Document | InputError:
    if len(data) > MAX_BYTES:
        return InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
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


def read_path(path: Path, display: str) -> Document | InputError:
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
    extensions; a folder with no such file is an input error.
    """
    for raw in paths:
        if raw == "-":
            yield decode(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = 0
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and not is_excluded(Path(root, d))
                )
                for name in sorted(files):
                    child = Path(root, name)
                    if child.suffix.lower() in extensions and not is_excluded(child):
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
