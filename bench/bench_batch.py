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
import json
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


def _run(source: Path, folder: Path, name: str, job: BatchJob, workers: int, dask: str | None) -> tuple[float, bytes]:
    paths = BatchPaths(source, folder / f"{name}.jsonl", folder / f"{name}.parquet")
    warm = BatchPaths(folder / "warm.jsonl", folder / f"{name}-warm.jsonl", folder / f"{name}-warm.parquet")
    with make_runner(workers, dask) as runner:
        # Workers started and each holding its Engine before the clock: small partitions, so all get one.
        run_batch(warm, job, runner, partition_size=10)
        started = time.perf_counter()
        run_batch(paths, job, runner)
        elapsed = time.perf_counter() - started
    return elapsed, paths.output.read_bytes()


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
        one, reference = _run(source, folder, "one", job, 1, None)
        two, pooled = _run(source, folder, "two", job, 2, None)
        dask, clustered = _run(source, folder, "dask", job, 2, "local")
    same = reference == pooled == clustered
    rate = {name: options.cases / seconds for name, seconds in (("one", one), ("two", two), ("dask", dask))}
    print(f"legalrules batch, {options.cases} cases, engine {options.engine}, cross-check {options.cross_check}"
          f"{', --summary' if options.summary else ''} (outputs identical: {same})")
    print(f"  1 worker (this process)     {one:7.1f} s  {rate['one']:8.1f} cases/s")
    print(f"  2 local processes           {two:7.1f} s  {rate['two']:8.1f} cases/s   {one / two:.2f}x one "
          "(target >= 1.8)")
    print(f"  Dask LocalCluster, 2 workers {dask:6.1f} s  {rate['dask']:8.1f} cases/s   {dask / two:.2f}x the "
          "local processes' time (target <= 1.5)")
    print(json.dumps({"cases": options.cases, "engine": options.engine, "cross_check": options.cross_check,
                      "summary": options.summary,
                      "seconds": {"one": one, "two": two, "dask": dask}, "cases_per_s": rate,
                      "two_vs_one": one / two, "dask_vs_local": dask / two, "identical": same}))
    if not same:
        raise SystemExit("the three runs' outputs differ")


if __name__ == "__main__":
    main()
