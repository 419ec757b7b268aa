"""Statutory period arithmetic: CPL 2018 Art. 105 and SPC Interpretation 2021 Art. 202."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import chinese_calendar  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules.legaltime.holidays import HolidayCalendar
from legalrules.case.instants import LOCAL_ZONE
from legalrules.legaltime.periods import (
    END_OF_DAY,
    HOUR_READING_TEXT,
    Expiry,
    Period,
    add_months,
    compute_chain,
)

HOLIDAYS = Path(__file__).resolve().parent.parent / "fixtures" / "holidays"
CST = timezone(timedelta(hours=8))
CALENDAR = HolidayCalendar()


def at(text: str) -> datetime:
    """An aware instant from ISO text that carries its offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None
    return value


def end_of(day: date) -> datetime:
    """The due instant of a day or month period whose last day is `day`."""
    return datetime.combine(day, END_OF_DAY, tzinfo=LOCAL_ZONE)


def expire(anchor: str, period: Period, *, custody: bool = False, calendar: HolidayCalendar = CALENDAR,
           **options: object) -> Expiry:
    """compute_chain of one period, with the shared calendar and non-custody by default."""
    return compute_chain(at(anchor), (period,), custody=custody, calendar=calendar, **options)  # type: ignore[arg-type]


def extend(anchor: datetime, base: Period, extension: Period, *, custody: bool) -> tuple[Expiry, Expiry]:
    """The base deadline and the deadline with an approved extension, as the engine computes both."""
    return (compute_chain(anchor, (base,), custody=custody, calendar=CALENDAR),
            compute_chain(anchor, (base, extension), custody=custody, calendar=CALENDAR))


# --- months (SPC Interpretation 2021 Art. 202) ------------------------------------------

@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 15), 1, date(2025, 2, 15)),  # 自本月某日至下月同日
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # 下月同日不存在: last day of February
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # the same in a leap year
        (date(2025, 4, 30), 1, date(2025, 5, 31)),  # 起算日为本月最后一日: to next month's last day
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2023, 2, 28), 1, date(2023, 3, 31)),  # Feb 28 is the last day in a common year
        (date(2024, 2, 28), 1, date(2024, 3, 28)),  # ... but not in a leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 1, 30), 2, date(2025, 3, 30)),  # several months in one step, not month by month
        (date(2025, 11, 15), 3, date(2026, 2, 15)),  # across a year end
    ],
)
def test_add_months_follows_art_202(start: date, months: int, expected: date) -> None:
    """Adding months follows SPC Art. 202: same day, or the last day when the start is or lacks it."""
    assert add_months(start, months) == expected


def test_month_period_ends_at_end_of_its_last_day() -> None:
    """A custody period of 1 month from 2025-01-31 ends at the end of 2025-02-28."""
    expiry = expire("2025-01-31T15:00:00+08:00", Period.months(1), custody=True)
    assert expiry.last_day == date(2025, 2, 28)
    assert expiry.due == end_of(date(2025, 2, 28))
    assert any("SPC Interpretation 2021 Art. 202" in step for step in expiry.steps)


# --- days and the holiday rule (CPL Art. 105) ---------------------------------------------

def test_day_of_anchor_not_counted() -> None:
    """A 3-day period from any time on 2025-03-10 ends at the end of 2025-03-13."""
    for time_of_day in ("00:00:00", "23:59:59"):
        expiry = expire(f"2025-03-10T{time_of_day}+08:00", Period.days(3), custody=True)
        assert expiry.due == end_of(date(2025, 3, 13))


def test_spring_festival_rolls_non_custody_period_forward() -> None:
    """A 7-day non-custody period ending on 2025-01-29 (Spring Festival) ends on 2025-02-05 instead."""
    assert chinese_calendar.get_holiday_detail(date(2025, 1, 29)) == (True, "Spring Festival")
    assert chinese_calendar.is_workday(date(2025, 2, 5))
    expiry = expire("2025-01-22T10:25:00+08:00", Period.days(7))
    assert expiry.last_day == date(2025, 2, 5)
    assert expiry.due == end_of(date(2025, 2, 5))
    assert expiry.extended_for_holiday
    assert "2025-01-29" in expiry.rule_applied and "2025-02-05" in expiry.rule_applied
    assert "Spring Festival" in expiry.rule_applied


