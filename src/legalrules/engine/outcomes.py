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
from functools import partial
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..ruleformat.compiled import CompiledConclusion, CompiledRule, CompiledRuleset
from ..ruleformat.conditions import Condition, referenced_conclusions
from ..decision.lazy import LazyList
from ..decision.model import Compliance, ConclusionOutcome, ParameterUse, Reading, RuleOutcome
from ..decision.output import OutT, trusted, trusted_values
from .explain import Evidence, LeafCheck, Trace, trace
from .waiting import WaitsOn, waits_on
from .frames import Frame
from .native import Facts, NativeProgram, NativeResult, frame_facts



class Make(Protocol):
    """How an output model is made: `trusted`, or `_validated`."""

    def __call__(self, cls: type[OutT], /, **values: Any) -> OutT: ...
from ..decision.tristate import Tri, TriName, tri_name


def _validated(cls: type[OutT], /, **values: Any) -> OutT:
    return cls(**values)


def _reading(ev: Evidence, make: Make) -> Reading:
    return make(Reading, condition=ev.condition, status=tri_name(ev.status), fact=ev.fact,
                value=ev.value if ev.known else None, known=ev.known)


def _rule_outcome(ruleset: CompiledRuleset, rule: CompiledRule, value: Tri, found: Trace,
                  make: Make = _validated) -> RuleOutcome:
    """One rule's explanation; `make=trusted` skips validation (the lazy path; tests hold the JSON equal)."""
    params = [
        make(ParameterUse, name=name, value=ruleset.parameters[name].value, unit=ruleset.parameters[name].unit,
             citation=ruleset.parameters[name].citation.label(ruleset.id))
        for name in rule.parameters
    ]
    return make(
        RuleOutcome,
        rule_id=rule.id, title=rule.title, citation=rule.citation, also_cites=list(rule.also_cites),
        quote=rule.quote, reason=rule.reason, value=tri_name(value),
        satisfied_by=[_reading(e, make) for e in found.satisfied] if value is True else [],
        why_not=None if value is True or found.blocker is None else _reading(found.blocker, make),
        unknown_facts=sorted(f.partition("@")[0] for f in found.unknown_facts), parameters=params,
        interpretation=rule.interpretation, interpretation_zh=rule.interpretation_zh,
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
                (held if value is True else missed).append(_rule_outcome(ruleset, rule, value, traced, trusted))
            found = self.built[(conclusion, frame)] = (held, missed)
        return found


    def side(self, conclusion: int, frame: int, held: bool) -> list[RuleOutcome]:
        """The recipe of one LazyList: the rules of a conclusion on a frame that held (or did not)."""
        return self.rules(conclusion, frame)[0 if held else 1]


def _restore(key: str, frames: tuple[tuple[str, Facts, dict[str, str]], ...], result: NativeResult) -> Explanations:
    return Explanations(_program(key), frames, result)


@dataclass(frozen=True)
class _Plan:
    """What building a ruleset's outcomes needs that does not change from case to case."""

    # scope -> (index, conclusion, its name, title and kind, its rules as (id, condition))
    by_scope: dict[str, tuple[tuple[int, CompiledConclusion, str, str, str, tuple[tuple[str, Condition], ...]], ...]]
    compliance: dict[str, str]  # obligation -> its compliance condition in words
    read: frozenset[str]  # the conclusions some rule reads: only their deciding facts are looked up again
    # (rule id, conclusion) -> the rule's deciding-facts function, made on first use (a rule
    # establishing two conclusions has a condition for each)
    waiting: dict[tuple[str, str], WaitsOn] = field(default_factory=dict)

    def waits_on(self, rule_id: str, conclusion: str, condition: Condition, check: LeafCheck) -> WaitsOn:
        found = self.waiting.get((rule_id, conclusion))
        if found is None:
            found = self.waiting[(rule_id, conclusion)] = waits_on(condition, check)
        return found


_PLANS: dict[int, tuple[NativeProgram, _Plan]] = {}
_NAMES: dict[Tri, TriName] = {True: "true", False: "false", None: "undetermined"}


def _plan(program: NativeProgram) -> _Plan:
    found = _PLANS.get(id(program))
    if found is None or found[0] is not program:
        ruleset = program.ruleset
        by_scope: dict[str, list[tuple[int, CompiledConclusion, str, str, str, tuple[tuple[str, Condition], ...]]]] = {}
        read: set[str] = set()
        for index, conclusion in enumerate(ruleset.conclusions):
            spec = conclusion.spec
            rules = tuple((rule.id, rule.condition) for rule in conclusion.rules)
            by_scope.setdefault(spec.scope, []).append((index, conclusion, conclusion.name, spec.title, spec.kind, rules))
            read.update(*(referenced_conclusions(condition) for _, condition in rules))
        plan = _Plan({scope: tuple(items) for scope, items in by_scope.items()},
                     {item.obligation: item.text for item in ruleset.compliance}, frozenset(read))
        found = _PLANS[id(program)] = (program, plan)
    return found[1]


def conclusion_outcomes(ruleset: CompiledRuleset, program: NativeProgram, frames: Sequence[Frame],
                        result: NativeResult, explanations: ExplanationMode = "lazy") -> list[ConclusionOutcome]:
    """Explained outcomes of every conclusion of a ruleset on every frame it covered."""
    if explanations == "eager":
        return _eager_outcomes(ruleset, program, frames, result)
    source = Explanations(program, tuple((f.id, frame_facts(f), f.ancestors) for f in frames), result)
    side = source.side
    plan = _plan(program)
    deciding = _Deciding()
    values, rule_values = result.conclusions, result.rules
    out: list[ConclusionOutcome] = []
    read, compliance, check, ruleset_id = plan.read, plan.compliance, program.check, ruleset.id
    for frame_index, frame in enumerate(frames):
        frame_id = frame.id
        for conclusion_index, _, name, title, kind, rules in plan.by_scope.get(frame.scope, ()):
            value = values[(name, frame_id)]
            unknown: set[str] = set()
            if value is None:
                for rule_id, condition in rules:
                    if rule_values[(rule_id, name, frame_id)] is None:
                        _, on = plan.waits_on(rule_id, name, condition, check)(frame_facts(frame), None, values,
                                                                                frame.ancestors)
                        unknown |= deciding.expand(on)
            if name in read:
                deciding.of[f"{name}@{frame_id}"] = unknown
            status = None
            if value is True and name in compliance:
                status = _compliance(result.compliance[(name, frame_id)], compliance[name])
            out.append(trusted_values(ConclusionOutcome, {
                "ruleset": ruleset_id, "conclusion": name, "title": title, "kind": kind, "subject": frame_id,
                "value": _NAMES[value],
                "established_by": LazyList(partial(side, conclusion_index, frame_index, True)),
                "not_established_by": LazyList(partial(side, conclusion_index, frame_index, False)),
                "deciding_facts": sorted(unknown) if unknown else [], "compliance": status,
            }))
    return out


def _compliance(met: Tri, condition: str) -> Compliance:
    status: Literal["complied", "violated", "unknown"] = (
        "complied" if met is True else ("violated" if met is False else "unknown"))
    return trusted(Compliance, status=status, condition=condition)


class _Deciding:
    """The deciding facts found so far, by conclusion and frame, to expand references to conclusions."""

    def __init__(self) -> None:
        self.of: dict[str, set[str]] = {}

    def expand(self, facts: Set[str]) -> set[str]:
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
