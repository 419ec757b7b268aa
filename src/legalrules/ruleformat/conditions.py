"""The condition language of rule `when` blocks: parsing, checking, and negation normal form.

    {all: [...]}  {any: [...]}  {not: C}
    {fact: suspect.blind, is: true}           is / eq / ne / lt / lte / gt / gte / in / not_in
    {fact: suspect.age_at_interrogation, lt: {param: age_of_majority}}
    {known: suspect.birth_date}  {unknown: ...}
    {conclusion: major_case}   {conclusion: major_case, is: false}
    {any_of: offences, where: C}  {all_of: offences, where: C}

Comparisons with an unknown fact are unknown; `known`/`unknown` are never
unknown. Negation is pushed to the leaves (`to_nnf`), which is sound in
three-valued (Kleene) logic and leaves both evaluators only positive tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from .catalog import COLLECTIONS, FactSpec, Scope, Value, fact_spec, visible_scopes

COMPARISONS = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in")
NEGATED_OP = {"eq": "ne", "ne": "eq", "lt": "gte", "gte": "lt", "gt": "lte", "lte": "gt",
              "in": "not_in", "not_in": "in"}
OP_TEXT = {"eq": "is", "ne": "is not", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=",
           "in": "is one of", "not_in": "is none of"}


@dataclass(frozen=True)
class Compare:
    """A base fact compared with a value (possibly a named parameter)."""

    fact: str
    op: str
    value: Value | tuple[Value, ...]
    param: str | None = None

    def text(self) -> str:
        shown = list(self.value) if isinstance(self.value, tuple) else self.value
        value = f"{shown!r}" if self.param is None else f"{self.param} ({shown!r})"
        return f"{self.fact} {OP_TEXT[self.op]} {value}".replace("True", "true").replace("False", "false")


@dataclass(frozen=True)
class Known:
    """Whether a base fact was given at all."""

    fact: str
    known: bool = True

    def text(self) -> str:
        return f"{self.fact} is {'known' if self.known else 'unknown'}"


@dataclass(frozen=True)
class Ref:
    """A conclusion of the same ruleset, required to be true (or false)."""

    conclusion: str
    scope: Scope
    want: bool = True

    def text(self) -> str:
        return f"conclusion {self.conclusion} is {'true' if self.want else 'false'}"


@dataclass(frozen=True)
class All:
    """Every part holds."""

    items: tuple[Condition, ...]

    def text(self) -> str:
        return "all of: " + "; ".join(item.text() for item in self.items)


@dataclass(frozen=True)
class AnyOf:
    """At least one part holds."""

    items: tuple[Condition, ...]

    def text(self) -> str:
        return "any of: " + "; ".join(item.text() for item in self.items)


@dataclass(frozen=True)
class Not:
    """The part does not hold (removed by `to_nnf`)."""

    item: Condition

    def text(self) -> str:
        return f"not ({self.item.text()})"


@dataclass(frozen=True)
class Quantified:
    """Some (`any`) or every (`all`) item of a collection satisfies the body."""

    mode: str
    collection: str
    body: Condition

    def text(self) -> str:
        quantifier = "some item" if self.mode == "any" else "every item"
        return f"{quantifier} of {self.collection}: {self.body.text()}"


Condition = Union[Compare, Known, Ref, All, AnyOf, Not, Quantified]


class ConditionError(Exception):
    """A condition that does not parse or check; carries the offending fragment."""


@dataclass(frozen=True)
class ParseContext:
    """What a condition may refer to: scope, conclusions, parameters."""

    scope: Scope
    conclusions: Mapping[str, Scope]
    parameters: Mapping[str, Value]
    collection: str | None = None


def _check_value(fact: str, op: str, value: Any, ftype: str, allowed: tuple[str, ...]) -> None:
    values = value if op in ("in", "not_in") else (value,)
    for item in values:
        if ftype == "bool" and not isinstance(item, bool):
            raise ConditionError(f"{fact} is true/false; received {item!r} ({type(item).__name__})")
        if ftype == "number" and (isinstance(item, bool) or not isinstance(item, (int, float))):
            raise ConditionError(f"{fact} is a number; received {item!r}")
        if ftype == "enum" and item not in allowed:
            raise ConditionError(f"{fact} is one of {list(allowed)}; received {item!r}")
    if ftype in ("bool", "enum") and op in ("lt", "lte", "gt", "gte"):
        raise ConditionError(f"{fact} is {ftype}: '{op}' is not meaningful; use is/eq/ne/in")


def _resolve_fact(fact: Any, ctx: ParseContext) -> FactSpec:
    spec = fact_spec(fact) if isinstance(fact, str) else None
    if spec is None:
        raise ConditionError(f"unknown fact {fact!r} (not in the fact catalogue; see `legalrules facts`)")
    if spec.scope == "offence":
        if ctx.collection != "offences":
            raise ConditionError(f"{fact} is an offence fact: test it inside any_of/all_of: offences")
    elif spec.scope not in visible_scopes(ctx.scope):
        raise ConditionError(f"{fact} belongs to scope {spec.scope!r}, not visible from a {ctx.scope!r} rule")
    return spec


def _parse_compare(raw: Mapping[str, Any], ctx: ParseContext) -> Compare:
    fact = raw["fact"]
    ops = [key for key in raw if key != "fact"]
    if len(ops) != 1 or ops[0] not in (*COMPARISONS, "is"):
        raise ConditionError(
            f"a fact test takes exactly one of is/{'/'.join(COMPARISONS)}; received keys {sorted(raw)}"
        )
    op = "eq" if ops[0] == "is" else ops[0]
    spec = _resolve_fact(fact, ctx)
    value = raw[ops[0]]
    param = None
    if isinstance(value, Mapping):
        if set(value) != {"param"}:
            raise ConditionError(f"a value is a literal or {{param: NAME}}; received {dict(value)!r}")
        param = value["param"]
        if not isinstance(param, str) or param not in ctx.parameters:
            raise ConditionError(f"unknown parameter {param!r}; declared: {sorted(ctx.parameters)}")
        value = ctx.parameters[param]
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"'{op}' takes a non-empty list; received {value!r}")
        value = tuple(value)
    _check_value(fact, op, value, spec.type, spec.values)
    return Compare(fact, op, value, param)


def parse_condition(raw: Any, ctx: ParseContext) -> Condition:
    """Parse and check one condition; raise ConditionError naming what is wrong."""
    if not isinstance(raw, Mapping) or not raw:
        raise ConditionError(f"a condition is a mapping; received {raw!r}")
    keys = set(raw)
    if keys in ({"all"}, {"any"}):
        key = next(iter(keys))
        items = raw[key]
        if not isinstance(items, list) or not items:
            raise ConditionError(f"'{key}' takes a non-empty list; received {items!r}")
        parsed = tuple(parse_condition(item, ctx) for item in items)
        return All(parsed) if key == "all" else AnyOf(parsed)
    if keys == {"not"}:
        return Not(parse_condition(raw["not"], ctx))
    if "fact" in keys:
        return _parse_compare(raw, ctx)
    if keys in ({"known"}, {"unknown"}):
        key = next(iter(keys))
        spec = _resolve_fact(raw[key], ctx)
        return Known(spec.name, key == "known")
    if "conclusion" in keys and keys <= {"conclusion", "is"}:
        name = raw["conclusion"]
        if not isinstance(name, str):
            raise ConditionError(f"a conclusion reference names one conclusion; received {name!r}")
        want = raw.get("is", True)
        if not isinstance(want, bool):
            raise ConditionError(f"a conclusion is true or false; received is: {want!r}")
        if name not in ctx.conclusions:
            raise ConditionError(f"unknown conclusion {name!r}; declared: {sorted(ctx.conclusions)}")
        if ctx.collection is not None:
            raise ConditionError("conclusions cannot be tested inside any_of/all_of")
        scope = ctx.conclusions[name]
        if scope not in visible_scopes(ctx.scope):
            raise ConditionError(f"conclusion {name!r} has scope {scope!r}, not visible from a {ctx.scope!r} rule")
        return Ref(name, scope, want)
    if keys in ({"any_of", "where"}, {"all_of", "where"}):
        key = "any_of" if "any_of" in keys else "all_of"
        collection = raw[key]
        if not isinstance(collection, str) or collection not in COLLECTIONS:
            raise ConditionError(f"'{key}' ranges over one of {list(COLLECTIONS)}; received {collection!r}")
        if ctx.collection is not None:
            raise ConditionError("quantifiers do not nest")
        inner = ParseContext(ctx.scope, ctx.conclusions, ctx.parameters, collection)
        return Quantified(key[:3], collection, parse_condition(raw["where"], inner))
    raise ConditionError(
        "a condition has one of the forms all/any/not/fact/known/unknown/conclusion/any_of/all_of; "
        f"received keys {sorted(keys)}"
    )


def to_nnf(cond: Condition, negate: bool = False) -> Condition:
    """Push negations to the leaves (De Morgan, quantifier duality, flipped comparisons)."""
    if isinstance(cond, Not):
        return to_nnf(cond.item, not negate)
    if isinstance(cond, All):
        items = tuple(to_nnf(item, negate) for item in cond.items)
        return AnyOf(items) if negate else All(items)
    if isinstance(cond, AnyOf):
        items = tuple(to_nnf(item, negate) for item in cond.items)
        return All(items) if negate else AnyOf(items)
    if isinstance(cond, Quantified):
        mode = {"any": "all", "all": "any"}[cond.mode] if negate else cond.mode
        return Quantified(mode, cond.collection, to_nnf(cond.body, negate))
    if not negate:
        return cond
    if isinstance(cond, Compare):
        return Compare(cond.fact, NEGATED_OP[cond.op], cond.value, cond.param)
    if isinstance(cond, Known):
        return Known(cond.fact, not cond.known)
    return Ref(cond.conclusion, cond.scope, not cond.want)


def referenced_conclusions(cond: Condition) -> set[str]:
    """Names of the conclusions a condition reads."""
    if isinstance(cond, Ref):
        return {cond.conclusion}
    if isinstance(cond, (All, AnyOf)):
        return set().union(*(referenced_conclusions(item) for item in cond.items))
    if isinstance(cond, Not):
        return referenced_conclusions(cond.item)
    if isinstance(cond, Quantified):
        return referenced_conclusions(cond.body)
    return set()


def referenced_facts(cond: Condition) -> set[str]:
    """Names of the base facts a condition reads."""
    if isinstance(cond, (Compare, Known)):
        return {cond.fact}
    if isinstance(cond, (All, AnyOf)):
        return set().union(*(referenced_facts(item) for item in cond.items))
    if isinstance(cond, Not):
        return referenced_facts(cond.item)
    if isinstance(cond, Quantified):
        return referenced_facts(cond.body)
    return set()
