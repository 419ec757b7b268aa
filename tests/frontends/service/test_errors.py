"""Every error class of the service as RFC 9457 problem details, with the CLI's structured problems."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from legalrules import Engine, EngineDisagreement
from legalrules.case.model import CaseFacts
from legalrules.decision.model import Decision
from legalrules.frontends.service import ServiceSettings, create_app
from legalrules.interpretations import Interpretations

from .live import live_server

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "murder_summons_to_arrest.yaml"
Q = {"as_of": "2025-10-20T10:00:00+08:00"}
PROBLEM = "application/problem+json"


def _problem(response: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:legalrules:problem:{kind}" and body["status"] == status
    assert "Traceback" not in response.text
    return body


def test_yaml_case_error_names_the_line_and_field(client: httpx.Client) -> None:
    """A bad value in a YAML body is 422 with file, line and field path as separate members."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("birth_date: 1988-04-17", "birth_date: 1988-13-45")
    line = text.splitlines().index("  birth_date: 1988-13-45") + 1
    body = _problem(client.post("/v1/evaluate", params=Q, content=text.encode()), 422, "case-file")
    [problem] = body["problems"]
    assert (problem["file"], problem["line"], problem["field"]) == ("request body", line, "suspect.birth_date")
    assert "1988-13-45" in problem["received"] and problem["expected"]
    assert f"request body:{line} suspect.birth_date" in body["detail"]


def test_malformed_and_empty_bodies(client: httpx.Client) -> None:
    """Unparseable YAML gives its line; an empty body and a non-mapping are refused, never 500."""
    broken = _problem(client.post("/v1/evaluate", content=b"case: {id: X\nsuspect: [\n"), 422, "case-file")
    assert broken["problems"][0]["line"] is not None
    _problem(client.post("/v1/evaluate", content=b""), 422, "case-file")
    _problem(client.post("/v1/evaluate", content=b"- a list\n"), 422, "case-file")
    _problem(client.post("/v1/evaluate", content=b"\xff\xfe"), 422, "case-file")
    unknown = _problem(client.post("/v1/evaluate", content=b"case: {id: X}\nsuspcet: {}\n"), 422, "case-file")
    assert unknown["problems"][0]["field"] == "suspcet" and unknown["problems"][0]["line"] == 2


def test_bad_holiday_data_is_422_with_its_line(client: httpx.Client) -> None:
    """Holiday data in the body is validated like a --holidays file, lines counted in the whole body."""
    text = EXAMPLE.read_text(encoding="utf-8") + "holidays:\n  holidays: [2025-02-30]\n"
    body = _problem(client.post("/v1/evaluate", params=Q, content=text.encode()), 422, "holiday-file")
    assert body["problems"][0]["line"] == len(text.splitlines())


def test_bad_parameters_unknown_routes_and_rulesets(client: httpx.Client) -> None:
    """A bad query value is 422 naming the parameter; unknown route and ruleset are 404; wrong method 405."""
    bad = _problem(client.post("/v1/evaluate", params={"as_of": "yesterday"}, content=EXAMPLE.read_bytes()),
                   422, "request")
    assert bad["problems"][0]["field"] == "as_of"
    _problem(client.post("/v1/evaluate", params={"weekends": "sometimes"}, content=EXAMPLE.read_bytes()),
             422, "request")
    _problem(client.post("/v1/notices/no_such_notice", content=EXAMPLE.read_bytes()), 422, "request")
    _problem(client.post("/v1/evaluate", params={"cross_check": "sometimes"}, content=EXAMPLE.read_bytes()),
             400, "bad-input")
    _problem(client.get("/v1/nothing-here"), 404, "not-found")
    missing = _problem(client.get("/v1/rulesets/no_such_ruleset"), 404, "unknown-rule")
    assert "av_2014" in missing["detail"]
    _problem(client.get("/v1/evaluate"), 405, "method-not-allowed")


def test_refused_notice_names_what_is_missing(client: httpx.Client) -> None:
    """A notice the decision does not call for is 422 notice-refused, saying what the case lacks."""
    body = _problem(client.post("/v1/notices/designated_residence_family_notice", params=Q,
                                content=EXAMPLE.read_bytes()), 422, "notice-refused")
    assert "designated_residence_surveillance" in body["detail"]


def test_body_limit_is_413_declared_or_streamed(engine: Engine) -> None:
    """A body over the cap is refused with 413, whether Content-Length says so or it arrives chunked."""
    with live_server(create_app(ServiceSettings(max_body_bytes=1000), engine=engine)) as url:
        with httpx.Client(base_url=url) as http:
            _problem(http.post("/v1/evaluate", content=EXAMPLE.read_bytes()), 413, "body-too-large")
            chunks = (EXAMPLE.read_bytes()[i:i + 500] for i in range(0, 5000, 500))
            _problem(http.post("/v1/evaluate", content=chunks), 413, "body-too-large")
            small = http.post("/v1/evaluate", content=b"case: {id: S}\n")
            assert small.status_code == 200, small.text
            query = http.get("/v1/notices", params={"case": EXAMPLE.read_text(encoding="utf-8")})
            assert "in the query parameter case" in _problem(query, 413, "body-too-large")["detail"]
            assert http.get("/v1/notices", params={"case": "case: {id: S}\n"}).status_code == 200


