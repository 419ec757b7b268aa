"""The same batch on a Dask LocalCluster of 2 worker processes: output equal to the local run's."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from legalrules.frontends.batch import BatchJob, BatchPaths, make_runner, run_batch


def test_local_cluster_equals_the_local_run(cases_jsonl: Path, job: BatchJob, tmp_path: Path) -> None:
    """`--dask local --workers 2` partitions the input over two workers and writes the local run's bytes."""
    local = BatchPaths(cases_jsonl, tmp_path / "local.jsonl", tmp_path / "local.parquet")
    with make_runner(1, None) as runner:
        run_batch(local, job, runner, partition_size=5)
    cluster = BatchPaths(cases_jsonl, tmp_path / "dask.jsonl", tmp_path / "dask.parquet")
    with make_runner(2, "local") as runner:
        assert runner.workers == 2
        summary = run_batch(cluster, job, runner, partition_size=5)
    assert summary.failed == 2
    assert cluster.output.read_bytes() == local.output.read_bytes()
    assert pq.read_table(cluster.violations).equals(pq.read_table(local.violations))
