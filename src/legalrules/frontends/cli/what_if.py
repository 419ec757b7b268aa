"""`legalrules what-if`: what changes in a case's decision when facts are overridden with --set."""

from __future__ import annotations

import typer

from ...errors import InputError
from ...variations.compare import DecisionDiff, compare
from ...variations.overrides import load_case_with, parse_override
from ...variations.words import diff_text
from ...documents.safe_text import json_safe
from .common import (AgeCounting, AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     RulesetsOpt, SetOpt, WeekendChoice, WeekendOpt, run_and_print)
from .deciding import EngineOpt, JsonOpt, decider


def what_if(
    case_file: CaseArg,
    overrides: SetOpt = None,
    as_json: JsonOpt = False,
    as_of: AsOf = None,
    engine: EngineOpt = EngineChoice.both,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """What changes if facts were different: flipped conclusions (rule and fact), moved deadlines, violations."""
    def run() -> DecisionDiff:
        if not overrides:
            raise InputError("what-if: received no --set; expected at least one --set PATH=VALUE")
        changes = [parse_override(text).text for text in overrides]
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        original, changed = load_case_with(case_file), load_case_with(case_file, changes)
        return compare(decide(original), decide(changed), str(case_file), f"{case_file} with --set", changes,
                       cases=(original, changed))
    def shown() -> str:  # rendering runs under the guard too
        diff = run()
        return (json_safe(diff.model_dump_json(indent=2)) if as_json else diff_text(diff).rstrip("\n")) + "\n"
    run_and_print(shown, as_json)
