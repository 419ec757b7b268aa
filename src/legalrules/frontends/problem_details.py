"""One error as data: the problem-details document the CLI (`--json`), the service and batch all emit.

RFC 9457 names the members `type`, `title`, `status`, `detail`; the library's
structured problems (file, line, field path, received, expected) ride along under
`problems`, and an evaluator disagreement lists its `differences`. The class of an
error decides its type, its HTTP status and the CLI's exit code, in one table, so the
three front ends cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ..errors import (
    CaseFileError,
    EngineDisagreement,
    HolidayFileError,
    InputError,
    InternalError,
    LegalRulesError,
    NoticeRefused,
    Problem,
    RulesetError,
    UnknownRuleError,
)

TYPE_PREFIX: Final = "urn:legalrules:problem:"


@dataclass(frozen=True)
class ErrorClass:
    """What a kind of error is called and how each front end reports it."""

    slug: str
    title: str
    status: int
    exit_code: int

    @property
    def type(self) -> str:
        """The problem type URI, e.g. `urn:legalrules:problem:case-file`."""
        return TYPE_PREFIX + self.slug


# Most specific first: the first class an error is an instance of decides.
_CLASSES: Final[tuple[tuple[type[BaseException], ErrorClass], ...]] = (
    (CaseFileError, ErrorClass("case-file", "The case is not valid", 422, 2)),
    (HolidayFileError, ErrorClass("holiday-file", "The holiday data is not valid", 422, 2)),
    (UnknownRuleError, ErrorClass("unknown-rule", "No such rule or ruleset", 404, 2)),
    (NoticeRefused, ErrorClass("notice-refused", "The decision does not call for this notice", 422, 2)),
    (InputError, ErrorClass("bad-input", "The request is not valid", 400, 2)),
    (RulesetError, ErrorClass("ruleset", "A ruleset cannot be loaded", 500, 2)),
    (EngineDisagreement, ErrorClass("engine-disagreement", "The two evaluators disagree; no answer is given",
                                    500, 1)),
    (InternalError, ErrorClass("internal", "Internal error", 500, 1)),
    (LegalRulesError, ErrorClass("internal", "Internal error", 500, 1)),
)
UNEXPECTED: Final = ErrorClass("internal", "Internal error", 500, 1)


def error_class(error: BaseException) -> ErrorClass:
    """The class of an error (anything not raised on purpose is internal)."""
    for kind, found in _CLASSES:
        if isinstance(error, kind):
            return found
    return UNEXPECTED


def problem_items(problems: tuple[Problem, ...] | list[Problem]) -> list[dict[str, Any]]:
    """Each problem as a JSON object, with file, line and field path as members of their own."""
    return [problem.as_dict() for problem in problems]


def problem_document(error: BaseException, *, status: bool = True) -> dict[str, Any]:
    """The problem-details object of an error; `status` False leaves out the HTTP status (the CLI)."""
    found = error_class(error)
    detail = str(error) if isinstance(error, LegalRulesError) else (
        f"internal error ({type(error).__name__}); no answer is given")
    document: dict[str, Any] = {"type": found.type, "title": found.title}
    if status:
        document["status"] = found.status
    document["detail"] = detail
    document["problems"] = problem_items(getattr(error, "problems", ()))
    if isinstance(error, EngineDisagreement):
        document["differences"] = list(error.differences)
    return document
