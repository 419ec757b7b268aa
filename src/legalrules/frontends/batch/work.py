"""The pure function every runner maps over partitions: cases in, output lines and violation rows out.

The local processes and a Dask cluster run exactly this, so a test on a
LocalCluster proves the cluster path. Each case is evaluated by the call
`Engine.evaluate_many` makes for it (`engine.workers.evaluate_one`); locally the
partitions run on the Engine's own worker pool (`Engine.worker_pool`), whose
processes each hold one Engine built from the parent's compiled rulesets. A Dask
worker loads one Engine per rulesets directory on its first partition and keeps it.

Parsing, evaluating and writing each answer line happen here, in the worker: the
parent only appends the lines, which are UTF-8 bytes from pydantic's serializer to
the file (a decision is a few hundred kB of JSON; as `str` it would be decoded and
encoded again on each side of the pipe).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from ...case.io import parse_case, validate_case_document
from ...case.model import CaseFacts
from ...decision.model import Decision
from ...engine.crosscheck import CrossCheck
from ...engine.evaluate import Engine, EngineMode
from ...engine.workers import BatchSettings, evaluate_one, worker_engine
from ...errors import CaseFileError, Problem
from ...interpretations import Interpretations
from ...legaltime.holidays import HolidayFile
from ..problem_details import problem_document
from .readers import CaseRecord

_ENGINES: dict[str | None, Engine] = {}
VIOLATION_FIELDS: Final = ("input", "case_id", "ruleset", "rule_id", "duty", "subject", "citation", "due",
                           "late_by_seconds", "text")


@dataclass(frozen=True)
class BatchJob:
    """What every case of a run is evaluated with (fixed once, so every worker answers alike)."""

    as_of: datetime
    engine: EngineMode = "both"
    cross_check: CrossCheck | None = None  # None: every case, as Engine.evaluate
    interpretations: Interpretations = field(default_factory=Interpretations)
    holidays: HolidayFile | None = None
    rulesets_root: str | None = None
    summary: bool = False

    def settings(self) -> BatchSettings:
        """The settings `Engine.evaluate_many` evaluates each case with, for these options."""
        return BatchSettings(self.as_of, self.interpretations, self.engine, self.cross_check, self.holidays)


@dataclass(frozen=True)
class PartitionResult:
    """One partition's output: a JSON line per case (UTF-8, no newline), the violation rows, how many failed."""

    lines: list[bytes]
    violations: list[dict[str, Any]]
    failed: int


def engine_for(rulesets_root: str | None) -> Engine:
    """This process's Engine for a rulesets directory, loaded once."""
    found = _ENGINES.get(rulesets_root)
    if found is None:
        found = _ENGINES[rulesets_root] = Engine(rulesets_root=Path(rulesets_root) if rulesets_root else None)
    return found


def evaluate_partition(records: list[CaseRecord], job: BatchJob) -> PartitionResult:
    """Evaluate each case of a partition; a case that fails gets an error line and the rest go on."""
    engine = worker_engine() or engine_for(job.rulesets_root)
    settings = job.settings()
    lines: list[bytes] = []
    rows: list[dict[str, Any]] = []
    failed = 0
    for record in records:
        key = json.dumps(record.key, ensure_ascii=False)
        try:
            outcome = evaluate_one(engine, read_case(record), settings, "raise")
            assert isinstance(outcome, Decision)
            lines.append(_answer_line(key, outcome, job.summary))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - one bad case must not stop the run; its line says why
            failed += 1
            error = json.dumps(problem_document(exc, status=False), ensure_ascii=False, separators=(",", ":"))
            lines.append(f'{{"input":{key},"error":{error}}}'.encode())
            continue
        rows += violation_rows(record.key, outcome)
    return PartitionResult(lines, rows, failed)


def read_case(record: CaseRecord) -> CaseFacts:
    """A record's case: a JSON line is parsed as JSON, a file as YAML or JSON; errors name file and line."""
    if not record.json_line:
        return parse_case(record.text, record.file)
    source = record.file if record.line is None else f"{record.file}:{record.line}"
    try:
        raw = json.loads(record.text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(source, [Problem(source, f"malformed JSON ({exc.msg} at column {exc.colno})",
                                             "one case as a JSON object", file=record.file, line=record.line)]) from None
    if not isinstance(raw, dict):
        raise CaseFileError(source, [Problem(source, f"JSON of type {type(raw).__name__}", "one case as a JSON "
                                             "object", file=record.file, line=record.line)])
    try:
        return validate_case_document(raw, source)
    except CaseFileError as exc:
        # The record is one line: its problems are at that line of that file.
        raise CaseFileError(source, [replace(p, file=record.file, line=record.line) for p in exc.problems]) from None


def _answer_line(key: str, decision: Decision, summary: bool) -> bytes:
    case_id = json.dumps(decision.case_id, ensure_ascii=False)
    if not summary:
        # The serializer's bytes are exactly model_dump_json().encode(), without the round trip through str.
        body = decision.__pydantic_serializer__.to_json(decision)
        return f'{{"input":{key},"case_id":{case_id},"decision":'.encode() + body + b"}"
    verdicts = [{"ruleset": c.ruleset, "conclusion": c.conclusion, "subject": c.subject, "value": c.value}
                for c in decision.conclusions]
    deadlines = [{"ruleset": d.ruleset, "rule_id": d.rule_id, "duty": d.duty, "subject": d.subject,
                  "due": d.due.isoformat(), "status": d.status} for d in decision.deadlines]
    violations = [v.model_dump(mode="json") for v in decision.violations]
    summary_body = json.dumps({"verdicts": verdicts, "deadlines": deadlines, "violations": violations},
                              ensure_ascii=False, separators=(",", ":"))
    return f'{{"input":{key},"case_id":{case_id},{summary_body[1:]}'.encode()


def violation_rows(key: str, decision: Decision) -> list[dict[str, Any]]:
    """The decision's violations as rows of the violations table."""
    return [{"input": key, "case_id": decision.case_id, "ruleset": v.ruleset, "rule_id": v.rule_id,
             "duty": v.duty, "subject": v.subject, "citation": v.citation, "due": v.due,
             "late_by_seconds": v.late_by_seconds, "text": v.text} for v in decision.violations]


def rows_from_answer(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The violation rows of an answer line written earlier, parsed (for `--resume`)."""
    if "error" in answer:
        return []
    found = answer.get("decision", answer).get("violations", [])
    return [{"input": answer["input"], "case_id": answer["case_id"], **{k: v[k] for k in VIOLATION_FIELDS[2:]},
             "due": datetime.fromisoformat(v["due"])} for v in found]
