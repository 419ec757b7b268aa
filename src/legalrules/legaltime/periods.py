"""Statutory period arithmetic: when a period counted in hours, days or months expires.

CPL 2018 Art. 105:
    期间以时、日、月计算。
    期间开始的时和日不算在期间以内。
    法定期间不包括路途上的时间。……
    期间的最后一日为节假日的，以节假日后的第一日为期满日期，但犯罪嫌疑人、被告人或者罪犯在押期间，
    应当至期满之日为止，不得因节假日而延长。
SPC Interpretation 2021 Art. 202 para 1:
    以月计算的期间，自本月某日至下月同日为一个月；期限起算日为本月最后一日的，至下月最后一日为一个月；
    下月同日不存在的，自本月某日至下月最后一日为一个月；半个月一律按十五日计算。

Each computation cites the text in force on the period's start (`period_law`): CPL 1996
Art. 78 before 2013, which had no holiday paragraph (the rule then is SPC 1998
Interpretation Art. 103, with the interpretation `holidays_before_2013` for a suspect's
custody), CPL 2012 Art. 103 from 2013-01-01, CPL 2018 Art. 105 from 2018-10-26.

Everything is computed in Asia/Shanghai local time from timezone-aware instants (a
naive datetime is rejected: this module never guesses a zone). The result carries
its computation in plain words, shown to officers as "the computation".

Conventions this module fixes (each is stated in the steps it produces):
- A period counted in days or months expires at the end of its last day. `due` is the
  last representable instant of that day, 23:59:59.999999 local, so `done <= due`
  holds for anything done on the last day; it is shown as 23:59:59.
- A period counted in hours ends at an instant. Art. 105 para 4 moves only a last
  *day* that is a holiday, so hour periods are never extended for holidays.
- Travel time (路途上的时间) is not part of the period, so it is added: to the due
  instant for hour periods; for day and month periods it is rounded up to whole days
  and added to the last day before the holiday rule (a part-day of travel still costs
  the day).
- Extensions run on from the base period: the extension is counted from the base
  period's last day (or due instant, for hours) as if that were its anchor; the
  holiday rule is applied once, to the final last day.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal, NamedTuple

from .holidays import HolidayCalendar, fallback_warning
from .period_law import PeriodLaw, period_law
from ..case.instants import LOCAL_ZONE, local
from ..interpretations import HOLIDAYS_BEFORE_2013_TEXT, HOUR_READING_TEXT, HolidaysBefore2013, HourReading
from .wording import day_text, duration_text, format_instant, spans_text

PeriodUnit = Literal["hours", "days", "months"]
END_OF_DAY = time(23, 59, 59, 999999)


@dataclass(frozen=True)
class Period:
    """A statutory period: an amount of hours, days or months."""

    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        if self.unit not in ("hours", "days", "months"):
            raise ValueError(f"unit must be hours, days or months; got {self.unit!r}")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise ValueError(f"amount must be a whole number of at least 1; got {self.amount!r}")

    @classmethod
    def hours(cls, amount: int) -> Period:
        """A period of `amount` hours."""
        return cls(amount, "hours")

    @classmethod
    def days(cls, amount: int) -> Period:
        """A period of `amount` days."""
        return cls(amount, "days")

    @classmethod
    def months(cls, amount: int) -> Period:
        """A period of `amount` months."""
        return cls(amount, "months")

    @property
    def in_hours(self) -> bool:
        """Whether the period is counted in hours (and so ends at an instant, not on a day)."""
        return self.unit == "hours"

    def describe(self) -> str:
        """The period in words, e.g. '24 hours', '1 month'."""
        singular = self.unit[:-1]
        return f"1 {singular}" if self.amount == 1 else f"{self.amount} {self.unit}"


@dataclass(frozen=True)
class Expiry:
    """When a period expires, which holiday rule applied, and the computation in plain words.

    `due` is local (Asia/Shanghai). `last_day` is the day the period ends on (after any
    holiday extension) for day and month periods, None for hour periods. For hour periods
    `alternative_due` is the due instant under the other hour reading.
    """

    anchor: datetime
    periods: tuple[Period, ...]
    custody: bool
    travel: timedelta
    due: datetime
    last_day: date | None
    extended_for_holiday: bool
    rule_applied: str
    steps: tuple[str, ...]
    hour_reading: HourReading | None = None
    alternative_due: datetime | None = None
    warnings: tuple[str, ...] = ()

    @property
    def period(self) -> Period:
        """The last period counted (the extension, for an extended expiry)."""
        return self.periods[-1]

    def describe_due(self) -> str:
        """The due time as an officer reads it."""
        return format_instant(self.due)


def _plus(moment: datetime, delta: timedelta) -> datetime:
    # Aware + timedelta is wall-clock arithmetic in Python; elapsed time needs UTC.
    return (moment.astimezone(timezone.utc) + delta).astimezone(LOCAL_ZONE)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=LOCAL_ZONE)


def _check_inputs(anchor: datetime, travel: timedelta) -> datetime:
    if not isinstance(anchor, datetime):
        raise ValueError(f"anchor must be a datetime with an offset; got {anchor!r}")
    if anchor.tzinfo is None or anchor.tzinfo.utcoffset(anchor) is None:
        raise ValueError(
            f"anchor must be timezone-aware; got the naive {anchor.isoformat()} "
            "(give an offset, e.g. 2025-01-22T10:25:00+08:00)"
        )
    if travel < timedelta(0):
        raise ValueError(f"travel time must not be negative; got {travel}")
    return local(anchor)


def _anchor_step(anchor: datetime) -> str:
    moment = local(anchor)
    given = "" if anchor.utcoffset() == moment.utcoffset() else f", given as {anchor.isoformat()}"
    return f"anchor: {format_instant(moment)} in Asia/Shanghai local time{given}"


def add_months(start: date, months: int) -> date:
    """The day `months` months after `start`, per SPC Interpretation 2021 Art. 202.

    自本月某日至下月同日为一个月；期限起算日为本月最后一日的，至下月最后一日为一个月；
    下月同日不存在的，自本月某日至下月最后一日为一个月。
    Several months are counted in one step (Jan 30 + 2 months = Mar 30), not month by month.
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    target_last = _calendar.monthrange(year, month)[1]
    if start.day == _calendar.monthrange(start.year, start.month)[1]:
        return date(year, month, target_last)
    return date(year, month, min(start.day, target_last))


