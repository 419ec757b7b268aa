"""`legalrules what-if`: what changes in a case's decision when facts are overridden with --set."""

from __future__ import annotations

import typer

from ...errors import InputError
from ...variations.compare import compare
from ...variations.overrides import load_case_with, parse_override
from ...documents.safe_text import json_safe
from .common import (AgeCounting, AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     RulesetsOpt, SetOpt, WeekendChoice, WeekendOpt, run_and_print)
from .deciding import EngineOpt, JsonOpt, decider
from .language import LangOpt, chosen_lang
from .scenario_words import diff_text


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
    lang: LangOpt = None,
) -> None:
    """What changes if facts were different: flipped conclusions (rule and fact), moved deadlines, violations."""
    language = chosen_lang(lang)

    def shown() -> str:  # rendering runs under the guard too
        if not overrides:
            raise InputError("what-if: received no --set; expected at least one --set PATH=VALUE")
        changes = [parse_override(text).text for text in overrides]
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        original, changed = load_case_with(case_file), load_case_with(case_file, changes)
        before, after = decide(original), decide(changed)
        diff = compare(before, after, str(case_file), f"{case_file} with --set", changes, cases=(original, changed))
        if as_json:
            return json_safe(diff.model_dump_json(indent=2)) + "\n"
        if language == "zh":
            diff = diff.model_copy(update={"after": f"{case_file}（加 --set）"})
        reader = decide.reader(language, changed, [before, after])
        return diff_text(diff, reader, before, after).rstrip("\n") + "\n"
    run_and_print(shown, as_json, language)
