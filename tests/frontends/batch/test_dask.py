"""The same batch on a Dask LocalCluster of 2 worker processes: output equal to the local run's."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pyarrow.parquet as pq

from legalrules.frontends.batch import BatchJob, BatchPaths, make_runner, run_batch
from legalrules.frontends.batch.runners import DaskRunner

DASK_DEFAULT_PORTS = (8786, 8787)  # the scheduler's and the dashboard's


@contextmanager
def _held(ports: tuple[int, ...]) -> Iterator[list[int]]:
    """Listen on each of `ports` that is free (another run's cluster, as it were); yield the ports held."""
    with ExitStack() as stack:
        held = []
        for port in ports:
            sock = stack.enter_context(socket.socket())
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue  # in use already: by something else, which serves the test as well
            sock.listen()
            held.append(port)
        yield held


def test_local_cluster_equals_the_local_run(cases_jsonl: Path, job: BatchJob, tmp_path: Path) -> None:
    """`--dask local --workers 2` partitions the input over two workers and writes the local run's bytes.

    Dask's default ports are held meanwhile, as a parallel run's cluster would hold them.
    """
    local = BatchPaths(cases_jsonl, tmp_path / "local.jsonl", tmp_path / "local.parquet")
    with make_runner(1, None) as runner:
        run_batch(local, job, runner, partition_size=5)
    cluster = BatchPaths(cases_jsonl, tmp_path / "dask.jsonl", tmp_path / "dask.parquet")
    with _held(DASK_DEFAULT_PORTS), make_runner(2, "local") as runner:
        # With Dask's default ports taken, the cluster still starts: free ports on loopback (the scheduler's
        # HTTP server, which Dask lists as "dashboard" even with the dashboard off, included).
        assert isinstance(runner, DaskRunner) and runner.workers == 2
        info = runner.scheduler_info()
        assert info["address"].startswith("tcp://127.0.0.1:") and not info["address"].endswith(":8786")
        assert info.get("services", {}).get("dashboard") != 8787
        summary = run_batch(cluster, job, runner, partition_size=5)
    assert summary.failed == 2
    assert cluster.output.read_bytes() == local.output.read_bytes()
    assert pq.read_table(cluster.violations).equals(pq.read_table(local.violations))
