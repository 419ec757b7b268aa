"""The durable-rules adapter: the only module that imports `durable`.

Compiles each ruleset's intermediate form to durable-rules data rulesets and
runs a case's frames through the Rete engine. Every trap measured in
shared/notes/durable-rules.md is handled here:

- the default Host's timer threads give wrong answers: `_QuietHost` never starts them;
- at most 1024 live sessions: one session id, deleted in `finally` after every run;
- deleting a session in which no action fired segfaults: a sentinel rule fires on the
  first fact of every session (it also keeps any fact from being "not handled");
- a JSON condition uses only its first key: every conjunction is an explicit `$and`;
- `$iall` never matches an empty array: "every offence" is `count == 0 or $iall`;
- values are coerced ('10' == 10, True == 1) and exponent floats break the parser:
  facts are typed at load time and checked here before asserting;
- an exception in an action is hidden in the session state: it is read back and raised;
- duplicate facts raise: every fact has a unique id, each conclusion is asserted once;
- the extension is not thread-safe and never releases the GIL: one lock serialises runs.

A conclusion is true (or false) exactly when a durable-rules rule establishing
it (or its complement rule) fires; neither firing means undetermined.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._catalog import Value
from ._compiled import CompiledRuleset
from ._conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from ._frames import Frame
from .errors import EngineFailure

try:
    from durable.engine import Host as _Host

    AVAILABLE = True
    UNAVAILABLE_REASON = ""
except Exception as _exc:  # noqa: BLE001 - ImportError, or the 3.13 undefined-symbol OSError
    AVAILABLE = False
    UNAVAILABLE_REASON = f"cannot import durable-rules: {type(_exc).__name__}: {_exc}"
    _Host = object

MAX_PROPERTIES = 200
MAX_STRING = 1000
_LOCK = threading.Lock()
_SID = "legalrules"


def _prop(fact: str) -> str:
    # durable-rules reads dots as nesting; the catalogue's names are flat.
    return fact.replace(".", "__")


class _QuietHost(_Host):  # type: ignore[misc, valid-type]
    """A Host without the two background timer threads that corrupt answers."""

    def _run(self) -> None:
        return None


def _leaf_json(cond: Compare | Known, item: bool) -> dict[str, Any]:
    prop = ("$i." if item else "") + _prop(cond.fact)
    if isinstance(cond, Known):
        return {"$ex" if cond.known else "$nex": {prop: 1}}
    value = cond.value
    if cond.op == "eq":
        return {prop: value}
    if cond.op == "ne":
        return {"$neq": {prop: value}}
    if cond.op in ("lt", "lte", "gt", "gte"):
        return {f"${cond.op}": {prop: value}}
    members = value if isinstance(value, tuple) else (value,)
    if cond.op == "in":
        return {"$or": [{prop: v} for v in members]}
    return {"$and": [{"$neq": {prop: v}} for v in members]}


def _frame_json(cond: Condition, item: bool = False) -> dict[str, Any]:
    """A condition on one frame fact (no conclusion references) as durable-rules JSON."""
    if isinstance(cond, (Compare, Known)):
        return _leaf_json(cond, item)
    if isinstance(cond, All):
        return {"$and": [_frame_json(part, item) for part in cond.items]}
    if isinstance(cond, AnyOf):
        return {"$or": [_frame_json(part, item) for part in cond.items]}
    if isinstance(cond, Quantified):
        body = _frame_json(cond.body, item=True)
        if cond.mode == "any":
            return {"$iany": {cond.collection: body}}
        return {"$or": [{f"{cond.collection}__count": 0}, {"$iall": {cond.collection: body}}]}
    raise TypeError(f"not a frame condition: {cond!r}")


def _has_ref(cond: Condition) -> bool:
    if isinstance(cond, Ref):
        return True
    if isinstance(cond, (All, AnyOf)):
        return any(_has_ref(part) for part in cond.items)
    return False


Alternative = tuple[list[Condition], list[Ref]]


def alternatives(cond: Condition) -> list[Alternative]:
    """The condition as a disjunction of (frame tests, conclusion references) conjunctions.

    Only the parts that mention conclusions are multiplied out; a subtree
    without references stays one frame test.
    """
    if not _has_ref(cond):
        return [([cond], [])]
    if isinstance(cond, Ref):
        return [([], [cond])]
    if isinstance(cond, AnyOf):
        return [alt for part in cond.items for alt in alternatives(part)]
    assert isinstance(cond, All)
    combined: list[Alternative] = [([], [])]
    for part in cond.items:
        combined = [(a[0] + b[0], a[1] + b[1]) for a in combined for b in alternatives(part)]
    return combined


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
        rules: dict[str, Any] = {
            "_sentinel": {"all": [{"m": {"$nex": {"$s": 1}}}], "pri": -1000, "run": _ignore},
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
        host.set_rulesets({self.name: rules})

    def _add(self, rules: dict[str, Any], scope: str, cond: Condition, meaning: _Firing) -> None:
        for frame_tests, refs in alternatives(cond):
            name = f"r{len(self.meaning)}"
            self.meaning[name] = meaning
            frame = {"$and": [{"t": "f"}, {"s": scope}, *(_frame_json(t) for t in frame_tests)]}
            facts: list[dict[str, Any]] = [{"m": frame}]
            for index, ref in enumerate(refs):
                facts.append({f"c{index}": {"$and": [
                    {"t": "c"}, {"n": ref.conclusion}, {"v": ref.want},
                    {"f": {"m": f"a_{ref.scope}"}},
                ]}})
            rules[name] = {"all": facts, "run": self._action(name)}

    def _action(self, name: str) -> Any:
        def act(c: Any) -> None:
            meaning = self.meaning[name]
            result = self.current
            assert result is not None
            frame_id = c.m.f
            key = (meaning.conclusion, frame_id)
            if meaning.kind in ("comply", "comply_false"):
                result.compliance[key] = meaning.value
                return
            if meaning.rule_id is not None:
                result.fired_rules.add((meaning.rule_id, meaning.conclusion, frame_id))
            result.conclusions[key] = meaning.value
            fact_id = f"c:{meaning.conclusion}:{frame_id}"
            if fact_id not in self.asserted:
                self.asserted.add(fact_id)
                c.assert_fact({"id": fact_id, "t": "c", "n": meaning.conclusion,
                               "f": frame_id, "v": meaning.value})
        return act


def _ignore(c: Any) -> None:
    return None


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


def frame_fact(frame: Frame) -> dict[str, Any]:
    """The durable-rules fact for a frame: its known facts, ancestry and offences."""
    fact: dict[str, Any] = {"sid": _SID, "id": f"f:{frame.id}", "t": "f", "s": frame.scope, "f": frame.id}
    for scope, frame_id in frame.ancestors.items():
        fact[f"a_{scope}"] = frame_id
    for name, value in frame.facts.items():
        fact[_prop(name)] = _checked(value, f"{frame.id} {name}")
    if frame.offences is not None:
        fact["offences"] = [{_prop(k): _checked(v, f"{frame.id} offences {k}") for k, v in o.items()}
                            for o in frame.offences]
        fact["offences__count"] = len(frame.offences)
    if len(fact) > MAX_PROPERTIES:
        raise EngineFailure(f"{frame.id}: {len(fact)} properties; durable-rules takes at most {MAX_PROPERTIES}")
    return fact


class DurableAdapter:
    """Runs compiled rulesets on durable-rules, one isolated session per run."""

    _counter = itertools.count()

    def __init__(self, rulesets: Sequence[CompiledRuleset]) -> None:
        if not AVAILABLE:
            raise EngineFailure(UNAVAILABLE_REASON)
        self._host = _QuietHost()
        with _LOCK:
            self._compiled = {r.id: _CompiledDurable(self._host, r, self._counter) for r in rulesets}

    def rule_count(self, ruleset_id: str) -> int:
        """How many durable-rules rules a ruleset compiled to (for the notes and tests)."""
        return len(self._compiled[ruleset_id].meaning)

    def run(self, ruleset_id: str, frames: Sequence[Frame]) -> DurableResult:
        """Assert the frames in a fresh session, let the engine fire, read the result, delete it."""
        compiled = self._compiled[ruleset_id]
        facts = [frame_fact(frame) for frame in frames]
        result = DurableResult()
        if not facts:
            return result
        with _LOCK:
            compiled.current, compiled.asserted = result, set()
            try:
                for fact in facts:
                    self._host.assert_fact(compiled.name, fact)
                state = self._host.get_state(compiled.name, _SID)
                if "exception" in state:
                    raise EngineFailure(f"durable-rules raised inside an action: {state['exception']}")
            except EngineFailure:
                raise
            except Exception as exc:  # noqa: BLE001 - the engine's own errors, reported as ours
                raise EngineFailure(f"durable-rules failed on {ruleset_id}: {type(exc).__name__}: {exc}") from exc
            finally:
                compiled.current = None
                try:
                    self._host.delete_state(compiled.name, _SID)
                except Exception:  # noqa: BLE001, S110 - nothing was created if the first assert failed
                    pass
        return result
