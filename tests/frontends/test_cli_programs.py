"""The CLI for programs calling it: `-` for standard input, `--version`, completion, `--json` errors, problems[]."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import legalrules
from legalrules import Engine, InputError, load_case, render_notice
from legalrules.frontends.cli import notice
from legalrules.frontends.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "theft_unknowns.yaml"
AS_OF = "2025-11-03T09:00:00+08:00"
BAD = "case: {id: X}\nsuspect:\n  birth_date: 1990-02-30\n"


def test_dash_reads_the_case_from_standard_input() -> None:
    """`evaluate -` gives what `evaluate FILE` gives; errors name <stdin> and its line."""
    from_file = CliRunner().invoke(app, ["evaluate", str(EXAMPLE), "--as-of", AS_OF, "--json"])
    piped = CliRunner().invoke(app, ["evaluate", "-", "--as-of", AS_OF, "--json"], input=EXAMPLE.read_text("utf-8"))
    assert piped.exit_code == 0 and piped.stdout == from_file.stdout
    changed = subprocess.run([sys.executable, "-m", "legalrules", "what-if", "-", "--set", "suspect.deaf=true",
                              "--as-of", AS_OF], input=EXAMPLE.read_text("utf-8"), capture_output=True, text=True,
                             timeout=60)
    assert changed.returncode == 0, changed.stderr  # the case is read twice (as is, and changed)
    bad = CliRunner().invoke(app, ["deadlines", "-"], input=BAD)
    assert bad.exit_code == 2 and "<stdin>:3 suspect.birth_date" in bad.stderr


def test_json_errors_are_problem_documents_on_stdout_with_exit_2() -> None:
    """With --json a bad case prints the service's problem document on stdout (and the message on stderr)."""
    for command in ("evaluate", "deadlines"):
        result = CliRunner().invoke(app, [command, "-", "--json"], input=BAD)
        assert result.exit_code == 2 and result.stderr.startswith("Error: ")
        document = json.loads(result.stdout)
        assert document["type"] == "urn:legalrules:problem:case-file" and document["exit_code"] == 2
        [problem] = document["problems"]
        assert (problem["file"], problem["line"], problem["field"]) == ("<stdin>", 3, "suspect.birth_date")
    what_if = CliRunner().invoke(app, ["what-if", "-", "--set", "suspect.deaf=true", "--json"], input=BAD)
    assert what_if.exit_code == 2 and json.loads(what_if.stdout)["problems"][0]["line"] == 3
    for args in (["diff", "-", str(EXAMPLE)], ["sweep", "-", "--vary", "suspect.deaf=*"]):  # every --json command
        found = CliRunner().invoke(app, [*args, "--json"], input=BAD)
        assert found.exit_code == 2, found.output
        [problem] = json.loads(found.stdout)["problems"]
        assert (problem["file"], problem["line"], problem["field"]) == ("<stdin>", 3, "suspect.birth_date")
    plain = CliRunner().invoke(app, ["evaluate", "-"], input=BAD)
    assert plain.exit_code == 2 and plain.stdout == ""


def test_version_and_shell_completion() -> None:
    """`--version` prints the package version; completion scripts are offered for the shells."""
    version = CliRunner().invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout == f"legalrules {legalrules.__version__}\n"
    env = {**os.environ, "_LEGALRULES_COMPLETE": "complete_bash", "COMP_WORDS": "legalrules ev", "COMP_CWORD": "1"}
    completed = subprocess.run([sys.executable, "-c", "from legalrules.frontends.cli import main; main()"],
                               env=env, capture_output=True, text=True, timeout=60)
    assert "evaluate" in completed.stdout.split()


def test_render_notice_defaults_to_the_cli_format() -> None:
    """The Python API's render_notice and `legalrules notice` default to the same format (Markdown)."""
    cli_default = inspect.signature(notice.notice).parameters["fmt"].default.value
    assert inspect.signature(render_notice).parameters["fmt"].default == cli_default == "md"


def test_input_error_problems_carry_file_line_and_field(tmp_path: Path, engine: Engine) -> None:
    """InputError.problems[]: file, line and field path as attributes of their own; an error of a name has none."""
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_case(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 3, "suspect.birth_date")
    assert problem.location == f"{path}:3 suspect.birth_date" and problem.as_dict()["line"] == 3
    with pytest.raises(InputError) as unknown:
        engine.ruleset("no_such_ruleset")
    assert unknown.value.problems == ()
