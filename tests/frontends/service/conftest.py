"""Fixtures of the service tests: one loopback server on the session's Engine, shared by the module."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from legalrules import Engine
from legalrules.frontends.service import ServiceSettings, create_app

from .live import live_server


@pytest.fixture(scope="session")
def served(engine: Engine) -> Iterator[str]:
    """The base URL of a default-settings service (no token) on a real loopback port."""
    with live_server(create_app(ServiceSettings(), engine=engine)) as url:
        yield url


@pytest.fixture(scope="session")
def client(served: str) -> Iterator[httpx.Client]:
    """An HTTP client for the shared server."""
    with httpx.Client(base_url=served, timeout=60) as http:
        yield http
