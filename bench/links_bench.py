"""Link-checking benchmark: citelint --check-links vs linkinator vs LinkChecker.

    python bench/links_bench.py [--n 2000] [--hosts 20] [--latency 0.05] [--per-host 4]
                                [--tools-dir DIR] [--skip-others]

A server process answers on 20 loopback addresses (127.0.0.10 …, one "host" each) with a
fixed latency per request and a per-host concurrency cap (requests above it queue, so no
tool gains by hammering a host). It serves N URLs with a known dead set:

    ok (200) · dead (404) · gone (410) · moved (301 to a live page) · redirect to a 404 ·
    HEAD refused (405; GET works) · flaky (503 once, then 200)

Each tool checks the same N URLs under the same per-host limit: citelint from a wikitext
file (one citation per URL, ``--per-host K``), linkinator and LinkChecker from an HTML page
with the same links (global concurrency 20*K; they have no per-host option, the server cap
applies). Printed per tool: wall time, URLs/second, peak RSS, requests the server saw,
the highest concurrency a tool tried on one host, and dead-link precision/recall; then the
throughput ratios. linkinator is installed with npm and LinkChecker with pip into
``--tools-dir`` (a temp dir by default) when they are not there yet; a tool that does not
install is reported as unavailable.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST_BASE = 10  # 127.0.0.10, 127.0.0.11, …
KINDS = [  # (kind, share of the URLs, dead?)
    ("ok", 0.70, False),
    ("dead", 0.08, True),
    ("gone", 0.04, True),
    ("redirect-dead", 0.04, True),
    ("moved", 0.06, False),
    ("nohead", 0.04, False),
    ("flaky", 0.04, False),
]


# -- the server (runs in its own process: ``links_bench.py --serve``) -------------------


class _Stats:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.per_url: dict[str, int] = {}
        self.in_flight: dict[str, int] = {}
        self.peak: dict[str, int] = {}


async def _serve(port: int, hosts: int, latency: float, cap: int, control: int) -> None:
    stats = _Stats()
    gates = {f"127.0.0.{HOST_BASE + i}": asyncio.Semaphore(cap) for i in range(hosts)}

    def route(method: str, path: str, hits: int) -> tuple[int, dict[str, str]]:
        """Status and headers for a request; ``hits`` counts this URL's requests so far."""
        kind = path.split("/")[1] if path.count("/") >= 2 else ""
        if kind in ("ok", "target", ""):
            return 200, {}
        if kind == "dead":
            return 404, {}
        if kind == "gone":
            return 410, {}
        if kind == "moved":
            return 301, {"Location": "/target" + path[len("/moved") :]}
        if kind == "redirect-dead":
            return 301, {"Location": "/dead/from" + path[len("/redirect-dead") :]}
        if kind == "nohead":
            return (405, {}) if method == "HEAD" else (200, {})
        if kind == "flaky":
            return (503, {}) if hits == 1 else (200, {})
        return 404, {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target = head.split(b" ", 2)[:2]
                m, path = method.decode(), target.decode().split("?")[0]
                if path.startswith("http"):  # absolute form
                    path = "/" + path.split("/", 3)[3]
                stats.requests += 1
                key = f"{host}{path}"
                stats.per_url[key] = stats.per_url.get(key, 0) + 1
                stats.in_flight[host] = stats.in_flight.get(host, 0) + 1
                stats.peak[host] = max(stats.peak.get(host, 0), stats.in_flight[host])
                try:
                    async with gates[host]:
                        await asyncio.sleep(latency)
                        status, headers = route(m, path, stats.per_url[key])
                finally:
                    stats.in_flight[host] -= 1
                body = b"<html><head><title>page</title></head><body>bench</body></html>"
                if status >= 400:
                    body = b"<html><head><title>error</title></head><body>error</body></html>"
                lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}"]
                lines += ["Content-Type: text/html", "LinkChecker: allow"]
                lines += [f"{k}: {v}" for k, v in headers.items()]
                writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
                if m != "HEAD":
                    writer.write(body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def control_handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        path = head.split(b" ", 2)[1].decode()
        if path == "/reset":
            stats.reset()
        payload = json.dumps(
            {
                "requests": stats.requests,
                "max_per_url": max(stats.per_url.values(), default=0),
                "peak_per_host": max(stats.peak.values(), default=0),
            }
        ).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: "
            + str(len(payload)).encode()
            + b"\r\n\r\n"
            + payload
        )
        await writer.drain()
        writer.close()

    servers = [
        await asyncio.start_server(handle, f"127.0.0.{HOST_BASE + i}", port, backlog=1024)
        for i in range(hosts)
    ]
    servers.append(await asyncio.start_server(control_handler, "127.0.0.1", control))
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


# -- the URL set ------------------------------------------------------------------------


