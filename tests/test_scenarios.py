"""Every ruleset's scenarios pass on both evaluators, and every encoded rule has one."""

from __future__ import annotations

import pytest

from legalrules import Engine
from legalrules._scenarios import LoadedScenario, check_scenario, load_scenarios

from .conftest import FIXTURES, ROOT

ENGINE = Engine()
SCENARIOS = [s for r in ENGINE.all_rulesets for s in load_scenarios(r.directory)]


@pytest.mark.parametrize("loaded", SCENARIOS, ids=lambda s: f"{s.ruleset}:{s.label}")
def test_scenario(loaded: LoadedScenario) -> None:
    """The decision matches the scenario's expectations, with both evaluators agreeing."""
    assert check_scenario(ENGINE, loaded) == []


@pytest.mark.parametrize("ruleset", [r for r in ENGINE.all_rulesets if r.rules], ids=lambda r: r.id)
def test_every_encoded_rule_is_shown_firing_by_a_scenario(ruleset) -> None:  # type: ignore[no-untyped-def]
    """No encoded rule lacks a scenario in which it establishes its conclusion."""
    shown = {rule_id for s in load_scenarios(ruleset.directory) for e in s.scenario.expect
             for rule_id in (e.established_by or [])}
    missing = sorted({rule.id for rule in ruleset.rules} - shown)
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
