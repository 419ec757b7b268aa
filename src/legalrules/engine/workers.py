"""Evaluating many cases on worker processes, one Engine per process, results in input order.

durable-rules never releases the GIL and the native evaluator is pure Python, so
threads give no speed-up: `Engine.evaluate_many` spreads chunks of cases over a pool
of processes instead. Each worker builds its own `Engine` once, from the parent's
compiled rulesets (no ruleset is re-read or re-checked), and keeps it for every chunk;
the parent keeps at most two chunks per worker in flight, so an iterator of a
million cases streams through in constant memory, and yields the decisions in the
order the cases came.

Workers start from a `forkserver` (POSIX) or by `spawn`, never by forking the
caller: a caller with threads (an HTTP server) could otherwise hand a worker a lock
held by a thread that does not exist there.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal, ParamSpec, TypeVar

from ..case.model import CaseFacts
from ..decision.model import Decision
from ..errors import InputError, LegalRulesError
from ..interpretations import Interpretations
from ..ruleformat.compiled import CompiledRuleset
from .crosscheck import CrossCheck

if TYPE_CHECKING:
    from ..legaltime.holidays import HolidayFile
    from .evaluate import Engine, EngineMode

Outcome = Decision | str | LegalRulesError
Shipped = Decision | bytes | LegalRulesError  # an outcome as a worker sends it: JSON still UTF-8
OnError = Literal["raise", "return"]
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class BatchSettings:
    """What every case of one batch is evaluated with (sent once per chunk to the workers)."""

    as_of: datetime
    interpretations: Interpretations | None
    engine: EngineMode
    cross_check: CrossCheck | None
    holiday_file: Path | HolidayFile | None  # data already read travels to workers that share no filesystem
    as_json: bool = False


def evaluate_one(engine: Engine, case: CaseFacts, settings: BatchSettings, on_error: OnError) -> Outcome:
    """One case's decision (or its JSON); with `on_error="return"` an input or engine error is returned, not raised."""
    return _as_text(_evaluate(engine, case, settings, on_error))


def _evaluate(engine: Engine, case: CaseFacts, settings: BatchSettings, on_error: OnError) -> Shipped:
    """`evaluate_one`, its JSON left as the serializer's UTF-8 bytes (what `model_dump_json` decodes)."""
    try:
        decision = engine.evaluate(case, as_of=settings.as_of, interpretations=settings.interpretations,
                                   engine=settings.engine, holiday_file=settings.holiday_file,
                                   cross_check=settings.cross_check)
        return decision.__pydantic_serializer__.to_json(decision) if settings.as_json else decision
    except LegalRulesError as exc:
        if on_error == "raise":
            raise
        return exc


def _as_text(outcome: Shipped) -> Outcome:
    """An outcome as the caller receives it: JSON as text."""
    return outcome.decode() if isinstance(outcome, bytes) else outcome


_WORKER_ENGINE: Engine | None = None


def _start_worker(rulesets: tuple[CompiledRuleset, ...]) -> None:
    """Pool initializer: this process's one Engine, built from the parent's compiled rulesets."""
    global _WORKER_ENGINE  # noqa: PLW0603 - one engine per worker process is the point
    from .evaluate import Engine  # noqa: PLC0415 - evaluate imports this module

    _WORKER_ENGINE = Engine(rulesets)


def worker_engine() -> Engine | None:
    """This process's Engine when it is a worker of an Engine's pool (None elsewhere)."""
    return _WORKER_ENGINE


def _run_chunk(cases: list[CaseFacts], settings: BatchSettings) -> list[Shipped]:
    """A chunk of cases on this worker's engine; errors come back as values, in order.

    JSON crosses the pipe as bytes: a decision's JSON holds Chinese, so a str would be
    decoded from the serializer's UTF-8 here, encoded again to pickle it and decoded a
    second time in the caller, about 1.5 ms a decision that two workers paid on top of
    the evaluation. Bytes pickle as a copy, and the caller decodes once.
    """
    assert _WORKER_ENGINE is not None, "worker started without its engine"
    return [_evaluate(_WORKER_ENGINE, case, settings, "return") for case in cases]


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class WorkerPool:
    """A process pool whose workers each hold an Engine for the given rulesets, started once."""

    def __init__(self, rulesets: Sequence[CompiledRuleset], workers: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self.workers = workers
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                             initializer=_start_worker, initargs=(tuple(rulesets),))

    def run(self, cases: Iterable[CaseFacts], settings: BatchSettings, chunk_size: int,
            on_error: OnError) -> Iterator[Outcome]:
        """Each case's outcome in input order, at most two chunks per worker in flight."""
        source = iter(cases)
        pending: deque[Future[list[Shipped]]] = deque()

        def submit() -> bool:
            chunk = list(islice(source, chunk_size))
            if chunk:
                pending.append(self._executor.submit(_run_chunk, chunk, settings))
            return bool(chunk)

        for _ in range(2 * self.workers):
            if not submit():
                break
        try:
            while pending:
                results = pending.popleft().result()
                submit()
                for shipped in results:
                    if on_error == "raise" and isinstance(shipped, LegalRulesError):
                        raise shipped
                    yield _as_text(shipped)
        finally:
            for future in pending:  # the caller stopped early or an error was raised
                future.cancel()

    def submit(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Run a picklable function on a worker, which finds its Engine with `worker_engine()`.

        For callers that read, chunk and shape their own work (`legalrules batch` parses
        case text and writes answer lines in the workers) on the same processes.
        """
        return self._executor.submit(function, *args, **kwargs)

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)


class Pools:
    """An Engine's worker pool, started on first use and kept for later batches (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: WorkerPool | None = None

    def get(self, rulesets: Sequence[CompiledRuleset], workers: int) -> WorkerPool:
        """The pool of `workers` processes; a pool of another size is replaced."""
        with self._lock:
            if self._pool is not None and self._pool.workers != workers:
                self._pool.close()
                self._pool = None
            if self._pool is None:
                self._pool = WorkerPool(rulesets, workers)
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def evaluate_many(engine: Engine, cases: Iterable[CaseFacts], settings: BatchSettings, workers: int | None,
                  chunk_size: int, on_error: OnError) -> Iterator[Outcome]:
    """The body of `Engine.evaluate_many` (see there)."""
    count = default_workers() if workers is None else workers
    if count < 1 or chunk_size < 1:
        raise InputError(f"evaluate_many: received workers={workers!r}, chunk_size={chunk_size!r}; "
                         "expected at least 1 each (workers=None: one per core)")
    if count == 1:
        return (evaluate_one(engine, case, settings, on_error) for case in cases)
    return engine.worker_pool(count).run(cases, settings, chunk_size, on_error)
