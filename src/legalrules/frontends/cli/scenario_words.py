"""The trainer's commands (what-if, diff, sweep, ask) in the reader's words, Chinese or English.

The variations package computes differences, sweeps and interviews in the engine's
terms (conclusion names, duties, item positions, English engine sentences). What an
officer reads names each by its title (the ruleset's `title_zh` in Chinese, else the
statute's own words), each case item by the id the case gives it, each citation as a
statute is cited, each fact by its Chinese term and key, each value as 是/否/尚无法确定:
the same `Vocabulary`, `SubjectNames` and fact words the answer and `--full` use. It lives
here, not in `variations`, because only a front end may use both `variations` and `documents`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from ...case.instants import format_local
from ...decision.deadlines import DeadlineOutcome, Violation
from ...decision.model import ConclusionOutcome, Decision
from ...documents.deadline_lang import due_text, status_in
from ...documents.deadline_words import outcome_of
from ...documents.engine_zh import in_chinese, instrument_named, name_deadlines
from ...documents.fact_words import condition_facts_zh, fact_said, value_said
from ...documents.notices.words import TRANSLATION_MARK, is_chinese
from ...documents.subjects import SubjectNames
from ...documents.text.decision import plain_condition
from ...documents.text.decision_zh import condition_zh
from ...documents.text.phrases import phrase
from ...documents.vocabulary import Vocabulary
from ...variations.compare import ConclusionChange, DecisionDiff, DeadlineChange, FactChange, RuleChange

Lang = Literal["zh", "en"]
_VALUE: Final = {"en": {"true": "YES", "false": "NO", "undetermined": "UNDETERMINED", None: "(none)"},
                 "zh": {"true": "是", "false": "否", "undetermined": "尚无法确定", None: "（无）"}}
_RULE_VALUE_ZH: Final = {"true": "成立", "false": "不成立", "undetermined": "尚无法确定", "absent": "未适用"}
# A deadline's status by itself (a sweep's cell, a change seen without its outcome).
STATUS: Final = {
    "en": {"not_recorded": "not recorded"},
    "zh": {"pending": "尚未届满", "missed": "已逾期", "met": "已按期完成", "excepted": "依法免除", "undetermined": "待定",
           "not_recorded": "期限已届满，案件材料未载明是否履行"},
}
_VIOLATION_MARK: Final = {"en": {"appeared": "+ appeared", "went_away": "- went away", "changed": "~ now"},
                          "zh": {"appeared": "+ 新出现", "went_away": "- 已消除", "changed": "~ 现为"}}


@dataclass
class Reader:
    """How one reader reads the trainer's output: the words, the case's names, and the decisions
    compared (where a conclusion or deadline named by its identifier is found with its title)."""

    words: Vocabulary
    names: SubjectNames
    decisions: Sequence[Decision] = ()
    _titles: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def lang(self) -> Lang:
        return self.words.lang

    def said(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def value(self, value: str | None) -> str:
        return _VALUE[self.lang][value]

    def subject(self, subject: str) -> str:
        return self.names.name(subject)

    def ruleset(self, ruleset: str) -> str:
        """A ruleset by its short title: `CPL`, `《刑事诉讼法》`."""
        zh, en = self.words.short_titles.get(ruleset, (ruleset, ruleset))
        return f"《{zh}》" if self.lang == "zh" else en

    def due(self, moment: datetime | None) -> str:
        if moment is None:
            return self.said("（无）", "(none)")
        return due_text(moment, "zh") if self.lang == "zh" else format_local(moment)

    def status(self, status: str | None) -> str:
        if status is None:
            return self.said("（无）", "(none)")
        return STATUS[self.lang].get(status, status)

    def sentence(self, text: str, decision: Decision | None = None) -> str:
        """An engine sentence: items by the case's names, deadlines by title, citations cited, in the language."""
        text = self.names.relabel(text)
        if decision is not None:
            text = name_deadlines(text, decision, self.deadline_title)
        if self.lang == "en":
            return self.words.cite_in(text)
        return instrument_named(self.words.cite_in(in_chinese(text)), self.words)

    # --- titles ------------------------------------------------------------------
    def title(self, item: ConclusionOutcome) -> str:
        """A conclusion's title; in Chinese, without a Chinese title, its statute's own words."""
        quotes = [rule.quote for rule in (*item.established_by, *item.not_established_by)]
        return self.conclusion_title(item.ruleset, item.conclusion, item.title, quotes)

    def conclusion_title(self, ruleset: str, name: str, title: str, quotes: Sequence[str] = ()) -> str:
        if self.lang == "en":
            return title
        said = next((quote.rstrip("。；：") for quote in quotes if is_chinese(quote)), title)
        return self.words.conclusion_title(ruleset, name, said)

    def change_title(self, change: ConclusionChange) -> str:
        return self.conclusion_title(change.ruleset, change.conclusion, change.title, [r.quote for r in change.rules])

    def titles(self, ruleset: str) -> Mapping[str, str]:
        """The titles of a ruleset's conclusions, by name, as the decisions give them."""
        if ruleset not in self._titles:
            self._titles[ruleset] = {item.conclusion: self.title(item) for decision in self.decisions
                                     for item in decision.conclusions if item.ruleset == ruleset}
        return self._titles[ruleset]

    def named_title(self, ruleset: str, name: str) -> str:
        return self.titles(ruleset).get(name, name.replace("_", " "))

    def conclusion(self, ruleset: str, name: str, subject: str) -> ConclusionOutcome | None:
        return next((item for decision in reversed(self.decisions) for item in decision.conclusions
                     if (item.ruleset, item.conclusion, item.subject) == (ruleset, name, subject)), None)

    def deadline(self, rule_id: str, duty: str, subject: str,
                 decision: Decision | None = None) -> DeadlineOutcome | None:
        searched = [decision] if decision is not None else list(reversed(self.decisions))
        return next((item for found in searched for item in found.deadlines
                     if (item.rule_id, item.duty, item.subject) == (rule_id, duty, subject)), None)

    def deadline_title(self, outcome: DeadlineOutcome) -> str:
        return self.words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period)

    def change_deadline_title(self, change: DeadlineChange) -> str:
        outcome = self.deadline(change.rule_id, change.duty, change.subject)
        return self.deadline_title(outcome) if outcome is not None else self.words.deadline_title(
            change.rule_id, change.duty, change.title)

    # --- facts -------------------------------------------------------------------
    def fact(self, fact: str, ruleset: str) -> str:
        """A fact a rule read: `suspect.age_at_interrogation`, `讯问时的周岁年龄（suspect.age_at_interrogation）`,
        another conclusion by its title."""
        if fact.startswith("conclusion:"):
            return f"“{self.named_title(ruleset, fact.removeprefix('conclusion:'))}”"
        if self.lang == "en":
            return fact
        return condition_facts_zh(fact) if fact.startswith("offences[") else fact_said(fact, "zh")

    def fact_value(self, value: Any) -> str:
        if self.lang == "zh":
            return value_said(value, "zh")
        return "unknown" if value is None else str(value).lower() if isinstance(value, bool) else str(value)

    def condition(self, text: str, ruleset: str) -> str:
        if self.lang == "en":
            return plain_condition(text, self.titles(ruleset))
        return condition_facts_zh(condition_zh(text), lambda name: self.named_title(ruleset, name))


