"""What every command shares: the error guard, option types, interpretations and the engine."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ...case.instants import DATE_ONLY_EXPECTED, is_date_only, supported
from ...documents.safe_text import visible
from ...engine.evaluate import Engine
from ...paths import rulesets_dir
from ...ruleformat.cache import rulesets_key
from ...errors import CaseFileError, InputError, InternalError, LegalRulesError, RulesetError
from ...interpretations import Interpretations

T = TypeVar("T")



class EngineChoice(str, Enum):
    both = "both"
    native = "native"
    durable = "durable"


class AgeCounting(str, Enum):
    from_day_after_birthday = "from_day_after_birthday"
    from_birthday = "from_birthday"


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Print a line for a person: control characters from a case or ruleset (an escape
    sequence in an id, a label or a file name) are shown as symbols, never sent raw.

    Every command prints through this (or `run_and_print`); a test holds the CLI to it.
    """
    typer.echo(visible(text), err=err, nl=nl)


def fail(message: str, code: int, error: BaseException | None = None, label: str = "Error") -> None:
    """Say what went wrong on stderr and exit; with `error` (`--json`), also its problem document on stdout."""
    say(f"{label}: {message}", err=True)
    if error is not None:
        import json  # noqa: PLC0415 - only on a --json error

        from ..problem_details import problem_document  # noqa: PLC0415

        document = {**problem_document(error, status=False), "exit_code": code}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))  # JSON escapes control characters
    raise typer.Exit(code)


def guard(action: Callable[[], T], as_json: bool = False, lang: str = "en") -> T:
    """Run a command body: input errors exit 2, internal errors exit 1, never a traceback.

    The body includes rendering and printing (`run_and_print`): an error while wording
    or writing the answer is as guarded as one while computing it. With `as_json` the
    error is also printed on stdout as the problem document the service answers with.
    """
    try:
        return action()
    except CaseFileError as exc:
        # A case file's problems in the reader's language (the --json problem document stays as it is).
        if lang == "zh":
            from .problems_zh import case_file_error_zh  # noqa: PLC0415
            fail(case_file_error_zh(exc), 2, exc if as_json else None, "错误")
        fail(str(exc), 2, exc if as_json else None)
    except (InputError, RulesetError) as exc:
        if lang == "zh":
            from .errors_zh import input_error_zh  # noqa: PLC0415
            fail(input_error_zh(str(exc)), 2, exc if as_json else None, "错误")
        fail(str(exc), 2, exc if as_json else None)
    except InternalError as exc:
        fail(str(exc), 1, exc if as_json else None)
    except LegalRulesError as exc:
        fail(str(exc), 1, exc if as_json else None)
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("LEGALRULES_DEBUG"):
            raise
        fail(f"internal error ({type(exc).__name__}: {exc}); rerun with LEGALRULES_DEBUG=1 for details", 1,
             exc if as_json else None)
    raise AssertionError("unreachable")


def run_and_print(action: Callable[[], str], as_json: bool = False, lang: str = "en") -> None:
    """Run a command body that returns its whole output, and print it, all under the guard.

    Control characters from the case (an escape sequence in its id) are shown, never sent raw.
    """
    guard(lambda: say(action(), nl=False), as_json, lang)


def parse_as_of(text: str | None) -> datetime | None:
    if text is None:
        return None
    if is_date_only(text):
        raise InputError(f"--as-of: received the date {text!r} without a time; expected {DATE_ONLY_EXPECTED}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of: received {text[:60]!r}; expected an ISO 8601 date-time such as "
                         "2026-11-22T10:25:00+08:00") from None
    try:
        supported(moment)
    except ValueError as exc:
        raise InputError(f"--as-of: received {text!r}; expected {exc}") from None
    return moment  # a naive time is read as Asia/Shanghai by the engine, which warns


# The last engine built, by its rulesets' location and compile-cache key (see `load_engine`).
_LAST_ENGINE: list[tuple[tuple[Path, str], Engine]] = []


def load_engine(rulesets: Path | None) -> Engine:
    """The engine on the bundled rulesets, or on those under `rulesets`.

    A process that runs several commands (a test session, a program driving the
    CLI in-process) builds it once while the rulesets' files and this package's code
    are unchanged: the compile cache's key says so, as it does for the compiled
    rulesets themselves. An engine is reusable and thread-safe; a console run builds one.
    """
    root = rulesets or rulesets_dir()
    if _LAST_ENGINE:
        (last_root, last_key), engine = _LAST_ENGINE[0]
        if last_root == root and rulesets_key(root) == last_key:
            return engine
    engine = Engine(rulesets_root=rulesets)
    if engine.cache_key is not None:  # None: no cache, or a file it cannot read; built afresh each time
        _LAST_ENGINE[:] = [((root, engine.cache_key), engine)]
    return engine


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
ForceOpt = Annotated[bool, typer.Option(
    "--force", help="Replace output files that already exist (never the command's own input files).")]


class Before2013Choice(str, Enum):
    custody_not_extended = "custody_not_extended"
    suspect_custody_extended = "suspect_custody_extended"


Before2013Opt = Annotated[Before2013Choice, typer.Option(
    "--holidays-before-2013",
    help="Interpretation: for periods begun before 2013, whether a suspect's custody moved past a holiday.")]
HolidaysOpt = Annotated[Path | None, typer.Option(
    "--holidays", help="A YAML file of holidays and adjusted working days; it takes precedence.")]


class MinorSuspectChoice(str, Enum):
    under_18_in_proceedings = "under_18_in_proceedings"
    also_under_18_at_offence = "also_under_18_at_offence"


MinorSuspectOpt = Annotated[MinorSuspectChoice, typer.Option(
    "--minor-suspect",
    help="Interpretation: whether a suspect under 18 at the offence (offences[].committed_on) but not at the act "
         "is a minor suspect (CPL Arts. 278, 280-281).")]


class DaysBeforeExpiryChoice(str, Enum):
    on_or_before_nth_day = "on_or_before_nth_day"
    before_nth_day = "before_nth_day"


DaysBeforeExpiryOpt = Annotated[DaysBeforeExpiryChoice, typer.Option(
    "--days-before-expiry",
    help="Interpretation: how a request due seven days before a period expires (在期限届满七日前, PSP 2020 "
         "Arts. 148-150) is counted.")]


def readings(age: AgeCounting, hours: HourReadingChoice, weekends: WeekendChoice,
             before_2013: Before2013Choice = Before2013Choice.custody_not_extended,
             minor_suspect: MinorSuspectChoice = MinorSuspectChoice.under_18_in_proceedings,
             days_before: DaysBeforeExpiryChoice = DaysBeforeExpiryChoice.on_or_before_nth_day) -> Interpretations:
    return Interpretations(age_counting=age.value, hour_reading=hours.value, weekends=weekends.value,
                           holidays_before_2013=before_2013.value, minor_suspect=minor_suspect.value,
                           days_before_expiry=days_before.value)


SubjectOpt = Annotated[str | None, typer.Option(
    "--subject", help="Only this measure, event or interrogation: the case's id (d1, q1) or a position "
    "(measures[1]).", show_default=False)]
SetOpt = Annotated[list[str] | None, typer.Option(
    "--set", metavar="PATH=VALUE", show_default=False,
    help="Override a fact without editing the file (repeatable): suspect.birth_date=2009-03-11, "
         "measures[m1].start=2026-09-30T21:00+08:00; null makes it unknown. Validated as the file is.")]
