"""The native evaluator: conditions compiled to closures, evaluated in three-valued logic.

It runs the same compiled form as the durable-rules adapter (NNF conditions,
conclusions in dependency order) and is the fast path for bulk work. The
explanations (why a rule held, why it did not) come from `engine.explain`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..ruleformat.catalog import CATALOG, Value
from ..ruleformat.compiled import CompiledRuleset
from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from .frames import Frame
from .codegen import OFFENCES_KEY, ScopeFunction, generate
from ..decision.tristate import Tri, tri_and, tri_or

Facts = dict[str, Value]
ConclusionValues = dict[tuple[str, str], Tri]
# (frame facts, current collection item or None, conclusion values, frame ancestors)
Check = Callable[[Facts, "Facts | None", ConclusionValues, dict[str, str]], Tri]

_OPS: dict[str, Callable[[Value, Value], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt,
    "lte": operator.le, "gt": operator.gt, "gte": operator.ge,
}


def _compile_compare(cond: Compare) -> Check:
    fact = cond.fact
    from_item = CATALOG[fact].scope == "offence"
    if cond.op in ("in", "not_in"):
        members = frozenset(cond.value) if isinstance(cond.value, tuple) else frozenset()
        inside = cond.op == "in"

        def test(value: Value) -> bool:
            return (value in members) == inside
    else:
        compare, target = _OPS[cond.op], cond.value

        def test(value: Value) -> bool:
            return compare(value, target)  # type: ignore[arg-type]

    if from_item:
        def on_item(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Tri:
            value = None if item is None else item.get(fact)
            return None if value is None else test(value)

        return on_item

    def on_frame(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Tri:
        value = facts.get(fact)
        return None if value is None else test(value)

    return on_frame


def compile_check(cond: Condition) -> Check:
    """Compile an NNF condition to a closure returning True, False or None."""
    if isinstance(cond, Compare):
        return _compile_compare(cond)
    if isinstance(cond, Known):
        fact, want = cond.fact, cond.known
        from_item = CATALOG[fact].scope == "offence"
        return lambda facts, item, concl, anc: ((fact in (item or {}) if from_item else fact in facts) == want)
    if isinstance(cond, Ref):
        key_name, scope, want = cond.conclusion, cond.scope, cond.want

        def ref(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Tri:
            value = concl.get((key_name, anc[scope]))
            return None if value is None else value == want

        return ref
    if isinstance(cond, (All, AnyOf)):
        parts = tuple(compile_check(item) for item in cond.items)
        fold = tri_or if isinstance(cond, AnyOf) else tri_and

        def junction(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Tri:
            return fold(part(facts, item, concl, anc) for part in parts)

        return junction
    if isinstance(cond, Quantified):
        body = compile_check(cond.body)
        over = tri_or if cond.mode == "any" else tri_and

        def quantified(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Tri:
            collection = concl_offences(facts)
            if collection is None:
                return None
            return over(body(facts, element, concl, anc) for element in collection)

        return quantified
    raise TypeError(f"not an NNF condition: {cond!r}")





def concl_offences(facts: Facts) -> Sequence[Facts] | None:
    """The offences list stored in a frame's fact dict under a private key."""
    return facts.get(OFFENCES_KEY)  # type: ignore[return-value]


def frame_facts(frame: Frame) -> Facts:
    """The dict the evaluators read: the frame's facts, offences under a private key."""
    return frame.facts