def test_spring_festival_does_not_extend_custody_period() -> None:
    """The same 7-day period for a suspect in custody ends on 2025-01-29, a holiday."""
    expiry = expire("2025-01-22T10:25:00+08:00", Period.days(7), custody=True)
    assert expiry.last_day == date(2025, 1, 29)
    assert not expiry.extended_for_holiday
    assert expiry.rule_applied.startswith("custody period: never extended for holidays (CPL Art. 105 para 4")


def test_adjusted_working_sunday_is_not_a_holiday_last_day() -> None:
    """A period whose last day is the 调休 Sunday 2025-01-26 ends that day."""
    expiry = expire("2025-01-19T09:00:00+08:00", Period.days(7))
    assert expiry.last_day == date(2025, 1, 26)
    assert not expiry.extended_for_holiday
    assert "调休" in expiry.rule_applied


def test_adjusted_working_saturday_is_not_a_holiday_last_day() -> None:
    """A period whose last day is the 调休 Saturday 2025-02-08 ends that day, while an ordinary
    Saturday a week later rolls to Monday."""
    assert chinese_calendar.is_workday(date(2025, 2, 8)) and date(2025, 2, 8).weekday() == 5
    worked = expire("2025-02-01T09:00:00+08:00", Period.days(7))
    assert worked.last_day == date(2025, 2, 8) and not worked.extended_for_holiday
    ordinary = expire("2025-02-08T09:00:00+08:00", Period.days(7))
    assert ordinary.last_day == date(2025, 2, 17) and ordinary.extended_for_holiday


def test_weekend_last_day_under_each_reading() -> None:
    """A last day on an ordinary Saturday moves to Monday under 'rest_days' and stays under 'working_days'."""
    anchor = "2025-02-15T09:00:00+08:00"
    assert expire(anchor, Period.days(7)).last_day == date(2025, 2, 24)
    working = expire(anchor, Period.days(7), calendar=HolidayCalendar(weekends="working_days"))
    assert working.last_day == date(2025, 2, 22)
    assert not working.extended_for_holiday


def test_month_period_rolls_forward_for_holidays() -> None:
    """The holiday rule applies to month periods: 1 month from 2025-09-01 ends on 2025-10-09."""
    expiry = expire("2025-09-01T09:00:00+08:00", Period.months(1))
    assert expiry.last_day == date(2025, 10, 9)  # Oct 1-8 holidays; Oct 9 is a Thursday
    assert expiry.extended_for_holiday


def test_2027_anchor_falls_back_to_weekends_and_warns() -> None:
    """A period ending on 2027-01-01 is not extended (no 2027 data) and the result warns about 2027."""
    calendar = HolidayCalendar()
    expiry = expire("2026-12-24T09:00:00+08:00", Period.days(8), calendar=calendar)
    assert expiry.last_day == date(2027, 1, 1)
    assert not expiry.extended_for_holiday
    assert expiry.warnings == ("no official holiday data for 2027: weekends only, statutory holidays not applied; "
                               "give a holiday file with --holidays",)
    assert calendar.fallback_years == frozenset({2027})


def test_holiday_file_for_2027_takes_precedence() -> None:
    """With a file making 2027-01-01 a holiday, the same period ends on Monday 2027-01-04 and nothing warns."""
    calendar = HolidayCalendar.from_file(HOLIDAYS / "holidays_2027.yaml")
    expiry = expire("2026-12-24T09:00:00+08:00", Period.days(8), calendar=calendar)
    assert expiry.last_day == date(2027, 1, 4)
    assert expiry.warnings == ()
    assert calendar.fallback_years == frozenset()


def test_holiday_file_overrides_chinesecalendar_for_2025() -> None:
    """A file making 2025-01-29 a working day and 2025-02-05 a holiday changes both results."""
    calendar = HolidayCalendar.from_file(HOLIDAYS / "override_2025.yaml")
    assert expire("2025-01-22T10:25:00+08:00", Period.days(7), calendar=calendar).last_day == date(2025, 1, 29)
    assert expire("2025-01-23T10:25:00+08:00", Period.days(7), calendar=calendar).last_day == date(2025, 2, 6)


