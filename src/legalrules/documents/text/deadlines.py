"""The deadlines of a decision as a plain-text table for a 100-column terminal.

Rows come in the decision's order (by due time). Each row says what is due (title,
duty, subject), by when (local time, see `documents.deadline_words`), on what basis (the
citation) and its status; below the table come the violations, the deadlines the
case has not started (and what each needs), and the warnings that bear on
deadlines. Cells wrap by display width, so Chinese text keeps the columns straight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...decision.deadlines import DeadlineOutcome
from ..deadline_words import (
    ZONE_NOTE,
    deadline_warnings,
    detail_lines,
    format_due,
    not_started_line,
    status_words,
    violation_line,
)
from ...decision.model import Decision
from ..deadline_lang import details_zh, due_text, status_in
from ..deadline_words import outcome_of
from ..engine_zh import in_chinese, name_deadlines, sentence_zh
from .governing import not_encoded_lines
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from .wrapping import display_width, hanging, pad, wrap

WIDTH: Final = 100
_GAP: Final = "  "
_HEADERS: Final = ("Due", "What", "Basis", "Status")
_HEADERS_ZH: Final = ("期限", "事项", "依据", "状态")
# Caps on the narrow columns; What takes the rest, and never less than _MIN_WHAT.
_MAX_BASIS: Final = 20
_MAX_STATUS: Final = 20
_MIN_WHAT: Final = 24


@dataclass(frozen=True)
class _Row:
    """One deadline: its four cells (logical lines before wrapping) and the notes spanning beneath."""

    cells: tuple[list[str], list[str], list[str], list[str]]
    notes: list[str]


def _row(outcome: DeadlineOutcome, words: Vocabulary, names: SubjectNames) -> _Row:
    # The subject by the case's own id: the duty's identifier is the title's business, not the reader's.
    what = [words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period),
            names.name(outcome.subject)]
    cells = ([due_text(outcome.due, words.lang)], what, [words.citation(outcome.citation)],
             [status_in(outcome, words.lang)])
    details = (detail_lines(outcome) if words.lang == "en"
               else [words.exceptions_said(line) for line in details_zh(outcome, words.citation)])
    return _Row(cells, [words.cite_in(names.relabel(line)) for line in details])


def _natural(rows: Sequence[_Row], column: int, headers: Sequence[str] = _HEADERS) -> int:
    """The width a column would take unwrapped (its longest line, or its header)."""
    widths = [display_width(line) for row in rows for line in row.cells[column]]
    return max([display_width(headers[column]), *widths])


def _widths(rows: Sequence[_Row], headers: Sequence[str]) -> tuple[int, int, int, int]:
    due = _natural(rows, 0, headers)
    basis = min(_natural(rows, 2, headers), _MAX_BASIS)
    status = min(_natural(rows, 3, headers), _MAX_STATUS)
    room = WIDTH - due - basis - status - 3 * len(_GAP)
    what = max(_MIN_WHAT, min(_natural(rows, 1, headers), room))
    return due, what, basis, status


def _lines(cells: Sequence[list[str]], widths: Sequence[int]) -> list[str]:
    """A row's cells wrapped to their widths and laid side by side."""
    wrapped = [[piece for line in cell for piece in wrap(line, width)] for cell, width in zip(cells, widths)]
    height = max(len(cell) for cell in wrapped)
    out = []
    for index in range(height):
        parts = [pad(cell[index] if index < len(cell) else "", width) for cell, width in zip(wrapped, widths)]
        out.append(_GAP.join(parts).rstrip())
    return out


def _table(decision: Decision, words: Vocabulary, names: SubjectNames) -> list[str]:
    rows = [_row(outcome, words, names) for outcome in decision.deadlines]
    headers = _HEADERS_ZH if words.lang == "zh" else _HEADERS
    widths = _widths(rows, headers)
    lines = _lines([[header] for header in headers], widths)
    lines.append(_GAP.join("-" * width for width in widths))
    # Notes (extension, what met it, the exception) are sentences: they span the columns
    # right of Due instead of squeezing into What.
    indent = " " * (widths[0] + len(_GAP))
    for row in rows:
        lines += _lines(row.cells, widths)
        for note in row.notes:
            lines += hanging(note, f"{indent}> ", f"{indent}  ", WIDTH)
    return lines


