"""Batch audits on this machine: answers, errors on their own lines, the violations table, processes and resume."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from legalrules import Engine, parse_case
from legalrules.engine.crosscheck import CrossCheck
from legalrules.frontends.batch import BatchJob, BatchPaths, make_runner, run_batch
from legalrules.frontends.batch.runners import Runner
from legalrules.frontends.batch.writers import partial_path

from .conftest import AS_OF, EXAMPLES, write_cases


def _paths(source: Path, out: Path) -> BatchPaths:
    return BatchPaths(source, out / "answers.jsonl", out / "violations.parquet")


def _run(source: Path, out: Path, job: BatchJob, workers: int = 1, **options: object) -> BatchPaths:
    paths = _paths(source, out)
    with make_runner(workers, None) as runner:
        run_batch(paths, job, runner, **options)  # type: ignore[arg-type]
    return paths


@pytest.fixture(scope="module")
def local_run(cases_jsonl: Path, job: BatchJob, tmp_path_factory: pytest.TempPathFactory) -> BatchPaths:
    """The reference run: in this process, partitions of 4."""
    return _run(cases_jsonl, tmp_path_factory.mktemp("local"), job, partition_size=4)


def test_every_case_answered_in_order_and_equal_to_the_engine(local_run: BatchPaths, cases_jsonl: Path,
                                                               engine: Engine) -> None:
    """One line a case in input order; each decision is Engine.evaluate's, byte for byte."""
    inputs = cases_jsonl.read_text(encoding="utf-8").splitlines()
    lines = local_run.output.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["input"] for line in lines] == [f"cases.jsonl:{n}" for n in range(1, len(inputs) + 1)]
    first = json.loads(lines[0])
    expected = engine.evaluate(parse_case(inputs[0], "x"), as_of=AS_OF).model_dump_json()
    assert json.dumps(first["decision"], ensure_ascii=False, separators=(",", ":")) == expected
    assert not partial_path(local_run.output).exists()


def test_a_bad_case_gets_its_problems_and_the_run_goes_on(local_run: BatchPaths) -> None:
    """The invalid and the torn line each get an error line with file, line and field; the others are answered."""
    answers = [json.loads(line) for line in local_run.output.read_text(encoding="utf-8").splitlines()]
    errors = {a["input"]: a["error"] for a in answers if "error" in a}
    assert set(errors) == {"cases.jsonl:4", "cases.jsonl:8"}
    [bad] = errors["cases.jsonl:4"]["problems"]
    assert (bad["line"], bad["field"], bad["file"].endswith("cases.jsonl")) == (4, "suspect.birth_date", True)
    assert errors["cases.jsonl:8"]["type"] == "urn:legalrules:problem:case-file"
    assert len(answers) - len(errors) == 3 * len(EXAMPLES)


def test_violations_table_lists_every_violation(local_run: BatchPaths) -> None:
    """The Parquet table holds each answered decision's violations: case, ruleset, rule, citation, due, late by."""
    table = pq.read_table(local_run.violations)
    expected = [(a["case_id"], v["rule_id"], v["citation"], datetime.fromisoformat(v["due"]), v["late_by_seconds"])
                for a in map(json.loads, local_run.output.read_text(encoding="utf-8").splitlines())
                if "decision" in a for v in a["decision"]["violations"]]
    assert expected, "the examples include missed deadlines"
    rows = table.to_pylist()
    assert [(r["case_id"], r["rule_id"], r["citation"], r["due"], r["late_by_seconds"]) for r in rows] == expected
    assert str(table.schema.field("due").type) == "timestamp[ms, tz=Asia/Shanghai]"


def test_two_processes_write_the_same_bytes(local_run: BatchPaths, cases_jsonl: Path, job: BatchJob,
                                            tmp_path: Path) -> None:
    """`--workers 2` (the Engine's worker pool) gives output identical to the in-process run and to evaluate_many's."""
    pooled = _run(cases_jsonl, tmp_path, job, workers=2, partition_size=4)
    assert pooled.output.read_bytes() == local_run.output.read_bytes()
    assert pq.read_table(pooled.violations).equals(pq.read_table(local_run.violations))
    answered = [(n, line) for n, line in enumerate(pooled.output.read_bytes().splitlines()) if b'"decision"' in line]
    inputs = cases_jsonl.read_text(encoding="utf-8").splitlines()
    cases = [parse_case(inputs[n], "x") for n, _ in answered]
    engine = Engine()
    try:
        many = list(engine.evaluate_many(cases, workers=2, as_of=job.as_of, as_json=True, chunk_size=4))
    finally:
        engine.close()
    assert [line.split(b',"decision":', 1)[1][:-1] for _, line in answered] == [m.encode() for m in many]