def _month_step(start: date, months: int, rule: str) -> tuple[date, str]:
    end = add_months(start, months)
    span = Period.months(months).describe()
    start_last = start.day == _calendar.monthrange(start.year, start.month)[1]
    if start_last:
        why = f"{start} is the last day of its month, so {span} runs to the last day of that month: {day_text(end)}"
    elif end.day != start.day:
        why = f"{end:%Y-%m} has no day {start.day}, so {span} runs to its last day: {day_text(end)}"
    else:
        why = f"{span} from {start} runs to the same day: {day_text(end)}"
    return end, f"{rule}: a month runs from a day of one month to the same day of the next; {why}"


def _count_days(start: date, period: Period, law: PeriodLaw) -> tuple[date, list[str]]:
    """The day the period reaches when counted on from `start` (which itself is not counted)."""
    if period.unit == "months":
        end, text = _month_step(start, period.amount, law.months)
        return end, [text]
    end = start + timedelta(days=period.amount)
    return end, [f"day {period.amount} after {start} is {day_text(end)}"]


def _travel_days(travel: timedelta) -> int:
    whole, rest = divmod(travel, timedelta(days=1))
    return whole + (1 if rest else 0)


class _HolidayOutcome(NamedTuple):
    """What Art. 105 para 4 made of a last day."""

    day: date
    extended: bool
    rule: str
    steps: list[str]
    warnings: tuple[str, ...]


def _custody_clause(law: PeriodLaw, reading: HolidaysBefore2013) -> str | None:
    """Why a custody period does not move for a holiday, or None when under this text it does."""
    if law.para_4_exists:
        return f"{law.holiday_rule}: 在押期间，应当至期满之日为止，不得因节假日而延长"
    if reading == "suspect_custody_extended":
        return None
    return (f"{law.holiday_rule}, read under the interpretation holidays_before_2013 'custody_not_extended' "
            f"as covering a suspect's custody too: {HOLIDAYS_BEFORE_2013_TEXT['custody_not_extended']}")


