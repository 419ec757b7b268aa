"""Decisions with deadlines, made by really evaluating the `clock` fixture ruleset.

The clock ruleset (tests/fixtures/deadline_rulesets/clock) has a 24-hour custody
notice with exceptions, a 3-day custody request with extensions and a 7-day
non-custody reply. The builders here give the renderers' tests decisions with every
status, hour and day periods, an approved extension, holidays and the calendar
fallback, all through the real engine and chinesecalendar. Each call evaluates
afresh, so two calls are two independent runs (the determinism tests rely on it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from legalrules import CaseFacts, Engine
from legalrules.decision.model import Decision

from .conftest import FIXTURES

ENGINE = Engine(rulesets_root=FIXTURES / "deadline_rulesets")

# Spring Festival 2025: 28 Jan - 4 Feb are holidays; Sun 26 Jan is an adjusted working day.
SPRING_AS_OF = "2025-01-28T12:00:00+08:00"
# National Day 2026: 1-7 Oct are holidays; Sun 20 Sep and Sat 10 Oct are adjusted working days.
NATIONAL_DAY_AS_OF = "2026-09-29T12:00:00+08:00"


def _case(case_id: str, measures: list[dict[str, Any]], events: list[dict[str, Any]],
          offences: list[dict[str, Any]] | None = None) -> CaseFacts:
    return CaseFacts.model_validate({
        "case": {"id": case_id, "handling_organ": "public_security", "proceeding": "criminal"},
        "offences": offences, "measures": measures, "events": events,
    })


def _decide(case: CaseFacts, as_of: str) -> Decision:
    return ENGINE.evaluate(case, as_of=datetime.fromisoformat(as_of))


def all_statuses(case_id: str = "DL-CAL") -> Decision:
    """Three detentions and a bail application over the 2025 Spring Festival, one of each status.

    d1: family told 1 h 35 min late (missed); arrest request extended by 2 approved days (pending).
    d2: family could not be told (excepted); arrest request made in time (met).
    d3: notice withheld as hindering, offence category unknown (undetermined); request pending.
    Bail reply: 7 days from 22 Jan end in the holidays and roll to Wed 5 Feb (pending).
    """
    measures: list[dict[str, Any]] = [
        {"id": "d1", "kind": "detention", "start": "2025-01-26T10:25:00+08:00",
         "extensions": [{"basis": "special_circumstances", "approved": True, "days": 2}]},
        {"id": "d2", "kind": "detention", "start": "2025-01-27T08:00:00+08:00"},
        {"id": "d3", "kind": "detention", "start": "2025-01-27T20:00:00+08:00"},
    ]
    events = [
        {"kind": "family_notified", "at": "2025-01-27T12:00:00+08:00", "measure": "d1"},
        {"kind": "family_notification_impossible", "at": "2025-01-27T09:00:00+08:00", "measure": "d2"},
        {"kind": "arrest_approval_requested", "at": "2025-01-28T10:00:00+08:00", "measure": "d2"},
        {"kind": "notice_may_hinder_investigation", "at": "2025-01-27T21:00:00+08:00", "measure": "d3"},
        {"kind": "bail_applied", "at": "2025-01-22T10:00:00+08:00"},
    ]
    return _decide(_case(case_id, measures, events, [{"charge": "theft"}]), SPRING_AS_OF)


def national_day(case_id: str = "ND-2026") -> Decision:
    """A detention and a bail application just before National Day 2026, all pending.

    Family notice due Wed 30 Sep 09:00; arrest request due Fri 2 Oct (custody: no roll);
    bail reply 7 days from 28 Sep ends Mon 5 Oct, a holiday, and rolls to Thu 8 Oct.
    """
    measures = [{"id": "d1", "kind": "detention", "start": "2026-09-29T09:00:00+08:00"}]
    events = [{"kind": "bail_applied", "at": "2026-09-28T10:00:00+08:00"}]
    return _decide(_case(case_id, measures, events), NATIONAL_DAY_AS_OF)


def fallback_2027() -> Decision:
    """A bail reply in 2027, a year chinesecalendar does not cover: weekends only, with a warning."""
    events = [{"kind": "bail_applied", "at": "2027-01-30T10:00:00+08:00"}]
    return _decide(_case("FB-2027", [], events), "2027-01-31T10:00:00+08:00")


def nothing_started() -> Decision:
    """A case with no measure or event: every deadline rule is reported as not started."""
    return _decide(_case("EMPTY-1", [], []), SPRING_AS_OF)
