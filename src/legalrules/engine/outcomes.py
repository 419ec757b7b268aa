"""Turning evaluator results into explained conclusion outcomes for the decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..ruleformat.compiled import CompiledRule, CompiledRuleset
from ..ruleformat.conditions import Condition
from ..decision.model import Compliance, ConclusionOutcome, ParameterUse, Reading, RuleOutcome
from .explain import Evidence, Trace, trace
from .frames import Frame
from .native import NativeProgram, NativeResult, frame_facts
from ..decision.tristate import Tri, tri_name


def _reading(ev: Evidence) -> Reading:
    return Reading(condition=ev.condition, status=tri_name(ev.status), fact=ev.fact,
                                   value=ev.value if ev.known else None, known=ev.known)


def _rule_outcome(ruleset: CompiledRuleset, rule: CompiledRule, value: Tri, found: Trace) -> RuleOutcome:
    params = [
        ParameterUse(name=name, value=ruleset.parameters[name].value, unit=ruleset.parameters[name].unit,
                     citation=ruleset.parameters[name].citation.label(ruleset.id))
        for name in rule.parameters
    ]
    return RuleOutcome(
        rule_id=rule.id, title=rule.title, citation=rule.citation, also_cites=list(rule.also_cites),
        quote=rule.quote, reason=rule.reason, value=tri_name(value),
        satisfied_by=[_reading(e) for e in found.satisfied] if value is True else [],
        why_not=None if value is True or found.blocker is None else _reading(found.blocker),
        unknown_facts=sorted(f.partition("@")[0] for f in found.unknown_facts), parameters=params,
        interpretation=rule.interpretation,
    )


def conclusion_outcomes(ruleset: CompiledRuleset, program: NativeProgram, frames: Sequence[Frame],
                        result: NativeResult) -> list[ConclusionOutcome]:
    """Explained outcomes of every conclusion of a ruleset on every frame it covered."""
    compliance = {item.obligation: item for item in ruleset.compliance}
    out: list[ConclusionOutcome] = []
    deciding_of: dict[str, set[str]] = {}

    def expand(facts: set[str]) -> set[str]:
        flat: set[str] = set()
        for fact in facts:
            if fact.startswith("conclusion:"):
                name, _, frame_id = fact[len("conclusion:"):].partition("@")
                flat |= deciding_of.get(f"{name}@{frame_id}", set())
            else:
                flat.add(fact)
        return flat

    for frame in frames:
        facts = frame_facts(frame)
        for conclusion in ruleset.conclusions:
            if conclusion.spec.scope != frame.scope:
                continue
            value = result.conclusions[(conclusion.name, frame.id)]
            held: list[RuleOutcome] = []
            missed: list[RuleOutcome] = []
            deciding: set[str] = set()
            for rule in conclusion.rules:
                rule_value = result.rules[(rule.id, conclusion.name, frame.id)]
                found = trace(rule.condition, facts, None, result.conclusions, frame.ancestors, program.check)
                outcome = _rule_outcome(ruleset, rule, rule_value, found)
                (held if rule_value is True else missed).append(outcome)
                if rule_value is None:
                    deciding |= expand(found.unknown_facts)
            deciding_of[f"{conclusion.name}@{frame.id}"] = deciding if value is None else set()
            status = None
            if conclusion.name in compliance and value is True:
                met = result.compliance[(conclusion.name, frame.id)]
                status = Compliance(
                    status="complied" if met is True else ("violated" if met is False else "unknown"),
                    condition=compliance[conclusion.name].text,
                )
            out.append(ConclusionOutcome(
                ruleset=ruleset.id, conclusion=conclusion.name, title=conclusion.spec.title,
                kind=conclusion.spec.kind, subject=frame.id, value=tri_name(value),
                established_by=held, not_established_by=missed,
                deciding_facts=sorted(deciding) if value is None else [], compliance=status,
            ))
    return out
