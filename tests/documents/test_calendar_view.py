"""The calendar view-model: months spanned, days classed from the real holiday calendar, entries by day."""

from __future__ import annotations

from legalrules.documents.calendar.view import CalendarView, DayView, calendar_view
from legalrules.legaltime.holidays import HolidayCalendar

from ..conftest import FIXTURES
from ..deadline_fixtures import ENGINE, all_statuses, fallback_2027, national_day, nothing_started


def _day(view: CalendarView, iso: str) -> DayView:
    [found] = [d for m in view.months for w in m.weeks for d in w if d.iso == iso and d.kind != "outside"]
    return found


def test_one_monday_first_grid_per_month_the_deadlines_span() -> None:
    """Deadlines from 30 Sep to 8 Oct 2026 give a September and an October grid, weeks Monday to Sunday."""
    view = calendar_view(national_day(), HolidayCalendar())
    assert [m.title for m in view.months] == ["September 2026 (2026年9月)", "October 2026 (2026年10月)"]
    assert view.weekday_names[0] == "Mon"
    for month in view.months:
        assert all(len(week) == 7 for week in month.weeks)
        assert month.weeks[0][0].label.split()[1] == "Mon"


def test_national_day_holidays_weekends_and_adjusted_working_days_are_classed() -> None:
    """1-7 Oct are holidays (Sat 3 Oct too), 10 Oct and 20 Sep are 调休, 17 Oct a rest day, 9 Oct work."""
    view = calendar_view(national_day(), HolidayCalendar())
    assert _day(view, "2026-10-01").kind == "holiday" and "National Day" in _day(view, "2026-10-01").note
    assert _day(view, "2026-10-03").kind == "holiday"
    assert _day(view, "2026-10-10").kind == "adjusted_working_day" and "调休" in _day(view, "2026-10-10").note
    assert _day(view, "2026-09-20").kind == "adjusted_working_day"
    assert _day(view, "2026-10-17").kind == "rest_day" and not _day(view, "2026-10-17").named
    assert _day(view, "2026-10-09").kind == "working_day" and _day(view, "2026-10-09").note == ""


def test_under_the_working_days_reading_a_plain_saturday_is_a_working_day() -> None:
    """The weekend reading of the calendar passed in decides ordinary weekends; holidays stay holidays."""
    view = calendar_view(national_day(), HolidayCalendar(weekends="working_days"))
    assert _day(view, "2026-10-17").kind == "working_day"
    assert _day(view, "2026-10-03").kind == "holiday"


def test_a_holiday_file_marks_its_own_days() -> None:
    """The 2027 test file makes 6-12 Feb holidays and Sun 14 Feb a working day."""
    calendar = HolidayCalendar.from_file(FIXTURES / "holidays" / "holidays_2027.yaml")
    view = calendar_view(fallback_2027(), calendar)
    assert _day(view, "2027-02-08").kind == "holiday" and "holidays_2027.yaml" in _day(view, "2027-02-08").note
    assert _day(view, "2027-02-14").kind == "adjusted_working_day"


def test_each_deadline_sits_on_its_due_day_only_and_the_agenda_lists_those_days() -> None:
    """Entries appear in their own month's cell, never in the greyed days of a neighbour month."""
    view = calendar_view(all_statuses(), HolidayCalendar())
    assert [d.iso for d in view.agenda] == ["2025-01-27", "2025-01-28", "2025-01-30", "2025-01-31", "2025-02-05"]
    assert [e.time for e in _day(view, "2025-01-28").entries] == ["08:00", "20:00"]
    outside = [d for m in view.months for w in m.weeks for d in w if d.kind == "outside"]
    assert outside and not any(d.entries for d in outside)
    assert sum(len(d.entries) for d in view.agenda) == len(all_statuses().deadlines)


def test_the_as_of_day_is_marked() -> None:
    """Only the day of the as-of time carries the mark."""
    view = calendar_view(all_statuses(), HolidayCalendar())
    marked = [d.iso for m in view.months for w in m.weeks for d in w if d.as_of]
    assert marked == ["2025-01-28"]


def test_classing_a_year_without_data_adds_its_fallback_warning() -> None:
    """Showing 2027 with chinesecalendar alone warns that statutory holidays were not applied."""
    view = calendar_view(fallback_2027(), HolidayCalendar())
    assert view.warnings == ("no official holiday data for 2027: weekends only, statutory holidays not applied; "
                             "give a holiday file with --holidays",)


def test_a_case_without_deadlines_has_no_months() -> None:
    """Nothing to place: no grids and no agenda, but the unstarted rules are listed."""
    view = calendar_view(nothing_started(), HolidayCalendar())
    every_deadline = sum(len(r.deadlines) for r in ENGINE.all_rulesets)
    assert view.months == () and view.agenda == () and len(view.not_started) == every_deadline
