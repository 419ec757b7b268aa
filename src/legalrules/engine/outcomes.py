"""Turning evaluator results into explained conclusion outcomes for the decision.

Verdicts, compliance and the deciding facts of undetermined conclusions are computed
at once. The per-rule explanations (`established_by`, `not_established_by`) are, by
default, `LazyList`s whose recipe is an `Explanations`: the frames' facts and the
evaluator's values, kept as the evaluator produced them, traced into RuleOutcomes
only when read or serialized. Both ways give the same objects and the same JSON
(a test holds them equal). Pickled, an `Explanations` names its ruleset by id and
version and finds the compiled program again in the receiving process, so a decision
crosses from an `evaluate_many` worker without its explanations built.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..ruleformat.compiled import CompiledRule, CompiledRuleset
from ..decision.lazy import LazyList
from ..decision.model import Compliance, ConclusionOutcome, ParameterUse, Reading, RuleOutcome
from ..decision.output import trusted
from .explain import Evidence, Trace, trace
from .frames import Frame
from .native import Facts, NativeProgram, NativeResult, frame_facts
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


ExplanationMode = Literal["lazy", "eager"]
# Each ruleset version's programs, held weakly: any live one can explain a decision.
_PROGRAMS: dict[str, list[weakref.ref[NativeProgram]]] = {}
_REGISTERING = threading.Lock()


def _key(ruleset: CompiledRuleset) -> str:
    return f"{ruleset.id}@{ruleset.version}"


def register(program: NativeProgram) -> None:
    """Make a program findable by its ruleset's id and version, for decisions unpickled here.

    `Engine` registers its programs when built, so the process that asked a worker pool
    for decisions can explain them; a program stays findable while something else holds it.
    """
    key = _key(program.ruleset)
    with _REGISTERING:
        alive = [ref for ref in _PROGRAMS.get(key, ()) if ref() is not None and ref() is not program]
        _PROGRAMS[key] = [weakref.ref(program), *alive]


def _program(key: str) -> NativeProgram:
    with _REGISTERING:
        for ref in _PROGRAMS.get(key, ()):
            program = ref()
            if program is not None:
                return program
    raise LookupError(f"explanations of {key} cannot be built in this process: no Engine here has that "
                      "ruleset version loaded (build the Engine before unpickling its decisions)")


@dataclass(eq=False)
class Explanations:
    """One ruleset's evaluation of one case, kept compact: the rule explanations are traced from it on demand."""

    program: NativeProgram
    frames: tuple[tuple[str, Facts, dict[str, str]], ...]  # (frame id, facts, ancestors)
    result: NativeResult
    built: dict[tuple[int, int], tuple[list[RuleOutcome], list[RuleOutcome]]] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (_key(self.program.ruleset), self.frames, self.result))

    def rules(self, conclusion: int, frame: int) -> tuple[list[RuleOutcome], list[RuleOutcome]]:
        """The rules of a conclusion on a frame: those that held, and those that did not, explained."""
        found = self.built.get((conclusion, frame))
        if found is None:
            ruleset = self.program.ruleset
            compiled = ruleset.conclusions[conclusion]
            frame_id, facts, ancestors = self.frames[frame]
            held: list[RuleOutcome] = []
            missed: list[RuleOutcome] = []
            for rule in compiled.rules:
                value = self.result.rules[(rule.id, compiled.name, frame_id)]
                traced = trace(rule.condition, facts, None, self.result.conclusions, ancestors, self.program.check)
                (held if value is True else missed).append(_rule_outcome(ruleset, rule, value, traced))
            found = self.built[(conclusion, frame)] = (held, missed)
        return found


def _restore(key: str, frames: tuple[tuple[str, Facts, dict[str, str]], ...], result: NativeResult) -> Explanations:
    return Explanations(_program(key), frames, result)


@dataclass(frozen=True)
class _Rules:
    """The recipe of one LazyList: which conclusion, frame and side of an `Explanations`."""

    source: Explanations
    conclusion: int
    frame: int
    held: bool

    def __call__(self) -> list[RuleOutcome]:
        return self.source.rules(self.conclusion, self.frame)[0 if self.held else 1]


def conclusion_outcomes(ruleset: CompiledRuleset, program: NativeProgram, frames: Sequence[Frame],
                        result: NativeResult, explanations: ExplanationMode = "lazy") -> list[ConclusionOutcome]:
    """Explained outcomes of every conclusion of a ruleset on every frame it covered."""
    if explanations == "eager":
        return _eager_outcomes(ruleset, program, frames, result)
    source = Explanations(program, tuple((f.id, frame_facts(f), f.ancestors) for f in frames), result)
    deciding = _Deciding()
    compliance = {item.obligation: item for item in ruleset.compliance}
    out: list[ConclusionOutcome] = []
    for frame_index, frame in enumerate(frames):
        facts = frame_facts(frame)
        for conclusion_index, conclusion in enumerate(ruleset.conclusions):
            if conclusion.spec.scope != frame.scope:
                continue
            value = result.conclusions[(conclusion.name, frame.id)]
            unknown: set[str] = set()
            if value is None:
                for rule in conclusion.rules:
                    if result.rules[(rule.id, conclusion.name, frame.id)] is None:
                        traced = trace(rule.condition, facts, None, result.conclusions, frame.ancestors, program.check)
                        unknown |= deciding.expand(traced.unknown_facts)
            deciding.of[f"{conclusion.name}@{frame.id}"] = unknown
            status = None
            if conclusion.name in compliance and value is True:
                status = _compliance(result.compliance[(conclusion.name, frame.id)], compliance[conclusion.name].text)
            out.append(trusted(
                ConclusionOutcome,
                ruleset=ruleset.id, conclusion=conclusion.name, title=conclusion.spec.title,
                kind=conclusion.spec.kind, subject=frame.id, value=tri_name(value),
                established_by=LazyList(_Rules(source, conclusion_index, frame_index, True)),
                not_established_by=LazyList(_Rules(source, conclusion_index, frame_index, False)),
                deciding_facts=sorted(unknown), compliance=status,
            ))
    return out


def _compliance(met: Tri, condition: str) -> Compliance:
    status: Literal["complied", "violated", "unknown"] = (
        "complied" if met is True else ("violated" if met is False else "unknown"))
    return trusted(Compliance, status=status, condition=condition)


class _Deciding:
    """The deciding facts found so far, by conclusion and frame, to expand references to conclusions."""

    def __init__(self) -> None:
        self.of: dict[str, set[str]] = {}

    def expand(self, facts: set[str]) -> set[str]:
        flat: set[str] = set()
        for fact in facts:
            if fact.startswith("conclusion:"):
                name, _, frame_id = fact[len("conclusion:"):].partition("@")
                flat |= self.of.get(f"{name}@{frame_id}", set())
            else:
                flat.add(fact)
        return flat


def _eager_outcomes(ruleset: CompiledRuleset, program: NativeProgram, frames: Sequence[Frame],
                    result: NativeResult) -> list[ConclusionOutcome]:
    """Every explanation built at once, as before they were lazy: the reference the lazy path is tested against."""
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
