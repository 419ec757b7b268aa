"""Supersession chains: which instrument of a line (the CPL, the procuratorate's rules) governed on a day.

Each ruleset.yaml names its chain, what it supersedes and what superseded it: an
encoded ruleset by id, or an instrument the project does not encode (its text is not
among the sources) with its title and dates. `build_chains` checks that the links are
mutual and the windows meet day to day, and lays each chain out oldest first, so that a
decision can say, for any date, which instrument governed and whether it is encoded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .compiled import CompiledRuleset
from .schema import Bilingual, UnencodedInstrument
from ..errors import RulesetError

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class ChainEntry:
    """One instrument of a chain and its window; `ruleset` is None when it is not encoded."""

    instrument: str
    title: Bilingual
    document_number: str | None
    effective_from: date
    effective_until: date | None
    ruleset: str | None

    def covers(self, day: date) -> bool:
        """Whether the instrument was in force on `day` (both ends inclusive)."""
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def window_text(self) -> str:
        """`2013-01-01 to 2018-10-25` or `from 2018-10-26`."""
        start = self.effective_from.isoformat()
        return f"from {start}" if self.effective_until is None else f"{start} to {self.effective_until.isoformat()}"


@dataclass(frozen=True)
class InstrumentChain:
    """A line of instruments, oldest first, each ending the day before the next begins."""

    id: str
    title: Bilingual
    entries: tuple[ChainEntry, ...]

    def on(self, day: date) -> ChainEntry | None:
        """The instrument in force on `day`, or None before the first one known."""
        return next((entry for entry in self.entries if entry.covers(day)), None)


def _unencoded(item: UnencodedInstrument) -> ChainEntry:
    return ChainEntry(item.instrument, item.title, item.document_number,
                      item.effective_from, item.effective_until, None)


def _encoded(ruleset: CompiledRuleset) -> ChainEntry:
    meta = ruleset.instrument
    return ChainEntry(meta.id, meta.title, meta.document_number, meta.effective_from, meta.effective_until,
                      ruleset.id)


class _Checker:
    """Checks the links of every ruleset against the others, failing at the first wrong one."""

    def __init__(self, rulesets: Sequence[CompiledRuleset], partial: bool) -> None:
        self.by_id = {r.id: r for r in rulesets}
        self.partial = partial

    def fail(self, ruleset: CompiledRuleset, field: str, message: str) -> RulesetError:
        return RulesetError(str(ruleset.directory / "ruleset.yaml"), None, None, f"{field}: {message}")

    def chain_of(self, ruleset: CompiledRuleset) -> str:
        chain = ruleset.instrument.chain
        return ruleset.id if chain is None else chain.id

    def linked(self, ruleset: CompiledRuleset, field: str, target: str, back: str) -> CompiledRuleset | None:
        """The encoded ruleset `target` named in `field`, checked to name `ruleset` back and share its chain.

        None when it is not loaded and the set is partial (an engine built on some rulesets only).
        """
        other = self.by_id.get(target)
        if other is None and self.partial:
            return None
        if other is None:
            raise self.fail(ruleset, field, f"names {target!r}, which is not a loaded ruleset "
                            f"(loaded: {', '.join(sorted(self.by_id))}); name an instrument not encoded as "
                            "{instrument, title, effective_from, effective_until, basis}")
        if ruleset.id not in getattr(other.instrument, back):
            raise self.fail(ruleset, field, f"names {target!r}, but {target}'s {back} does not name {ruleset.id!r}")
        if self.chain_of(other) != self.chain_of(ruleset):
            raise self.fail(ruleset, "chain", f"{self.chain_of(ruleset)!r} differs from {target}'s "
                            f"{self.chain_of(other)!r}; linked rulesets belong to one chain")
        return other

    def entry(self, ruleset: CompiledRuleset, field: str, item: str | UnencodedInstrument,
              back: str) -> ChainEntry | None:
        """The chain entry a link names: a checked encoded ruleset, or an instrument not encoded."""
        if not isinstance(item, str):
            return _unencoded(item)
        other = self.linked(ruleset, field, item, back)
        return None if other is None else _encoded(other)

    def earlier(self, ruleset: CompiledRuleset) -> list[ChainEntry]:
        """What the ruleset supersedes, newest first, checked to meet day to day."""
        out: list[ChainEntry] = []
        begins = ruleset.instrument.effective_from
        for index, item in enumerate(ruleset.instrument.supersedes):
            field = f"supersedes[{index}]"
            if isinstance(item, str) and index:
                raise self.fail(ruleset, field, f"an encoded ruleset ({item!r}) may only come first; "
                                "it names its own predecessors")
            entry = self.entry(ruleset, field, item, "superseded_by")
            if entry is None:
                break
            if entry.effective_until is None or entry.effective_until + _DAY != begins:
                raise self.fail(ruleset, field, f"{entry.instrument} ends {entry.effective_until}, expected "
                                f"{begins - _DAY} (the day before the instrument after it begins, {begins})")
            out.append(entry)
            begins = entry.effective_from
        return out

    def later(self, ruleset: CompiledRuleset) -> list[ChainEntry]:
        """What superseded the ruleset, checked against its effective_until."""
        meta = ruleset.instrument
        if (meta.effective_until is None) != (not meta.superseded_by):
            raise self.fail(ruleset, "superseded_by", "an instrument with an effective_until was superseded "
                            "and names what replaced it; one in force (effective_until null) names nothing")
        out: list[ChainEntry] = []
        for index, item in enumerate(meta.superseded_by):
            field = f"superseded_by[{index}]"
            entry = self.entry(ruleset, field, item, "supersedes")
            if entry is None:
                break
            if index == 0 and meta.effective_until is not None and entry.effective_from != meta.effective_until + _DAY:
                raise self.fail(ruleset, field, f"{entry.instrument} begins {entry.effective_from}, expected "
                                f"{meta.effective_until + _DAY} (the day after {ruleset.id}'s effective_until)")
            out.append(entry)
        return out


def build_chains(rulesets: Sequence[CompiledRuleset], partial: bool = False) -> tuple[InstrumentChain, ...]:
    """Every chain the rulesets form, oldest instrument first; RulesetError on a broken link.

    `partial`: the rulesets are a selection (an engine built on some of them), so a link to
    one not loaded ends the chain there instead of being an error.
    """
    checker = _Checker(rulesets, partial)
    members: dict[str, list[CompiledRuleset]] = {}
    for ruleset in sorted(rulesets, key=lambda r: r.instrument.effective_from):
        members.setdefault(checker.chain_of(ruleset), []).append(ruleset)
    chains = []
    for chain_id, found in members.items():
        entries: list[ChainEntry] = []
        for position, ruleset in enumerate(found):
            earlier = checker.earlier(ruleset)
            if position == 0:
                entries += reversed(earlier)
            elif not earlier or earlier[0].ruleset != found[position - 1].id:
                raise checker.fail(ruleset, "supersedes", f"chain {chain_id!r} has {found[position - 1].id} "
                                   f"before {ruleset.id}; {ruleset.id} must name it first")
            entries.append(_encoded(ruleset))
            later = checker.later(ruleset)
            if position == len(found) - 1:
                entries += later
        named = found[0].instrument.chain
        title = named.title if named is not None else found[0].instrument.title
        chains.append(InstrumentChain(chain_id, title, tuple(entries)))
    return tuple(sorted(chains, key=lambda c: c.id))
