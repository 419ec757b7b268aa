"""The facts an undetermined condition waits on, by a function compiled once per condition.

`explain.undetermined_by` walks a condition's tree for every case, asking the program for
each leaf's closure as it goes. A decision names the deciding facts of every
undetermined conclusion at once, so that walk was a quarter of a native decision. Here
the same walk is turned into nested closures once per condition; each junction stops at
the first part that decides it (a false part of an `all`, a true part of an `any`), which
gives the same value and, being decided, no facts. A test holds the lazy and eager
decisions (whose deciding facts come from `explain.trace`) equal.
"""

from __future__ import annotations

from collections.abc import Callable

from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from .explain import LeafCheck
from .native import ConclusionValues, Facts, concl_offences
from ..decision.tristate import Tri

Waiting = tuple[Tri, frozenset[str]]
WaitsOn = Callable[[Facts, "Facts | None", ConclusionValues, dict[str, str]], Waiting]
_NOTHING: frozenset[str] = frozenset()


def waits_on(cond: Condition, check: LeafCheck) -> WaitsOn:
    """A function of (facts, item, conclusions, ancestors): the condition's value, and when undetermined
    the facts it waits on (as `explain.undetermined_by` gives them)."""
    if isinstance(cond, Ref):
        return _ref(check(cond), cond)
    if isinstance(cond, (Compare, Known)):
        return _leaf(check(cond), frozenset({cond.fact}))
    if isinstance(cond, (All, AnyOf)):
        return _junction([waits_on(part, check) for part in cond.items], False if isinstance(cond, All) else True)
    if isinstance(cond, Quantified):
        return _quantified(waits_on(cond.body, check), cond.mode == "any")
    raise TypeError(f"not an NNF condition: {cond!r}")


def _leaf(value_of: Callable[..., Tri], fact: frozenset[str]) -> WaitsOn:
    def leaf(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Waiting:
        value = value_of(facts, item, concl, anc)
        return (value, _NOTHING) if value is not None else (None, fact)
    return leaf


def _ref(value_of: Callable[..., Tri], cond: Ref) -> WaitsOn:
    def ref(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Waiting:
        value = value_of(facts, item, concl, anc)
        if value is not None:
            return value, _NOTHING
        return None, frozenset({f"conclusion:{cond.conclusion}@{anc[cond.scope]}"})
    return ref


def _junction(parts: list[WaitsOn], decisive: bool) -> WaitsOn:
    """An `all` (decided by a false part: `decisive` False) or an `any` (by a true part)."""
    def junction(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Waiting:
        waiting: list[frozenset[str]] = []
        for part in parts:
            value, on = part(facts, item, concl, anc)
            if value is decisive:
                return decisive, _NOTHING
            if value is None:
                waiting.append(on)
        return (None, frozenset().union(*waiting)) if waiting else (not decisive, _NOTHING)
    return junction


def _quantified(body: WaitsOn, decisive: bool) -> WaitsOn:
    """Some offence (decided by a true element) or every offence (by a false one)."""
    def quantified(facts: Facts, item: Facts | None, concl: ConclusionValues, anc: dict[str, str]) -> Waiting:
        offences = concl_offences(facts)
        if offences is None:
            return None, frozenset({"offences"})
        waiting: list[frozenset[str]] = []
        for element in offences:
            value, on = body(facts, element, concl, anc)
            if value is decisive:
                return decisive, _NOTHING
            if value is None:
                waiting.append(on)
        if not waiting:
            return not decisive, _NOTHING
        return None, frozenset(f"offences[*].{f.split('.', 1)[1]}" for on in waiting for f in on)
    return quantified
