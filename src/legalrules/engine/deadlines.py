"""Deadlines of a case: each deadline rule on each anchor the case gives, computed and judged.

For every deadline rule of a ruleset, every measure or event of the anchor's kind
starts a clock (an anchor may also ask for an event naming a measure of a kind, or
for measures one organ decided). The period runs through the legal-time module
(`legaltime.periods`), so the due time and every step of its computation follow CPL Art. 105 and SPC
Interpretation 2021 Art. 202. The case's later events then say whether the duty
was met in time, missed (by how long), or is still pending at `as_of`. A rule the
case gives no anchor for is reported as not started, with what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..case.model import CaseFacts, Event, Measure
from .case_index import CaseIndex
from ..ruleformat.catalog import Value
from ..ruleformat.compiled import CompiledDeadline, CompiledRuleset, PeriodSpec
from ..ruleformat.schema import Anchor
from ..ruleformat.conditions import Condition
from ..decision.deadlines import DeadlineNotStarted, DeadlineOutcome, ExtensionUse
from ..decision.model import SubjectNotCovered
from .explain import trace
from ..legaltime.holidays import HolidayCalendar
from ..case.instants import local
from ..interpretations import Interpretations
from .native import compile_check
from ..legaltime.periods import Expiry, Period, compute_chain
from ..legaltime.wording import duration_text, format_instant
from ..decision.tristate import Tri, tri_name

Facts = dict[str, Value]


@dataclass(frozen=True)
class _Anchor:
    """One start of a clock: the case item, its instant, and the measure it concerns."""

    subject: str
    text: str
    at: datetime
    measure: Measure | None
    measure_path: str | None
    interrogation: str | None = None


@dataclass
class DeadlineResults:
    """What one ruleset's deadlines give for a case."""

    outcomes: list[DeadlineOutcome] = field(default_factory=list)
    not_started: list[DeadlineNotStarted] = field(default_factory=list)
    not_applied: list[SubjectNotCovered] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _period(spec: PeriodSpec) -> Period:
    return Period(spec[0], spec[1])  # type: ignore[arg-type]


def _measure_fits(anchor: Anchor, measure: Measure | None) -> bool:
    """Whether a measure is of the anchor's kind and, if the anchor says, decided by its organ."""
    return measure is not None and measure.kind == anchor.measure and (
        anchor.decided_by is None or measure.decided_by == anchor.decided_by)


def _anchors(deadline: CompiledDeadline, case: CaseIndex) -> tuple[list[_Anchor], str]:
    """The case items that start this deadline's clock, and what is missing if none does."""
    anchor = deadline.spec.anchor
    found: list[_Anchor] = []
    by = f" decided by the {anchor.decided_by.replace('_', ' ')}" if anchor.decided_by else ""
    if anchor.event is None:
        assert anchor.measure is not None  # the schema requires an event or a measure
        of_kind = [m for _, m in case.measures_of(anchor.measure)]
        for index, measure in case.measures_of(anchor.measure):
            if _measure_fits(anchor, measure) and measure.start is not None:
                found.append(_Anchor(f"measures[{index}]", f"measures[{index}] ({measure.kind}) started",
                                     measure.start, measure, f"measures[{index}]"))
        undated = any(_measure_fits(anchor, m) and m.start is None for m in of_kind)
        missing = (f"the {anchor.measure} measure{by} in measures[] has no start time" if undated
                   else f"no {anchor.measure} measure{by} with a start time in measures[]")
        if not undated and by and of_kind:
            missing += f" (a measure's decided_by must say it was decided by the {anchor.decided_by})"
        return found, missing
    for index, event in case.events_of(anchor.event):
        if event.at is not None:
            concerned = case.measure(event.measure)
            if anchor.measure is not None and not _measure_fits(anchor, None if concerned is None else concerned[1]):
                continue
            found.append(_Anchor(f"events[{index}]", f"events[{index}] ({event.kind})", event.at,
                                 None if concerned is None else concerned[1],
                                 None if concerned is None else f"measures[{concerned[0]}]", event.interrogation))
    if anchor.measure is not None:
        return found, (f"no {anchor.event} event with a time in events[] naming (by `measure`) "
                       f"{'an' if anchor.measure[0] in 'aeiou' else 'a'} {anchor.measure} measure{by}")
    return found, f"no {anchor.event} event with a time in events[]"


def _concerns(event: Event, anchor: _Anchor) -> bool:
    """An event naming a measure (or an interrogation) counts only for an anchor of that one; naming none, for any."""
    measure_ok = event.measure is None or anchor.measure is None or anchor.measure.id in (None, event.measure)
    return measure_ok and (event.interrogation is None or anchor.interrogation in (None, event.interrogation))


