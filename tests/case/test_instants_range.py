"""Instants outside the supported range, and numbers given for instants, are input errors (exit 2)."""

from __future__ import annotations

import pytest

from legalrules import CaseFileError, parse_case
from legalrules.case.instants import EARLIEST, LATEST, RANGE_TEXT


def _problems(body: str) -> list[str]:
    with pytest.raises(CaseFileError) as info:
        parse_case("case: {id: X}\n" + body, "range.yaml")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("moment", ["9999-12-31T10:00:00+08:00", "0001-01-01T00:30:00+08:00",
                                    "1978-12-31T23:59:59+08:00", "2101-01-01T00:00:00+08:00"])
def test_an_instant_outside_1979_to_2100_is_refused_saying_the_range(moment: str) -> None:
    """A measure in year 9999 or year 1 (internal errors before) is refused naming the supported range."""
    (problem,) = _problems(f"measures: [{{kind: detention, start: {moment}}}]\n")
    assert problem.startswith("range.yaml:2 measures[0].start: received")
    assert RANGE_TEXT in problem


def test_the_range_ends_are_included() -> None:
    """The first and last supported instants are read."""
    case = parse_case(f"case: {{id: X}}\nmeasures: [{{kind: detention, start: {EARLIEST.isoformat()}, "
                      f"end: {LATEST.isoformat()}}}]\n", "edges.yaml")
    assert case.measures[0].start == EARLIEST and case.measures[0].end == LATEST


@pytest.mark.parametrize("number", ["99999999999999", "1700000000", "1.5e9"])
def test_a_number_given_for_an_instant_is_refused(number: str) -> None:
    """An integer or float is not read as seconds since 1970 (99999999999999 was year 5138)."""
    (problem,) = _problems(f"events: [{{kind: family_notified, at: {number}}}]\n")
    assert "not a number, which would be read as seconds since 1970" in problem


def test_a_number_given_for_a_birth_date_is_refused() -> None:
    """`birth_date: 19800101` is not a date."""
    (problem,) = _problems("suspect: {birth_date: 19800101}\n")
    assert problem.startswith("range.yaml:2 suspect.birth_date: received 19800101 (int)")


@pytest.mark.parametrize(("value", "expected"), [(".inf", "a finite number"), ("1e8", "less than or equal to 720"),
                                                 ("1.0e300", "less than or equal to 720")])
def test_travel_hours_out_of_range_are_refused(value: str, expected: str) -> None:
    """Infinite or huge travel time (an overflow before) is refused; `1e8` and `1.0e300` are read as numbers."""
    (problem,) = _problems(f"measures: [{{kind: detention, travel_hours: {value}}}]\n")
    assert expected in problem and "(float)" in problem


def test_the_schema_states_the_supported_range() -> None:
    """The JSON Schema of case files gives the range in the instants' description and bounds."""
    import json

    from legalrules import CaseFacts

    text = json.dumps(CaseFacts.model_json_schema())
    assert RANGE_TEXT in text
    assert '"formatMinimum": "1979-01-01T00:00:00+08:00"' in text
