"""Scenario tests kept beside each ruleset: plain-sentence names, facts, expected conclusions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..case.model import DEFER_CONSISTENCY, CaseFacts
from ..case.io import check_consistent, problems_from_validation
from ..decision.deadlines import DeadlineStatus
from ..decision.model import Decision
from .evaluate import Engine, EngineMode
from ..case.instants import Instant
from ..case.yaml_lines import YamlSyntaxError, line_of, read_yaml_file
from ..errors import CaseFileError, RulesetError
from ..interpretations import Interpretations


class Expectation(BaseModel):
    """One expected conclusion on one subject."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conclusion: str
    subject: str
    value: Literal["true", "false", "undetermined"] | bool
    established_by: list[str] | None = None
    deciding_facts: list[str] | None = None
    compliance: Literal["complied", "violated", "unknown"] | None = None


class DeadlineExpectation(BaseModel):
    """One expected deadline on one subject: its status and, when given, its due time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str
    duty: str
    subject: str
    status: DeadlineStatus
    due: Instant | None = None


class Scenario(BaseModel):
    """One scenario: a named case and what the ruleset must conclude about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=10)
    as_of: Instant | None = None
    interpretations: Interpretations | None = Field(
        default=None, description="The readings to evaluate under, where the scenario pins one other than the default.")
    case: dict[str, Any]
    expect: list[Expectation] = Field(default_factory=list)
    expect_deadlines: list[DeadlineExpectation] = Field(default_factory=list)
    expect_not_started: list[str] = Field(
        default_factory=list, description="Deadline rule ids the case gives no anchor for, as `id duty`.")
    expect_no_deadlines: list[str] = Field(
        default_factory=list, description="Deadlines (`id duty`) that must not be judged on any subject of the case.")
    not_applicable: list[str] = Field(default_factory=list)


class ScenarioFile(BaseModel):
    """A file of scenarios."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scenarios: list[Scenario] = Field(min_length=1)


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario with where it came from and the ruleset it tests."""

    ruleset: str
    file: Path
    line: int | None
    scenario: Scenario
    case: CaseFacts

    @property
    def label(self) -> str:
        """`file:line name`, for test ids and reports."""
        return f"{self.file.name}:{self.line} {self.scenario.name}"


def load_scenarios(ruleset_dir: Path) -> list[LoadedScenario]:
    """Every scenario under `<ruleset>/scenarios/`, validated (cases included)."""
    out: list[LoadedScenario] = []
    for path in sorted((ruleset_dir / "scenarios").glob("*.yaml")):
        try:
            raw = read_yaml_file(path)
        except YamlSyntaxError as exc:
            raise RulesetError(str(path), exc.line, None, f"malformed YAML: {exc}") from None
        try:
            parsed = ScenarioFile.model_validate(raw)
        except ValidationError as exc:
            first = problems_from_validation(str(path), raw, exc)[0]
            raise RulesetError(str(path), None, None, str(first)) from None
        for index, scenario in enumerate(parsed.scenarios):
            try:
                case = CaseFacts.model_validate(scenario.case, context={DEFER_CONSISTENCY: True})
            except ValidationError as exc:
                raw_case = raw["scenarios"][index]["case"]
                raise CaseFileError(f"{path} scenario {index}", problems_from_validation(str(path), raw_case, exc)) from None
            check_consistent(case, f"{path} scenario {index}", raw["scenarios"][index]["case"])
            out.append(LoadedScenario(ruleset_dir.name, path, line_of(raw, ("scenarios", index)), scenario, case))
    return out


def _name(value: str | bool) -> str:
    return value if isinstance(value, str) else ("true" if value else "false")


def check_scenario(engine: Engine, loaded: LoadedScenario, mode: EngineMode = "both") -> list[str]:
    """Run one scenario; return the mismatches (empty when it passes)."""
    as_of = loaded.scenario.as_of or datetime.fromisoformat("2026-01-01T12:00:00+08:00")
    decision = engine.evaluate(loaded.case, as_of=as_of, engine=mode,
                               interpretations=loaded.scenario.interpretations)
    failures = []
    for exp in loaded.scenario.expect:
        try:
            got = decision.find(exp.conclusion, exp.subject, loaded.ruleset)
        except KeyError:
            failures.append(f"{exp.conclusion} on {exp.subject}: no such outcome in the decision")
            continue
        if got.value != _name(exp.value):
            failures.append(f"{exp.conclusion} on {exp.subject}: expected {_name(exp.value)}, got {got.value}")
        fired = sorted(r.rule_id for r in got.established_by)
        if exp.established_by is not None and fired != sorted(exp.established_by):
            failures.append(f"{exp.conclusion} on {exp.subject}: expected established by "
                            f"{sorted(exp.established_by)}, got {fired}")
        if exp.deciding_facts is not None and sorted(exp.deciding_facts) != got.deciding_facts:
            failures.append(f"{exp.conclusion} on {exp.subject}: expected deciding facts "
                            f"{sorted(exp.deciding_facts)}, got {got.deciding_facts}")
        if exp.compliance is not None:
            status = got.compliance.status if got.compliance else None
            if status != exp.compliance:
                failures.append(f"{exp.conclusion} on {exp.subject}: expected compliance {exp.compliance}, got {status}")
    failures += _deadline_failures(decision, loaded)
    use = next((u for u in decision.rulesets if u.id == loaded.ruleset), None)
    skipped = sorted(s.subject for s in use.not_applied) if use else []
    if sorted(loaded.scenario.not_applicable) != skipped and loaded.scenario.not_applicable:
        failures.append(f"expected {loaded.ruleset} not to apply to {sorted(loaded.scenario.not_applicable)}, "
                        f"but it did not apply to {skipped}")
    return failures


def _deadline_failures(decision: Decision, loaded: LoadedScenario) -> list[str]:
    """Mismatches between a scenario's expected deadlines and the decision's."""
    failures = []
    mine = [d for d in decision.deadlines if d.ruleset == loaded.ruleset]
    for exp in loaded.scenario.expect_deadlines:
        found = [d for d in mine if (d.rule_id, d.duty, d.subject) == (exp.rule_id, exp.duty, exp.subject)]
        label = f"deadline {exp.rule_id} {exp.duty} on {exp.subject}"
        if not found:
            failures.append(f"{label}: no such deadline in the decision "
                            f"(it has {sorted({(d.rule_id, d.duty, d.subject) for d in mine})})")
            continue
        got = found[0]
        if got.status != exp.status:
            failures.append(f"{label}: expected {exp.status}, got {got.status} ({got.status_text})")
        if exp.due is not None and got.due != exp.due:
            failures.append(f"{label}: expected due {exp.due.isoformat()}, got {got.due.isoformat()}")
    not_started = sorted(f"{n.rule_id} {n.duty}" for n in decision.deadlines_not_started if n.ruleset == loaded.ruleset)
    for expected in loaded.scenario.expect_not_started:
        if expected not in not_started:
            failures.append(f"expected deadline {expected} not to start; not started: {not_started}")
    for unwanted in loaded.scenario.expect_no_deadlines:
        judged = sorted(d.subject for d in mine if f"{d.rule_id} {d.duty}" == unwanted)
        if judged:
            failures.append(f"expected no deadline {unwanted}, but it was judged on {judged}")
    return failures
