"""The `legalrules rules` listing: each ruleset's rules and deadlines with citations (coverage: `coverage`)."""

from __future__ import annotations

import re
from typing import Final

from ...ruleformat.compiled import CompiledRuleset
from ..fact_words import condition_facts_zh
from ..notices.words import is_chinese
from ..vocabulary import Vocabulary

_UNIT_ZH: Final = {"hours": "小时", "days": "日", "months": "个月", "years": "年", "count": "次", "yuan": "元"}


def article_order(rule_id: str) -> tuple[int, ...]:
    """`av_2014.art14.2` sorts as (14, 2): article, then paragraph, then item."""
    return tuple(int(part) for part in rule_id.split(".art", 1)[1].split("."))


def ruleset_listing(ruleset: CompiledRuleset, lang: str = "en") -> list[str]:
    """The ruleset's header line, its window and version, then one line per rule and per deadline."""
    if lang == "zh":
        return ruleset_listing_zh(ruleset)
    inst = ruleset.instrument
    lines = [f"{ruleset.id}: {inst.title.en} / {inst.title.zh} ({inst.document_number})"]
    by_id: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        by_id.setdefault(rule.id, []).append(rule.conclusion)
    lines.append(f"  {ruleset.window_text()}; version {ruleset.version}; "
                 f"{len(by_id)} rule(s), {len(ruleset.deadlines)} deadline(s)")
    if not by_id and not ruleset.deadlines:
        lines.append("  (metadata only: no rules encoded yet)")
    first = {rule.id: rule for rule in reversed(ruleset.rules)}
    for rule_id in sorted(by_id, key=article_order):
        rule = first[rule_id]
        lines.append(f"  {rule_id:<22} {rule.citation:<32} {rule.title}  -> {', '.join(by_id[rule_id])}")
    for deadline in sorted(ruleset.deadlines, key=lambda d: (article_order(d.id), d.spec.duty)):
        lines.append(f"  {deadline.id:<22} {deadline.citation:<32} {deadline.spec.title}  "
                     f"-> deadline {deadline.spec.duty} ({deadline.period[0]} {deadline.period[1]})")
    return lines


def ruleset_listing_zh(ruleset: CompiledRuleset) -> list[str]:
    """The listing in Chinese: citations as a statute is cited, each rule by the statute's own words.

    A rule whose quote is Chinese (the instrument's own text) is shown by it; a rule
    quoting an English translation (av_2014, procuratorate_1999: no Chinese text is in
    the sources) by the Chinese titles (`title_zh`) of what it establishes.
    """
    words = Vocabulary.of([ruleset], "zh")
    inst = ruleset.instrument
    until = inst.effective_until.isoformat() if inst.effective_until else "现行有效"
    lines = [f"{ruleset.id}：{inst.title.zh}（{inst.document_number}）",
             f"  施行：{inst.effective_from.isoformat()} 至 {until}；版本 {ruleset.version}；"
             f"规则{len({r.id for r in ruleset.rules})}条，期限{len(ruleset.deadlines)}项"]
    first = {rule.id: rule for rule in reversed(ruleset.rules)}
    concluded: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        concluded.setdefault(rule.id, []).append(words.conclusion_title(ruleset.id, rule.conclusion, rule.title))
    for rule_id in sorted(first, key=article_order):
        rule = first[rule_id]
        # Quoting an English translation: what the rule establishes, by its conclusions' Chinese titles.
        said = rule.quote if is_chinese(rule.quote) else "；".join(dict.fromkeys(concluded[rule_id]))
        lines.append(f"  {words.citation(rule.citation)}：{said}")
    for deadline in sorted(ruleset.deadlines, key=lambda d: (article_order(d.id), d.spec.duty)):
        amount, unit = deadline.period
        title = words.deadline_title(deadline.id, deadline.spec.duty, deadline.spec.title, f"{amount} {unit}")
        lines.append(f"  {words.citation(deadline.citation)}：期限 {title}")
    return lines


def rule_header_zh(ruleset: CompiledRuleset, rule_id: str) -> list[str]:
    """For `explain --lang zh`: the rule's citation, the statute's words and what it establishes, in Chinese."""
    words = Vocabulary.of([ruleset], "zh")
    rules = [rule for rule in ruleset.rules if rule.id == rule_id]
    if not rules:
        return []
    first = rules[0]
    quote = first.quote if is_chinese(first.quote) else f"{first.quote}（英文译本；资料中无中文原文）"
    lines = [f"{words.citation(first.citation)}（规则 {first.id}）", f"  条文：“{quote}”"]
    for rule in rules:
        lines.append(f"  成立时得出：{conclusion_title_zh(ruleset, rule.conclusion)}")
    return lines + ["  以下为逐项条件的判断："]


def conclusion_title_zh(ruleset: CompiledRuleset, name: str) -> str:
    """A conclusion in Chinese: its `title_zh`, else the words of the first rule establishing it that quotes
    Chinese text, else (never so in the bundled rulesets: a test holds them to it) its English title."""
    found = next((c.spec for c in ruleset.conclusions if c.name == name), None)
    if found is not None and found.title_zh:
        return found.title_zh
    quoted = next((r.quote.strip().rstrip("。；：，") for r in ruleset.rules
                   if r.conclusion == name and is_chinese(r.quote)), None)
    return quoted or (found.title if found is not None else name)


_CONCLUDES: Final = re.compile(r"(因此得出|不据此得出) ([a-z][a-z0-9_]*)（")
_PARAMETER: Final = re.compile(r"参数 [a-z][a-z0-9_]* = (\S+) (\w+)")


def explained_zh(ruleset: CompiledRuleset, text: str) -> str:
    """`explain --lang zh`'s condition tree as an officer reads it: each fact by its term and key, values in
    Chinese, parameters by their value, conclusions by their Chinese titles, never an internal name."""
    text = _PARAMETER.sub(lambda m: f"参数：{m[1]}{_UNIT_ZH.get(m[2], m[2])}", text)
    text = _CONCLUDES.sub(lambda m: f"{m[1]}“{conclusion_title_zh(ruleset, m[2])}”（", text)
    return condition_facts_zh(text, lambda name: conclusion_title_zh(ruleset, name))


_ESTABLISHES: Final = re.compile(r"(establishes|does not establish) ([a-z][a-z0-9_]*) \(which is")
_PARAMETER_EN: Final = re.compile(r"parameter [a-z][a-z0-9_]* = ")
_TREE_PARAM: Final = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+ \(([^()]*)\)")
_REF_EN: Final = re.compile(r"conclusion ([a-z][a-z0-9_]*) is (true|false)")


def explained_en(ruleset: CompiledRuleset, text: str) -> str:
    """`explain`'s text with no internal name the ruleset gave: conclusions by their titles, parameters by their
    values. The rule's own prose (title, interpretation, reason) is the ruleset's and is left as written."""
    def title(name: str) -> str:
        found = next((c.spec.title for c in ruleset.conclusions if c.name == name), name)
        return f"“{found}”"
    text = _PARAMETER_EN.sub("parameter: ", text)
    text = _ESTABLISHES.sub(lambda m: f"{m[1]} {title(m[2])} (which is", text)
    lines = []
    for line in text.split("\n"):
        if line.lstrip().startswith(("[yes]", "[no]", "[?]")):
            line = _REF_EN.sub(lambda m: f"conclusion {title(m[1])} is {m[2]}", _TREE_PARAM.sub(r"\1", line))
        lines.append(line)
    return "\n".join(lines)
