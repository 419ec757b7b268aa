"""The durable-rules adapter: the only module that imports `durable`.

Compiles each ruleset's intermediate form to durable-rules data rulesets and
runs a case's frames through the Rete engine. Every trap measured in
shared/notes/durable-rules.md is handled here:

- the default Host's timer threads give wrong answers: `_QuietHost` never starts them;
- at most 1024 live sessions: one session id, deleted in `finally` after every run;
- deleting a session in which no action fired segfaults: a sentinel rule fires on the
  first fact of every session (it also keeps any fact from being "not handled");
- a JSON condition uses only its first key: every conjunction is an explicit `$and`;
- `$or` across different properties inside `$iany`/`$iall` never matches (measured here,
  not in the notes), and `$iall` never matches an empty array: so collections are not
  arrays. Each offence is its own fact; "some offence" is a join on one, and "every
  offence" is `count == 0`, or a chain of facts built by induction (element 0 holds;
  elements 0..k hold and k+1 holds) that reaches `count - 1`;
- values are coerced ('10' == 10, True == 1) and exponent floats break the parser:
  facts are typed at load time and checked here before asserting;
- an exception in an action is hidden in the session state by durable-rules' own runner:
  this adapter does not use that runner. It asserts a batch of facts in one call and
  drives the C engine's firings itself (`_fire`), so an action's exception is raised
  directly and the action abandoned; the facts actions derive are asserted as the next
  batch. The first fact of a run goes alone, so the sentinel has fired before anything
  can fail. Only the facts some condition reads are asserted, and a conclusion becomes a
  fact only if some condition reads it: each firing returns its facts as JSON;
- duplicate facts raise: every fact has a unique id, each conclusion is asserted once;
- the extension is not thread-safe and never releases the GIL: one lock serialises runs;
- fact ids are compared by a 32-bit hash: a run asserts about a hundred short ids, and a
  collision would surface as a duplicate-fact error (EngineFailure), never as a silent answer;
- asserting a fact walks the alpha network with a stack of 64 pending nodes (error 303,
  `MAX_STACK_SIZE`): all frame patterns share the nodes `t == "f"` and `s == scope`, so a
  frame that passes the first test of more than 64 rules overflowed it. Each frame pattern
  therefore starts, after those two, with one of a series of always-true tests on a
  property `g` (0 on every frame: `g > -1`, `g > -2`, ...), one per group of `GROUP_SIZE`
  patterns, so no node has more than about that many children;
- one fact never matches two patterns of one rule (measured here): an alternative that
  reads the same conclusion twice joins it once;
- one pattern holds at most 31 entries in its expression sequence (`MAX_SEQUENCE_EXPRESSIONS`,
  error 113 when the ruleset is created; measured here, not in the notes): each `$and` and
  `$or` costs two. A frame test with more than `MAX_GATES` of them (the complement of a
  conclusion with many rules, long `in` lists) is split: its largest parts become helper
  rules that assert a helper fact on the frame when the part holds, and the rule joins
  those facts instead (the tests are positive, so "the part holds" is all a join needs).

A conclusion is true (or false) exactly when a durable-rules rule establishing
it (or its complement rule) fires; neither firing means undetermined.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..ruleformat.catalog import Value
from .codegen import OFFENCES_KEY
from ..ruleformat.compiled import CompiledRuleset
from ..ruleformat.conditions import (All, AnyOf, Compare, Condition, Known, Quantified, Ref,
                                     referenced_conclusions, referenced_facts)
from .durable_patterns import Alternative, Atom, CountZero, alternatives, frame_json, gates, leaf_json, prop_name
from .frames import Frame
from ..errors import EngineFailure

# durable-rules is imported when a cross-check first runs (`_load`), not with this module:
# a command or a batch that never cross-checks never loads it. Reading AVAILABLE or
# UNAVAILABLE_REASON loads it (module `__getattr__`); after that they are plain globals.
AVAILABLE: bool
UNAVAILABLE_REASON: str
_engine: Any = None
_QuietHost: Any = None


def _load() -> bool:
    """Import durable-rules once; whether it could be (the reason why not in UNAVAILABLE_REASON)."""
    global AVAILABLE, UNAVAILABLE_REASON, _engine, _QuietHost
    if "AVAILABLE" in globals():
        return AVAILABLE
    try:
        import durable_rules_engine  # noqa: PLC0415
        from durable.engine import Host  # noqa: PLC0415
    except Exception as exc:  # noqa: BLE001 - ImportError, or the 3.13 undefined-symbol OSError
        UNAVAILABLE_REASON = f"cannot import durable-rules: {type(exc).__name__}: {exc}"
        AVAILABLE = False
        return False

    class QuietHost(Host):  # type: ignore[misc]
        """A Host without the two background timer threads that corrupt answers."""

        def _run(self) -> None:
            return None

    _engine, _QuietHost = durable_rules_engine, QuietHost
    UNAVAILABLE_REASON, AVAILABLE = "", True
    return True


def __getattr__(name: str) -> Any:
    if name in ("AVAILABLE", "UNAVAILABLE_REASON"):
        _load()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Message = dict[str, Any]  # a firing: each pattern's name and the fact it matched
Action = Callable[[Message], None]
# Each firing comes back from the C engine as a JSON message; orjson decodes it several
# times faster than the standard library, which was a third of a run.
_decode: Callable[[str], Any] = orjson.loads
MAX_PROPERTIES = 200
MAX_GATES = 15  # $and/$or nodes in one pattern: 2 sequence entries each, fewer than 32 in all
GROUP_SIZE = 16  # frame patterns under one group node (see the module docstring)
MAX_JOINS = 15  # facts joined to the frame in one rule (durable-rules: at most 16 in all)
MAX_STRING = 1000
_LOCK = threading.Lock()
_SID = "legalrules"


@dataclass(frozen=True)
class _Firing:
    """What one durable-rules rule means when it fires."""

    kind: str  # "rule" (establishes), "false" (complement), "comply", "comply_false"
    conclusion: str
    value: bool
    rule_id: str | None


@dataclass
class DurableResult:
    """Values established by durable-rules firings on one run."""

    conclusions: dict[tuple[str, str], bool | None] = field(default_factory=dict)
    compliance: dict[tuple[str, str], bool | None] = field(default_factory=dict)
    fired_rules: set[tuple[str, str, str]] = field(default_factory=set)


class _CompiledDurable:
    """One ruleset registered with a host: its durable name and what each rule means."""

    def __init__(self, host: Any, ruleset: CompiledRuleset, counter: Any) -> None:
        self.name = f"{ruleset.id}_{ruleset.version.split(':')[1]}_{next(counter)}"
        self.ruleset = ruleset
        self.meaning: dict[str, _Firing] = {}
        self.current: DurableResult | None = None
        self.asserted: set[str] = set()
        self.derived: list[dict[str, Any]] = []
        self.chains: dict[str, str] = {}
        self.helpers: dict[str, str] = {}
        self.patterns = 0
        rules: dict[str, Any] = {
            "_sentinel": {"all": [{"m": {"$nex": {"$s": 1}}}], "run": _ignore},
        }
        for conclusion in ruleset.conclusions:
            scope = conclusion.spec.scope
            for rule in conclusion.rules:
                self._add(rules, scope, rule.condition, _Firing("rule", conclusion.name, True, rule.id))
            self._add(rules, scope, conclusion.false_condition, _Firing("false", conclusion.name, False, None))
        scope_of = {c.name: c.spec.scope for c in ruleset.conclusions}
        for item in ruleset.compliance:
            scope = scope_of[item.obligation]
            self._add(rules, scope, item.condition, _Firing("comply", item.obligation, True, None))
            self._add(rules, scope, item.false_condition, _Firing("comply_false", item.obligation, False, None))
        self.read_conclusions: set[str] = set()
        for conclusion in ruleset.conclusions:
            for cond in (conclusion.false_condition, *(rule.condition for rule in conclusion.rules)):
                self.read_conclusions |= referenced_conclusions(cond)
        for item in ruleset.compliance:
            self.read_conclusions |= referenced_conclusions(item.condition) | referenced_conclusions(item.false_condition)
        self.actions: dict[str, Action] = {name: rule["run"] for name, rule in rules.items()}
        host.set_rulesets({self.name: {name: {"all": rule["all"], "run": _ignore} for name, rule in rules.items()}})
        self.handle = host.get_ruleset(self.name)._handle

    def _add(self, rules: dict[str, Any], scope: str, cond: Condition, meaning: _Firing) -> None:
        for frame_tests, repeated in alternatives(cond):
            # One fact never matches two patterns of one rule: an atom read twice (two
            # rules of a conclusion reading the same other conclusion) is joined once.
            atoms = list(dict.fromkeys(repeated))
            name = f"r{len(self.meaning)}"
            self.meaning[name] = meaning
            inline, helpers = self._fit(rules, scope, frame_tests)
            tests: list[dict[str, Any]] = [{"t": "f"}, {"s": scope}, self._group(),
                                           *(frame_json(t) for t in inline)]
            joins: list[dict[str, Any]] = [self._helper_join(index, helper) for index, helper in enumerate(helpers)]
            for index, atom in enumerate(atoms):
                if isinstance(atom, CountZero):
                    tests.append({f"{atom.collection}__count": 0})
                elif isinstance(atom, Ref):
                    joins.append({f"c{index}": {"$and": [
                        {"t": "c"}, {"n": atom.conclusion}, {"v": atom.want},
                        {"f": {"m": f"a_{atom.scope}"}},
                    ]}})
                elif atom.mode == "any":
                    joins.append({f"e{index}": {"$and": [
                        {"t": "e"}, {"c": atom.collection}, {"f": {"m": "a_case"}}, frame_json(atom.body),
                    ]}})
                else:
                    chain = self._every(rules, atom)
                    joins.append({f"q{index}": {"$and": [
                        {"t": "qa"}, {"q": chain}, {"f": {"m": "a_case"}},
                        {"upto": {"$sub": {"$l": {"m": f"{atom.collection}__count"}, "$r": 1}}},
                    ]}})
            rules[name] = {"all": [{"m": {"$and": tests}}, *joins], "run": self._action(name)}

    def _fit(self, rules: dict[str, Any], scope: str, tests: Sequence[Condition]) -> tuple[list[Condition], list[str]]:
        """Split frame tests that would overflow one pattern: the largest go to helper rules."""
        inline = list(tests)
        if len(inline) == 1 and isinstance(inline[0], All):
            inline = list(inline[0].items)
        helpers: list[str] = []
        while 1 + sum(gates(t) for t in inline) > MAX_GATES:
            largest = max(inline, key=gates)
            inline.remove(largest)
            helpers.append(self._helper(rules, scope, largest))
        if len(helpers) > MAX_JOINS:
            raise EngineFailure(f"a condition of {self.ruleset.id} needs {len(helpers)} helper facts; "
                                f"durable-rules joins at most {MAX_JOINS}")
        return inline, helpers

    def _helper(self, rules: dict[str, Any], scope: str, cond: Condition) -> str:
        """Register, once per distinct condition, rules asserting a helper fact on a frame where it holds."""
        key = json.dumps([scope, frame_json(cond)], sort_keys=True)
        if key in self.helpers:
            return self.helpers[key]
        helper = self.helpers[key] = f"h{len(self.helpers)}"
        branches = list(cond.items) if isinstance(cond, AnyOf) else [cond]
        for index, branch in enumerate(branches):
            inline, inner = self._fit(rules, scope, [branch])
            tests = [{"t": "f"}, {"s": scope}, self._group(), *(frame_json(t) for t in inline)]
            rules[f"{helper}_{index}"] = {
                "all": [{"m": {"$and": tests}}, *(self._helper_join(n, h) for n, h in enumerate(inner))],
                "run": self._assert_from(_helper_fact(helper)),
            }
        return helper

    def _group(self) -> dict[str, Any]:
        """The test putting the next frame pattern in its group of `GROUP_SIZE` (see the module docstring)."""
        self.patterns += 1
        return {"$gt": {"g": -1 - (self.patterns - 1) // GROUP_SIZE}}

    @staticmethod
    def _helper_join(index: int, helper: str) -> dict[str, Any]:
        return {f"h{index}": {"$and": [{"t": "h"}, {"h": helper}, {"f": {"m": "f"}}]}}

    def _every(self, rules: dict[str, Any], atom: Quantified) -> str:
        """Register, once per distinct body, the rules that prove "every item holds" by induction."""
        body = frame_json(atom.body)
        key = json.dumps([atom.collection, body], sort_keys=True)
        if key in self.chains:
            return self.chains[key]
        chain = self.chains[key] = f"q{len(self.chains)}"
        rules[f"{chain}_item"] = {
            "all": [{"e": {"$and": [{"t": "e"}, {"c": atom.collection}, body]}}],
            "run": self._assert_from(lambda c: {"id": f"qe:{chain}:{c['e']['i']}", "t": "qe", "q": chain,
                                           "f": c["e"]["f"], "i": c["e"]["i"]}),
        }
        rules[f"{chain}_first"] = {
            "all": [{"i": {"$and": [{"t": "qe"}, {"q": chain}, {"i": 0}]}}],
            "run": self._assert_from(lambda c: {"id": f"qa:{chain}:0", "t": "qa", "q": chain, "f": c["i"]["f"],
                                           "upto": 0}),
        }
        rules[f"{chain}_next"] = {
            "all": [{"a": {"$and": [{"t": "qa"}, {"q": chain}]}},
                    {"i": {"$and": [{"t": "qe"}, {"q": chain}, {"f": {"a": "f"}},
                                    {"i": {"$add": {"$l": {"a": "upto"}, "$r": 1}}}]}}],
            "run": self._assert_from(lambda c: {"id": f"qa:{chain}:{c['a']['upto'] + 1}", "t": "qa", "q": chain,
                                           "f": c["a"]["f"], "upto": c["a"]["upto"] + 1}),
        }
        return chain

    def _assert_from(self, make: Callable[[Message], dict[str, Any]]) -> Action:
        """An action asserting the fact `make(c)` builds (an induction step), once per run.

        A condition with `$or` activates once per branch that matches, so the
        same step can fire twice; asserting it twice would raise.
        """
        def act(c: Message) -> None:
            fact = make(c)
            if fact["id"] not in self.asserted:
                self.asserted.add(fact["id"])
                fact["sid"] = _SID
                self.derived.append(fact)
        return act

    def _action(self, name: str) -> Action:
        """The action of rule `name`: record what its firing means, assert the conclusion once."""
        def act(c: Message) -> None:
            meaning = self.meaning[name]
            result = self.current
            assert result is not None
            frame_id = c["m"]["f"]
            key = (meaning.conclusion, frame_id)
            if meaning.kind in ("comply", "comply_false"):
                result.compliance[key] = meaning.value
                return
            if meaning.rule_id is not None:
                result.fired_rules.add((meaning.rule_id, meaning.conclusion, frame_id))
            result.conclusions[key] = meaning.value
            fact_id = f"c:{meaning.conclusion}:{frame_id}"
            # A conclusion no condition reads needs no fact: it would only fire the sentinel.
            if meaning.conclusion in self.read_conclusions and fact_id not in self.asserted:
                self.asserted.add(fact_id)
                self.derived.append({"sid": _SID, "id": fact_id, "t": "c", "n": meaning.conclusion,
                                     "f": frame_id, "v": meaning.value})
        return act


def _helper_fact(helper: str) -> Callable[[Message], dict[str, Any]]:
    """What a helper rule asserts when its part of a wide frame test holds on a frame."""
    return lambda c: {"id": f"h:{helper}:{c['m']['f']}", "t": "h", "h": helper, "f": c["m"]["f"]}


def _ignore(c: Any) -> None:
    return None


def _accepted(result: Any, facts: list[dict[str, Any]]) -> int:
    """The state handle an assert returns; the run fails (EngineFailure) where durable-rules' wrapper would raise."""
    if result[0] == 1:
        raise RuntimeError(f"no rule handles a fact of {json.dumps(facts)[:200]}")
    if result[0] == 2:
        raise RuntimeError(f"a fact was already observed, in {json.dumps(facts)[:200]}")
    return int(result[1])




