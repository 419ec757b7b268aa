"""Conditions as a pair of plain Python tests, for the bulk fast path (`engine.bulk`).

The frames path (`engine.codegen`) writes each NNF condition as one expression
over integers (0 false, 1 undetermined, 2 true), folding every node with a
comparison. Here a condition becomes two tests instead: `holds` (truthy when the
condition is certainly true) and `fails` (truthy when it is certainly false);
when neither is, the condition is undetermined. Both are built only from
Python's own short-circuiting `and`/`or`, so a rule stops reading facts as
soon as its value is settled, as a hand-written program would:

    holds(all of A, B)  = holds(A) and holds(B)    fails(all of A, B) = fails(A) or fails(B)
    holds(any of A, B)  = holds(A) or holds(B)     fails(any of A, B) = fails(A) and fails(B)

A conclusion's value is then `True if holds else (False if fails else None)`,
held in a local as Python's own True, False or None (what `Engine.values` returns).

Before writing, `fold` partially evaluates a condition on facts known when the
function is generated: the bulk function is specialised on the case's handling
organ and proceeding (see `engine.bulk`), so "handled by the procuratorate" is
settled once, not tested on every case, and a conclusion that no case of that
kind can change becomes a constant.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union, cast

from ..ruleformat.catalog import CATALOG, Value
from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from .codegen import OFFENCES_KEY

_PY_OP = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
_OPPOSITE = {"eq": "ne", "ne": "eq", "lt": "gte", "gte": "lt", "gt": "lte", "lte": "gt",
             "in": "not_in", "not_in": "in"}


class Unsupported(Exception):
    """A ruleset uses a fact, scope or reference the bulk path cannot read; the frames path serves it."""


@dataclass(frozen=True)
class Fixed:
    """A condition settled when the function is generated: True, False or None (undetermined)."""

    value: bool | None


@dataclass(frozen=True)
class Local:
    """A part of a condition computed once into a local (True, False or None) and read from there.

    `invariant`: the same for every interrogation of a case (computed once per case).
    """

    var: str
    invariant: bool


Folded = Union[Condition, Fixed, Local]
_TEST: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "lte": operator.le, "gt": operator.gt,
    "gte": operator.ge, "in": lambda a, b: a in b, "not_in": lambda a, b: a not in b,
}


def junction(kind: type[All] | type[AnyOf], parts: Iterable[Folded]) -> Folded:
    """An "all" or "any" of folded parts (which may hold `Fixed` and `Local` parts, as the writer reads them)."""
    return kind(tuple(cast("list[Condition]", list(parts))))


def fold(cond: Folded, known: Mapping[str, Value | None], fixed: Mapping[str, bool | None]) -> Folded:
    """`cond` with the facts in `known` (None: not given) and the conclusions in `fixed` settled.

    Kleene logic throughout: a comparison with a fact not given is undetermined; "all"
    fails if a part fails, holds if every part holds; "any" dually.
    """
    if isinstance(cond, Compare) and cond.fact in known:
        value = known[cond.fact]
        return Fixed(None if value is None else bool(_TEST[cond.op](value, cond.value)))
    if isinstance(cond, Known) and cond.fact in known:
        return Fixed((known[cond.fact] is not None) == cond.known)
    if isinstance(cond, Ref) and cond.conclusion in fixed:
        settled = fixed[cond.conclusion]
        return Fixed(None if settled is None else settled == cond.want)
    if isinstance(cond, (All, AnyOf)):
        return _fold_junction(cond, [fold(part, known, fixed) for part in cond.items])
    if isinstance(cond, Quantified):
        return Quantified(cond.mode, cond.collection, cast("Condition", fold(cond.body, known, fixed)))
    return cond


def _fold_junction(cond: All | AnyOf, parts: list[Folded]) -> Folded:
    """An "all" (or "any") of folded parts: settled if a part decides it, else the parts left."""
    decisive, neutral = (False, True) if isinstance(cond, All) else (True, False)
    if Fixed(decisive) in parts:
        return Fixed(decisive)
    left = [part for part in parts if part != Fixed(neutral)]
    if not left:
        return Fixed(neutral)
    if all(part == Fixed(None) for part in left):
        return Fixed(None)
    left = list(dict.fromkeys(left))  # a part said twice (after folding) is tested once
    if len(left) == 1:
        return left[0]
    return junction(type(cond), left)


def fold_rules(rules: list[Folded]) -> Folded:
    """A conclusion's folded rules, Kleene "or"-ed into one condition (a `Fixed` when settled)."""
    return _fold_junction(AnyOf(()), rules)


def substitute(cond: Folded, replace: Callable[[Folded], Local | None]) -> Folded:
    """`cond` with each part `replace` gives a Local for read from that local (outermost first).

    Quantifier bodies are left alone: they read each offence in turn.
    """
    found = replace(cond)
    if found is not None:
        return found
    if isinstance(cond, (All, AnyOf)):
        return junction(type(cond), (substitute(part, replace) for part in cond.items))
    return cond


def leaves(cond: Folded) -> list[Compare]:
    """The comparisons of a condition outside quantifier bodies, each time it appears."""
    if isinstance(cond, Compare):
        return [cond]
    if isinstance(cond, (All, AnyOf)):
        return [leaf for part in cond.items for leaf in leaves(part)]
    return []


