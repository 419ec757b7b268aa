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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..case.model import CaseFacts, Extension
from .case_index import CaseIndex
from ..ruleformat.catalog import Value
from ..ruleformat.compiled import CompiledDeadline, CompiledExtension, CompiledRuleset, PeriodSpec
from ..decision.deadlines import DeadlineNotStarted, DeadlineOutcome, ExtensionUse
from ..decision.model import SubjectNotCovered
from ..decision.output import made
from ..legaltime.holidays import HolidayCalendar
from ..case.instants import local
from ..interpretations import Interpretations
from ..legaltime.periods import Expiry, Period, compute_chain
from ..legaltime.wording import duration_text, format_instant
from ..decision.tristate import tri_name
from .clocks import ClockStart, clock_starts, concerns
from .deadline_exceptions import find_exception, judge

Facts = dict[str, Value]


@dataclass
class DeadlineResults:
    """What one ruleset's deadlines give for a case."""

    outcomes: list[DeadlineOutcome] = field(default_factory=list)
    not_started: list[DeadlineNotStarted] = field(default_factory=list)
    not_applied: list[SubjectNotCovered] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _period(spec: PeriodSpec) -> Period:
    return Period(spec[0], spec[1])  # type: ignore[arg-type]


def _met(deadline: CompiledDeadline, anchor: ClockStart, case: CaseIndex) -> tuple[datetime, str] | None:
    """The earliest thing in the case, at or after the anchor, that meets the duty."""
    found: list[tuple[datetime, str]] = []
    for met in deadline.spec.met_by:
        if met.event is not None:
            found += [(e.at, f"events[{i}] ({e.kind})") for i, e in case.events_for(met.event, anchor.measure)
                      if e.at is not None and e.at >= anchor.at and concerns(e, anchor)]
        if met.measure_end and anchor.measure is not None and anchor.measure.end is not None:
            found.append((anchor.measure.end, f"{anchor.measure_path}.end"))
        if met.interrogation:
            # An inquiry of a victim or witness is not an interrogation of the suspect (the index keeps only those).
            first = case.first_interrogation_from(anchor.at)
            if first is not None:
                found.append((first[0], f"interrogations[{first[1]}].start"))
    return min(found, key=lambda pair: pair[0]) if found else None


def _added(option: CompiledExtension, case_item: Extension | None, anchor: ClockStart, notes: list[str] | None,
           ) -> Period:
    """An `adds` option's period, no longer than the case's approved `days` (noted when the case asks more)."""
    assert option.adds is not None
    adds = _period(option.adds)
    if case_item is not None and case_item.days is not None and adds.unit == "days":
        if case_item.days > adds.amount and notes is not None:
            notes.append(f"{anchor.subject}: the {option.option.basis} extension of {case_item.days} days "
                         f"exceeds the {adds.amount} days {option.citation} allows; {adds.amount} are used")
        adds = Period(min(case_item.days, adds.amount), "days")
    return adds


def _approved_periods(deadline: CompiledDeadline, anchor: ClockStart, base: Period,
                      options: Sequence[CompiledExtension], notes: list[str]) -> tuple[Period, ...]:
    """The periods the approved ones of `options` make from `base`.

    `adds` options chain in the order listed; one whose `after` extension is not approved
    is not applied. An approved `total` (延长至, "to N days") is the whole period: other
    approved extensions fall within it, and the decision warns that they add nothing.
    """
    granted = _granted(anchor)
    approved_adds: list[tuple[str, Period]] = []
    total: tuple[str, Period] | None = None
    for option in options:
        case_item = granted.get(option.option.basis, (0, None))[1]
        if case_item is None or not case_item.approved:
            continue
        if option.total is not None:
            total = (option.citation, _period(option.total))
            continue
        after = option.option.after
        if after is not None and after not in {basis for basis, _ in approved_adds}:
            notes.append(f"{anchor.subject}: {deadline.id} {deadline.spec.duty}: the {option.option.basis} "
                         f"extension ({option.citation}) runs on only after the {after} extension, which the "
                         "case does not record approved; it is not applied")
        else:
            approved_adds.append((option.option.basis, _added(option, case_item, anchor, None)))
    if total is None:
        return (base, *(period for _, period in approved_adds))
    if approved_adds:
        within = ", ".join(basis for basis, _ in approved_adds)
        notes.append(f"{anchor.subject}: {deadline.id} {deadline.spec.duty}: the approved {within} extension falls "
                     f"within the {total[1].describe()} in all that {total[0]} allows (延长至: to that total), so "
                     f"the period is {total[1].describe()} from the anchor, not more")
    return (total[1],)


