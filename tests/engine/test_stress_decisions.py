"""Stress: a million decisions in one process; memory stays flat. `make stress`.

Two runs, each printing p50/p99 latency and the RSS growth after warm-up:

- a million verdict decisions on the fast path (`Engine.values`: every conclusion of
  every ruleset, no explanations or deadlines), about a minute on the shared host;
- full native decisions (explanations on demand, deadlines judged, one in 100
  serialized): `LEGALRULES_STRESS_DECISIONS` of them, default 200,000, several minutes at
  the ~700 a second of an idle host (1,000,000 takes about 25 minutes).
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
DECISIONS = int(os.environ.get("LEGALRULES_STRESS_DECISIONS", "200000"))
VERDICTS = 1_000_000


def _rss_kib() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() // 1024


def _report(label: str, latencies: array[float], warm: int, grown: int) -> None:
    ordered = sorted(latencies)
    print(f"{len(ordered):,} {label}: p50 {ordered[len(ordered) // 2] * 1e6:.0f} µs, "
          f"p99 {ordered[int(len(ordered) * 0.99)] * 1e6:.0f} µs; RSS after warm-up {warm} KiB, grew {grown} KiB")


def test_a_million_verdict_decisions_leave_memory_flat() -> None:
    """A million `Engine.values` calls over 2,000 cases: the same answers throughout, RSS grows under 30 MiB."""
    engine = Engine()
    cases = synthetic_cases(2000)
    expected = [engine.values(case, as_of=AS_OF) for case in cases]
    latencies = array("d", bytes(8 * VERDICTS))
    warm = _rss_kib()
    for index in range(VERDICTS):
        position = index % len(cases)
        tick = time.perf_counter()
        found = engine.values(cases[position], as_of=AS_OF)
        latencies[index] = time.perf_counter() - tick
        if index % 1000 == 0:
            assert found == expected[position]
    grown = _rss_kib() - warm
    _report("verdict decisions (Engine.values, all rulesets)", latencies, warm, grown)
    assert grown < 30 * 1024


def test_full_decisions_leave_memory_flat() -> None:
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
    _report("full native decisions", latencies, warm, grown)
    assert grown < 30 * 1024
