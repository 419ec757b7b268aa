"""The holiday calendar: chinesecalendar, the weekend reading, holiday files and the fallback."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules.legaltime.holidays import (
    WEEKEND_READING_TEXT,
    HolidayCalendar,
    fallback_warning,
    load_holiday_file,
    parse_holiday_data,
)
from legalrules.errors import HolidayFileError, InputError

HOLIDAYS = Path(__file__).resolve().parent.parent / "fixtures" / "holidays"
SPRING_FESTIVAL_2025 = [date(2025, 1, 28) + timedelta(days=n) for n in range(8)]


def test_2025_spring_festival_days_are_holidays() -> None:
    """Every day of the 2025 Spring Festival holiday, 2025-01-28 to 2025-02-04, is a 节假日."""
    calendar = HolidayCalendar()
    assert all(calendar.is_holiday(day) for day in SPRING_FESTIVAL_2025)
    assert not calendar.is_holiday(date(2025, 1, 27))
    assert not calendar.is_holiday(date(2025, 2, 5))


def test_statutory_holiday_named_in_its_status() -> None:
    """A statutory holiday's status names the festival in English and Chinese and its source."""
    status = HolidayCalendar().status(date(2025, 1, 29))
    assert status.holiday and status.source == "chinese_calendar"
    assert "Spring Festival 春节" in status.reason


def test_adjusted_working_weekend_days_are_not_holidays() -> None:
    """The 2025 调休 Sunday 2025-01-26 and Saturday 2025-02-08 are working days, not 节假日."""
    calendar = HolidayCalendar()
    for day in (date(2025, 1, 26), date(2025, 2, 8)):
        assert day.weekday() >= 5 and chinese_calendar.is_workday(day)
        assert not calendar.is_holiday(day)
        assert "调休" in calendar.status(day).reason


def test_ordinary_weekend_is_a_rest_day_by_default() -> None:
    """Under the default reading 'rest_days' an ordinary Saturday is a 节假日."""
    assert HolidayCalendar().is_holiday(date(2025, 2, 22))


def test_working_days_reading_keeps_ordinary_weekends_working() -> None:
    """Under 'working_days' an ordinary weekend is a working day but a statutory holiday is not."""
    calendar = HolidayCalendar(weekends="working_days")
    assert not calendar.is_holiday(date(2025, 2, 22))
    assert calendar.is_holiday(date(2025, 1, 29))
    assert calendar.is_holiday(date(2025, 2, 1))  # a Saturday inside the Spring Festival holiday
    assert "working_days" in calendar.status(date(2025, 2, 22)).reason


def test_weekend_readings_are_described_in_plain_words() -> None:
    """Each weekend reading has a plain description, and the calendar exposes the one in force."""
    assert set(WEEKEND_READING_TEXT) == {"rest_days", "working_days"}
    assert HolidayCalendar(weekends="working_days").weekend_reading_text == WEEKEND_READING_TEXT["working_days"]


def test_unknown_weekend_reading_rejected() -> None:
    """A weekend reading that is not one of the two raises ValueError naming the choices."""
    with pytest.raises(ValueError, match="rest_days"):
        HolidayCalendar(weekends="sometimes")  # type: ignore[arg-type]


def test_first_working_day_after_spring_festival() -> None:
    """The first working day after any day of the 2025 Spring Festival holiday is 2025-02-05."""
    calendar = HolidayCalendar()
    assert {calendar.first_working_day_after(day) for day in SPRING_FESTIVAL_2025} == {date(2025, 2, 5)}


def test_first_working_day_after_can_be_an_adjusted_sunday() -> None:
    """After Saturday 2025-01-25 the next working day is the 调休 Sunday 2025-01-26."""
    assert HolidayCalendar().first_working_day_after(date(2025, 1, 25)) == date(2025, 1, 26)


