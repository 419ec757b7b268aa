"""The `legalrules` command: evaluate, deadlines, notice, explain, rules, check, schema, facts."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer

from ...case.model import CaseFacts
from ...case.io import load_case
from ...ruleformat.catalog import CATALOG
from ...decision.model import Decision
from ...engine.evaluate import Engine
from ...engine.explain_rule import explain_rule
from ...case.instants import LOCAL_ZONE
from ...interpretations import Interpretations
from ...documents.text.decision import render_decision
from ...errors import InputError, InternalError, LegalRulesError, RulesetError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Rule-as-code answers for Chinese criminal procedure, with the article behind each.")
T = TypeVar("T")


class EngineChoice(str, Enum):
    both = "both"
    native = "native"
    durable = "durable"


class AgeCounting(str, Enum):
    from_day_after_birthday = "from_day_after_birthday"
    from_birthday = "from_birthday"


def _fail(message: str, code: int) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _guard(action: Callable[[], T]) -> T:
    """Run a command body: input errors exit 2, internal errors exit 1, never a traceback."""
    try:
        return action()
    except (InputError, RulesetError) as exc:
        _fail(str(exc), 2)
    except InternalError as exc:
        _fail(str(exc), 1)
    except LegalRulesError as exc:
        _fail(str(exc), 1)
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("LEGALRULES_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with LEGALRULES_DEBUG=1 for details", 1)
    raise AssertionError("unreachable")


def _as_of(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of: received {text!r}; expected an ISO 8601 date-time such as "
                         "2026-11-22T10:25:00+08:00") from None
    return moment  # a naive time is read as Asia/Shanghai by the engine, which warns


def _engine(rulesets: Path | None) -> Engine:
    return Engine(rulesets_root=rulesets)


CaseArg = Annotated[Path, typer.Argument(help="A case file (YAML or JSON).", show_default=False)]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Evaluate as of this instant (default: now). Naive = Asia/Shanghai.")]
RulesetsOpt = Annotated[Path | None, typer.Option("--rulesets", help="Load rulesets from this directory instead of the bundled ones.")]
AgeOpt = Annotated[AgeCounting, typer.Option("--age-counting", help="Interpretation: when an age of N years is reached.")]


class HourReadingChoice(str, Enum):
    from_the_instant = "from_the_instant"
    from_next_full_hour = "from_next_full_hour"


class WeekendChoice(str, Enum):
    rest_days = "rest_days"
    working_days = "working_days"


HourOpt = Annotated[HourReadingChoice, typer.Option(
    "--hour-reading", help="Interpretation: where a period in hours starts (CPL Art. 105).")]
WeekendOpt = Annotated[WeekendChoice, typer.Option(
    "--weekends", help="Interpretation: whether ordinary weekends are 节假日 (rest days).")]
HolidaysOpt = Annotated[Path | None, typer.Option(
    "--holidays", help="A YAML file of holidays and adjusted working days; it takes precedence.")]


def _readings(age: AgeCounting, hours: HourReadingChoice, weekends: WeekendChoice) -> Interpretations:
    return Interpretations(age_counting=age.value, hour_reading=hours.value, weekends=weekends.value)


@app.command()
def evaluate(
    case_file: CaseArg,
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decision as JSON.")] = False,
    engine: Annotated[EngineChoice, typer.Option("--engine", help="Which evaluator answers.")] = EngineChoice.both,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """Evaluate a case: every conclusion and deadline, the article behind it, and what is still unknown."""
    def run() -> Decision:
        case = load_case(case_file)
        return _engine(rulesets).evaluate(
            case, as_of=_as_of(as_of), engine=engine.value,
            interpretations=_readings(age_counting, hour_reading, weekends), holiday_file=holidays)
    decision = _guard(run)
    typer.echo(decision.model_dump_json(indent=2) if as_json else render_decision(decision))


@app.command()
def deadlines(
    case_file: CaseArg,
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decision as JSON.")] = False,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write an RFC 5545 calendar of the deadlines.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write an HTML month calendar.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write a Markdown agenda.")] = None,
    rulesets: RulesetsOpt = None,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """The case's deadlines by due time: what is due, by when, on what basis, and whether it was met."""
    def run() -> str:
        from ...documents.calendar.render import render_calendar  # noqa: PLC0415 - jinja2 only when asked
        from ...documents.text.deadlines import deadline_table  # noqa: PLC0415
        from ...legaltime.holidays import HolidayCalendar  # noqa: PLC0415
        from ...documents.calendar.ics import render_ics  # noqa: PLC0415

        case = load_case(case_file)
        readings = _readings(AgeCounting.from_day_after_birthday, hour_reading, weekends)
        decision = _engine(rulesets).evaluate(case, as_of=_as_of(as_of), interpretations=readings,
                                              holiday_file=holidays)
        calendar = (HolidayCalendar.from_file(holidays, weekends=readings.weekends) if holidays
                    else HolidayCalendar(weekends=readings.weekends))
        outputs: list[tuple[Path, bytes]] = []
        if ics is not None:
            outputs.append((ics, render_ics(decision)))
        views: tuple[tuple[Path | None, Literal["html", "md"]], ...] = ((html, "html"), (md, "md"))
        for target, fmt in views:
            if target is not None:
                outputs.append((target, render_calendar(decision, fmt, calendar).encode("utf-8")))
        for target, _ in outputs:  # every target checked first, so bad input writes nothing
            _check_writable(target)
        for target, data in outputs:
            _write(target, data)
            typer.echo(f"wrote {target}", err=True)  # stderr: stdout stays one table or one JSON
        text = decision.model_dump_json(indent=2) if as_json else deadline_table(decision)
        return text.rstrip("\n") + "\n"
    typer.echo(_guard(run), nl=False)


