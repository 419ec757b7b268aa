"""What the trainer's commands (what-if, diff, sweep, ask) share: one instant and one way to decide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from ...case.instants import LOCAL_ZONE
from ...case.model import CaseFacts
from ...decision.model import Decision
from ...documents.subjects import SubjectNames
from ...documents.vocabulary import Vocabulary
from ...engine.evaluate import Engine
from ...interpretations import Interpretations
from .common import AgeCounting, EngineChoice, HourReadingChoice, WeekendChoice, load_engine, parse_as_of, readings
from .scenario_words import Reader

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
EngineOpt = Annotated[EngineChoice, typer.Option("--engine", help="Which evaluator answers.")]


@dataclass
class Decider:
    """Evaluates cases with one engine, one set of readings and one instant; keeps the decisions
    it took, in order (a sweep's points), and words them for a reader."""

    loaded: Engine
    moment: datetime
    engine: EngineChoice
    chosen: Interpretations
    holidays: Path | None
    seen: list[Decision] = field(default_factory=list)

    def __call__(self, case: CaseFacts) -> Decision:
        decision = self.loaded.evaluate(case, as_of=self.moment, engine=self.engine.value,
                                        interpretations=self.chosen, holiday_file=self.holidays)
        self.seen.append(decision)
        return decision

    def reader(self, lang: Literal["zh", "en"], case: CaseFacts | None, decisions: Sequence[Decision],
               also: CaseFacts | None = None) -> Reader:
        """The words of these rulesets in `lang`, the case's names for its items (`also`'s for the items
        only it has), and the decisions to name from."""
        return Reader(Vocabulary.of(self.loaded.all_rulesets, lang), SubjectNames(case, lang, also), decisions)


def decider(as_of: str | None, engine: EngineChoice, rulesets: Path | None, age_counting: AgeCounting,
            hour_reading: HourReadingChoice, weekends: WeekendChoice, holidays: Path | None) -> Decider:
    """Evaluate cases with one engine, one set of readings and one instant (now, unless --as-of).

    Every decision a command compares is taken at the same instant, so only the facts differ.
    """
    moment: datetime = parse_as_of(as_of) or datetime.now(LOCAL_ZONE).replace(microsecond=0)
    return Decider(load_engine(rulesets), moment, engine, readings(age_counting, hour_reading, weekends), holidays)
