"""Judging deadlines reads each list of the case a fixed number of times, however many items it has."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from legalrules import CaseFacts, Engine
from legalrules.case.model import Event, Measure
from legalrules.engine.case_index import CaseIndex

ENGINE = Engine()
START = datetime.fromisoformat("2024-03-04T10:00:00+08:00")


class CountedList(list[Any]):
    """A list that counts how many times it is walked."""

    walks = 0

    def __iter__(self) -> Any:
        type(self).walks += 1
        return super().__iter__()


def _passes(detentions: int) -> int:
    """How many times evaluating walks `events` for a case of `detentions` detentions, each notified."""
    measures = [Measure(id=f"d{n}", kind="detention", start=START + timedelta(minutes=n)) for n in range(detentions)]
    events = [Event(kind="family_notified", at=START + timedelta(hours=2, minutes=n), measure=f"d{n}")
              for n in range(detentions)]
    base = CaseFacts.model_validate({"case": {"id": "many", "handling_organ": "public_security"}})
    case = base.model_copy(update={"measures": CountedList(measures), "events": CountedList(events)})
    CountedList.walks = 0
    decision = ENGINE.evaluate(case, as_of=START + timedelta(days=40), engine="native")
    assert sum(1 for d in decision.deadlines if (d.rule_id, d.duty, d.status)
               == ("crim_proc.art85.2", "family_notification", "met")) == detentions
    return CountedList.walks


def test_the_lists_of_the_case_are_walked_as_often_for_200_detentions_as_for_20() -> None:
    """Each deadline scanned every event once per anchor (3,000 measures took 36 s); now the index is built once."""
    assert _passes(200) == _passes(20)


def test_events_naming_a_measure_are_found_only_under_that_measure() -> None:
    """An event naming d1 is offered for d1, an event naming none for every measure, in case order."""
    case = CaseFacts.model_validate({
        "case": {"id": "x"},
        "measures": [{"id": "d1", "kind": "detention"}, {"id": "d2", "kind": "detention"}],
        "events": [{"kind": "family_notified", "measure": "d2"}, {"kind": "family_notified"},
                   {"kind": "family_notified", "measure": "d1"}],
    })
    index = CaseIndex.of(case)
    assert [n for n, _ in index.events_for("family_notified", case.measures[0])] == [1, 2]
    assert [n for n, _ in index.events_for("family_notified", case.measures[1])] == [0, 1]
    assert [n for n, _ in index.events_for("family_notified", None)] == [0, 1, 2]


def test_the_first_interrogation_from_an_instant_skips_inquiries_and_earlier_ones() -> None:
    """The suspect's first interrogation at or after the instant; a witness inquiry is not one."""
    case = CaseFacts.model_validate({"case": {"id": "x"}, "interrogations": [
        {"start": "2024-03-05T09:00:00+08:00"}, {"start": "2024-03-04T09:00:00+08:00"},
        {"start": "2024-03-04T12:00:00+08:00", "person": "witness"}, {"start": "2024-03-04T12:00:00+08:00"}]})
    index = CaseIndex.of(case)
    found = index.first_interrogation_from(datetime.fromisoformat("2024-03-04T12:00:00+08:00"))
    assert found is not None and found[1] == 3