def test_summary_lines(cases_jsonl: Path, job: BatchJob, tmp_path: Path, local_run: BatchPaths) -> None:
    """`--summary` keeps verdicts, deadlines and violations only, the violations as in the full decision."""
    summary_job = BatchJob(as_of=job.as_of, summary=True)
    short = _run(cases_jsonl, tmp_path, summary_job, partition_size=50)
    full = [json.loads(line) for line in local_run.output.read_text(encoding="utf-8").splitlines()]
    for brief, whole in zip(map(json.loads, short.output.read_text(encoding="utf-8").splitlines()), full):
        if "error" in whole:
            continue
        assert set(brief) == {"input", "case_id", "verdicts", "deadlines", "violations"}
        assert brief["violations"] == whole["decision"]["violations"]
        assert len(brief["verdicts"]) == len(whole["decision"]["conclusions"])


def test_cross_check_setting_reaches_every_case(cases_jsonl: Path, tmp_path: Path) -> None:
    """`--cross-check off` is recorded in each decision, and durable-rules does not run."""
    paths = _run(cases_jsonl, tmp_path, BatchJob(as_of=AS_OF, cross_check=CrossCheck.off()), partition_size=50)
    engines = [json.loads(line)["decision"]["engine"] for line in paths.output.read_text(encoding="utf-8").splitlines()
               if '"decision"' in line]
    assert engines and all((e["cross_check"], e["ran"]) == ("off", ["native"]) for e in engines)


def test_resume_skips_what_is_done_and_drops_a_torn_line(local_run: BatchPaths, cases_jsonl: Path, job: BatchJob,
                                                         tmp_path: Path) -> None:
    """After an interruption (.partial with a torn last line), --resume finishes to the uninterrupted output."""
    paths = _paths(cases_jsonl, tmp_path)
    done = local_run.output.read_text(encoding="utf-8").splitlines(keepends=True)
    partial_path(paths.output).write_text("".join(done[:5]) + done[5][:40], encoding="utf-8")
    counted: list[int] = []
    with Runner() as runner:
        summary = run_batch(paths, job, runner, resume=True, progress=counted.append)
    assert summary.resumed == 5 and sum(counted) == len(done) - 5
    assert paths.output.read_bytes() == local_run.output.read_bytes()
    assert pq.read_table(paths.violations).equals(pq.read_table(local_run.violations))


def test_folder_and_parquet_inputs(tmp_path: Path, job: BatchJob, engine: Engine) -> None:
    """A folder of case files and a Parquet column of JSON cases are read as the JSONL is."""
    import pyarrow as pa

    folder = tmp_path / "cases"
    folder.mkdir()
    for path in EXAMPLES[:3]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.yaml").write_text("case: {id: X}\nsuspect:\n  birth_date: 1990-02-30\n", encoding="utf-8")
    for name in ("f", "p", "j"):
        (tmp_path / name).mkdir()
    by_folder = _run(folder, tmp_path / "f", job)
    answers = [json.loads(line) for line in by_folder.output.read_text(encoding="utf-8").splitlines()]
    assert [a["input"] for a in answers] == sorted(["bad.yaml"] + [p.name for p in EXAMPLES[:3]])
    [problem] = answers[0]["error"]["problems"]
    assert (problem["line"], problem["field"]) == (3, "suspect.birth_date")

    jsonl = write_cases(tmp_path / "few.jsonl", copies=1, broken=False)
    texts = jsonl.read_text(encoding="utf-8").splitlines()
    pq.write_table(pa.table({"case": texts}), tmp_path / "few.parquet")
    from_parquet = _run(tmp_path / "few.parquet", tmp_path / "p", job)
    from_jsonl = _run(jsonl, tmp_path / "j", job)
    strip = [{k: v for k, v in json.loads(line).items() if k != "input"}
             for line in from_parquet.output.read_text(encoding="utf-8").splitlines()]
    assert strip == [{k: v for k, v in json.loads(line).items() if k != "input"}
                     for line in from_jsonl.output.read_text(encoding="utf-8").splitlines()]
