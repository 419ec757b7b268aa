"""Facts that contradict each other are refused when the case is loaded, naming every field involved."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from legalrules import CaseFacts, CaseFileError, Engine, parse_case
from legalrules.case.model import CaseInfo, Event

HEAD = "case: {id: X, handling_organ: public_security}\n"


def _problems(body: str) -> list[str]:
    with pytest.raises(CaseFileError) as info:
        parse_case(HEAD + body, "c.yaml")
    return [str(p) for p in info.value.problems]


def test_a_measure_ending_before_it_starts_is_refused() -> None:
    """Art. 91 came out 'met' nine days before its clock started; now the end is an input error."""
    (problem,) = _problems("measures: [{id: d1, kind: detention, start: 2024-03-13T10:00:00+08:00, "
                           "end: 2024-03-04T10:00:00+08:00}]\n")
    assert problem == ("c.yaml:2 measures[0].end: received 2024-03-04T10:00:00+08:00, before the start "
                       "2024-03-13T10:00:00+08:00; expected an end at or after measures[0].start")


def test_a_birth_after_an_interrogation_is_refused() -> None:
    """A suspect born after being interrogated (an age of -65, so a 'minor') is a contradiction."""
    (problem,) = _problems("suspect: {birth_date: 2090-01-01}\n"
                           "interrogations: [{start: 2025-01-01T10:00:00+08:00}]\n")
    assert problem.startswith("c.yaml:2 suspect.birth_date: received 2090-01-01, after interrogations[0].start")


def test_duplicate_measure_ids_are_refused() -> None:
    """Two measures with one id make every reference to it ambiguous."""
    (problem,) = _problems("measures: [{id: m1, kind: detention}, {id: m1, kind: arrest}]\n")
    assert problem == ("c.yaml:2 measures[1].id: received 'm1', already the id of measures[0]; "
                       "expected ids unique within measures[]")


def test_an_event_naming_no_measure_is_refused_listing_the_ids_that_exist() -> None:
    """`measure: m3` with measures m1 and m2 was silently ignored; it names the field, the id and the ids."""
    (problem,) = _problems("measures: [{id: m1, kind: detention}, {id: m2, kind: arrest}]\n"
                           "events: [{kind: family_notified, at: 2024-03-04T12:00:00+08:00, measure: m3}]\n")
    assert problem == ("c.yaml:3 events[0].measure: received 'm3', which no measure has; "
                       "expected the id of a measure in measures[] (one of 'm1', 'm2')")


def test_an_event_naming_no_interrogation_is_refused() -> None:
    """`interrogation:` must name an interrogation's id too."""
    (problem,) = _problems("interrogations: [{id: i1}]\n"
                           "events: [{kind: recording_disc_burned, interrogation: i2}]\n")
    assert "events[0].interrogation: received 'i2', which no interrogation has" in problem


def test_an_arrest_request_naming_a_summons_is_refused() -> None:
    """An event pointing at a measure of the wrong kind for it is an input error."""
    (problem,) = _problems("measures: [{id: s1, kind: summons, start: 2024-03-04T10:00:00+08:00}]\n"
                           "events: [{kind: arrest_approval_requested, at: 2024-03-05T10:00:00+08:00, "
                           "measure: s1}]\n")
    assert problem.startswith("c.yaml:3 events[0].measure: received 's1', a summons measure; "
                              "expected a arrest_approval_requested event to name a measure of kind detention")


def test_a_notice_before_its_detention_began_is_refused() -> None:
    """A family notice of a detention cannot come before the detention."""
    (problem,) = _problems("measures: [{id: d1, kind: detention, start: 2024-03-04T10:00:00+08:00}]\n"
                           "events: [{kind: family_notified, at: 2024-03-03T10:00:00+08:00, measure: d1}]\n")
    assert "events[0].at: received 2024-03-03T10:00:00+08:00, before measure 'd1' began" in problem


def test_an_interruption_outside_its_interrogation_is_refused() -> None:
    """A recording gap cannot begin before the interrogation it interrupts."""
    (problem,) = _problems("interrogations: [{start: 2024-03-04T10:00:00+08:00, end: 2024-03-04T12:00:00+08:00, "
                           "interruptions: [{start: 2024-03-04T09:00:00+08:00, end: 2024-03-04T10:30:00+08:00}]}]\n")
    assert "interrogations[0].interruptions[0].start" in problem


