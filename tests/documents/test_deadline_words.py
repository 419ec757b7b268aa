"""Shared deadline phrasing: due times, statuses, details and which warnings bear on deadlines."""

from __future__ import annotations

from datetime import date, datetime

from legalrules import CaseFacts, Engine
from legalrules.decision.deadlines import DeadlineOutcome
from legalrules.documents.deadline_words import (
    deadline_warnings,
    detail_lines,
    format_day,
    format_due,
    is_hour_period,
    month_title,
    status_words,
    violation_line,
)
from legalrules.decision.model import Decision

from ..deadline_fixtures import all_statuses, fallback_2027


def _by_subject(decision: Decision, duty: str, subject: str) -> DeadlineOutcome:
    [found] = [d for d in decision.deadlines if d.duty == duty and d.subject == subject]
    return found


def test_a_due_time_shows_seconds_only_when_they_are_not_zero() -> None:
    """10:25:00 reads `10:25`; the end of a day reads `23:59:59`, as the decision states it."""
    assert format_due(datetime.fromisoformat("2026-11-23T10:25:00+08:00")) == "2026-11-23 Mon 10:25"
    assert format_due(datetime.fromisoformat("2025-01-29T23:59:59+08:00")) == "2025-01-29 Wed 23:59:59"


def test_a_due_time_is_read_in_asia_shanghai_whatever_its_offset() -> None:
    """An instant given in UTC is shown as Shanghai local time, date and weekday included."""
    assert format_due(datetime.fromisoformat("2025-01-26T18:30:00+00:00")) == "2025-01-27 Mon 02:30"


def test_days_and_months_are_named_without_the_locale() -> None:
    """Weekday and month names come from fixed tables."""
    assert format_day(date(2026, 10, 1)) == "2026-10-01 Thu"
    assert month_title(2026, 10) == "October 2026 (2026年10月)"


def test_each_status_reads_in_a_few_words() -> None:
    """Missed by how long, pending with how long left, and the bare word for the rest."""
    decision = all_statuses()
    words = {(d.duty, d.subject): status_words(d) for d in decision.deadlines}
    assert words[("family_notification", "measures[0]")] == "missed by 1 h 35 min"
    assert words[("family_notification", "measures[1]")] == "excepted"
    assert words[("family_notification", "measures[2]")] == "undetermined"
    assert words[("arrest_approval_request", "measures[1]")] == "met"
    assert words[("arrest_approval_request", "measures[2]")] == "pending, 2 days 11 h 59 min left"


def test_a_duty_not_done_by_the_due_time_is_overdue() -> None:
    """Missed with nothing done: the words say it is not done and how overdue it is."""
    outcome = _by_subject(all_statuses(), "family_notification", "measures[0]")
    undone = outcome.model_copy(update={"met_at": None, "met_by": None, "late_by_seconds": 3600})
    assert status_words(undone) == "missed: not done, 1 h overdue"


def test_details_name_the_extension_what_met_it_the_exception_and_the_unknown_facts() -> None:
    """Each status brings the detail a reader needs next."""
    decision = all_statuses()
    extended = _by_subject(decision, "arrest_approval_request", "measures[0]")
    # The option not approved is still shown: the law allows it whatever the first gave.
    assert detail_lines(extended) == [
        "extended (approved); without the extension due 2025-01-29 Wed 23:59:59",
        "extension: major roving, serial or gang suspects: due 2025-02-25 Tue 23:59:59 if extended "
        "[clock Art. 2 para. 3]"]
    met = _by_subject(decision, "arrest_approval_request", "measures[1]")
    assert detail_lines(met) == ["done: events[2] (arrest_approval_requested) at 2025-01-28 Tue 10:00"]
    [excepted] = detail_lines(_by_subject(decision, "family_notification", "measures[1]"))
    assert "notification impossible" in excepted
    [unknown] = detail_lines(_by_subject(decision, "family_notification", "measures[2]"))
    assert unknown == "would be decided by: offences[*].endangering_state_security, offences[*].terrorism"


def test_hour_periods_are_told_from_day_periods() -> None:
    """The family notice counts in hours; the arrest request in days."""
    decision = all_statuses()
    assert is_hour_period(_by_subject(decision, "family_notification", "measures[0]"))
    assert not is_hour_period(_by_subject(decision, "arrest_approval_request", "measures[0]"))


def test_only_warnings_about_the_calendar_and_anchors_are_deadline_warnings() -> None:
    """The fallback year and anchor fields are kept; warnings about interrogations are not."""
    decision = fallback_2027()
    [fallback] = decision.warnings
    noisy = decision.model_copy(update={"warnings": [
        "interrogations[0].start: no UTC offset given; read as Asia/Shanghai local time (+08:00)",
        fallback,
        "measures[0].start: no UTC offset given; read as Asia/Shanghai local time (+08:00)",
        "no official holiday data for 2027 (a look-alike that is not the calendar's warning)",
    ]})
    assert deadline_warnings(noisy) == [fallback, noisy.warnings[2]]


def test_a_violation_is_told_by_its_own_duty_when_one_clause_sets_two() -> None:
    """CPL Art. 85 para. 2 sets the detention-house transfer and the family notice on one measure:
    a late transfer is reported as the transfer, not as the notice given in time."""
    case = CaseFacts.model_validate({
        "case": {"id": "two-duties", "handling_organ": "public_security", "proceeding": "criminal"},
        "measures": [{"id": "d1", "kind": "detention", "start": "2025-03-10T09:00:00+08:00"}],
        "events": [{"kind": "family_notified", "at": "2025-03-10T12:00:00+08:00", "measure": "d1"},
                   {"kind": "transferred_to_detention_house", "at": "2025-03-11T15:00:00+08:00", "measure": "d1"}],
        "interrogations": [{"start": "2025-03-10T10:00:00+08:00"}],
    })
    decision = Engine().evaluate(case, as_of=datetime.fromisoformat("2025-03-12T12:00:00+08:00"))
    # PSP 2020 Art. 126 sets the same transfer for public security: one violation per instrument.
    assert sorted(v.rule_id for v in decision.violations) == ["crim_proc.art85.2", "psp_2020.art126.1"]
    [violation] = [v for v in decision.violations if v.rule_id == "crim_proc.art85.2"]
    assert violation.duty == "transfer_to_detention_house"
    line = violation_line(decision, violation)
    assert "detention house" in line and "amily" not in line
    assert line.endswith(status_words(next(d for d in decision.deadlines
                                           if (d.rule_id, d.duty) == (violation.rule_id, violation.duty))))
    assert "6 h" in line  # due 11 Mar 09:00, done 15:00
