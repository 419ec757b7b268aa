"""The parts of the bulk function (`engine.bulk`) computed once: per case, per interrogation, per engine.

A `_Scope` holds one ruleset's conclusions of one scope, folded (`bulk_expr.fold`).
It finds what is the same for every interrogation of a case (`invariant`) and what
several rules read, and has those computed into locals once; `Keys` holds each
subject's `out` keys, made once per engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..ruleformat.catalog import CATALOG
from ..ruleformat.compiled import CompiledConclusion
from ..ruleformat.conditions import All, AnyOf, Compare, Known, Quantified, Ref
from .bulk_expr import Fixed, Folded, Local, TestWriter, fold, fold_rules, junction, leaves, substitute

# A comparison made this often in one scope's rules is computed once into a local.
SHARED_USES = 3
_CASE_LEVEL = ("case", "offence")  # fact scopes the same for every interrogation of a case

Key = tuple[str, str, str]


class Keys(dict[Any, tuple[tuple[Key, ...], dict[Key, "bool | None"]]]):
    """One ruleset's `out` keys on a subject, by the subject's index, each made once.

    For each index: the keys of the conclusions computed per case, in order, and the
    values of those settled when the function was generated, keyed already (so they are
    copied into `out` with their hashes, in one call).
    """

    def __init__(self, ruleset_id: str, names: list[str], settled: dict[str, bool | None]) -> None:
        super().__init__()
        self.ruleset_id, self.names, self.settled = ruleset_id, names, settled

    def __missing__(self, index: int | tuple[int, int]) -> tuple[tuple[Key, ...], dict[Key, bool | None]]:
        subject = (f"interrogations[{index}]" if isinstance(index, int)
                   else f"interrogations[{index[0]}].interruptions[{index[1]}]")
        found = (tuple((self.ruleset_id, name, subject) for name in self.names),
                 {(self.ruleset_id, name, subject): value for name, value in self.settled.items()})
        self[index] = found  # a race makes equal ones twice: harmless
        return found


def case_invariant(cond: Folded, names: set[str]) -> bool:
    """Whether a condition is the same for every interrogation of a case (`names`: conclusions that are)."""
    if isinstance(cond, Fixed):
        return True
    if isinstance(cond, Local):
        return cond.invariant
    if isinstance(cond, Ref):
        return cond.conclusion in names
    if isinstance(cond, (Compare, Known)):
        return CATALOG[cond.fact].scope in _CASE_LEVEL
    if isinstance(cond, (All, AnyOf)):
        return all(case_invariant(part, names) for part in cond.items)
    if isinstance(cond, Quantified):
        return case_invariant(cond.body, names)
    raise TypeError(f"not an NNF condition: {cond!r}")


class Scope:
    """One ruleset's conclusions of one scope, folded, with the parts several of them read shared."""

    def __init__(self, writer: TestWriter, prefix: str, conclusions: list[CompiledConclusion],
                 may_fix: bool = True) -> None:
        self.writer, self.prefix, self.conclusions = writer, prefix, conclusions
        self.per_case = not may_fix  # the case scope: computed once per case anyway
        self.folded: dict[str, Folded] = {}
        for conclusion in conclusions:
            folded = fold_rules([fold(rule.condition, writer.known, writer.fixed) for rule in conclusion.rules])
            if isinstance(folded, Fixed) and may_fix:
                writer.fixed[conclusion.name] = folded.value
                writer.local[conclusion.name] = repr(folded.value)
            self.folded[conclusion.name] = folded

    def hoistable(self, invariant: set[str]) -> list[str]:
        """The conclusions the same for every interrogation of a case, in order; adds them to `invariant`."""
        found = []
        for conclusion in self.conclusions:
            if case_invariant(self.folded[conclusion.name], invariant):
                found.append(conclusion.name)
                invariant.add(conclusion.name)
        return found

    def share(self, invariant: set[str], once: list[str], each: list[str], skip: Sequence[str] = ()) -> None:
        """Compute parts of the rules into locals: case-level ones into `once`, the rest into `each`.

        In a scope computed per interrogation, every part the same for all of a case's
        interrogations (a test over the offences, a group of case facts) is computed once
        per case. A comparison made `SHARED_USES` times (other than a bool fact's, itself a
        read) and, in the case scope, a test over the offences made twice are computed once.
        The conclusions in `skip` are computed whole, once per case, and are left as they are.
        """
        open_ = {name: cond for name, cond in self.folded.items() if name not in skip}
        if not self.per_case:
            open_ = {name: _group_invariant(cond, invariant) for name, cond in open_.items()}
        counts = Counter(part for cond in open_.values() for part in [*leaves(cond), *_quantifiers(cond)])
        made: dict[Folded, Local] = {}

        def worth(part: Folded) -> bool:
            compared = isinstance(part, Compare) and not _bool_read(part)
            if self.per_case:
                return (isinstance(part, Quantified) and counts[part] >= 2) or (compared and counts[part] >= SHARED_USES)
            if case_invariant(part, invariant):
                return compared or isinstance(part, (Quantified, All, AnyOf))
            return compared and counts[part] >= SHARED_USES and CATALOG[part.fact].scope == "interrogation"  # type: ignore[union-attr]

        def replace(part: Folded) -> Local | None:
            if part not in made:
                if not worth(part):
                    return None
                made[part] = Local(self.prefix + self.writer.temp(), case_invariant(part, invariant))
                (once if made[part].invariant else each).append(f"{made[part].var} = {self.writer.value(part)}")
            return made[part]

        self.folded.update({name: substitute(cond, replace) for name, cond in open_.items()})

    def compute(self, name: str) -> str:
        """The line computing a conclusion into a local, or "" if it is a literal or shares one."""
        writer = self.writer
        if name in writer.local:
            return ""
        folded = self.folded[name]
        if folded in writer.seen:
            writer.local[name] = writer.seen[folded]
            return ""
        var = f"{self.prefix}{len(writer.local)}"
        writer.local[name] = writer.seen[folded] = var
        return f"{var} = {writer.value(folded)}"

    def stores(self, ruleset_id: str, table: str, index: str) -> list[str]:
        """Lines storing every conclusion's value in `out` (computing those not yet computed).

        `table` names the `Keys` of this scope, put in the function's globals; `index`
        is the subject's index there.
        """
        fixed = self.writer.fixed
        names = [c.name for c in self.conclusions if c.name not in fixed]
        settled = {c.name: fixed[c.name] for c in self.conclusions if c.name in fixed}
        self.writer.namespace[table] = Keys(ruleset_id, names, settled)
        lines = [f"ks, settled = {table}[{index}]", "out.update(settled)" if settled else ""]
        for position, name in enumerate(names):
            lines.append(self.compute(name))
            lines.append(f"out[ks[{position}]] = {self.writer.local[name]}")
        return [line for line in lines if line]


def _group_invariant(cond: Folded, invariant: set[str]) -> Folded:
    """`cond` with the parts of each "all"/"any" that are the same for every interrogation grouped together.

    Kleene "and" and "or" are associative and commutative, so grouping them changes no
    value; the group can then be computed once per case (`Scope.share`).
    """
    if not isinstance(cond, (All, AnyOf)) or case_invariant(cond, invariant):
        return cond
    fixed = [part for part in cond.items if case_invariant(part, invariant)]
    varying = [_group_invariant(part, invariant) for part in cond.items if not case_invariant(part, invariant)]
    if len(fixed) >= 2:
        return junction(type(cond), [junction(type(cond), fixed), *varying])
    return junction(type(cond), [*fixed, *varying])


def _bool_read(part: Compare) -> bool:
    """Whether a comparison is a bool fact tested for true or false: as cheap as a local."""
    return isinstance(part.value, bool) and part.op in ("eq", "ne") and CATALOG[part.fact].type == "bool"


def _quantifiers(cond: Folded) -> list[Quantified]:
    if isinstance(cond, Quantified):
        return [cond]
    if isinstance(cond, (All, AnyOf)):
        return [q for part in cond.items for q in _quantifiers(part)]
    return []
