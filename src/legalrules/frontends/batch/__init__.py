"""Batch audits (`legalrules batch`): many cases in, JSONL answers and a Parquet violations table out.

Inputs are read here (`readers`), cut into partitions, and one pure function
(`work.evaluate_partition`) is mapped over them by a runner (`runners`): this
process, local processes, or a Dask cluster. May import everything; pyarrow and
dask are imported only when a run needs them.
"""

from __future__ import annotations

from .run import BatchPaths, BatchSummary, run_batch
from .runners import make_runner
from .work import BatchJob

__all__ = ["BatchJob", "BatchPaths", "BatchSummary", "make_runner", "run_batch"]