def _met(deadline: CompiledDeadline, anchor: _Anchor, case: CaseIndex) -> tuple[datetime, str] | None:
    """The earliest thing in the case, at or after the anchor, that meets the duty."""
    found: list[tuple[datetime, str]] = []
    for met in deadline.spec.met_by:
        if met.event is not None:
            found += [(e.at, f"events[{i}] ({e.kind})") for i, e in case.events_for(met.event, anchor.measure)
                      if e.at is not None and e.at >= anchor.at and _concerns(e, anchor)]
        if met.measure_end and anchor.measure is not None and anchor.measure.end is not None:
            found.append((anchor.measure.end, f"{anchor.measure_path}.end"))
        if met.interrogation:
            # An inquiry of a victim or witness is not an interrogation of the suspect (the index keeps only those).
            first = case.first_interrogation_from(anchor.at)
            if first is not None:
                found.append((first[0], f"interrogations[{first[1]}].start"))
    return min(found, key=lambda pair: pair[0]) if found else None


def _judge(condition: Condition, facts: Facts) -> tuple[Tri, list[str]]:
    """A case-scope condition's value, and the unknown facts that would decide it."""
    check = compile_check(condition)
    value = check(facts, None, {}, {"case": "case"})
    if value is not None:
        return value, []
    found = trace(condition, facts, None, {}, {"case": "case"}, compile_check)
    return None, sorted(found.unknown_facts)


def _event_at(case: CaseIndex, kind: str | None, anchor: _Anchor) -> tuple[datetime | None, str | None]:
    if kind is None:
        return None, None
    for index, event in case.events_for(kind, anchor.measure):
        if _concerns(event, anchor):
            return event.at, f"events[{index}] ({kind})"
    return None, None


def _extensions(deadline: CompiledDeadline, anchor: _Anchor, base: Period, calendar: HolidayCalendar,
                readings: Interpretations, travel: timedelta,
                ) -> tuple[list[ExtensionUse], tuple[Period, ...], list[str]]:
    """Each extension option with its due time, and the periods the approved ones make."""
    granted = {e.basis: e for e in (anchor.measure.extensions or [])} if anchor.measure is not None else {}
    uses, notes = [], []
    chain: list[Period] = [base]
    approved_chain: list[Period] = [base]
    for option in deadline.extensions:
        case_item = granted.get(option.option.basis)
        approved = None if case_item is None else case_item.approved
        if option.total is not None:
            periods: tuple[Period, ...] = (_period(option.total),)
            if approved:
                approved_chain[0] = periods[0]
        else:
            assert option.adds is not None
            adds = _period(option.adds)
            if case_item is not None and case_item.days is not None and adds.unit == "days":
                if case_item.days > adds.amount:
                    notes.append(f"{anchor.subject}: the {option.option.basis} extension of {case_item.days} days "
                                 f"exceeds the {adds.amount} days {option.citation} allows; {adds.amount} are used")
                adds = Period(min(case_item.days, adds.amount), "days")
            chain.append(adds)
            periods = tuple(chain)
            if approved:
                approved_chain.append(adds)
        expiry = compute_chain(anchor.at, periods, custody=deadline.spec.custody, calendar=calendar,
                               travel=travel, hour_reading=readings.hour_reading)
        uses.append(ExtensionUse(
            basis=option.option.basis, title=option.option.title, citation=option.citation,
            quote=option.option.quote.strip(), approved=approved, due=_shown(expiry.due), steps=list(expiry.steps),
        ))
    return uses, tuple(approved_chain), notes


def _shown(moment: datetime) -> datetime:
    """A due instant as the decision states it: local time, whole seconds (23:59:59 ends a day)."""
    return local(moment).replace(microsecond=0)


def _status(due: datetime, met: tuple[datetime, str] | None, as_of: datetime,
            ) -> tuple[str, str, int | None, int | None]:
    """(status, text, late_by_seconds, time_left_seconds) against the exact due instant."""
    if met is not None:
        at, what = met
        if at <= due:
            return "met", f"met: {what} at {format_instant(at)}, {duration_text(due - at)} before the deadline", None, None
        late = at - due
        return "missed", f"missed: {what} at {format_instant(at)}, {duration_text(late)} late", int(late.total_seconds()), None
    if as_of <= due:
        left = due - as_of
        return "pending", f"pending: {duration_text(left)} left at {format_instant(as_of)}", None, int(left.total_seconds())
    late = as_of - due
    return ("missed", f"missed: not done by the deadline; {duration_text(late)} overdue at {format_instant(as_of)}",
            int(late.total_seconds()), None)


def _exception(deadline: CompiledDeadline, anchor: _Anchor, case: CaseIndex, facts: Facts,
               ) -> tuple[str, str, list[str], datetime | None] | None:
    """The exception that applies, if any: (status, text, deciding facts, resumed at)."""
    for exception in deadline.exceptions:
        spec = exception.spec
        at, what = _event_at(case, spec.event, anchor)
        if spec.event is not None and what is None:
            continue
        value, deciding = (True, []) if exception.condition is None else _judge(exception.condition, facts)
        if value is False:
            continue
        basis = f"{exception.citation}: {spec.title}" + (f" ({what})" if what else "")
        if value is None:
            return "undetermined", f"undetermined: the exception {basis} applies if {', '.join(deciding)} say so", \
                deciding, None
        resumed_at, resumed_by = _event_at(case, spec.resumes_on, anchor)
        if resumed_at is not None:
            return "resumed", f"{basis}; it ended with {resumed_by} at {format_instant(resumed_at)}, " \
                "so the duty is due immediately from then", [], resumed_at
        waiting = f"; the duty returns when {spec.resumes_on} happens" if spec.resumes_on else ""
        return "excepted", f"excepted: {basis}{waiting}", [], None
    return None


