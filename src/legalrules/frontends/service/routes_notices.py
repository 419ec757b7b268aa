"""Routes for notices: which ones a case calls for, and one rendered as Markdown or HTML."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Path, Query, Response

from ...documents.notices.calls import NoticeKind
from ...documents.notices.words import Lang
from .inputs import CaseText, Options
from .models import NoticeCalled, NoticeListing, NoticeNotCalled
from .problems import ERROR_RESPONSES
from .routes_decisions import CASE_BODY
from .runtime import Served

router = APIRouter(prefix="/v1", tags=["notices"])
NoticeFormat = Annotated[str, Query(pattern="^(md|html)$", description="md (default, as the CLI and "
                                    "render_notice) or print-ready html (A4)")]
_MEDIA: Final = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}



@router.post("/notices", response_model=NoticeListing, responses=ERROR_RESPONSES, openapi_extra=CASE_BODY,
             summary="Which notices the case calls for, and why not the others")
async def list_notices(text: CaseText, options: Options, service: Served) -> Response:
    """As `legalrules notice CASE --list`, as data."""
    def work() -> bytes:
        from ...documents.notices.calls import KINDS, notice_calls, refusal  # noqa: PLC0415 - on demand

        decision = service.decide(text, options)[1]
        calls = notice_calls(decision)
        called = {call.kind for call in calls}
        listing = NoticeListing(
            case_id=decision.case_id, as_of=decision.as_of,
            called_for=[NoticeCalled(kind=c.kind, subject=c.subject, why=c.why) for c in calls],
            not_called_for=[NoticeNotCalled(kind=k, why_not=refusal(decision, k)) for k in KINDS if k not in called])
        return listing.model_dump_json().encode()
    return Response(await service.run(work), media_type="application/json")


@router.post("/notices/{kind}", responses={**ERROR_RESPONSES, 200: {"content": {m: {} for m in _MEDIA.values()}}},
             response_class=Response, openapi_extra=CASE_BODY, summary="One notice rendered from the case's decision")
async def render_notice(
    kind: Annotated[NoticeKind, Path(description="The kind of notice.")],
    text: CaseText, options: Options, service: Served,
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
