"""Deadlines judged on cases: anchors, Art. 105 arithmetic, extensions, exceptions, status.

These run the test ruleset `tests/fixtures/deadline_rulesets/clock` (a 24-hour
custody notice with exceptions, a 3-day custody request with extensions, a 7-day
non-custody reply with a condition, a 12-hour summons counted from an arrival and met
by the end of the measure the arrival names, a 24-hour interrogation after arrest, a
24-hour disc handover on events naming interrogations)
through the real engine, legal-time module and chinesecalendar; the bundled crim_proc
deadlines have their own scenarios.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules import CaseFacts, Engine
from legalrules.decision.deadlines import DeadlineOutcome
from legalrules.decision.model import Decision
from legalrules.interpretations import Interpretations

from ..conftest import FIXTURES

ENGINE = Engine(rulesets_root=FIXTURES / "deadline_rulesets")
DETAINED = "2025-01-26T10:25:00+08:00"  # a Sunday worked in lieu (调休) before the 2025 Spring Festival


def _case(measures: list[dict[str, Any]] | None = None, events: list[dict[str, Any]] | None = None,
          offences: list[dict[str, Any]] | None = None, organ: str = "public_security",
          record_complete: bool | None = True, interrogations: list[dict[str, Any]] | None = None) -> CaseFacts:
    return CaseFacts.model_validate({
        "case": {"id": "DL-1", "handling_organ": organ, "proceeding": "criminal", "record_complete": record_complete},
        "offences": offences, "measures": measures or [], "events": events or [],
        "interrogations": interrogations or [],
    })


def _detained(**extra: Any) -> dict[str, Any]:
    return {"id": "d1", "kind": "detention", "start": DETAINED, **extra}


def _decide(case: CaseFacts, as_of: str = "2025-03-01T12:00:00+08:00", **kwargs: Any) -> Decision:
    return ENGINE.evaluate(case, as_of=datetime.fromisoformat(as_of), **kwargs)


def _one(decision: Decision, duty: str) -> DeadlineOutcome:
    [found] = [d for d in decision.deadlines if d.duty == duty]
    return found


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_24_hour_notice_runs_from_the_instant_and_shows_the_other_reading() -> None:
    """Detained at 10:25: family notice due 10:25 next day; the next-full-hour reading says 11:00."""
    notice = _one(_decide(_case([_detained()], [{"kind": "family_notified", "at": "2025-01-27T09:00:00+08:00"}])),
                  "family_notification")
    assert notice.due == _at("2025-01-27T10:25:00+08:00")
    assert notice.alternative_due == _at("2025-01-27T11:00:00+08:00")
    assert notice.hour_reading == "from_the_instant"
    assert notice.status == "met" and notice.met_by == "events[0] (family_notified)"
    assert "1 h 25 min before the deadline" in notice.status_text


def test_the_other_hour_reading_is_switchable() -> None:
    """--hour-reading from_next_full_hour moves the due time to 11:00 and says so."""
    readings = Interpretations(hour_reading="from_next_full_hour")
    notice = _one(_decide(_case([_detained()]), interpretations=readings), "family_notification")
    assert notice.due == _at("2025-01-27T11:00:00+08:00")
    assert notice.alternative_due == _at("2025-01-27T10:25:00+08:00")


def test_a_late_notice_is_missed_by_how_long_and_listed_as_a_violation() -> None:
    """Notified at 12:00 the next day: missed by 1 h 35 min, and a violation citing the article."""
    decision = _decide(_case([_detained()], [{"kind": "family_notified", "at": "2025-01-27T12:00:00+08:00"}]))
    notice = _one(decision, "family_notification")
    assert notice.status == "missed" and notice.late_by_seconds == 95 * 60
    [violation] = [v for v in decision.violations if v.duty == "family_notification"]
    assert violation.citation == "clock Art. 1" and violation.late_by_seconds == 95 * 60


def test_a_silent_record_past_the_due_time_is_not_recorded_not_missed() -> None:
    """Unknown is not false: with no notice recorded and no word that the record is complete, not_recorded."""
    decision = _decide(_case([_detained()], record_complete=None), as_of="2025-01-27T11:25:00+08:00")
    notice = _one(decision, "family_notification")
    assert notice.status == "not_recorded" and notice.late_by_seconds is None
    assert "does not record that it was done" in notice.status_text
    assert not [v for v in decision.violations if v.duty == "family_notification"]
    assert _one(_decide(_case([_detained()], record_complete=False), as_of="2025-01-27T11:25:00+08:00"),
                "family_notification").status == "not_recorded"


def test_a_duty_recorded_done_after_as_of_was_not_done_by_then_whatever_the_record() -> None:
    """A notice the case records after as-of (and after the due time) is missed at as-of, not unknown."""
    late = [{"kind": "family_notified", "at": "2025-01-28T09:00:00+08:00"}]
    notice = _one(_decide(_case([_detained()], late, record_complete=None), as_of="2025-01-27T11:25:00+08:00"),
                  "family_notification")
    assert notice.status == "missed" and notice.late_by_seconds == 3600


def test_an_undone_duty_is_pending_before_the_due_time_and_missed_after() -> None:
    """No notice yet (the record is complete): pending with time left at as-of; after the due time, missed."""
    case = _case([_detained()])
    pending = _one(_decide(case, as_of="2025-01-26T20:00:00+08:00"), "family_notification")
    assert pending.status == "pending" and pending.time_left_seconds == (14 * 60 + 25) * 60
    overdue = _one(_decide(case, as_of="2025-01-27T11:25:00+08:00"), "family_notification")
    assert overdue.status == "missed" and overdue.met_at is None and overdue.late_by_seconds == 3600
    assert "overdue" in overdue.status_text


def test_a_custody_period_ending_in_the_spring_festival_does_not_roll() -> None:
    """3 days from 2025-01-26 end on 29 January, a holiday; in custody the period still ends then."""
    request = _one(_decide(_case([_detained()])), "arrest_approval_request")
    assert request.custody is True
    assert request.due == _at("2025-01-29T23:59:59+08:00")
    assert "custody" in request.holiday_rule.lower() or "在押" in request.holiday_rule


def test_a_non_custody_period_ending_in_the_spring_festival_rolls_to_the_first_working_day() -> None:
    """7 days from 2025-01-22 end on 29 January (holiday): the reply is due 5 February."""
    reply = _one(_decide(_case(events=[{"kind": "bail_applied", "at": "2025-01-22T10:00:00+08:00"}])), "bail_reply")
    assert reply.custody is False
    assert reply.due == _at("2025-02-05T23:59:59+08:00")
    assert any("2025-01-29" in step for step in reply.steps)


def test_an_approved_extension_moves_the_due_time_and_the_base_is_still_shown() -> None:
    """A special-circumstances extension of 2 days, approved: base 29 Jan, due 31 Jan."""
    measure = _detained(extensions=[{"basis": "special_circumstances", "approved": True, "days": 2}])
    request = _one(_decide(_case([measure])), "arrest_approval_request")
    assert request.base_due == _at("2025-01-29T23:59:59+08:00")
    assert request.due == _at("2025-01-31T23:59:59+08:00")
    special, gang = request.extensions
    assert special.approved is True and special.due == request.due
    assert gang.approved is None and gang.due == _at("2025-02-25T23:59:59+08:00")


def test_an_extension_not_approved_is_shown_but_not_applied() -> None:
    """An extension the case says was refused leaves the base due time in force."""
    measure = _detained(extensions=[{"basis": "major_roving_serial_or_gang", "approved": False}])
    request = _one(_decide(_case([measure])), "arrest_approval_request")
    assert request.due == request.base_due == _at("2025-01-29T23:59:59+08:00")
    assert request.extensions[1].approved is False


def test_an_extension_longer_than_the_law_allows_is_capped_with_a_warning() -> None:
    """Six extra days asked where four are the most: four are used, and the decision says so."""
    measure = _detained(extensions=[{"basis": "special_circumstances", "approved": True, "days": 6}])
    decision = _decide(_case([measure]))
    assert _one(decision, "arrest_approval_request").due == _at("2025-02-02T23:59:59+08:00")
    assert any("exceeds the 4 days" in w for w in decision.warnings)


def test_notification_impossible_excepts_the_notice() -> None:
    """An event saying notice is impossible: the deadline is excepted, naming the exception."""
    event = {"kind": "family_notification_impossible", "at": "2025-01-26T12:00:00+08:00", "measure": "d1"}
    notice = _one(_decide(_case([_detained()], [event])), "family_notification")
    assert notice.status == "excepted" and "notification impossible" in (notice.exception or "")
    assert not any(v.duty == "family_notification" for v in _decide(_case([_detained()], [event])).violations)


def test_the_hindering_exception_needs_its_offence_category() -> None:
    """Notice withheld as hindering: excepted for a terrorism offence, undetermined if unknown, not for theft."""
    withheld = [{"kind": "notice_may_hinder_investigation", "at": "2025-01-26T11:00:00+08:00"}]
    terror = _one(_decide(_case([_detained()], withheld, [{"charge": "t", "terrorism": True}])), "family_notification")
    assert terror.status == "excepted"
    unknown = _one(_decide(_case([_detained()], withheld, [{"charge": "t"}])), "family_notification")
    assert unknown.status == "undetermined"
    assert unknown.deciding_facts == ["offences[*].endangering_state_security", "offences[*].terrorism"]
    theft = _one(_decide(_case([_detained()], withheld,
                               [{"charge": "t", "terrorism": False, "endangering_state_security": False}])),
                 "family_notification")
    assert theft.status == "missed"


def test_once_the_obstacle_ends_the_notice_is_due_at_once() -> None:
    """After investigation_obstacle_ended the duty returns: pending until notified, met once notified."""
    events = [{"kind": "notice_may_hinder_investigation", "at": "2025-01-26T11:00:00+08:00"},
              {"kind": "investigation_obstacle_ended", "at": "2025-02-10T09:00:00+08:00"}]
    offences = [{"charge": "t", "terrorism": True}]
    waiting = _one(_decide(_case([_detained()], events, offences)), "family_notification")
    assert waiting.status == "pending" and "due immediately" in waiting.status_text
    assert waiting.due == _at("2025-02-10T09:00:00+08:00") and waiting.base_due == _at("2025-01-27T10:25:00+08:00")
    notified = [*events, {"kind": "family_notified", "at": "2025-02-10T10:00:00+08:00"}]
    assert _one(_decide(_case([_detained()], notified, offences)), "family_notification").status == "met"


def test_a_deadline_whose_condition_fails_is_not_listed_and_an_unknown_one_is_undetermined() -> None:
    """The bail reply applies to public security: not for a procuratorate, undetermined when unknown."""
    applied = [{"kind": "bail_applied", "at": "2025-01-22T10:00:00+08:00"}]
    assert not [d for d in _decide(_case(events=applied, organ="procuratorate")).deadlines if d.duty == "bail_reply"]
    case = CaseFacts.model_validate({"case": {"id": "DL-2"}, "events": applied})
    reply = _one(_decide(case), "bail_reply")
    assert reply.status == "undetermined" and reply.applies == "undetermined"
    assert reply.deciding_facts == ["case.handling_organ"]


def test_a_case_without_the_anchor_gets_no_deadline_and_is_told_what_is_missing() -> None:
    """No detention: no detention deadlines, each listed as not started with what it needs."""
    decision = _decide(_case())
    assert decision.deadlines == []
    missing = {n.duty: n.missing for n in decision.deadlines_not_started}
    assert missing["family_notification"] == "no detention measure with a start time in measures[]" \
        or "detention" in missing["family_notification"]
    assert "bail_applied" in missing["bail_reply"]


def test_a_measure_without_a_start_time_is_named() -> None:
    """A detention with no start: not started, saying the start time is missing."""
    decision = _decide(_case([{"kind": "detention"}]))
    [note] = [n for n in decision.deadlines_not_started if n.duty == "family_notification"]
    assert "has no start time" in note.missing


def test_an_anchor_before_the_instrument_is_not_applied() -> None:
    """A detention in 2017, before the ruleset's 2018-10-26 start: no deadline, and the reason."""
    decision = _decide(_case([{"kind": "detention", "start": "2017-05-02T10:00:00+08:00"}]))
    assert decision.deadlines == []
    [use] = decision.rulesets
    assert any("2017-05-02" in n.reason and "not in force" in n.reason for n in use.not_applied)


