"""What the durable-rules adapter hands the engine for one ruleset: its rules as data, made once.

`engine.durable` explains the shape of these rules (sentinel, groups, helper facts,
induction chains). Building them walks every condition of the ruleset; for the command
line's single case that walk cost more than the cross-check's run. A `Network` is
plain data: each rule's patterns, what each rule's firing means, and what its action
asserts named by a `Step` rather than held as a closure, so it can be kept in the
compile cache beside the rulesets it was built from (`ruleformat.cache.cached`) and
the adapter makes the actions from the steps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import EngineFailure
from ..ruleformat.compiled import CompiledRuleset
from ..ruleformat.conditions import All, AnyOf, Condition, Quantified, Ref, referenced_conclusions, referenced_facts
from .durable_patterns import CountZero, alternatives, frame_json, gates, prop_name

MAX_GATES = 15  # $and/$or nodes in one pattern: 2 sequence entries each, fewer than 32 in all
GROUP_SIZE = 16  # frame patterns under one group node (see engine.durable's docstring)
MAX_JOINS = 15  # facts joined to the frame in one rule (durable-rules: at most 16 in all)

# What a rule's action does: ("ignore",), ("conclude",) (record the firing's meaning),
# ("helper", h) (assert helper fact h on the frame), ("item" | "first" | "next", chain)
# (a step of an "every offence" induction chain).
Step = tuple[str, ...]


@dataclass(frozen=True)
class Firing:
    """What one durable-rules rule means when it fires."""

    kind: str  # "rule" (establishes), "false" (complement), "comply", "comply_false"
    conclusion: str
    value: bool
    rule_id: str | None


@dataclass
class Network:
    """A ruleset's durable-rules rules: their definition, name -> its action's step, and meanings."""

    steps: dict[str, Step] = field(default_factory=dict)
    meaning: dict[str, Firing] = field(default_factory=dict)
    read_conclusions: set[str] = field(default_factory=set)  # conclusions some condition reads
    reads: dict[str, str] = field(default_factory=dict)  # base facts some condition reads -> property names
    # The rules as the JSON text the engine's create_ruleset reads (`{name: {"all": patterns}}`), compact and
    # encoded once with the rest: encoding the patterns for every engine cost a quarter as much as creating
    # the network, and the engine parses the text more than once (a space less is parsed less).
    definition: str = ""


def build_network(ruleset: CompiledRuleset) -> Network:
    """The durable-rules rules of a ruleset (see engine.durable for why each part is there)."""
    builder = _Builder(ruleset.id)
    network = builder.network
    builder.rule("_sentinel", [{"m": {"$nex": {"$s": 1}}}], ("ignore",))
    for conclusion in ruleset.conclusions:
        scope = conclusion.spec.scope
        for rule in conclusion.rules:
            builder.add(scope, rule.condition, Firing("rule", conclusion.name, True, rule.id))
        builder.add(scope, conclusion.false_condition, Firing("false", conclusion.name, False, None))
    scope_of = {c.name: c.spec.scope for c in ruleset.conclusions}
    for item in ruleset.compliance:
        scope = scope_of[item.obligation]
        builder.add(scope, item.condition, Firing("comply", item.obligation, True, None))
        builder.add(scope, item.false_condition, Firing("comply_false", item.obligation, False, None))
    for conclusion in ruleset.conclusions:
        for cond in (conclusion.false_condition, *(rule.condition for rule in conclusion.rules)):
            network.read_conclusions |= referenced_conclusions(cond)
    for item in ruleset.compliance:
        network.read_conclusions |= referenced_conclusions(item.condition) | referenced_conclusions(item.false_condition)
    network.reads = _reads(ruleset)
    network.definition = json.dumps({name: {"all": patterns} for name, patterns in builder.patterns_of.items()},
                                    ensure_ascii=False, separators=(",", ":"))
    return network


def _reads(ruleset: CompiledRuleset) -> dict[str, str]:
    """Every base fact a ruleset's conditions read, with its durable-rules property name."""
    names: set[str] = set()
    for conclusion in ruleset.conclusions:
        names |= referenced_facts(conclusion.false_condition)
        for rule in conclusion.rules:
            names |= referenced_facts(rule.condition)
    for item in ruleset.compliance:
        names |= referenced_facts(item.condition) | referenced_facts(item.false_condition)
    return {name: prop_name(name) for name in sorted(names)}