def _checked(value: Value, where: str) -> Value:
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        if "e" in repr(value):
            raise EngineFailure(f"{where}: the number {value!r} cannot be passed to durable-rules "
                                "(its parser rejects exponent notation)")
    if isinstance(value, str) and len(value) > MAX_STRING:
        raise EngineFailure(f"{where}: a text of {len(value)} characters; durable-rules takes at most {MAX_STRING}")
    return value


def _sized(fact: dict[str, Any], where: str) -> dict[str, Any]:
    if len(fact) > MAX_PROPERTIES:
        raise EngineFailure(f"{where}: {len(fact)} properties; durable-rules takes at most {MAX_PROPERTIES}")
    return fact


def _props(facts: dict[str, Value], reads: Mapping[str, str] | None, where: str) -> dict[str, Value]:
    """The facts a ruleset reads, under durable-rules property names; every fact checked, read or not."""
    if len(facts) > MAX_PROPERTIES:
        raise EngineFailure(f"{where}: {len(facts)} properties; durable-rules takes at most {MAX_PROPERTIES}")
    out: dict[str, Value] = {}
    for name, value in facts.items():
        if name == OFFENCES_KEY:
            continue
        checked = _checked(value, f"{where} {name}")
        if reads is None:
            out[prop_name(name)] = checked
        elif name in reads:
            out[reads[name]] = checked
    return out


