"""`legalrules explain`: one rule on one case, its whole condition tree with each node's value."""

from __future__ import annotations

from datetime import datetime

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


def _tree(cond: Condition, facts: dict, item: dict | None, concl: dict, anc: dict, depth: int) -> list[str]:  # type: ignore[type-arg]
    value: Tri = compile_check(cond)(facts, item, concl, anc)
    pad = "    " * depth
    if isinstance(cond, (All, AnyOf)):
        word = "all of" if isinstance(cond, All) else "any of"
        lines = [f"{pad}{_MARK[value]} {word}:"]
        for part in cond.items:
            lines += _tree(part, facts, item, concl, anc, depth + 1)
        return lines
    if isinstance(cond, Quantified):
        offences = concl_offences(facts)
        word = "some offence" if cond.mode == "any" else "every offence"
        lines = [f"{pad}{_MARK[value]} {word} satisfies:"]
        if offences is None:
            return lines + [f"{pad}    offences unknown (none listed in the case)"]
        for index, element in enumerate(offences):
            lines.append(f"{pad}    offences[{index}]:")
            lines += _tree(cond.body, facts, element, concl, anc, depth + 2)
        return lines
    if isinstance(cond, Ref):
        read = concl.get((cond.conclusion, anc[cond.scope]))
        shown = "undetermined" if read is None else str(read).lower()
        return [f"{pad}{_MARK[value]} {cond.text()}  (it is {shown})"]
    assert isinstance(cond, (Compare, Known))
    source = item if cond.fact.startswith("offence.") else facts
    present = source is not None and cond.fact in source
    shown = repr(source[cond.fact]) if present and source is not None else "unknown"
    return [f"{pad}{_MARK[value]} {cond.text()}  (case: {shown})"]


def explain_rule(engine: Engine, case: CaseFacts, rule_id: str, as_of: datetime,
                 interpretations: Interpretations | None = None) -> str:
    """Text: the rule's citation and quote, then its condition tree on each subject."""
    ruleset, rules = find_rule(engine, rule_id)
    frames = build_frames(case, as_of, interpretations or Interpretations())
    selection = _select(ruleset, frames)
    result = run_native(compile_native(ruleset), selection.frames)
    first = rules[0]
    lines = [f"{first.id}: {first.title}", f"  {first.citation}" +
             (f" (also {', '.join(first.also_cites)})" if first.also_cites else ""),
             f"  “{first.quote}”"]
    if first.interpretation:
        lines.append(f"  interpretation: {first.interpretation}")
    for name in first.parameters:
        param = ruleset.parameters[name]
        lines.append(f"  parameter {name} = {param.value} {param.unit} ({param.citation.label(ruleset.id)})")
    scope_frames = [f for f in selection.frames if f.scope == first.scope]
    for skip in selection.not_applied:
        lines.append(f"  not applied: {skip.reason}")
    if not scope_frames:
        lines.append(f"  No {first.scope} in this case that {ruleset.id} covers: the rule was not evaluated.")
    for frame in scope_frames:
        facts = frame_facts(frame)
        for rule in rules:
            value = result.rules[(rule.id, rule.conclusion, frame.id)]
            word = {True: "holds", False: "does not hold", None: "is undetermined"}[value]
            lines += ["", f"On {frame.id}: the rule {word}, so it "
                      f"{'establishes' if value else 'does not establish'} {rule.conclusion} "
                      f"(which is {str(result.conclusions[(rule.conclusion, frame.id)]).lower().replace('none', 'undetermined')})"]
            if value:
                lines.append(f"  reason: {rule.reason}")
            lines += _tree(rule.condition, facts, None, result.conclusions, frame.ancestors, 1)
    return "\n".join(lines) + "\n"
