"""`legalrules serve`: the decision API over HTTP (FastAPI + uvicorn), safe by default."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...errors import InputError
from .common import RulesetsOpt, guard

if TYPE_CHECKING:
    from ..service.settings import ServiceSettings


def _settings(token_file: Path | None, max_body_bytes: int, time_limit: float, cors_origins: list[str],
              rulesets: Path | None) -> ServiceSettings:
    from ..service.settings import TOKEN_VARIABLE, ServiceSettings, read_token_file  # noqa: PLC0415

    token = read_token_file(token_file) if token_file is not None else os.environ.get(TOKEN_VARIABLE) or None
    if max_body_bytes < 1 or time_limit <= 0:
        raise InputError(f"serve: received --max-body-bytes {max_body_bytes} and --time-limit {time_limit:g}; "
                         "expected both positive")
    return ServiceSettings(token=token, max_body_bytes=max_body_bytes, time_limit_seconds=time_limit,
                           cors_origins=tuple(cors_origins), rulesets_root=rulesets)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind (default loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="uvicorn worker processes, one Engine each.")] = 1,
    token_file: Annotated[Path | None, typer.Option(
        "--token-file", help="A file holding the bearer token every route but /healthz then requires "
        "(or set LEGALRULES_TOKEN).")] = None,
    max_body_bytes: Annotated[int, typer.Option("--max-body-bytes", help="Larger request bodies get 413.")]
    = 2_000_000,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Seconds a request may take (then 503).")]
    = 30.0,
    cors_origins: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Allow this browser origin (repeatable); CORS is off without it.")] = None,
    rulesets: RulesetsOpt = None,
) -> None:
    """Serve the decision API over HTTP (OpenAPI at /openapi.json, docs at /docs)."""
    def run() -> None:
        try:
            import uvicorn  # noqa: PLC0415 - only this command needs the server

            from ..service import create_app  # noqa: PLC0415
        except ImportError as exc:
            raise InputError(f"serve: the service's libraries are not installed ({exc.name}); expected "
                             "`pip install 'legalrules[service]'`") from None
        settings = _settings(token_file, max_body_bytes, time_limit, cors_origins or [], rulesets)
        if workers < 1:
            raise InputError(f"--workers: received {workers}; expected at least 1")
        if workers == 1:
            # Loaded before binding, so a bad --rulesets fails here, as bad input.
            uvicorn.run(create_app(settings), host=host, port=port, log_level="info",
                        h11_max_incomplete_event_size=settings.request_head_bytes)
            return
        os.environ.update(settings.to_environment())
        uvicorn.run("legalrules.frontends.service:app_from_environment", factory=True, host=host, port=port,
                    workers=workers, log_level="info", h11_max_incomplete_event_size=settings.request_head_bytes)
    guard(run)