def test_a_case_running_into_2027_warns_of_the_fallback_and_a_holiday_file_replaces_it() -> None:
    """chinesecalendar stops at 2026: weekends only, with a warning; a holiday file takes over."""
    applied = [{"kind": "bail_applied", "at": "2027-01-30T10:00:00+08:00"}]  # 7 days: 2027-02-06
    plain = _decide(_case(events=applied), as_of="2027-01-31T10:00:00+08:00")
    assert any("2027" in w for w in plain.warnings)
    assert _one(plain, "bail_reply").due == _at("2027-02-08T23:59:59+08:00")  # Sat 6 Feb -> Mon 8 Feb
    with_file = _decide(_case(events=applied), as_of="2027-01-31T10:00:00+08:00",
                        holiday_file=FIXTURES / "holidays" / "holidays_2027.yaml")
    # The file makes 6-12 Feb holidays; Sat 13 Feb is not listed, so the weekend rule
    # still makes it a rest day; Sun 14 Feb is listed as a working day, so the
    # period ends then.
    assert _one(with_file, "bail_reply").due == _at("2027-02-14T23:59:59+08:00")
    assert not any("no official holiday data for 2027" in w for w in with_file.warnings)


def test_deadlines_are_ordered_by_due_time_and_the_json_is_byte_identical() -> None:
    """Deadlines come earliest first, and the same case gives the same JSON twice."""
    case = _case([_detained()], [{"kind": "bail_applied", "at": "2025-01-22T10:00:00+08:00"}])
    first, second = _decide(case), _decide(case)
    dues = [d.due for d in first.deadlines]
    assert dues == sorted(dues) and len(dues) == 3
    assert first.model_dump_json() == second.model_dump_json()


