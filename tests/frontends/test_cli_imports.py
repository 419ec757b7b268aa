"""A command imports what it needs and no more: each run is a fresh interpreter, so every import is paid again.

The CLI runs in a subprocess as the console script does (`legalrules.frontends.cli:main`), and the
modules it loaded are read from `sys.modules` when the command is done.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "murder_summons_to_arrest.yaml"
AS_OF = "2026-11-22T10:00:00+08:00"

# What rendering files, notices, the service, the batch and other commands load.
NEVER_FOR_AN_ANSWER = ("icalendar", "jinja2", "markupsafe", "fastapi", "starlette", "uvicorn", "pyarrow",
                       "rich", "dask", "pandas",
                       "legalrules.documents.calendar", "legalrules.documents.notices.render",
                       "legalrules.frontends.service", "legalrules.frontends.batch", "legalrules.frontends.explorer",
                       "legalrules.variations.compare", "legalrules.variations.sweep",
                       "legalrules.variations.interview", "legalrules.engine.bulk", "legalrules.engine.workers",
                       "legalrules.frontends.cli.notice", "legalrules.frontends.cli.serve",
                       # durable-rules' Python layer (Host, Ruleset, and logging with it): the adapter drives the
                       # C engine itself, creating rulesets from their cached JSON.
                       "durable")
DURABLE = ("durable", "durable_rules_engine")

_PROBE = """
import json, sys
sys.argv = ["legalrules", *json.loads(sys.argv[1])]
from legalrules.frontends.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
import gc
print("\\n@@" + json.dumps({"code": code, "modules": sorted(sys.modules), "collector": gc.isenabled()}))
"""


def _probe(*args: str) -> tuple[str, dict[str, Any]]:
    """What `legalrules ARGS` printed, and the probe's report (modules imported, whether the collector is on)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(list(args))], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    output, _, report = done.stdout.rpartition("\n@@")
    found = json.loads(report)
    assert found["code"] in (0, None), done.stderr
    return output, found


def loaded_by(*args: str) -> tuple[str, set[str]]:
    """What `legalrules ARGS` printed, and every module it had imported when done."""
    output, found = _probe(*args)
    return output, set(found["modules"])


def _among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("command", ["evaluate", "deadlines"])
def test_an_answer_loads_no_renderer_service_or_other_command(command: str) -> None:
    """`evaluate` and `deadlines` (no --ics/--html/--md) print their answer without those modules."""
    output, modules = loaded_by(command, str(EXAMPLE), "--as-of", AS_OF)
    assert "d1" in output or "Deadline" in output or "deadline" in output
    assert _among(modules, NEVER_FOR_AN_ANSWER) == []
    assert "durable_rules_engine" in modules  # the cross-check runs on the CLI's single case


def test_the_native_evaluator_alone_never_imports_durable_rules() -> None:
    """durable-rules is imported when a cross-check runs, not with the engine."""
    _, modules = loaded_by("evaluate", str(EXAMPLE), "--as-of", AS_OF, "--engine", "native")
    assert _among(modules, DURABLE) == []
    assert "legalrules.engine.evaluate" in modules  # the probe did run the engine


def test_a_calendar_loads_its_renderer(tmp_path: Path) -> None:
    """The probe sees imports: asking for --ics and --html loads icalendar and jinja2."""
    _, modules = loaded_by("deadlines", str(EXAMPLE), "--as-of", AS_OF, "--ics", str(tmp_path / "d.ics"),
                           "--html", str(tmp_path / "d.html"))
    assert _among(modules, ("icalendar", "jinja2")) != []


def test_the_whole_application_still_lists_every_command() -> None:
    """`legalrules --help` (no command named) builds the whole application."""
    output, _ = loaded_by("--help")
    for name in ("evaluate", "deadlines", "notice", "what-if", "serve", "batch", "facts"):
        assert name in output


@pytest.mark.parametrize("command", ["evaluate", "deadlines"])
def test_a_one_case_answer_runs_without_the_collector(command: str) -> None:
    """What a one-case command makes lives until it exits: the collector stays off (commands.ONE_CASE)."""
    output, found = _probe(command, str(EXAMPLE), "--as-of", AS_OF)
    assert output and found["collector"] is False


def test_other_commands_run_with_the_collector() -> None:
    """A command that is not one case's answer (here `rules`) has the collector back on."""
    _, found = _probe("rules")
    assert found["collector"] is True
