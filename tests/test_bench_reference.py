"""The benchmark's hand-coded av_2014 recording decision answers as the engine does, on every seeded case."""

from __future__ import annotations

import sys

from legalrules import Engine

from .conftest import AS_OF, ROOT

sys.path.insert(0, str(ROOT / "bench"))

from reference_av2014 import recording_decision  # noqa: E402
from synthetic import BENCH_CASES, BENCH_SEED, synthetic_cases  # noqa: E402

NAMES = ("major_case", "art6_circumstance", "recording_required")


def test_the_reference_equals_engine_values_on_every_benchmark_case(engine: Engine) -> None:
    """On the benchmark's own seeded cases, the three av_2014 conclusions agree key for key."""
    day = AS_OF.date()
    differing = []
    cases = synthetic_cases(BENCH_CASES, BENCH_SEED)
    for case in cases:
        expected = {k: v for k, v in engine.values(case, as_of=AS_OF).items() if k[0] == "av_2014" and k[1] in NAMES}
        if recording_decision(case, day) != expected:
            differing.append(case.case.id)
    assert differing == []
    # The cases exercise all three answers (recording_required itself is never false on them).
    seen = {v for case in cases[:2000] for v in recording_decision(case, day).values()}
    assert seen == {True, False, None}
