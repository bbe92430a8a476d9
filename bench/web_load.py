"""Load check of ``newsweave serve``: concurrent clients on a story page and its JSON twin.

The server runs in its own process (uvicorn, one worker) on a free loopback port over a store
holding the seeds and the examples; this process drives ``--clients`` concurrent keep-alive
connections (asyncio streams), bounded by ``--requests`` per endpoint and ``--seconds``.
Prints requests per second and p50/p99 latency per endpoint, first with the server's page
cache (2 s), then with it bypassed (``cache_seconds=0``: every request rebuilds its page), a
fresh server process for each.

    .venv/bin/python bench/web_load.py                  # builds a temporary store (~20 s)
    .venv/bin/python bench/web_load.py --db web.db --clients 50 --requests 2000
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"

_SERVER = (
    "import sys, uvicorn\n"
    "from newsweave.web import create_app\n"
    "app = create_app(sys.argv[1], cache_seconds=float(sys.argv[3]))\n"
    "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', access_log=False)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build one from seeds+examples)")
    parser.add_argument("--story", help="story id (default: the story with most articles)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=60.0, help="per endpoint, at most")
    parser.add_argument(
        "--cache-seconds",
        type=float,
        nargs="+",
        default=[2.0, 0.0],
        help="the server's page cache, one run each (default: 2 then 0, the cache bypassed)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsweave-bench-") as tmp:
        url = f"sqlite:///{args.db}" if args.db else _build_store(Path(tmp) / "web.db")
        story = args.story or _biggest_story(url)
        for cache_seconds in args.cache_seconds:
            _run_server(url, story, args, cache_seconds)


def _run_server(url: str, story: str, args: argparse.Namespace, cache_seconds: float) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", _SERVER, url, str(port), str(cache_seconds)])
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base, server)
        print(f"story {story}; {args.clients} clients; page cache {cache_seconds} s")
        for path in (f"/stories/{story}.json", f"/stories/{story}"):
            asyncio.run(_warm(base + path))
            result = asyncio.run(
                _load(base + path, clients=args.clients, total=args.requests, seconds=args.seconds)
            )
            _report(path, *result)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _build_store(path: Path) -> str:
    from newsweave.pipeline import ingest
    from newsweave.store import open_store

    url = f"sqlite:///{path}"
    started = time.perf_counter()
    with open_store(url) as store:
        report = ingest([str(SEEDS), str(EXAMPLES)], store)
    took = time.perf_counter() - started
    print(f"store: {len(report.stored)} articles ingested in {took:.1f} s")
    return url


def _biggest_story(url: str) -> str:
    from newsweave.store import open_store

    with open_store(url) as store:
        rows = store.stories()
    if not rows:
        sys.exit("the store holds no story")
    return max(rows, key=lambda r: (r.article_count, r.id)).id


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the server exited")
        try:
            if httpx.get(base + "/stories.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    sys.exit("the server did not start")


async def _warm(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(5):
            (await client.get(url)).raise_for_status()


async def _load(
    urls: str | Sequence[str], *, clients: int, total: int, seconds: float
) -> tuple[list[float], float, int]:
    """Latencies (s) of the requests made, the wall time, and the number of failures.

    Each client is one keep-alive connection speaking minimal HTTP/1.1 over asyncio streams:
    a full client library would spend more of the two cores than the server it measures.
    Several ``urls`` (one server) are asked in turn, so that a page cache cannot answer them
    all.
    """
    targets = [httpx.URL(u) for u in ([urls] if isinstance(urls, str) else urls)]
    host, port = targets[0].host, targets[0].port
    requests = [
        (
            f"GET {t.raw_path.decode()} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n"
        ).encode()
        for t in targets
    ]
    latencies: list[float] = []
    failures = 0
    sent = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def one_client() -> None:
        nonlocal sent, failures
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while sent < total and time.perf_counter() < deadline:
                request = requests[sent % len(requests)]
                sent += 1
                t0 = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - t0)
                failures += not head.startswith(b"HTTP/1.1 200")
        finally:
            writer.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, time.perf_counter() - started, failures


def _percentiles(latencies: list[float]) -> tuple[float, float, float]:
    """p50, p99 and the slowest of ``latencies`` (s), in milliseconds."""
    ms = sorted(x * 1000 for x in latencies)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))], ms[-1]


def _report(path: str, latencies: list[float], wall: float, failures: int) -> None:
    p50, p99, slowest = _percentiles(latencies)
    print(
        f"{path:40s} {len(latencies):5d} requests in {wall:5.1f} s = "
        f"{len(latencies) / wall:7.1f} req/s  "
        f"p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  max {slowest:6.1f} ms  failures {failures}"
    )


if __name__ == "__main__":
    main()