LATER = "2025-06-01T12:00:00+08:00"


def test_an_event_anchor_is_met_by_the_end_of_the_measure_the_event_names() -> None:
    """Arrival at 09:00 under summons s1 ending 20:30: met by measures[1].end, due 21:00."""
    measures = [_detained(), {"id": "s1", "kind": "summons", "start": "2025-05-06T08:40:00+08:00",
                              "end": "2025-05-06T20:30:00+08:00"}]
    arrival = [{"kind": "arrived_for_questioning", "at": "2025-05-06T09:00:00+08:00", "measure": "s1"}]
    summons = _one(_decide(_case(measures, arrival), as_of=LATER), "summons_end")
    assert summons.subject == "events[0]" and summons.due == _at("2025-05-06T21:00:00+08:00")
    assert summons.status == "met" and summons.met_by == "measures[1].end"


def test_an_event_anchor_naming_no_measure_is_not_met_by_any_measure_end() -> None:
    """An arrival that names no measure: no measure's end meets it, so it is missed once overdue."""
    measures = [{"id": "s1", "kind": "summons", "start": "2025-05-06T09:00:00+08:00",
                 "end": "2025-05-06T10:00:00+08:00"}]
    arrival = [{"kind": "arrived_for_questioning", "at": "2025-05-06T09:00:00+08:00"}]
    summons = _one(_decide(_case(measures, arrival), as_of=LATER), "summons_end")
    assert summons.status == "missed" and summons.met_at is None