def make_urls(n: int, hosts: int, port: int) -> tuple[list[str], set[str]]:
    rng = random.Random(20240501)
    kinds: list[tuple[str, bool]] = []
    for kind, share, dead in KINDS:
        kinds += [(kind, dead)] * round(n * share)
    kinds = (kinds + [("ok", False)] * n)[:n]
    rng.shuffle(kinds)
    urls, dead_set = [], set()
    for i, (kind, dead) in enumerate(kinds):
        url = f"http://127.0.0.{HOST_BASE + i % hosts}:{port}/{kind}/{i}"
        urls.append(url)
        if dead:
            dead_set.add(url)
    return urls, dead_set


def control(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
        return json.loads(r.read())


# -- running a tool ---------------------------------------------------------------------


@dataclass
class Outcome:
    tool: str
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    reported_dead: set[str] = field(default_factory=set)
    server: dict = field(default_factory=dict)
    error: str | None = None


def timed(cmd: list[str], cwd: str | None = None) -> tuple[float, float, str, str, int]:
    """(seconds, peak RSS in MiB, stdout, stderr, exit code) of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (
            seconds,
            usage.ru_maxrss / 1024,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            proc.returncode,
        )


def run_citelint(urls: list[str], work: Path, per_host: int, hosts: int) -> Outcome:
    page = work / "bench.wiki"
    lines = [
        f"Claim {i}.<ref>{{{{cite web |url={u} |title=T{i}}}}}</ref>" for i, u in enumerate(urls)
    ]
    page.write_text("\n".join(lines) + "\n\n{{reflist}}\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "citelint", "check", "--isolated", "--check-links"]
    cmd += ["--allow-private", "--no-cache", "--select", "LINK001", "-f", "json"]
    cmd += ["--per-host", str(per_host), "--max-concurrency", str(per_host * hosts)]
    cmd += ["--host-delay", "0", str(page)]
    seconds, rss, stdout, stderr, _ = timed(cmd)
    o = Outcome("citelint", seconds, rss)
    try:
        data = json.loads(stdout)
    except ValueError:
        o.error = stderr.strip()[-300:] or "no JSON output"
        return o
    for f in data["files"][0]["findings"]:
        o.reported_dead.add(urls[f["line"] - 1])
    return o


def install_linkinator(tools: Path) -> Path | None:
    exe = tools / "node_modules" / ".bin" / "linkinator"
    if not exe.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "linkinator"],
            cwd=tools,
            capture_output=True,
        )
    return exe if exe.exists() else None


def run_linkinator(exe: Path, urls: list[str], work: Path, per_host: int, hosts: int) -> Outcome:
    page = work / "links.html"
    links = "\n".join(f'<a href="{u}">link {i}</a><br>' for i, u in enumerate(urls))
    page.write_text(f"<!doctype html><html><body>\n{links}\n</body></html>\n", encoding="utf-8")
    cmd = [str(exe), str(page), "--format", "json", "--concurrency", str(per_host * hosts)]
    cmd += ["--retry", "--retry-errors", "--retry-errors-count", "2", "--timeout", "10000"]
    seconds, rss, stdout, stderr, _ = timed(cmd)
    o = Outcome("linkinator", seconds, rss)
    try:
        data = json.loads(stdout)
    except ValueError:
        o.error = (stderr or stdout).strip()[-300:] or "no JSON output"
        return o
    wanted = set(urls)
    for link in data.get("links", []):
        if link.get("state") == "BROKEN" and link.get("url") in wanted:
            o.reported_dead.add(link["url"])
    return o


def install_linkchecker(tools: Path) -> Path | None:
    venv = tools / "linkchecker-venv"
    exe = venv / "bin" / "linkchecker"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True)
        pip = venv / "bin" / "pip"
        if pip.exists():
            subprocess.run([str(pip), "install", "-q", "linkchecker"], capture_output=True)
    return exe if exe.exists() else None


def run_linkchecker(exe: Path, urls: list[str], work: Path, per_host: int, hosts: int) -> Outcome:
    page = work / "links.html"  # written by run_linkinator's format; write again to be safe
    links = "\n".join(f'<a href="{u}">link {i}</a><br>' for i, u in enumerate(urls))
    page.write_text(f"<!doctype html><html><body>\n{links}\n</body></html>\n", encoding="utf-8")
    rc = work / "linkcheckerrc"
    # maxrequestspersecond above 10 needs the "LinkChecker" header, which the server sends
    rc.write_text("[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=1\n")
    for p in (work, page, rc):
        p.chmod(0o755 if p.is_dir() else 0o644)  # LinkChecker drops root to nobody
    cmd = [str(exe), "-f", str(rc), "--check-extern", "--no-robots", "-o", "csv", "-r", "1"]
    cmd += ["--threads", str(per_host * hosts), "--timeout", "10", str(page)]
    seconds, rss, stdout, stderr, _ = timed(cmd, cwd=str(work))
    o = Outcome("LinkChecker", seconds, rss)
    text = "\n".join(line for line in stdout.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    if not rows:
        o.error = (stderr or stdout).strip()[-300:] or "no CSV output"
        return o
    wanted = set(urls)
    for row in rows:
        if row.get("valid", "").strip().lower() not in ("false", "0"):
            continue
        for url in (row.get("urlname", ""), row.get("url", "")):  # as written, as fetched
            if url in wanted:
                o.reported_dead.add(url)
                break
    return o


# -- main -------------------------------------------------------------------------------


def _summary(runs: list[Outcome]) -> Outcome:
    """The median-time round of a tool, with the largest peak memory of all rounds."""
    good = [r for r in runs if not r.error] or runs
    ordered = sorted(good, key=lambda r: r.seconds)
    median = ordered[len(ordered) // 2]
    median.peak_rss_mb = max(r.peak_rss_mb for r in good)
    return median


def _by_kind(urls: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for url in urls:
        kind = url.split("/")[3]
        out[kind] = out.get(kind, 0) + 1
    return out


def score(o: Outcome, dead: set[str]) -> tuple[float, float]:
    tp = len(o.reported_dead & dead)
    precision = tp / len(o.reported_dead) if o.reported_dead else (1.0 if not dead else 0.0)
    recall = tp / len(dead) if dead else 1.0
    return precision, recall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="number of URLs (default 2000)")
    ap.add_argument("--hosts", type=int, default=20, help="number of hosts (default 20)")
    ap.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    ap.add_argument("--per-host", type=int, default=4, help="concurrency per host (all tools)")
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--rounds", type=int, default=3, help="runs per tool; medians are shown")
    ap.add_argument("--tools-dir", help="where linkinator and LinkChecker get installed")
    ap.add_argument("--skip-others", action="store_true", help="run citelint only")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    control_port = args.port + 1
    if args.serve:
        asyncio.run(_serve(args.port, args.hosts, args.latency, args.per_host, control_port))
        return 0

    server = subprocess.Popen(
        [
            *(sys.executable, __file__, "--serve", "--port", str(args.port)),
            *("--hosts", str(args.hosts), "--latency", str(args.latency)),
            *("--per-host", str(args.per_host)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        if server.stdout.readline().strip() != "ready":
            print("the bench server did not start", file=sys.stderr)
            return 2
        urls, dead = make_urls(args.n, args.hosts, args.port)
        print(
            f"{len(urls)} URLs over {args.hosts} hosts, {args.latency * 1000:.0f} ms per request, "
            f"{args.per_host} requests at once per host (server cap), {len(dead)} dead"
        )
        tools = Path(args.tools_dir or tempfile.mkdtemp(prefix="citelint-bench-tools-"))
        tools.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="citelint-bench-"))
        work.chmod(0o755)
        runners = [("citelint", lambda: run_citelint(urls, work, args.per_host, args.hosts))]
        if not args.skip_others:
            exe = install_linkinator(tools)
            if exe is not None:
                runners.append(
                    (
                        "linkinator",
                        lambda: run_linkinator(exe, urls, work, args.per_host, args.hosts),
                    )
                )
            else:
                print("linkinator: not available (npm install failed)")
            lc = install_linkchecker(tools)
            if lc is not None:
                runners.append(
                    (
                        "LinkChecker",
                        lambda: run_linkchecker(lc, urls, work, args.per_host, args.hosts),
                    )
                )
            else:
                print("LinkChecker: not available (pip install failed)")
        rounds: dict[str, list[Outcome]] = {name: [] for name, _ in runners}
        for i in range(args.rounds):  # rotate the order so machine noise hits every tool
            for name, run in runners[i % len(runners) :] + runners[: i % len(runners)]:
                control(control_port, "/reset")
                o = run()
                o.server = control(control_port, "/stats")
                rounds[name].append(o)
        outcomes = [_summary(rounds[name]) for name, _ in runners]
        print()
        print(
            f"median of {args.rounds} round(s); precision/recall: the worst round; "
            "peak MiB: the largest"
        )
        print(
            f"{'tool':<12} {'seconds':>8} {'URLs/s':>8} {'peak MiB':>9} {'requests':>9} "
            f"{'max/URL':>8} {'host peak':>9} {'precision':>10} {'recall':>7}"
        )
        for name, _ in runners:
            o = _summary(rounds[name])
            if o.error:
                print(f"{o.tool:<12} failed: {o.error}")
                continue
            scores = [score(r, dead) for r in rounds[name]]
            p, r = min(s[0] for s in scores), min(s[1] for s in scores)
            print(
                f"{o.tool:<12} {o.seconds:>8.2f} {len(urls) / o.seconds:>8.0f} "
                f"{o.peak_rss_mb:>9.0f} {o.server['requests']:>9} {o.server['max_per_url']:>8} "
                f"{o.server['peak_per_host']:>9} {p:>10.1%} {r:>7.1%}"
            )
        for o in outcomes:
            if o.error:
                continue
            wrong = _by_kind(o.reported_dead - dead)
            missed = _by_kind(dead - o.reported_dead)
            if wrong or missed:
                print(f"{o.tool}: false alarms {wrong or '-'}, missed {missed or '-'}")
        mine = outcomes[0]
        for o in outcomes[1:]:
            if not o.error and not mine.error:
                print(
                    f"citelint vs {o.tool}: {o.seconds / mine.seconds:.2f}x the URLs/second, "
                    f"{mine.peak_rss_mb / o.peak_rss_mb:.2f}x the peak memory"
                )
        return 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
