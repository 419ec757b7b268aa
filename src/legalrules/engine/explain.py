"""Why a rule held or did not: the facts that satisfied it, or the first condition that failed.

Walks the same NNF conditions the evaluators run, bottom-up, so an explanation
can never describe a different condition from the one that decided. Leaves are
evaluated by the native closures; junctions and quantifiers fold their parts'
values with the same Kleene operations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..ruleformat.catalog import CATALOG
from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from .native import ConclusionValues, Facts, concl_offences
from ..decision.tristate import Tri, tri_and, tri_or

LeafCheck = Callable[[Condition], Callable[..., Tri]]


@dataclass(slots=True)  # not frozen: a JSON decision makes thousands, and a frozen one sets each field by a call
class Evidence:
    """One condition, its outcome, and the fact value it read; the text is built only if shown (never changed)."""

    cond: Condition
    status: Tri
    fact: str | None = None
    value: Any = None
    known: bool = True
    prefix: str = ""

    @property
    def condition(self) -> str:
        """The condition in words (`suspect.blind is true`), with its offence if any."""
        return self.prefix + self.cond.text()


@dataclass(slots=True)
class Trace:
    """The outcome of a condition with what decided it."""

    value: Tri
    satisfied: list[Evidence] = field(default_factory=list)
    blocker: Evidence | None = None
    unknown_facts: set[str] = field(default_factory=set)


def _leaf(cond: Compare | Known | Ref, facts: Facts, item: Facts | None,
          concl: ConclusionValues, anc: dict[str, str], check: LeafCheck) -> Trace:
    value = check(cond)(facts, item, concl, anc)
    if isinstance(cond, Ref):
        read = concl.get((cond.conclusion, anc[cond.scope]))
        ev = Evidence(cond, value, f"conclusion:{cond.conclusion}",
                      "undetermined" if read is None else read, read is not None)
        # The frame is kept so the caller can expand it into that conclusion's own facts.
        unknown = {f"conclusion:{cond.conclusion}@{anc[cond.scope]}"} if value is None else set()
    else:
        source = item if CATALOG[cond.fact].scope == "offence" else facts
        present = source is not None and cond.fact in source
        fact_value = source.get(cond.fact) if source is not None else None
        ev = Evidence(cond, value, cond.fact, fact_value, present)
        unknown = {cond.fact} if value is None else set()
    if value is True:
        return Trace(True, [ev])
    return Trace(value, [], ev, unknown)


def _junction(cond: All | AnyOf, parts: list[Trace]) -> Trace:
    is_all = isinstance(cond, All)
    value = (tri_and if is_all else tri_or)(part.value for part in parts)
    result = Trace(value)
    if value is True:
        chosen = parts if is_all else [p for p in parts if p.value is True][:1]
        for part in chosen:
            result.satisfied += part.satisfied
        return result
    failing = [p for p in parts if p.value is False]
    unknown = [p for p in parts if p.value is None]
    result.blocker = ((failing or unknown) if is_all else (unknown or failing))[0].blocker
    if value is None:
        for part in unknown:
            result.unknown_facts |= part.unknown_facts
    return result


def _quantified(cond: Quantified, facts: Facts, concl: ConclusionValues,
                anc: dict[str, str], check: LeafCheck) -> Trace:
    offences = concl_offences(facts)
    if offences is None:
        return Trace(None, [], Evidence(cond, None, "offences", None, False), {"offences"})
    parts = [trace(cond.body, facts, element, concl, anc, check) for element in offences]
    value = (tri_or if cond.mode == "any" else tri_and)(part.value for part in parts)
    result = Trace(value)
    if value is True:
        for index, part in enumerate(parts):
            if part.value is True:
                result.satisfied += [Evidence(e.cond, True, e.fact, e.value, prefix=f"offences[{index}]: ")
                                     for e in part.satisfied]
                if cond.mode == "any":
                    break
        return result
    for index, part in enumerate(parts):
        # The blocker of a false result is a false element; of an undetermined one, an unknown.
        if part.value is value and part.blocker is not None:
            b = part.blocker
            result.blocker = Evidence(b.cond, b.status, b.fact, b.value, b.known, prefix=f"offences[{index}]: ")
            break
    if result.blocker is None:  # no offences at all, or none blocks on its own
        result.blocker = Evidence(cond, value, "offences", len(offences))
    if value is None:
        for part in parts:
            if part.value is None:
                result.unknown_facts |= {f"offences[*].{f.split('.', 1)[1]}" for f in part.unknown_facts}
    return result


def trace(cond: Condition, facts: Facts, item: Facts | None, concl: ConclusionValues,
          anc: dict[str, str], check: LeafCheck) -> Trace:
    """Explain an NNF condition; `check(leaf)` gives the native closure for a leaf."""
    if isinstance(cond, (Compare, Known, Ref)):
        return _leaf(cond, facts, item, concl, anc, check)
    if isinstance(cond, (All, AnyOf)):
        return _junction(cond, [trace(part, facts, item, concl, anc, check) for part in cond.items])
    if isinstance(cond, Quantified):
        return _quantified(cond, facts, concl, anc, check)
    raise TypeError(f"not an NNF condition: {cond!r}")


def undetermined_by(cond: Condition, facts: Facts, item: Facts | None, concl: ConclusionValues,
                    anc: dict[str, str], check: LeafCheck) -> tuple[Tri, set[str]]:
    """A condition's value and, when undetermined, the facts it waits on: `trace` without the evidence.

    A decision names these facts (its deciding facts) at once, while the rest of an
    explanation is built only when read; this walk finds the same set as
    `trace(...).unknown_facts` (a test holds the lazy and eager decisions equal).
    """
    if isinstance(cond, (Compare, Known, Ref)):
        value = check(cond)(facts, item, concl, anc)
        if value is not None:
            return value, set()
        if isinstance(cond, Ref):
            return None, {f"conclusion:{cond.conclusion}@{anc[cond.scope]}"}
        return None, {cond.fact}
    if isinstance(cond, (All, AnyOf)):
        parts = [undetermined_by(part, facts, item, concl, anc, check) for part in cond.items]
        value = (tri_and if isinstance(cond, All) else tri_or)(part[0] for part in parts)
        return value, (set().union(*(part[1] for part in parts if part[0] is None)) if value is None else set())
    if isinstance(cond, Quantified):
        offences = concl_offences(facts)
        if offences is None:
            return None, {"offences"}
        found = [undetermined_by(cond.body, facts, element, concl, anc, check) for element in offences]
        value = (tri_or if cond.mode == "any" else tri_and)(part[0] for part in found)
        if value is not None:
            return value, set()
        return None, {f"offences[*].{f.split('.', 1)[1]}" for part in found if part[0] is None for f in part[1]}
    raise TypeError(f"not an NNF condition: {cond!r}")
