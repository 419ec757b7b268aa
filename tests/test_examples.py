"""Each example case with an expected decision in `examples/expected/` decides exactly that."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from legalrules import Engine, load_case
from legalrules.case.instants import Instant
from legalrules.engine.scenarios import DeadlineExpectation
from legalrules.case.yaml_lines import read_yaml_file

from .conftest import ROOT

EXPECTED = sorted((ROOT / "examples" / "expected").glob("*.yaml"))


class ConclusionExpectation(BaseModel):
    """One conclusion of one ruleset on one subject, and the rules that establish it."""

    model_config = ConfigDict(extra="forbid")

    ruleset: str
    conclusion: str
    subject: str
    value: Literal["true", "false", "undetermined"]
    established_by: list[str] | None = None


class ExpectedDecision(BaseModel):
    """The parts of an example's decision a trainer relies on."""

    model_config = ConfigDict(extra="forbid")

    as_of: Instant
    conclusions: list[ConclusionExpectation] = Field(default_factory=list)
    deadlines: list[DeadlineExpectation] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list, description="`<rule id> <duty> <subject>` of each.")


def test_the_examples_with_expected_decisions_are_there() -> None:
    assert {p.stem for p in EXPECTED} >= {"murder_summons_to_arrest", "drug_deaf_suspect", "bribery_procuratorate_1999"}


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.stem)
def test_the_example_decides_as_expected(expected_file: Path) -> None:
    expected = ExpectedDecision.model_validate(read_yaml_file(expected_file))
    decision = Engine().evaluate(load_case(ROOT / "examples" / f"{expected_file.stem}.yaml"), as_of=expected.as_of)
    for want in expected.conclusions:
        got = decision.find(want.conclusion, want.subject, want.ruleset)
        assert got.value == want.value, want
        if want.established_by is not None:
            assert sorted(r.rule_id for r in got.established_by) == sorted(want.established_by), want
    found = {(d.rule_id, d.duty, d.subject): d for d in decision.deadlines}
    for deadline in expected.deadlines:
        got_deadline = found.get((deadline.rule_id, deadline.duty, deadline.subject))
        assert got_deadline is not None, (deadline, sorted(found))
        assert (got_deadline.status, got_deadline.due) == (deadline.status, deadline.due), deadline
    # Every deadline the case starts is expected: a new one is a change to review.
    assert sorted(found) == sorted((d.rule_id, d.duty, d.subject) for d in expected.deadlines)
    assert sorted(f"{v.rule_id} {v.duty} {v.subject}" for v in decision.violations) == sorted(expected.violations)
