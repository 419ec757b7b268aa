"""What the calendar templates show, prepared: month grids, an agenda by day, legends and notes.

The templates only loop and test flags; every date, word and mark is decided
here. Months run from the month of the earliest due time to that of the latest
(one grid each, Monday first); each day is classed from the HolidayCalendar as a
holiday (statutory or from the user's file), a weekend rest day, an adjusted
working day (调休) or an ordinary working day.
"""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...decision.deadlines import DeadlineOutcome, Violation
from ..engine_zh import WEEKEND_READING_ZH, in_chinese, sentence_zh
from ..notices.words import is_chinese
from ..deadline_lang import details_zh, due_text, status_in
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from ..deadline_words import (
    STATUS_MEANING,
    WEEKDAYS,
    WEEKDAYS_ZH,
    ZONE_NOTE,
    deadline_warnings,
    detail_lines,
    format_clock,
    format_day,
    format_due,
    month_title,
    outcome_of,
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
    t: dict[str, str] = field(default_factory=lambda: dict(HEADINGS["en"]))
    lang: str = "en"


# The templates' fixed words, by language; the English ones are the templates' originals.
HEADINGS: dict[str, dict[str, str]] = {
    "en": {"title": "Deadlines: case", "as_of": "As of", "weekend_reading": "Weekend reading:",
           "none_started": "No deadline has started: the case gives no measure or event that starts one.",
           "as_of_day": "the as-of day", "as_of_mark": "as of", "basis": "basis", "special_days":
           "Holidays and adjusted working days in these months", "violations": "Violations",
           "not_started": "Not started", "warnings": "Warnings", "legend": "Legend"},
    "zh": {"title": "期限：案件", "as_of": "截至", "weekend_reading": "周末的读法：",
           "none_started": "尚无期限起算：案件中没有启动期限的措施或者事件。",
           "as_of_day": "评估当日", "as_of_mark": "评估日", "basis": "依据", "special_days": "这几个月的节假日和调休工作日",
           "violations": "逾期（违反期限规定）", "not_started": "尚未起算", "warnings": "提示", "legend": "图例"},
}
_STATUS_ZH: dict[str, tuple[str, str]] = {
    "pending": ("未届满", "尚未履行，截至评估时仍有剩余时间"), "missed": ("逾期", "逾期履行，或者期满未履行"),
    "met": ("按期", "按期履行"), "excepted": ("免除", "法律规定的例外情形免除了该义务"),
    "undetermined": ("待定", "案件材料缺少决定是否适用的事实"),
    "not_recorded": ("未载明", "期限已届满，案件材料未载明是否履行（不是违法情形；案件材料完整时写明 case.record_complete: true）"),
}
_DAY_ZH: dict[str, tuple[str, str]] = {
    "holiday": ("节假日", "法定节假日，或者节假日文件所列日期"), "rest_day": ("休息日", "依所采周末读法为休息日的普通周末"),
    "adjusted_working_day": ("调休工作日", "调整为工作日的周末"),
}


def entry_view(outcome: DeadlineOutcome, words: Vocabulary | None = None, names: SubjectNames | None = None) -> EntryView:
    """A deadline's words for a calendar, in `words.lang`, its subject by the case's name for it."""
    words, names = words or Vocabulary(), names or SubjectNames(None)
    lang = words.lang
    details = (detail_lines(outcome) if lang == "en"
               else [words.exceptions_said(line) for line in details_zh(outcome, words.citation)])
    # A clause quoted from an English translation says so to a Chinese reader (no Chinese text in the sources).
    quote = outcome.quote if lang == "en" or is_chinese(outcome.quote) else f"{outcome.quote}（英文译本；资料中无中文原文）"
    return EntryView(
        time=format_clock(outcome.due), due=due_text(outcome.due, lang),
        title=words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period),
        duty=outcome.duty, subject=names.name(outcome.subject), citation=words.citation(outcome.citation),
        quote=quote, status=outcome.status, status_words=status_in(outcome, lang),
        details=tuple(words.cite_in(names.relabel(line)) for line in details),
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


def _by_day(decision: Decision, words: Vocabulary, names: SubjectNames) -> dict[date, list[EntryView]]:
    found: dict[date, list[EntryView]] = {}
    for outcome in decision.deadlines:
        found.setdefault(local(outcome.due).date(), []).append(entry_view(outcome, words, names))
    return found


def _violation_zh(decision: Decision, violation: Violation, words: Vocabulary, names: SubjectNames) -> str:
    outcome = outcome_of(decision, violation)
    title = words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period) if outcome else violation.duty
    status = status_in(outcome, "zh") if outcome else in_chinese(violation.text)
    return (f"{words.citation(violation.citation)}：{title}（{names.name(violation.subject)}），"
            f"应于{due_text(violation.due, 'zh')}前完成：{status}")


