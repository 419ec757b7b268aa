"""Stress: 200,000 durable-rules evaluations in one process; memory stays flat. `make stress`."""

from __future__ import annotations

import resource

import pytest

from legalrules import Engine, parse_case
from legalrules.engine.durable import DurableAdapter
from legalrules.engine.frames import build_frames
from legalrules.interpretations import Interpretations
from legalrules.ruleformat.loader import load_ruleset

from ..conftest import AS_OF, ROOT, run_in_threads
from .test_durable import CASE

pytest.importorskip("durable.engine", reason="durable-rules cannot be installed on this Python")
pytestmark = pytest.mark.slow


def _rss_kib() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() // 1024


def test_200k_evaluations_leave_memory_flat_and_never_hit_the_cap() -> None:
    """200,000 adapter runs: identical answers throughout, RSS growth under 20 MiB after warm-up."""
    adapter = DurableAdapter([load_ruleset(ROOT / "rulesets" / "av_2014")])
    frames = build_frames(parse_case(CASE, "t.yaml"), AS_OF, Interpretations())
    expected = adapter.run("av_2014", frames).conclusions
    for _ in range(10_000):
        adapter.run("av_2014", frames)
    warm = _rss_kib()
    for index in range(190_000):
        result = adapter.run("av_2014", frames)
        if index % 10_000 == 0:
            assert result.conclusions == expected
    grown = _rss_kib() - warm
    print(f"RSS after warm-up {warm} KiB, grew {grown} KiB over 190,000 runs")
    assert grown < 20 * 1024


def test_8_threads_many_rounds_agree_with_sequential() -> None:
    """8 threads x 2,000 evaluations each give exactly the sequential answers."""
    engine = Engine()
    cases = [parse_case(CASE.replace("statutory_max: 10", f"statutory_max: {y}"), "t") for y in range(26)]
    expected = [engine.values(c, as_of=AS_OF) for c in cases]
    errors: list[int] = []

    def work(offset: int) -> None:
        for i in range(2000):
            j = (i + offset) % len(cases)
            decision = engine.evaluate(cases[j], as_of=AS_OF)
            got = {(c.ruleset, c.conclusion, c.subject): c.value for c in decision.conclusions}
            want = {k: ("undetermined" if v is None else str(v).lower()) for k, v in expected[j].items()}
            if got != want:
                errors.append(j)

    run_in_threads(work)
    assert errors == []
