"""The HTTP service under a bounded loopback load, against Engine.evaluate in-process on the same cases.

    .venv/bin/python bench/bench_service.py [--requests 2000] [--concurrency 8] [--workers 1]

Starts `legalrules serve` on 127.0.0.1 (a free port, its own process), sends a fixed
number of POST /v1/evaluate requests at a fixed concurrency from this process (httpx),
then stops the server. Only loopback traffic; the request count is bounded. Prints
requests/s, p50/p99 and errors, the in-process figures, and their ratio per worker
(target: at least 1/3). The last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_cases  # noqa: E402

from legalrules import Engine  # noqa: E402

AS_OF = "2026-11-22T10:00:00+08:00"
DISTINCT = 500


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_process(bodies: list[bytes], count: int) -> dict[str, float]:
    """Engine.evaluate on the same cases (parsed from the same bodies), one at a time, serialised as the service does."""
    from legalrules import parse_case

    engine = Engine()
    moment = datetime.fromisoformat(AS_OF)
    cases = [parse_case(b.decode(), "bench") for b in bodies]
    engine.evaluate(cases[0], as_of=moment)  # warm-up: durable networks, generated code
    latencies = []
    started = time.perf_counter()
    for n in range(count):
        t = time.perf_counter()
        engine.evaluate(cases[n % len(cases)], as_of=moment).model_dump_json()
        latencies.append(time.perf_counter() - t)
    elapsed = time.perf_counter() - started
    return {"per_s": count / elapsed, "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * _percentile(latencies, 0.99)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _load(url: str, bodies: list[bytes], count: int, concurrency: int) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    queue = iter(range(count))

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        for n in queue:
            t = time.perf_counter()
            response = await http.post("/v1/evaluate", params={"as_of": AS_OF}, content=bodies[n % len(bodies)])
            latencies.append(time.perf_counter() - t)
            errors += response.status_code != 200

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        await http.post("/v1/evaluate", params={"as_of": AS_OF}, content=bodies[0])  # warm-up
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        return latencies, errors, time.perf_counter() - started


def served(bodies: list[bytes], count: int, concurrency: int, workers: int) -> dict[str, float]:
    """The same cases as POST /v1/evaluate against `legalrules serve` on loopback."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "legalrules", "serve", "--port", str(port),
                               "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        latencies, errors, elapsed = asyncio.run(_load(url, bodies, count, concurrency))
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"per_s": count / elapsed, "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * _percentile(latencies, 0.99), "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1)
    options = parser.parse_args()
    bodies = [case.model_dump_json(exclude_none=True).encode() for case in synthetic_cases(DISTINCT)]
    local = in_process(bodies, options.requests)
    remote = served(bodies, options.requests, options.concurrency, options.workers)
    ratio = remote["per_s"] / options.workers / local["per_s"]
    load = os.getloadavg()[0]
    print(f"service vs in-process ({options.requests} requests, concurrency {options.concurrency}, "
          f"{options.workers} worker(s), {os.cpu_count()} cores, loopback)")
    print(f"  Engine.evaluate in-process  {local['per_s']:8.1f} cases/s   p50 {local['p50_ms']:7.2f} ms   "
          f"p99 {local['p99_ms']:7.2f} ms")
    print(f"  POST /v1/evaluate           {remote['per_s']:8.1f} req/s     p50 {remote['p50_ms']:7.2f} ms   "
          f"p99 {remote['p99_ms']:7.2f} ms   errors {remote['errors']:.0f} (target 0)")
    print(f"  service per worker / in-process: {ratio:.2f} (target >= 0.33); load average {load:.1f} "
          "(above the core count, client, server and others share the cores)")
    print(json.dumps({"service": remote, "in_process": local, "ratio_per_worker": round(ratio, 3),
                      "requests": options.requests, "concurrency": options.concurrency,
                      "workers": options.workers, "cores": os.cpu_count(), "load_average": load}))


if __name__ == "__main__":
    main()
