"""`legalrules diff`: what differs between the decisions on two case files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...variations.compare import DecisionDiff, compare
from ...variations.overrides import load_case_with
from ...variations.words import diff_text
from ...documents.safe_text import json_safe
from .common import (AgeCounting, AgeOpt, AsOf, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice, RulesetsOpt,
                     WeekendChoice, WeekendOpt, run_and_print)
from .deciding import EngineOpt, JsonOpt, decider

FileArg = Annotated[Path, typer.Argument(show_default=False, help="A case file (YAML or JSON).")]


def diff(
    before: FileArg,
    after: FileArg,
    as_json: JsonOpt = False,
    as_of: AsOf = None,
    engine: EngineOpt = EngineChoice.both,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """What differs between two case files' decisions: flipped conclusions, moved deadlines, violations."""
    def run() -> DecisionDiff:
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        first, second = load_case_with(before), load_case_with(after)  # both validated before either is evaluated
        return compare(decide(first), decide(second), str(before), str(after), cases=(first, second))
    def shown() -> str:  # rendering runs under the guard too
        result = run()
        return (json_safe(result.model_dump_json(indent=2)) if as_json else diff_text(result).rstrip("\n")) + "\n"
    run_and_print(shown, as_json)