def _check_writable(target: Path) -> None:
    """Refuse, as bad input, an output path that cannot be written."""
    parent = target.parent
    problem = ("is a directory" if target.is_dir() else "its directory does not exist" if not parent.is_dir()
               else "its directory is not writable" if not os.access(parent, os.W_OK) else None)
    if problem:
        raise InputError(f"{target}: cannot write ({problem}); expected a writable file path")


def _write(target: Path, data: bytes) -> None:
    """Write an output file, or fail as bad input naming it."""
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror}); expected a writable file path") from None


class NoticeLang(str, Enum):
    zh = "zh"
    en = "en"


class NoticeFormatChoice(str, Enum):
    md = "md"
    html = "html"


@app.command()
def notice(
    case_file: CaseArg,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="detention_family_notice, arrest_family_notice, designated_residence_family_notice, "
        "late_notice_record, recording_memo, deadline_memo or summons_time_record.", show_default=False)] = None,
    listing: Annotated[bool, typer.Option("--list", help="Which notices the case calls for, and why.")] = False,
    subject: Annotated[str | None, typer.Option(
        "--subject", help="Which one, when the case calls for several, e.g. measures[1].", show_default=False)] = None,
    lang: Annotated[NoticeLang, typer.Option("--lang", help="Language of the notice.")] = NoticeLang.zh,
    fmt: Annotated[NoticeFormatChoice, typer.Option("--format", help="Markdown, or print-ready HTML (A4).")]
    = NoticeFormatChoice.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the notice to this file.")] = None,
    as_of: AsOf = None,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """A notice rendered from the case's decision (family notices, memos, records), or --list of those it calls for."""
    def run() -> str:
        from ...documents.notices.calls import notice_kind  # noqa: PLC0415 - jinja2 only when asked
        from ...documents.notices.render import notice_listing, render_notice  # noqa: PLC0415

        if listing == (kind is not None):
            raise InputError("notice: give either --kind KIND or --list (received "
                             + ("both" if listing else "neither") + ")")
        chosen = notice_kind(kind) if kind is not None else None  # a misspelt kind fails before evaluating
        case = load_case(case_file)
        decision = _engine(rulesets).evaluate(
            case, as_of=_as_of(as_of), holiday_file=holidays,
            interpretations=_readings(age_counting, hour_reading, weekends))
        if chosen is None:
            return notice_listing(decision)
        text = render_notice(decision, case, chosen, lang.value, fmt.value, subject)
        if output is None:
            return text
        _check_writable(output)
        _write(output, text.encode("utf-8"))
        typer.echo(f"wrote {output}", err=True)
        return ""
    typer.echo(_guard(run), nl=False)