def _granted(anchor: ClockStart) -> dict[str, tuple[int, Extension]]:
    """The anchoring measure's extensions by basis, with their positions."""
    extensions = anchor.measure.extensions if anchor.measure is not None else None
    return {e.basis: (index, e) for index, e in enumerate(extensions or [])}


def _extensions(deadline: CompiledDeadline, anchor: ClockStart, base: Period, calendar: HolidayCalendar,
                readings: Interpretations, travel: timedelta,
                ) -> tuple[list[ExtensionUse], tuple[Period, ...], list[str]]:
    """Each extension option with its due time (as if it and the `adds` before it applied), and the
    periods the approved ones make (`_approved_periods`)."""
    granted = _granted(anchor)
    uses: list[ExtensionUse] = []
    notes: list[str] = []
    chain: list[Period] = [base]
    for option in deadline.extensions:
        case_item = granted.get(option.option.basis, (0, None))[1]
        if option.total is not None:
            periods: tuple[Period, ...] = (_period(option.total),)
        else:
            chain.append(_added(option, case_item, anchor, notes))
            periods = tuple(chain)
        expiry = compute_chain(anchor.at, periods, custody=deadline.spec.custody, calendar=calendar,
                               travel=travel, hour_reading=readings.hour_reading,
                               holidays_before_2013=readings.holidays_before_2013)
        uses.append(made(ExtensionUse,
            basis=option.option.basis, title=option.option.title, citation=option.citation,
            quote=option.option.quote.strip(), approved=None if case_item is None else case_item.approved,
            due=_shown(expiry.due), steps=list(expiry.steps),
        ))
    return uses, _approved_periods(deadline, anchor, base, deadline.extensions, notes), notes


def _shown(moment: datetime) -> datetime:
    """A due instant as the decision states it: local time, whole seconds (23:59:59 ends a day)."""
    return local(moment).replace(microsecond=0)


def _status(due: datetime, met: tuple[datetime, str] | None, as_of: datetime, known_not_done: bool,
            ) -> tuple[str, str, int | None, int | None]:
    """(status, text, late_by_seconds, time_left_seconds) against the exact due instant.

    A due time passed with nothing in the case that meets it is `missed` only when the
    case is known not to record it done (its record is complete, or it records the duty
    done after `as_of`); otherwise the record is silent and the status is `not_recorded`.
    """
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
    if known_not_done:
        return ("missed", f"missed: not done by the deadline; {duration_text(late)} overdue at {format_instant(as_of)}",
                int(late.total_seconds()), None)
    return ("not_recorded", f"not recorded: due {format_instant(due)}; the case does not record that it was done "
            "(a case whose record is complete says so with case.record_complete: true)", None, None)


