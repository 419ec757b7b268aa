"""Routes for notices: which ones a case calls for (POSTed, or in the `case` query), and one rendered."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Path, Query, Response

from ...documents.notices.calls import NoticeKind
from ...documents.notices.words import Lang
from .inputs import BodyCase, CaseText, EvaluationOptions, Options, QueryCase
from .models import NoticeCalled, NoticeListing, NoticeNotCalled
from .problems import ERROR_RESPONSES
from .routes_decisions import CASE_BODY
from .runtime import Served, Service

router = APIRouter(prefix="/v1", tags=["notices"])
NoticeFormat = Annotated[str, Query(pattern="^(md|html)$", description="md (default, as the CLI and "
                                    "render_notice) or print-ready html (A4)")]
_MEDIA: Final = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


def _listing(service: Service, text: CaseText, options: EvaluationOptions) -> bytes:
    """Which notices the case calls for and why, and why not the others, as JSON (blocking)."""
    from ...documents.notices.calls import KINDS, notice_calls, refusal  # noqa: PLC0415 - on demand

    decision = service.decide(text, options)[1]
    calls = notice_calls(decision)
    called = {call.kind for call in calls}
    listing = NoticeListing(
        case_id=decision.case_id, as_of=decision.as_of,
        called_for=[NoticeCalled(kind=c.kind, subject=c.subject, why=c.why) for c in calls],
        not_called_for=[NoticeNotCalled(kind=k, why_not=refusal(decision, k)) for k in KINDS if k not in called])
    return listing.model_dump_json().encode()


@router.post("/notices", response_model=NoticeListing, responses=ERROR_RESPONSES, openapi_extra=CASE_BODY,
             summary="Which notices the case calls for, and why not the others")
async def list_notices(text: BodyCase, options: Options, service: Served) -> Response:
    """As `legalrules notice CASE --list`, as data."""
    return Response(await service.run(lambda: _listing(service, text, options)), media_type="application/json")


@router.get("/notices", response_model=NoticeListing, responses=ERROR_RESPONSES,
            summary="Which notices the case in the query calls for, and why not the others")
async def list_notices_for_query(text: QueryCase, options: Options, service: Served) -> Response:
    """As POST /v1/notices, the case document in the `case` query parameter (URL-encoded JSON or YAML).

    The parameter is the document itself, never a path: the service reads no file a request
    names. It is held to the body's byte cap (413 beyond); a large case is better POSTed.
    """
    return Response(await service.run(lambda: _listing(service, text, options)), media_type="application/json")


@router.post("/notices/{kind}", responses={**ERROR_RESPONSES, 200: {"content": {m: {} for m in _MEDIA.values()}}},
             response_class=Response, openapi_extra=CASE_BODY, summary="One notice rendered from the case's decision")
async def render_notice(
    kind: Annotated[NoticeKind, Path(description="The kind of notice.")],
    text: BodyCase, options: Options, service: Served,
    lang: Annotated[Lang, Query(description="Language of the notice.")] = "zh",
    format: NoticeFormat = "md",  # noqa: A002 - the query's public name
    subject: Annotated[str | None, Query(description="Which one, when the case calls for several, "
                                         "e.g. measures[1].")] = None,
) -> Response:
    """As `legalrules notice CASE --kind KIND`; 422 (notice-refused) names what the decision lacks."""
    def work() -> bytes:
        from ...documents.notices.render import render_notice as render  # noqa: PLC0415 - jinja2 on demand

        request, decision = service.decide(text, options)
        return render(decision, request.case, kind, lang, "html" if format == "html" else "md", subject).encode()
    return Response(await service.run(work), media_type=_MEDIA[format])
