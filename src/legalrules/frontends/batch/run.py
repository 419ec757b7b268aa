"""A batch audit from start to end: read, skip what `--resume` finds done, partition, run, write, summarise."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .readers import CaseRecord, count_cases, read_cases
from .runners import Partition, Runner
from .work import BatchJob, rows_from_answer
from .writers import AnswerWriter, check_output, earlier_lines, write_violations

DEFAULT_PARTITION_SIZE = 100


@dataclass
class BatchSummary:
    """What a run did: cases answered and failed (this run and kept from earlier), violations by rule."""

    cases: int = 0
    failed: int = 0
    resumed: int = 0
    violations_by_rule: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """The summary in plain words."""
        total = sum(self.violations_by_rule.values())
        out = [f"cases: {self.cases} ({self.resumed} kept from an earlier run), failed: {self.failed}, "
               f"violations: {total}"]
        width = max((len(rule) for rule in self.violations_by_rule), default=0)
        out += [f"  {rule:<{width}}  {n}" for rule, n in sorted(self.violations_by_rule.items(),
                                                                key=lambda item: (-item[1], item[0]))]
        return out


@dataclass(frozen=True)
class BatchPaths:
    """A run's input and outputs."""

    source: Path
    output: Path
    violations: Path


def partitions(records: Iterable[CaseRecord], size: int) -> Iterator[Partition]:
    """Consecutive blocks of `size` records."""
    iterator = iter(records)
    while block := list(islice(iterator, size)):
        yield block


def run_batch(paths: BatchPaths, job: BatchJob, runner: Runner, *, resume: bool = False,
              partition_size: int = DEFAULT_PARTITION_SIZE,
              progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Evaluate every case of the input; write the answers and the violations table; say what happened."""
    check_output(paths.output)
    check_output(paths.violations)
    summary = BatchSummary()
    rows: list[dict[str, Any]] = []
    kept, done = _resumed(paths.output, summary, rows) if resume else ([], set())
    writer = AnswerWriter(paths.output, kept)
    todo = (r for r in read_cases(paths.source) if r.key not in done)
    try:
        for result in runner.run(partitions(todo, partition_size), job):
            writer.write(result.lines)
            rows += result.violations
            summary.cases += len(result.lines)
            summary.failed += result.failed
            summary.violations_by_rule.update(_rule(r) for r in result.violations)
            if progress is not None:
                progress(len(result.lines))
    except BaseException:
        writer.abandon()
        raise
    write_violations(paths.violations, rows)
    writer.finish()
    return summary


def _resumed(output: Path, summary: BatchSummary, rows: list[dict[str, Any]]) -> tuple[list[str], set[str]]:
    """An earlier run's finished lines (the first per input) and their inputs, counted into the summary and rows."""
    kept: list[str] = []
    done: set[str] = set()
    for line in earlier_lines(output):
        answer = json.loads(line)
        if answer["input"] in done:
            continue  # in both the output and .partial: the first answer stands
        kept.append(line)
        done.add(answer["input"])
        found = rows_from_answer(answer)
        rows += found
        summary.failed += "error" in answer
        summary.violations_by_rule.update(_rule(r) for r in found)
    summary.cases = summary.resumed = len(kept)
    return kept, done


def _rule(row: dict[str, Any]) -> str:
    return f"{row['rule_id']} {row['duty']}"


def planned(paths: BatchPaths) -> int:
    """How many cases the input holds (the progress bar's total)."""
    return count_cases(paths.source)