def quoted(text: str, reader: Reader) -> str:
    if reader.lang == "zh" and not is_chinese(text):
        return f"“{text}{TRANSLATION_MARK}”"
    return f"“{text}”" if reader.lang == "zh" else f"\"{text}\""


def _fact_line(fact: FactChange, ruleset: str, reader: Reader) -> str:
    unread = reader.said("（未读取）", "(not read)")
    before = reader.fact_value(fact.before) if fact.read != "after" else unread
    after = reader.fact_value(fact.after) if fact.read != "before" else unread
    condition = reader.condition(fact.condition, ruleset)
    return reader.said(f"{reader.fact(fact.fact, ruleset)}：{before} -> {after}（条件：{condition}）",
                       f"{reader.fact(fact.fact, ruleset)}: {before} -> {after}  ({condition})")


def _rule_lines(rule: RuleChange, ruleset: str, reader: Reader) -> list[str]:
    cited = reader.words.citation(rule.citation)
    if reader.lang == "zh":
        head = (f"{cited}（规则 {rule.rule_id}）：{_RULE_VALUE_ZH.get(rule.before, rule.before)} -> "
                f"{_RULE_VALUE_ZH.get(rule.after, rule.after)}")
    else:
        head = f"{cited} ({rule.rule_id}): {rule.before} -> {rule.after}"
    return [f"      {head}", f"        {quoted(rule.quote, reader)}",
            *(f"        {_fact_line(fact, ruleset, reader)}" for fact in rule.facts)]


