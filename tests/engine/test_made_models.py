"""The decision models the engine makes without validation (`decision.output.made`) are what validation makes.

The engine builds its output models from values of the right types without running
pydantic's validators (so text output never builds their schemas): revalidating a
decision must give an equal one on every example and on generated cases (a value of
another type, a tuple for a list or an int for a float, would show as an inequality);
`made` sets the fields given, as validation does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalrules import CaseFacts, Engine, load_case
from legalrules.decision.deadlines import DeadlineNotStarted
from legalrules.decision.model import Decision, EngineReport, SubjectNotCovered
from legalrules.decision.output import made

from ..conftest import AS_OF, ROOT
from ..strategies import case_documents, known_case_documents

ENGINE = Engine()
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _revalidates(decision: Decision) -> None:
    again = Decision.model_validate(decision.model_dump())
    assert again == decision
    assert again.model_dump_json(indent=2) == decision.model_dump_json(indent=2)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_decision_is_what_validation_makes(example: Path) -> None:
    _revalidates(ENGINE.evaluate(load_case(example), as_of=AS_OF))


@settings(max_examples=40)
@given(st.one_of(case_documents, known_case_documents))
def test_generated_decisions_are_what_validation_makes(doc: dict[str, Any]) -> None:
    _revalidates(ENGINE.evaluate(CaseFacts.model_validate(doc), as_of=AS_OF, engine="native"))


def test_made_fills_defaults_and_refuses_what_validation_would() -> None:
    report = made(EngineReport, requested="native", ran=["native"], agreed=None)
    assert report == EngineReport(requested="native", ran=["native"], agreed=None)
    assert report.model_fields_set == {"requested", "ran", "agreed"}
    assert list(report.__dict__) == list(EngineReport.model_fields)
    with pytest.raises(TypeError, match="not a field"):
        made(SubjectNotCovered, subject="case", reason="why", because="typo")
    with pytest.raises(TypeError, match="'missing' not given"):
        made(DeadlineNotStarted, ruleset="r", rule_id="x", duty="d", title="t")
