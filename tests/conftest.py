"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os
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

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
AS_OF = datetime.fromisoformat("2026-11-22T10:00:00+08:00")


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The bundled rulesets, loaded and compiled once for the session."""
    return Engine()
