"""Routes that evaluate a case: `POST /v1/evaluate` and `POST /v1/deadlines` (JSON, iCalendar, HTML, Markdown)."""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from fastapi import APIRouter, Query, Response

from ...decision.model import Decision
from .inputs import CASE_MEDIA_TYPES, BodyCase, Options
from .models import DeadlineReport
from .problems import ERROR_RESPONSES
from .runtime import Served

router = APIRouter(prefix="/v1", tags=["decisions"])

CASE_BODY: Final[dict[str, Any]] = {
    "requestBody": {
        "required": True,
        "description": "A case file as `legalrules evaluate` reads it (JSON or YAML), optionally with a "
                       "top-level `holidays` mapping in the format of a `--holidays` file.",
        "content": {media: {"schema": {"$ref": "#/components/schemas/CaseRequest"}} for media in CASE_MEDIA_TYPES},
    },
}
JSON: Final = "application/json"
DeadlineFormat = Literal["json", "ics", "html", "md"]
_MEDIA: Final[dict[str, str]] = {
    "json": JSON, "ics": "text/calendar; charset=utf-8", "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}



@router.post("/evaluate", response_model=Decision, responses=ERROR_RESPONSES, openapi_extra=CASE_BODY,
             summary="Evaluate a case: every conclusion and deadline, the article behind it, what is unknown")
async def evaluate(text: BodyCase, options: Options, service: Served) -> Response:
    """The decision on the case in the body, as `legalrules evaluate --json` gives it (compact JSON)."""
    def work() -> bytes:
        return service.decide(text, options)[1].model_dump_json().encode()
    return Response(await service.run(work), media_type=JSON)


@router.post("/deadlines", response_model=DeadlineReport, responses={
    **ERROR_RESPONSES, 200: {"content": {_MEDIA[f]: {} for f in ("ics", "html", "md")}}},
    openapi_extra=CASE_BODY, summary="A case's deadlines: what is due, by when, met or not")
async def deadlines(text: BodyCase, options: Options, service: Served,
                    format: Annotated[DeadlineFormat, Query(  # noqa: A002 - the query's public name
                        description="json (default), ics (RFC 5545), html (month grid) or md (agenda)")] = "json",
                    ) -> Response:
    """The case's deadlines as JSON, or as the calendars `legalrules deadlines --ics/--html/--md` writes."""
    def work() -> bytes:
        from ...documents.calendar.ics import render_ics  # noqa: PLC0415 - icalendar only when asked
        from ...documents.calendar.render import render_calendar  # noqa: PLC0415 - jinja2 only when asked

        request, decision = service.decide(text, options)
        if format == "json":
            return DeadlineReport.of(decision).model_dump_json().encode()
        if format == "ics":
            return render_ics(decision)
        return render_calendar(decision, format, service.calendar(request, options)).encode()
    return Response(await service.run(work), media_type=_MEDIA[format])
