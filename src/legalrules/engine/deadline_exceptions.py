"""Exceptions to a deadline, judged in time and for their measure.

An exception event excuses a duty only if it concerns that clock (it names the anchor's
measure, or names none in a case where no other measure could be meant) and arose by the
duty's due time: CPL Art. 85 para. 2 excuses the 24-hour notice where notice is
impossible, not a notice already missed when the obstacle is recorded days later. An
exception event with no time cannot be placed, so it leaves the duty undetermined.

Which measure an exception event concerns must be said when the case has several
measures it could concern: `unattached_exceptions` lists those events as input problems
naming the candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..case.model import CaseFacts
from ..decision.tristate import Tri
from ..errors import Problem
from ..legaltime.wording import format_instant
from ..ruleformat.catalog import Value
from ..ruleformat.compiled import CompiledDeadline, CompiledRuleset
from ..ruleformat.conditions import Condition
from .case_index import CaseIndex
from .clocks import ClockStart, concerns
from .explain import trace
from .native import compile_check

Facts = dict[str, Value]


@dataclass(frozen=True)
class ExceptionFound:
    """The exception that bears on a clock: excepted, resumed (due again at once) or undetermined."""

    kind: str
    text: str
    deciding_facts: list[str]
    resumed_at: datetime | None = None


def judge(condition: Condition, facts: Facts) -> tuple[Tri, list[str]]:
    """A case-scope condition's value, and the unknown facts that would decide it."""
    check = compile_check(condition)
    value = check(facts, None, {}, {"case": "case"})
    if value is not None:
        return value, []
    found = trace(condition, facts, None, {}, {"case": "case"}, compile_check)
    return None, sorted(found.unknown_facts)


def _first(case: CaseIndex, kind: str | None, clock: ClockStart, since: datetime | None = None,
           ) -> tuple[datetime | None, str | None]:
    """The first event of `kind` concerning the clock (at or after `since`, if given)."""
    if kind is None:
        return None, None
    for index, event in case.events_for(kind, clock.measure):
        if concerns(event, clock) and (since is None or (event.at or since) >= since):
            return event.at, f"events[{index}] ({kind})"
    return None, None


def _timed_event(case: CaseIndex, kind: str, clock: ClockStart, due: datetime,
                 notes: list[str], label: str) -> tuple[str, datetime | None] | None:
    """The exception event that arose by `due` (or one with no time), noting those that came too late."""
    untimed = None
    for index, event in case.events_for(kind, clock.measure):
        if not concerns(event, clock):
            continue
        what = f"events[{index}] ({kind})"
        if event.at is None:
            untimed = untimed or (what, None)
        elif event.at <= due:
            return what, event.at
        else:
            notes.append(f"{what} at {format_instant(event.at)} arose after {label} was due "
                         f"({format_instant(due)}): it does not excuse it")
    return untimed


def find_exception(deadline: CompiledDeadline, clock: ClockStart, case: CaseIndex, facts: Facts,
                   due: datetime, notes: list[str]) -> ExceptionFound | None:
    """The exception that applies to this clock by its due time, if any."""
    label = f"{deadline.id} {deadline.spec.duty} on {clock.subject}"
    for exception in deadline.exceptions:
        spec = exception.spec
        what: str | None = None
        arose: datetime | None = None
        if spec.event is not None:
            event = _timed_event(case, spec.event, clock, due, notes, label)
            if event is None:
                continue
            what, arose = event
        value, deciding = (True, []) if exception.condition is None else judge(exception.condition, facts)
        if value is False:
            continue
        basis = f"{exception.citation}: {spec.title}" + (f" ({what})" if what else "")
        if what is not None and arose is None:
            return ExceptionFound("undetermined", f"undetermined: the exception {basis} applies only if it arose "
                                  f"by the due time, and {what.split(' ')[0]} gives no time", [f"{what.split(' ')[0]}.at"])
        if value is None:
            return ExceptionFound("undetermined", f"undetermined: the exception {basis} applies if "
                                  f"{', '.join(deciding)} say so", deciding)
        resumed_at, resumed_by = _first(case, spec.resumes_on, clock, since=arose)
        if resumed_at is not None:
            return ExceptionFound("resumed", f"{basis}; it ended with {resumed_by} at {format_instant(resumed_at)}, "
                                  "so the duty is due immediately from then", [], resumed_at)
        waiting = f"; the duty returns when {spec.resumes_on} happens" if spec.resumes_on else ""
        return ExceptionFound("excepted", f"excepted: {basis}{waiting}", [])
    return None


def unattached_exceptions(rulesets: Sequence[CompiledRuleset], case: CaseFacts) -> list[Problem]:
    """Exception events naming no measure where several measures could be the one they excuse."""
    kinds: dict[str, set[str]] = {}
    for ruleset in rulesets:
        for deadline in ruleset.deadlines:
            measure = deadline.spec.anchor.measure
            for exception in deadline.exceptions:
                for kind in (exception.spec.event, exception.spec.resumes_on):
                    if kind is not None and measure is not None:
                        kinds.setdefault(kind, set()).add(measure)
    problems = []
    for index, event in enumerate(case.events):
        if event.measure is not None or event.kind not in kinds:
            continue
        candidates = [m.id or f"measures[{i}] (give it an id)" for i, m in enumerate(case.measures)
                      if m.kind in kinds[event.kind]]
        if len(candidates) > 1:
            problems.append(Problem(
                f"events[{index}].measure",
                f"nothing: the {event.kind} event names no measure, and the case has {len(candidates)} it could excuse",
                f"the id of the measure it concerns, one of: {', '.join(candidates)}"))
    return problems
