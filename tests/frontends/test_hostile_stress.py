"""Hostile inputs finish in bounded time and memory (`make stress`): the alias bomb, 10,000 interrogations,
3,000 measures with 3,000 events."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..case.test_limits import ALIAS_BOMB
from .test_cli import ROOT

pytestmark = pytest.mark.slow
MEMORY_MB = 2_048  # resident memory no run may reach (10,000 interrogations took 5.6 GB)


def _run(case: Path, seconds: float, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "legalrules", "evaluate", str(case), "--json", "--as-of", "2024-06-01T00:00:00+08:00"],
        capture_output=True, text=True, cwd=ROOT, timeout=seconds,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env})
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    assert peak_mb < MEMORY_MB, f"a run reached {peak_mb:.0f} MB"
    return proc, time.monotonic() - started


def _interrogations(n: int) -> str:
    rows = "".join(f"  - {{id: i{i}, start: 2024-03-{1 + i % 28:02d}T{i % 24:02d}:00:00+08:00, "
                   "place: law_enforcement_venue, recorded: true}\n" for i in range(n))
    return ("case: {id: H, handling_organ: public_security}\noffences: [{charge: murder, statutory_max: death}]\n"
            "suspect: {birth_date: 1980-01-01}\ninterrogations:\n" + rows)


def _measures_with_events(n: int) -> str:
    measures = "".join(f"  - {{id: m{i}, kind: detention, start: 2024-03-04T10:00:00+08:00}}\n" for i in range(n))
    events = "".join(f"  - {{kind: family_notified, at: 2024-03-04T20:00:00+08:00, measure: m{i}}}\n"
                     for i in range(n))
    return f"case: {{id: H, handling_organ: public_security}}\nmeasures:\n{measures}events:\n{events}"


def test_the_alias_bomb_is_refused_in_seconds(tmp_path: Path) -> None:
    """The 300-byte bomb (80-150 s before, in the error path) is an input error at once."""
    case = tmp_path / "bomb.yaml"
    case.write_text(ALIAS_BOMB, encoding="utf-8")
    proc, seconds = _run(case, 60)
    print(f"\nalias bomb: exit {proc.returncode} in {seconds:.1f} s")
    assert proc.returncode == 2 and "LEGALRULES_MAX_CASE_VALUES" in proc.stderr


def test_ten_thousand_interrogations_are_refused_by_the_list_limit(tmp_path: Path) -> None:
    """An 899 KB file of 10,000 interrogations (101 s and 5.6 GB before) is refused, naming the limit."""
    case = tmp_path / "interrogations.yaml"
    case.write_text(_interrogations(10_000), encoding="utf-8")
    assert case.stat().st_size < 1_000_000
    proc, seconds = _run(case, 60)
    print(f"\n10,000 interrogations: exit {proc.returncode} in {seconds:.1f} s")
    assert proc.returncode == 2 and "LEGALRULES_MAX_LIST_ITEMS" in proc.stderr


def test_three_thousand_measures_with_events_evaluate_in_bounded_time(tmp_path: Path) -> None:
    """3,000 detentions each notified (36 s before, quadratic) are refused by default, and evaluated with the limit raised."""
    case = tmp_path / "measures.yaml"
    case.write_text(_measures_with_events(3_000), encoding="utf-8")
    refused, _ = _run(case, 60)
    assert refused.returncode == 2 and "LEGALRULES_MAX_LIST_ITEMS" in refused.stderr
    proc, seconds = _run(case, 180, LEGALRULES_MAX_LIST_ITEMS="3000")
    print(f"\n3,000 measures with events, limit raised: exit {proc.returncode} in {seconds:.1f} s, "
          f"{len(proc.stdout) / 1e6:.0f} MB of JSON")
    assert proc.returncode == 0, proc.stderr[-2000:]
