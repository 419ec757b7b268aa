"""Sweeping one fact across a range: how chosen answers change, and where each change happens.

Every point is the case with the swept fact (and any `--set`) put in and
validated as a file would be, then evaluated. The answers shown are the
conclusions and deadlines named with `--show`, or else every one that changes
somewhere in the range. A point where an answer differs from the point before
is a change point: the legal boundary lies between the two, and the difference
says which rule and which fact moved it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..case.instants import LOCAL_ZONE
from ..case.model import CaseFacts
from ..decision.model import Decision
from ..errors import InputError
from .compare import ConclusionChange, DeadlineChange, compare
from .overrides import Override, validate_with_overrides
from .ranges import Sweep

Evaluate = Callable[[CaseFacts], Decision]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SweepPoint(_Out):
    """The answers at one value of the swept fact."""

    value: Any
    answers: dict[str, str]
    changed: list[str] = Field(default_factory=list, description="Answers that differ from the point before.")
    moved: list[DeadlineChange] = Field(
        default_factory=list, description="At a change point: the deadlines that changed, old and new due time.")
    because: list[ConclusionChange] = Field(
        default_factory=list, description="At a change point: the flipped conclusions, with rules and facts.")


class SweepResult(_Out):
    """A swept fact, the answers shown, and each point's answers."""

    case: str
    vary: str
    answers: list[str]
    points: list[SweepPoint]

    @property
    def change_points(self) -> list[SweepPoint]:
        return [p for p in self.points if p.changed]


def _due(moment: datetime) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%m-%d %H:%M")


@dataclass(frozen=True)
class Answer:
    """One answer at one point: what is shown, and what a change is judged on."""

    shown: str
    value: str
    due: datetime | None = None
    anchor_at: datetime | None = None


_ABSENT = Answer("-", "-")


def answers_of(decision: Decision) -> dict[str, Answer]:
    """Every answer a sweep can show, by label: `ruleset:conclusion@subject` and `rule_id:duty@subject`."""
    out = {f"{c.ruleset}:{c.conclusion}@{c.subject}": Answer(c.value, c.value) for c in decision.conclusions}
    for d in decision.deadlines:
        out[f"{d.rule_id}:{d.duty}@{d.subject}"] = Answer(f"{_due(d.due)} {d.status}", d.status, d.due, d.anchor_at)
    return out


def changed(before: Answer, after: Answer) -> bool:
    """Whether an answer changed between two points.

    A conclusion changes when its value does. A deadline changes when its status does, or when
    its due time moves other than with its anchor: a 24-hour clock started an hour later ends an
    hour later and has not changed; a day-counted one whose start crosses midnight, or whose last
    day lands on a holiday, has.
    """
    if before.value != after.value:
        return True
    if before.due is None or after.due is None or before.anchor_at is None or after.anchor_at is None:
        return False
    return before.due != after.due and (before.due - before.anchor_at) != (after.due - after.anchor_at)


def _chosen(labels: Sequence[str], show: Sequence[str]) -> list[str]:
    """The labels that one of the `--show` names picks: a conclusion, rule id or duty, optionally @subject."""
    picked: list[str] = []
    for name in show:
        wanted, _, subject = name.partition("@")
        found = [label for label in labels
                 if wanted in _names(label) and (not subject or label.endswith("@" + subject))]
        if not found:
            raise InputError(f"--show {name}: received a name no answer in the sweep has; expected a conclusion "
                             "(recording_required), a deadline's rule id or duty, optionally @subject")
        picked += [label for label in found if label not in picked]
    return picked


def _names(label: str) -> set[str]:
    head = label.rsplit("@", 1)[0]
    first, _, second = head.partition(":")
    return {head, first, second}


def run_sweep(document: dict[str, Any], source: str, sweep: Sweep, evaluate: Evaluate,
              overrides: Sequence[Override] = (), show: Sequence[str] = ()) -> SweepResult:
    """Evaluate the case at every value of the sweep and mark where the chosen answers change."""
    cases = [validate_with_overrides(document, source, [*overrides, Override(sweep.path, value, f"{sweep.path.text}={value}")])
             for value in sweep.values]  # every point validated before any is evaluated
    decisions = [evaluate(case) for case in cases]
    seen = [answers_of(d) for d in decisions]
    labels = sorted({label for answers in seen for label in answers})
    pairs = list(zip(seen, seen[1:]))
    shown = _chosen(labels, show) if show else [
        label for label in labels if any(changed(a.get(label, _ABSENT), b.get(label, _ABSENT)) for a, b in pairs)]
    points = []
    for number, (value, answers) in enumerate(zip(sweep.values, seen, strict=True)):
        row = {label: answers.get(label, _ABSENT).shown for label in shown}
        moved: list[str] = []
        because: list[ConclusionChange] = []
        deadlines: list[DeadlineChange] = []
        if number:
            before = seen[number - 1]
            moved = [label for label in shown if changed(before.get(label, _ABSENT), answers.get(label, _ABSENT))]
            if moved:
                diff = compare(decisions[number - 1], decisions[number], "", "", cases=(cases[number - 1], cases[number]))
                because = [c for c in diff.conclusions if f"{c.ruleset}:{c.conclusion}@{c.subject}" in moved]
                deadlines = [d for d in diff.deadlines if f"{d.rule_id}:{d.duty}@{d.subject}" in moved]
        points.append(SweepPoint(value=value, answers=row, changed=moved, because=because, moved=deadlines))
    return SweepResult(case=source, vary=sweep.text, answers=shown, points=points)
