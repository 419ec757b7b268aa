"""Errors as RFC 9457 problem details: one set of handlers mapping the library's error tree to statuses.

Bad input is 4xx (422 for a case or holiday data that does not validate, 404 for
an unknown ruleset or route, 413 for a body over the cap, 400 otherwise), never
500; an evaluator disagreement is 500 with the differences listed; a time-out is
503. The body is the same problem document the CLI prints with `--json`.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from ...case.io import short_repr
from ...errors import LegalRulesError, Problem
from ..problem_details import TYPE_PREFIX, problem_document, problem_items
from .limits import BodyTooLarge, TimeLimitExceeded
from .models import ProblemDetails

MEDIA_TYPE: Final = "application/problem+json"
_LOG = logging.getLogger("legalrules.service")
_PROBLEM: Final = {"content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}
ERROR_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    status: {"model": ProblemDetails, "description": text, **_PROBLEM} for status, text in (
        (400, "Bad input"), (401, "Missing or wrong bearer token (when the service has one)"),
        (404, "No such ruleset or route"), (413, "Request body over the service's limit"),
        (422, "The case, holiday data or a parameter is not valid, or the notice is refused"),
        (500, "Internal error, including the two evaluators disagreeing"), (503, "Past the time limit"))
}


def problem_response(document: dict[str, Any]) -> Response:
    """A problem document as an `application/problem+json` response."""
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(body, status_code=int(document["status"]), media_type=MEDIA_TYPE)


def _plain(status: int, slug: str, title: str, detail: str, problems: list[Problem] | None = None) -> Response:
    return problem_response({"type": TYPE_PREFIX + slug, "title": title, "status": status, "detail": detail,
                             "problems": problem_items(problems or [])})


async def _library_error(request: Request, error: Exception) -> Response:
    if isinstance(error, BodyTooLarge):
        return _plain(413, "body-too-large", "The request body is too large", str(error))
    document = problem_document(error)
    if document["status"] >= 500:
        _LOG.error("%s %s: %s", request.method, request.url.path, error)
    return problem_response(document)


async def _time_limit(request: Request, error: Exception) -> Response:
    return _plain(503, "time-limit", "The request ran past the time limit", str(error))


def _validation_problem(item: Any) -> Problem:
    loc = [str(part) for part in item.get("loc", ())]
    where, field = (loc[0], ".".join(loc[1:])) if len(loc) > 1 else ("request", ".".join(loc))
    message = str(item.get("msg", "")).removeprefix("Input should be ").removeprefix("Value error, ")
    received = short_repr(item.get("input")) if item.get("type") != "missing" else "nothing"
    return Problem(f"{where} {field}".strip(), received, message[:1].lower() + message[1:], field=field or None)


async def _request_validation(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [_validation_problem(item) for item in error.errors()]
    detail = f"the request is not valid ({len(problems)} problem(s))\n" + "\n".join(f"  - {p}" for p in problems)
    return _plain(422, "request", "A parameter of the request is not valid", detail, problems)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "http")
    return _plain(error.status_code, slug, str(error.detail), f"{request.method} {request.url.path}: {error.detail}")


async def _unexpected(request: Request, error: Exception) -> Response:
    _LOG.exception("%s %s failed", request.method, request.url.path)
    return problem_response(problem_document(error))


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error to a problem-details response."""
    app.add_exception_handler(LegalRulesError, _library_error)
    app.add_exception_handler(TimeLimitExceeded, _time_limit)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
