"""The service's limits: a request body cap (413) and a per-request time limit (503).

The body cap is ASGI middleware, so it holds before any route reads a byte: a
declared Content-Length over the cap is refused at once, and a chunked body is
counted as it arrives. The time limit wraps the evaluation, which runs in a worker
thread: past the limit the request is answered and the thread is abandoned (it
finishes its case and is dropped; the Engine is thread-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ...errors import InputError

T = TypeVar("T")


class BodyTooLarge(InputError):
    """A request body over the service's cap."""

    def __init__(self, limit: int, received: str) -> None:
        self.limit = limit
        super().__init__(f"request body: received {received}; expected at most {limit} bytes")


class TimeLimitExceeded(Exception):
    """A request that ran past the per-request time limit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the request ran past the time limit of {seconds:g} s; no answer is given")


class BodyLimit:
    """ASGI middleware refusing bodies over `limit` bytes (declared or streamed)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            # Refused before reading: the route raises it when it asks for the body.
            receive = _refusing(BodyTooLarge(self.limit, f"{int(declared)} bytes (Content-Length)"))
        else:
            receive = _counting(receive, self.limit)
        await self.app(scope, receive, send)


def _refusing(error: BodyTooLarge) -> Receive:
    async def receive() -> Message:
        raise error
    return receive


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit, f"more than {limit} bytes (streamed)")
        return message
    return counted


async def within_time_limit(seconds: float, work: Callable[[], T]) -> T:
    """Run blocking `work` in a worker thread; TimeLimitExceeded if it takes longer than `seconds`."""
    try:
        with anyio.fail_after(seconds):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise TimeLimitExceeded(seconds) from None
