"""Benchmark: 10,000 synthetic cases through each evaluator; prints cases/s and p50/p99.

    make bench          (or: .venv/bin/python bench/bench_evaluate.py [--cases N])

Single-threaded. `native (values)` is the bulk fast path (Engine.values);
`native/durable/both (decision)` build the full explained Decision, as
`legalrules evaluate` does. The last line times the CLI from the shell.
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
from legalrules._durable import AVAILABLE  # noqa: E402
from legalrules._evaluate import _select  # noqa: E402
from legalrules._frames import build_frames  # noqa: E402
from legalrules._interpretations import Interpretations  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
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
                adapter.run(ruleset.id, _select(ruleset, frames).frames)

        measure("durable (adapter only)", cases, durable_only)
        measure("durable (decision)", cases, lambda c: engine.evaluate(c, as_of=AS_OF, engine="durable"))
        measure("both (decision, default)", cases, lambda c: engine.evaluate(c, as_of=AS_OF))
    else:
        print("durable-rules not available on this Python: durable and both skipped")
    cli = ROOT / ".venv" / "bin" / "legalrules"
    command = [str(cli) if cli.exists() else "legalrules", "evaluate", str(ROOT / "examples" / "murder_interrogation.yaml")]
    walls = []
    for _ in range(7):
        tick = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - tick)
    print(f"{'CLI evaluate (wall, shell)':<28} median {statistics.median(walls) * 1000:.0f} ms over 7 runs "
          f"(min {min(walls) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
