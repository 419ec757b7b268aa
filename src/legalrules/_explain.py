"""Why a rule held or did not: the facts that satisfied it, or the first condition that failed.

Walks the same NNF conditions the evaluators run, so an explanation can never
describe a different condition from the one that decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._catalog import CATALOG
from ._conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref
from ._native import ConclusionValues, Facts, concl_offences
from ._tristate import Tri


@dataclass(frozen=True)
class Evidence:
    """One condition, its outcome, and the fact value it read."""

    condition: str
    status: Tri
    fact: str | None = None
    value: Any = None
    known: bool = True


@dataclass
class Trace:
    """The outcome of a condition with what decided it."""

    value: Tri
    satisfied: list[Evidence] = field(default_factory=list)
    blocker: Evidence | None = None
    unknown_facts: set[str] = field(default_factory=set)


def _leaf(cond: Compare | Known | Ref, facts: Facts, item: Facts | None,
          concl: ConclusionValues, anc: dict[str, str], value: Tri) -> Trace:
    if isinstance(cond, Ref):
        read = concl.get((cond.conclusion, anc[cond.scope]))
        ev = Evidence(cond.text(), value, f"conclusion:{cond.conclusion}",
                      "undetermined" if read is None else read, read is not None)
        # The frame is kept so the caller can expand it into that conclusion's own facts.
        unknown = {f"conclusion:{cond.conclusion}@{anc[cond.scope]}"} if value is None else set()
    else:
        source = item if CATALOG[cond.fact].scope == "offence" else facts
        present = source is not None and cond.fact in source
        fact_value = source.get(cond.fact) if source is not None else None
        ev = Evidence(cond.text(), value, cond.fact, fact_value, present)
        unknown = {cond.fact} if value is None else set()
    if value is True:
        return Trace(True, [ev])
    return Trace(value, [], ev, unknown)


def trace(cond: Condition, facts: Facts, item: Facts | None, concl: ConclusionValues,
          anc: dict[str, str], evaluate: Any) -> Trace:
    """Explain an NNF condition; `evaluate(cond, item)` gives its value (the native check)."""
    if isinstance(cond, (Compare, Known, Ref)):
        return _leaf(cond, facts, item, concl, anc, evaluate(cond, item))
    if isinstance(cond, (All, AnyOf)):
        parts = [trace(part, facts, item, concl, anc, evaluate) for part in cond.items]
        value = evaluate(cond, item)
        result = Trace(value)
        if value is True:
            chosen = parts if isinstance(cond, All) else [p for p in parts if p.value is True][:1]
            for part in chosen:
                result.satisfied += part.satisfied
            return result
        failing = [p for p in parts if p.value is False]
        unknown = [p for p in parts if p.value is None]
        if isinstance(cond, All):
            result.blocker = (failing or unknown)[0].blocker
        else:
            result.blocker = (unknown or failing)[0].blocker
        if value is None:
            for part in unknown:
                result.unknown_facts |= part.unknown_facts
        return result
    if isinstance(cond, Quantified):
        value = evaluate(cond, item)
        offences = concl_offences(facts)
        if offences is None:
            ev = Evidence(cond.text(), None, "offences", None, False)
            return Trace(None, [], ev, {"offences"})
        parts = [trace(cond.body, facts, element, concl, anc, evaluate) for element in offences]
        result = Trace(value)
        label = "offences" if cond.mode == "all" else "an offence"
        if value is True:
            for index, part in enumerate(parts):
                if part.value is True:
                    result.satisfied += [Evidence(f"offences[{index}]: {e.condition}", True, e.fact, e.value)
                                         for e in part.satisfied]
                    if cond.mode == "any":
                        break
            return result
        wanted = None if value is None else False
        for index, part in enumerate(parts):
            if part.value is wanted or (cond.mode == "any" and part.value is None):
                if part.blocker is not None:
                    b = part.blocker
                    result.blocker = Evidence(f"offences[{index}]: {b.condition}", b.status, b.fact, b.value, b.known)
                    break
        if result.blocker is None:
            result.blocker = Evidence(f"no offence satisfies: {cond.body.text()}" if cond.mode == "any"
                                      else f"{label}: {cond.body.text()}", value, "offences", len(offences))
        if value is None:
            for part in parts:
                if part.value is None:
                    result.unknown_facts |= {f"offences[*].{f.split('.', 1)[1]}" if f.startswith("offence.") else f
                                             for f in part.unknown_facts}
        return result
    raise TypeError(f"not an NNF condition: {cond!r}")
