"""A request's inputs: the case document in the body (JSON or YAML) and the CLI's options as query parameters.

The body is a case file as `legalrules evaluate` reads it, so `curl --data-binary
@case.yaml` works; it may carry one more top-level key, `holidays`, holding what a
`--holidays` file would (the service never reads a path the request names). Errors
name the body and, for YAML, the line.
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

BODY_SOURCE: Final = "request body"
HOLIDAYS_KEY: Final = "holidays"
CASE_MEDIA_TYPES: Final = ("application/json", "application/yaml")


class EngineChoice(str, Enum):
    """Which evaluator answers (as the CLI's `--engine`)."""

    both = "both"
    native = "native"
    durable = "durable"


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


async def case_text(request: Request) -> str:
    """The request's body as text (the case, JSON or YAML); parsed later, off the event loop."""
    data = await request.body()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError(BODY_SOURCE, [Problem(BODY_SOURCE, f"bytes that are not UTF-8 ({exc.reason})",
                                                  "UTF-8 text", file=BODY_SOURCE)]) from None


def parse_case_request(text: str) -> CaseRequest:
    """A body's text as a case and optional holiday data; CaseFileError/HolidayFileError with lines."""
    if not text.strip():
        raise CaseFileError(BODY_SOURCE, [Problem(BODY_SOURCE, "an empty body", "a case as JSON or YAML",
                                                  file=BODY_SOURCE)])
    raw = parse_case_document(text, BODY_SOURCE)
    holidays = None
    if HOLIDAYS_KEY in raw:
        holidays = parse_holiday_data(raw.pop(HOLIDAYS_KEY), f"{BODY_SOURCE} ({HOLIDAYS_KEY})")
    return CaseRequest(validate_case_document(raw, BODY_SOURCE), holidays)


CaseText = Annotated[str, Depends(case_text)]
"""A route parameter: the body's text, a case as JSON or YAML."""
Options = Annotated[EvaluationOptions, Depends(evaluation_options)]
"""A route parameter: the CLI's evaluation options from the query string."""
