"""The procuratorate rules of 2012 and 2019: each judges the cases dated in its window, within its organ's scope.

Scenarios (rulesets/spp_2012, rulesets/spp_2019) pin the due times at their edges;
these tests pin what a scenario cannot say: that a rule gives *no* deadline where
its text does not reach (an arrest the procuratorate only approved, a bail
application by a suspect at liberty), and that a procuratorate case is judged by
the rules in force on its dates, 1999 to today.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from legalrules import CaseFacts, Engine

ENGINE = Engine()


def _case(organ: str, measures: list[dict[str, Any]], **extra: Any) -> CaseFacts:
    return CaseFacts.model_validate({"case": {"id": "spp", "handling_organ": organ}, "measures": measures, **extra})


def _rulesets_timing(decision: Any, duty: str) -> set[str]:
    return {d.ruleset for d in decision.deadlines if d.duty == duty}


@pytest.mark.parametrize(("start", "expected"), [
    ("2012-12-31T10:00:00+08:00", {"procuratorate_1999"}),
    ("2013-01-01T10:00:00+08:00", {"spp_2012"}),
    ("2016-05-10T10:00:00+08:00", {"spp_2012"}),
    ("2019-12-29T10:00:00+08:00", {"spp_2012"}),
    ("2019-12-30T10:00:00+08:00", {"spp_2019"}),
    ("2026-03-02T10:00:00+08:00", {"spp_2019"}),
])
def test_a_procuratorate_detention_is_timed_by_the_rules_in_force_on_its_day(start: str, expected: set[str]) -> None:
    """The interrogation after a procuratorate detention is due under the one procuratorate instrument in force on its day."""
    case = _case("procuratorate", [{"id": "d1", "kind": "detention", "decided_by": "procuratorate", "start": start}])
    decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2026-12-01T12:00:00+08:00"))
    assert _rulesets_timing(decision, "interrogation_after_detention") == expected


def test_an_arrest_the_procuratorate_approved_in_a_public_security_case_gets_no_own_case_duties() -> None:
    """SPP 2019 Arts. 301-302 and SPP 2012 Arts. 336-348 bind the procuratorate's own cases, not public security's arrests it approved."""
    for start in ("2016-05-10T10:00:00+08:00", "2025-05-10T10:00:00+08:00"):
        case = _case("public_security", [{"id": "a1", "kind": "arrest", "decided_by": "procuratorate", "start": start}])
        decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2026-01-01T12:00:00+08:00"))
        assert not [d for d in decision.deadlines if d.ruleset in {"spp_2012", "spp_2019"}], start


def test_a_bail_application_by_a_suspect_at_liberty_starts_no_three_day_reply() -> None:
    """SPP 2019 Art. 88 concerns a suspect held or under surveillance; a suspect under no measure gets no reply deadline."""
    case = _case("procuratorate", [], suspect={"current_measure": "none"},
                 events=[{"kind": "bail_applied", "at": "2025-04-28T10:00:00+08:00"}])
    decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2025-05-10T12:00:00+08:00"))
    assert not [d for d in decision.deadlines if d.duty == "bail_reply"]


def test_a_not_detained_suspects_arrest_request_is_never_given_seven_days() -> None:
    """Issue 11: for a suspect on bail, SPP 2019 Art. 282 gives 15 days; its 7 days for a detained suspect do not run."""
    case = _case("public_security", [], suspect={"current_measure": "bail"},
                 circumstances={"major_and_complex": False, "especially_major_and_complex": False},
                 events=[{"kind": "arrest_approval_requested", "at": "2025-03-03T10:00:00+08:00"},
                         {"kind": "arrest_approved", "at": "2025-03-14T10:00:00+08:00"}])
    decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2025-03-20T12:00:00+08:00"))
    spp = [(d.duty, d.status) for d in decision.deadlines if d.ruleset == "spp_2019"]
    assert spp == [("arrest_approval_decision_not_detained", "met")]
