"""Calendar views rendered from the real templates: month grid in HTML, agenda in Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from legalrules.documents.calendar.render import TEMPLATES, CalendarFormat, calendar_environment, markdown_escape, render_calendar
from legalrules.legaltime.holidays import HolidayCalendar
from legalrules.paths import templates_dir

from ..deadline_fixtures import all_statuses, fallback_2027, national_day

SCRIPT = "<script>alert(1)</script>"


def _cell(html: str, day: str) -> str:
    """The <td> of one day of the grid (by the date in its title)."""
    match = re.search(rf'<td class="([^"]*)" title="{day} [A-Z][a-z]{{2}}[^"]*">(.*?)</td>', html, re.S)
    assert match, f"no cell for {day}"
    return f'class="{match.group(1)}" {match.group(2)}'


def test_html_puts_each_deadline_in_its_day_cell_with_time_title_citation_and_status() -> None:
    """The family notice sits in 30 Sep with 09:00, its title, clock Art. 1 and its status."""
    html = render_calendar(national_day(), "html", HolidayCalendar())
    cell = _cell(html, "2026-09-30")
    for text in ("09:00", "Family notified after detention", "clock Art. 1", "pending, 21 h left"):
        assert text in cell
    assert "23:59:59" in _cell(html, "2026-10-08") and "Reply to a bail application" in _cell(html, "2026-10-08")


def test_html_marks_national_day_holidays_and_adjusted_working_days() -> None:
    """1 Oct 2026 is marked a holiday with its name; Sat 10 Oct an adjusted working day; 9 Oct plain."""
    html = render_calendar(national_day(), "html", HolidayCalendar())
    assert _cell(html, "2026-10-01").startswith('class="holiday"') and "National Day 国庆节" in _cell(html, "2026-10-01")
    assert _cell(html, "2026-10-10").startswith('class="adjusted_working_day"')
    assert _cell(html, "2026-10-09").startswith('class="working_day"')
    assert html.count("<table class=\"month\">") == 2 and "<th>Mon</th><th>Tue</th>" in html


def test_html_has_a_legend_print_css_and_one_shared_layout() -> None:
    """The legend names every status and day mark; print rules keep a month on one page."""
    html = render_calendar(all_statuses(), "html", HolidayCalendar())
    legend = html.split("<h2>Legend</h2>", 1)[1]
    for word in ("pending", "missed", "met", "excepted", "undetermined", "holiday", "adjusted working day"):
        assert word in legend
    assert "@media print" in html and "break-inside: avoid" in html
    grid = (templates_dir() / "calendar" / TEMPLATES["html"]).read_text(encoding="utf-8")
    assert grid.startswith('{% extends "layout.html.j2" %}')


def test_html_escapes_a_case_id_that_is_markup() -> None:
    """A case id holding a script tag is shown as text, never as a tag."""
    html = render_calendar(all_statuses(SCRIPT), "html", HolidayCalendar())
    assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_lists_deadlines_by_day_with_holidays_noted() -> None:
    """Each due day is a heading (holidays named on it), each deadline a bullet with basis and status."""
    md = render_calendar(national_day(), "md", HolidayCalendar())
    headings = [line for line in md.splitlines() if line.startswith("## 20")]
    assert headings == ["## 2026-09-30 Wed", "## 2026-10-02 Fri — a statutory holiday (National Day 国庆节)",
                        "## 2026-10-08 Thu"]
    # The duty's identifier is not shown: the title says what is due (issue 16).
    assert "- **09:00** Family notified after detention (measures[0]): **pending, 21 h left**" in md
    assert "  - basis: clock Art. 2 para. 1 “三日以内提请批准”" in md
    assert "- 2026-10-10 Sat: an adjusted working day (调休 for National Day 国庆节)" in md


def test_markdown_shows_details_violations_and_the_fallback_warning() -> None:
    """The exception, the violation and a 2027 fallback warning each appear in the agenda."""
    md = render_calendar(all_statuses(), "md", HolidayCalendar())
    assert "notification impossible" in md and "## Violations" in md
    assert "no official holiday data for 2027" in render_calendar(fallback_2027(), "md", HolidayCalendar())


def test_markdown_escapes_a_case_id_that_is_markup() -> None:
    """The script tag is backslash-escaped, so a Markdown viewer prints it instead of running it."""
    md = render_calendar(all_statuses(SCRIPT), "md", HolidayCalendar())
    assert SCRIPT not in md and "\\<script\\>alert(1)\\</script\\>" in md
    assert markdown_escape("*a* `b` | c") == "\\*a\\* \\`b\\` \\| c" and markdown_escape(3) == 3


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_output_is_byte_identical_across_runs(fmt: CalendarFormat) -> None:
    """Two evaluations rendered with two calendars give the same text."""
    first = render_calendar(all_statuses(), fmt, HolidayCalendar())
    second = render_calendar(all_statuses(), fmt, HolidayCalendar())
    assert first == second


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_variable_the_templates_are_not_given_raises(fmt: CalendarFormat) -> None:
    """StrictUndefined: rendering the real templates without their view is an error, not blank cells."""
    template = calendar_environment(fmt).get_template(TEMPLATES[fmt])
    with pytest.raises(UndefinedError):
        template.render()


def test_a_misspelt_field_in_a_template_raises(tmp_path: Path) -> None:
    """A template reading a field the view does not have fails loudly."""
    (tmp_path / "broken.md.j2").write_text("{{ view.case_idd }}\n", encoding="utf-8")
    template = calendar_environment("md", tmp_path).get_template("broken.md.j2")
    with pytest.raises(UndefinedError, match="case_idd"):
        template.render(view=object())


def test_an_unknown_format_is_refused() -> None:
    """Only html and md exist."""
    with pytest.raises(ValueError, match="html"):
        render_calendar(all_statuses(), "pdf", HolidayCalendar())  # type: ignore[arg-type]