class TestWriter:
    """Writes a condition's `holds` and `fails` tests against the models held in locals.

    `read(fact, item)` gives the expression reading a fact (None when unknown);
    constants that are not literals go into `namespace` under generated names.
    """

    def __init__(self, namespace: dict[str, Any], read: Callable[[str, str | None], str],
                 known: Mapping[str, Value | None]) -> None:
        self.namespace = namespace
        self.read = read
        self.known = known  # facts settled for every case this function serves (see `fold`)
        self.local: dict[str, str] = {}  # conclusion name -> the local (or literal) holding its value
        self.fixed: dict[str, bool | None] = {}  # conclusions settled at generation time
        self.seen: dict[Folded, str] = {}  # folded rules -> the local already holding their value
        self.counter = 0

    def constant(self, value: Any) -> str:
        if isinstance(value, (bool, int, str)):
            return repr(value)  # a literal compiles to a constant, faster than a global
        name = f"K{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def temp(self) -> str:
        self.counter += 1
        return f"_v{self.counter}"

    def value(self, cond: Folded) -> str:
        """The condition's value as True, False or None."""
        if isinstance(cond, Fixed):
            return repr(cond.value)
        if isinstance(cond, Local):
            return cond.var
        if isinstance(cond, Ref) and cond.want and cond.conclusion in self.local:
            return self.local[cond.conclusion]  # a conclusion's value is already True, False or None
        if (isinstance(cond, Compare) and cond.op == "eq" and cond.value is True
                and CATALOG[cond.fact].type == "bool"):
            return self.read(cond.fact, None)  # a bool fact is its own value (None: not given)
        if isinstance(cond, Compare) and not (isinstance(cond.value, bool) and CATALOG[cond.fact].type == "bool"):
            # Read once: unknown if not given, else the comparison itself (a bool).
            v = self.temp()
            return f"(None if ({v} := {self.read(cond.fact, None)}) is None else {self._operation(cond.op, v, cond)})"
        return f"(True if {self.holds(cond)} else (False if {self.fails(cond)} else None))"

    def holds(self, cond: Folded, item: str | None = None) -> str:
        """A test truthy exactly when `cond` is certainly true."""
        return self._test(cond, item, want=True)

    def fails(self, cond: Folded, item: str | None = None) -> str:
        """A test truthy exactly when `cond` is certainly false."""
        return self._test(cond, item, want=False)

    def _test(self, cond: Folded, item: str | None, want: bool) -> str:
        if isinstance(cond, Fixed):
            return str(cond.value is want)
        if isinstance(cond, Local):
            return cond.var if want else f"({cond.var} is False)"
        if isinstance(cond, Compare):
            return self._compare(cond, item, cond.op if want else _OPPOSITE[cond.op])
        if isinstance(cond, Known):
            return f"({self.read(cond.fact, item)} {'is not' if cond.known == want else 'is'} None)"
        if isinstance(cond, Ref):
            if cond.conclusion not in self.local:
                raise Unsupported(f"conclusion {cond.conclusion!r} read outside the function computing it")
            # A value is True, False or None: truthy exactly when True.
            var = self.local[cond.conclusion]
            return var if cond.want and want else f"({var} is {cond.want == want})"
        if isinstance(cond, (All, AnyOf)):
            # holds(all) and fails(any) need every part; the other two need one part.
            joiner = " and " if isinstance(cond, All) == want else " or "
            return "(" + joiner.join(self._test(part, item, want) for part in cond.items) + ")"
        if isinstance(cond, Quantified):
            if cond.collection != "offences":
                raise Unsupported(f"collection {cond.collection!r}")
            # "some item holds" holds if one does, fails if all fail (none: fails); "every item" dually.
            every = (cond.mode == "all") == want
            body = self._test(cond.body, "o", want)
            offences = self.read(OFFENCES_KEY, None)
            return f"({offences} is not None and {'all' if every else 'any'}({body} for o in {offences}))"
        raise TypeError(f"not an NNF condition: {cond!r}")

    def _compare(self, cond: Compare, item: str | None, op: str) -> str:
        """A test that the fact is known and `op` holds of it (an unknown fact passes neither test)."""
        read = self.read(cond.fact, item)
        if op == "in" and None not in _members(cond):
            return f"({read} in {self.constant(_members(cond))})"  # an unknown fact (None) is no member
        if op in ("eq", "ne") and isinstance(cond.value, bool) and CATALOG[cond.fact].type == "bool":
            # A bool fact is True, False or None: truthy exactly when True, else an identity test.
            wanted = (op == "eq") == cond.value
            return read if wanted else f"({read} is False)"
        if op == "eq" and cond.value is not None:
            return f"({read} == {self.constant(cond.value)})"  # None equals no known value
        v = self.temp()
        return f"(({v} := {read}) is not None and {self._operation(op, v, cond)})"

    def _operation(self, op: str, var: str, cond: Compare) -> str:
        """`var op value`, for a known (not None) `var`."""
        if op in ("in", "not_in"):
            return f"{var} {'in' if op == 'in' else 'not in'} {self.constant(_members(cond))}"
        return f"{var} {_PY_OP[op]} {self.constant(cond.value)}"


def _members(cond: Compare) -> frozenset[Value]:
    return frozenset(cond.value if isinstance(cond.value, tuple) else ())
