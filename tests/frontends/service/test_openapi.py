"""The OpenAPI document: served at /openapi.json, and the copy in docs/ kept in step with the code."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from legalrules import Engine
from legalrules.frontends.service import ServiceSettings, create_app
from legalrules.frontends.service.openapi import openapi_text

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"
ROUTES = {("post", "/v1/evaluate"), ("post", "/v1/deadlines"), ("post", "/v1/notices"), ("get", "/v1/notices"),
          ("post", "/v1/notices/{kind}"), ("get", "/v1/rulesets"), ("get", "/v1/rulesets/{ruleset_id}"),
          ("get", "/v1/schema/case"), ("get", "/v1/schema/decision"), ("get", "/healthz"), ("get", "/version")}


def test_docs_copy_matches_the_code(engine: Engine) -> None:
    """docs/openapi.json is what the app generates (regenerate: python -m legalrules.frontends.service)."""
    generated = openapi_text(create_app(ServiceSettings(), engine=engine))
    assert DOCUMENT.read_text(encoding="utf-8") == generated, (
        "docs/openapi.json is out of date: python -m legalrules.frontends.service > docs/openapi.json")


def test_served_document_lists_every_route_and_the_case_body(client: httpx.Client) -> None:
    """/openapi.json is the same document: every route, the case body's schema, problem responses."""
    served = client.get("/openapi.json").json()
    assert served == json.loads(DOCUMENT.read_text(encoding="utf-8"))
    found = {(method, path) for path, item in served["paths"].items() for method in item}
    assert found == ROUTES
    body = served["paths"]["/v1/evaluate"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "application/yaml"}
    schemas = served["components"]["schemas"]
    assert "holidays" in schemas["CaseRequest"]["properties"] and "suspect" in schemas["CaseRequest"]["properties"]
    assert "application/problem+json" in served["paths"]["/v1/evaluate"]["post"]["responses"]["422"]["content"]
