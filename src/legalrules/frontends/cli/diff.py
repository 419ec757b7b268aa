"""`legalrules diff`: what differs between the decisions on two case files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...variations.compare import compare
from ...variations.overrides import load_case_with
from ...documents.safe_text import json_safe
from .common import (AgeCounting, AgeOpt, AsOf, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice, RulesetsOpt,
                     WeekendChoice, WeekendOpt, run_and_print)
from .deciding import EngineOpt, JsonOpt, decider
from .language import LangOpt, chosen_lang
from .scenario_words import diff_text

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
    lang: LangOpt = None,
) -> None:
    """What differs between two case files' decisions: flipped conclusions, moved deadlines, violations."""
    language = chosen_lang(lang)

    def shown() -> str:  # rendering runs under the guard too
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        first, second = load_case_with(before), load_case_with(after)  # both validated before either is evaluated
        old, new = decide(first), decide(second)
        result = compare(old, new, str(before), str(after), cases=(first, second))
        if as_json:
            return json_safe(result.model_dump_json(indent=2)) + "\n"
        # Items by the second file's ids (the changes are read as what the case became), else the first's.
        return diff_text(result, decide.reader(language, second, [old, new], first), old, new).rstrip("\n") + "\n"
    run_and_print(shown, as_json, language)
