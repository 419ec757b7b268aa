"""The built wheel carries the rulesets and templates, and an installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    [built] = out.glob("legalrules-*.whl")
    return built


def test_the_wheel_contains_every_ruleset_file_and_the_templates(wheel: Path) -> None:
    """Each file under rulesets/ and templates/ is in the wheel under legalrules/_data/."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("rulesets", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                assert f"legalrules/_data/{path.relative_to(ROOT).as_posix()}" in names


def _run_unpacked(wheel: Path, tmp_path: Path, code: str) -> list[str]:
    """The output lines of `code` run from the unpacked wheel, with the checkout out of sight."""
    zipfile.ZipFile(wheel).extractall(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, check=True)
    return result.stdout.splitlines()


def test_an_unpacked_wheel_evaluates_with_its_own_rulesets(wheel: Path, tmp_path: Path) -> None:
    """Run from the unpacked wheel (not the checkout), the rulesets come from the package."""
    code = (
        "from legalrules.paths import rulesets_dir; from legalrules import Engine;"
        "print(rulesets_dir()); print(sorted(r.id for r in Engine().all_rulesets))"
    )
    where, ids = _run_unpacked(wheel, tmp_path, code)
    assert where.startswith(str(tmp_path)) and where.endswith("legalrules/_data/rulesets")
    bundled = sorted(p.name for p in (ROOT / "rulesets").iterdir() if (p / "ruleset.yaml").is_file())
    assert ids == str(bundled)


def test_an_unpacked_wheel_renders_calendars_from_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    """The calendar templates come from the package, so `pip install .` can render --html and --md."""
    code = (
        "from legalrules.paths import templates_dir; from legalrules.documents.calendar.render import render_calendar;"
        "from legalrules.legaltime.holidays import HolidayCalendar; from legalrules import Engine, CaseFacts;"
        "d = Engine().evaluate(CaseFacts.model_validate({'case': {'id': 'W-1'}}));"
        "print(templates_dir()); print(render_calendar(d, 'html', HolidayCalendar())[:15])"
    )
    where, start = _run_unpacked(wheel, tmp_path, code)
    assert where.startswith(str(tmp_path)) and where.endswith("legalrules/_data/templates")
    assert start == "<!DOCTYPE html>"


def test_an_unpacked_wheel_renders_notices_from_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    """The notice templates and print stylesheet come from the package too."""
    code = (
        "from datetime import datetime; from legalrules import Engine, CaseFacts, render_notice;"
        "c = CaseFacts.model_validate({'case': {'id': 'W-2'}, 'measures': [{'kind': 'detention',"
        " 'start': datetime.fromisoformat('2026-11-21T10:25:00+08:00')}]});"
        "d = Engine().evaluate(c, as_of=datetime.fromisoformat('2026-11-21T15:00:00+08:00'));"
        "t = render_notice(d, c, 'detention_family_notice', 'zh', 'html'); print(t[:15]); print('@page' in t)"
    )
    assert _run_unpacked(wheel, tmp_path, code) == ["<!DOCTYPE html>", "True"]


def test_the_wheel_declares_the_legalrules_command(wheel: Path) -> None:
    """`pip install .` gives a `legalrules` console command pointing at the CLI's main."""
    archive = zipfile.ZipFile(wheel)
    [entry_points] = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = archive.read(entry_points).decode()
    assert "[console_scripts]" in text and "legalrules = legalrules.frontends.cli:main" in text
    [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    requires = archive.read(metadata).decode()
    assert "Requires-Dist: durable-rules==2.0.28; python_version < '3.13'" in requires