def _day_label(day: date, lang: str) -> str:
    return format_day(day) if lang == "en" else f"{day.isoformat()} {WEEKDAYS_ZH[day.weekday()]}"


def _day(day: date, classes: _DayClasses, entries: dict[date, list[EntryView]], as_of: date,
         in_month: bool = True, lang: str = "en") -> DayView:
    kind, note = classes.kind(day) if in_month else ("outside", "")
    note = note if lang == "en" else in_chinese(note)
    return DayView(
        iso=day.isoformat(), number=day.day, label=_day_label(day, lang), kind=kind, note=note,
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
           as_of: date, lang: str = "en") -> MonthView:
    weeks = gregorian.Calendar(firstweekday=0).monthdatescalendar(year, month)
    title = month_title(year, month) if lang == "en" else f"{year}年{month}月"
    return MonthView(title, tuple(
        tuple(_day(day, classes, entries, as_of, day.month == month, lang) for day in week) for week in weeks))


def _legends(decision: Decision, lang: str = "en") -> tuple[tuple[LegendItem, ...], tuple[LegendItem, ...]]:
    if lang == "zh":
        statuses = tuple(LegendItem(key, *_STATUS_ZH[key]) for key in STATUS_MEANING)
        days = tuple(LegendItem(key, *_DAY_ZH[key]) for key, _, _ in _DAY_MEANING)
        as_of = LegendItem("as-of", "评估当日", f"评估时间所在日，{due_text(decision.as_of, 'zh')}")
        return statuses, (*days, as_of)
    statuses = tuple(LegendItem(key, key, meaning) for key, meaning in STATUS_MEANING.items())
    days = tuple(LegendItem(key, label, meaning) for key, label, meaning in _DAY_MEANING)
    as_of = LegendItem("as-of", "as-of day", f"the day of the as-of time, {format_due(decision.as_of)}")
    return statuses, (*days, as_of)


def calendar_view(decision: Decision, calendar: HolidayCalendar, words: Vocabulary | None = None,
                  names: SubjectNames | None = None) -> CalendarView:
    """The decision's deadlines laid out by month and by day, with holidays from `calendar`, in `words.lang`."""
    words, names = words or Vocabulary(), names or SubjectNames(None)
    lang = words.lang
    classes = _DayClasses(calendar)
    entries = _by_day(decision, words, names)
    as_of = local(decision.as_of).date()
    months: list[MonthView] = []
    if entries:
        months = [_month(y, m, classes, entries, as_of, lang) for y, m in _months(min(entries), max(entries))]
    in_months = [day for month in months for week in month.weeks for day in week if day.kind != "outside"]
    statuses, days = _legends(decision, lang)
    # Asked only now: classing the grid's days is what adds fallback years to the calendar.
    warnings = dict.fromkeys([*deadline_warnings(decision), *calendar.warnings()])
    return CalendarView(
        case_id=decision.case_id, as_of=due_text(decision.as_of, lang),
        zone_note=ZONE_NOTE if lang == "en" else "时间均为北京时间（UTC+8）",
        weekday_names=WEEKDAYS if lang == "en" else WEEKDAYS_ZH,
        weekend_reading=calendar.weekend_reading_text if lang == "en" else WEEKEND_READING_ZH[calendar.weekends],
        months=tuple(months),
        agenda=tuple(day for day in in_months if day.entries),
        special_days=tuple(day for day in in_months if day.named),
        status_legend=statuses, day_legend=days,
        violations=tuple(words.cite_in(names.relabel(violation_line(decision, v) if lang == "en"
                                                      else _violation_zh(decision, v, words, names)))
                         for v in decision.violations),
        not_started=tuple(words.cite_in(not_started_line(n)) if lang == "en" else
                          f"{words.cite_in(n.rule_id)} {words.deadline_title(n.rule_id, n.duty, n.title)}："
                          f"{in_chinese(n.missing)}" for n in decision.deadlines_not_started),
        warnings=tuple(names.relabel(w) if lang == "en" else sentence_zh(w, decision, words, names)
                       for w in warnings), t=dict(HEADINGS[lang]), lang=lang,
    )
