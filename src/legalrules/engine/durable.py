"""The durable-rules adapter: the only module that imports durable-rules (its C engine, `durable_rules_engine`).

Compiles each ruleset's intermediate form to durable-rules data rulesets and
runs a case's frames through the Rete engine. Every trap measured in
shared/notes/durable-rules.md is handled here:

- the default Host's timer threads give wrong answers: there is no Host here. The adapter creates
  its rulesets and deletes its sessions through the C engine (`_Rulesets`), as it asserts and fires;
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
from functools import partial
from typing import Any

import orjson

from ..ruleformat.catalog import Value
from .codegen import OFFENCES_KEY
from ..ruleformat.cache import cached
from ..ruleformat.compiled import CompiledRuleset
from ..ruleformat.conditions import (All, AnyOf, Compare, Condition, Known, Quantified, Ref,
                                     referenced_conclusions, referenced_facts)
from .durable_network import Network, Step, build_network, derived_fact
from .durable_patterns import Alternative, Atom, CountZero, alternatives, frame_json, gates, leaf_json, prop_name
from .frames import Frame
from ..errors import EngineFailure

# durable-rules is imported when a cross-check first runs (`_load`), not with this module:
# a command or a batch that never cross-checks never loads it. Reading AVAILABLE or
# UNAVAILABLE_REASON loads it (module `__getattr__`); after that they are plain globals.
AVAILABLE: bool
UNAVAILABLE_REASON: str
_engine: Any = None


def _load() -> bool:
    """Import durable-rules once; whether it could be (the reason why not in UNAVAILABLE_REASON)."""
    global AVAILABLE, UNAVAILABLE_REASON, _engine
    if "AVAILABLE" in globals():
        return AVAILABLE
    try:
        import durable_rules_engine  # noqa: PLC0415
    except Exception as exc:  # noqa: BLE001 - ImportError, or the 3.13 undefined-symbol OSError
        UNAVAILABLE_REASON = f"cannot import durable-rules: {type(exc).__name__}: {exc}"
        AVAILABLE = False
        return False

    _engine = durable_rules_engine
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
MAX_STRING = 1000
_LOCK = threading.Lock()
_SID = "legalrules"


@dataclass
class DurableResult:
    """Values established by durable-rules firings on one run."""

    conclusions: dict[tuple[str, str], bool | None] = field(default_factory=dict)
    compliance: dict[tuple[str, str], bool | None] = field(default_factory=dict)
    fired_rules: set[tuple[str, str, str]] = field(default_factory=set)


class _Rulesets:
    """The rulesets an adapter created in the C engine, by name, and their sessions.

    What durable-rules' Python `Host` keeps, without its timer threads (see above) or its
    `Ruleset` layer, which encodes each definition to JSON again: the network's
    `definition` is that text, kept in the compile cache. Without that layer and its import
    (`durable`, which brings `logging`), a CLI `evaluate` runs 2% fewer instructions.
    """

    def __init__(self) -> None:
        self._handles: dict[str, int] = {}

    def create(self, name: str, definition: str) -> int:
        """Create the ruleset `name` from its JSON definition; its handle."""
        handle = self._handles[name] = _engine.create_ruleset(name, definition)
        return int(handle)

    def delete_state(self, name: str, sid: str) -> None:
        """Delete the session `sid` of ruleset `name` (its facts and pending firings)."""
        _engine.delete_state(self._handles[name], sid)

    def get_facts(self, name: str, sid: str) -> Any:
        """The facts session `sid` of ruleset `name` holds (raises if there is no such session)."""
        return json.loads(_engine.get_facts(self._handles[name], sid))


class _CompiledDurable:
    """One ruleset created in the engine: its durable name, what each rule means, and the actions."""

    def __init__(self, host: _Rulesets, ruleset: CompiledRuleset, counter: Any, network: Network) -> None:
        self.name = f"{ruleset.id}_{ruleset.version.split(':')[1]}_{next(counter)}"
        self.ruleset, self.network = ruleset, network
        self.meaning = network.meaning
        self.read_conclusions = network.read_conclusions
        self.current: DurableResult | None = None
        self.asserted: set[str] = set()
        self.derived: list[dict[str, Any]] = []
        self.actions: dict[str, Action] = {name: self._action(name, step) for name, step in network.steps.items()}
        self.handle = host.create(self.name, network.definition)

    def _action(self, name: str, step: Step) -> Action:
        if step[0] == "ignore":
            return _ignore
        if step[0] == "conclude":
            return self._conclude(name)
        return self._assert_from(partial(derived_fact, step))

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

    def _conclude(self, name: str) -> Action:
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


class DurableAdapter:
    """Runs compiled rulesets on durable-rules, one isolated session per run."""

    _counter = itertools.count()

    def __init__(self, rulesets: Sequence[CompiledRuleset], cache_key: str | None = None) -> None:
        """`cache_key`: the compile cache's key of these rulesets (`ruleformat.cache.rulesets_key`), if they
        came from it; each ruleset's rules for durable-rules are then kept in the cache beside them."""
        if not _load():
            raise EngineFailure(UNAVAILABLE_REASON)
        self._host = _Rulesets()
        self._rulesets = {r.id: r for r in rulesets}
        self._networks: dict[str, Network] = {}
        self._cache_key = cache_key
        # Each ruleset is handed to durable-rules on its first run: creating a Rete network
        # costs tens of milliseconds per hundred rules, and a case outside an instrument's
        # window never needs that instrument's network.
        self._compiled: dict[str, _CompiledDurable] = {}

    def _network(self, ruleset_id: str) -> _CompiledDurable:
        """The ruleset's durable-rules network, created on first use (call with _LOCK held)."""
        if ruleset_id not in self._compiled:
            network = self._data(ruleset_id)
            self._compiled[ruleset_id] = _CompiledDurable(self._host, self._rulesets[ruleset_id], self._counter,
                                                          network)
        return self._compiled[ruleset_id]

    def _data(self, ruleset_id: str) -> Network:
        """The ruleset's rules as data: from the compile cache when it holds them, else built (once)."""
        found = self._networks.get(ruleset_id)
        if found is None:
            ruleset = self._rulesets[ruleset_id]
            found = (build_network(ruleset) if self._cache_key is None else
                     cached("durable", f"{self._cache_key}\0{ruleset_id}", partial(build_network, ruleset)))
            self._networks[ruleset_id] = found  # two threads may both make it: the same data, either kept
        return found

    def run(self, ruleset_id: str, frames: Sequence[Frame]) -> DurableResult:
        """Assert the frames in a fresh session, let the engine fire, read the result, delete it."""
        if ruleset_id not in self._rulesets:
            raise KeyError(ruleset_id)
        result = DurableResult()
        if not frames:
            return result  # nothing to assert: its rules need not even be read
        reads = self._data(ruleset_id).reads
        facts = item_facts(frames[0].offences, reads) + [frame_fact(frame, reads) for frame in frames]
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
