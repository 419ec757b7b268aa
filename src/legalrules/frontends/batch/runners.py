"""Where partitions run: this process, the Engine's pool of local processes, or a Dask cluster.

Every runner maps the same pure function (`work.evaluate_partition`) and yields
results in input order, with a bounded number of partitions in flight so memory
stays flat however long the input. Local processes are the ones `Engine.evaluate_many`
uses (`Engine.worker_pool`): one pool implementation, each worker's Engine built
from the parent's compiled rulesets.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Protocol

from ...engine.evaluate import Engine
from ...engine.workers import WorkerPool
from ...errors import InputError
from .readers import CaseRecord
from .work import BatchJob, PartitionResult, evaluate_partition

Partition = list[CaseRecord]


class _Pending(Protocol):
    def result(self) -> Any: ...


def _in_order(submit: Any, partitions: Iterable[Partition], job: BatchJob, window: int) -> Iterator[PartitionResult]:
    pending: deque[_Pending] = deque()
    for partition in partitions:
        pending.append(submit(partition, job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class Runner(AbstractContextManager["Runner"]):
    """Maps `evaluate_partition` over partitions; a context manager that releases its workers."""

    workers: int = 1

    def run(self, partitions: Iterable[Partition], job: BatchJob) -> Iterator[PartitionResult]:
        """Results in input order."""
        return (evaluate_partition(partition, job) for partition in partitions)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        return None


class ProcessRunner(Runner):
    """Local processes: the worker pool of an Engine loaded here for the job's rulesets, kept for later runs."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._engine: Engine | None = None
        self._root: str | None = None

    def _pool_for(self, job: BatchJob) -> WorkerPool:
        if self._engine is None or self._root != job.rulesets_root:
            if self._engine is not None:
                self._engine.close()
            self._root = job.rulesets_root
            self._engine = Engine(rulesets_root=Path(job.rulesets_root) if job.rulesets_root else None)
        return self._engine.worker_pool(self.workers)

    def run(self, partitions: Iterable[Partition], job: BatchJob) -> Iterator[PartitionResult]:
        pool = self._pool_for(job)

        def submit(partition: Partition, job: BatchJob) -> Future[PartitionResult]:
            return pool.submit(evaluate_partition, partition, job)
        return _in_order(submit, partitions, job, window=2 * self.workers + 1)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._engine is not None:
            self._engine.close()


class DaskRunner(Runner):
    """A Dask cluster: `local` starts a LocalCluster of `workers` processes, else an address to connect to."""

    def __init__(self, address: str, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster  # noqa: PLC0415 - dask only for --dask
        except ImportError:
            raise InputError("--dask: dask.distributed is not installed; expected `pip install "
                             "'legalrules[batch]'`") from None
        self._cluster = None
        if address == "local":
            # Loopback only and free ports, no dashboard: a second cluster on the machine (a parallel
            # test run) must not collide with this one over the default 8786/8787. The scheduler's HTTP
            # server (health, metrics) binds 8787 even with dashboard_address=None, so it gets port 0.
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False}, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            try:
                self._client = Client(address, timeout=10)  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise InputError(f"--dask {address}: cannot reach the scheduler ({exc}); expected the address "
                                 "of a running Dask scheduler, e.g. tcp://scheduler:8786, or `local`") from None
        self.workers = max(1, len(self.scheduler_info().get("workers", {})))

    def scheduler_info(self) -> dict[str, Any]:
        """The scheduler's address, services (a dashboard, if any) and workers, as Dask reports them."""
        info: dict[str, Any] = self._client.scheduler_info()
        return info

    def run(self, partitions: Iterable[Partition], job: BatchJob) -> Iterator[PartitionResult]:
        def submit(partition: Partition, job: BatchJob) -> Any:
            return self._client.submit(evaluate_partition, partition, job, pure=False)
        return _in_order(submit, partitions, job, window=2 * self.workers + 1)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def make_runner(workers: int, dask: str | None) -> Runner:
    """The runner the options ask for: Dask when `dask` is given, else processes (or this one for 1)."""
    if workers < 1:
        raise InputError(f"--workers: received {workers}; expected at least 1")
    if dask is not None:
        return DaskRunner(dask, workers)
    return Runner() if workers == 1 else ProcessRunner(workers)
