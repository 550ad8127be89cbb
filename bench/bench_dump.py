"""Throughput and memory of ``citelint dump`` on the shared dump sample.

    python bench/bench_dump.py [--rounds N] [--dump PATH]

Runs ``citelint dump`` (a real subprocess, output to a temporary file) on
``../shared/corpus/dump-sample.xml.bz2`` with ``--jobs 1`` and ``--jobs 2`` side by side,
alternating rounds, and prints pages/s and MB/s (MB of uncompressed wikitext of the linted
pages). Then it builds a dump ten times as large (every page repeated with new page ids,
bzip2-compressed) and prints the peak resident memory of the whole process tree (the
parent and its workers, sampled from /proc) at 1x and 10x: streaming means the two are
about the same. Last, the time English Wikipedia's ~25 GB of article wikitext would take
at the measured MB/s. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import bz2
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpus" / "dump-sample.xml.bz2"
ENWIKI_GB = 25.0


def wikitext_mb(path: Path) -> tuple[int, float]:
    """(pages citelint dump lints, MB of their wikitext), read with citelint's reader."""
    from citelint.dump import Page, iter_pages, open_dump

    data, _ = open_dump(str(path))
    pages = 0
    size = 0
    with data:
        for page in iter_pages(data):
            if isinstance(page, Page):
                pages += 1
                size += len(page.text.encode("utf-8"))
    return pages, size / 1e6


def reader_rate(path: Path, mb: float) -> float:
    """MB of wikitext per second that the reading process (decompress, cut pages, hand
    them over unparsed, as ``citelint dump`` does) gets through on its own."""
    from citelint.dump import iter_pages, open_dump

    start = time.perf_counter()
    data, _ = open_dump(str(path))
    with data:
        for _ in iter_pages(data, parse=False):
            pass
    return mb / (time.perf_counter() - start)


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/status") as fh:
                kb = next((int(x.split()[1]) for x in fh if x.startswith("VmRSS:")), 0)
        except (OSError, ValueError, IndexError):
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = kb
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_dump(path: Path, jobs: int, out: Path) -> tuple[float, int, int, float]:
    """(seconds, peak RSS of the process tree in KB, peak RSS of the parent in KB, CPU
    seconds of the parent and its workers)."""
    cmd = [sys.executable, "-m", "citelint", "dump", "--isolated", "-q", "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen([*cmd, "-o", str(out), str(path)])
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"citelint dump failed with exit code {proc.returncode}")
    return elapsed, peak, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def make_bigger(path: Path, times: int, target: Path) -> None:
    """The sample's pages ``times`` times over, copy k with page ids + k * 10**8."""
    with bz2.open(path, "rb") as src:
        data = src.read()
    first = data.index(b"  <page>")
    last = data.rindex(b"</page>") + len(b"</page>\n")
    head, body, tail = data[:first], data[first:last], data[last:]
    pages = re.findall(rb"  <page>.*?</page>\n", body, re.S)
    with bz2.open(target, "wb", compresslevel=1) as out:
        out.write(head)
        for k in range(times):
            for page in pages:
                out.write(
                    re.sub(
                        rb"<id>(\d+)</id>",
                        lambda m, k=k: b"<id>%d</id>" % (int(m.group(1)) + k * 10**8),
                        page,
                        count=1,
                    )
                )
        out.write(tail)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dump", type=Path, default=SAMPLE)
    args = parser.parse_args()
    if not args.dump.exists():
        raise SystemExit(f"no dump at {args.dump} (the shared sample lives in ../shared)")
    pages, mb = wikitext_mb(args.dump)
    print(
        f"{args.dump.name}: {pages} pages linted, {mb:.2f} MB of wikitext; {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        times: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, int] = {}
        cpu: list[float] = []
        for _ in range(args.rounds):
            for jobs in (1, 2):
                elapsed, peak, _, used = run_dump(args.dump, jobs, out)
                times[jobs].append(elapsed)
                cpu.append(used)
                peaks[jobs] = max(peaks.get(jobs, 0), peak)
        print(f"{'jobs':>4}  {'median s':>8}  {'pages/s':>8}  {'MB/s':>6}  {'rounds (s)':<24}")
        for jobs in (1, 2):
            med = statistics.median(times[jobs])
            rounds = ", ".join(f"{t:.1f}" for t in times[jobs])
            print(f"{jobs:>4}  {med:>8.1f}  {pages / med:>8.1f}  {mb / med:>6.2f}  {rounds}")
        big = Path(tmp) / "ten-times.xml.bz2"
        make_bigger(args.dump, 10, big)
        elapsed10, peak10, parent10, _ = run_dump(big, 2, out)
        read_rate = reader_rate(big, 10 * mb)
        print()
        print("peak RSS, parent + workers (--jobs 2):")
        print(f"   1x  {peaks[2] / 1024:7.1f} MB")
        print(
            f"  10x  {peak10 / 1024:7.1f} MB  (parent alone {parent10 / 1024:.1f} MB;"
            f" {10 * pages} pages in {elapsed10:.1f} s, {10 * mb / elapsed10:.2f} MB/s)"
        )
        rate = mb / statistics.median(times[2])
        per_core = mb / statistics.median(cpu)  # MB per CPU second, whatever the load
        total = ENWIKI_GB * 1000
        print()
        print(
            f"CPU time per run (median of all runs, parent and workers): "
            f"{statistics.median(cpu):.1f} s, {per_core:.2f} MB per CPU second; "
            f"load average now {os.getloadavg()[0]:.1f}"
        )
        print(f"reader alone (decompress and cut pages, 10x dump): {read_rate:.1f} MB/s")
        print(f"English Wikipedia (~{ENWIKI_GB:.0f} GB of wikitext):")
        print(f"  --jobs 2 at the {rate:.2f} MB/s measured here: {total / rate / 3600:.1f} hours")
        print(f"  one idle core at {per_core:.2f} MB/s: {total / per_core / 3600:.1f} hours")
        for cores in (8, 32):
            bound = max(total / (per_core * cores), total / read_rate)
            print(
                f"  {cores} cores, if linting scales with cores up to the reader's "
                f"{read_rate:.1f} MB/s: {bound / 3600:.1f} hours"
            )


if __name__ == "__main__":
    main()
