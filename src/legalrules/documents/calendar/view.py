"""What the calendar templates show, prepared: month grids, an agenda by day, legends and notes.

The templates only loop and test flags; every date, word and mark is decided
here. Months run from the month of the earliest due time to that of the latest
(one grid each, Monday first); each day is classed from the HolidayCalendar as a
holiday (statutory or from the user's file), a weekend rest day, an adjusted
working day (调休) or an ordinary working day.
"""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ...decision.deadlines import DeadlineOutcome
from ..deadline_words import (
    STATUS_MEANING,
    WEEKDAYS,
    ZONE_NOTE,
    deadline_warnings,
    detail_lines,
    format_clock,
    format_day,
    format_due,
    month_title,
    not_started_line,
    status_words,
    violation_line,
)
from ...decision.model import Decision
from ...legaltime.holidays import HolidayCalendar
from ...case.instants import local

DayKind = Literal["holiday", "rest_day", "adjusted_working_day", "working_day", "outside"]

_DAY_MEANING: tuple[tuple[DayKind, str, str], ...] = (
    ("holiday", "holiday", "a statutory holiday, or one in the holiday file (节假日)"),
    ("rest_day", "rest day", "an ordinary weekend day, a rest day under the weekend reading in force"),
    ("adjusted_working_day", "adjusted working day", "a weekend day made a working day (调休)"),
)


@dataclass(frozen=True)
class EntryView:
    """One deadline as a calendar cell or agenda item shows it."""

    time: str
    due: str
    title: str
    duty: str
    subject: str
    citation: str
    quote: str
    status: str
    status_words: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class DayView:
    """One day: its date, how the holiday calendar classes it, and the deadlines due on it."""

    iso: str
    number: int
    label: str
    kind: DayKind
    note: str
    named: bool
    as_of: bool
    entries: tuple[EntryView, ...]


@dataclass(frozen=True)
class MonthView:
    """One month grid: its title and its weeks, Monday to Sunday."""

    title: str
    weeks: tuple[tuple[DayView, ...], ...]


@dataclass(frozen=True)
class LegendItem:
    """One mark of the legend: its CSS/status key, its label and what it means."""

    key: str
    label: str
    meaning: str


@dataclass(frozen=True)
class CalendarView:
    """Everything the calendar templates render for one decision."""

    case_id: str
    as_of: str
    zone_note: str
    weekday_names: tuple[str, ...]
    weekend_reading: str
    months: tuple[MonthView, ...]
    agenda: tuple[DayView, ...]
    special_days: tuple[DayView, ...]
    status_legend: tuple[LegendItem, ...]
    day_legend: tuple[LegendItem, ...]
    violations: tuple[str, ...]
    not_started: tuple[str, ...]
    warnings: tuple[str, ...]


def entry_view(outcome: DeadlineOutcome) -> EntryView:
    """A deadline's words for a calendar."""
    return EntryView(
        time=format_clock(outcome.due), due=format_due(outcome.due), title=outcome.title, duty=outcome.duty,
        subject=outcome.subject, citation=outcome.citation, quote=outcome.quote, status=outcome.status,
        status_words=status_words(outcome), details=tuple(detail_lines(outcome)),
    )


class _DayClasses:
    """Classes days with the caller's calendar; a second reading tells named holidays from weekends."""

    def __init__(self, calendar: HolidayCalendar) -> None:
        self.calendar = calendar
        # Under the 'working_days' weekend reading only statutory and file holidays are
        # 节假日, so asking it separates a holiday on a Saturday from an ordinary Saturday.
        self.named = HolidayCalendar(weekends="working_days", holiday_file=calendar.holiday_file,
                                     source=calendar.file_label)

    def kind(self, day: date) -> tuple[DayKind, str]:
        status = self.calendar.status(day)
        if self.named.is_holiday(day):
            return "holiday", status.reason
        if status.holiday:
            return "rest_day", status.reason
        if day.weekday() >= 5 and self.calendar.weekends == "rest_days":
            return "adjusted_working_day", status.reason
        return "working_day", ""


def _by_day(decision: Decision) -> dict[date, list[EntryView]]:
    found: dict[date, list[EntryView]] = {}
    for outcome in decision.deadlines:
        found.setdefault(local(outcome.due).date(), []).append(entry_view(outcome))
    return found


def _day(day: date, classes: _DayClasses, entries: dict[date, list[EntryView]], as_of: date,
         in_month: bool = True) -> DayView:
    kind, note = classes.kind(day) if in_month else ("outside", "")
    return DayView(
        iso=day.isoformat(), number=day.day, label=format_day(day), kind=kind, note=note,
        named=kind in ("holiday", "adjusted_working_day"), as_of=in_month and day == as_of,
        entries=tuple(entries.get(day, [])) if in_month else (),
    )


def _months(first: date, last: date) -> list[tuple[int, int]]:
    """Every (year, month) from `first`'s month to `last`'s, both included."""
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month(year: int, month: int, classes: _DayClasses, entries: dict[date, list[EntryView]],
           as_of: date) -> MonthView:
    weeks = gregorian.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return MonthView(month_title(year, month), tuple(
        tuple(_day(day, classes, entries, as_of, day.month == month) for day in week) for week in weeks))


def _legends(decision: Decision) -> tuple[tuple[LegendItem, ...], tuple[LegendItem, ...]]:
    statuses = tuple(LegendItem(key, key, meaning) for key, meaning in STATUS_MEANING.items())
    days = tuple(LegendItem(key, label, meaning) for key, label, meaning in _DAY_MEANING)
    as_of = LegendItem("as-of", "as-of day", f"the day of the as-of time, {format_due(decision.as_of)}")
    return statuses, (*days, as_of)


def calendar_view(decision: Decision, calendar: HolidayCalendar) -> CalendarView:
    """The decision's deadlines laid out by month and by day, with holidays from `calendar`."""
    classes = _DayClasses(calendar)
    entries = _by_day(decision)
    as_of = local(decision.as_of).date()
    months: list[MonthView] = []
    if entries:
        months = [_month(y, m, classes, entries, as_of) for y, m in _months(min(entries), max(entries))]
    in_months = [day for month in months for week in month.weeks for day in week if day.kind != "outside"]
    statuses, days = _legends(decision)
    # Asked only now: classing the grid's days is what adds fallback years to the calendar.
    warnings = dict.fromkeys([*deadline_warnings(decision), *calendar.warnings()])
    return CalendarView(
        case_id=decision.case_id, as_of=format_due(decision.as_of), zone_note=ZONE_NOTE,
        weekday_names=WEEKDAYS, weekend_reading=calendar.weekend_reading_text, months=tuple(months),
        agenda=tuple(day for day in in_months if day.entries),
        special_days=tuple(day for day in in_months if day.named),
        status_legend=statuses, day_legend=days,
        violations=tuple(violation_line(decision, v) for v in decision.violations),
        not_started=tuple(not_started_line(n) for n in decision.deadlines_not_started),
        warnings=tuple(warnings),
    )
