"""Deterministic synthetic cases for benchmarks: varied, with unknown facts left out."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any

from legalrules import CaseFacts
from legalrules.case.model import Circumstances, Review, Suspect

PLACES = ["law_enforcement_venue", "designated_place", "residence", "scene_emergency",
          "detention_house", "remote_video"]
TZ = timezone(timedelta(hours=8))
BENCH_CASES = 20_000  # `make bench`'s case count and seed; tests/test_bench_reference.py checks them all
BENCH_SEED = 2014


def _flags(rng: random.Random, model: Any) -> dict[str, bool]:
    names = [n for n, f in model.model_fields.items() if f.annotation == (bool | None)]
    return {n: rng.random() < 0.3 for n in names if rng.random() < 0.6}


def synthetic_case(rng: random.Random, number: int) -> CaseFacts:
    """One random case: 0-3 offences, 1-3 interrogations, some interruptions."""
    start = datetime(2014, 1, 1, tzinfo=TZ) + timedelta(hours=rng.randrange(0, 24 * 365 * 12))
    offences = []
    for _ in range(rng.randrange(0, 4)):
        maximum: Any = rng.choice(["death", "life", 3, 7, 10, 15])
        offences.append({"charge": "c", "statutory_max": maximum, "intentional": rng.random() < 0.8,
                         "organised_crime": rng.random() < 0.1, "serious_drug_crime": rng.random() < 0.1})
    interrogations = []
    for index in range(rng.randrange(1, 4)):
        item: dict[str, Any] = {"start": (start + timedelta(hours=index * 5)).isoformat(),
                                "place": rng.choice(PLACES), "recorded": rng.random() < 0.7}
        if rng.random() < 0.3:
            item["interruptions"] = [{"reason": rng.choice(["storage_full", "technical_failure", "other"]),
                                      "interrogation_suspended": rng.random() < 0.5}]
        if rng.random() < 0.2:
            item["review"] = _flags(rng, Review)
        interrogations.append(item)
    suspect = _flags(rng, Suspect)
    if rng.random() < 0.7:
        suspect["birth_date"] = f"{rng.randrange(1960, 2010)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}"  # type: ignore[assignment]
    return CaseFacts.model_validate({
        "case": {"id": f"B-{number}", "proceeding": "criminal", "handling_organ": "public_security"},
        "offences": offences if rng.random() < 0.9 else None,
        "suspect": suspect,
        "circumstances": _flags(rng, Circumstances),
        "interrogations": interrogations,
    })


def synthetic_cases(count: int, seed: int = BENCH_SEED) -> list[CaseFacts]:
    """`count` cases from a fixed seed: the same list on every run."""
    rng = random.Random(seed)
    return [synthetic_case(rng, n) for n in range(count)]
