"""Every CLI path, rendering and printing included, runs under the guard: exit 2 or 1, never a traceback."""

from __future__ import annotations

import os
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