def _holiday_rule(last: date, custody: bool, calendar: HolidayCalendar, law: PeriodLaw,
                  reading: HolidaysBefore2013) -> _HolidayOutcome:
    """The holiday rule in force (CPL Art. 105 para 4, or what governed before it) on a last day."""
    clause = _custody_clause(law, reading) if custody else None
    if clause is not None:
        rule = f"custody period: never extended for holidays ({clause})"
        step = f"the suspect is in custody (在押): the period ends on its last day, {day_text(last)}, even on a holiday"
        return _HolidayOutcome(last, False, rule, [step], ())
    basis = law.holiday_rule
    if custody:
        basis += (f", read under the interpretation holidays_before_2013 'suspect_custody_extended': "
                  f"{HOLIDAYS_BEFORE_2013_TEXT['suspect_custody_extended']}")
    status = calendar.status(last)
    consulted = [status]
    if not status.holiday:
        rule = f"last day {last} is not a holiday ({status.reason}): no extension ({basis})"
        steps = [f"the last day {day_text(last)} is {status.reason}, not a 节假日: the period ends that day"]
    else:
        expiry = calendar.first_working_day_after(last)
        consulted += [calendar.status(last + timedelta(days=n)) for n in range(1, (expiry - last).days + 1)]
        rule = (
            f"last day {last} is {status.reason}; expiry moves to the first working day after, "
            f"{expiry} ({basis})"
        )
        who = "the period is not a custody period" if not custody else "the custody period is read as moving"
        steps = [
            f"the last day {day_text(last)} is {status.reason}; {who}, so it "
            f"ends on the first day after the holidays ({basis}: 以节假日后的第一日为期满日期)"
        ]
        steps += [f"  {day_text(s.day)} is {s.reason}" for s in consulted[1:]]
    if any(s.day.weekday() >= 5 for s in consulted):
        steps.append(f"weekend reading '{calendar.weekends}': {calendar.weekend_reading_text}")
    # Only days that decided the result can make a year's missing data matter.
    missing = sorted({s.day.year for s in consulted if s.source == "weekends_only"})
    warnings = tuple(fallback_warning(year) for year in missing)
    return _HolidayOutcome(consulted[-1].day, status.holiday, rule, steps, warnings)


def _day_expiry(
    anchor: datetime, periods: tuple[Period, ...], custody: bool, travel: timedelta, calendar: HolidayCalendar,
    before_2013: HolidaysBefore2013,
) -> Expiry:
    here = local(anchor)
    law = period_law(here.date())
    steps = [_anchor_step(anchor)]
    start = here.date()
    steps.append(
        f"the period is {spans_text(periods)}; the day of the anchor, {start}, is not counted "
        f"({law.para(2)}: 期间开始的时和日不算在期间以内): counting starts on {start + timedelta(days=1)}"
    )
    for index, period in enumerate(periods):
        if index:
            steps.append(f"the extension of {period.describe()} runs on from the last day so far, {start}")
        start, more = _count_days(start, period, law)
        steps += more
    last = start
    steps.append(f"the last day of the period is {day_text(last)}")
    if travel:
        extra = _travel_days(travel)
        last += timedelta(days=extra)
        steps.append(
            f"travel time (路途上的时间) of {duration_text(travel)} is not part of the period ({law.para(3)}); "
            f"rounded up to {extra} whole day(s), the last day becomes {day_text(last)}"
        )
    final, extended, rule, more, warnings = _holiday_rule(last, custody, calendar, law, before_2013)
    steps += more
    due = _end_of(final)
    steps.append(f"due: {format_instant(due)}, the end of {final}")
    return Expiry(here, periods, custody, travel, due, final, extended, rule, tuple(steps), warnings=warnings)


def _hour_start(anchor: datetime, reading: HourReading) -> datetime:
    if reading == "from_the_instant":
        return anchor
    # The hour the anchor falls in is not counted, even when the anchor is exactly on
    # the hour, as the anchor's day is not counted even when it starts at midnight.
    return _plus(anchor.replace(minute=0, second=0, microsecond=0), timedelta(hours=1))


def _hour_due(anchor: datetime, periods: tuple[Period, ...], travel: timedelta, reading: HourReading) -> datetime:
    total = timedelta(hours=sum(p.amount for p in periods))
    return _plus(_hour_start(anchor, reading), total + travel)