def _section(title: str, items: Sequence[str], mark: str) -> list[str]:
    """A titled list; each item wraps under itself, after its mark."""
    lines = ["", title]
    indent = " " * (len(mark) + 2)
    for item in items:
        lines += hanging(item, f"  {mark}", indent, WIDTH)
    return lines


def deadline_table(decision: Decision, words: Vocabulary | None = None, names: SubjectNames | None = None) -> str:
    """The decision's deadlines, violations, unstarted deadlines and deadline warnings, as text.

    `words` gives citations and titles in the reader's words, `names` the case's own
    names for its items; without them, the decision's own (`crim_proc Art. 85`, `measures[1]`).
    """
    words, names = words or Vocabulary(), names or SubjectNames(None)
    if words.lang == "zh":
        return _table_zh(decision, words, names)
    lines = wrap(f"Deadlines of case {decision.case_id}, as of {format_due(decision.as_of)}; {ZONE_NOTE}", WIDTH)
    if decision.deadlines:
        lines += ["", *_table(decision, words, names)]
    else:
        lines += ["", *wrap("No deadline of an encoded instrument has started; some instruments in force on the "
                            "case's dates are not encoded, and their deadlines are not computed (listed below)."
                            if not_encoded_lines(decision) else
                            "No deadline has started: the case gives no measure or event that starts one.", WIDTH)]
    if decision.violations:
        lines += _section("Violations (missed deadlines):",
                          [words.cite_in(names.relabel(violation_line(decision, v))) for v in decision.violations], "! ")
    unrecorded = [o for o in decision.deadlines if o.status == "not_recorded"]
    if unrecorded:
        items = [f"{o.citation}: {o.title} ({o.subject}), due {format_due(o.due)}: the case does not record that it "
                 "was done" for o in unrecorded]
        lines += _section("Not recorded (not violations; case.record_complete: true says the record is complete):",
                          items, "? ")
    if decision.deadlines_not_started:
        items = [words.cite_in(not_started_line(n)) for n in decision.deadlines_not_started]
        lines += _section("Not started (what the case would need to start the clock):", items, "- ")
    gaps = not_encoded_lines(decision)
    if gaps:
        lines += _section("Not encoded (in force on these dates; none of its deadlines are computed):", gaps, "! ")
    warnings = deadline_warnings(decision)
    if warnings:
        # A deadline named by its title, not its duty identifier (`crim_proc.art85.2 (family_notification, d1)`).
        lines += _section("Warnings:", [words.cite_in(name_deadlines(names.relabel(w), decision, lambda o: o.title))
                                        for w in warnings], "! ")
    return "\n".join(lines) + "\n"


def _table_zh(decision: Decision, words: Vocabulary, names: SubjectNames) -> str:
    """The deadline table in Chinese: the same rows, statuses and notes as the English one."""
    lines = wrap(f"案件 {decision.case_id} 的期限，截至 {due_text(decision.as_of, 'zh')}；时间均为北京时间（UTC+8）", WIDTH)
    lines += ["", *_table(decision, words, names)] if decision.deadlines else ["", "尚无期限起算：案件中没有启动期限的措施或者事件。"]
    if decision.violations:
        items = []
        for violation in decision.violations:
            outcome = outcome_of(decision, violation)
            title = (words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period)
                     if outcome else violation.duty)
            status = status_in(outcome, "zh") if outcome else violation.text
            items.append(f"{words.citation(violation.citation)}：{title}（{names.name(violation.subject)}），"
                         f"应于{due_text(violation.due, 'zh')}前完成：{status}")
        lines += _section("逾期（违反期限规定）：", items, "! ")
    if decision.deadlines_not_started:
        items = [f"{words.cite_in(n.rule_id)} {words.deadline_title(n.rule_id, n.duty, n.title)}：{in_chinese(n.missing)}"
                 for n in decision.deadlines_not_started]
        lines += _section("尚未起算（起算所需的措施或者事件）：", items, "- ")
    gaps = not_encoded_lines(decision, "zh", words.chain_titles_zh)
    if gaps:
        lines += _section("未编码的文件（在这些日期有效，其期限均未计算）：", gaps, "! ")
    warnings = deadline_warnings(decision)
    if warnings:
        lines += _section("提示：", [sentence_zh(w, decision, words, names) for w in warnings], "! ")
    return "\n".join(lines) + "\n"
