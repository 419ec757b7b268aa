"""Benchmark: how far below `legalrules evaluate` a command line using the case contract could start.

    make bench          (or: .venv/bin/python bench/bench_cli_floor.py [--runs N])

Issue 13 asks the CLI for at most 1.6x the wall time of `python -c "import pydantic,
typer, yaml"`. This times, interleaved and started the same way, that command and
what it takes on the way to an answer: importing pydantic's `BaseModel`; building
and using one two-field model; importing the case contract's classes
(`legalrules.case.model`); parsing the example case with it; then `legalrules
evaluate` with the native evaluator only and with the durable-rules cross-check.
Each row prints its median wall time and its ratio to the bare imports: a row above
1.6x bounds every command that needs it from below.

It prints a table, then as its last line one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CLI = str(ROOT / ".venv" / "bin" / "legalrules")
EXAMPLE = str(ROOT / "examples" / "murder_summons_to_arrest.yaml")
AS_OF = "2026-11-22T10:00:00+08:00"
IMPORTS = "import pydantic, typer, yaml"
STEPS: dict[str, list[str]] = {
    "bare imports": [PYTHON, "-c", IMPORTS],
    "+ from pydantic import BaseModel": [PYTHON, "-c", f"{IMPORTS}\nfrom pydantic import BaseModel"],
    "+ one two-field model built and used": [
        PYTHON, "-c", f"{IMPORTS}\nfrom pydantic import BaseModel\n"
                      "class M(BaseModel):\n    a: int\n    b: str\nM.model_validate({'a': 1, 'b': 'x'})"],
    "+ the case contract's classes": [PYTHON, "-c", f"{IMPORTS}\nfrom legalrules.case.model import CaseFacts"],
    "+ the example case parsed": [
        PYTHON, "-c", f"{IMPORTS}\nfrom legalrules.case.io import load_case\nload_case({EXAMPLE!r})"],
    "legalrules evaluate --engine native": [CLI, "evaluate", EXAMPLE, "--as-of", AS_OF, "--engine", "native"],
    "legalrules evaluate": [CLI, "evaluate", EXAMPLE, "--as-of", AS_OF],
}


def walls(runs: int) -> dict[str, float]:
    """Median wall time (ms) of each step, runs interleaved so a moment's load hits every step alike."""
    for command in STEPS.values():
        subprocess.run(command, check=True, capture_output=True)  # warm-up: fills the compile cache
    times: dict[str, list[float]] = {name: [] for name in STEPS}
    for _ in range(runs):
        for name, command in STEPS.items():
            tick = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - tick)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    found = walls(args.runs)
    bare = found["bare imports"]
    print(f"{'step (median of ' + str(args.runs) + ' interleaved runs)':<46} {'wall ms':>8} {'vs bare':>8}")
    for name, ms in found.items():
        print(f"{name:<46} {ms:>8.0f} {ms / bare:>7.2f}x")
    print(json.dumps({"runs": args.runs, "wall_ms": found,
                      "ratio_to_bare_imports": {name: ms / bare for name, ms in found.items()}}, sort_keys=True))


if __name__ == "__main__":
    main()
