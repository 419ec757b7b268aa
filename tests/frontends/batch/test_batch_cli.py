"""`legalrules batch` as a user runs it: files written, a summary, exit codes, nothing written on bad input."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from legalrules.frontends.cli.app import app

from .conftest import write_cases

AS_OF = "2025-10-20T10:00:00+08:00"


def test_batch_writes_answers_and_table_and_exits_3_when_a_case_failed(cases_jsonl: Path, tmp_path: Path) -> None:
    """Two bad cases among the examples: every line written, the table beside it, a summary, exit 3."""
    out = tmp_path / "answers.jsonl"
    result = CliRunner().invoke(app, ["batch", str(cases_jsonl), "-o", str(out), "--workers", "1",
                                      "--as-of", AS_OF, "--summary"])
    assert result.exit_code == 3, result.output
    assert (tmp_path / "answers.violations.parquet").exists()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(cases_jsonl.read_text(encoding="utf-8").splitlines())
    assert "failed: 2" in result.stderr and "violations:" in result.stderr
    assert json.loads(lines[0])["case_id"]


def test_bad_invocation_writes_nothing(tmp_path: Path) -> None:
    """A missing input or an unwritable output is exit 2, said on stderr, with no file left behind."""
    out = tmp_path / "answers.jsonl"
    missing = CliRunner().invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "-o", str(out)])
    assert missing.exit_code == 2 and "nope.jsonl" in missing.stderr
    (tmp_path / "in.jsonl").write_text("{}\n", encoding="utf-8")
    nowhere = CliRunner().invoke(app, ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "no" / "x.jsonl")])
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_python_m_batch_on_two_processes(cases_jsonl: Path, tmp_path: Path) -> None:
    """`python -m legalrules batch --workers 2`: the real command on two worker processes, one summary."""
    out = tmp_path / "answers.jsonl"
    done = subprocess.run([sys.executable, "-m", "legalrules", "batch", str(cases_jsonl), "-o", str(out),
                           "--workers", "2", "--as-of", AS_OF, "--summary", "--partition-size", "8"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(cases_jsonl.read_text(encoding="utf-8").splitlines())
    assert done.stderr.count("cases:") == 1


def test_interrupted_run_leaves_no_output_and_resume_finishes_it(tmp_path: Path) -> None:
    """Ctrl-C mid-run: no output file, whole lines in .partial; --resume completes to the uninterrupted bytes."""
    source = write_cases(tmp_path / "many.jsonl", copies=25, broken=False)
    out = tmp_path / "answers.jsonl"
    partial = out.with_name(out.name + ".partial")
    command = [sys.executable, "-m", "legalrules", "batch", str(source), "-o", str(out), "--workers", "1",
               "--partition-size", "2", "--as-of", AS_OF, "--summary", "--cross-check", "off"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (partial.exists() and partial.read_text(encoding="utf-8").count("\n") >= 4):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it was interrupted"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode != 0 and not out.exists()
    kept = partial.read_text(encoding="utf-8")
    assert kept.endswith("\n") and all(json.loads(line) for line in kept.splitlines())
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({len(kept.splitlines())} kept from an earlier run)" in resumed.stderr
    whole = tmp_path / "whole.jsonl"
    again = subprocess.run([*command[:6], str(whole), *command[7:]], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == whole.read_bytes() and not partial.exists()


def _readme_pandas_example() -> str:
    """The README's Python block that reads the violations table with pandas."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```python\n")[1:]]
    [example] = [block for block in blocks if "read_parquet" in block]
    return example


def test_the_readme_pandas_example_reads_a_real_batchs_violations(tmp_path: Path) -> None:
    """The README's batch of the examples, then its pandas lines, run as written in the output's folder."""
    examples = Path(__file__).resolve().parents[3] / "examples"
    done = CliRunner().invoke(app, ["batch", str(examples), "-o", str(tmp_path / "answers.jsonl"), "--workers", "1",
                                    "--as-of", "2026-11-22T10:00:00+08:00", "--cross-check", "off"])
    assert done.exit_code == 0, done.output
    shown = subprocess.run([sys.executable, "-c", _readme_pandas_example()], cwd=tmp_path, capture_output=True,
                           text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    table = pq.read_table(tmp_path / "answers.violations.parquet").to_pylist()
    assert table and all(row["rule_id"] in shown.stdout for row in table)  # each violated rule, counted
    never_done = [row for row in table if row["late_by_seconds"] is None]
    assert all(row["case_id"] in shown.stdout for row in never_done)  # the second print: still not done
