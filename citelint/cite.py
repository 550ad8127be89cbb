"""What MediaWiki's Cite extension reports for a page, worked out from the index.

Cite handles ``<ref>`` and ``<references>`` one by one as the parser meets them. Each
group (``""`` for plain refs) collects refs until a reference list for that group
renders them and starts the group afresh; at the end of the page a list is added for
the default group, and any other group left with refs is an error. Which ref text wins,
whether a name was ever given text, whether a list-defined ref was used before its list:
all of that depends on this order, so citelint replays it instead of looking at the
whole page at once.

The replay follows Cite as it is today (REL1_43 and later: sub-referencing aside, an
unknown attribute or a numeric name is a warning and the ref still counts, a list-defined
ref with an unknown name is kept). Every issue carries the Cite message key it stands
for, so the conformance tests can compare with MediaWiki key by key; the few checks
citelint adds beyond Cite carry ``citelint_*`` keys (see :data:`EXTENSIONS`).

Where processing order matters: a ``<ref>`` tag counts where it opens; a template that
makes a footnote (``{{efn}}``, ``{{#tag:ref}}``) counts after the refs in its own
parameters, which MediaWiki expands first; a template list (``{{reflist|refs=…}}``)
acts after its parameters; refs inside the text of a ``<ref>`` tag are only parsed when
that ref is rendered by its list, inside the list's context.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from citelint.index import Index
from citelint.model import Attr, Ref, RefList
from citelint.mw import is_digits, normalize_attr_value, tag_arg_value
from citelint.names import ref_templates
from citelint.refgraph import ref_graph

#: MediaWiki Cite message key (and citelint's own extension keys) → rule code.
KEYS: dict[str, str] = {
    "cite_error_references_no_text": "REF001",
    "cite_error_references_duplicate_key": "REF002",
    "cite_error_ref_no_input": "REF003",
    "cite_error_ref_no_key": "REF003",
    "cite_error_empty_references_define": "REF003",
    "cite_error_ref_numeric_key": "REF004",
    "cite_error_ref_too_many_keys": "REF005",
    "cite_error_ref_parameter_suggestion": "REF005",
    "cite_error_ref_invalid_dir": "REF005",
    "cite_error_ref_conflicting_dir": "REF005",
    "cite_error_ref_follow_conflicts": "REF005",
    "cite_error_references_invalid_parameters": "REF005",
    "cite_error_group_refs_without_references": "REF006",
    "cite_error_references_missing_key": "REF007",
    "cite_error_references_missing_group": "REF007",
    "cite_error_references_no_key": "REF008",
    "cite_error_references_group_mismatch": "REF008",
    "cite_error_included_ref": "REF009",
    "cite_error_included_references": "REF009",
    # citelint's additions (MediaWiki shows no error, but the page is broken)
    "citelint_unbalanced_quotes": "REF004",
    "citelint_empty_name": "REF004",
    "citelint_unclosed_ref": "REF009",
    "citelint_stray_close": "REF009",
}

#: Checks citelint makes that Cite does not, and why.
EXTENSIONS: dict[str, str] = {
    "citelint_unbalanced_quotes": (
        "a quote left open or doubled in a ref's attributes (CheckWiki 104): MediaWiki "
        "silently drops the garbled part, often the name, so the ref is not the one meant"
    ),
    "citelint_empty_name": (
        'name="" on a ref with text: MediaWiki treats it as unnamed, so nothing can reuse it'
    ),
    "citelint_unclosed_ref": (
        "a <ref> with no </ref> after it: MediaWiki prints the tag and everything after "
        "it as text, without a Cite error"
    ),
    "citelint_stray_close": (
        "a </ref> with no <ref> before it: MediaWiki prints it as text, without a Cite error"
    ),
}

REF_ATTRIBUTES = ("dir", "follow", "group", "name")
LIST_ATTRIBUTES = ("group", "responsive")
DIRECTIONS = ("ltr", "rtl", "auto")


@dataclass(frozen=True)
class CiteIssue:
    """One problem as Cite would report it, located in the source."""

    key: str
    start: int
    end: int
    message: str

    @property
    def code(self) -> str:
        return KEYS[self.key]


def cite_issues(index: Index) -> list[CiteIssue]:
    """Every Cite error of the page (and citelint's additions), in processing order."""
    return index.derived("cite_issues", lambda ix: _Replay(ix).run())


# -- did you mean ---------------------------------------------------------------------

_LOOKALIKE = str.maketrans(
    {
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "_": " ",
        "\u00a0": " ",
    }
)


def _fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).translate(_LOOKALIKE).casefold().split())