def _outcome(deadline: CompiledDeadline, anchor: _Anchor, case: CaseIndex, facts: Facts, as_of: datetime,
             calendar: HolidayCalendar, readings: Interpretations, results: DeadlineResults) -> None:
    spec = deadline.spec
    applies, deciding = (True, []) if deadline.condition is None else _judge(deadline.condition, facts)
    if applies is False:
        return
    travel = timedelta(hours=anchor.measure.travel_hours) \
        if anchor.measure is not None and anchor.measure.travel_hours else timedelta(0)
    base_period = _period(deadline.period)
    extensions, approved, notes = _extensions(deadline, anchor, base_period, calendar, readings, travel)
    results.warnings += notes
    base = compute_chain(anchor.at, (base_period,), custody=spec.custody, calendar=calendar,
                         travel=travel, hour_reading=readings.hour_reading)
    final: Expiry = base if approved == (base_period,) else compute_chain(
        anchor.at, approved, custody=spec.custody, calendar=calendar, travel=travel,
        hour_reading=readings.hour_reading)
    results.warnings += [w for w in final.warnings if w not in results.warnings]
    met = _met(deadline, anchor, case)
    if met is not None and met[0] > as_of:
        # Judged as of `as_of`: what the case records after it had not happened yet.
        note = (f"{met[1]} at {format_instant(met[0])} is after as_of ({format_instant(as_of)}); "
                f"{deadline.id} ({spec.duty}, {anchor.subject}) is judged as not yet done")
        results.warnings.append(note)
        met = None
    status, text, late, left = _status(final.due, met, as_of)
    exception_text, due, steps = None, final.due, list(final.steps)
    if applies is None:
        status, text = "undetermined", f"undetermined: applies if {', '.join(deciding)} say so"
        late = left = None
    else:
        found = _exception(deadline, anchor, case, facts)
        if found is not None:
            kind, exception_text, deciding, resumed_at = found
            if kind == "resumed" and resumed_at is not None:
                status, text = ("met", f"met after the exception ended: {met[1]} at {format_instant(met[0])}") \
                    if met is not None and met[0] >= resumed_at else \
                    ("pending", f"due immediately: {exception_text}")
                late = left = None
                # The duty returns "immediately" when the obstacle ends: that instant is now the due time.
                due = resumed_at
                steps.append(f"the exception ended at {format_instant(resumed_at)}: the duty is due at once "
                             f"(base due time {format_instant(final.due)} no longer applies)")
            else:
                status, text, late, left = kind, exception_text, None, None
    results.outcomes.append(DeadlineOutcome(
        ruleset=deadline.ruleset, rule_id=deadline.id, duty=spec.duty, title=spec.title,
        citation=deadline.citation, quote=spec.quote.strip(), summary=spec.summary.strip(),
        subject=anchor.subject, anchor=anchor.text, anchor_at=local(anchor.at),
        period=_describe(final.periods), custody=spec.custody, applies=tri_name(applies),
        deciding_facts=deciding, base_due=_shown(base.due), due=_shown(due),
        holiday_rule=final.rule_applied, steps=steps,
        hour_reading=final.hour_reading,
        alternative_due=None if final.alternative_due is None else _shown(final.alternative_due),
        extensions=extensions, status=status, status_text=text,  # type: ignore[arg-type]
        met_at=None if met is None else local(met[0]), met_by=None if met is None else met[1],
        late_by_seconds=late, time_left_seconds=left, exception=exception_text,
        if_missed=spec.if_missed, interpretation=spec.interpretation,
    ))


def _describe(periods: tuple[Period, ...]) -> str:
    first, *rest = periods
    return first.describe() + "".join(f" + {p.describe()} (extension)" for p in rest)


def evaluate_deadlines(ruleset: CompiledRuleset, case: CaseFacts, facts: Facts, as_of: datetime,
                       calendar: HolidayCalendar, readings: Interpretations) -> DeadlineResults:
    """Every deadline of `ruleset` on every anchor in `case`, judged at `as_of`."""
    results = DeadlineResults()
    index = CaseIndex.of(case)
    for deadline in ruleset.deadlines:
        anchors, missing = _anchors(deadline, index)
        if not anchors:
            results.not_started.append(DeadlineNotStarted(
                ruleset=ruleset.id, rule_id=deadline.id, duty=deadline.spec.duty,
                title=deadline.spec.title, missing=missing))
            continue
        for anchor in anchors:
            day = local(anchor.at).date()
            if not ruleset.in_force_on(day):
                results.not_applied.append(SubjectNotCovered(
                    subject=f"{anchor.subject} ({deadline.id} {deadline.spec.duty})",
                    reason=f"{anchor.text} on {day.isoformat()}, when {ruleset.id} was not in force "
                           f"({ruleset.window_text()})"))
                continue
            _outcome(deadline, anchor, index, facts, as_of, calendar, readings, results)
    return results
