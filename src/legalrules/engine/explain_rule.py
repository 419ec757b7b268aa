"""`legalrules explain`: one rule on one case, its whole condition tree with each node's value."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from ..case.model import CaseFacts
from ..ruleformat.compiled import CompiledRule, CompiledRuleset
from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from .evaluate import Engine, _select
from .frames import build_frames
from ..interpretations import Interpretations
from .native import compile_check, concl_offences, frame_facts, run_native, compile_native
from ..decision.tristate import Tri
from ..errors import UnknownRuleError

_MARK = {True: "[yes]", False: "[no] ", None: "[?]  "}
# The tree's words in Chinese (`explain --lang zh`); facts, values and ids are the case's own.
_ZH: Final = {"[yes]": "[是]", "[no] ": "[否]", "[?]  ": "[?] ", "all of": "以下全部成立", "any of": "以下任一成立",
              "some offence": "有一项罪名满足", "every offence": "每项罪名都满足"}
_OP_ZH: Final = {"eq": "为", "ne": "不为", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "in": "属于",
                 "not_in": "不属于"}
_VALUE_ZH: Final = {True: "是", False: "否", None: "尚无法确定"}


def find_rule(engine: Engine, rule_id: str) -> tuple[CompiledRuleset, list[CompiledRule]]:
    """The ruleset and the (rule, conclusion) pairs of a rule id."""
    for ruleset in engine.rulesets:
        found = [rule for rule in ruleset.rules if rule.id == rule_id]
        if found:
            return ruleset, found
    known = sorted({r.id for rs in engine.rulesets for r in rs.rules})
    near = [r for r in known if r.startswith(rule_id.rsplit(".", 1)[0])][:8]
    hint = f"; did you mean one of {near}?" if near else f"; see `legalrules rules` ({len(known)} rules)"
    raise UnknownRuleError(f"unknown rule id {rule_id!r}{hint}")


def _said(cond: Condition, zh: bool) -> str:
    """One leaf condition in words: `interrogation.person is 'suspect'`, or in Chinese `… 为 'suspect'`."""
    if not zh:
        return cond.text()
    if isinstance(cond, Compare):
        shown = list(cond.value) if isinstance(cond.value, tuple) else cond.value
        value = f"{shown!r}" if cond.param is None else f"{cond.param}（{shown!r}）"
        return f"{cond.fact} {_OP_ZH[cond.op]} {value}".replace("True", "true").replace("False", "false")
    if isinstance(cond, Known):
        return f"{cond.fact} {'已载明' if cond.known else '未载明'}"
    assert isinstance(cond, Ref)
    return f"结论 {cond.conclusion} 为{'是' if cond.want else '否'}"


def _tree(cond: Condition, facts: dict, item: dict | None, concl: dict, anc: dict, depth: int,  # type: ignore[type-arg]
          zh: bool = False) -> list[str]:
    value: Tri = compile_check(cond)(facts, item, concl, anc)
    pad = "    " * depth
    mark = _ZH[_MARK[value]] if zh else _MARK[value]
    if isinstance(cond, (All, AnyOf)):
        word = "all of" if isinstance(cond, All) else "any of"
        lines = [f"{pad}{mark} {_ZH[word] + '：' if zh else word + ':'}"]
        for part in cond.items:
            lines += _tree(part, facts, item, concl, anc, depth + 1, zh)
        return lines
    if isinstance(cond, Quantified):
        offences = concl_offences(facts)
        word = "some offence" if cond.mode == "any" else "every offence"
        lines = [f"{pad}{mark} {_ZH[word] + '：' if zh else word + ' satisfies:'}"]
        if offences is None:
            return lines + [f"{pad}    {'罪名未知（案件未列出）' if zh else 'offences unknown (none listed in the case)'}"]
        for index, element in enumerate(offences):
            lines.append(f"{pad}    offences[{index}]:")
            lines += _tree(cond.body, facts, element, concl, anc, depth + 2, zh)
        return lines
    if isinstance(cond, Ref):
        read = concl.get((cond.conclusion, anc[cond.scope]))
        if zh:
            return [f"{pad}{mark} {_said(cond, zh)}（实际：{_VALUE_ZH[read]}）"]
        shown = "undetermined" if read is None else str(read).lower()
        return [f"{pad}{mark} {cond.text()}  (it is {shown})"]
    assert isinstance(cond, (Compare, Known))
    source = item if cond.fact.startswith("offence.") else facts
    present = source is not None and cond.fact in source
    shown = repr(source[cond.fact]) if present and source is not None else ("未载明" if zh else "unknown")
    if zh:
        return [f"{pad}{mark} {_said(cond, zh)}（案件：{shown}）"]
    return [f"{pad}{mark} {cond.text()}  (case: {shown})"]


def explain_rule(engine: Engine, case: CaseFacts, rule_id: str, as_of: datetime,
                 interpretations: Interpretations | None = None, lang: str = "en", subject: str | None = None) -> str:
    """Text: the rule's citation and quote, then its condition tree on each subject.

    In Chinese (`lang="zh"`) the heading (citation, the statute's words, the conclusion's
    Chinese title) is the caller's (`documents.text.rules.rule_header_zh`); here come the
    subjects and their trees in Chinese, and the interpretation from the ruleset's
    `interpretation_zh`.
    `subject` (a position, `interrogations[1]`) keeps that subject's tree alone.
    """
    ruleset, rules = find_rule(engine, rule_id)
    frames = build_frames(case, as_of, interpretations or Interpretations())
    selection = _select(ruleset, frames)
    result = run_native(compile_native(ruleset), selection.frames)
    first = rules[0]
    zh = lang == "zh"
    lines = _heading(ruleset, first, zh)
    scope_frames = [f for f in selection.frames if f.scope == first.scope and subject in (None, f.id)]
    for skip in selection.not_applied:
        lines.append(_not_applied_zh(ruleset.id, skip.subject, skip.reason) if zh else f"  not applied: {skip.reason}")
    if not scope_frames:
        lines.append(f"  本案没有属于 {ruleset.id} 适用范围的 {first.scope}：该规则未予判断。" if zh else
                     f"  No {first.scope} in this case that {ruleset.id} covers: the rule was not evaluated.")
    for frame in scope_frames:
        facts = frame_facts(frame)
        for rule in rules:
            value = result.rules[(rule.id, rule.conclusion, frame.id)]
            concluded = result.conclusions[(rule.conclusion, frame.id)]
            if zh:
                word = {True: "成立", False: "不成立", None: "尚无法确定"}[value]
                lines += ["", f"{frame.id}：规则{word}，{'因此得出' if value else '不据此得出'} {rule.conclusion}"
                          f"（该结论：{_VALUE_ZH[concluded]}）"]
            else:
                word = {True: "holds", False: "does not hold", None: "is undetermined"}[value]
                lines += ["", f"On {frame.id}: the rule {word}, so it "
                          f"{'establishes' if value else 'does not establish'} {rule.conclusion} "
                          f"(which is {str(concluded).lower().replace('none', 'undetermined')})"]
                if value:
                    lines.append(f"  reason: {rule.reason}")
            lines += _tree(rule.condition, facts, None, result.conclusions, frame.ancestors, 1, zh)
    return "\n".join(lines) + "\n"


def _not_applied_zh(ruleset: str, subject: str, reason: str) -> str:
    dated = re.match(r"^\S+ is dated (\S+) \(from (\S+)\), (before|after) ", reason)
    if dated:
        side = "早于" if dated[3] == "before" else "晚于"
        return f"  未适用：{subject} 的日期为 {dated[1]}（据 {dated[2]}），{side} {ruleset} 的施行期间，{ruleset} 对其不作结论"
    return f"  未适用：{subject}（案件未列出讯问；计划中的讯问可写入 interrogations，不写 start，按 --as-of 判断）"


def _heading(ruleset: CompiledRuleset, first: CompiledRule, zh: bool) -> list[str]:
    """The rule's id, title, citation, quote, interpretation and parameters (in Chinese: what the caller's
    heading does not say already)."""
    if zh:
        lines = [f"  参数 {name} = {ruleset.parameters[name].value} {ruleset.parameters[name].unit}"
                 for name in first.parameters]
        if first.interpretation_zh:
            lines.append(f"  解释：{first.interpretation_zh}")
        return lines
    lines = [f"{first.id}: {first.title}", f"  {first.citation}" +
             (f" (also {', '.join(first.also_cites)})" if first.also_cites else ""),
             f"  “{first.quote}”"]
    if first.interpretation:
        lines.append(f"  interpretation: {first.interpretation}")
    for name in first.parameters:
        param = ruleset.parameters[name]
        lines.append(f"  parameter {name} = {param.value} {param.unit} ({param.citation.label(ruleset.id)})")
    return lines