def did_you_mean(name: str, candidates: list[str]) -> str | None:
    """The defined name the user most likely meant: the same up to case, spaces and
    underscores, dash or quote look-alikes first, then a close spelling."""
    return Suggester(candidates).suggest(name)


class Suggester:
    """did-you-mean over one set of defined names, folded once. A close spelling is
    looked for only within a bounded number of comparisons per page (pathological
    pages have thousands of undefined names)."""

    FUZZY_BUDGET = 200_000  # name comparisons per page

    def __init__(self, candidates: list[str]) -> None:
        self.by_fold: dict[str, str] = {}
        for c in candidates:
            self.by_fold.setdefault(_fold(c), c)
        self.budget = self.FUZZY_BUDGET

    def suggest(self, name: str) -> str | None:
        folded = _fold(name)
        hit = self.by_fold.get(folded)
        if hit is not None and hit != name:
            return hit
        if len(self.by_fold) > self.budget:
            return None
        self.budget -= len(self.by_fold)
        pool = [f for f in self.by_fold if f != folded]
        close = difflib.get_close_matches(folded, pool, n=1, cutoff=0.75)
        return self.by_fold[close[0]] if close else None


def _closest(bad: str, allowed: tuple[str, ...]) -> str | None:
    """Cite's suggestion for a mistyped attribute: Levenshtein distance at most half."""
    bad = bad.strip().lower()
    if len(bad) > 20:
        return None
    best, best_d = "", 0
    for s in allowed:
        d = _levenshtein(bad, s)
        if d <= 1:
            return s
        if not best or d < best_d:
            best, best_d = s, d
    return best if best_d <= len(best) / 2 else None


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# -- raw markup -------------------------------------------------------------------------

# An opening or closing ref/references tag left as plain text by the parser.
_RAW_TAG = re.compile(r"<(/?)(ref|references)(?=[\s/>])([^<>]*?)(/?)>", re.I)
_CLOSE_REF = re.compile(r"</ref\s*>", re.I)
_ANY_OPEN = re.compile(r"<ref(?:erences)?\b[^>]*>", re.I)
# Cite's test for a ref that swallowed the next one (T8199): drop comments and complete
# elements, then look for an opening tag. The lookahead captures make \w+ and [^>]*
# possessive, as in Cite's PHP pattern.
_STRIP_PAIRS = re.compile(r"<(?=(\w+))\1(?=([^>]*))\2>.*?</\1\s*>|<!--.*?-->", re.S)
_INCLUDED = re.compile(r"<ref(?:erences)?\b[^>]*>", re.I)


def mw_content(content: str) -> str:
    """A ref's text as MediaWiki cuts it: up to the first ``</ref>``, even when the
    parser saw a nested ref there."""
    if "</" not in content:
        return content
    m = _CLOSE_REF.search(content)
    return content[: m.start()] if m else content


def swallows_ref(content: str) -> bool:
    """Whether Cite rejects a ref's text as containing another ``<ref>`` or list."""
    if "<" not in content:
        return False
    low = content.lower()
    if "<ref" not in low:
        return False
    return _INCLUDED.search(_STRIP_PAIRS.sub("", content)) is not None


# -- the replay -------------------------------------------------------------------------


@dataclass
class _Entry:
    """A named ref in a group, as Cite stores it until its list renders it."""

    name: str
    first: Ref  # first use (where REF001 points)
    text: str | None = None
    definer: Ref | None = None
    dir: str | None = None


