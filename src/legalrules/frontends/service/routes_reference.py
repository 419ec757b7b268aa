"""Reference routes: the loaded rulesets (rules, citations, coverage), the JSON Schemas, health and versions."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from ..version import package_version
from ...case.model import CaseFacts
from ...decision.model import Decision
from ...documents.text.rules import article_order
from ...errors import UnknownRuleError
from ...ruleformat.compiled import CompiledRuleset
from .models import (
    CoverageInfo,
    DeadlineInfo,
    Health,
    JsonSchema,
    RuleInfo,
    RulesetDetail,
    RulesetSummary,
    RulesetVersion,
    VersionInfo,
)
from .problems import ERROR_RESPONSES
from .runtime import Served, Service

router = APIRouter()
JSON = "application/json"


def _json(model: Any) -> Response:
    return Response(model.model_dump_json().encode(), media_type=JSON)


@router.get("/healthz", response_model=Health, tags=["service"], summary="Liveness (never needs the token)")
async def healthz() -> Response:
    """200 while the process serves."""
    return _json(Health())


@router.get("/version", response_model=VersionInfo, tags=["service"], responses=ERROR_RESPONSES,
            summary="The package version and each ruleset's version")
async def version(service: Served) -> Response:
    """What answers, so a caller can record it beside a decision."""
    rulesets = [RulesetVersion(id=r.id, version=r.version) for r in service.engine.all_rulesets]
    return _json(VersionInfo(package=package_version(), rulesets=rulesets))


def _summary(ruleset: CompiledRuleset) -> dict[str, Any]:
    inst = ruleset.instrument
    return {"id": ruleset.id, "title_en": inst.title.en, "title_zh": inst.title.zh,
            "document_number": inst.document_number, "version": ruleset.version,
            "effective_from": inst.effective_from, "effective_until": inst.effective_until,
            "rule_count": len({rule.id for rule in ruleset.rules}), "deadline_count": len(ruleset.deadlines)}


@router.get("/v1/rulesets", response_model=list[RulesetSummary], tags=["rulesets"], responses=ERROR_RESPONSES,
            summary="The loaded rulesets")
async def rulesets(service: Served) -> Response:
    """Each loaded ruleset: instrument, window, version, rule and deadline counts."""
    found = [RulesetSummary(**_summary(r)) for r in service.engine.all_rulesets]
    body = json.dumps([item.model_dump(mode="json") for item in found], ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode(), media_type=JSON)


@router.get("/v1/rulesets/{ruleset_id}", response_model=RulesetDetail, tags=["rulesets"],
            responses=ERROR_RESPONSES, summary="A ruleset's rules, citations, deadlines and coverage")
async def ruleset(ruleset_id: Annotated[str, Path(description="e.g. av_2014")], service: Served) -> Response:
    """As `legalrules rules --ruleset ID` and `--coverage`, as data (404 for an unknown id)."""
    known = {r.id: r for r in service.engine.all_rulesets}
    if ruleset_id not in known:
        raise UnknownRuleError(f"ruleset: received {ruleset_id!r}; expected one of {', '.join(known)}")

    def work() -> bytes:
        return _detail(service, known[ruleset_id]).model_dump_json().encode()
    return Response(await service.run(work), media_type=JSON)


def _detail(service: Service, ruleset: CompiledRuleset) -> RulesetDetail:
    concludes: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        concludes.setdefault(rule.id, []).append(rule.conclusion)
    first = {rule.id: rule for rule in reversed(ruleset.rules)}
    rules = [RuleInfo(id=r.id, title=r.title, citation=r.citation, also_cites=list(r.also_cites), quote=r.quote,
                      concludes=concludes[r.id], interpretation=r.interpretation,
                      interpretation_zh=r.interpretation_zh)
             for r in (first[i] for i in sorted(first, key=article_order))]
    deadlines = [DeadlineInfo(id=d.id, duty=d.spec.duty, title=d.spec.title, citation=d.citation,
                              period=f"{d.period[0]} {d.period[1]}")
                 for d in sorted(ruleset.deadlines, key=lambda d: (article_order(d.id), d.spec.duty))]
    found = service.coverage(ruleset)
    info = CoverageInfo(article_count=found.article_count, articles=found.articles,
                        rules_without_scenario=list(found.rules_not_shown),
                        deadlines_without_scenario=list(found.deadlines_not_shown))
    return RulesetDetail(**_summary(ruleset), rules=rules, deadlines=deadlines, coverage=info)


def _schema(model: Any) -> Response:
    body = json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True)
    return Response(body.encode(), media_type="application/schema+json")


@router.get("/v1/schema/case", response_model=JsonSchema, tags=["schemas"], responses=ERROR_RESPONSES,
            summary="The JSON Schema of case files (as `legalrules schema`)")
async def case_schema() -> Response:
    """What a case file may hold."""
    return _schema(CaseFacts)


@router.get("/v1/schema/decision", response_model=JsonSchema, tags=["schemas"], responses=ERROR_RESPONSES,
            summary="The JSON Schema of decisions (as `legalrules schema --decision`)")
async def decision_schema() -> Response:
    """What a decision holds."""
    return _schema(Decision)