def test_custody_period_does_not_consult_the_calendar() -> None:
    """A custody period ending in 2027 neither warns nor records a fallback year: holidays cannot matter."""
    calendar = HolidayCalendar()
    expiry = expire("2026-12-24T09:00:00+08:00", Period.days(8), custody=True, calendar=calendar)
    assert expiry.warnings == ()
    assert calendar.fallback_years == frozenset()


# --- hours --------------------------------------------------------------------------------

def test_24_hours_across_midnight() -> None:
    """24 hours from 22:30 ends at 22:30 the next day; the other reading at 23:00."""
    expiry = expire("2025-03-10T22:30:00+08:00", Period.hours(24))
    assert expiry.due == at("2025-03-11T22:30:00+08:00")
    assert expiry.alternative_due == at("2025-03-11T23:00:00+08:00")
    assert expiry.hour_reading == "from_the_instant"
    assert expiry.last_day is None


def test_anchor_in_another_offset_gives_the_same_instant() -> None:
    """An anchor given in UTC gives the same due instant, expressed in Asia/Shanghai time."""
    local_anchor = expire("2025-03-10T22:30:00+08:00", Period.hours(24))
    utc_anchor = expire("2025-03-10T14:30:00+00:00", Period.hours(24))
    assert utc_anchor.due == local_anchor.due
    assert utc_anchor.due.tzinfo is LOCAL_ZONE and utc_anchor.due.hour == 22
    assert "given as 2025-03-10T14:30:00+00:00" in utc_anchor.steps[0]


def test_from_next_full_hour_reading() -> None:
    """Under 'from_next_full_hour', 24 hours from 10:25 ends at 11:00 the next day, the other at 10:25."""
    expiry = expire("2025-03-10T10:25:00+08:00", Period.hours(24), hour_reading="from_next_full_hour")
    assert expiry.due == at("2025-03-11T11:00:00+08:00")
    assert expiry.alternative_due == at("2025-03-11T10:25:00+08:00")


def test_anchor_on_the_hour_still_skips_its_hour() -> None:
    """Under 'from_next_full_hour' an anchor at exactly 10:00 still does not count the 10 o'clock hour."""
    expiry = expire("2025-03-10T10:00:00+08:00", Period.hours(24), hour_reading="from_next_full_hour")
    assert expiry.due == at("2025-03-11T11:00:00+08:00")


def test_hour_period_not_extended_for_holidays() -> None:
    """24 hours ending on 2025-01-29 (Spring Festival) ends at its instant; the steps say why."""
    expiry = expire("2025-01-28T12:00:00+08:00", Period.hours(24))
    assert expiry.due == at("2025-01-29T12:00:00+08:00")
    assert not expiry.extended_for_holiday
    assert "never extended for holidays" in expiry.rule_applied


def test_hour_readings_are_described() -> None:
    """Both hour readings have a plain description."""
    assert set(HOUR_READING_TEXT) == {"from_the_instant", "from_next_full_hour"}


# --- travel time and extensions -----------------------------------------------------------

def test_travel_time_added_to_hour_periods() -> None:
    """90 minutes of travel move a 24-hour due time 90 minutes later, under both readings."""
    expiry = expire("2025-03-10T10:25:00+08:00", Period.hours(24), travel=timedelta(minutes=90))
    assert expiry.due == at("2025-03-11T11:55:00+08:00")
    assert expiry.alternative_due == at("2025-03-11T12:30:00+08:00")


def test_travel_time_rounded_up_to_days_for_day_periods() -> None:
    """30 hours of travel add 2 whole days to a 3-day period's last day."""
    expiry = expire("2025-03-10T09:00:00+08:00", Period.days(3), custody=True, travel=timedelta(hours=30))
    assert expiry.last_day == date(2025, 3, 15)
    assert any("rounded up to 2 whole day(s)" in step for step in expiry.steps)


def test_extension_of_days_equals_the_longer_period() -> None:
    """3 days extended by 4 (CPL Art. 91) give the 3-day deadline and the same deadline as 7 days."""
    base, extended = extend(at("2025-03-10T09:00:00+08:00"), Period.days(3), Period.days(4), custody=True)
    assert base.last_day == date(2025, 3, 13)
    assert extended.due == expire("2025-03-10T09:00:00+08:00", Period.days(7), custody=True).due
    assert extended.describe_due() == "2025-03-17 Mon 23:59:59 (+08:00)"


