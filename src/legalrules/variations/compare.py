"""What changed between two decisions: flipped conclusions, moved deadlines, violations come and gone.

A trainer's "what if" is two decisions on two versions of a case. The
difference names, for each conclusion that flipped, the rules whose outcome
changed and the facts they read that changed (including derived ones such as
the suspect's age at the interrogation); for each deadline, its old and new due
time and status; and the violations that appeared or went away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..case.model import CaseFacts
from ..decision.deadlines import DeadlineOutcome, Violation
from ..decision.model import ConclusionOutcome, Decision, Reading, RuleOutcome
from ..engine.frames import Frame, build_frames
from ..interpretations import Interpretations


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactChange(_Out):
    """A fact a rule read, before and after (null: unknown), and on which sides the rule read it."""

    fact: str
    before: Any = None
    after: Any = None
    read: Literal["both", "before", "after"] = Field(
        default="both", description="A rule stops at its first failing condition: a fact may be read on one side only.")
    condition: str = Field(description="The condition that read it (on the side where the rule did not hold).")


class RuleChange(_Out):
    """A rule whose outcome changed, with its citation, quoted clause and the facts behind the change."""

    rule_id: str
    citation: str
    quote: str
    before: str
    after: str
    facts: list[FactChange]


class ConclusionChange(_Out):
    """A conclusion on a subject whose value flipped (or that one side lacks)."""

    ruleset: str
    conclusion: str
    subject: str
    title: str
    before: str | None
    after: str | None
    rules: list[RuleChange]


class DeadlineChange(_Out):
    """A deadline whose due time or status changed, or that only one side has."""

    ruleset: str
    rule_id: str
    duty: str
    subject: str
    title: str
    citation: str
    due_before: datetime | None
    due_after: datetime | None
    status_before: str | None
    status_after: str | None
    status_text_before: str | None = None
    status_text_after: str | None = None
    holiday_rule_after: str | None = Field(default=None, description="How the new due time treated holidays.")


class ViolationChange(_Out):
    """A violation that appeared or went away."""

    change: Literal["appeared", "went_away", "changed"] = Field(
        description="appeared, went away, or changed (another due time, or met late by another time)")
    violation: Violation


class DecisionDiff(_Out):
    """The difference between two decisions on two versions of a case."""

    before: str = Field(description="What the first decision is of (a file, or the file before --set).")
    after: str
    changes: list[str] = Field(default_factory=list, description="The --set overrides, when there were any.")
    conclusions: list[ConclusionChange] = Field(default_factory=list)
    deadlines: list[DeadlineChange] = Field(default_factory=list)
    violations: list[ViolationChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.conclusions or self.deadlines or self.violations)


def _key(reading: Reading) -> str:
    """A reading's fact, with its offence when it was read inside a quantifier (`offences[0]: ...`)."""
    prefix = reading.condition.split(": ", 1)[0] + ": " if reading.condition.startswith("offences[") else ""
    return prefix + (reading.fact or reading.condition)


def _readings(rule: RuleOutcome | None) -> dict[str, Reading]:
    """The facts a rule outcome shows it read: what satisfied it, or the condition that stopped it."""
    if rule is None:
        return {}
    return {_key(r): r for r in [*rule.satisfied_by, *([rule.why_not] if rule.why_not else [])]}


def _value(reading: Reading) -> Any:
    return reading.value if reading.known else None


def case_facts(case: CaseFacts, decision: Decision) -> dict[str, Frame]:
    """The case's frames as the decision's evaluation built them (same instant, same readings), by subject."""
    readings = Interpretations(**{use.name: use.value for use in decision.interpretations})  # type: ignore[arg-type]
    return {frame.id: frame for frame in build_frames(case, decision.as_of, readings)}


@dataclass(frozen=True)
class FactValues:
    """What is known of the facts on one subject in one ruleset: what the decision shows rules
    read, and (when the case is given) the frame's facts, derived ones included; unknown is None."""

    shown: dict[str, Any]
    frame: Frame | None

    def has(self, fact: str) -> bool:
        return fact in self.shown or (self.frame is not None and not fact.startswith("conclusion:"))

    def value(self, fact: str) -> Any:
        if self.frame is not None and not fact.startswith("conclusion:"):
            return _frame_value(self.frame, fact)
        return self.shown.get(fact)


def fact_values(decision: Decision, ruleset: str, subject: str, frames: dict[str, Frame] | None = None) -> FactValues:
    """The facts known on one subject in one ruleset (see FactValues)."""
    seen: dict[str, Any] = {}
    for item in decision.conclusions:
        if item.subject != subject or item.ruleset != ruleset:
            continue
        for rule in [*item.established_by, *item.not_established_by]:
            for fact, reading in _readings(rule).items():
                seen[fact] = _value(reading)
        for fact in item.deciding_facts:
            seen.setdefault(fact, None)
    return FactValues(seen, (frames or {}).get(subject))


def _frame_value(frame: Frame, fact: str) -> Any:
    if fact.startswith("offences["):
        index, _, name = fact.partition("]: ")
        offences = frame.offences or []
        number = int(index.removeprefix("offences["))
        return offences[number].get(name) if number < len(offences) else None
    return frame.facts.get(fact)


