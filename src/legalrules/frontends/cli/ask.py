"""`legalrules ask`: an interview asking, one at a time, only the facts that can still change one answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ...errors import InputError
from ...variations.interview import Interview, parse_target, settled
from ...variations.overrides import document_yaml, parse_override, read_document
from ...variations.words import answer_lines, question_text
from .common import (say, AgeCounting, AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     ForceOpt, RulesetsOpt, SetOpt, WeekendChoice, WeekendOpt, guard)
from .deciding import EngineOpt, decider
from .outputs import check_target, write_outputs

AboutOpt = Annotated[str, typer.Option(
    "--about", metavar="CONCLUSION|DEADLINE", show_default=False,
    help="The answer to settle: a conclusion (recording_required, av_2014:recording_required@interrogations[0]) "
         "or a deadline's rule id or duty (crim_proc.art85.2, family_notification@measures[1]).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "-o", "--output", help="Write the case, with every answer given, to this YAML file.")]


def _reply(number: int) -> str | None:
    """One answer line (None at the end of input); a script's answers are echoed so the transcript reads."""
    try:
        line = input(f"A{number}> ")
    except EOFError:
        say("")
        return None
    if not sys.stdin.isatty():
        say(line)
    return line


def _interview(interview: Interview) -> None:
    """Ask until the answer is settled, nothing left could settle it, or the answers run out."""
    number = 0
    while True:
        outcomes = interview.current()
        if all(settled(o) for o in outcomes):
            say("Answer:" if number else "Already determined by the case:")
            break
        questions = interview.questions()
        if not questions:
            say("Still undetermined, and nothing an interview can ask would settle it (what decides it "
                       "is a list item or an event to add to the case, or a question left unanswered):")
            break
        number += 1
        say(question_text(questions[0], number), nl=False)
        while True:
            reply = _reply(number)
            if reply is None:
                say("No more answers; so far:")
                say("\n".join(answer_lines(interview.current())))
                return
            try:
                interview.answer(questions[0], reply)
                break
            except InputError as exc:  # asked again: the answer is validated as a --set of the field would be
                say(f"  ! {exc}".replace("\n", "\n    "))
    say("\n".join(answer_lines(outcomes)))


def ask(
    case_file: CaseArg,
    about: AboutOpt,
    overrides: SetOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    as_of: AsOf = None,
    engine: EngineOpt = EngineChoice.native,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """Interview: ask only the facts that can still change one answer, most decisive first; stop when it is settled."""
    def run() -> None:
        inputs = [path for path in (case_file, holidays) if path is not None]
        if output is not None:
            check_target(output, inputs, force)  # refused before any question, never over the case itself
        target = parse_target(about)
        decide = decider(as_of, engine, rulesets, age_counting, hour_reading, weekends, holidays)
        interview = Interview(read_document(case_file), str(case_file), target, decide,
                              [parse_override(text) for text in overrides or []])
        interview.current()  # an unknown target, or an invalid case, fails before any question
        say(f"Interview on {case_file} about {about}. Enter or ? leaves a fact unknown; "
                   "end the input to stop.")
        _interview(interview)
        if output is not None:
            write_outputs([(output, document_yaml(interview.completed()).encode("utf-8"))], inputs, force)
            say(f"wrote {output}", err=True)
    guard(run)
