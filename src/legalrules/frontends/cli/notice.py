"""`legalrules notice`: a notice rendered from the case's decision, or the list of those it calls for."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from ...variations.overrides import load_case_with
from ...documents.subjects import SubjectNames
from ...errors import InputError
from .common import (say, AgeCounting, AgeOpt, AsOf, CaseArg, HolidaysOpt, HourOpt, HourReadingChoice, RulesetsOpt, SetOpt, ForceOpt,
                     WeekendChoice, WeekendOpt, parse_as_of, load_engine, readings, run_and_print)
from .language import chosen_lang
from .outputs import write_outputs
from ...documents.vocabulary import Vocabulary


class NoticeLang(str, Enum):
    zh = "zh"
    en = "en"


class NoticeFormatChoice(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"

def notice(
    case_file: CaseArg,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="detention_family_notice, arrest_family_notice, designated_residence_family_notice, "
        "procuratorate_detention_family_notice, procuratorate_arrest_family_notice, "
        "late_notice_record, recording_memo, deadline_memo or summons_time_record.", show_default=False)] = None,
    listing: Annotated[bool, typer.Option("--list", help="Which notices the case calls for, and why.")] = False,
    subject: Annotated[str | None, typer.Option(
        "--subject", help="Which one, when the case calls for several: the case's id (d1, q1) or a "
        "position (measures[1]).", show_default=False)] = None,
    lang: Annotated[NoticeLang | None, typer.Option(
        "--lang", help="Language of the notice (default zh); of --list and errors, default: the locale's.",
        show_default=False)] = None,
    fmt: Annotated[NoticeFormatChoice, typer.Option("--format", help="Markdown, print-ready HTML (A4), or PDF (printed by headless Chromium; needs -o).")]
    = NoticeFormatChoice.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the notice to this file.")] = None,
    as_of: AsOf = None,
    overrides: SetOpt = None,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
    force: ForceOpt = False,
) -> None:
    """A notice rendered from the case's decision (family notices, memos, records), or --list of those it calls for."""
    # The reader's language for the listing and the errors: the one asked for, else the locale's.
    reader = lang.value if lang is not None else chosen_lang(None)

    def run() -> str:
        from ...documents.notices.calls import notice_kind  # noqa: PLC0415 - jinja2 only when asked
        from ...documents.notices.render import notice_listing, render_notice  # noqa: PLC0415

        if listing == (kind is not None):
            raise InputError("notice: give either --kind KIND or --list (received "
                             + ("both" if listing else "neither") + ")")
        chosen = notice_kind(kind) if kind is not None else None  # a misspelt kind fails before evaluating
        case = load_case_with(case_file, overrides or [])
        engine = load_engine(rulesets)
        decision = engine.evaluate(
            case, as_of=parse_as_of(as_of), holiday_file=holidays,
            interpretations=readings(age_counting, hour_reading, weekends))
        if chosen is None and reader == "zh":
            from ...documents.notices.listing_zh import notice_listing_zh  # noqa: PLC0415
            words = Vocabulary.of(engine.all_rulesets, "zh")
            return notice_listing_zh(decision, words, SubjectNames(case, "zh"))
        if chosen is None:
            return notice_listing(decision)
        if fmt is NoticeFormatChoice.pdf and output is None:
            raise InputError("notice --format pdf: received no -o/--output; expected a file to write the PDF to")
        chosen_subject = SubjectNames(case).resolve(subject) if subject is not None else None
        if reader == "zh":
            from ...documents.notices.listing_zh import refused_zh  # noqa: PLC0415
            refused_zh(decision, chosen, Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh"))
        markup: Literal["md", "html"] = "md" if fmt is NoticeFormatChoice.md else "html"  # pdf prints the HTML
        text = render_notice(decision, case, chosen, lang.value if lang is not None else "zh", markup, chosen_subject)
        if output is None:
            return text
        if fmt is NoticeFormatChoice.pdf:
            from ...documents.notices.pdf import html_to_pdf  # noqa: PLC0415 - runs Chromium
            data = html_to_pdf(text)
        else:
            data = text.encode("utf-8")
        write_outputs([(output, data)], [p for p in (case_file, holidays) if p is not None], force)
        say(f"wrote {output}", err=True)
        return ""
    run_and_print(run, lang=reader)
