"""`legalrules ask`: an interview asking, one at a time, only the facts that can still change one answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from ...errors import CaseFileError, InputError
from ...variations.interview import Interview, parse_target, settled
from ...variations.overrides import document_yaml, parse_override, read_document, validate_with_overrides
from .common import (say, AgeCounting, AgeOpt, AsOf, CaseArg, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     ForceOpt, RulesetsOpt, SetOpt, WeekendChoice, WeekendOpt, guard)
from .deciding import Decider, EngineOpt, decider
from .interview_words import answer_lines, question_text
from .language import LangOpt, chosen_lang
from .outputs import check_target, write_outputs
from .scenario_words import Reader

AboutOpt = Annotated[str, typer.Option(
    "--about", metavar="CONCLUSION|DEADLINE", show_default=False,
    help="The answer to settle: a conclusion (recording_required, av_2014:recording_required@interrogations[0]) "
         "or a deadline's rule id or duty (crim_proc.art85.2, family_notification@measures[1]).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "-o", "--output", help="Write the case, with every answer given, to this YAML file.")]


def _reply(number: int, reader: Reader) -> str | None:
    """One answer line (None at the end of input); a script's answers are echoed so the transcript reads."""
    try:
        line = input(reader.said(f"答{number}> ", f"A{number}> "))
    except EOFError:
        say("")
        return None
    if not sys.stdin.isatty():
        say(line)
    return line


def _refused(exc: InputError, reader: Reader) -> str:
    """Why an answer was refused, in the reader's language (as a case file's problem would be said)."""
    if reader.lang == "en":
        return str(exc)
    if isinstance(exc, CaseFileError):
        from .problems_zh import case_file_error_zh  # noqa: PLC0415
        return case_file_error_zh(exc)
    from .errors_zh import input_error_zh  # noqa: PLC0415
    return input_error_zh(str(exc))


def _interview(interview: Interview, decide: Decider, language: Literal["zh", "en"]) -> None:
    """Ask until the answer is settled, nothing left could settle it, or the answers run out."""
    def reader() -> Reader:  # the case as answered so far: its items' names, its decision's titles
        case = validate_with_overrides(interview.document, interview.source, interview.overrides)
        return decide.reader(language, case, [interview.decision] if interview.decision else [])

    number = 0
    while True:
        outcomes = interview.current()
        words = reader()
        if all(settled(o) for o in outcomes):
            say(words.said("答案：", "Answer:") if number else words.said("案件已能确定：", "Already determined by the case:"))
            break
        questions = interview.questions()
        if not questions:
            say(words.said("仍无法确定，且询问无法解决（起决定作用的是需要加入案件的列表项或者事件，或者未回答的问题）：",
                           "Still undetermined, and nothing an interview can ask would settle it (what decides it "
                           "is a list item or an event to add to the case, or a question left unanswered):"))
            break
        number += 1
        say(question_text(questions[0], number, words), nl=False)
        while True:
            reply = _reply(number, words)
            if reply is None:
                say(words.said("没有更多回答；目前：", "No more answers; so far:"))
                current = interview.current()
                say("\n".join(answer_lines(current, reader())))
                return
            try:
                interview.answer(questions[0], reply)
                break
            except InputError as exc:  # asked again: the answer is validated as a --set of the field would be
                say(f"  ! {_refused(exc, words)}".replace("\n", "\n    "))
    say("\n".join(answer_lines(outcomes, words)))


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
    lang: LangOpt = None,
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
        say(f"就 {about} 询问（案件 {case_file}）。直接回车或者输入 ? 表示不知道；结束输入即停止。" if language == "zh"
            else f"Interview on {case_file} about {about}. Enter or ? leaves a fact unknown; end the input to stop.")
        _interview(interview, decide, language)
        if output is not None:
            write_outputs([(output, document_yaml(interview.completed()).encode("utf-8"))], inputs, force)
            say(f"已写入 {output}" if language == "zh" else f"wrote {output}", err=True)
    language = chosen_lang(lang)
    guard(run, lang=language)
