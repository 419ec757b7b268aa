"""Every CLI path, rendering and printing included, runs under the guard: exit 2 or 1, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from legalrules.frontends.cli import evaluate as evaluate_command
from legalrules.frontends.cli.app import app

from .test_cli import AS_OF, CASES, R, ROOT, VALID, assert_clean_input_error, run


@pytest.mark.parametrize("as_of", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-12:00",
                                   "1978-12-31T23:59:59+08:00"])
@pytest.mark.parametrize("command", ["evaluate", "deadlines"])
def test_an_as_of_outside_the_supported_range_exits_2(command: str, as_of: str) -> None:
    """`--as-of 0001-01-01...` was an internal error (exit 1); now bad input naming the range."""
    result = run(command, str(VALID), *R, "--as-of", as_of)
    assert_clean_input_error(result)
    assert "--as-of" in result.stderr
    assert "between 1979-01-01T00:00:00+08:00 and 2100-12-31T23:59:59+08:00" in result.stderr


def test_the_year_9999_as_of_that_overflowed_in_rendering_is_a_clean_error() -> None:
    """`evaluate --as-of 9999-12-31T23:59:59-12:00` printed a raw OverflowError traceback from the text rendering."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("LEGALRULES_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "legalrules", "evaluate", str(CASES / "valid.yaml"), *R,
         "--as-of", "9999-12-31T23:59:59-12:00"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("Error: --as-of")


def test_a_failure_while_rendering_the_answer_is_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error raised by the text rendering (after evaluating) exits 1 with a message, not an exception."""
    monkeypatch.delenv("LEGALRULES_DEBUG", raising=False)

    def broken(*_: object) -> str:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(evaluate_command, "render_answer", broken)  # what evaluate prints by default
    result = CliRunner().invoke(app, ["evaluate", str(VALID), *R, "--as-of", AS_OF])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # the guard's exit, not the OverflowError
    assert result.stderr.startswith("Error: internal error (OverflowError: date value out of range)")


def test_every_command_prints_through_the_control_character_filter() -> None:
    """No CLI module but `common` calls `typer.echo`, `print` or writes stdout itself.

    `ask` and `check` printed ruleset and case text with a bare `typer.echo`, so an escape
    sequence in a scenario label or a question reached the terminal raw; `say` and
    `run_and_print` show every control character as a symbol.
    """
    import ast

    from legalrules.frontends import cli

    offenders = []
    for module in sorted(Path(cli.__file__).parent.glob("*.py")):
        if module.name == "common.py":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = ast.unparse(node.func)
            if called in {"typer.echo", "print", "sys.stdout.write", "sys.stderr.write", "typer.secho"}:
                offenders.append(f"{module.name}:{node.lineno} {called}")
    assert offenders == []


def test_check_shows_an_escape_sequence_in_a_ruleset_as_symbols(tmp_path: Path) -> None:
    """A scenario named with an OSC sequence prints as symbols in `check`'s FAIL line."""
    import shutil

    rulesets = tmp_path / "rulesets"
    shutil.copytree(ROOT / "rulesets" / "av_2014", rulesets / "av_2014")
    scenario = rulesets / "av_2014" / "scenarios" / "ch1_general.yaml"
    text = scenario.read_text(encoding="utf-8")
    first = text.index("- name:")
    end = text.index("\n", first)
    # A YAML double-quoted "\e" is ESC and "\a" BEL: the label sets the terminal's title if printed raw.
    # The expectation is flipped so that the scenario fails and `check` prints its label.
    text = text[:first] + '- name: "forged \\e]0;pwned\\a"' + text[end:]
    flipped = "{conclusion: major_case, subject: \"interrogations[0]\", value: true, established_by: []}"
    text = text.replace(flipped.replace("true", "false"), flipped, 1)
    scenario.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--rulesets", str(rulesets)])
    assert result.exit_code == 1 and "FAIL" in result.stdout
    assert "forged ␛]0;pwned␇" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
