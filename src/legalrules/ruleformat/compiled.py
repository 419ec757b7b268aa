"""The intermediate form both evaluators run: rules with conditions in negation normal form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .catalog import Scope, Value
from .conditions import Condition
from .schema import ArticleIndex, ConclusionSpec, DeadlineException, DeadlineSpec, ExtensionOption, Instrument, Parameter


@dataclass(frozen=True)
class CompiledRule:
    """One (rule, conclusion) pair: the rule establishes the conclusion when `condition` holds."""

    id: str
    ruleset: str
    title: str
    citation: str
    also_cites: tuple[str, ...]
    quote: str
    reason: str
    conclusion: str
    scope: Scope
    condition: Condition
    file: str
    line: int | None
    interpretation: str | None
    parameters: tuple[str, ...]
    interpretation_zh: str | None = None


@dataclass(frozen=True)
class CompiledConclusion:
    """A conclusion, the rules establishing it, and the condition under which it is false.

    `false_condition` is the NNF of "no establishing rule holds"; the durable-rules
    adapter fires it as a rule, so both values come from the engine.
    """

    name: str
    spec: ConclusionSpec
    rules: tuple[CompiledRule, ...]
    false_condition: Condition


@dataclass(frozen=True)
class CompiledCompliance:
    """For an obligation: the condition on case facts that shows it was met."""

    obligation: str
    condition: Condition
    false_condition: Condition
    text: str


PeriodSpec = tuple[int, str]
"""A period as (amount, unit), unit one of hours, days, months: see `legaltime.periods.Period`."""


@dataclass(frozen=True)
class CompiledExtension:
    """An extension option: `adds` lengthens the period, `total` replaces it."""

    option: ExtensionOption
    citation: str
    adds: PeriodSpec | None
    total: PeriodSpec | None


@dataclass(frozen=True)
class CompiledDeadlineException:
    """An exception to a deadline, its case condition compiled (None: the event alone decides)."""

    spec: DeadlineException
    citation: str
    condition: Condition | None


@dataclass(frozen=True)
class CompiledDeadline:
    """A deadline rule: what starts it, its period, what meets it, its extensions and exceptions."""

    id: str
    ruleset: str
    spec: DeadlineSpec
    citation: str
    period: PeriodSpec
    period_parameter: str
    condition: Condition | None
    extensions: tuple[CompiledExtension, ...]
    exceptions: tuple[CompiledDeadlineException, ...]
    file: str
    line: int | None
    lead: PeriodSpec | None = None  # before_expiry's lead time


@dataclass(frozen=True)
class CompiledRuleset:
    """A loaded, checked, compiled ruleset: the unit both evaluators take."""

    instrument: Instrument
    version: str
    directory: Path
    parameters: dict[str, Parameter]
    parameter_values: dict[str, Value]
    conclusions: tuple[CompiledConclusion, ...]
    compliance: tuple[CompiledCompliance, ...]
    articles: ArticleIndex | None
    deadlines: tuple[CompiledDeadline, ...] = ()

    @property
    def id(self) -> str:
        """The ruleset id (`av_2014`)."""
        return self.instrument.id

    @property
    def rules(self) -> tuple[CompiledRule, ...]:
        """Every (rule, conclusion) pair, in evaluation order."""
        return tuple(rule for c in self.conclusions for rule in c.rules)

    def in_force_on(self, day: date) -> bool:
        """Whether the instrument was in force on `day` (both ends inclusive)."""
        until = self.instrument.effective_until
        return self.instrument.effective_from <= day and (until is None or day <= until)

    def window_text(self) -> str:
        """`in force from 2014-10-01` or `in force 1999-01-18 to 2012-12-31`."""
        until = self.instrument.effective_until
        start = self.instrument.effective_from.isoformat()
        return f"in force from {start}" if until is None else f"in force {start} to {until.isoformat()}"