def test_2027_falls_back_to_weekends_and_is_recorded() -> None:
    """A 2027 day uses weekends only (New Year's Day not applied) and 2027 is recorded with a warning."""
    calendar = HolidayCalendar()
    assert not calendar.is_holiday(date(2027, 1, 1))
    assert calendar.is_holiday(date(2027, 1, 2))
    assert calendar.status(date(2027, 1, 2)).source == "weekends_only"
    assert calendar.fallback_years == frozenset({2027})
    assert calendar.warnings() == [fallback_warning(2027)]
    assert "no official holiday data for 2027: weekends only" in calendar.warnings()[0]
    assert "--holidays" in calendar.warnings()[0]


def test_years_before_chinesecalendar_fall_back_too() -> None:
    """A 2003 day, before chinesecalendar's data, falls back to weekends and records 2003."""
    calendar = HolidayCalendar()
    assert calendar.is_holiday(date(2003, 12, 27))
    assert calendar.fallback_years == frozenset({2003})


def test_covered_years_are_not_recorded_as_fallback() -> None:
    """Asking about 2004-2026 days records no fallback year."""
    calendar = HolidayCalendar()
    for year in (2004, 2015, 2026):
        calendar.is_holiday(date(year, 6, 1))
    assert calendar.fallback_years == frozenset()


def test_holiday_file_covers_2027() -> None:
    """A holiday file listing 2027 dates takes precedence and 2027 is not a fallback year."""
    calendar = HolidayCalendar.from_file(HOLIDAYS / "holidays_2027.yaml")
    assert calendar.is_holiday(date(2027, 1, 1))
    assert calendar.is_holiday(date(2027, 2, 8))  # a Monday inside the listed range
    assert not calendar.is_holiday(date(2027, 2, 14))  # a Sunday listed as a working day
    assert calendar.is_holiday(date(2027, 3, 6))  # an unlisted Saturday: the weekend rule
    assert not calendar.is_holiday(date(2027, 3, 8))
    assert calendar.status(date(2027, 3, 6)).source == "holiday_file"
    assert calendar.fallback_years == frozenset()


def test_holiday_file_overrides_chinesecalendar_day_by_day() -> None:
    """A 2025 file date wins over chinesecalendar; the other 2025 days still come from chinesecalendar."""
    calendar = HolidayCalendar.from_file(HOLIDAYS / "override_2025.yaml")
    assert not calendar.is_holiday(date(2025, 1, 29))
    assert calendar.is_holiday(date(2025, 2, 5))
    assert calendar.is_holiday(date(2025, 1, 30))
    assert not calendar.is_holiday(date(2025, 2, 8))
    assert str(HOLIDAYS / "override_2025.yaml") in calendar.status(date(2025, 2, 5)).reason


def test_years_key_declares_a_year_covered() -> None:
    """A file whose `years` lists 2028 covers 2028 with the weekend rule and no fallback."""
    calendar = HolidayCalendar.from_file(HOLIDAYS / "years_only_2028.yaml")
    assert calendar.is_holiday(date(2028, 1, 1))  # a Saturday
    assert not calendar.is_holiday(date(2028, 1, 3))
    assert calendar.fallback_years == frozenset()


def test_holiday_file_ranges_and_covered_years() -> None:
    """A range expands to every day, both ends included, and its years are covered."""
    parsed = load_holiday_file(HOLIDAYS / "holidays_2027.yaml")
    assert date(2027, 2, 6) in parsed.holiday_dates() and date(2027, 2, 12) in parsed.holiday_dates()
    assert len(parsed.holiday_dates()) == 8
    assert parsed.covered_years() == frozenset({2027})