@dataclass(frozen=True)
class NativeProgram:
    """A ruleset compiled twice over the same NNF: generated scope functions, and closures.

    `functions` (see `engine.codegen`) give the values fast; `steps` and `compliance` are the
    closure form, which explanations walk node by node and tests hold equal. Both are
    built on first use: a one-case evaluation never needs all of them, and a case
    outside an instrument's window needs none of its code compiled.
    """

    ruleset: CompiledRuleset
    checks: dict[int, Check] = field(default_factory=dict)

    @cached_property
    def functions(self) -> dict[str, ScopeFunction]:
        """The generated scope functions (compiling them costs milliseconds per ruleset)."""
        return generate(self.ruleset)

    def check(self, cond: Condition) -> Check:
        """The closure for any (sub-)condition of this ruleset, compiled once."""
        found = self.checks.get(id(cond))
        if found is None:
            found = self.checks[id(cond)] = compile_check(cond)
        return found

    @cached_property
    def steps(self) -> tuple[tuple[str, str, tuple[tuple[str, Check], ...]], ...]:
        """Each conclusion with its scope and its rules' closures, in evaluation order."""
        return tuple(
            (c.name, c.spec.scope, tuple((rule.id, self.check(rule.condition)) for rule in c.rules))
            for c in self.ruleset.conclusions
        )

    @cached_property
    def compliance(self) -> tuple[tuple[str, str, Check], ...]:
        """Each obligation's compliance condition with its scope, as closures."""
        scope_of = {c.name: c.spec.scope for c in self.ruleset.conclusions}
        return tuple((item.obligation, scope_of[item.obligation], self.check(item.condition))
                     for item in self.ruleset.compliance)


def compile_native(ruleset: CompiledRuleset) -> NativeProgram:
    """A ruleset's native program; its generated functions and closures are compiled on first use."""
    return NativeProgram(ruleset)


@dataclass
class NativeResult:
    """Values of every conclusion and rule on every frame evaluated."""

    conclusions: ConclusionValues
    rules: dict[tuple[str, str, str], Tri]
    compliance: ConclusionValues


TRI: tuple[Tri, Tri, Tri] = (False, None, True)
"""Decodes the generated functions' 0/1/2 values."""


def run_encoded(
    program: NativeProgram, frames: Sequence[Frame], rules_out: dict[tuple[str, str, str], int] | None = None
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """The fast path: conclusion and compliance values encoded 0/1/2 (false/undetermined/true)."""
    encoded: dict[tuple[str, str], int] = {}
    complied: dict[tuple[str, str], int] = {}
    for frame in frames:
        function = program.functions.get(frame.scope)
        if function is not None:
            function(frame.facts, encoded, frame.ancestors, frame.id, rules_out, complied)
    return encoded, complied


def run_native(program: NativeProgram, frames: Sequence[Frame], with_rules: bool = True) -> NativeResult:
    """Evaluate a compiled ruleset on frames (all in its window, parents before children)."""
    rules_out: dict[tuple[str, str, str], int] | None = {} if with_rules else None
    encoded, complied = run_encoded(program, frames, rules_out)
    return NativeResult({key: TRI[v] for key, v in encoded.items()},
                        {key: TRI[v] for key, v in (rules_out or {}).items()},
                        {key: TRI[v] for key, v in complied.items()})


def run_closures(program: NativeProgram, frames: Sequence[Frame]) -> NativeResult:
    """The same evaluation through the closure form: the reference `run_native` is tested against."""
    by_scope: dict[str, list[tuple[Frame, Facts]]] = {}
    for frame in frames:
        by_scope.setdefault(frame.scope, []).append((frame, frame_facts(frame)))
    concl: ConclusionValues = {}
    rules: dict[tuple[str, str, str], Tri] = {}
    for name, scope, checks in program.steps:
        for frame, facts in by_scope.get(scope, ()):
            values = []
            for rule_id, check in checks:
                values.append(check(facts, None, concl, frame.ancestors))
                rules[(rule_id, name, frame.id)] = values[-1]
            concl[(name, frame.id)] = tri_or(values)
    compliance: ConclusionValues = {}
    for name, scope, check in program.compliance:
        for frame, facts in by_scope.get(scope, ()):
            compliance[(name, frame.id)] = check(facts, None, concl, frame.ancestors)
    return NativeResult(concl, rules, compliance)
