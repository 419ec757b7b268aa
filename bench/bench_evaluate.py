"""Benchmark: every path of a decision on the same seeded cases, against hand-coded Python.

    make bench          (or: .venv/bin/python bench/bench_evaluate.py [--cases N] [--slow-cases N])

In one process run, on the cases of `synthetic.synthetic_cases` (seed 2014): the
av_2014 recording decision hand-coded in plain Python (`reference_av2014.py`, the
reference: a test holds it equal to the engine on every case), `Engine.values` (av_2014
alone, the three founding rulesets, and all rulesets), parsing, the full native decision
with and without JSON (on all rulesets, and on the three founding rulesets issue 13's
target names), the default decision (durable-rules cross-check on every case, and on a
1% sample), the durable-rules adapter alone, `evaluate_many` on 1 and 2 workers
(yielding JSON, and yielding Decision objects), and the CLI's wall time against
`python -c "import pydantic, typer, yaml"` started the same way.
The paths slower than about 1,000 cases/s run on the first `--slow-cases` cases. Every
path runs `--rounds` times, interleaved, and its best round counts (the host is shared).

It prints a table, then as its last line one JSON object with every figure and
ratio. Ratios are what to compare across runs; the first line times a plain
3M-iteration loop, and figures from moments whose loop times differ are not comparable.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference_av2014 import recording_decision  # noqa: E402
from synthetic import BENCH_CASES, synthetic_cases  # noqa: E402

from legalrules import CaseFacts, CrossCheck, Engine  # noqa: E402
from legalrules.engine.durable import AVAILABLE  # noqa: E402
from legalrules.engine.evaluate import _select  # noqa: E402
from legalrules.engine.frames import build_frames  # noqa: E402
from legalrules.interpretations import Interpretations  # noqa: E402

AS_OF = datetime.fromisoformat("2026-11-22T10:00:00+08:00")
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "murder_summons_to_arrest.yaml")
Row = dict[str, Any]
# Issue 13's target for `Engine.values` names "all three rulesets": the founding instruments,
# all there were when it was set. The three organ rule books added since are timed as well.
FOUNDING = ("av_2014", "procuratorate_1999", "crim_proc")


def throughput(items: list[Any], run: Callable[[Any], object]) -> float:
    """Items per second over a plain loop."""
    began = time.perf_counter()
    for item in items:
        run(item)
    return len(items) / (time.perf_counter() - began)


def latency(items: list[Any], run: Callable[[Any], object]) -> tuple[float, float]:
    """p50 and p99 in µs, timing each of (at most) the first 1,000 items."""
    latencies = []
    for item in items[:1000]:
        tick = time.perf_counter()
        run(item)
        latencies.append(time.perf_counter() - tick)
    latencies.sort()
    return latencies[len(latencies) // 2] * 1e6, latencies[int(len(latencies) * 0.99)] * 1e6


def measure_all(paths: list[tuple[str, list[Any], Callable[[Any], object], bool]], rounds: int) -> list[Row]:
    """Each path's best throughput over `rounds` rounds, the paths interleaved within each round.

    Other work on the host slows whatever runs at that moment: interleaving spreads it
    over every path, and the best round is the one least disturbed (as `timeit` takes the
    minimum). `latency` marks the paths whose per-case latency is measured too.
    """
    for _, items, run, _ in paths:
        for item in items[:200]:
            run(item)  # warm-up
    best = [0.0] * len(paths)
    for _ in range(rounds):
        for index, (_, items, run, _) in enumerate(paths):
            best[index] = max(best[index], throughput(items, run))
    rows = []
    for (label, items, run, timed), rate in zip(paths, best):
        p50, p99 = latency(items, run) if timed else (None, None)
        rows.append({"path": label, "cases": len(items), "per_s": rate, "p50_us": p50, "p99_us": p99})
    return rows


def host_loop() -> float:
    """Seconds for a plain 3M-iteration Python loop: how fast the host is right now."""
    tick = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i
    return time.perf_counter() - tick


def cli_walls(runs: int) -> dict[str, float]:
    """Median wall time (ms) of `legalrules evaluate`, `deadlines` and the bare imports, runs interleaved."""
    python = ROOT / ".venv" / "bin" / "python"
    cli = ROOT / ".venv" / "bin" / "legalrules"
    commands = {
        "imports": [str(python), "-c", "import pydantic, typer, yaml"],
        "evaluate": [str(cli), "evaluate", EXAMPLE, "--as-of", AS_OF.isoformat()],
        "deadlines": [str(cli), "deadlines", EXAMPLE, "--as-of", AS_OF.isoformat()],
    }
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True)  # warm-up: fills the compile cache
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():  # interleaved: each moment's load hits all three alike
            tick = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls[name].append(time.perf_counter() - tick)
    return {name: statistics.median(values) * 1000 for name, values in walls.items()}


def durable_only(engine: Engine) -> Callable[[list[tuple[str, Any]]], None]:
    """The adapter alone, on frames built beforehand (`prepared_frames`), every concluding ruleset."""
    adapter = engine.durable()

    def run(prepared: list[tuple[str, Any]]) -> None:
        for ruleset_id, frames in prepared:
            adapter.run(ruleset_id, frames)
    return run


def prepared_frames(engine: Engine, cases: list[CaseFacts]) -> list[list[tuple[str, Any]]]:
    """Each case's frames, selected per ruleset, as the adapter receives them."""
    out = []
    for case in cases:
        frames = build_frames(case, AS_OF, Interpretations())
        out.append([(r.id, _select(r, frames).frames) for r in engine.rulesets if r.conclusions])
    return out


