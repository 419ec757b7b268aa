"""sweep: one fact across a range; change points at the legal boundaries, with the rule and fact."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from legalrules.errors import InputError
from legalrules.frontends.cli.app import app
from legalrules.variations.ranges import MAX_POINTS, parse_sweep

from ..conftest import ROOT

THEFT = str(ROOT / "examples" / "theft_unknowns.yaml")  # interrogated 2025-11-02
FRAUD = str(ROOT / "examples" / "fraud_detention_pending.yaml")  # detention d1
THEFT_AS_OF = ["--as-of", "2025-11-03T09:00:00+08:00"]


def _sweep(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["sweep", *args, "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def _change_values(result: dict[str, Any]) -> list[Any]:
    return [p["value"] for p in result["points"] if p["changed"]]


@pytest.mark.parametrize(("reading", "boundary"), [("from_day_after_birthday", "2007-11-02"),
                                                   ("from_birthday", "2007-11-03")])
def test_the_18th_birthday_is_the_one_change_point_of_a_birth_date_sweep(reading: str, boundary: str) -> None:
    """Interrogated on 2025-11-02: born 2007-11-02 is still a minor by default, an adult from the birthday."""
    result = _sweep(THEFT, *THEFT_AS_OF, "--vary", "suspect.birth_date=2007-10-30..2007-11-05",
                    "--show", "art6_circumstance", "--age-counting", reading)
    assert result["answers"] == ["av_2014:art6_circumstance@interrogations[0]"]
    assert _change_values(result) == [boundary]
    (point,) = [p for p in result["points"] if p["changed"]]
    (flip,) = point["because"]
    (fact,) = flip["rules"][0]["facts"]
    assert (fact["fact"], fact["before"], fact["after"]) == ("suspect.age_at_interrogation", 18, 17)


def test_ten_years_is_inside_yishang() -> None:
    """以上 includes the number: a ten-year maximum already makes the case major (av_2014 Art. 4 item (5))."""
    result = _sweep(THEFT, *THEFT_AS_OF, "--vary", "offences[0].statutory_max=8..12", "--show", "major_case")
    assert _change_values(result) == [10]
    assert [p["answers"]["av_2014:major_case@interrogations[0]"] for p in result["points"]] == \
        ["undetermined", "undetermined", "true", "true", "true"]


def test_a_detention_swept_by_start_hour_changes_only_where_a_day_count_does() -> None:
    """24-hour clocks move with the start (no change point); the 3-day clock jumps when the start crosses midnight."""
    result = _sweep(FRAUD, "--as-of", "2026-09-29T12:00:00+08:00",
                    "--vary", "measures[d1].start=2026-09-30T20:00+08:00..2026-10-01T02:00+08:00:1h")
    # CPL Art. 91 and, in this public-security case, PSP 2020 Art. 129 alike.
    assert result["answers"] == ["crim_proc.art91.1:arrest_approval_request@measures[1]",
                                 "psp_2020.art129.1:arrest_approval_request@measures[1]"]
    assert _change_values(result) == ["2026-10-01T00:00:00+08:00"]
    (point,) = [p for p in result["points"] if p["changed"]]
    assert len(point["moved"]) == 2  # the CPL's and PSP 2020's request, alike
    for moved in point["moved"]:
        assert (moved["due_before"], moved["due_after"]) == ("2026-10-03T23:59:59+08:00", "2026-10-04T23:59:59+08:00")
        assert "never extended for holidays" in moved["holiday_rule_after"]  # custody: 1-8 October change nothing
    shown = _sweep(FRAUD, "--as-of", "2026-09-29T12:00:00+08:00", "--show", "family_notification",
                   "--vary", "measures[d1].start=2026-09-30T22:00+08:00..2026-09-30T23:00+08:00:1h")
    assert [p["answers"]["crim_proc.art85.2:family_notification@measures[1]"] for p in shown["points"]] == \
        ["10-01 22:00 pending", "10-01 23:00 pending"]
    assert _change_values(shown) == []


def test_an_enum_swept_over_every_value_marks_where_recording_becomes_required() -> None:
    """`*` takes every place the model allows; Art. 5 makes a detention-house interrogation recorded."""
    result = _sweep(THEFT, *THEFT_AS_OF, "--vary", "interrogations[0].place=*", "--show", "av_2014:recording_required")
    assert [p["value"] for p in result["points"]][:2] == ["law_enforcement_venue", "designated_place"]
    assert _change_values(result) == ["detention_house"]
    assert result["points"][-1]["answers"]["av_2014:recording_required@interrogations[0]"] == "true"


def test_text_marks_change_points() -> None:
    """The table marks a change point's row, and lists why below it."""
    result = CliRunner().invoke(app, ["sweep", THEFT, *THEFT_AS_OF, "--vary", "offences[0].statutory_max=9..10",
                                      "--show", "major_case"])
    assert result.exit_code == 0
    assert "▶  10" in result.stdout
    assert "offences[0]: offence.max_fixed_term_years: 9 -> 10" in result.stdout


@pytest.mark.parametrize(("spec", "says"), [
    ("suspect.birth_date=2008-01-01..2007-01-01", "TO no earlier than FROM"),
    ("suspect.birth_date=2008-01-01..2008-02-01:2h", "whole days"),
    ("suspect.blind=1..3", "a range only for dates, instants and numbers"),
    ("suspect.birth_date=*", "'*' only for a bool or an enum"),
    ("suspect.height=1..2", "expected one of"),
    ("measures[0].start=2026-01-01T00:00..2026-12-31T00:00:1m", f"at most {MAX_POINTS}"),
    ("suspect.birth_date", "received no '='"),
])
def test_a_bad_range_is_refused_saying_what_was_expected(spec: str, says: str) -> None:
    """Ranges are checked against the field's type before anything is evaluated."""
    with pytest.raises(InputError) as caught:
        parse_sweep(spec)
    assert says in str(caught.value)


def test_bad_sweeps_exit_2_without_a_traceback() -> None:
    """A bad --vary, --show or swept value exits 2 with nothing on stdout."""
    for args in (["--vary", "suspect.blind=1..3"], ["--vary", "suspect.blind=*", "--show", "no_such_answer"],
                 ["--vary", "suspect.birth_date=2008-01-01,not-a-date"]):
        result = CliRunner().invoke(app, ["sweep", THEFT, *THEFT_AS_OF, *args])
        assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output, result.output


def test_ages_sweep_a_birth_date_a_year_at_a_time() -> None:
    """`:1y` steps a birth date by whole years (29 February becomes 28 February); 18 is the boundary."""
    assert parse_sweep("suspect.birth_date=2004-02-29..2007-03-01:1y").values == \
        ("2004-02-29", "2005-02-28", "2006-02-28", "2007-02-28")
    eighteen = str(ROOT / "examples" / "theft_turning_eighteen.yaml")  # interrogated 2025-11-03
    result = _sweep(eighteen, "--as-of", "2025-11-04T09:00:00+08:00", "--show", "av_2014:recording_required",
                    "--vary", "suspect.birth_date=2005-11-03..2009-11-03:1y")
    assert _change_values(result) == ["2007-11-03"]
