"""Every ruleset's scenarios pass on both evaluators, and every encoded rule has one."""

from __future__ import annotations

import pytest

from legalrules import Engine
from legalrules.engine.coverage import deadlines_shown_running, rules_shown_firing
from legalrules.engine.scenarios import LoadedScenario, check_scenario, load_scenarios

from ..conftest import FIXTURES, ROOT

ENGINE = Engine()
SCENARIOS = [s for r in ENGINE.all_rulesets for s in load_scenarios(r.directory)]


@pytest.mark.parametrize("loaded", SCENARIOS, ids=lambda s: f"{s.ruleset}:{s.label}")
def test_scenario(loaded: LoadedScenario) -> None:
    """The decision matches the scenario's expectations, with both evaluators agreeing."""
    assert check_scenario(ENGINE, loaded) == []


@pytest.mark.parametrize("ruleset", [r for r in ENGINE.all_rulesets if r.rules], ids=lambda r: r.id)
def test_every_encoded_rule_is_shown_firing_by_a_scenario(ruleset) -> None:  # type: ignore[no-untyped-def]
    """No encoded rule lacks a scenario in which it establishes its conclusion."""
    missing = sorted({rule.id for rule in ruleset.rules} - rules_shown_firing(ruleset))
    assert missing == []


def test_a_failing_expectation_is_reported() -> None:
    """The runner reports a wrong expected value instead of passing silently."""
    mini = Engine(rulesets_root=FIXTURES / "rulesets")
    loaded = load_scenarios(FIXTURES / "rulesets" / "mini")[0]
    first = loaded.scenario.expect[0]
    wrong = "false" if first.value in ("true", True) else "true"
    broken = loaded.scenario.model_copy(update={"expect": [first.model_copy(update={"value": wrong})]})
    problems = check_scenario(mini, LoadedScenario(loaded.ruleset, loaded.file, loaded.line, broken, loaded.case))
    assert problems and "expected" in problems[0]


def test_bundled_scenarios_exist() -> None:
    """av_2014 ships scenarios (the suite would otherwise pass vacuously)."""
    assert len(load_scenarios(ROOT / "rulesets" / "av_2014")) >= 27


@pytest.mark.parametrize("ruleset", [r for r in ENGINE.all_rulesets if r.deadlines], ids=lambda r: r.id)
def test_every_deadline_is_shown_running_by_a_scenario(ruleset) -> None:  # type: ignore[no-untyped-def]
    """No deadline rule lacks a scenario in which its clock starts and its status is checked."""
    missing = sorted({f"{d.id} {d.spec.duty}" for d in ruleset.deadlines} - deadlines_shown_running(ruleset))
    assert missing == []


def test_a_wrong_deadline_expectation_is_reported() -> None:
    """The runner reports a deadline whose status or due time differs from the expected."""
    loaded = next(s for s in SCENARIOS if s.scenario.expect_deadlines)
    first = loaded.scenario.expect_deadlines[0]
    wrong = "pending" if first.status != "pending" else "met"
    broken = loaded.scenario.model_copy(update={"expect_deadlines": [first.model_copy(update={"status": wrong})]})
    problems = check_scenario(ENGINE, LoadedScenario(loaded.ruleset, loaded.file, loaded.line, broken, loaded.case))
    assert len(problems) == 1 and f"expected {wrong}" in problems[0]
