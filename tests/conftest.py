"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from legalrules import Engine

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")

# The suite's compiled-ruleset cache lives in a fresh directory, never the user's.
os.environ["LEGALRULES_CACHE_DIR"] = tempfile.mkdtemp(prefix="legalrules-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
AS_OF = datetime.fromisoformat("2026-11-22T10:00:00+08:00")


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The bundled rulesets, loaded and compiled once for the session."""
    return Engine()


def run_in_threads(work: Callable[[int], None], count: int = 8) -> None:
    """Start `count` threads running `work(n)` at once and wait for all of them."""
    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