def conclusion_lines(change: ConclusionChange, reader: Reader, indent: str = "  ") -> list[str]:
    """One flipped conclusion: its title, subject and instrument, old and new value, then the rules and facts."""
    where = reader.said(f"（{reader.subject(change.subject)}；{reader.ruleset(change.ruleset)}）",
                        f" ({reader.subject(change.subject)}; {reader.ruleset(change.ruleset)})")
    head = (f"{indent}{reader.change_title(change)}{where}{reader.said('：', ': ')}"
            f"{reader.value(change.before)} -> {reader.value(change.after)}")
    lines = [head]
    for rule in change.rules:
        lines += [indent + line[2:] for line in _rule_lines(rule, change.ruleset, reader)]
    return lines


def _outcome_state(outcome: DeadlineOutcome | None, status: str | None, reader: Reader) -> str:
    """A deadline's status in Chinese as the deadline table says it, with when it was done."""
    if outcome is None:
        return reader.status(status)
    done = f"（完成时间 {due_text(outcome.met_at, 'zh')}）" if outcome.met_at is not None else ""
    return status_in(outcome, "zh") + done


def deadline_lines(item: DeadlineChange, reader: Reader, before: Decision | None, after: Decision | None) -> list[str]:
    """A deadline that moved or changed status: old and new due time and status."""
    title, subject, cited = reader.change_deadline_title(item), reader.subject(item.subject), reader.words.citation(
        item.citation)
    if reader.lang == "zh":
        old = reader.deadline(item.rule_id, item.duty, item.subject, before) if before else None
        new = reader.deadline(item.rule_id, item.duty, item.subject, after) if after else None
        return [f"  {title}（{subject}；{cited}）",
                f"    届满 {reader.due(item.due_before)} -> {reader.due(item.due_after)}；"
                f"{_outcome_state(old, item.status_before, reader)} -> {_outcome_state(new, item.status_after, reader)}"]
    lines = [f"  {title} ({subject}; {cited})",
             f"    due {reader.due(item.due_before)} -> {reader.due(item.due_after)}; "
             f"status {reader.status(item.status_before)} -> {reader.status(item.status_after)}"]
    if item.status_before == item.status_after:  # the same status, met at another time
        lines.append(f"    {reader.sentence(item.status_text_before or '', before)} -> "
                     f"{reader.sentence(item.status_text_after or '', after)}")
    return lines


def _violation(violation: Violation, decision: Decision | None, reader: Reader) -> str:
    outcome = outcome_of(decision, violation) if decision is not None else None
    if reader.lang == "en" or outcome is None:
        return reader.sentence(violation.text, decision)
    return phrase("missed_line", "zh", title=reader.deadline_title(outcome), subject=reader.subject(outcome.subject),
                  due=due_text(outcome.due, "zh"), status=status_in(outcome, "zh"),
                  cite=reader.words.citation(outcome.citation))


def diff_text(diff: DecisionDiff, reader: Reader, before: Decision | None = None, after: Decision | None = None) -> str:
    """A decision difference as a trainer reads it: what flipped and why, what moved, what broke or healed."""
    lines = [reader.said(f"修改前：{diff.before}", f"Before: {diff.before}"),
             reader.said(f"修改后：{diff.after}", f"After:  {diff.after}")]
    lines += [f"  --set {change}" for change in diff.changes]
    if diff.empty:
        return "\n".join([*lines, "", reader.said("没有结论、期限或者违法情形发生变化。",
                                                  "No conclusion, deadline or violation changed.")]) + "\n"
    if diff.conclusions:
        lines += ["", reader.said(f"变化的结论（{len(diff.conclusions)}项）：",
                                  f"Conclusions that changed ({len(diff.conclusions)}):")]
        for change in diff.conclusions:
            lines += conclusion_lines(change, reader)
    if diff.deadlines:
        lines += ["", reader.said(f"变化的期限（{len(diff.deadlines)}项；北京时间）：",
                                  f"Deadlines that changed ({len(diff.deadlines)}):")]
        for item in diff.deadlines:
            lines += deadline_lines(item, reader, before, after)
    if diff.violations:
        lines += ["", reader.said(f"新出现、消除或者改变的违法情形（{len(diff.violations)}项）：",
                                  f"Violations that appeared, went away or changed ({len(diff.violations)}):")]
        for v in diff.violations:
            side = before if v.change == "went_away" else after
            mark = _VIOLATION_MARK[reader.lang][v.change]
            lines.append(f"  {mark}{reader.said('：', ': ')}{_violation(v.violation, side, reader)}")
    return "\n".join(lines) + "\n"
