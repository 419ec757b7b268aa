"""`legalrules deadlines`: a case's deadlines as a table, JSON, ICS, an HTML calendar or a Markdown agenda."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from ...variations.overrides import load_case_with
from ...documents.safe_text import json_safe
from .language import LangOpt, chosen_lang
from .common import (say, AgeCounting, Before2013Choice, Before2013Opt, DaysBeforeExpiryChoice, DaysBeforeExpiryOpt,
                     MinorSuspectChoice,
                     AsOf, CaseArg, ForceOpt, HolidaysOpt, HourOpt, HourReadingChoice, RulesetsOpt,
                     SetOpt, SubjectOpt, WeekendChoice, WeekendOpt, parse_as_of, load_engine, readings, run_and_print)
from .outputs import write_outputs
from ...documents.subjects import SubjectNames, about
from ...documents.vocabulary import Vocabulary

def deadlines(
    case_file: CaseArg,
    as_of: AsOf = None,
    overrides: SetOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decision as JSON.")] = False,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write an RFC 5545 calendar of the deadlines.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write an HTML month calendar.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write a Markdown agenda.")] = None,
    rulesets: RulesetsOpt = None,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays_before_2013: Before2013Opt = Before2013Choice.custody_not_extended,
    days_before_expiry: DaysBeforeExpiryOpt = DaysBeforeExpiryChoice.on_or_before_nth_day,
    holidays: HolidaysOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    subject: SubjectOpt = None,
) -> None:
    """The case's deadlines by due time: what is due, by when, on what basis, and whether it was met."""
    def run() -> str:
        from ...documents.text.deadlines import deadline_table  # noqa: PLC0415

        case = load_case_with(case_file, overrides or [])
        chosen_readings = readings(AgeCounting.from_day_after_birthday, hour_reading, weekends,
                                   holidays_before_2013, MinorSuspectChoice.under_18_in_proceedings,
                                   days_before_expiry)
        loaded = load_engine(rulesets)
        decision = loaded.evaluate(case, as_of=parse_as_of(as_of), interpretations=chosen_readings,
                                   holiday_file=holidays)
        if subject is not None:
            decision = about(decision, SubjectNames(case).resolve(subject))
        words = Vocabulary.of(loaded.all_rulesets, chosen_lang(lang))
        names = SubjectNames(case, chosen_lang(lang))
        outputs: list[tuple[Path, bytes]] = []
        if ics is not None:
            from ...documents.calendar.ics import render_ics  # noqa: PLC0415 - icalendar only when asked

            outputs.append((ics, render_ics(decision)))
        views: tuple[tuple[Path | None, Literal["html", "md"]], ...] = ((html, "html"), (md, "md"))
        if html is not None or md is not None:
            from ...documents.calendar.render import render_calendar  # noqa: PLC0415 - jinja2 only when asked
            from ...legaltime.holidays import HolidayCalendar  # noqa: PLC0415

            calendar = (HolidayCalendar.from_file(holidays, weekends=chosen_readings.weekends) if holidays
                        else HolidayCalendar(weekends=chosen_readings.weekends))
            outputs += [(target, render_calendar(decision, fmt, calendar, words, names).encode("utf-8"))
                        for target, fmt in views if target is not None]
        write_outputs(outputs, [p for p in (case_file, holidays) if p is not None], force)  # all or none
        for target, _ in outputs:
            say(f"wrote {target}", err=True)  # stderr: stdout stays one table or one JSON
        text = (json_safe(decision.model_dump_json(indent=2)) if as_json
                else deadline_table(decision, words, names))
        return text.rstrip("\n") + "\n"
    run_and_print(run, as_json, chosen_lang(lang))
