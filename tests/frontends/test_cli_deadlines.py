"""`legalrules deadlines`: the table, JSON, and the calendar files, on the clock fixture ruleset."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import icalendar
from typer.testing import CliRunner, Result

from legalrules import Decision
from legalrules.frontends.cli.app import app

from ..conftest import FIXTURES

R = ["--rulesets", str(FIXTURES / "deadline_rulesets")]
AS_OF = "2025-01-27T12:00:00+08:00"
# Detained Sun 26 Jan 2025 10:25 (a working Sunday): the family notice (24 h) is met
# late, the arrest request (3 days, custody) is pending, a bail reply (7 days) is met.
CASE = """\
case: {id: DL-CLI, handling_organ: public_security, proceeding: criminal}
measures:
  - {id: d1, kind: detention, start: "2025-01-26T10:25:00+08:00"}
events:
  - {kind: family_notified, at: "2025-01-27T11:00:00+08:00", measure: d1}
  - {kind: bail_applied, at: "2025-01-20T09:00:00+08:00"}
  - {kind: bail_decided, at: "2025-01-22T09:00:00+08:00"}
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _case(tmp_path: Path, text: str = CASE) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_clean_input_error(result: Result) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stderr.startswith("Error: ")
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_the_table_lists_each_deadline_by_due_time_with_its_basis_and_status(tmp_path: Path) -> None:
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = result.stdout
    # Due: family notice Mon 27 Jan 10:25, bail reply 27 Jan 23:59:59 (7 days from
    # 20 Jan; 27 Jan is a working day), arrest request Wed 29 Jan 23:59:59.
    rows = [out.index(title) for title in ("Family notified", "Reply to a bail", "Arrest approval")]
    assert rows == sorted(rows), out
    assert "2025-01-27" in out and "10:25" in out and "Mon" in out
    assert "clock Art. 1" in out and "clock Art. 2 para. 1" in out
    assert "missed" in out and "pending" in out and "met" in out


def test_json_prints_the_decision_with_its_deadlines_and_violations(tmp_path: Path) -> None:
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    decision = Decision.model_validate_json(result.stdout)
    by_duty = {d.duty: d for d in decision.deadlines}
    assert by_duty["family_notification"].status == "missed"
    assert by_duty["family_notification"].late_by_seconds == 35 * 60
    assert by_duty["arrest_approval_request"].status == "pending"
    assert [v.rule_id for v in decision.violations] == ["clock.art1"]


def test_the_ics_calendar_parses_and_round_trips_each_due_time(tmp_path: Path) -> None:
    target = tmp_path / "case.ics"
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--ics", str(target))
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    decision = Decision.model_validate_json(
        run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--json").stdout)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(decision.deadlines)
    ends = sorted(e.decoded("DTEND") for e in events)  # each event ends at its due time
    assert ends == sorted(d.due for d in decision.deadlines)
    assert all(isinstance(end, datetime) and end.utcoffset() is not None for end in ends)


def test_reimporting_gives_the_same_uids_and_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for target in (first, second):
        assert run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--ics", str(target)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_html_and_markdown_calendars_are_written_with_the_due_times(tmp_path: Path) -> None:
    html, md = tmp_path / "cal.html", tmp_path / "cal.md"
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--html", str(html), "--md", str(md))
    assert result.exit_code == 0, result.output
    page, agenda = html.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    for text in (page, agenda):
        assert "DL-CLI" in text and "10:25" in text and "clock Art. 2 para. 1" in text


def test_the_hour_reading_is_switchable_from_the_command_line(tmp_path: Path) -> None:
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--json",
                 "--hour-reading", "from_next_full_hour")
    decision = Decision.model_validate_json(result.stdout)
    notice = next(d for d in decision.deadlines if d.duty == "family_notification")
    assert notice.due == datetime.fromisoformat("2025-01-27T11:00:00+08:00")
    assert notice.status == "met"


def test_a_bad_holiday_file_is_an_input_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "case.ics"
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--ics", str(target),
                 "--holidays", str(FIXTURES / "holidays" / "bad_date.yaml"))
    assert_clean_input_error(result)
    assert "bad_date.yaml" in result.stderr
    assert not target.exists()


def test_an_unwritable_output_is_an_input_error_and_no_other_file_is_written(tmp_path: Path) -> None:
    ics = tmp_path / "case.ics"
    result = run("deadlines", str(_case(tmp_path)), *R, "--as-of", AS_OF, "--ics", str(ics),
                 "--md", str(tmp_path / "no_such_dir" / "cal.md"))
    assert_clean_input_error(result)
    assert "no_such_dir" in result.stderr and "cannot write" in result.stderr
    assert not ics.exists()


def test_a_case_file_with_a_bad_field_is_named(tmp_path: Path) -> None:
    bad = CASE.replace("kind: detention", "kind: jail")
    result = run("deadlines", str(_case(tmp_path, bad)), *R, "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert "measures[0].kind" in result.stderr or "measures.0.kind" in result.stderr
    assert "jail" in result.stderr
