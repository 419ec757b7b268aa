"""Stress: a million lazily explained decisions in one process; memory stays flat. `make stress`.

`LEGALRULES_STRESS_DECISIONS` sets the count (default 1,000,000; at a few thousand
decisions a second this takes several minutes on an idle host). Prints the p50/p99
latency of a decision and the RSS growth.
"""

from __future__ import annotations

import os
import resource
from array import array
import sys
import time

import pytest

from legalrules import Engine

from ..conftest import AS_OF, ROOT

sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_cases  # noqa: E402

pytestmark = pytest.mark.slow
DECISIONS = int(os.environ.get("LEGALRULES_STRESS_DECISIONS", "1000000"))


def _rss_kib() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() // 1024


def test_a_million_decisions_leave_memory_flat() -> None:
    """Native decisions with explanations on demand (one in 100 serialized): RSS grows under 30 MiB after warm-up."""
    engine = Engine()
    cases = synthetic_cases(2000)
    for case in cases:
        engine.evaluate(case, as_of=AS_OF, engine="native").model_dump_json()
    latencies = array("d", bytes(8 * DECISIONS))  # allocated before the baseline: it is not growth
    warm = _rss_kib()
    for index in range(DECISIONS):
        case = cases[index % len(cases)]
        tick = time.perf_counter()
        decision = engine.evaluate(case, as_of=AS_OF, engine="native")
        latencies[index] = time.perf_counter() - tick
        if index % 100 == 0:
            decision.model_dump_json()
    grown = _rss_kib() - warm
    ordered = sorted(latencies)
    print(f"{DECISIONS:,} decisions: p50 {ordered[len(ordered) // 2] * 1e6:.0f} µs, "
          f"p99 {ordered[int(len(ordered) * 0.99)] * 1e6:.0f} µs; RSS after warm-up {warm} KiB, grew {grown} KiB")
    assert grown < 30 * 1024
