"""What the trainer's commands (what-if, diff, sweep, ask) share: one instant and one way to decide."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from ...case.instants import LOCAL_ZONE
from ...case.model import CaseFacts
from ...decision.model import Decision
from .common import AgeCounting, EngineChoice, HourReadingChoice, WeekendChoice, load_engine, parse_as_of, readings

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
EngineOpt = Annotated[EngineChoice, typer.Option("--engine", help="Which evaluator answers.")]


def decider(as_of: str | None, engine: EngineChoice, rulesets: Path | None, age_counting: AgeCounting,
            hour_reading: HourReadingChoice, weekends: WeekendChoice,
            holidays: Path | None) -> Callable[[CaseFacts], Decision]:
    """Evaluate cases with one engine, one set of readings and one instant (now, unless --as-of).

    Every decision a command compares is taken at the same instant, so only the facts differ.
    """
    moment: datetime = parse_as_of(as_of) or datetime.now(LOCAL_ZONE).replace(microsecond=0)
    loaded = load_engine(rulesets)
    chosen = readings(age_counting, hour_reading, weekends)

    def decide(case: CaseFacts) -> Decision:
        return loaded.evaluate(case, as_of=moment, engine=engine.value, interpretations=chosen,
                               holiday_file=holidays)
    return decide
