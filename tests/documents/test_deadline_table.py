"""The deadline table: rows by due time, statuses in words, sections below, 100 columns wide."""

from __future__ import annotations

from legalrules.documents.text.deadlines import WIDTH, deadline_table
from legalrules.decision.model import Decision
from legalrules.documents.text.wrapping import display_width

from ..deadline_fixtures import all_statuses, fallback_2027, national_day, nothing_started


def _rows(text: str) -> list[str]:
    """The table's lines that start a row (a due time in the first column)."""
    return [line for line in text.splitlines() if line[:4].isdigit()]


def test_rows_come_in_due_order_with_time_weekday_basis_and_status() -> None:
    """Each deadline is one row starting with its local due time, in the decision's order."""
    decision = all_statuses()
    rows = _rows(deadline_table(decision))
    assert [row[:23].rstrip() for row in rows] == [
        "2025-01-27 Mon 10:25", "2025-01-28 Tue 08:00", "2025-01-28 Tue 20:00",
        "2025-01-30 Thu 23:59:59", "2025-01-30 Thu 23:59:59", "2025-01-31 Fri 23:59:59",
        "2025-02-05 Wed 23:59:59",
    ]
    assert "Family notified after detention" in rows[0] and "clock Art. 1" in rows[0]
    assert rows[0].endswith("missed by 1 h 35 min")
    assert [row.split("  ")[-1].strip() for row in rows[1:4]] == ["excepted", "undetermined", "met"]


def test_every_status_detail_is_shown_under_its_row() -> None:
    """What met it, the exception, the deciding facts and the extension appear as notes."""
    text = deadline_table(all_statuses())
    assert "> done: events[0] (family_notified) at 2025-01-27 Mon 12:00" in text
    assert "notification impossible" in text
    assert "offences[*].terrorism" in text
    assert "> extended (approved); without the extension due 2025-01-29 Wed 23:59:59" in text


def test_violations_follow_the_table_with_their_citations() -> None:
    """The missed notice is listed as a violation naming its article and how late it was."""
    text = deadline_table(all_statuses())
    section = text.split("Violations (missed deadlines):", 1)[1]
    assert section.splitlines()[1].startswith("  ! clock Art. 1: Family notified after detention (measures[0])")
    assert "missed by" in section and "1 h 35 min" in section


def test_unstarted_deadlines_say_what_is_missing_and_the_fallback_is_warned() -> None:
    """A 2027 case lists the detention deadlines as not started, and warns that 2027 has no data."""
    text = deadline_table(fallback_2027())
    assert "Not started (what the case would need to start the clock):" in text
    assert "clock.art1 Family notified after detention:" in text and "detention measure" in text
    warnings = text.split("Warnings:", 1)[1]
    assert "no official holiday data for 2027" in warnings


def test_a_case_with_no_deadline_says_so() -> None:
    """No anchors: no table, a sentence saying none started, and every rule with what it needs."""
    text = deadline_table(nothing_started())
    assert "No deadline has started" in text and "Due " not in text
    assert "clock.art3 Reply to a bail application: no bail_applied event with a time in events[]" in text


def _chinese(decision: Decision) -> Decision:
    """The same decision with Chinese titles and a Chinese case id, as a Chinese ruleset would give."""
    titles = {"family_notification": "拘留后二十四小时以内通知被拘留人的家属，但无法通知或者有碍侦查的情形除外",
              "arrest_approval_request": "拘留后三日以内提请人民检察院审查批准逮捕",
              "bail_reply": "对取保候审申请在七日以内作出同意或者不同意的答复"}
    deadlines = [d.model_copy(update={"title": titles[d.duty]}) for d in decision.deadlines]
    return decision.model_copy(update={"deadlines": deadlines, "case_id": "（2025）京公刑字第一二三四五号"})


def test_no_line_is_wider_than_a_100_column_terminal_even_in_chinese() -> None:
    """Lines fit in 100 columns counting Chinese as double width, and columns stay aligned."""
    for decision in (all_statuses(), national_day(), fallback_2027(), _chinese(all_statuses())):
        text = deadline_table(decision)
        assert max(display_width(line) for line in text.splitlines()) <= WIDTH
    rows = _rows(deadline_table(_chinese(all_statuses())))
    # The basis column starts at the same screen column on every row.
    starts = {display_width(row[:row.index("clock Art.")]) for row in rows}
    assert len(starts) == 1


def test_the_table_is_byte_identical_across_runs() -> None:
    """Two evaluations of the same case give the same table."""
    assert deadline_table(all_statuses()) == deadline_table(all_statuses())