def test_a_case_query_up_to_the_cap_passes_the_servers_request_line_limit(engine: Engine) -> None:
    """A URL-encoded Chinese case past h11's default 16 KiB head (9 characters a 案 on the wire) is admitted."""
    with live_server(create_app(ServiceSettings(max_body_bytes=30_000), engine=engine)) as url:
        padding = "# " + "案" * 6000 + "\n"  # 18,003 bytes of comment, a 54 KB request line (httpx sends <= 64 KiB)
        answer = httpx.get(f"{url}/v1/notices", params={"case": padding + "case: {id: S}\n"}, timeout=60)
        assert answer.status_code == 200, answer.text


def test_token_guards_every_route_but_healthz(engine: Engine) -> None:
    """With a token, requests without it (or with a wrong one) get 401; /healthz stays open."""
    with live_server(create_app(ServiceSettings(token="s3cret"), engine=engine)) as url:
        with httpx.Client(base_url=url) as http:
            assert http.get("/healthz").status_code == 200
            for path in ("/v1/rulesets", "/version", "/openapi.json"):
                _problem(http.get(path), 401, "unauthorized")
            _problem(http.get("/v1/rulesets", headers={"authorization": "Bearer wrong"}), 401, "unauthorized")
            ok = http.post("/v1/evaluate", params=Q, content=EXAMPLE.read_bytes(),
                           headers={"authorization": "Bearer s3cret"})
            assert ok.status_code == 200


def test_time_limit_is_503(engine: Engine) -> None:
    """A request past the per-request time limit is answered 503, and the server keeps serving."""
    with live_server(create_app(ServiceSettings(time_limit_seconds=0.000001), engine=engine)) as url:
        with httpx.Client(base_url=url) as http:
            _problem(http.post("/v1/evaluate", params=Q, content=EXAMPLE.read_bytes()), 503, "time-limit")
            assert http.get("/healthz").status_code == 200


class _Disagreeing(Engine):
    """An Engine whose evaluators 'disagree': stands in for the bug the 500 path reports."""

    def evaluate(self, case: CaseFacts, as_of: datetime | None = None,
                 interpretations: Interpretations | None = None, engine: Any = "both",
                 holiday_file: Any = None, **options: Any) -> Decision:
        raise EngineDisagreement(["av_2014 conclusion recording_required on interrogations[0]: native true, "
                                  "durable-rules false"])


class _Broken(Engine):
    """An Engine that fails in a way nobody planned for."""

    def evaluate(self, case: CaseFacts, as_of: datetime | None = None,
                 interpretations: Interpretations | None = None, engine: Any = "both",
                 holiday_file: Any = None, **options: Any) -> Decision:
        raise RuntimeError("secret internals")


@pytest.mark.parametrize(("kind", "slug"), [(_Disagreeing, "engine-disagreement"), (_Broken, "internal")])
def test_internal_errors_are_500_problems(engine: Engine, kind: type[Engine], slug: str) -> None:
    """A disagreement is 500 listing the differences; an unplanned failure is 500 without its internals."""
    broken = kind(rulesets=engine.all_rulesets)
    with live_server(create_app(ServiceSettings(), engine=broken)) as url:
        with httpx.Client(base_url=url) as http:
            body = _problem(http.post("/v1/evaluate", content=EXAMPLE.read_bytes()), 500, slug)
    if slug == "engine-disagreement":
        assert body["differences"] == ["av_2014 conclusion recording_required on interrogations[0]: native true, "
                                       "durable-rules false"]
    else:
        assert "secret internals" not in body["detail"]


def test_cors_is_off_unless_configured(engine: Engine, client: httpx.Client) -> None:
    """No CORS headers by default; with an allowed origin, that origin (and only it) gets them."""
    asked = {"origin": "http://explorer.localhost", "access-control-request-method": "POST"}
    assert "access-control-allow-origin" not in client.get("/healthz", headers=asked).headers
    with live_server(create_app(ServiceSettings(cors_origins=("http://explorer.localhost",)), engine=engine)) as url:
        with httpx.Client(base_url=url) as http:
            preflight = http.options("/v1/evaluate", headers=asked)
            assert preflight.headers["access-control-allow-origin"] == "http://explorer.localhost"
            other = http.get("/healthz", headers={"origin": "http://elsewhere.localhost"})
            assert "access-control-allow-origin" not in other.headers
