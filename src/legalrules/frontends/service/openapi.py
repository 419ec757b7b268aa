"""The OpenAPI document: FastAPI's, plus the request body's schema and the optional bearer token.

Routes read their body themselves (JSON or YAML, with line numbers in errors), so
FastAPI cannot see its schema; it is added here from the same pydantic models the
library validates with. The document is checked into `docs/openapi.json`
(`python -m legalrules.frontends.service` prints it) and a test fails when they drift.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import ConfigDict

from ...case.model import CaseFacts
from ...legaltime.holidays import HolidayFile

REF_TEMPLATE = "#/components/schemas/{model}"


class CaseRequest(CaseFacts):
    """A case file, optionally with holiday data (the format of a `--holidays` file) under `holidays`."""

    model_config = ConfigDict(title="CaseRequest")

    holidays: HolidayFile | None = None


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The service's OpenAPI document (built once per app)."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    body = CaseRequest.model_json_schema(ref_template=REF_TEMPLATE)
    for name, schema in body.pop("$defs", {}).items():
        if name in schemas and schemas[name] != schema:
            raise AssertionError(f"OpenAPI: two different schemas named {name!r}")
        schemas[name] = schema
    schemas["CaseRequest"] = body
    document["components"]["securitySchemes"] = {"bearer": {
        "type": "http", "scheme": "bearer",
        "description": "Required by every route but /healthz when the service is started with a token."}}
    document["security"] = [{"bearer": []}, {}]
    app.openapi_schema = document
    return document


def openapi_text(app: FastAPI) -> str:
    """The document as the text kept in docs/openapi.json (sorted keys, two-space indent, newline)."""
    return json.dumps(openapi_document(app), indent=2, ensure_ascii=False, sort_keys=True) + "\n"