def test_month_extension_runs_on_from_the_base_last_day() -> None:
    """3 months from 2025-11-30 end on 2026-02-28; one more month runs to the last day of March."""
    base, extended = extend(at("2025-11-30T09:00:00+08:00"), Period.months(3), Period.months(1), custody=True)
    assert base.last_day == date(2026, 2, 28)
    assert extended.last_day == date(2026, 3, 31)


def test_extension_starts_from_the_unextended_base_day() -> None:
    """A holiday that moved the base deadline does not move where a non-custody extension starts."""
    base, extended = extend(at("2025-01-22T10:25:00+08:00"), Period.days(7), Period.days(1), custody=False)
    assert base.last_day == date(2025, 2, 5)
    assert extended.last_day == date(2025, 2, 5)  # 2025-01-30 is a holiday too


def test_hour_extension() -> None:
    """12 hours extended by 12 end where 24 hours do, under both readings."""
    _, extended = extend(at("2025-03-10T10:25:00+08:00"), Period.hours(12), Period.hours(12), custody=True)
    plain = expire("2025-03-10T10:25:00+08:00", Period.hours(24))
    assert (extended.due, extended.alternative_due) == (plain.due, plain.alternative_due)


def test_hours_cannot_be_extended_by_days() -> None:
    """Mixing an hour period with a day extension raises ValueError."""
    with pytest.raises(ValueError, match="hours"):
        extend(at("2025-03-10T10:25:00+08:00"), Period.hours(24), Period.days(1), custody=True)


# --- input checks -------------------------------------------------------------------------

def test_naive_anchor_rejected() -> None:
    """A naive anchor raises ValueError asking for an offset, for both entry points."""
    naive = datetime(2025, 3, 10, 10, 25)
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_chain(naive, (Period.days(1),), custody=False, calendar=CALENDAR)
    with pytest.raises(ValueError, match="timezone-aware"):
        extend(naive, Period.days(1), Period.days(1), custody=False)


@pytest.mark.parametrize(("amount", "unit"), [(0, "days"), (-1, "hours"), (True, "days"), (1, "weeks"), (1.5, "days")])
def test_bad_period_rejected(amount: object, unit: str) -> None:
    """A period with an amount below 1, not a whole number, or an unknown unit raises ValueError."""
    with pytest.raises(ValueError):
        Period(amount, unit)  # type: ignore[arg-type]


def test_negative_travel_rejected() -> None:
    """Negative travel time raises ValueError."""
    with pytest.raises(ValueError, match="travel"):
        expire("2025-03-10T10:25:00+08:00", Period.days(1), travel=timedelta(hours=-1))


def test_period_descriptions() -> None:
    """Periods describe themselves in words."""
    assert [Period.hours(24).describe(), Period.days(1).describe(), Period.months(2).describe()
            ] == ["24 hours", "1 day", "2 months"]


def test_steps_cite_the_law() -> None:
    """The steps of a holiday roll-forward cite Art. 105 paras 2 and 4 and end with the due time."""
    steps = expire("2025-01-22T10:25:00+08:00", Period.days(7)).steps
    assert "CPL Art. 105 para 2" in steps[1]
    assert any("CPL Art. 105 para 4" in step for step in steps)
    assert steps[-1].startswith("due: 2025-02-05 Wed 23:59:59 (+08:00)")


# --- properties ---------------------------------------------------------------------------

ZONES = st.sampled_from([CST, timezone.utc, timezone(timedelta(hours=-5)), ZoneInfo("Asia/Shanghai")])
anchors = st.datetimes(min_value=datetime(2004, 1, 1), max_value=datetime(2027, 6, 30), timezones=ZONES)
periods = st.one_of(
    st.builds(Period, st.integers(1, 96), st.just("hours")),
    st.builds(Period, st.integers(1, 60), st.just("days")),
    st.builds(Period, st.integers(1, 14), st.just("months")),
)
readings = st.sampled_from(["from_the_instant", "from_next_full_hour"])
travels = st.sampled_from([timedelta(0), timedelta(minutes=45), timedelta(days=1, hours=2)])