def _hour_expiry(
    anchor: datetime, periods: tuple[Period, ...], custody: bool, travel: timedelta, reading: HourReading
) -> Expiry:
    here = local(anchor)
    law = period_law(here.date())
    other: HourReading = "from_next_full_hour" if reading == "from_the_instant" else "from_the_instant"
    start = _hour_start(here, reading)
    counted = _hour_due(here, periods, timedelta(0), reading)
    due = _plus(counted, travel)
    alternative = _hour_due(here, periods, travel, other)
    span = spans_text(periods)
    steps = [_anchor_step(anchor), f"the period is {span} ({law.para(2)}: 期间开始的时和日不算在期间以内)"]
    if reading == "from_the_instant":
        steps.append("hour reading 'from_the_instant': the hours run from the anchor instant itself")
    else:
        steps.append(
            f"hour reading 'from_next_full_hour': the starting hour {here:%H}:00-{start:%H}:00 is not counted, "
            f"so counting begins at {format_instant(start)}"
        )
    total = sum(p.amount for p in periods)
    steps.append(f"{total} hours later: {format_instant(counted)}")
    if travel:
        steps.append(
            f"travel time (路途上的时间) of {duration_text(travel)} is not part of the period ({law.para(3)}): "
            f"added, giving {format_instant(due)}"
        )
    rule = (
        f"hour period: ends at an instant and is never extended for holidays ({law.holiday_rule} moves only a "
        "last day that is a holiday)"
    )
    if custody:
        rule += "; the suspect is in custody, so no holiday extension would apply in any case"
    steps += [rule, f"due: {format_instant(due)}",
              f"under the other hour reading ('{other}') it would be due {format_instant(alternative)}"]
    return Expiry(here, periods, custody, travel, due, None, False, rule, tuple(steps), reading, alternative)


def _compute(
    anchor: datetime,
    periods: tuple[Period, ...],
    custody: bool,
    calendar: HolidayCalendar,
    travel: timedelta,
    hour_reading: HourReading,
    before_2013: HolidaysBefore2013 = "custody_not_extended",
) -> Expiry:
    _check_inputs(anchor, travel)
    if hour_reading not in HOUR_READING_TEXT:
        raise ValueError(f"hour_reading must be one of {sorted(HOUR_READING_TEXT)}; got {hour_reading!r}")
    kinds = {p.in_hours for p in periods}
    if len(kinds) > 1:
        raise ValueError("a period counted in hours cannot be extended by days or months, nor the reverse")
    try:
        if periods[0].in_hours:
            return _hour_expiry(anchor, periods, custody, travel, hour_reading)
        return _day_expiry(anchor, periods, custody, travel, calendar, before_2013)
    except OverflowError:
        raise ValueError(f"the period from {anchor.isoformat()} runs past the year 9999") from None


def compute_chain(
    anchor: datetime,
    periods: tuple[Period, ...],
    *,
    custody: bool,
    calendar: HolidayCalendar,
    travel: timedelta = timedelta(0),
    hour_reading: HourReading = "from_the_instant",
    holidays_before_2013: HolidaysBefore2013 = "custody_not_extended",
) -> Expiry:
    """When a base period and its approved extensions, from `anchor` (timezone-aware), expire (CPL Art. 105).

    Each extension is counted on from the period before it: from its last day (for hours, its
    due instant), before any holiday extension, so a holiday that moved the base deadline
    does not also move where the extension starts. Hours cannot mix with days or months.

    Days: the anchor's day is not counted; the last day is day N after it. Months: SPC
    Interpretation 2021 Art. 202 (see `add_months`). A last day
    that is a 节假日 moves to the first working day after it unless `custody` (在押).

    Hours: `hour_reading` decides where counting starts. The default, "from_the_instant",
    counts from the exact instant: it is the common practice for the 24-hour notification
    and interrogation limits, and the stricter reading for the authority, so the safer one
    for the suspect's rights. The other reading's due time is always in `alternative_due`.
    Hour periods are never extended for holidays: Art. 105 para 4 speaks of a last day.
    """
    return _compute(anchor, periods, custody, calendar, travel, hour_reading, holidays_before_2013)