@app.command()
def explain(
    case_file: CaseArg,
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. av_2014.art4.1.5.")],
    as_of: AsOf = None,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
) -> None:
    """Explain one rule on a case: why it holds, or which condition failed or is unknown."""
    def run() -> str:
        case = load_case(case_file)
        moment = _as_of(as_of) or datetime.now(LOCAL_ZONE).replace(microsecond=0)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LOCAL_ZONE)
        return explain_rule(_engine(rulesets), case, rule_id, moment,
                            Interpretations(age_counting=age_counting.value))
    typer.echo(_guard(run), nl=False)


@app.command()
def rules(
    ruleset: Annotated[str | None, typer.Option("--ruleset", help="Only this ruleset.")] = None,
    coverage: Annotated[bool, typer.Option(
        "--coverage", help="Articles encoded / informational / out of scope, and rules without a scenario.")] = False,
    rulesets: RulesetsOpt = None,
) -> None:
    """List the loaded rulesets and their rules and deadlines, with citations (or their coverage)."""
    def run() -> str:
        from ...engine.coverage import coverage as measure  # noqa: PLC0415 - reads the scenario files
        from ...documents.text.rules import coverage_listing, ruleset_listing  # noqa: PLC0415

        loaded = _engine(rulesets)
        chosen = [loaded.ruleset(ruleset)] if ruleset else list(loaded.all_rulesets)
        lines: list[str] = []
        for item in chosen:
            lines += coverage_listing(measure(item)) if coverage else ruleset_listing(item)
            lines.append("")
        return "\n".join(lines)
    typer.echo(_guard(run), nl=False)


@app.command()
def check(rulesets: RulesetsOpt = None) -> None:
    """Validate every ruleset and run every scenario; exit 1 if a scenario fails."""
    from ...engine.scenarios import check_scenario, load_scenarios

    def run() -> int:
        loaded = _engine(rulesets)
        failed = total = 0
        for item in loaded.all_rulesets:
            typer.echo(f"{item.id}: loaded, {len({r.id for r in item.rules})} rule(s), "
                       f"{len(item.deadlines)} deadline(s), version {item.version}")
            for scenario in load_scenarios(item.directory):
                total += 1
                problems = check_scenario(loaded, scenario)
                if problems:
                    failed += 1
                    typer.echo(f"  FAIL {scenario.label}")
                    for problem in problems:
                        typer.echo(f"       {problem}")
        typer.echo(f"{total - failed} passed, {failed} failed")
        return failed
    if _guard(run):
        raise typer.Exit(1)


@app.command()
def schema(
    decision: Annotated[bool, typer.Option("--decision", help="The schema of the decision (output) instead.")] = False,
) -> None:
    """Print the JSON Schema of case files (or, with --decision, of decisions)."""
    model: Any = Decision if decision else CaseFacts
    typer.echo(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True))


@app.command()
def facts() -> None:
    """List the base facts rule conditions may test, by scope."""
    for spec in CATALOG.values():
        values = f" one of {list(spec.values)}" if spec.values else ""
        typer.echo(f"{spec.scope:<14} {spec.name:<58} {spec.type}{values}")


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="legalrules")
    finally:
        # The process is about to exit: freezing the heap spares the collector a last
        # pass over every object the imports made (about 20 ms of each short run).
        gc.freeze()

