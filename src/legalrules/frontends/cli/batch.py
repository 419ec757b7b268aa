"""`legalrules batch`: audit many cases at once, on local processes or a Dask cluster."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer

from ...case.instants import LOCAL_ZONE
from ...errors import InputError
from .common import (say, AgeCounting, AgeOpt, AsOf, EngineChoice, HolidaysOpt, HourOpt, HourReadingChoice,
                     RulesetsOpt, WeekendChoice, WeekendOpt, guard, parse_as_of, readings)

SOME_FAILED = 3


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on a terminal (stderr); nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console  # noqa: PLC0415 - only on a terminal
    from rich.progress import Progress  # noqa: PLC0415

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("cases", total=total)
        yield lambda n: bar.advance(task, n)


def batch(
    source: Annotated[Path, typer.Argument(help="A .jsonl file (one case a line), a folder of case files, "
                                           "or a .parquet file (column `case`, one case a row as JSON).",
                                           show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The JSONL answers, one line a case.",
                                         show_default=False)],
    violations: Annotated[Path | None, typer.Option(
        "--violations", help="The Parquet table of violations (default: OUTPUT with .violations.parquet).",
        show_default=False)] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Only verdicts, deadlines and violations a line, "
                                          "not whole decisions.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Processes (default: every core).")]
    = os.cpu_count() or 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or `local` for a "
        "LocalCluster of --workers processes.", show_default=False)] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Keep the answers already in OUTPUT (and its "
                                         ".partial) and skip their cases.")] = False,
    partition_size: Annotated[int, typer.Option("--partition-size", help="Cases a worker takes at once.")] = 100,
    as_of: AsOf = None,
    engine: Annotated[EngineChoice, typer.Option("--engine", help="Which evaluator answers.")] = EngineChoice.both,
    cross_check: Annotated[str, typer.Option("--cross-check", help="With --engine both: which cases durable-rules "
                                             "re-derives: every, off, or a sample such as 1%.")] = "every",
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    hour_reading: HourOpt = HourReadingChoice.from_the_instant,
    weekends: WeekendOpt = WeekendChoice.rest_days,
    holidays: HolidaysOpt = None,
) -> None:
    """Evaluate many cases: JSONL answers, a Parquet violations table, and a summary (exit 3 if any case failed)."""
    def run() -> int:
        try:
            from ..batch import BatchJob, BatchPaths, make_runner, run_batch  # noqa: PLC0415
            from ..batch.run import planned  # noqa: PLC0415
        except ImportError as exc:
            raise InputError(f"batch: its libraries are not installed ({exc.name}); expected "
                             "`pip install 'legalrules[batch]'`") from None
        from ...engine.crosscheck import CrossCheck  # noqa: PLC0415
        from ...legaltime.holidays import load_holiday_file  # noqa: PLC0415

        if partition_size < 1:
            raise InputError(f"--partition-size: received {partition_size}; expected at least 1")
        moment = parse_as_of(as_of) or datetime.now(timezone.utc).astimezone(LOCAL_ZONE).replace(microsecond=0)
        job = BatchJob(as_of=moment, engine=engine.value, summary=summary, cross_check=CrossCheck.parse(cross_check),
                       interpretations=readings(age_counting, hour_reading, weekends),
                       holidays=load_holiday_file(holidays) if holidays is not None else None,
                       rulesets_root=str(rulesets) if rulesets is not None else None)
        table = violations or output.with_name(output.name.removesuffix(".jsonl") + ".violations.parquet")
        paths = BatchPaths(source, output, table)
        total = planned(paths)
        with make_runner(workers, dask) as runner, _progress(total) as progress:
            found = run_batch(paths, job, runner, resume=resume, partition_size=partition_size,
                              progress=progress)
        for line in found.lines():
            say(line, err=True)
        say(f"wrote {output} and {table}", err=True)
        return found.failed
    if guard(run):
        raise typer.Exit(SOME_FAILED)
