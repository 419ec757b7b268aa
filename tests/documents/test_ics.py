"""The iCalendar file: parses, times round-trip, stable UIDs, alarms by status, byte-identical."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar, Event

from legalrules.decision.deadlines import DeadlineOutcome
from legalrules.decision.model import Decision
from legalrules.documents.calendar.ics import render_ics

from ..deadline_fixtures import all_statuses, national_day, nothing_started


def _events(data: bytes) -> list[Event]:
    return [event for event in Calendar.from_ical(data).walk("VEVENT") if isinstance(event, Event)]


def _pairs(decision: Decision) -> list[tuple[DeadlineOutcome, Event]]:
    events = _events(render_ics(decision))
    assert len(events) == len(decision.deadlines)
    return list(zip(decision.deadlines, events))


def test_it_parses_with_one_event_per_deadline_and_none_skipped() -> None:
    """Every outcome, excepted and undetermined included, becomes a VEVENT."""
    decision = all_statuses()
    events = _events(render_ics(decision))
    categories = sorted(str(e.get("categories").to_ical(), "utf-8") for e in events)
    assert categories == sorted(f"deadline,{d.status}" for d in decision.deadlines)
    assert {d.status for d in decision.deadlines} == {"met", "missed", "pending", "excepted", "undetermined"}


def test_the_due_instant_round_trips_exactly_as_the_event_end() -> None:
    """DTEND is the decision's due instant, in Asia/Shanghai, to the second."""
    for outcome, event in _pairs(all_statuses()):
        end = event.decoded("dtend")
        assert end == outcome.due
        assert str(end.tzinfo) == "Asia/Shanghai"
        assert event["dtend"].params["TZID"] == "Asia/Shanghai"


def test_an_hour_deadline_starts_an_hour_before_and_a_day_deadline_at_midnight() -> None:
    """The event is the last stretch before the due time: 1 h, or the whole last day."""
    for outcome, event in _pairs(national_day()):
        start = event.decoded("dtstart")
        if outcome.duty == "family_notification":
            assert outcome.due - start == timedelta(hours=1)
        else:
            assert (start.date(), start.hour, start.minute) == (outcome.due.date(), 0, 0)


def test_the_summary_names_status_duty_and_case_and_the_description_the_grounds() -> None:
    """SUMMARY has the status, title and case id; DESCRIPTION the citation, clause, status and steps."""
    decision = all_statuses()
    outcome, event = _pairs(decision)[0]
    summary = str(event["summary"])
    assert summary.startswith("[missed] Family notified after detention, by 10:25") and "DL-CAL" in summary
    text = str(event["description"])
    assert "Basis: clock Art. 1 “二十四小时以内通知家属”" in text
    assert f"Status: {outcome.status_text}" in text
    assert all(step.strip() in text for step in outcome.steps)


def test_excepted_is_cancelled_undetermined_tentative_the_rest_confirmed() -> None:
    """STATUS follows the deadline's status."""
    expected = {"excepted": "CANCELLED", "undetermined": "TENTATIVE", "met": "CONFIRMED",
                "missed": "CONFIRMED", "pending": "CONFIRMED"}
    for outcome, event in _pairs(all_statuses()):
        assert str(event["status"]) == expected[outcome.status]


def test_alarms_only_where_something_is_still_to_do() -> None:
    """Pending and undetermined deadlines have one alarm; met, missed and excepted none."""
    for outcome, event in _pairs(all_statuses()):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == (1 if outcome.status in ("pending", "undetermined") else 0), outcome.status


def test_an_hour_deadline_warns_two_hours_before_and_a_day_deadline_at_nine_the_day_before() -> None:
    """Notice due Wed 09:00: alarm at the end minus 2 h; request due Fri 2 Oct: Thu 1 Oct 09:00."""
    pairs = {outcome.duty: event for outcome, event in _pairs(national_day())}
    [hour] = pairs["family_notification"].walk("VALARM")
    assert hour.decoded("trigger") == -timedelta(hours=2) and hour["trigger"].params["RELATED"] == "END"
    [day] = pairs["arrest_approval_request"].walk("VALARM")
    assert day["trigger"].params["VALUE"] == "DATE-TIME"
    assert day.decoded("trigger") == datetime.fromisoformat("2026-10-01T09:00:00+08:00")


def test_uids_are_stable_across_runs_and_differ_across_deadlines_and_cases() -> None:
    """Re-importing the same case updates events; another case or deadline gets another UID."""
    first = [str(e["uid"]) for e in _events(render_ics(all_statuses()))]
    again = [str(e["uid"]) for e in _events(render_ics(all_statuses()))]
    other_case = [str(e["uid"]) for e in _events(render_ics(all_statuses("DL-OTHER")))]
    assert first == again
    assert len(set(first)) == len(first)
    assert not set(first) & set(other_case)


def test_the_timestamp_is_the_as_of_time_and_the_bytes_are_identical_across_runs() -> None:
    """DTSTAMP is as_of in UTC (never now), so two evaluations give the same file byte for byte."""
    decision = all_statuses()
    for event in _events(render_ics(decision)):
        assert event.decoded("dtstamp") == decision.as_of.astimezone(timezone.utc)
    assert render_ics(all_statuses()) == render_ics(all_statuses())


def test_lines_are_crlf_and_folded_at_75_octets() -> None:
    """RFC 5545 3.1: no line longer than 75 octets; long descriptions continue on folded lines."""
    data = render_ics(all_statuses())
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)


def test_the_time_zone_is_described_once_at_plus_eight() -> None:
    """A VTIMEZONE for Asia/Shanghai at +08:00 with no daylight saving."""
    [zone] = Calendar.from_ical(render_ics(national_day())).walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Asia/Shanghai"
    assert not list(zone.walk("DAYLIGHT"))
    [standard] = zone.walk("STANDARD")
    assert standard.decoded("tzoffsetto") == timedelta(hours=8)


@pytest.mark.parametrize("case_id", ["DL,1;2\\3", "案件（2025）第1号"])
def test_text_with_separators_and_chinese_round_trips(case_id: str) -> None:
    """Commas, semicolons, backslashes and Chinese in a case id come back unchanged."""
    [event, *_] = _events(render_ics(all_statuses(case_id)))
    assert str(event["summary"]).endswith(f"— {case_id} measures[0]")


def test_a_case_without_deadlines_is_still_a_valid_calendar() -> None:
    """No events, but the time zone component keeps the calendar non-empty, as RFC 5545 requires."""
    parsed = Calendar.from_ical(render_ics(nothing_started()))
    assert not list(parsed.walk("VEVENT")) and list(parsed.walk("VTIMEZONE"))