class _Builder:
    def __init__(self, ruleset_id: str) -> None:
        self.ruleset_id = ruleset_id
        self.network = Network()
        self.patterns_of: dict[str, list[dict[str, Any]]] = {}  # rule name -> its patterns (`all`)
        self.chains: dict[str, str] = {}
        self.helpers: dict[str, str] = {}
        self.patterns = 0

    def rule(self, name: str, patterns: list[dict[str, Any]], step: Step) -> None:
        self.patterns_of[name] = patterns
        self.network.steps[name] = step

    def add(self, scope: str, cond: Condition, meaning: Firing) -> None:
        meanings = self.network.meaning
        for frame_tests, repeated in alternatives(cond):
            # One fact never matches two patterns of one rule: an atom read twice (two
            # rules of a conclusion reading the same other conclusion) is joined once.
            atoms = list(dict.fromkeys(repeated))
            name = f"r{len(meanings)}"
            meanings[name] = meaning
            inline, helpers = self._fit(scope, frame_tests)
            tests: list[dict[str, Any]] = [{"t": "f"}, {"s": scope}, self._group(),
                                           *(frame_json(t) for t in inline)]
            joins: list[dict[str, Any]] = [_helper_join(index, helper) for index, helper in enumerate(helpers)]
            for index, atom in enumerate(atoms):
                if isinstance(atom, CountZero):
                    tests.append({f"{atom.collection}__count": 0})
                elif isinstance(atom, Ref):
                    joins.append({f"c{index}": {"$and": [
                        {"t": "c"}, {"n": atom.conclusion}, {"v": atom.want}, {"f": {"m": f"a_{atom.scope}"}},
                    ]}})
                elif atom.mode == "any":
                    joins.append({f"e{index}": {"$and": [
                        {"t": "e"}, {"c": atom.collection}, {"f": {"m": "a_case"}}, frame_json(atom.body),
                    ]}})
                else:
                    chain = self._every(atom)
                    joins.append({f"q{index}": {"$and": [
                        {"t": "qa"}, {"q": chain}, {"f": {"m": "a_case"}},
                        {"upto": {"$sub": {"$l": {"m": f"{atom.collection}__count"}, "$r": 1}}},
                    ]}})
            self.rule(name, [{"m": {"$and": tests}}, *joins], ("conclude",))

    def _fit(self, scope: str, tests: Sequence[Condition]) -> tuple[list[Condition], list[str]]:
        """Split frame tests that would overflow one pattern: the largest go to helper rules."""
        inline = list(tests)
        if len(inline) == 1 and isinstance(inline[0], All):
            inline = list(inline[0].items)
        helpers: list[str] = []
        while 1 + sum(gates(t) for t in inline) > MAX_GATES:
            largest = max(inline, key=gates)
            inline.remove(largest)
            helpers.append(self._helper(scope, largest))
        if len(helpers) > MAX_JOINS:
            raise EngineFailure(f"a condition of {self.ruleset_id} needs {len(helpers)} helper facts; "
                                f"durable-rules joins at most {MAX_JOINS}")
        return inline, helpers

    def _helper(self, scope: str, cond: Condition) -> str:
        """Register, once per distinct condition, rules asserting a helper fact on a frame where it holds."""
        key = json.dumps([scope, frame_json(cond)], sort_keys=True)
        if key in self.helpers:
            return self.helpers[key]
        helper = self.helpers[key] = f"h{len(self.helpers)}"
        branches = list(cond.items) if isinstance(cond, AnyOf) else [cond]
        for index, branch in enumerate(branches):
            inline, inner = self._fit(scope, [branch])
            tests = [{"t": "f"}, {"s": scope}, self._group(), *(frame_json(t) for t in inline)]
            self.rule(f"{helper}_{index}",
                      [{"m": {"$and": tests}}, *(_helper_join(n, h) for n, h in enumerate(inner))], ("helper", helper))
        return helper

    def _group(self) -> dict[str, Any]:
        """The test putting the next frame pattern in its group of `GROUP_SIZE` (see engine.durable)."""
        self.patterns += 1
        return {"$gt": {"g": -1 - (self.patterns - 1) // GROUP_SIZE}}

    def _every(self, atom: Quantified) -> str:
        """Register, once per distinct body, the rules that prove "every item holds" by induction."""
        body = frame_json(atom.body)
        key = json.dumps([atom.collection, body], sort_keys=True)
        if key in self.chains:
            return self.chains[key]
        chain = self.chains[key] = f"q{len(self.chains)}"
        self.rule(f"{chain}_item", [{"e": {"$and": [{"t": "e"}, {"c": atom.collection}, body]}}], ("item", chain))
        self.rule(f"{chain}_first", [{"i": {"$and": [{"t": "qe"}, {"q": chain}, {"i": 0}]}}], ("first", chain))
        self.rule(f"{chain}_next", [
            {"a": {"$and": [{"t": "qa"}, {"q": chain}]}},
            {"i": {"$and": [{"t": "qe"}, {"q": chain}, {"f": {"a": "f"}},
                            {"i": {"$add": {"$l": {"a": "upto"}, "$r": 1}}}]}}], ("next", chain))
        return chain


def _helper_join(index: int, helper: str) -> dict[str, Any]:
    return {f"h{index}": {"$and": [{"t": "h"}, {"h": helper}, {"f": {"m": "f"}}]}}


def derived_fact(step: Step, c: dict[str, Any]) -> dict[str, Any]:
    """The fact a helper or induction step asserts from its firing's message `c`."""
    kind, name = step
    if kind == "helper":
        return {"id": f"h:{name}:{c['m']['f']}", "t": "h", "h": name, "f": c["m"]["f"]}
    if kind == "item":
        return {"id": f"qe:{name}:{c['e']['i']}", "t": "qe", "q": name, "f": c["e"]["f"], "i": c["e"]["i"]}
    if kind == "first":
        return {"id": f"qa:{name}:0", "t": "qa", "q": name, "f": c["i"]["f"], "upto": 0}
    upto = c["a"]["upto"] + 1
    return {"id": f"qa:{name}:{upto}", "t": "qa", "q": name, "f": c["a"]["f"], "upto": upto}
