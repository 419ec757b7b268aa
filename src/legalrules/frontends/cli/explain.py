"""`legalrules explain`: why one rule holds on a case, or which condition failed or is unknown."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from ...case.instants import LOCAL_ZONE
from ...case.io import load_case
from ...engine.explain_rule import explain_rule
from .language import LangOpt, chosen_lang
from ...documents.subjects import SubjectNames
from .common import (AgeCounting, AgeOpt, AsOf, Before2013Choice, Before2013Opt, CaseArg, DaysBeforeExpiryChoice,
                     DaysBeforeExpiryOpt, HourOpt, HourReadingChoice, RulesetsOpt, SubjectOpt, WeekendChoice,
                     WeekendOpt, parse_as_of, load_engine, readings, run_and_print)

def explain(
    case_file: CaseArg,
    rule_id: Annotated[str, typer.Argument(
        help="A rule id, e.g. av_2014.art4.1.5, or a deadline's, e.g. crim_proc.art91.1.")],
    as_of: AsOf = None,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays_before_2013: Before2013Opt = Before2013Choice.custody_not_extended,
    days_before_expiry: DaysBeforeExpiryOpt = DaysBeforeExpiryChoice.on_or_before_nth_day,
    lang: LangOpt = None,
    subject: SubjectOpt = None,
) -> None:
    """Explain one rule on a case (why it holds, or which condition failed or is unknown), or one deadline
    (how its text was read, and its due time and status on the case)."""
    def run() -> str:
        case = load_case(case_file)
        moment = parse_as_of(as_of) or datetime.now(LOCAL_ZONE).replace(microsecond=0)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LOCAL_ZONE)
        loaded = load_engine(rulesets)
        language = chosen_lang(lang)
        position = SubjectNames(case).resolve(subject) if subject is not None else None
        # The readings asked for, for a rule and a deadline alike.
        interpretations = readings(age_counting, hour_reading, weekends, holidays_before_2013,
                                   days_before=days_before_expiry)
        deadlines = [d for r in loaded.rulesets for d in r.deadlines if d.id == rule_id]
        if deadlines:
            from ...documents.text.deadline_explained import explain_deadline  # noqa: PLC0415
            from ...documents.subjects import about  # noqa: PLC0415
            from ...documents.vocabulary import Vocabulary  # noqa: PLC0415

            decision = loaded.evaluate(case, as_of=moment, engine="native", interpretations=interpretations)
            if position is not None:
                decision = about(decision, position)
            return explain_deadline(deadlines, decision, Vocabulary.of(loaded.all_rulesets, language),
                                    SubjectNames(case, language), position)
        # Subjects by the case's own ids (`after-arrest`), as the answer names them.
        text = SubjectNames(case, language).relabel(explain_rule(
            loaded, case, rule_id, moment, interpretations, language, position))
        from ...documents.text.rules import explained_en, explained_zh, rule_header_zh  # noqa: PLC0415
        ruleset = next(r for r in loaded.all_rulesets if any(rule.id == rule_id for rule in r.rules))
        if language == "en":
            return explained_en(ruleset, text)
        return "\n".join(rule_header_zh(ruleset, rule_id)) + "\n" + explained_zh(ruleset, text)
    run_and_print(run, lang=chosen_lang(lang))
