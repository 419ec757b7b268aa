"""Benchmark: 10,000 synthetic cases through each evaluator; prints cases/s and p50/p99.

    make bench          (or: .venv/bin/python bench/bench_evaluate.py [--cases N])

Single-threaded. `native (values)` is the bulk fast path (Engine.values);
`native/durable/both (decision)` build the full explained Decision, as
`legalrules evaluate` does. The last line times `legalrules evaluate` from the
shell, 15 runs after one warm-up run that fills the compile cache. The first line times a
plain Python loop: figures from hosts (or moments) whose loop time differs are
not comparable. `--cli-only` skips the evaluator runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_cases  # noqa: E402

from legalrules import CaseFacts, Engine  # noqa: E402
from legalrules.engine.durable import AVAILABLE  # noqa: E402
from legalrules.engine.evaluate import _select  # noqa: E402
from legalrules.engine.frames import build_frames  # noqa: E402
from legalrules.interpretations import Interpretations  # noqa: E402

AS_OF = datetime.fromisoformat("2026-11-22T10:00:00+08:00")
ROOT = Path(__file__).resolve().parent.parent


def measure(label: str, cases: list[CaseFacts], run: Callable[[CaseFacts], object]) -> None:
    """Run every case once, timing each; print throughput and latency percentiles."""
    for case in cases[:200]:
        run(case)  # warm-up
    latencies = []
    began = time.perf_counter()
    for case in cases:
        tick = time.perf_counter()
        run(case)
        latencies.append(time.perf_counter() - tick)
    total = time.perf_counter() - began
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1e6
    p99 = latencies[int(len(latencies) * 0.99)] * 1e6
    print(f"{label:<28} {len(cases) / total:>10,.0f} cases/s   p50 {p50:>8.1f} µs   p99 {p99:>8.1f} µs")


def host_loop() -> float:
    """Seconds for a plain 3M-iteration Python loop: how fast the host is right now."""
    tick = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i
    return time.perf_counter() - tick


def time_cli(name: str, *args: str, runs: int = 15) -> None:
    """Median and minimum wall time of one CLI command run from a fresh process."""
    cli = ROOT / ".venv" / "bin" / "legalrules"
    command = [str(cli) if cli.exists() else "legalrules", name, *args]
    subprocess.run(command, check=True, capture_output=True)  # warm-up: fills the compile cache
    walls = []
    for _ in range(runs):
        tick = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - tick)
    label = f"CLI {name} (wall, shell)"
    print(f"{label:<28} median {statistics.median(walls) * 1000:.0f} ms over {runs} runs "
          f"(min {min(walls) * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--cli-only", action="store_true")
    args = parser.parse_args()
    print(f"host: a 3M-iteration Python loop takes {host_loop():.2f} s")
    example = str(ROOT / "examples" / "murder_interrogation.yaml")
    if args.cli_only:
        time_cli("evaluate", example)
        return
    cases = synthetic_cases(args.cases)
    engine = Engine()
    rules = sum(len(r.rules) for r in engine.rulesets)
    print(f"{len(cases):,} synthetic cases; rulesets {[r.id for r in engine.rulesets]} ({rules} rules); "
          f"Python {sys.version.split()[0]}")
    measure("native (values)", cases, lambda c: engine.values(c, as_of=AS_OF))
    measure("native (decision)", cases, lambda c: engine.evaluate(c, as_of=AS_OF, engine="native"))
    if AVAILABLE:
        adapter = engine.durable()

        def durable_only(case: CaseFacts) -> None:
            frames = build_frames(case, AS_OF, Interpretations())
            for ruleset in engine.rulesets:
                if not ruleset.conclusions:  # deadlines alone: nothing for the adapter
                    continue
                adapter.run(ruleset.id, _select(ruleset, frames).frames)

        measure("durable (adapter only)", cases, durable_only)
        measure("durable (decision)", cases, lambda c: engine.evaluate(c, as_of=AS_OF, engine="durable"))
        measure("both (decision, default)", cases, lambda c: engine.evaluate(c, as_of=AS_OF))
    else:
        print("durable-rules not available on this Python: durable and both skipped")
    time_cli("evaluate", example)


if __name__ == "__main__":
    main()
