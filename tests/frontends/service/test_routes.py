"""Every route of the service, called over HTTP on a real loopback server, against the library in-process."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import httpx
import yaml

import legalrules
from legalrules import Engine, load_case, render_notice
from legalrules.case.model import CaseFacts
from legalrules.decision.model import Decision
from legalrules.frontends.service.models import DeadlineReport

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "murder_summons_to_arrest.yaml"
AS_OF = "2025-10-20T10:00:00+08:00"
Q = {"as_of": AS_OF}


def _in_process(engine: Engine, path: Path = EXAMPLE) -> Decision:
    return engine.evaluate(load_case(path), as_of=datetime.fromisoformat(AS_OF))


def _as_json(path: Path) -> bytes:
    return json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str).encode()


def test_evaluate_yaml_body_gives_the_library_decision_byte_for_byte(client: httpx.Client, engine: Engine) -> None:
    """POST /v1/evaluate with a YAML case answers exactly `Engine.evaluate(...).model_dump_json()`."""
    response = client.post("/v1/evaluate", params=Q, content=EXAMPLE.read_bytes(),
                           headers={"content-type": "application/yaml"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.content == _in_process(engine).model_dump_json().encode()


def test_evaluate_json_body_and_options(client: httpx.Client, engine: Engine) -> None:
    """A JSON body gives the same decision as YAML; query options reach the engine (engine, interpretations)."""
    yaml_answer = client.post("/v1/evaluate", params=Q, content=EXAMPLE.read_bytes()).content
    json_answer = client.post("/v1/evaluate", params=Q, content=_as_json(EXAMPLE),
                              headers={"content-type": "application/json"}).content
    assert json_answer == yaml_answer
    native = client.post("/v1/evaluate", params={**Q, "engine": "native", "hour_reading": "from_next_full_hour"},
                         content=EXAMPLE.read_bytes()).json()
    assert native["engine"]["ran"] == ["native"]
    sampled = client.post("/v1/evaluate", params={**Q, "cross_check": "off"}, content=EXAMPLE.read_bytes()).json()
    assert (sampled["engine"]["cross_check"], sampled["engine"]["ran"]) == ("off", ["native"])
    assert {"name": "hour_reading", "value": "from_next_full_hour"}.items() <= next(
        i for i in native["interpretations"] if i["name"] == "hour_reading").items()


def test_same_request_twice_is_byte_identical(client: httpx.Client) -> None:
    """Determinism: the same request gives the same bytes, for the decision and the calendar."""
    for path in ("/v1/evaluate", "/v1/deadlines?format=ics"):
        first = client.post(path, params=Q, content=EXAMPLE.read_bytes())
        second = client.post(path, params=Q, content=EXAMPLE.read_bytes())
        assert first.status_code == 200 and first.content == second.content


def test_deadlines_in_every_format(client: httpx.Client, engine: Engine) -> None:
    """POST /v1/deadlines: JSON is the decision's deadline part; ics, html and md are the CLI's calendars."""
    decision = _in_process(engine)
    answer = client.post("/v1/deadlines", params=Q, content=EXAMPLE.read_bytes())
    assert answer.content == DeadlineReport.of(decision).model_dump_json().encode()
    assert answer.json()["violations"] == [v.model_dump(mode="json") for v in decision.violations]
    kinds = {"ics": ("text/calendar", "BEGIN:VCALENDAR"), "html": ("text/html", "<"), "md": ("text/markdown", "")}
    for fmt, (media, start) in kinds.items():
        found = client.post("/v1/deadlines", params={**Q, "format": fmt}, content=EXAMPLE.read_bytes())
        assert found.status_code == 200, found.text
        assert found.headers["content-type"].startswith(media)
        assert found.text.lstrip().startswith(start)
        assert decision.case_id in found.text


def test_notices_listed_and_rendered(client: httpx.Client, engine: Engine) -> None:
    """POST /v1/notices lists the calls; POST /v1/notices/{kind} renders what render_notice renders."""
    listing = client.post("/v1/notices", params=Q, content=EXAMPLE.read_bytes()).json()
    called = {(c["kind"], c["subject"]) for c in listing["called_for"]}
    assert ("detention_family_notice", "measures[1]") in called
    assert "designated_residence_family_notice" in {n["kind"] for n in listing["not_called_for"]}
    decision, case = _in_process(engine), load_case(EXAMPLE)
    for lang, fmt in (("zh", "md"), ("en", "html")):
        found = client.post("/v1/notices/detention_family_notice", params={**Q, "lang": lang, "format": fmt},
                            content=EXAMPLE.read_bytes())
        assert found.status_code == 200, found.text
        assert found.text == render_notice(decision, case, "detention_family_notice", lang, fmt)
    default = client.post("/v1/notices/detention_family_notice", params=Q, content=EXAMPLE.read_bytes())
    assert default.headers["content-type"].startswith("text/markdown")


def test_notices_listed_for_a_case_in_the_query(client: httpx.Client) -> None:
    """GET /v1/notices?case= (the YAML itself, URL-encoded as curl -G --data-urlencode sends it) lists as POST does."""
    posted = client.post("/v1/notices", params=Q, content=EXAMPLE.read_bytes())
    for document in (EXAMPLE.read_text(encoding="utf-8"), _as_json(EXAMPLE).decode()):
        got = client.get("/v1/notices", params={**Q, "case": document})
        assert got.status_code == 200, got.text
        assert got.headers["content-type"] == "application/json" and got.content == posted.content


def test_a_path_in_the_case_query_is_refused_and_never_read(client: httpx.Client) -> None:
    """`case=examples/x.yaml` is a string, not a case: 422 saying the service reads no file, whatever exists there."""
    for value in (str(EXAMPLE), "examples/murder_summons_to_arrest.yaml", "file:///etc/passwd"):
        response = client.get("/v1/notices", params={**Q, "case": value})
        assert response.status_code == 422, response.text
        [problem] = response.json()["problems"]
        assert problem["file"] == "query parameter case" and "not a path" in problem["expected"]
    bad = client.get("/v1/notices", params={**Q, "case": "case: {id: X}\nsuspect:\n  birth_date: 1990-02-30\n"})
    [problem] = bad.json()["problems"]
    assert (problem["file"], problem["line"], problem["field"]) == ("query parameter case", 3, "suspect.birth_date")
    assert client.get("/v1/notices", params=Q).status_code == 422  # no case at all


def test_rulesets_schemas_health_version(client: httpx.Client, engine: Engine) -> None:
    """The reference routes describe what is loaded, with the same versions and schemas as the library."""
    listed = client.get("/v1/rulesets").json()
    assert [r["id"] for r in listed] == [r.id for r in engine.all_rulesets]
    detail = client.get("/v1/rulesets/av_2014").json()
    rule = next(r for r in detail["rules"] if r["id"] == "av_2014.art5")
    assert rule["citation"] and rule["quote"] and "recording_required" in rule["concludes"]
    assert detail["coverage"]["article_count"] == 27
    assert client.get("/v1/schema/case").json() == CaseFacts.model_json_schema()
    assert client.get("/v1/schema/decision").json() == Decision.model_json_schema()
    assert client.get("/healthz").json() == {"status": "ok"}
    versions = client.get("/version").json()
    assert versions["package"] == legalrules.__version__
    assert {r["id"]: r["version"] for r in versions["rulesets"]} == {r.id: r.version for r in engine.all_rulesets}


def test_holiday_data_in_the_body_is_used(client: httpx.Client) -> None:
    """A `holidays` mapping beside the case's keys takes precedence, as a --holidays file does."""
    body = EXAMPLE.read_text(encoding="utf-8") + "holidays:\n  name: test calendar\n  holidays: [2025-12-08]\n"
    decision = client.post("/v1/evaluate", params=Q, content=body.encode()).json()
    assert any("test calendar" in source for source in decision["holiday_data"])
