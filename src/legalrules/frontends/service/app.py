"""The app factory: a FastAPI app from settings, with its one Engine, limits, token and error handlers."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from ..version import package_version
from ...engine.evaluate import Engine
from ..explorer.routes import explorer_router
from . import routes_decisions, routes_notices, routes_reference
from .auth import BearerToken
from .limits import BodyLimit
from .logs import withhold_cases_from_access_log
from .openapi import openapi_document
from .problems import install_problem_handlers
from .runtime import Service
from .settings import ServiceSettings

DESCRIPTION = (
    "Rule-as-code answers for Chinese criminal procedure, with the article behind each. "
    "POST a case file (JSON or YAML) to get its decision, deadlines or notices; the options are "
    "the CLI's, as query parameters. Errors are RFC 9457 problem details carrying the same "
    "structured problems as the CLI (file, line, field path, received, expected)."
)


def create_app(settings: ServiceSettings | None = None, engine: Engine | None = None) -> FastAPI:
    """A service app; `engine` shares an already-loaded Engine (default: load one for this app)."""
    settings = settings or ServiceSettings()
    app = FastAPI(title="legalrules", version=package_version(), description=DESCRIPTION)
    app.state.service = Service(settings, engine)
    for module in (routes_decisions, routes_notices, routes_reference):
        app.include_router(module.router)
    service: Service = app.state.service
    # The explorer page and the endpoints only it uses (kept out of the API's OpenAPI document).
    app.include_router(explorer_router(lambda: service.engine, service.run), prefix="/explorer",
                       include_in_schema=False)
    install_problem_handlers(app)
    withhold_cases_from_access_log()  # GET /v1/notices carries a case in its URL
    # Starlette runs the last added middleware first: CORS, then the token, then the body cap.
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    if settings.token:
        app.add_middleware(BearerToken, token=settings.token)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])

    def openapi() -> dict[str, Any]:
        return openapi_document(app)
    app.openapi = openapi  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn's worker processes call (`legalrules serve --workers N`)."""
    return create_app(ServiceSettings.from_environment())
