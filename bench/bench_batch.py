"""`legalrules batch` on many cases: one worker, two local processes, and a Dask LocalCluster of two.

    .venv/bin/python bench/bench_batch.py [--cases 20000] [--engine both|native] [--cross-check 1%] [--summary]

Writes the synthetic cases (fixed seed) to a JSONL file in a temporary folder, runs the
same batch three ways through the library (what `legalrules batch` calls), checks the
three outputs are byte-identical, and prints cases/s and the ratios (targets: two
workers at least 1.8x one; the LocalCluster within 1.5x of the local processes' time).
The default cross-check is a 1% sample, the setting meant for bulk work. The last line is
one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_cases  # noqa: E402

from legalrules.engine.crosscheck import CrossCheck  # noqa: E402
from legalrules.frontends.batch import BatchJob, BatchPaths, make_runner, run_batch  # noqa: E402

AS_OF = datetime.fromisoformat("2026-11-22T10:00:00+08:00")


def _digest(path: Path) -> str:
    """The output's SHA-256, read in blocks (20,000 whole decisions are about 4 GB), then the file removed."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 24):
            digest.update(block)
    path.unlink()
    return digest.hexdigest()


def _run(source: Path, folder: Path, name: str, job: BatchJob, workers: int,
         dask: str | None) -> tuple[float, float, str]:
    """Seconds the run took, CPU seconds this (the parent) process spent in it, the output's digest."""
    paths = BatchPaths(source, folder / f"{name}.jsonl", folder / f"{name}.parquet")
    warm = BatchPaths(folder / "warm.jsonl", folder / f"{name}-warm.jsonl", folder / f"{name}-warm.parquet")
    with make_runner(workers, dask) as runner:
        # Workers started and each holding its Engine before the clock: small partitions, so all get one.
        run_batch(warm, job, runner, partition_size=10)
        started, cpu = time.perf_counter(), time.process_time()
        run_batch(paths, job, runner)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, cpu, _digest(paths.output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--engine", choices=["both", "native"], default="both")
    parser.add_argument("--cross-check", default="1%", help="every, off, or a sample such as 1%%")
    parser.add_argument("--summary", action="store_true", help="--summary lines instead of whole decisions")
    options = parser.parse_args()
    job = BatchJob(as_of=AS_OF, engine=options.engine, summary=options.summary,
                   cross_check=CrossCheck.parse(options.cross_check))
    with tempfile.TemporaryDirectory(prefix="legalrules-bench-batch-") as temporary:
        folder = Path(temporary)
        source = folder / "cases.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for case in synthetic_cases(options.cases):
                handle.write(case.model_dump_json(exclude_none=True) + "\n")
        with (folder / "warm.jsonl").open("w", encoding="utf-8") as handle:
            for case in synthetic_cases(100, seed=7):
                handle.write(case.model_dump_json(exclude_none=True) + "\n")
        one, one_cpu, reference = _run(source, folder, "one", job, 1, None)
        two, two_cpu, pooled = _run(source, folder, "two", job, 2, None)
        dask, dask_cpu, clustered = _run(source, folder, "dask", job, 2, "local")
    same = reference == pooled == clustered
    rate = {name: options.cases / seconds for name, seconds in (("one", one), ("two", two), ("dask", dask))}
    load = os.getloadavg()[0]
    print(f"legalrules batch, {options.cases} cases, engine {options.engine}, cross-check {options.cross_check}"
          f"{', --summary' if options.summary else ''} (outputs identical: {same}; {os.cpu_count()} cores, "
          f"load average {load:.1f} at the end: above the core count the ratios measure sharing, not scaling)")
    print(f"  1 worker (this process)     {one:7.1f} s  {rate['one']:8.1f} cases/s   CPU {one_cpu:6.1f} s")
    print(f"  2 local processes           {two:7.1f} s  {rate['two']:8.1f} cases/s   parent CPU {two_cpu:6.1f} s   "
          f"{one / two:.2f}x one (target >= 1.8)")
    print(f"  Dask LocalCluster, 2 workers {dask:6.1f} s  {rate['dask']:8.1f} cases/s   client CPU {dask_cpu:6.1f} s   "
          f"{dask / two:.2f}x the local processes' time (target <= 1.5)")
    # The parent reads, ships and writes while the workers evaluate: its share of the one-process CPU
    # bounds what a second core can give (2 workers on 2 cores share them with the parent).
    print(f"  the parent's work (read, send, receive, write) is {two_cpu / one_cpu:.0%} of the one-process CPU")
    print(json.dumps({"cases": options.cases, "engine": options.engine, "cross_check": options.cross_check,
                      "summary": options.summary,
                      "seconds": {"one": one, "two": two, "dask": dask}, "cases_per_s": rate,
                      "parent_cpu_seconds": {"one": one_cpu, "two": two_cpu, "dask": dask_cpu},
                      "two_vs_one": one / two, "dask_vs_local": dask / two, "identical": same,
                      "cores": os.cpu_count(), "load_average": load}))
    if not same:
        raise SystemExit("the three runs' outputs differ")


if __name__ == "__main__":
    main()
