"""Benchmark: time and peak memory of one case as its lists grow, 10 to 10,000 items (issue 12).

    .venv/bin/python bench/bench_hostile.py [--sizes 10,100,1000,10000] [--interrogations 10,100,1000]

Each case is evaluated in a fresh process (the bundled rulesets, the default `--engine
both`, the decision serialised to JSON), which reports its own wall time from parsing to
JSON and its peak resident memory. Two shapes: N detentions each with its own family
notice event (the deadline path, which was quadratic: each anchor scanned every event),
and N interrogations (the conclusion path). The list and size limits are raised for the
run through their LEGALRULES_MAX_* variables. It prints a table with per-item figures,
whose flatness is what linear means, then the figures as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from datetime import datetime
from legalrules import Engine, parse_case
engine = Engine()
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
decision = engine.evaluate(parse_case(text, sys.argv[1]), as_of=datetime.fromisoformat("2024-06-01T00:00:00+08:00"))
size = len(decision.model_dump_json())
print(json.dumps({"seconds": time.perf_counter() - started, "json_bytes": size, "deadlines": len(decision.deadlines),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
HEAD = "case: {id: BENCH, handling_organ: public_security, proceeding: criminal}\n"


def detentions(n: int) -> str:
    """N detentions, each notified by its own event a few hours later."""
    lines = [HEAD, "measures:\n"]
    lines += [f"  - {{id: d{i}, kind: detention, start: 2024-03-04T{i % 10:02d}:{i % 60:02d}:00+08:00}}\n"
              for i in range(n)]
    lines.append("events:\n")
    lines += [f"  - {{kind: family_notified, at: 2024-03-04T{12 + i % 10:02d}:00:00+08:00, measure: d{i}}}\n"
              for i in range(n)]
    return "".join(lines)


def interrogations(n: int) -> str:
    """N recorded interrogations of a murder suspect, spread over March 2024."""
    lines = [HEAD, "offences: [{charge: murder, statutory_max: death, intentional: true}]\n",
             "suspect: {birth_date: 1980-01-01}\ninterrogations:\n"]
    lines += [f"  - {{id: i{i}, start: 2024-03-{1 + i % 28:02d}T{i % 24:02d}:00:00+08:00, "
              f"place: law_enforcement_venue, recorded: true}}\n" for i in range(n)]
    return "".join(lines)


def measure(text: str) -> dict[str, float]:
    """Evaluate one case file in a fresh process with the limits raised."""
    env = {**os.environ, "LEGALRULES_MAX_LIST_ITEMS": "100000", "LEGALRULES_MAX_CASE_BYTES": "100000000",
           "LEGALRULES_MAX_CASE_VALUES": "10000000"}
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    try:
        proc = subprocess.run([sys.executable, "-c", CHILD, handle.name], capture_output=True, text=True,
                              env=env, check=True)
    finally:
        Path(handle.name).unlink()
    figures: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000", help="detention counts")
    parser.add_argument("--interrogations", default="10,100,1000", help="interrogation counts")
    args = parser.parse_args()
    rows = []
    for shape, build, sizes in (("detentions+events", detentions, args.sizes),
                                ("interrogations", interrogations, args.interrogations)):
        for n in (int(x) for x in sizes.split(",") if x):
            figures = measure(build(n))
            rows.append({"shape": shape, "items": n, **figures})
    baseline = {shape: min(r["peak_mb"] for r in rows if r["shape"] == shape) for shape in {r["shape"] for r in rows}}
    print(f"{'shape':<18} {'items':>6} {'seconds':>8} {'ms/item':>8} {'peak MB':>8} {'KB/item':>8} {'JSON MB':>8}")
    for row in rows:
        grown = (row["peak_mb"] - baseline[row["shape"]]) * 1024 / row["items"]
        print(f"{row['shape']:<18} {row['items']:>6} {row['seconds']:>8.2f} {1000 * row['seconds'] / row['items']:>8.2f} "
              f"{row['peak_mb']:>8.0f} {grown:>8.1f} {row['json_bytes'] / 1e6:>8.1f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
