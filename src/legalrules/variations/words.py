"""The trainer's tools in plain words: a decision difference, a sweep table, an interview's questions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..case.instants import format_local
from .compare import ConclusionChange, DecisionDiff, RuleChange
from ..decision.model import ConclusionOutcome
from .interview import Outcome, Question
from .sweep import SweepResult

# A rule's parameter beside its value (`age_of_majority (18)`): said by its value alone.
_PARAMETER = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+ \(([^()]*)\)")
_VALUE = {"true": "YES", "false": "NO", "undetermined": "UNDETERMINED", None: "(none)"}


def _shown(value: Any) -> str:
    return "unknown" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _rule_lines(rule: RuleChange) -> list[str]:
    lines = [f"      {rule.rule_id} ({rule.citation}): {rule.before} -> {rule.after}",
             f"        \"{rule.quote}\""]
    for fact in rule.facts:
        before = _shown(fact.before) if fact.read != "after" else "(not read)"
        after = _shown(fact.after) if fact.read != "before" else "(not read)"
        condition = _PARAMETER.sub(lambda m: m[1], fact.condition)
        lines.append(f"        {fact.fact}: {before} -> {after}  ({condition})")
    return lines


def conclusion_lines(change: ConclusionChange, indent: str = "  ") -> list[str]:
    """One flipped conclusion: its old and new value, then the rules and facts that flipped it."""
    head = (f"{indent}{change.conclusion} on {change.subject} ({change.ruleset}): "
            f"{_VALUE[change.before]} -> {_VALUE[change.after]}")
    lines = [head, f"{indent}  {change.title}"]
    for rule in change.rules:
        lines += [indent + line[2:] for line in _rule_lines(rule)]
    return lines


def _due(moment: datetime | None) -> str:
    return "(none)" if moment is None else format_local(moment)


def diff_text(diff: DecisionDiff) -> str:
    """A decision difference as a trainer reads it: what flipped and why, what moved, what broke or healed."""
    lines = [f"Before: {diff.before}", f"After:  {diff.after}"]
    lines += [f"  --set {change}" for change in diff.changes]
    if diff.empty:
        return "\n".join([*lines, "", "No conclusion, deadline or violation changed."]) + "\n"
    if diff.conclusions:
        lines += ["", f"Conclusions that changed ({len(diff.conclusions)}):"]
        for change in diff.conclusions:
            lines += conclusion_lines(change)
    if diff.deadlines:
        lines += ["", f"Deadlines that changed ({len(diff.deadlines)}):"]
        for item in diff.deadlines:
            lines.append(f"  {item.title} ({item.subject}; {item.citation})")
            lines.append(f"    due {_due(item.due_before)} -> {_due(item.due_after)}; "
                         f"status {item.status_before or '(none)'} -> {item.status_after or '(none)'}")
            if item.status_before == item.status_after:  # the same status, met at another time
                lines.append(f"    {item.status_text_before} -> {item.status_text_after}")
    if diff.violations:
        lines += ["", f"Violations that appeared, went away or changed ({len(diff.violations)}):"]
        for v in diff.violations:
            mark = {"appeared": "+ appeared", "went_away": "- went away", "changed": "~ now"}[v.change]
            lines.append(f"  {mark}: {v.violation.text}")
    return "\n".join(lines) + "\n"


def _value_text(value: Any) -> str:
    return format_local(datetime.fromisoformat(value)) if isinstance(value, str) and "T" in value else _shown(value)


def sweep_text(result: SweepResult) -> str:
    """A sweep as a table: one row per value, one column per answer, change points marked with why."""
    lines = [f"Sweep of {result.vary} on {result.case}"]
    if not result.answers:
        return "\n".join([*lines, "No answer changes across the range."]) + "\n"
    lines.append("Answers:")
    lines += [f"  [{n}] {label}" for n, label in enumerate(result.answers, 1)]
    cells = [[_value_text(p.value)] + [p.answers[label] for label in result.answers] for p in result.points]
    header = ["value"] + [f"[{n}]" for n in range(1, len(result.answers) + 1)]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    lines.append("")
    lines.append("   " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for point, row in zip(result.points, cells, strict=True):
        mark = "▶  " if point.changed else "   "
        lines.append(mark + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    changes = result.change_points
    lines += ["", f"Change points ({len(changes)}):" if changes else "No answer changes across the range."]
    for point in changes:
        numbers = ", ".join(f"[{result.answers.index(label) + 1}]" for label in point.changed)
        lines.append(f"  at {_value_text(point.value)}: {numbers} changed")
        for item in point.moved:
            lines.append(f"    {item.title} ({item.citation}): due {_due(item.due_before)} -> {_due(item.due_after)}; "
                         f"{item.status_before} -> {item.status_after}")
            if item.holiday_rule_after:
                lines.append(f"      {item.holiday_rule_after}")
        for change in point.because:
            lines += conclusion_lines(change, indent="    ")
    return "\n".join(lines) + "\n"


def question_text(question: Question, number: int) -> str:
    """A question of the interview: the field, what it means, and the answers it takes."""
    kind = question.field
    if kind.kind == "bool":
        accepts = "yes / no"
    elif kind.kind == "enum":
        accepts = " / ".join(f"{n}) {v}" for n, v in enumerate(kind.values, 1))
    elif kind.kind == "instant":
        accepts = "a date and time, e.g. 2026-09-30T21:00+08:00"
    elif kind.kind == "date":
        accepts = "a date, e.g. 2008-03-11"
    elif kind.values:
        accepts = f"a whole number, or one of {', '.join(map(str, kind.values))}"
    else:
        accepts = "a number" if kind.kind in ("int", "float") else "text"
    decides = ("" if question.settles is None else
               f" — {question.settles} of its {question.of} values settle the answer")
    return (f"Q{number}. {question.path}{decides}\n"
            f"    {kind.description}\n"
            f"    ({accepts}; Enter or ? to leave it unknown)\n")


def answer_lines(outcomes: Sequence[Outcome]) -> list[str]:
    """The interview's answer: each outcome with its value and the rule (citation, quote) behind it."""
    lines = []
    for item in outcomes:
        if isinstance(item, ConclusionOutcome):
            lines.append(f"{item.conclusion} on {item.subject} ({item.ruleset}): {_VALUE[item.value]} — {item.title}")
            for rule in item.established_by:
                lines.append(f"  {rule.citation} ({rule.rule_id}): \"{rule.quote}\"")
            if item.value == "false":
                lines.append("  no rule establishes it")
            if item.deciding_facts:
                lines.append(f"  still unknown: {', '.join(item.deciding_facts)}")
        else:
            lines.append(f"{item.rule_id} {item.duty} on {item.subject}: due {format_local(item.due)} — "
                         f"{item.status_text} ({item.citation})")
            if item.deciding_facts:
                lines.append(f"  still unknown: {', '.join(item.deciding_facts)}")
    return lines
