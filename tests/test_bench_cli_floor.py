"""bench/bench_cli_floor.py: every step it times runs, and its last line carries each figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_step_of_the_start_up_floor_runs_and_is_reported() -> None:
    """One run of each step: each command exits 0 (the bench checks), and the JSON names all seven."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_cli_floor.py"), "--runs", "1"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.splitlines()[-1])
    assert len(figures["wall_ms"]) == 7 and all(ms > 0 for ms in figures["wall_ms"].values())
    assert figures["ratio_to_bare_imports"]["bare imports"] == 1.0
    assert figures["ratio_to_bare_imports"]["legalrules evaluate"] > 1.0
