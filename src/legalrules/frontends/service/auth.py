"""The optional bearer token: when configured, every route but `/healthz` requires it.

ASGI middleware rather than a route dependency, so `/openapi.json` and `/docs` are
covered too; the comparison takes the same time whatever the token sent.
"""

from __future__ import annotations

import hmac
import json
from typing import Final

from starlette.types import ASGIApp, Receive, Scope, Send

from ..problem_details import TYPE_PREFIX

OPEN_PATHS: Final = frozenset({"/healthz"})


class BearerToken:
    """ASGI middleware answering 401 (problem details) to a request without the right token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers", [])).get(b"authorization", b"")
        if hmac.compare_digest(sent, self.expected):
            await self.app(scope, receive, send)
            return
        await _unauthorized(send, "missing" if not sent else "wrong")


async def _unauthorized(send: Send, how: str) -> None:
    body = json.dumps({
        "type": TYPE_PREFIX + "unauthorized", "title": "A bearer token is required", "status": 401,
        "detail": f"Authorization header: received a {how} token; expected 'Bearer <the service's token>'",
        "problems": [],
    }, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 401, "headers": [
        (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Bearer realm="legalrules"')]})
    await send({"type": "http.response.body", "body": body})
