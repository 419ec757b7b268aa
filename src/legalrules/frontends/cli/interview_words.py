"""An interview's questions and answer in the reader's words.

In Chinese a question names the field by its Chinese term and key (`讯问地点（interrogations[0].place）`)
and lists the allowed values by their Chinese terms, which the answer may give (as the case
file may: `看守所` reads `detention_house`), besides the number or the identifier.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...case.field_terms import field_term
from ...decision.model import ConclusionOutcome
from ...documents.deadline_lang import due_text, status_in
from ...documents.fact_words import facts_said
from ...variations.interview import Outcome, Question
from .scenario_words import Reader, quoted


def _accepts_en(question: Question) -> str:
    kind = question.field
    if kind.kind == "bool":
        return "yes / no"
    if kind.kind == "enum":
        return " / ".join(f"{n}) {v}" for n, v in enumerate(kind.values, 1))
    if kind.kind == "instant":
        return "a date and time, e.g. 2026-09-30T21:00+08:00"
    if kind.kind == "date":
        return "a date, e.g. 2008-03-11"
    if kind.values:
        return f"a whole number, or one of {', '.join(map(str, kind.values))}"
    return "a number" if kind.kind in ("int", "float") else "text"


def _accepts_zh(question: Question, reader: Reader) -> str:
    kind = question.field
    if kind.kind == "bool":
        return "是 / 否"
    if kind.kind == "enum":
        return " / ".join(f"{n}) {reader.fact_value(v)}" for n, v in enumerate(kind.values, 1))
    if kind.kind == "instant":
        return "日期和时刻，例如 2026-09-30T21:00+08:00"
    if kind.kind == "date":
        return "日期，例如 2008-03-11"
    if kind.values:
        return f"整数，或者{'、'.join(map(str, kind.values))}之一"
    return "数字" if kind.kind in ("int", "float") else "文字"


def question_text(question: Question, number: int, reader: Reader) -> str:
    """A question of the interview: the field, what it means, and the answers it takes."""
    if reader.lang == "zh":
        term = field_term(question.path)
        named = f"{term}（{question.path}）" if term else question.path
        decides = ("" if question.settles is None else
                   f"——其{question.of}个可能值中有{question.settles}个可以单独确定答案")
        return (f"问{number}. {named}{decides}\n"
                f"    （可答：{_accepts_zh(question, reader)}；直接回车或者输入 ? 表示不知道）\n")
    decides = ("" if question.settles is None else
               f" — {question.settles} of its {question.of} values settle the answer")
    return (f"Q{number}. {question.path}{decides}\n"
            f"    {question.field.description}\n"
            f"    ({_accepts_en(question)}; Enter or ? to leave it unknown)\n")


def answer_lines(outcomes: Sequence[Outcome], reader: Reader) -> list[str]:
    """The interview's answer: each outcome with its value and the rule (citation, quote) behind it."""
    lines = []
    for item in outcomes:
        subject = reader.subject(item.subject)
        if isinstance(item, ConclusionOutcome):
            where = reader.said(f"（{subject}；{reader.ruleset(item.ruleset)}）",
                                f" ({subject}; {reader.ruleset(item.ruleset)})")
            lines.append(f"{reader.title(item)}{where}{reader.said('：', ': ')}{reader.value(item.value)}")
            for rule in item.established_by:
                cited = reader.words.citation(rule.citation)
                lines.append(reader.said(f"  {cited}（规则 {rule.rule_id}）：{quoted(rule.quote, reader)}",
                                         f"  {cited} ({rule.rule_id}): {quoted(rule.quote, reader)}"))
            if item.value == "false":
                lines.append(reader.said("  法定条件均不成立",
                                         "  none of the grounds the law gives for it holds on these facts"))
        else:
            cited = reader.words.citation(item.citation)
            if reader.lang == "zh":
                lines.append(f"{reader.deadline_title(item)}（{subject}）：应于{due_text(item.due, 'zh')}前完成，"
                             f"{status_in(item, 'zh')}（{cited}）")
            else:
                lines.append(f"{reader.deadline_title(item)} ({subject}): due {reader.due(item.due)} — "
                             f"{reader.sentence(item.status_text)} ({cited})")
        if item.deciding_facts:
            facts = facts_said(item.deciding_facts, reader.lang, len(item.deciding_facts))
            lines.append(reader.said(f"  仍未知：{facts}", f"  still unknown: {facts}"))
    return lines
