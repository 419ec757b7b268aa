"""The deadlines of a decision as an RFC 5545 calendar (.ics) to import into a calendar program.

One VEVENT per deadline outcome; none is skipped:

- The event is the last stretch before the deadline and ends exactly at the due
  instant (DTEND = `due`): an hour period's event starts one hour before, a day or
  month period's at 00:00 of its last day (the whole day the period gives).
- STATUS: an excepted deadline is CANCELLED (the law lifts the duty, but the event
  shows why); an undetermined one is TENTATIVE (it applies if the unknown facts say
  so), and so is a not_recorded one (its due time passed and the case does not say
  whether it was done); the others are CONFIRMED. The status word also leads the SUMMARY.
- VALARM only where something is still to be done: pending and undetermined
  deadlines. Hour periods warn 2 h before the due time; day and month periods at
  09:00 local time the day before the last day. Met, missed (the due time has passed
  at as-of) and excepted deadlines have none.
- UID is a uuid5 over case id, rule id, duty and subject, so importing a newer
  evaluation of the same case updates events instead of duplicating them; DTSTAMP
  is the decision's as-of time, never "now", so the same decision gives the same bytes.

Times carry TZID=Asia/Shanghai with a VTIMEZONE built by icalendar from the zone data
for the span of dates used.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta, timezone
from typing import Final

from icalendar import Alarm, Calendar, Event, Timezone

from ...decision.deadlines import DeadlineOutcome
from ..safe_text import one_line
from ..deadline_words import LOCAL_TIME, extension_note, format_clock, format_due, is_hour_period
from ...decision.model import Decision
from ...case.instants import LOCAL_ZONE, local

PRODID: Final = "-//legalrules//deadlines//EN"
# Never change this name: every deadline would get a new UID, and re-imports would duplicate events.
UID_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:legalrules:deadline-event")
HOUR_ALARM_BEFORE: Final = timedelta(hours=2)
DAY_ALARM_AT: Final = time(9, 0)
_EVENT_STATUS: Final = {"excepted": "CANCELLED", "undetermined": "TENTATIVE", "not_recorded": "TENTATIVE"}
_ALARMED: Final = ("pending", "undetermined")


def deadline_uid(case_id: str, outcome: DeadlineOutcome) -> str:
    """The event's UID: the same case, rule, duty and subject always give the same one."""
    key = "\x1f".join((case_id, outcome.rule_id, outcome.duty, outcome.subject))
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@legalrules"


def event_start(outcome: DeadlineOutcome) -> datetime:
    """Where the event begins: 1 h before an hour deadline, 00:00 of a day deadline's last day."""
    due = local(outcome.due)
    if is_hour_period(outcome):
        return local(due.astimezone(timezone.utc) - timedelta(hours=1))
    return datetime.combine(due.date(), time(0, 0), tzinfo=LOCAL_ZONE)


def alarm_time(outcome: DeadlineOutcome) -> datetime | None:
    """When the reminder fires (None: no reminder for this status)."""
    if outcome.status not in _ALARMED:
        return None
    due = local(outcome.due)
    if is_hour_period(outcome):
        return local(due.astimezone(timezone.utc) - HOUR_ALARM_BEFORE)
    return datetime.combine(due.date() - timedelta(days=1), DAY_ALARM_AT, tzinfo=LOCAL_ZONE)


def summary(case_id: str, outcome: DeadlineOutcome) -> str:
    """The event's title: status, what is due and by when, case and subject (one line, controls shown)."""
    return one_line(f"[{outcome.status}] {outcome.title}, by {format_clock(outcome.due)} — {case_id} {outcome.subject}")


def description(decision: Decision, outcome: DeadlineOutcome) -> str:
    """The event's text: basis and quoted clause, status, and how the due time was counted."""
    lines = [
        f"Case {decision.case_id}, {outcome.subject}: {outcome.title} ({outcome.duty})",
        f"Due: {format_due(outcome.due)}, {LOCAL_TIME}",
        f"Basis: {outcome.citation} “{outcome.quote}”",
        outcome.summary,
        f"Status: {outcome.status_text}",
    ]
    extended = extension_note(outcome)
    if extended:
        lines.append(f"Extension: {extended}")
    lines += [
        f"Started by: {outcome.anchor} at {format_due(outcome.anchor_at)}",
        f"Period: {outcome.period}{', in custody' if outcome.custody else ''}",
        f"Holiday rule: {outcome.holiday_rule}",
        "How the due time was counted:",
        # A step indented in the decision details the one before it (e.g. each holiday passed).
        *(f"    {step.strip()}" if step.startswith(" ") else f"- {step}" for step in outcome.steps),
    ]
    for option in outcome.extensions:
        approved = {True: "approved", False: "not approved", None: "not stated"}[option.approved]
        due = format_due(option.due) if option.due is not None else "not computed"
        lines.append(f"Extension option ({option.citation}, {option.title}): {approved}; would be due {due}")
    if outcome.if_missed:
        lines.append(f"If missed: {outcome.if_missed}")
    lines.append(f"Evaluated as of {format_due(decision.as_of)} by legalrules.")
    # Our own line breaks separate the lines; any inside a line came from the case and is shown, not obeyed.
    return "\n".join(one_line(line) for line in lines)


def _alarm(text: str, outcome: DeadlineOutcome, at: datetime) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    if is_hour_period(outcome):
        # Relative to the end, which is the due instant, so the reminder follows the event if edited.
        alarm.add("trigger", -HOUR_ALARM_BEFORE, parameters={"RELATED": "END"})
    else:
        # RFC 5545 3.8.6.3: an absolute trigger is a UTC DATE-TIME with VALUE=DATE-TIME.
        alarm.add("trigger", at.astimezone(timezone.utc), parameters={"VALUE": "DATE-TIME"})
    return alarm


def _event(decision: Decision, outcome: DeadlineOutcome) -> Event:
    event = Event()
    title = summary(decision.case_id, outcome)
    event.add("uid", deadline_uid(decision.case_id, outcome))
    event.add("dtstamp", decision.as_of.astimezone(timezone.utc))
    event.add("dtstart", event_start(outcome))
    event.add("dtend", local(outcome.due))
    event.add("summary", title)
    event.add("description", description(decision, outcome))
    event.add("categories", ["deadline", outcome.status])
    event.add("status", _EVENT_STATUS.get(outcome.status, "CONFIRMED"))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    at = alarm_time(outcome)
    if at is not None:
        event.add_component(_alarm(title, outcome, at))
    return event


def _timezone(decision: Decision) -> Timezone:
    """Asia/Shanghai for the dates the file uses (fixed by the decision, so the bytes are too)."""
    days: list[date] = [local(decision.as_of).date()]
    for outcome in decision.deadlines:
        days += [event_start(outcome).date(), local(outcome.due).date()]
        at = alarm_time(outcome)
        if at is not None:
            days.append(at.date())
    return Timezone.from_tzinfo(LOCAL_ZONE, first_date=min(days), last_date=max(days) + timedelta(days=1))


def render_ics(decision: Decision) -> bytes:
    """The decision's deadlines as an iCalendar file, byte-identical for the same decision."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(f"Deadlines: case {decision.case_id}"))
    calendar.add("x-wr-timezone", LOCAL_ZONE.key)
    # Always present: it makes even a case without deadlines a valid calendar (RFC 5545
    # requires at least one component).
    calendar.add_component(_timezone(decision))
    for outcome in decision.deadlines:
        calendar.add_component(_event(decision, outcome))
    data: bytes = calendar.to_ical()  # icalendar's annotation is loose; it always returns bytes
    return data
