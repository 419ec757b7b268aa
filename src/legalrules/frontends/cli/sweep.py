"""`legalrules sweep`: one fact swept across a range, with the points where an answer changes."""

from __future__ import annotations

from typing import Annotated

import typer

from ...case.io import case_source
from ...variations.overrides import parse_override, read_document, validate_with_overrides
from ...variations.ranges import parse_sweep
from ...variations.sweep import run_sweep
from ...documents.safe_text import json_safe
from .common import (AgeCounting, AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     RulesetsOpt, SetOpt, WeekendChoice, WeekendOpt, run_and_print)
from .deciding import EngineOpt, JsonOpt, decider
from .language import LangOpt, chosen_lang
from .sweep_words import sweep_text

VaryOpt = Annotated[str, typer.Option(
    "--vary", metavar="PATH=FROM..TO[:STEP]", show_default=False,
    help="The fact to sweep: instants by hour (measures[d1].start=2026-09-30T00:00+08:00..2026-10-01T06:00+08:00:1h; "
         "steps 30m, 2h, 1d), dates by day or year (suspect.birth_date=2007-10-30..2007-11-05, ages with :1y), numbers "
         "(offences[0].statutory_max=8..12), or a list (a,b,c) or * for a bool or an enum.")]
ShowOpt = Annotated[list[str] | None, typer.Option(
    "--show", metavar="NAME[@SUBJECT]", show_default=False,
    help="An answer to show (repeatable): a conclusion, or a deadline's rule id or duty. "
         "Default: every answer that changes somewhere in the range.")]


def sweep(
    case_file: CaseArg,
    vary: VaryOpt,
    show: ShowOpt = None,
    overrides: SetOpt = None,
    as_json: JsonOpt = False,
    as_of: AsOf = None,
    engine: EngineOpt = EngineChoice.native,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
    lang: LangOpt = None,
) -> None:
    """Sweep one fact across a range: a table of how answers and due times change, change points marked."""
    language = chosen_lang(lang)

    def shown() -> str:  # rendering runs under the guard too
        swept = parse_sweep(vary)
        fixed = [parse_override(text) for text in overrides or []]
        document = read_document(case_file)
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        result = run_sweep(document, case_source(case_file), swept, decide, fixed, show or [])  # `-` is <stdin>
        if as_json:
            return json_safe(result.model_dump_json(indent=2)) + "\n"
        # The points' decisions, in order: the subjects are named by the case's ids, which a sweep does not change.
        case = validate_with_overrides(document, case_source(case_file), fixed)
        return sweep_text(result, decide.reader(language, case, decide.seen), decide.seen).rstrip("\n") + "\n"
    run_and_print(shown, as_json, language)
