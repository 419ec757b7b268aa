"""A sweep as a table in the reader's words: each answer by its title and subject, values and statuses said.

The sweep's answers are labelled in the engine's terms (`av_2014:recording_required@interrogations[0]`,
`crim_proc.art86:interrogation@measures[1]`): the JSON keeps them. The table names each by
the title the decisions give it, the case's id for its subject, and its instrument or citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from ...decision.model import Decision
from ...documents.text.wrapping import display_width, pad
from ...variations.sweep import SweepResult
from .scenario_words import Reader, conclusion_lines, deadline_lines

# A deadline's status in a cell: short, so the columns stay narrow.
_CELL_STATUS_ZH: Final = {"pending": "未届满", "missed": "已逾期", "met": "已完成", "excepted": "免除",
                          "undetermined": "待定", "not_recorded": "未载明履行"}
_CELL_VALUE_ZH: Final = {"true": "是", "false": "否", "undetermined": "尚无法确定"}


def _is_deadline(label: str) -> bool:
    """`rule_id:duty@subject` (a rule id has a dot) rather than `ruleset:conclusion@subject`."""
    return "." in label.split(":", 1)[0]


def answer_name(label: str, reader: Reader) -> str:
    """An answer a sweep shows, by its title, subject and instrument (its label when no decision has it)."""
    head, _, subject = label.rpartition("@")
    first, _, name = head.partition(":")
    if _is_deadline(label):
        outcome = reader.deadline(first, name, subject)
        if outcome is None:
            return label
        title, basis = reader.deadline_title(outcome), reader.words.citation(outcome.citation)
    else:
        item = reader.conclusion(first, name, subject)
        if item is None:
            return label
        title, basis = reader.title(item), reader.ruleset(first)
    return reader.said(f"{title}（{reader.subject(subject)}；{basis}）", f"{title} ({reader.subject(subject)}; {basis})")


def _cell(label: str, shown: str, reader: Reader) -> str:
    if _is_deadline(label):
        due, _, status = shown.rpartition(" ")
        if not due:
            return shown
        word = _CELL_STATUS_ZH.get(status, status) if reader.lang == "zh" else reader.status(status)
        return f"{due} {word}"
    return _CELL_VALUE_ZH.get(shown, shown) if reader.lang == "zh" else shown


def _value_text(value: Any, reader: Reader) -> str:
    if isinstance(value, str) and "T" in value:
        return reader.due(datetime.fromisoformat(value))
    return reader.fact_value(value)


def _table(result: SweepResult, reader: Reader) -> list[str]:
    cells = [[_value_text(p.value, reader)] + [_cell(label, p.answers[label], reader) for label in result.answers]
             for p in result.points]
    header = [reader.said("取值", "value")] + [f"[{n}]" for n in range(1, len(result.answers) + 1)]
    widths = [max(display_width(row[i]) for row in [header, *cells]) for i in range(len(header))]
    lines = ["", "   " + "  ".join(pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    for point, row in zip(result.points, cells, strict=True):
        mark = "▶  " if point.changed else "   "
        lines.append(mark + "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return lines


def sweep_text(result: SweepResult, reader: Reader, decisions: Sequence[Decision] = ()) -> str:
    """A sweep as a table: one row per value, one column per answer, change points marked with why.

    `decisions` are the points' decisions in order, to say a moved deadline's status as the deadline table does.
    """
    lines = [reader.said(f"扫描 {result.vary}（案件 {result.case}；时间为北京时间）", f"Sweep of {result.vary} on {result.case}")]
    none = reader.said("在整个范围内没有答案变化。", "No answer changes across the range.")
    if not result.answers:
        return "\n".join([*lines, none]) + "\n"
    lines.append(reader.said("答案：", "Answers:"))
    lines += [f"  [{n}] {answer_name(label, reader)}" for n, label in enumerate(result.answers, 1)]
    lines += _table(result, reader)
    changes = result.change_points
    lines += ["", reader.said(f"变化点（{len(changes)}处）：", f"Change points ({len(changes)}):") if changes else none]
    for point in changes:
        numbers = reader.said("、", ", ").join(f"[{result.answers.index(label) + 1}]" for label in point.changed)
        lines.append(reader.said(f"  {_value_text(point.value, reader)}：{numbers} 变化",
                                 f"  at {_value_text(point.value, reader)}: {numbers} changed"))
        number = result.points.index(point)
        before, after = (decisions[number - 1], decisions[number]) if len(decisions) == len(result.points) \
            else (None, None)
        for item in point.moved:
            first, second = deadline_lines(item, reader, before, after)[:2]
            lines += [f"    {first.strip()}", f"      {second.strip()}"]
            if item.holiday_rule_after:
                lines.append(f"      {reader.sentence(item.holiday_rule_after)}")
        for change in point.because:
            lines += conclusion_lines(change, reader, indent="    ")
    return "\n".join(lines) + "\n"