@pytest.mark.parametrize(
    ("fixture", "line", "fragment"),
    [
        ("bad_unknown_key.yaml", 4, "unknown key 'holliday_ranges'"),
        ("bad_date.yaml", 4, "received '2027-02-30'; expected a date written YYYY-MM-DD"),
        ("bad_range.yaml", 3, "expected 'to' on or after 'from'"),
        ("bad_range_key.yaml", 5, "unknown key 'until'; expected only the keys from, to"),
        ("bad_both.yaml", 6, "2027-02-08, which the file also lists as a holiday"),
        ("bad_syntax.yaml", 5, "malformed YAML"),
        ("bad_duplicate.yaml", 4, "duplicate key 'holidays'"),
        ("bad_not_mapping.yaml", 1, "expected a mapping"),
    ],
)
def test_bad_holiday_file_names_file_and_line(fixture: str, line: int, fragment: str) -> None:
    """Each bad holiday file raises HolidayFileError naming the file, the line and what was wrong."""
    path = HOLIDAYS / fixture
    with pytest.raises(HolidayFileError) as info:
        HolidayCalendar.from_file(path)
    assert f"{path}:{line}" in str(info.value)
    assert fragment in str(info.value)
    assert isinstance(info.value, InputError)


def test_missing_holiday_file_is_an_input_error() -> None:
    """A holiday file that does not exist raises HolidayFileError, not FileNotFoundError."""
    with pytest.raises(HolidayFileError, match="no such file"):
        load_holiday_file(HOLIDAYS / "absent.yaml")


def test_number_is_not_read_as_a_date() -> None:
    """A bare number is rejected rather than read as seconds since 1970."""
    with pytest.raises(HolidayFileError, match="expected a date written YYYY-MM-DD"):
        parse_holiday_data({"holidays": [20270101]}, "inline.yaml")


def test_overlong_range_rejected() -> None:
    """A range longer than a year is rejected as a probable typo in a year."""
    with pytest.raises(HolidayFileError, match="at most 366 days"):
        parse_holiday_data({"holidays": [{"from": "2027-01-01", "to": "2028-06-01"}]}, "inline.yaml")


def test_all_holidays_file_fails_cleanly() -> None:
    """A file making every day of three years a holiday gives HolidayFileError, not an endless loop."""
    ranges = [{"from": f"{y}-01-01", "to": f"{y}-12-31"} for y in (2030, 2031, 2032)]
    calendar = HolidayCalendar(holiday_file=parse_holiday_data({"holidays": ranges}, "all.yaml"))
    with pytest.raises(HolidayFileError, match="no working day"):
        calendar.first_working_day_after(date(2030, 1, 1))


@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31)))
def test_rest_days_reading_matches_chinesecalendar(day: date) -> None:
    """Within 2004-2026 the default reading agrees with chinesecalendar.is_holiday on every day."""
    assert HolidayCalendar().is_holiday(day) == chinese_calendar.is_holiday(day)


@given(st.dates(max_value=date(9998, 12, 1)))
def test_never_crashes_on_any_year(day: date) -> None:
    """Any day of any year gets an answer, and the first working day after it is later and working."""
    calendar = HolidayCalendar()
    calendar.is_holiday(day)
    after = calendar.first_working_day_after(day)
    assert after > day and not calendar.is_holiday(after)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_working_days_reading_holidays_are_a_subset(day: date) -> None:
    """A day that is a 节假日 under 'working_days' is one under 'rest_days' too."""
    if HolidayCalendar(weekends="working_days").is_holiday(day):
        assert HolidayCalendar().is_holiday(day)


def test_an_alias_bomb_in_a_holiday_file_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    """Holiday files are user input too: 531,441 values from a few aliases are refused by the value limit."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdef", "abcde"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nholidays: *f\n", encoding="utf-8")
    with pytest.raises(HolidayFileError) as info:
        load_holiday_file(path)
    assert "LEGALRULES_MAX_CASE_VALUES" in str(info.value)
    assert len(info.value.problems[0].received) < 100


def test_the_chinesecalendar_version_named_is_the_one_its_metadata_gives() -> None:
    """Decisions name the holiday data's version from the package itself; it must be the installed one."""
    from importlib.metadata import version

    from legalrules.legaltime.holidays import _chinesecalendar_version

    assert _chinesecalendar_version() == version("chinesecalendar")