def test_only_an_interrogation_of_the_suspect_meets_an_interrogation_duty() -> None:
    """An inquiry of a witness after the arrest does not count; the suspect's interrogation does."""
    arrest = [{"id": "a1", "kind": "arrest", "start": "2025-05-06T09:00:00+08:00"}]
    witness = {"person": "witness", "start": "2025-05-06T10:00:00+08:00"}
    suspect = {"start": "2025-05-06T15:00:00+08:00"}
    only_witness = CaseFacts.model_validate({"case": {"id": "DL-3", "record_complete": True}, "measures": arrest,
                                             "interrogations": [witness]})
    assert _one(_decide(only_witness, as_of=LATER), "interrogation").status == "missed"
    both = CaseFacts.model_validate({"case": {"id": "DL-3"}, "measures": arrest,
                                     "interrogations": [witness, suspect]})
    met = _one(_decide(both, as_of=LATER), "interrogation")
    assert met.status == "met" and met.met_by == "interrogations[1].start"


def test_events_naming_an_interrogation_count_only_for_an_anchor_of_that_interrogation() -> None:
    """Discs burned for i1 and i2, one handed over naming i1: i1's is met, i2's is missed; unnamed counts for both."""
    burned = [{"kind": "recording_disc_burned", "at": "2025-05-06T12:00:00+08:00", "interrogation": "i1"},
              {"kind": "recording_disc_burned", "at": "2025-05-06T12:30:00+08:00", "interrogation": "i2"}]
    handed = {"kind": "recording_disc_handed_to_keeper", "at": "2025-05-06T18:00:00+08:00"}
    sessions = [{"id": "i1"}, {"id": "i2"}]
    named = _decide(_case(events=[*burned, {**handed, "interrogation": "i1"}], interrogations=sessions), as_of=LATER)
    assert {d.subject: d.status for d in named.deadlines if d.duty == "disc_handover"} == {
        "events[0]": "met", "events[1]": "missed"}
    unnamed = _decide(_case(events=[*burned, handed], interrogations=sessions), as_of=LATER)
    assert {d.subject: d.status for d in unnamed.deadlines if d.duty == "disc_handover"} == {
        "events[0]": "met", "events[1]": "met"}