def test_every_contradiction_is_listed_at_once() -> None:
    """Three independent contradictions give three problems."""
    problems = _problems("measures: [{id: m1, kind: detention, start: 2024-03-04T10:00:00+08:00, "
                         "end: 2024-03-01T10:00:00+08:00}, {id: m1, kind: arrest}]\n"
                         "events: [{kind: family_notified, measure: nope}]\n")
    assert len(problems) == 3


def test_a_consistent_case_with_references_is_read() -> None:
    """Resolving references and ordered times pass untouched."""
    case = parse_case(HEAD + "measures: [{id: d1, kind: detention, start: 2024-03-04T10:00:00+08:00}]\n"
                      "events: [{kind: family_notified, at: 2024-03-04T12:00:00+08:00, measure: d1}]\n", "ok.yaml")
    assert case.events[0].measure == "d1"


def test_a_case_built_in_python_is_checked_too() -> None:
    """`CaseFacts(...)` and `model_validate` refuse a contradiction, so `Engine.evaluate` never answers one.

    Before, only reading a file checked consistency; a service or script building the case
    in Python got Art. 91 "met" before its clock started.
    """
    measures = [{"id": "d1", "kind": "detention", "start": "2024-03-13T10:00:00+08:00",
                 "end": "2024-03-04T10:00:00+08:00"}]
    with pytest.raises(ValidationError, match=r"measures\[0\]\.end: 2024-03-04T10:00:00\+08:00, before the start"):
        CaseFacts.model_validate({"case": {"id": "X"}, "measures": measures})
    with pytest.raises(ValidationError, match=r"events\[0\]\.measure: 'nope', which no measure has"):
        CaseFacts(case=CaseInfo(id="X"), events=[Event(kind="family_notified", measure="nope")])
    with pytest.raises(ValidationError, match="contradicts itself"):
        CaseFacts.model_validate_json('{"case": {"id": "X"}, "suspect": {"birth_date": "2090-01-01"},'
                                      ' "interrogations": [{"start": "2025-01-01T10:00:00+08:00"}]}')
    consistent = CaseFacts.model_validate({"case": {"id": "X"}, "measures": [{**measures[0], "end": None}]})
    assert Engine().evaluate(consistent, as_of=datetime(2024, 3, 14, tzinfo=timezone.utc)).case_id == "X"


def test_an_offence_before_the_suspects_birth_is_refused() -> None:
    """An offence dated before the birth would give a negative age at the offence, so a 'minor'."""
    (problem,) = _problems("suspect: {birth_date: 2008-03-10}\n"
                           "offences: [{charge: theft, committed_on: 2008-03-09}]\n")
    assert problem == ("c.yaml:3 offences[0].committed_on: received 2008-03-09, before the suspect was born "
                       "(2008-03-10); expected an offence committed on or after suspect.birth_date")


def test_an_offence_after_every_interrogation_and_measure_is_refused() -> None:
    """No interrogation or measure of the case can concern an offence committed after all of them."""
    (problem,) = _problems("offences: [{charge: theft, committed_on: 2026-03-12}]\n"
                           "interrogations: [{start: 2026-03-10T09:00:00+08:00}]\n"
                           "measures: [{id: d1, kind: detention, start: 2026-03-11T23:30:00+08:00}]\n")
    assert problem == ("c.yaml:2 offences[0].committed_on: received 2026-03-12, after every interrogation and "
                       "measure of the case (the last, measures[0].start, 2026-03-11T23:30:00+08:00); expected an "
                       "offence committed on or before the last interrogation or measure of the case")


def test_an_offence_on_the_day_of_the_last_measure_or_between_them_is_accepted() -> None:
    """A new offence while on bail falls between the case's measures; the day of the last one is allowed."""
    parse_case(HEAD + "suspect: {birth_date: 2008-03-10}\n"
               "offences: [{charge: theft, committed_on: 2008-03-10}, {charge: fraud, committed_on: 2026-03-11}]\n"
               "interrogations: [{start: 2026-03-01T09:00:00+08:00}]\n"
               "measures: [{id: b1, kind: bail, start: 2026-03-02T10:00:00+08:00},"
               " {id: d1, kind: detention, start: 2026-03-11T23:30:00+08:00}]\n", "c.yaml")
