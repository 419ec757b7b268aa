"""`evaluate --full --lang zh`: the whole decision in Chinese, as `decision.py` gives it in English.

The same sections in the same order: rulesets, warnings, a summary per subject, then
each conclusion with the rules behind it (citation, the statute's words, the facts read),
the deadlines, and the interpretations used. Titles and citations come from the
`Vocabulary`, engine sentences from `engine_zh`, conditions are said in Chinese with
the case's own fact names. A rule's reason is said from the facts that met it; its
interpretation comes from the ruleset's `interpretation_zh`, first sentence only, as
the English listing gives the first sentence of `interpretation`.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ...decision.model import ConclusionOutcome, Decision, Reading, RuleOutcome
from ..deadline_lang import due_text, status_in
from ..engine_zh import in_chinese, sentence_zh
from ..fact_words import condition_facts_zh, fact_said, value_said
from ...interpretations import said_zh
from ..notices.words import is_chinese
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from .governing import not_encoded_lines
from .sentences import first_sentence
from .wrapping import hanging

WIDTH: Final = 100
_WORD: Final = {"true": "是", "undetermined": "尚无法确定"}
_FALSE_WORD: Final = {"obligation": "不要求", "prohibition": "不禁止", "permission": "不允许", "finding": "否"}
_KIND: Final = {"obligation": "义务", "prohibition": "禁止", "permission": "许可", "finding": "认定"}
_COMPLIANCE: Final = {"complied": "已履行", "violated": "未履行", "unknown": "案件材料未载明"}
_KIND_ORDER: Final = {"obligation": 0, "prohibition": 1, "permission": 2, "finding": 3}
_VALUE_ORDER: Final = {"true": 0, "undetermined": 1, "false": 2}
# Condition words as `ruleformat.conditions` writes them, longest first, in Chinese.
_CONDITION_WORDS: Final = ((" is none of ", " 不属于 "), (" is one of ", " 属于 "), (" is not ", " 不为 "),
                           (" is known", " 已载明"), (" is unknown", " 未载明"), (" is ", " 为 "),
                           ("all of: ", "以下全部成立："), ("any of: ", "以下任一成立："),
                           ("some item of ", "有一项满足："), ("every item of ", "每一项都满足："), ("not (", "并非（"))
_CONCLUSION_REF: Final = re.compile(r"\bconclusion (\w+) 为 (true|false)")
_UNIT: Final = {"hours": "小时", "days": "日", "months": "个月", "years": "年", "count": "次", "yuan": "元"}


def condition_zh(text: str) -> str:
    """A condition as the rules write it (`interrogation.place is one of [...]`), in Chinese."""
    for english, chinese in _CONDITION_WORDS:
        text = text.replace(english, chinese)
    return _CONCLUSION_REF.sub(lambda m: f"结论 {m[1]} 为{'是' if m[2] == 'true' else '否'}", text)


def _value(value: Any, known: bool = True) -> str:
    return value_said(value, "zh") if known else "未载明"


class _Listing:
    def __init__(self, decision: Decision, words: Vocabulary, names: SubjectNames) -> None:
        self.decision, self.words, self.names = decision, words, names
        self.lines: list[str] = []

    def add(self, text: str, indent: str = "", more: str = "  ") -> None:
        self.lines += hanging(text, indent, indent + more, WIDTH)

    def title(self, item: ConclusionOutcome) -> str:
        said = next((r.quote.rstrip("。；：") for r in (*item.established_by, *item.not_established_by)
                     if is_chinese(r.quote)), item.title)
        return self.words.conclusion_title(item.ruleset, item.conclusion, said)

    def conclusion_title(self, ruleset: str, name: str) -> str:
        """Another conclusion a condition names, by its title (in the subject's listing, as the reader saw it)."""
        for item in self.decision.conclusions:
            if (item.ruleset, item.conclusion) == (ruleset, name):
                return self.title(item)
        return self.words.conclusion_title(ruleset, name, name.replace("_", " "))

    def reading(self, reading: Reading, ruleset: str) -> str:
        """A condition and the fact it read, every fact by its term and key, every value in Chinese."""
        said = condition_facts_zh(condition_zh(reading.condition), lambda name: self.conclusion_title(ruleset, name))
        if reading.fact is None or reading.fact.startswith("conclusion:"):
            return said
        return f"{said}（案件中为{_value(reading.value, reading.known)}）"

    def word(self, item: ConclusionOutcome) -> str:
        return _FALSE_WORD[item.kind] if item.value == "false" else _WORD[item.value]

    def rule(self, rule: RuleOutcome, indent: str, quote: bool = True, concluded: str | None = None) -> None:
        self.add(f"{self.words.citation(rule.citation)}（规则 {rule.rule_id}）", indent)
        ruleset = rule.rule_id.split(".")[0]
        if quote:
            shown = rule.quote if is_chinese(rule.quote) else f"{rule.quote}（英文译本；资料中无中文原文）"
            self.add(f"“{shown}”", indent + "  ")
        if rule.value == "true" and concluded is not None:
            # The rule's reason in Chinese: the facts that met its conditions, then what follows, in the statute's
            # words (the conclusion's Chinese title); the ruleset's English `reason` says the same in prose.
            met = "；".join(self.reading(reading, ruleset) for reading in rule.satisfied_by)
            self.add(f"理由：{met}，因此{concluded}。" if met else f"理由：{concluded}。", indent + "  ")
        elif rule.value == "true":
            for reading in rule.satisfied_by:
                self.add(f"成立：{self.reading(reading, ruleset)}", indent + "  ")
        elif rule.why_not is not None:
            word = "未知" if rule.value == "undetermined" else "不成立"
            self.add(f"{word}：{self.reading(rule.why_not, ruleset)}", indent + "  ")
        for param in rule.parameters:
            self.add(f"参数：{param.value}{_UNIT.get(param.unit, param.unit)}（{self.words.citation(param.citation)}）",
                     indent + "  ")
        if rule.interpretation_zh:
            # The first sentence names the reading; `legalrules explain --lang zh` prints it whole.
            self.add(f"解释：{first_sentence(rule.interpretation_zh)}", indent + "  ", indent + "    ")

    def conclusion(self, item: ConclusionOutcome) -> None:
        self.add(f"{self.word(item)}　{self.title(item)}（{_KIND[item.kind]}）", "  ")
        if item.value == "true":
            for rule in item.established_by:
                self.rule(rule, "      ", concluded=self.title(item))
            if item.compliance is not None:
                condition = condition_facts_zh(condition_zh(item.compliance.condition))
                self.add(f"履行情况：{_COMPLIANCE[item.compliance.status]}（{condition}）", "      ")
        elif item.value == "false":
            self.add("法定条件均不成立：", "      ")
            for rule in item.not_established_by:
                self.rule(rule, "        ", quote=False)
        else:
            self.add("取决于：" + "、".join(fact_said(fact, "zh") for fact in item.deciding_facts)
                     if item.deciding_facts else "取决于：（无已知事实）", "      ")
            for rule in item.not_established_by:
                if rule.value == "undetermined":
                    self.rule(rule, "        ", quote=False)

    def summary(self, item: ConclusionOutcome) -> None:
        if item.value == "true":
            basis = "、".join(self.words.citation(rule.citation) for rule in item.established_by)
            if item.compliance is not None:
                basis += f"；{_COMPLIANCE[item.compliance.status]}"
        elif item.value == "undetermined":
            basis = f"需要{len(item.deciding_facts)}项未知事实：" + "、".join(fact_said(f, "zh") for f in item.deciding_facts[:3])
            basis += "等" if len(item.deciding_facts) > 3 else ""
        else:
            basis = "法定条件均不成立"
        self.add(f"{self.word(item)}　{self.title(item)}（{basis}）", "    ", "    ")

    def deadlines(self) -> None:
        decision = self.decision
        if decision.deadlines:
            self.lines += ["", "期限（按届满时间，北京时间；计算过程见 `legalrules deadlines --json`）："]
            for item in decision.deadlines:
                title = self.words.deadline_title(item.rule_id, item.duty, item.title, item.period)
                self.add(f"{due_text(item.due, 'zh')}  {title}（{self.names.name(item.subject)}）"
                         f"〔{self.words.citation(item.citation)}〕：{status_in(item, 'zh')}", "  ", "    ")
            self.lines += [f"  节假日数据：{in_chinese(source)}" for source in decision.holiday_data]
        if decision.deadlines_not_started:
            self.lines += ["", f"另有{len(decision.deadlines_not_started)}项期限尚未起算：案件中没有启动这些期限的措施或者"
                           "事件（`legalrules deadlines --lang zh` 逐项列出所需的事项）。"]


def render_decision_zh(decision: Decision, words: Vocabulary, names: SubjectNames) -> str:
    """The whole decision in Chinese: rulesets, warnings, summary, conclusions with grounds, deadlines."""
    out = _Listing(decision, words, names)
    out.lines += [f"案件 {decision.case_id}：截至 {due_text(decision.as_of, 'zh')}（北京时间）的全部结论", "", "规则集："]
    for use in decision.rulesets:
        until = use.effective_until.isoformat() if use.effective_until else "现行有效"
        out.add(f"{use.id}：{use.title_zh}（{use.document_number}），{use.effective_from.isoformat()} 至 {until}，"
                f"版本 {use.version}", "  ", "    ")
        # One line per reason, as in English: several deadlines on one measure share the same reason.
        for reason in dict.fromkeys(skip.reason for skip in use.not_applied):
            out.add(f"未适用：{sentence_zh(reason, decision, words, names)}", "    ", "      ")
    gaps = not_encoded_lines(decision, "zh", words.chain_titles_zh)
    if gaps:
        out.lines.append("未编码的文件：")
        for gap in gaps:
            out.add(gap, "  ! ", "  ")
    if decision.warnings:
        out.lines += ["", "提示："]
        for warning in dict.fromkeys(decision.warnings):
            out.add(sentence_zh(warning, decision, words, names), "  ! ", "  ")
    subjects: dict[str, list[ConclusionOutcome]] = {}
    for item in decision.conclusions:
        subjects.setdefault(item.subject, []).append(item)
    order = lambda item: (_KIND_ORDER[item.kind], _VALUE_ORDER[item.value])  # noqa: E731
    if subjects:
        out.lines += ["", "摘要："]
        for subject, items in subjects.items():
            out.lines.append(f"  {names.name(subject)}：")
            for item in sorted(items, key=order):
                out.summary(item)
        out.lines += ["", "详情："]
    for subject, items in subjects.items():
        out.lines += ["", f"{names.name(subject)}："]
        for item in sorted(items, key=order):
            out.conclusion(item)
    out.deadlines()
    if not decision.conclusions and not decision.deadlines:
        out.lines += ["", "没有结论：本案尚无任何规则集适用的事项（原因见上）。"]
    out.lines += ["", "采用的解释："]
    for reading in decision.interpretations:
        question, _, whole = said_zh(reading.name, reading.value)
        out.add(f"{question}：{whole}。", "  ", "  ")
    out.add("各规则的理由如上（成立的条件和由此得出的结论）；对条文的解释取其首句，全文见 `legalrules explain --lang zh`。")
    return "\n".join(out.lines) + "\n"