def _fact_changes(old: RuleOutcome | None, new: RuleOutcome | None,
                  before: FactValues, after: FactValues) -> list[FactChange]:
    """The facts a changed rule reads whose values differ; else the conditions that stopped it."""
    read = {**_readings(old), **_readings(new)}
    changes = [FactChange(fact=fact, before=before.value(fact), after=after.value(fact), condition=read[fact].condition)
               for fact in sorted(read)
               if before.has(fact) and after.has(fact) and before.value(fact) != after.value(fact)]
    if changes:
        return changes
    stopped = [("before", old.why_not if old else None), ("after", new.why_not if new else None)]
    return [FactChange(fact=_key(r), before=_value(r) if side == "before" else None,
                       after=_value(r) if side == "after" else None,
                       read="before" if side == "before" else "after", condition=r.condition)
            for side, r in stopped if r is not None]


K = TypeVar("K")
T = TypeVar("T")


def _changed(before: Iterable[T], after: Iterable[T], key: Callable[[T], K], same: Callable[[T, T], bool],
             ) -> Iterator[tuple[K, T | None, T | None, T]]:
    """Items of two lists paired by key, in key order, where one side lacks it or they differ:
    (key, before, after, either one)."""
    first, second = {key(i): i for i in before}, {key(i): i for i in after}
    for k in sorted(set(first) | set(second)):  # type: ignore[type-var]
        a, b = first.get(k), second.get(k)
        if a is None or b is None or not same(a, b):
            yield k, a, b, (b or a)  # type: ignore[misc]


def _rules(old: ConclusionOutcome | None, new: ConclusionOutcome | None,
           facts: tuple[FactValues, FactValues]) -> list[RuleChange]:
    def rules(item: ConclusionOutcome | None) -> list[RuleOutcome]:
        return [] if item is None else [*item.established_by, *item.not_established_by]

    return [RuleChange(rule_id=ref.rule_id, citation=ref.citation, quote=ref.quote,
                       before=a.value if a else "absent", after=b.value if b else "absent",
                       facts=_fact_changes(a, b, *facts))
            for _, a, b, ref in _changed(rules(old), rules(new), lambda r: r.rule_id, lambda x, y: x.value == y.value)]


def _conclusions(old: Decision, new: Decision,
                 frames: tuple[dict[str, Frame], dict[str, Frame]] | None) -> list[ConclusionChange]:
    first, second = frames or ({}, {})
    out = []
    for _, a, b, ref in _changed(old.conclusions, new.conclusions, lambda c: (c.ruleset, c.conclusion, c.subject),
                                 lambda x, y: x.value == y.value):
        facts = (fact_values(old, ref.ruleset, ref.subject, first), fact_values(new, ref.ruleset, ref.subject, second))
        out.append(ConclusionChange(ruleset=ref.ruleset, conclusion=ref.conclusion, subject=ref.subject,
                                    title=ref.title, before=a.value if a else None, after=b.value if b else None,
                                    rules=_rules(a, b, facts)))
    return out


def _deadlines(old: Decision, new: Decision) -> list[DeadlineChange]:
    def same(x: DeadlineOutcome, y: DeadlineOutcome) -> bool:
        return (x.due, x.status, x.met_at) == (y.due, y.status, y.met_at)

    return [DeadlineChange(
        ruleset=ref.ruleset, rule_id=ref.rule_id, duty=ref.duty, subject=ref.subject, title=ref.title,
        citation=ref.citation, due_before=a.due if a else None, due_after=b.due if b else None,
        status_before=a.status if a else None, status_after=b.status if b else None,
        status_text_before=a.status_text if a else None, status_text_after=b.status_text if b else None,
        holiday_rule_after=b.holiday_rule if b else None)
        for _, a, b, ref in _changed(old.deadlines, new.deadlines, lambda o: (o.rule_id, o.duty, o.subject), same)]


def _violations(old: Decision, new: Decision) -> list[ViolationChange]:
    def key(v: Violation) -> tuple[str, str, str]:
        return (v.rule_id, v.duty, v.subject)

    before = {key(v): v for v in old.violations}
    after = {key(v): v for v in new.violations}
    changed = [k for k in sorted(set(before) & set(after))
               if (before[k].due, before[k].late_by_seconds) != (after[k].due, after[k].late_by_seconds)]
    return ([ViolationChange(change="went_away", violation=before[k]) for k in sorted(set(before) - set(after))]
            + [ViolationChange(change="appeared", violation=after[k]) for k in sorted(set(after) - set(before))]
            + [ViolationChange(change="changed", violation=after[k]) for k in changed])


def compare(old: Decision, new: Decision, before: str, after: str, changes: list[str] | None = None,
            cases: tuple[CaseFacts, CaseFacts] | None = None) -> DecisionDiff:
    """The difference between two decisions (`before` and `after` say what each is of).

    Given the two cases, the facts behind a flipped rule are read from the cases' frames, so a
    fact the decision did not show (a rule stops at its first unknown) is still compared.
    """
    frames = None if cases is None else (case_facts(cases[0], old), case_facts(cases[1], new))
    return DecisionDiff(before=before, after=after, changes=changes or [],
                        conclusions=_conclusions(old, new, frames), deadlines=_deadlines(old, new),
                        violations=_violations(old, new))