def run_rows(cases: list[CaseFacts], slow: list[CaseFacts], rounds: int) -> list[Row]:
    engine = Engine()
    av_only = Engine([engine.ruleset("av_2014")])
    founding = Engine([engine.ruleset(ruleset_id) for ruleset_id in FOUNDING])
    day = AS_OF.date()
    documents = [case.model_dump(mode="json", exclude_none=True) for case in cases]
    texts = [case.model_dump_json(exclude_none=True) for case in cases]
    paths: list[tuple[str, list[Any], Callable[[Any], object], bool]] = [
        ("hand-coded av_2014 recording (reference)", cases, lambda c: recording_decision(c, day), True),
        ("Engine.values, av_2014 alone", cases, lambda c: av_only.values(c, as_of=AS_OF), True),
        ("Engine.values, the three founding rulesets", cases, lambda c: founding.values(c, as_of=AS_OF), True),
        ("Engine.values, all rulesets", cases, lambda c: engine.values(c, as_of=AS_OF), True),
        ("parse: CaseFacts.model_validate (dict)", documents, CaseFacts.model_validate, True),
        ("parse: CaseFacts.model_validate_json", texts, CaseFacts.model_validate_json, True),
        ("native decision, not serialized", slow, lambda c: engine.evaluate(c, as_of=AS_OF, engine="native"), True),
        ("native decision + JSON", slow,
         lambda c: engine.evaluate(c, as_of=AS_OF, engine="native").model_dump_json(), True),
        ("native decision, founding three", slow, lambda c: founding.evaluate(c, as_of=AS_OF, engine="native"), True),
        ("native decision + JSON, founding three", slow,
         lambda c: founding.evaluate(c, as_of=AS_OF, engine="native").model_dump_json(), True),
    ]
    if AVAILABLE:
        sample = CrossCheck.sample(0.01)
        paths += [
            ("default decision, cross-check every case", slow, lambda c: engine.evaluate(c, as_of=AS_OF), True),
            ("default decision, cross-check 1% sample", slow,
             lambda c: engine.evaluate(c, as_of=AS_OF, cross_check=sample), True),
            ("durable-rules adapter alone", prepared_frames(engine, slow), durable_only(engine), True),
        ]
    batch = Engine()
    for as_json in (True, False):
        for workers in (1, 2):
            label = f"evaluate_many, native{', JSON' if as_json else ''}, {workers} worker(s)"
            paths.append((label, [slow], partial(_batch, batch, workers, as_json), False))
    rows = measure_all(paths, rounds)
    batch.close()
    for row in rows:  # a batch path runs its whole list as one item
        if row["path"].startswith("evaluate_many"):
            row["cases"], row["per_s"] = len(slow), row["per_s"] * len(slow)
    return rows


def _batch(engine: Engine, workers: int, as_json: bool, cases: list[CaseFacts]) -> None:
    """One batch call over every case, consumed to the end (the pool is started in the warm-up)."""
    for _ in engine.evaluate_many(cases, workers=workers, as_of=AS_OF, engine="native", as_json=as_json):
        pass


def ratios(rows: list[Row], walls: dict[str, float]) -> dict[str, float]:
    """Every ratio the issue's targets name."""
    rate = {row["path"]: row["per_s"] for row in rows}
    reference = rate["hand-coded av_2014 recording (reference)"]
    out = {f"{path} / reference": value / reference for path, value in rate.items() if value != reference}
    if "default decision, cross-check 1% sample" in rate:
        out["native decision / default with 1% sample"] = (rate["native decision, not serialized"]
                                                          / rate["default decision, cross-check 1% sample"])
    for kind in (", JSON", ""):
        out[f"evaluate_many{kind} 2 workers / 1 worker"] = (rate[f"evaluate_many, native{kind}, 2 worker(s)"]
                                                           / rate[f"evaluate_many, native{kind}, 1 worker(s)"])
    for command in ("evaluate", "deadlines"):
        out[f"CLI {command} / imports"] = walls[command] / walls["imports"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=BENCH_CASES)
    parser.add_argument("--slow-cases", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cli-runs", type=int, default=9)
    args = parser.parse_args()
    loop = host_loop()
    print(f"host: a 3M-iteration Python loop takes {loop:.3f} s; Python {sys.version.split()[0]}")
    cases = synthetic_cases(args.cases)
    rows = run_rows(cases, cases[: args.slow_cases], args.rounds)
    walls = cli_walls(args.cli_runs)
    loop_after = host_loop()
    reference = rows[0]["per_s"]
    print(f"{'path':<46} {'cases':>6} {'cases/s':>10} {'vs reference':>13} {'p50 µs':>9} {'p99 µs':>9}")
    for row in rows:
        p50 = "" if row["p50_us"] is None else f"{row['p50_us']:.1f}"
        p99 = "" if row["p99_us"] is None else f"{row['p99_us']:.1f}"
        versus = f"1/{reference / row['per_s']:,.1f}"
        print(f"{row['path']:<46} {row['cases']:>6} {row['per_s']:>10,.0f} {versus:>13} {p50:>9} {p99:>9}")
    print(f"CLI wall, median of {args.cli_runs} interleaved runs: imports {walls['imports']:.0f} ms, "
          f"evaluate {walls['evaluate']:.0f} ms, deadlines {walls['deadlines']:.0f} ms")
    found = ratios(rows, walls)
    for name, value in found.items():
        print(f"  {name}: {value:.4g}")
    print(f"host loop after the run: {loop_after:.3f} s")
    print(json.dumps({"host_loop_s": round(loop, 4), "host_loop_after_s": round(loop_after, 4),
                      "python": sys.version.split()[0], "rows": rows, "cli_ms": walls, "ratios": found},
                     sort_keys=True, default=float))


if __name__ == "__main__":
    main()
