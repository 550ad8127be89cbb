"""Reading MediaWiki XML dumps (``pages-articles.xml[.bz2|.gz]``) one page at a time.

The dump is never held in memory: it is decompressed as a stream (``bz2`` reads
multistream files, ``gzip`` multi-member ones), cut at the ``<page>`` and ``</page>``
lines MediaWiki writes on lines of their own (a literal ``<`` inside a page's text is
always written ``&lt;``), and each page is parsed on its own by a real XML parser
(expat, through ElementTree). A page that does not parse (an undefined entity, an
unclosed element), is cut off by the end of the file or is larger than the limit is
reported as a :class:`BadPage` and the pages after it are still read: an XML error in one
page of a 90 GB dump must not end the run. Tags are matched by local name, so the export
namespace (``{http://www.mediawiki.org/xml/export-0.NN/}``) may be any version.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import lzma
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from citelint.sources import looks_like_dump

#: Pages whose XML is larger than this are reported and skipped (English Wikipedia
#: refuses articles larger than 2 MiB of wikitext; escaping can double that).
MAX_PAGE_BYTES = 16 * 1024 * 1024

#: The longest piece of a line read at once: a page written as one huge line is read in
#: pieces, so memory stays bounded by the page limit.
_PIECE = 1 << 20

_ID = re.compile(rb"<id>\s*(\d+)\s*</id>")
_NS = re.compile(rb"<ns>\s*(-?\d+)\s*</ns>")
_TITLE = re.compile(rb"<title>([^<]*)</title>")


class DumpError(Exception):
    """The input is not a readable dump (exit code 2)."""


@dataclass
class Page:
    """One page of the dump: its latest revision's text."""

    id: int | None
    title: str
    ns: int
    revision_id: int | None
    text: str
    offset: int  # byte offset of the page in the uncompressed XML


@dataclass
class RawPage:
    """A page not parsed yet (``iter_pages(parse=False)``): parsing is left to the
    worker that lints it, so the reading process only decompresses and cuts."""

    chunk: bytes
    offset: int

    def parse(self) -> Page | BadPage:
        return _parse_page(self.chunk, self.offset)


@dataclass
class BadPage:
    """A page that could not be read, with the reason in words."""

    id: int | None
    title: str | None
    offset: int
    reason: str


@dataclass
class DumpStats:
    """What the reader has seen so far (for the progress bar and the summary)."""

    bytes: int = 0  # uncompressed bytes read
    compressed: int = 0  # bytes read from the file itself (progress against its size)
    pages: int = 0  # <page> elements met
    redirects: int = 0
    other_namespaces: int = 0
    before_start: int = 0  # skipped by --start-after
    bad: int = 0
    text_bytes: int = 0  # UTF-8 bytes of the wikitext handed out
    namespaces: set[int] = field(default_factory=set)


def open_dump(path: str) -> tuple[BinaryIO, BinaryIO]:
    """``(decompressed stream, raw file)`` for a path or ``-`` (stdin); the compression
    is recognised from the first bytes (bzip2, gzip, xz), not from the name."""
    if path == "-":
        raw: BinaryIO = sys.stdin.buffer
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115
        except FileNotFoundError:
            raise DumpError(f"{path}: no such file or directory") from None
        except IsADirectoryError:
            raise DumpError(f"{path}: is a directory") from None
        except OSError as exc:
            raise DumpError(f"{path}: {exc.strerror or exc}") from None
    buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    head = buffered.peek(6)[:6]  # type: ignore[attr-defined]
    if head.startswith(b"BZh"):
        return bz2.open(buffered, "rb"), buffered  # type: ignore[return-value]
    if head.startswith(b"\x1f\x8b"):
        return gzip.open(buffered, "rb"), buffered  # type: ignore[return-value]
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.open(buffered, "rb"), buffered  # type: ignore[return-value]
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        raise DumpError(f"{path}: 7z archives are not read; decompress with '7z x' first")
    return buffered, buffered


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _head_fields(chunk: bytes) -> tuple[int | None, int | None, str | None, bool]:
    """(page id, namespace, title, is a redirect) read from the part of a page before its
    first revision, without parsing it (enough to skip pages nobody asked for)."""
    end = chunk.find(b"<revision")
    head = chunk[: end if end != -1 else 8192]
    m_id, m_ns, m_title = _ID.search(head), _NS.search(head), _TITLE.search(head)
    title = html.unescape(m_title.group(1).decode("utf-8", "replace")) if m_title else None
    return (
        int(m_id.group(1)) if m_id else None,
        int(m_ns.group(1)) if m_ns else None,
        title,
        b"<redirect" in head,
    )


def _parse_page(chunk: bytes, offset: int) -> Page | BadPage:
    try:
        root = ET.fromstring(chunk)
    except ET.ParseError as exc:
        page_id, _, title, _ = _head_fields(chunk)
        return BadPage(page_id, title, offset, f"invalid XML ({_expat_words(exc)})")
    page_id = revision_id = None
    title = ""
    ns = 0
    text = ""
    for child in root:
        name = _local(child.tag)
        if name == "title":
            title = child.text or ""
        elif name == "ns":
            ns = int((child.text or "0").strip() or 0)
        elif name == "id" and page_id is None:
            page_id = int((child.text or "").strip())
        elif name == "revision":  # the last revision wins (history dumps have many)
            revision_id = None
            text = ""
            for part in child:
                sub = _local(part.tag)
                if sub == "id" and revision_id is None:
                    revision_id = int((part.text or "").strip())
                elif sub == "text":
                    text = part.text or ""
    return Page(page_id, title, ns, revision_id, text, offset)