def _outcome(deadline: CompiledDeadline, anchor: ClockStart, case: CaseIndex, facts: Facts, as_of: datetime,
             calendar: HolidayCalendar, readings: Interpretations, results: DeadlineResults) -> None:
    spec = deadline.spec
    applies, deciding = (True, []) if deadline.condition is None else judge(deadline.condition, facts)
    if applies is False:
        return
    if anchor.held is None:
        # held_in: the case does not show whether the suspect was held as the deadline requires.
        applies, deciding = None, sorted({*deciding, f"{anchor.subject}.measure"})
    travel = timedelta(hours=anchor.measure.travel_hours) \
        if anchor.measure is not None and anchor.measure.travel_hours else timedelta(0)
    if spec.before_expiry is not None:
        request = _request_outcome(deadline, anchor, case, as_of, calendar, readings, travel, (applies, deciding),
                                   results.warnings)
        if isinstance(request, DeadlineOutcome):
            results.outcomes.append(request)
        else:
            results.not_applied.append(request)
        return
    base_period = _period(deadline.period)
    extensions, approved, notes = _extensions(deadline, anchor, base_period, calendar, readings, travel)
    results.warnings += notes
    base = compute_chain(anchor.at, (base_period,), custody=spec.custody, calendar=calendar,
                         travel=travel, hour_reading=readings.hour_reading,
                         holidays_before_2013=readings.holidays_before_2013)
    final: Expiry = base if approved == (base_period,) else compute_chain(
        anchor.at, approved, custody=spec.custody, calendar=calendar, travel=travel,
        hour_reading=readings.hour_reading, holidays_before_2013=readings.holidays_before_2013)
    results.warnings += [w for w in final.warnings if w not in results.warnings]
    caveats = [f"this due time may be wrong: {w}" for w in final.warnings]
    met = _met(deadline, anchor, case)
    done_later = met is not None and met[0] > as_of
    if met is not None and done_later:
        # Judged as of `as_of`: what the case records after it had not happened yet.
        note = (f"{met[1]} at {format_instant(met[0])} is after as_of ({format_instant(as_of)}); "
                f"{deadline.id} ({spec.duty}, {anchor.subject}) is judged as not yet done")
        results.warnings.append(note)
        met = None
    status, text, late, left = _status(final.due, met, as_of, done_later or case.case.case.record_complete is True)
    exception_text, due, steps = None, final.due, list(final.steps)
    if applies is None and spec.judged_while_undetermined and anchor.held is not None:
        # The limit that applies unless the unknown facts select another (CPL Art. 119: 12 hours
        # unless the 24-hour case is shown): its status is shown, but a miss is not certain.
        unless = f"this limit applies unless {', '.join(deciding)} make the other limit apply"
        if status == "missed":
            status, text, late = "undetermined", f"undetermined: {text} under this limit; {unless}", None
        else:
            text = f"{text} ({unless})"
    elif applies is None:
        status, text = "undetermined", f"undetermined: applies if {', '.join(deciding)} say so"
        late = left = None
    else:
        found = find_exception(deadline, anchor, case, facts, final.due, results.warnings)
        if found is not None:
            kind, exception_text, deciding, resumed_at = found.kind, found.text, found.deciding_facts, found.resumed_at
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
    results.outcomes.append(made(DeadlineOutcome,
        ruleset=deadline.ruleset, rule_id=deadline.id, duty=spec.duty, title=spec.title,
        citation=deadline.citation, quote=spec.quote.strip(), summary=spec.summary.strip(),
        subject=anchor.subject, anchor=anchor.text, anchor_at=local(anchor.at),
        period=_describe(final.periods), custody=spec.custody, applies=tri_name(applies),
        deciding_facts=deciding, base_due=_shown(base.due), due=_shown(due),
        holiday_rule=final.rule_applied, steps=steps,
        hour_reading=final.hour_reading,
        alternative_due=None if final.alternative_due is None else _shown(final.alternative_due),
        extensions=extensions, status=status, status_text=text,
        met_at=None if met is None else local(met[0]), met_by=None if met is None else met[1],
        late_by_seconds=late, time_left_seconds=left, exception=exception_text,
        if_missed=spec.if_missed, if_missed_zh=spec.if_missed_zh, interpretation=spec.interpretation,
        interpretation_zh=spec.interpretation_zh, caveats=caveats,
    ))


