"""The explorer's routes on a real uvicorn server in a thread, for the API and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from legalrules import Engine


@pytest.fixture(scope="module")
def explorer_url(engine: Engine) -> Iterator[str]:
    """The explorer app on uvicorn in a thread, on a free local port."""
    import uvicorn

    from legalrules.frontends.explorer.routes import explorer_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(explorer_app(engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the explorer server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/explorer/"
    server.should_exit = True
    thread.join(timeout=10)
