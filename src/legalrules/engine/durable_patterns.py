"""Conditions as durable-rules JSON patterns: pure translation, no durable-rules import.

`engine/durable.py` builds its Rete networks from these; keeping the translation apart lets
it be read (and tested) without the C extension, and keeps the adapter under one concept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref


def prop_name(fact: str) -> str:
    # durable-rules reads dots as nesting; the catalogue's names are flat.
    return fact.replace(".", "__")


def leaf_json(cond: Compare | Known) -> dict[str, Any]:
    prop = prop_name(cond.fact)
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


def gates(cond: Condition) -> int:
    """How many `$and`/`$or` nodes a join-free condition becomes in a pattern."""
    if isinstance(cond, Compare):
        many = cond.op in ("in", "not_in") and isinstance(cond.value, tuple) and len(cond.value) > 0
        return 1 if many else 0
    if isinstance(cond, (All, AnyOf)):
        return 1 + sum(gates(part) for part in cond.items)
    return 0


def frame_json(cond: Condition) -> dict[str, Any]:
    """A condition on one fact's own properties (no conclusions, no quantifiers)."""
    if isinstance(cond, (Compare, Known)):
        return leaf_json(cond)
    if isinstance(cond, All):
        return {"$and": [frame_json(part) for part in cond.items]}
    if isinstance(cond, AnyOf):
        return {"$or": [frame_json(part) for part in cond.items]}
    raise TypeError(f"not a single-fact condition: {cond!r}")


@dataclass(frozen=True)
class CountZero:
    """The collection is known and empty (what makes "every item" vacuously true)."""

    collection: str


Atom = Ref | Quantified | CountZero
Alternative = tuple[list[Condition], list[Atom]]


def needs_join(cond: Condition) -> bool:
    if isinstance(cond, (Ref, Quantified)):
        return True
    if isinstance(cond, (All, AnyOf)):
        return any(needs_join(part) for part in cond.items)
    return False


def alternatives(cond: Condition) -> list[Alternative]:
    """The condition as a disjunction of (frame tests, joined atoms) conjunctions.

    Atoms are conclusion references and quantifiers, which durable-rules sees as
    other facts; only the parts that contain them are multiplied out, a subtree
    without them stays one frame test.
    """
    if not needs_join(cond):
        return [([cond], [])]
    if isinstance(cond, Ref):
        return [([], [cond])]
    if isinstance(cond, Quantified):
        if cond.mode == "any":
            return [([], [cond])]
        return [([], [CountZero(cond.collection)]), ([], [cond])]
    if isinstance(cond, AnyOf):
        return [alt for part in cond.items for alt in alternatives(part)]
    assert isinstance(cond, All)
    combined: list[Alternative] = [([], [])]
    for part in cond.items:
        combined = [(a[0] + b[0], a[1] + b[1]) for a in combined for b in alternatives(part)]
    return combined