@given(anchors, periods, st.booleans(), readings, travels)
def test_due_never_before_anchor(anchor: datetime, period: Period, custody: bool, reading: str,
                                 travel: timedelta) -> None:
    """A due time is never before its anchor."""
    expiry = compute_chain(anchor, (period,), custody=custody, calendar=CALENDAR, travel=travel,
                            hour_reading=reading)  # type: ignore[arg-type]
    assert expiry.due > anchor


@given(anchors, anchors, periods, st.booleans(), readings)
def test_due_monotone_in_anchor(first: datetime, second: datetime, period: Period, custody: bool,
                                reading: str) -> None:
    """A later anchor never gives an earlier due time."""
    early, late = sorted([first, second])
    options = {"custody": custody, "calendar": CALENDAR, "hour_reading": reading}
    first_due = compute_chain(early, (period,), **options).due  # type: ignore[arg-type]
    assert first_due <= compute_chain(late, (period,), **options).due  # type: ignore[arg-type]


@given(anchors, periods, readings)
def test_custody_never_later(anchor: datetime, period: Period, reading: str) -> None:
    """A custody period's due time is never later than the same non-custody period's."""
    def due(custody: bool) -> datetime:
        return compute_chain(anchor, (period,), custody=custody, calendar=CALENDAR,
                              hour_reading=reading).due  # type: ignore[arg-type]
    assert due(True) <= due(False)


@given(anchors, periods, st.booleans(), st.sampled_from(["rest_days", "working_days"]))
def test_deterministic(anchor: datetime, period: Period, custody: bool, weekends: str) -> None:
    """Recomputing, even with a fresh calendar, gives an identical result."""
    def run() -> Expiry:
        calendar = HolidayCalendar(weekends=weekends)  # type: ignore[arg-type]
        return compute_chain(anchor, (period,), custody=custody, calendar=calendar)
    assert run() == run()


@given(anchors, st.integers(1, 96), travels)
def test_from_the_instant_not_later_than_next_full_hour(anchor: datetime, hours: int, travel: timedelta) -> None:
    """'from_the_instant' is never later than 'from_next_full_hour', and each is the other's alternative."""
    def run(reading: str) -> Expiry:
        return compute_chain(anchor, (Period.hours(hours),), custody=False, calendar=CALENDAR,
                              travel=travel, hour_reading=reading)  # type: ignore[arg-type]
    instant, full_hour = run("from_the_instant"), run("from_next_full_hour")
    assert instant.due <= full_hour.due
    assert (instant.alternative_due, full_hour.alternative_due) == (full_hour.due, instant.due)


@given(anchors, periods, ZONES)
def test_offset_of_anchor_does_not_matter(anchor: datetime, period: Period, zone: timezone) -> None:
    """The same instant written in another offset gives the same result."""
    def run(moment: datetime) -> Expiry:
        return compute_chain(moment, (period,), custody=False, calendar=CALENDAR)
    first, second = run(anchor), run(anchor.astimezone(zone))
    assert (first.due, first.last_day, first.alternative_due) == (second.due, second.last_day, second.alternative_due)


@given(anchors, st.one_of(st.builds(Period, st.integers(1, 60), st.just("days")),
                          st.builds(Period, st.integers(1, 14), st.just("months"))))
def test_non_custody_last_day_is_never_a_holiday(anchor: datetime, period: Period) -> None:
    """A non-custody day or month period never ends on a 节假日, and ends at 23:59:59 local."""
    expiry = compute_chain(anchor, (period,), custody=False, calendar=CALENDAR)
    assert expiry.last_day is not None and not CALENDAR.is_holiday(expiry.last_day)
    assert expiry.due == end_of(expiry.last_day)


@given(anchors, periods, periods, st.booleans())
def test_extension_never_earlier(anchor: datetime, base: Period, extension: Period, custody: bool) -> None:
    """An extended deadline is never earlier than its base deadline."""
    if base.in_hours != extension.in_hours:
        return
    first, extended = extend(anchor, base, extension, custody=custody)
    assert extended.due >= first.due