def frame_fact(frame: Frame, reads: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The durable-rules fact for a frame: its known facts (those `reads` names), ancestry, offence count.

    A fact no rule reads changes no match, and each firing's message carries the whole
    frame back as JSON: leaving the unread facts out is most of what a run costs.
    """
    fact: dict[str, Any] = {"sid": _SID, "id": f"f:{frame.id}", "t": "f", "s": frame.scope, "f": frame.id, "g": 0}
    for scope, frame_id in frame.ancestors.items():
        fact[f"a_{scope}"] = frame_id
    fact.update(_props(frame.facts, reads, frame.id))
    if frame.offences is not None:
        fact["offences__count"] = len(frame.offences)
    return _sized(fact, frame.id)


def item_facts(offences: Sequence[dict[str, Value]] | None, reads: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One durable-rules fact per offence of the case (collections are never arrays here)."""
    out = []
    for index, offence in enumerate(offences or ()):
        fact: dict[str, Any] = {"sid": _SID, "id": f"e:offences:{index}", "t": "e", "c": "offences",
                                "f": "case", "i": index}
        fact.update(_props(offence, reads, f"offences[{index}]"))
        out.append(_sized(fact, f"offences[{index}]"))
    return out


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


class DurableAdapter:
    """Runs compiled rulesets on durable-rules, one isolated session per run."""

    _counter = itertools.count()

    def __init__(self, rulesets: Sequence[CompiledRuleset]) -> None:
        if not _load():
            raise EngineFailure(UNAVAILABLE_REASON)
        self._host = _QuietHost()
        self._rulesets = {r.id: r for r in rulesets}
        self._reads = {r.id: _reads(r) for r in rulesets}
        # Each ruleset is handed to durable-rules on its first run: creating a Rete network
        # costs tens of milliseconds per hundred rules, and a case outside an instrument's
        # window never needs that instrument's network.
        self._compiled: dict[str, _CompiledDurable] = {}

    def _network(self, ruleset_id: str) -> _CompiledDurable:
        """The ruleset's durable-rules network, created on first use (call with _LOCK held)."""
        if ruleset_id not in self._compiled:
            self._compiled[ruleset_id] = _CompiledDurable(self._host, self._rulesets[ruleset_id], self._counter)
        return self._compiled[ruleset_id]

    def run(self, ruleset_id: str, frames: Sequence[Frame]) -> DurableResult:
        """Assert the frames in a fresh session, let the engine fire, read the result, delete it."""
        if ruleset_id not in self._rulesets:
            raise KeyError(ruleset_id)
        reads = self._reads[ruleset_id]
        facts = [frame_fact(frame, reads) for frame in frames]
        if frames:
            facts = item_facts(frames[0].offences, reads) + facts
        result = DurableResult()
        if not facts:
            return result
        with _LOCK:
            compiled = self._network(ruleset_id)
            compiled.current, compiled.asserted = result, set()
            try:
                # The first fact alone: its sentinel firing makes the session safe to delete
                # whatever happens next; then the rest in one call, and each round of
                # derived facts in one call, until nothing new is derived.
                self._fire(compiled, facts[:1])
                batch, compiled.derived = facts[1:] + compiled.derived, []
                while batch:
                    self._fire(compiled, batch)
                    batch, compiled.derived = compiled.derived, []
            except EngineFailure:
                raise
            except Exception as exc:  # noqa: BLE001 - the engine's own errors, reported as ours
                raise EngineFailure(f"durable-rules failed on {ruleset_id}: {type(exc).__name__}: {exc}") from exc
            finally:
                compiled.current, compiled.derived = None, []
                try:
                    self._host.delete_state(compiled.name, _SID)
                except Exception:  # noqa: BLE001, S110 - nothing was created if the first assert failed
                    pass
        return result

    @staticmethod
    def _fire(compiled: _CompiledDurable, facts: list[dict[str, Any]]) -> None:
        """Assert facts in one call and run every action they start, straight on the C engine.

        durable-rules' own runner wraps each firing in a Closure and writes the session
        state back as JSON; our actions never touch the state, so each firing costs one
        message decoded here. The facts an action derives are collected in
        `compiled.derived` and asserted as the next batch.
        """
        handle = compiled.handle
        state = _accepted(_engine.assert_facts(handle, json.dumps(facts, ensure_ascii=False)), facts)
        started = _engine.start_action_for_state(handle, state)
        message = _decode(started[1]) if started else None
        while message:
            name, matched = next(iter(message.items()))
            try:
                compiled.actions[name](matched)
            except BaseException:
                _engine.abandon_action(handle, state)
                raise
            following = _engine.complete_and_start_action(handle, state)
            message = _decode(following) if following else None