def _request_outcome(deadline: CompiledDeadline, anchor: ClockStart, case: CaseIndex, as_of: datetime,
                     calendar: HolidayCalendar, readings: Interpretations, travel: timedelta,
                     applies: tuple[bool | None, list[str]], warnings: list[str],
                     ) -> DeadlineOutcome | SubjectNotCovered:
    """A request for an extension, due a lead time before the period it would extend expires (before_expiry)."""
    spec, before, lead = deadline.spec, deadline.spec.before_expiry, deadline.lead
    assert before is not None and lead is not None and anchor.measure is not None
    # The period it would extend: the base and the approved extensions listed before it; one
    # whose approval the case leaves unknown makes the due time unknown.
    position = next(i for i, o in enumerate(deadline.extensions) if o.option.basis == before.extension)
    granted = _granted(anchor)
    unknown = {b: f"{anchor.measure_path}.extensions[{i}].approved" for b, (i, e) in granted.items()
               if e.approved is None and b in {o.option.basis for o in deadline.extensions[:position]}}
    periods = _approved_periods(deadline, anchor, _period(deadline.period), deadline.extensions[:position], [])
    after = deadline.extensions[position].option.after
    if after is not None and after not in unknown and not (after in granted and granted[after][1].approved):
        return made(SubjectNotCovered,
            subject=f"{anchor.subject} ({deadline.id} {spec.duty})",
            reason=f"the {before.extension} extension runs on only after the {after} extension, which the case does "
                   "not record approved; no request for it is due")
    expiry = compute_chain(anchor.at, periods, custody=spec.custody, calendar=calendar, travel=travel,
                           hour_reading=readings.hour_reading, holidays_before_2013=readings.holidays_before_2013)
    days = lead[0] + (1 if readings.days_before_expiry == "before_nth_day" else 0)
    due = _shown(expiry.due - timedelta(days=days))
    index, requested = granted[before.extension]
    steps = [*expiry.steps, f"the {before.extension} extension is requested {lead[0]} days before that expiry "
             f"(在期限届满{lead[0]}日前; days_before_expiry '{readings.days_before_expiry}'): due "
             f"{format_instant(due)}"]
    met = None if requested.requested_at is None else (
        requested.requested_at, f"{anchor.measure_path}.extensions[{index}].requested_at")
    done_later = met is not None and met[0] > as_of
    if met is not None and done_later:
        warnings.append(f"{met[1]} at {format_instant(met[0])} is after as_of ({format_instant(as_of)}); "
                        f"{deadline.id} ({spec.duty}, {anchor.subject}) is judged as not yet done")
        met = None
    status, text, late, left = _status(due, met, as_of, done_later or case.case.case.record_complete is True)
    holds, deciding = applies
    if holds is None or unknown:
        holds, deciding = None, sorted({*deciding, *unknown.values()})
        status, text, late, left = "undetermined", f"undetermined: the due time depends on {', '.join(deciding)}", None, None
    return made(DeadlineOutcome,
        ruleset=deadline.ruleset, rule_id=deadline.id, duty=spec.duty, title=spec.title,
        citation=deadline.citation, quote=spec.quote.strip(), summary=spec.summary.strip(),
        subject=anchor.subject, anchor=anchor.text, anchor_at=local(anchor.at),
        period=f"{_describe(periods)}, less {lead[0]} days", custody=spec.custody, applies=tri_name(holds),
        deciding_facts=deciding, base_due=due, due=due, holiday_rule=expiry.rule_applied, steps=steps,
        status=status, status_text=text,
        met_at=None if met is None else local(met[0]), met_by=None if met is None else met[1],
        late_by_seconds=late, time_left_seconds=left, if_missed=spec.if_missed, if_missed_zh=spec.if_missed_zh,
        interpretation=spec.interpretation, interpretation_zh=spec.interpretation_zh, caveats=[f"this due time may be wrong: {w}" for w in expiry.warnings],
    )


def _describe(periods: tuple[Period, ...]) -> str:
    first, *rest = periods
    return first.describe() + "".join(f" + {p.describe()} (extension)" for p in rest)


# Built once per deadline and missing anchor (the text names the anchor, never the case's data):
# a case in bulk work starts few of the hundred-odd clocks, and these models are frozen.
# Keyed by every field, so rulesets loaded from elsewhere (same ids, other words) never share one.
_NOT_STARTED: dict[tuple[str, str, str, str, str], DeadlineNotStarted] = {}