instants = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2026, 6, 30)).map(
    lambda moment: moment.replace(microsecond=0).isoformat() + "+08:00")


@given(instants, instants)
def test_every_due_time_is_after_its_anchor_and_monotone_in_it(first: str, second: str) -> None:
    """For each deadline, a later anchor never gives an earlier due time, and none is before its anchor."""
    early, late = sorted([first, second])
    events = [{"kind": "bail_applied", "at": early}]
    a = _decide(_case([{"kind": "detention", "start": early}], events))
    b = _decide(_case([{"kind": "detention", "start": late}], [{"kind": "bail_applied", "at": late}]))
    for x in a.deadlines:
        assert x.due > x.anchor_at
        [y] = [d for d in b.deadlines if d.duty == x.duty]
        assert y.due >= x.due


@pytest.mark.parametrize("weekends", ["rest_days", "working_days"])
def test_the_weekend_reading_is_reported(weekends: str) -> None:
    """The decision names the weekend reading in force."""
    readings = Interpretations(weekends=weekends)  # type: ignore[arg-type]
    decision = _decide(_case([_detained()]), interpretations=readings)
    assert {i.name: i.value for i in decision.interpretations}["weekends"] == weekends


def test_the_decision_names_the_holiday_data_its_due_times_rest_on() -> None:
    """chinesecalendar's version always; a holiday file by name and content hash, first."""
    applied = [{"kind": "bail_applied", "at": "2027-01-30T10:00:00+08:00"}]
    plain = _decide(_case(events=applied), as_of="2027-01-31T10:00:00+08:00")
    assert len(plain.holiday_data) == 1 and plain.holiday_data[0].startswith("chinesecalendar 1.")
    with_file = _decide(_case(events=applied), as_of="2027-01-31T10:00:00+08:00",
                        holiday_file=FIXTURES / "holidays" / "holidays_2027.yaml")
    assert with_file.holiday_data[0].startswith("holiday file 'test holidays for 2027 (not official)' (content sha256:")
    assert with_file.holiday_data[1] == plain.holiday_data[0]
    assert _decide(_case(), as_of="2027-01-31T10:00:00+08:00").holiday_data == []


def test_what_the_case_records_after_as_of_has_not_happened_yet() -> None:
    """Judged as of an earlier moment, a notice given later is pending, with a warning saying why."""
    case = _case(measures=[_detained()], events=[{"kind": "family_notified", "at": "2025-01-27T09:00:00+08:00"}])
    later = _one(_decide(case, as_of="2025-01-27T12:00:00+08:00"), "family_notification")
    assert later.status == "met"
    decision = _decide(case, as_of="2025-01-26T20:00:00+08:00")
    earlier = _one(decision, "family_notification")
    assert earlier.status == "pending" and earlier.met_at is None
    assert any("is after as_of" in w and "clock.art1" in w for w in decision.warnings)
