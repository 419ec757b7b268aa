"""A request's inputs: the case document in the body (JSON or YAML) and the CLI's options as query parameters.

The body is a case file as `legalrules evaluate` reads it, so `curl --data-binary
@case.yaml` works; it may carry one more top-level key, `holidays`, holding what a
`--holidays` file would (the service never reads a path the request names). Errors
name the body and, for YAML, the line.

`GET /v1/notices?case=...` takes the same document as the `case` query parameter
(URL-encoded text, as `curl -G --data-urlencode case@case.yaml` sends it): the
document itself, never a path, and held to the body's byte cap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Annotated, Final, Literal

from fastapi import Depends, Query, Request

from ...case.io import parse_case_document, validate_case_document
from ...case.model import CaseFacts
from ...errors import CaseFileError, Problem
from ...engine.crosscheck import CrossCheck
from ...interpretations import HourReading, Interpretations, WeekendReading
from ...legaltime.holidays import HolidayFile, parse_holiday_data
from .limits import BodyTooLarge

BODY_SOURCE: Final = "request body"
QUERY_SOURCE: Final = "query parameter case"
HOLIDAYS_KEY: Final = "holidays"
CASE_MEDIA_TYPES: Final = ("application/json", "application/yaml")


class EngineChoice(str, Enum):
    """Which evaluator answers (as the CLI's `--engine`)."""

    both = "both"
    native = "native"
    durable = "durable"


@dataclass(frozen=True)
class CaseText:
    """A request's case document as text, and where it came from (the body or the `case` query parameter)."""

    text: str
    source: str = BODY_SOURCE


@dataclass(frozen=True)
class CaseRequest:
    """A parsed request body: the case, and holiday data if the body carried any."""

    case: CaseFacts
    holidays: HolidayFile | None


@dataclass(frozen=True)
class EvaluationOptions:
    """The CLI's evaluation options, read from the query string."""

    as_of: datetime | None
    engine: EngineChoice
    cross_check: CrossCheck
    interpretations: Interpretations


AgeCounting = Literal["from_day_after_birthday", "from_birthday"]


def evaluation_options(
    as_of: Annotated[datetime | None, Query(
        description="Evaluate as of this instant (ISO 8601; default now). Naive = Asia/Shanghai, with a warning.")]
    = None,
    engine: Annotated[EngineChoice, Query(description="Which evaluator answers.")] = EngineChoice.both,
    age_counting: Annotated[AgeCounting, Query(description="Interpretation: when an age of N years is reached.")]
    = "from_day_after_birthday",
    hour_reading: Annotated[HourReading, Query(
        description="Interpretation: where a period in hours starts (CPL Art. 105).")] = "from_the_instant",
    weekends: Annotated[WeekendReading, Query(
        description="Interpretation: whether ordinary weekends are 节假日 (rest days).")] = "rest_days",
    cross_check: Annotated[str, Query(description="With engine=both: whether durable-rules re-derives this case: "
                                      "every, off, or a sample such as 1% (by a hash of the case).")] = "every",
) -> EvaluationOptions:
    """The options dependency shared by every route that evaluates a case."""
    readings = Interpretations(age_counting=age_counting, hour_reading=hour_reading, weekends=weekends)
    return EvaluationOptions(as_of=as_of, engine=engine, cross_check=CrossCheck.parse(cross_check),
                             interpretations=readings)


async def case_text(request: Request) -> CaseText:
    """The request's body as text (the case, JSON or YAML); parsed later, off the event loop."""
    data = await request.body()
    try:
        return CaseText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CaseFileError(BODY_SOURCE, [Problem(BODY_SOURCE, f"bytes that are not UTF-8 ({exc.reason})",
                                                  "UTF-8 text", file=BODY_SOURCE)]) from None


def parse_case_request(given: CaseText) -> CaseRequest:
    """A case document's text as a case and optional holiday data; CaseFileError/HolidayFileError with lines."""
    text, source = given.text, given.source
    if not text.strip():
        received = "an empty body" if source == BODY_SOURCE else "an empty value"
        raise CaseFileError(source, [Problem(source, received, "a case as JSON or YAML", file=source)])
    try:
        raw = parse_case_document(text, source)
    except CaseFileError as exc:
        if source == QUERY_SOURCE and "\n" not in text.strip() and "mapping" in exc.problems[0].expected:
            # A lone word such as `cases/a.yaml` was meant as a path: say the service reads none.
            raise CaseFileError(source, [Problem(source, exc.problems[0].received, "the case document itself "
                                                 "(URL-encoded JSON or YAML), not a path: the service reads no "
                                                 "file a request names", file=source)]) from None
        raise
    holidays = None
    if HOLIDAYS_KEY in raw:
        holidays = parse_holiday_data(raw.pop(HOLIDAYS_KEY), f"{source} ({HOLIDAYS_KEY})")
    return CaseRequest(validate_case_document(raw, source), holidays)


def case_query(request: Request, case: Annotated[str, Query(
        description="The case document itself, JSON or YAML, URL-encoded (`curl -G --data-urlencode "
        "case@case.yaml`); never a path. Held to the body's byte cap (413 beyond); a large case is "
        "better POSTed.")]) -> CaseText:
    """The `case` query parameter as a case document, refused (413) beyond the service's body cap."""
    limit: int = request.app.state.service.settings.max_body_bytes
    size = len(case.encode("utf-8", errors="surrogatepass"))
    if size > limit:
        raise BodyTooLarge(limit, f"{size} bytes in the query parameter case")
    return CaseText(case, QUERY_SOURCE)


BodyCase = Annotated[CaseText, Depends(case_text)]
"""A route parameter: the body's text, a case as JSON or YAML."""
QueryCase = Annotated[CaseText, Depends(case_query)]
"""A route parameter: the `case` query parameter's text, a case as JSON or YAML."""
Options = Annotated[EvaluationOptions, Depends(evaluation_options)]
"""A route parameter: the CLI's evaluation options from the query string."""