def _not_started(ruleset_id: str, deadline: CompiledDeadline, missing: str) -> DeadlineNotStarted:
    key = (ruleset_id, deadline.id, deadline.spec.duty, deadline.spec.title, missing)
    found = _NOT_STARTED.get(key)
    if found is None:
        found = _NOT_STARTED[key] = made(DeadlineNotStarted,
            ruleset=ruleset_id, rule_id=deadline.id, duty=deadline.spec.duty,
            title=deadline.spec.title, missing=missing)
    return found


def _starting_kinds(deadline: CompiledDeadline) -> tuple[frozenset[str], frozenset[str]]:
    """The measure kinds and event kinds `clock_starts` reads for this deadline: with none of them in a
    case it finds no start, and what it says is missing depends on the deadline alone."""
    anchor = deadline.spec.anchor
    if anchor.joined is not None or anchor.event is None:
        assert anchor.measure is not None  # the schema requires an event or a measure
        return frozenset((anchor.measure, *(anchor.joined_kinds if anchor.joined is not None else ()))), frozenset()
    return frozenset(anchor.or_start_of), frozenset((anchor.event,))


# Per ruleset (by identity, the object held): each deadline with its starting kinds and, once
# found, its not-started entry. Most of a ruleset's clocks are started by kinds a case does not hold.
_Starters = list[tuple[CompiledDeadline, frozenset[str], frozenset[str], list[DeadlineNotStarted]]]
_STARTERS: dict[int, tuple[CompiledRuleset, _Starters]] = {}


def _starters(ruleset: CompiledRuleset) -> _Starters:
    found = _STARTERS.get(id(ruleset))
    if found is None or found[0] is not ruleset:
        found = _STARTERS[id(ruleset)] = (ruleset, [(d, *_starting_kinds(d), []) for d in ruleset.deadlines])
    return found[1]


def evaluate_deadlines(ruleset: CompiledRuleset, case: CaseFacts, facts: Facts, as_of: datetime,
                       calendar: HolidayCalendar, readings: Interpretations,
                       index: CaseIndex | None = None) -> DeadlineResults:
    """Every deadline of `ruleset` on every anchor in `case`, judged at `as_of` (`index`: the case's, if built)."""
    results = DeadlineResults()
    index = index or CaseIndex.of(case)
    ruleset_id, measure_kinds, event_kinds, not_started = ruleset.id, index.measure_kinds, index.event_kinds, \
        results.not_started
    for deadline, measures, events, idle in _starters(ruleset):
        if measures.isdisjoint(measure_kinds) and events.isdisjoint(event_kinds):
            # Nothing in the case can start this clock: what is missing says so, the same each time.
            if not idle:
                idle.append(_not_started(ruleset_id, deadline, clock_starts(deadline, index)[1]))
            not_started.append(idle[0])
            continue
        anchors, missing = clock_starts(deadline, index)
        if not anchors:
            not_started.append(_not_started(ruleset_id, deadline, missing))
            continue
        for anchor in anchors:
            day = local(anchor.at).date()
            if not ruleset.in_force_on(day):
                results.not_applied.append(made(SubjectNotCovered,
                    subject=f"{anchor.subject} ({deadline.id} {deadline.spec.duty})",
                    reason=f"{anchor.text} on {day.isoformat()}, when {ruleset.id} was not in force "
                           f"({ruleset.window_text()})"))
                continue
            if anchor.held is False:
                results.not_applied.append(made(SubjectNotCovered,
                    subject=f"{anchor.subject} ({deadline.id} {deadline.spec.duty})",
                    reason=f"{deadline.id} times only an {anchor.text.split(' ')[-1].strip('()')} while the suspect "
                           f"is held in {deadline.spec.anchor.held_in}: {anchor.held_text}"
                           + (f"; {deadline.spec.otherwise.strip()}" if deadline.spec.otherwise else "")))
                continue
            _outcome(deadline, anchor, index, facts, as_of, calendar, readings, results)
    return results