@dataclass
class _Segment:
    """A group's refs since its last list."""

    entries: dict[str, _Entry] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    #: refs whose text the list will show (refs written in it are parsed then)
    shown: list[Ref] = field(default_factory=list)
    #: errors Cite attaches to a ref and shows only when a list renders the group
    pending: list[CiteIssue] = field(default_factory=list)


@dataclass
class _Args:
    group: str
    name: str | None
    follow: str | None
    dir: str | None
    has_group: bool
    garbled: bool = False


class _Replay:
    def __init__(self, index: Index) -> None:
        self.ix = index
        self.text = index.text
        self.issues: list[CiteIssue] = []
        self.segments: dict[str, _Segment] = {}
        self.dropped: set[int] = set()  # ids of refs MediaWiki never sees
        self.children: dict[int, list[Ref]] = {}  # tag ref → refs parsed when it renders
        self.invalid: set[int] = set()
        self.broken_lists: set[int] = set()
        self.quiet = False
        self.suggesters: dict[str, Suggester] = {}
        self.merged_into: dict[int, list[RefList]] = {}
        self.defined = ref_graph(index).definitions

    def issue(self, key: str, start: int, end: int, message: str) -> None:
        if not self.quiet:
            self.issues.append(CiteIssue(key, start, end, message))

    def pend(self, seg: _Segment, key: str, ref: Ref, message: str) -> None:
        """An error shown in the reference list: only if the group gets rendered."""
        if not self.quiet:
            seg.pending.append(CiteIssue(key, ref.start, ref.open_end, message))

    def line(self, offset: int) -> int:
        return self.ix.doc.position(offset)[0]

    # -- the whole page ------------------------------------------------------------------

    def run(self) -> list[CiteIssue]:
        ix = self.ix
        self.raw_markup()
        self.nesting()
        merged = self.nested_lists()
        items: list[tuple[int, int, object]] = []
        for i, ref in enumerate(ix.refs):
            if ref.list is not None or id(ref) in self.dropped:
                continue
            items.append((self.time(ref), i, ref))
        for j, rl in enumerate(ix.reflists):
            if id(rl) in merged or id(rl) in self.dropped:
                continue
            if rl.kind == "template" and id(rl) in self.broken_lists:
                # MediaWiki expands the list's text first, so a list inside it sees
                # these refs as ordinary ones before they are redone as list-defined.
                for k, ref in enumerate(rl.refs):
                    items.append((self.time(ref), -1 - k, ("quiet", ref)))
            # a template list acts once its parameters are expanded, before what follows
            t = 2 * rl.end - 1 if rl.kind == "template" else 2 * rl.start
            items.append((t, len(ix.refs) + j, rl))
        items.sort(key=lambda x: (x[0], x[1]))
        for _, _, item in items:
            if isinstance(item, RefList):
                self.reference_list(item, merged)
            elif isinstance(item, tuple):
                self.quiet = True
                self.body_ref(item[1])
                self.quiet = False
            else:
                self.body_ref(item)  # type: ignore[arg-type]
        self.end_of_page()
        return self.issues

    @staticmethod
    def time(ref: Ref) -> int:
        # A footnote template is expanded after the refs in its own parameters.
        return 2 * ref.end if ref.kind == "template" else 2 * ref.start

    def end_of_page(self) -> None:
        for group, seg in self.segments.items():
            if not seg.refs:
                continue
            if group == "":
                self.render(seg, None)
                continue
            first = seg.refs[0]
            self.issue(
                "cite_error_group_refs_without_references",
                first.start,
                first.open_end,
                f'Refs of group "{group}" have no reference list after them '
                f"(add {list_markup_for(group)})",
            )
        self.segments = {}

    # -- markup the parser left as text ---------------------------------------------------

    def raw_markup(self) -> None:
        """Unclosed ``<ref>`` and stray ``</ref>`` that mwparserfromhell kept as text.

        MediaWiki's preprocessor closes an opening ``<ref>`` at the next ``</ref>``
        wherever it is; if a ``<ref`` lies in between, Cite reports it
        (cite_error_included_ref) and the refs it swallowed never count."""
        ix = self.ix
        if not ix.raw_texts:
            return
        text = self.text
        closers: list[int] | None = None
        consumed: set[int] = set()
        found: list[tuple[int, int, str, str]] = []
        for raw in ix.raw_texts:
            for m in _RAW_TAG.finditer(raw.text):
                closing, tag, selfclose = m.group(1), m.group(2).lower(), m.group(4)
                start, end = raw.start + m.start(), raw.start + m.end()
                if closing:
                    found.append((start, end, "close", tag))
                elif not selfclose:
                    found.append((start, end, "open", tag))
        if not found:
            return
        found.sort()
        swallowed_to = -1
        for start, end, kind, tag in found:
            if kind == "close" or start < swallowed_to:
                continue
            if tag == "references":
                self.issue(
                    "citelint_unclosed_ref",
                    start,
                    end,
                    "<references> is never closed with </references>",
                )
                continue
            if closers is None:
                closers = [m.start() for m in _CLOSE_REF.finditer(text)]
            k = bisect_right(closers, end - 1)
            if k == len(closers):
                self.issue("citelint_unclosed_ref", start, end, "<ref> is never closed with </ref>")
                continue
            close = closers[k]
            consumed.add(close)
            if self.swallows(end, close):
                self.issue(
                    "cite_error_included_ref",
                    start,
                    end,
                    "<ref> is not closed before the next <ref>: MediaWiki shows "
                    '"Closing </ref> missing for <ref> tag"',
                )
                close_end = _CLOSE_REF.match(text, close)
                stop = close_end.end() if close_end else close
                swallowed_to = stop
                for ref in ix.refs:
                    if start < ref.start < stop:
                        self.dropped.add(id(ref))
                for rl in ix.reflists:
                    if start < rl.start < stop:
                        self.dropped.add(id(rl))
            else:
                self.issue("citelint_unclosed_ref", start, end, "<ref> is never closed with </ref>")
        for start, end, kind, tag in found:
            if kind == "close" and start not in consumed:
                self.issue(
                    "citelint_stray_close", start, end, f"</{tag}> without an opening <{tag}>"
                )

    def swallows(self, start: int, stop: int) -> bool:
        if stop - start <= 20000:
            return swallows_ref(self.text[start:stop])
        # Long stretch: only ask whether another opening tag comes before the closer.
        m = _ANY_OPEN.search(self.text, start, stop)
        return m is not None

    # -- nesting --------------------------------------------------------------------------

    def nesting(self) -> None:
        """Refs inside a ``<ref>`` tag's text: dropped if the tag is invalid, else parsed
        when the tag is rendered by its list (and not where they are written). MediaWiki
        ends a ref's text at the first ``</ref>``, nested or not."""
        if not any(r.kind == "tag" and r.content for r in self.ix.refs):
            return
        outer: Ref | None = None
        outer_end = -1
        for ref in sorted(self.ix.refs, key=lambda r: (r.start, -r.end)):
            if outer is not None and outer.content_start <= ref.start < outer_end:
                self.dropped.add(id(ref))
                if id(outer) not in self.invalid and id(outer) not in self.dropped:
                    self.children.setdefault(id(outer), []).append(ref)
                continue
            if ref.kind != "tag" or not ref.content:
                continue
            text = mw_content(ref.content)
            outer, outer_end = ref, ref.content_start + len(text)
            if id(ref) not in self.dropped and ref.list is None and swallows_ref(text):
                self.invalid.add(id(ref))
                self.issue(
                    "cite_error_included_ref",
                    ref.start,
                    ref.open_end,
                    "This ref contains another <ref> tag (a missing </ref>?): MediaWiki "
                    'shows "Closing </ref> missing for <ref> tag"',
                )

    def nested_lists(self) -> dict[int, RefList]:
        """Reference lists inside other lists. A literal list inside a list, or any list
        inside a list made by a template, is cite_error_included_references; a template
        list inside a ``<references>`` tag is no list at all (its refs belong to the
        outer one). Returns the lists merged into an outer one."""
        merged: dict[int, RefList] = {}
        lists = self.ix.reflists
        if len(lists) < 2:
            return merged
        stack: list[RefList] = []  # lists that contain the current one
        for inner in sorted(lists, key=lambda r: (r.start, -r.end)):
            while stack and not (stack[-1].start < inner.start and inner.end <= stack[-1].end):
                stack.pop()
            for outer in stack:
                if outer.kind == "tag" and inner.kind == "template":
                    merged[id(inner)] = outer
                else:
                    self.broken_lists.add(id(outer))
                    if outer.kind == "tag":
                        merged[id(inner)] = outer
            stack.append(inner)
        for inner in lists:
            outer = merged.get(id(inner))
            if outer is not None:
                self.merged_into.setdefault(id(outer), []).append(inner)
        for rl in lists:
            if id(rl) in self.broken_lists:
                self.issue(
                    "cite_error_included_references",
                    rl.start,
                    rl.open_end,
                    "A reference list inside a reference list: MediaWiki shows "
                    '"Closing tag missing for <references>"',
                )
        return merged

    # -- one ref ------------------------------------------------------------------------

    def arguments(self, ref: Ref) -> _Args:
        """The ref's attributes as Cite reads them, reporting the ones it rejects."""
        if ref.kind == "tag":
            attrs = [a for a in ref.attrs if not a.dropped]
            values = {a.name: normalize_attr_value(a.value or "") for a in attrs}
            self.bad_attributes(ref, attrs)
            return _Args(
                values.get("group", ""),
                values.get("name"),
                values.get("follow"),
                values.get("dir"),
                "group" in values,
                self.garbled(ref),
            )
        if ref.source == "#tag:ref" and ref.maker is not None:
            named = {p.name.lower(): tag_arg_value(p.value) for p in ref.maker.params if p.showkey}
            unknown = [k for k in named if k not in REF_ATTRIBUTES]
            if unknown:
                close = _closest(unknown[0], REF_ATTRIBUTES) if len(unknown) == 1 else None
                names = ", ".join(repr(k) for k in unknown)
                plural = "s" if len(unknown) > 1 else ""
                message = f"{{{{#tag:ref}}}} passes the attribute{plural} {names} to <ref>, which rejects {'them' if plural else 'it'}"
                if close:
                    message += f'; did you mean "{close}"?'
                self.issue(
                    "cite_error_ref_parameter_suggestion"
                    if close
                    else "cite_error_ref_too_many_keys",
                    ref.start,
                    ref.open_end,
                    message,
                )
            return _Args(
                ref.group, ref.name, named.get("follow"), named.get("dir"), "group" in named
            )
        # {{efn}}, {{refn}}…: the template passes its group on; {{r}} only reuses a name
        return _Args(ref.group, ref.name, None, None, ref.content is not None or ref.source != "R")

    def bad_attributes(self, ref: Ref, attrs: list[Attr]) -> None:
        unknown = [a for a in attrs if a.name not in REF_ATTRIBUTES]
        if not unknown:
            return
        a = unknown[0]
        names = ", ".join(repr(u.name) for u in unknown)
        plural = "s" if len(unknown) > 1 else ""
        message = f"<ref> does not accept the attribute{plural} {names}"
        key = "cite_error_ref_too_many_keys"
        close = _closest(a.name, REF_ATTRIBUTES)
        if a.value is None:
            message += " (an unquoted value with a space? quote the whole value)"
        elif close and len(unknown) == 1:
            key = "cite_error_ref_parameter_suggestion"
            message += f'; did you mean "{close}"?'
        self.issue(key, a.start, unknown[-1].end, message)

    def garbled(self, ref: Ref) -> bool:
        """Quotes that leave the name different from what was meant (CheckWiki 104)."""
        bad = None
        for a in ref.attrs:
            if a.unclosed_quote or (a.dropped and ("'" in a.name or '"' in a.name)):
                bad = a
                break
            if a.name == "name" and a.value and '"' in a.value and a.quotes != "'":
                bad = a
                break
        if bad is None:
            return False
        start = min(a.start for a in ref.attrs)
        end = max(a.end for a in ref.attrs)
        message = f"The ref's attributes {self.text[start:end]!r} have unbalanced quotes"
        if ref.name:
            message += f"; MediaWiki reads the name as {ref.name!r}"
        elif ref.name is not None:
            message += "; MediaWiki reads no name at all"
        self.issue("citelint_unbalanced_quotes", start, end, message)
        return True

    def validate(self, ref: Ref, in_list: RefList | None) -> tuple[_Args | None, str | None]:
        """Cite's checks on one ref; returns its arguments (None when Cite rejects the
        ref) and its text (None when it has none)."""
        args = self.arguments(ref)
        text = ref.content
        blank = text is None or text.strip() == ""
        fatal = False
        name_attr = ref.attr("name") if ref.kind == "tag" else None
        where = (name_attr.start, name_attr.end) if name_attr else (ref.start, ref.open_end)
        numeric = args.name is not None and is_digits(args.name)
        if numeric:
            self.issue(
                "cite_error_ref_numeric_key",
                *where,
                f'The ref name "{args.name}" is a plain number',
            )
            args.name = None
            if blank:
                # a reuse (<ref name="22"/>): Cite rejects it for the number alone, not
                # also as a ref with "neither content nor a name" or "no content"
                fatal = True
        elif args.follow is not None and is_digits(args.follow):
            self.issue(
                "cite_error_ref_numeric_key",
                *_attr_span(ref, "follow"),
                f'The follow="{args.follow}" name is a plain number',
            )
            fatal = True
        if args.follow and args.name:
            self.issue(
                "cite_error_ref_follow_conflicts",
                *_attr_span(ref, "follow"),
                "A ref cannot have both follow= and name=",
            )
            fatal = True
        if args.dir is not None:
            low = args.dir.lower()
            if low not in DIRECTIONS:
                self.issue(
                    "cite_error_ref_invalid_dir",
                    *_attr_span(ref, "dir"),
                    f"Invalid dir={args.dir!r}: use dir=ltr, dir=rtl or dir=auto",
                )
                args.dir = None
            else:
                args.dir = low
        if in_list is None:
            if not args.name:
                if fatal:
                    pass  # already reported (a numeric name, a bad follow=)
                elif ref.kind == "template" and ref.source != "R" and blank:
                    # {{efn}} and {{#tag:ref}} always pass some text, if only ""
                    self.issue(
                        "cite_error_ref_no_input",
                        ref.start,
                        ref.open_end,
                        "This footnote has no text",
                    )
                    fatal = True
                elif text is None:
                    if not (ref.kind == "template" and ref.source == "R"):
                        self.issue(
                            "cite_error_ref_no_key",
                            ref.start,
                            ref.open_end,
                            "This ref has neither content nor a name",
                        )
                    fatal = True
                elif blank:
                    self.issue(
                        "cite_error_ref_no_input",
                        ref.start,
                        ref.open_end,
                        "This ref has no content",
                    )
                    fatal = True
                elif (
                    name_attr is not None
                    and not args.garbled
                    and not args.follow
                    and name_attr.value is not None
                    and not normalize_attr_value(name_attr.value)
                ):
                    self.issue(
                        "citelint_empty_name",
                        name_attr.start,
                        name_attr.end,
                        'The ref has an empty name=""; name it or remove name=',
                    )
            if id(ref) in self.invalid:
                fatal = True
        else:
            group = in_list.group
            if ref.list is not in_list and ref.list is None:
                # written inside a <ref>'s text, parsed only now, inside the list
                self.nested_in_list(ref, args, text, in_list)
                args.group = group
                return (None if blank else args), (None if blank else text)
            if args.has_group and args.group != group:
                self.issue(
                    "cite_error_references_group_mismatch",
                    ref.start,
                    ref.open_end,
                    f'This ref has group "{args.group}" but sits in the reference list of '
                    f'group "{group}"',
                )
            args.group = group
            if numeric:
                # Cite stops at the number: no "must have a name", no "no content"
                return (None if blank else args), (None if blank else text)
            if not args.name:
                self.issue(
                    "cite_error_references_no_key",
                    ref.start,
                    ref.open_end,
                    "A ref inside a reference list must have a name",
                )
            if blank:
                shown = f' "{args.name}"' if args.name else ""
                self.issue(
                    "cite_error_empty_references_define",
                    ref.start,
                    ref.open_end,
                    f"The list-defined ref{shown} has no content",
                )
                fatal = True
            elif args.name and args.name not in self.segment(group).entries:
                self.issue(
                    "cite_error_references_missing_key",
                    ref.start,
                    ref.open_end,
                    f'The list-defined ref "{args.name}" is not used in the text before its list',
                )
        return (None if fatal else args), (None if blank else text)

    def nested_in_list(self, ref: Ref, args: _Args, text: str | None, rl: RefList) -> None:
        """A footnote written inside a ``<ref>``'s text: MediaWiki parses it when the
        list renders that ref, as if it were list-defined there. Report the first
        complaint Cite has about it, once."""
        what = "A footnote inside a <ref>'s text is parsed inside the reference list"
        if args.has_group and args.group != rl.group:
            key = "cite_error_references_group_mismatch"
            message = (
                f'{what}, where its group "{args.group}" conflicts with the list\'s "{rl.group}"'
            )
        elif not args.name:
            key = "cite_error_references_no_key"
            message = f"{what}, where a ref without a name is an error"
        elif text is None or not text.strip():
            key = "cite_error_empty_references_define"
            message = f'{what}, where "{args.name}" has no content'
        elif args.name not in self.segment(rl.group).entries:
            key = "cite_error_references_missing_key"
            message = f'{what}, where "{args.name}" was not used before'
        else:
            return
        self.issue(key, ref.start, ref.open_end, message)

    def segment(self, group: str) -> _Segment:
        seg = self.segments.get(group)
        if seg is None:
            seg = self.segments[group] = _Segment()
        return seg

    def body_ref(self, ref: Ref) -> None:
        args, text = self.validate(ref, None)
        if args is None:
            return
        seg = self.segment(args.group)
        if args.follow:
            parent = seg.entries.get(args.follow)
            if parent is None:
                seg.refs.append(ref)  # an incomplete follow: a footnote of its own
                seg.shown.append(ref)
            elif text is not None:
                parent.text = (parent.text or "") + " " + text
                seg.shown.append(ref)
            return
        seg.refs.append(ref)
        name = args.name
        if not name:
            seg.shown.append(ref)
            return
        entry = seg.entries.get(name)
        if entry is None:
            seg.entries[name] = _Entry(name, ref, text, ref if text is not None else None, args.dir)
            if text is not None:
                seg.shown.append(ref)
            return
        if entry.dir and args.dir and entry.dir != args.dir:
            self.pend(
                seg,
                "cite_error_ref_conflicting_dir",
                ref,
                f'The ref "{name}" has dir="{args.dir}" but dir="{entry.dir}" elsewhere',
            )
        if entry.text is None and text is not None:
            entry.text, entry.definer, entry.dir = text, ref, args.dir
            seg.shown.append(ref)
        elif text is not None and text != entry.text:
            self.duplicate(seg, ref, entry)

    def duplicate(self, seg: _Segment, ref: Ref, entry: _Entry) -> None:
        # One finding per conflicting definition. (A list-defined ref in a template list
        # is compared twice by MediaWiki, before and after it knows it is list-defined,
        # and shows the error twice; one defect, one finding.)
        first = entry.definer or entry.first
        self.pend(
            seg,
            "cite_error_references_duplicate_key",
            ref,
            f'The ref "{entry.name}" is defined again with different content '
            f"(first defined on line {self.line(first.start)})",
        )

    def list_defined_ref(self, ref: Ref, rl: RefList) -> None:
        args, text = self.validate(ref, rl)
        if args is None:
            return
        seg = self.segment(rl.group)
        if not args.name:
            seg.refs.append(ref)
            seg.shown.append(ref)
            return
        entry = seg.entries.get(args.name)
        if entry is None:
            seg.entries[args.name] = _Entry(args.name, ref, text, ref)
            seg.refs.append(ref)
            seg.shown.append(ref)
        elif entry.text is None:
            entry.text, entry.definer = text, ref
            seg.shown.append(ref)
        elif text is not None and text != entry.text:
            self.duplicate(seg, ref, entry)

    # -- lists ----------------------------------------------------------------------------

    def reference_list(self, rl: RefList, merged: dict[int, RefList]) -> None:
        ok = id(rl) not in self.broken_lists
        if rl.kind == "tag":
            unknown = [a for a in rl.attrs if not a.dropped and a.name not in LIST_ATTRIBUTES]
            if unknown:
                ok = False
                names = ", ".join(repr(a.name) for a in unknown)
                self.issue(
                    "cite_error_references_invalid_parameters",
                    unknown[0].start,
                    unknown[-1].end,
                    f"<references> does not accept the attribute{'s' if len(unknown) > 1 else ''} "
                    f"{names} (only group and responsive)",
                )
        refs = list(rl.refs)
        for other in self.merged_into.get(id(rl), ()):
            refs.extend(other.refs)
        refs.sort(key=self.time)
        if rl.kind == "template":
            # Refs inside a footnote template in the list's text are expanded before
            # the list takes over its own refs, so they are ordinary refs (T349981).
            makers = [r for r in refs if r.kind == "template" and r.content is not None]
            if makers:
                inner = [
                    r
                    for r in refs
                    if any(
                        m is not r and m.content_start <= r.start and r.end <= m.content_end
                        for m in makers
                    )
                ]
                for ref in inner:
                    if id(ref) not in self.dropped:
                        self.body_ref(ref)
                refs = [r for r in refs if r not in inner]
        for ref in refs:
            if id(ref) not in self.dropped:
                self.list_defined_ref(ref, rl)
        if ok:
            seg = self.segments.pop(rl.group, None)
            if seg is not None:
                self.render(seg, rl)

    def render(self, seg: _Segment, rl: RefList | None) -> None:
        """A list shows its group's refs: names never given text are errors, and refs
        written inside ref texts are parsed now, in the list's context."""
        self.issues.extend(seg.pending)
        for entry in seg.entries.values():
            if entry.text is None:
                self.no_text(entry, rl)
        if rl is None or not self.children:
            return
        for ref in seg.shown:
            for child in sorted(self.children.get(id(ref), ()), key=self.time):
                self.list_defined_ref(child, rl)

    def no_text(self, entry: _Entry, rl: RefList | None) -> None:
        first = entry.first
        group = rl.group if rl is not None else ""
        where = f' in group "{group}"' if group else ""
        message = f'The named ref "{entry.name}"{where} is used but never defined'
        suggester = self.suggesters.get(group)
        if suggester is None:
            names = [n for (g, n) in self.defined if g == group]
            suggester = self.suggesters[group] = Suggester(names)
        hint = suggester.suggest(entry.name)
        if hint:
            message += f'; did you mean "{hint}"?'
        self.issue("cite_error_references_no_text", first.start, first.open_end, message)


def _attr_span(ref: Ref, name: str) -> tuple[int, int]:
    """Where a finding about one attribute points: the attribute, else the opening tag."""
    a = ref.attr(name)
    return (a.start, a.end) if a else (ref.start, ref.open_end)


def list_markup_for(group: str) -> str:
    """The reference list to suggest for a group: the list template made for it
    (``{{notelist}}`` for ``{{efn}}``'s lower-alpha) or ``{{reflist|group=…}}``."""
    fixed = None
    for name, spec in ref_templates()["list"].items():
        if spec and spec.get("group") == group and not name.startswith("#"):
            if not spec.get("fixed_group"):
                fixed = "{{" + name.lower() + "}}"
                break
            fixed = fixed or "{{" + name.lower() + "}}"
    generic = f"{{{{reflist|group={group}}}}}"
    return f"{fixed} or {generic}" if fixed else f'{generic} or <references group="{group}"/>'