def _expat_words(exc: ET.ParseError) -> str:
    """expat's message with the line counted from the page's ``<page>`` line."""
    message = str(exc).split(":", 1)[0]
    line, column = exc.position
    return f"{message} at line {line} of the page, column {column + 1}"


def iter_pages(
    stream: BinaryIO,
    stats: DumpStats | None = None,
    namespaces: set[int] | None = frozenset({0}),  # type: ignore[assignment]
    start_after: int | None = None,
    skip_redirects: bool = True,
    max_page_bytes: int = MAX_PAGE_BYTES,
    raw: BinaryIO | None = None,
    parse: bool = True,
) -> Iterator[Page | RawPage | BadPage]:
    """Yield the wanted pages of a dump in order, and the bad ones as :class:`BadPage`.

    ``namespaces`` None means every namespace. Pages whose id is at most ``start_after``
    are skipped (dumps are in page id order), as are redirects. With ``parse`` False the
    wanted pages come as :class:`RawPage` (parse them where they are linted). Raises :class:`DumpError`
    when the input is not a MediaWiki dump or its compression is corrupt."""
    stats = stats if stats is not None else DumpStats()
    pos = 0
    at_line_start = True
    in_page = False
    seen_root = False
    header = b""
    pieces: list[bytes] = []
    size = 0
    oversize = False
    page_offset = 0
    readline = stream.readline
    next_tell = 0

    def finish(chunk: bytes, offset: int) -> Page | RawPage | BadPage | None:
        stats.pages += 1
        page_id, ns, _title, redirect = _head_fields(chunk)
        if namespaces is not None and ns is not None and ns not in namespaces:
            stats.other_namespaces += 1
            return None
        if start_after is not None and page_id is not None and page_id <= start_after:
            stats.before_start += 1
            return None
        if skip_redirects and redirect:
            stats.redirects += 1
            return None
        if not parse and ns is not None:
            stats.namespaces.add(ns)
            return RawPage(chunk, offset)
        page = _parse_page(chunk, offset)
        if isinstance(page, Page):
            if namespaces is not None and page.ns not in namespaces:
                stats.other_namespaces += 1
                return None
            stats.namespaces.add(page.ns)
        return page

    def bad(reason: str, head: bytes, offset: int) -> BadPage:
        stats.pages += 1
        page_id, _, title, _ = _head_fields(head)
        return BadPage(page_id, title, offset, reason)

    while True:
        try:
            line = readline(_PIECE)
        except (OSError, EOFError, lzma.LZMAError) as exc:
            raise DumpError(f"cannot decompress the dump after byte {pos}: {exc}") from None
        if not line:
            break
        starts_line = at_line_start
        at_line_start = line.endswith(b"\n")
        here = pos
        pos += len(line)
        stats.bytes = pos
        if raw is not None and pos >= next_tell:
            next_tell = pos + (1 << 18)
            try:
                stats.compressed = raw.tell()
            except (OSError, ValueError):
                raw = None
        if not seen_root:
            header += line
            if b"<mediawiki" in header or len(header) > 65536:
                if not looks_like_dump(header.lstrip()[:65536] + b" "):
                    raise DumpError("not a MediaWiki XML dump (no <mediawiki> root element)")
                seen_root = True
            elif header.strip() and not header.lstrip().startswith((b"<", b"\xef\xbb\xbf")):
                raise DumpError("not a MediaWiki XML dump (no <mediawiki> root element)")
            continue
        if starts_line:
            s = line.lstrip()
            if s.startswith((b"<page>", b"<page ")):
                if in_page:
                    stats.bad += 1
                    yield bad(
                        "the page is not closed before the next <page>",
                        b"".join(pieces),
                        page_offset,
                    )
                in_page, pieces, size, oversize, page_offset = True, [], 0, False, here
            elif in_page and s.startswith(b"</mediawiki>"):
                in_page = False
                stats.bad += 1
                yield bad(
                    "the page is not closed before </mediawiki>", b"".join(pieces), page_offset
                )
                pieces = []
                continue
        if not in_page:
            continue
        if not oversize:
            size += len(line)
            if size > max_page_bytes:
                oversize = True
                pieces = [b"".join(pieces)[:65536]]  # enough for its id and title
            else:
                pieces.append(line)
        if line.rstrip().endswith(b"</page>"):
            # an end tag only ever ends a line: a '<' in a page's text is written '&lt;'
            in_page = False
            if oversize:
                stats.bad += 1
                limit = max_page_bytes / (1024 * 1024)
                yield bad(f"the page is larger than {limit:g} MiB", pieces[0], page_offset)
            else:
                result = finish(b"".join(pieces), page_offset)
                if isinstance(result, BadPage):
                    stats.bad += 1
                if result is not None:
                    yield result
            pieces = []
    if not seen_root:
        raise DumpError("not a MediaWiki XML dump (no <mediawiki> root element)")
    if in_page:
        stats.bad += 1
        yield bad(
            "the dump ends inside this page (truncated?)", b"".join(pieces)[:65536], page_offset
        )
