"""`legalrules evaluate`: every conclusion and deadline of a case, with the article behind it."""

from __future__ import annotations

from typing import Annotated

import typer

from ...variations.overrides import load_case_with
from ...documents.subjects import SubjectNames, about
from ...documents.text.answer import render_answer
from ...documents.safe_text import json_safe
from ...documents.vocabulary import Vocabulary
from .language import LangOpt, chosen_lang
from .common import (AgeCounting, Before2013Choice, Before2013Opt, MinorSuspectChoice, MinorSuspectOpt,
                     DaysBeforeExpiryChoice, DaysBeforeExpiryOpt,
                     AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     RulesetsOpt, SetOpt, SubjectOpt, WeekendChoice, WeekendOpt, parse_as_of, load_engine, readings, run_and_print)

def evaluate(
    case_file: CaseArg,
    as_of: AsOf = None,
    overrides: SetOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decision as JSON.")] = False,
    engine: Annotated[EngineChoice, typer.Option("--engine", help="Which evaluator answers.")] = EngineChoice.both,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays_before_2013: Before2013Opt = Before2013Choice.custody_not_extended,
    minor_suspect: MinorSuspectOpt = MinorSuspectChoice.under_18_in_proceedings,
    days_before_expiry: DaysBeforeExpiryOpt = DaysBeforeExpiryChoice.on_or_before_nth_day,
    holidays: HolidaysOpt = None,
    lang: LangOpt = None,
    subject: SubjectOpt = None,
    full: Annotated[bool, typer.Option(
        "--full", help="Every conclusion with its grounds, instead of the answer on one screen.")] = False,
) -> None:
    """Evaluate a case: the answer first (violations, what is due, what binds, what is open); --full for all."""
    def run() -> str:
        case = load_case_with(case_file, overrides or [])
        loaded = load_engine(rulesets)
        decision = loaded.evaluate(
            case, as_of=parse_as_of(as_of), engine=engine.value,
            interpretations=readings(age_counting, hour_reading, weekends, holidays_before_2013, minor_suspect,
                                     days_before_expiry),
            holiday_file=holidays)
        if subject is not None:
            decision = about(decision, SubjectNames(case).resolve(subject))
        if as_json:
            return json_safe(decision.model_dump_json(indent=2)) + "\n"
        language = chosen_lang(lang)
        if full and language == "zh":
            from ...documents.text.decision_zh import render_decision_zh  # noqa: PLC0415
            return render_decision_zh(decision, Vocabulary.of(loaded.all_rulesets, "zh"), SubjectNames(case, "zh"))
        if full:
            from ...documents.text.decision import render_decision  # noqa: PLC0415

            return render_decision(decision, SubjectNames(case)) + "\n"
        return render_answer(decision, Vocabulary.of(loaded.all_rulesets, language), SubjectNames(case, language))
    run_and_print(run, as_json, chosen_lang(lang))
