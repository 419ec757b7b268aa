"""The service's own response bodies; decisions and deadlines are the library's models themselves."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...decision.deadlines import DeadlineNotStarted, DeadlineOutcome, Violation
from ...decision.model import Decision, RulesetIdentity


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Health(_Out):
    """The service is up (`/healthz` never needs the token)."""

    status: str = "ok"


class RulesetVersion(_Out):
    """A loaded ruleset and its version (a hash of its files)."""

    id: str
    version: str


class VersionInfo(_Out):
    """What answers: the package version and each loaded ruleset's version."""

    package: str
    rulesets: list[RulesetVersion]


class RulesetSummary(RulesetIdentity):
    """One loaded ruleset: its instrument, window, version and size."""

    rule_count: int
    deadline_count: int


class RuleInfo(_Out):
    """A rule: its citation, quoted clause and what it concludes."""

    id: str
    title: str
    citation: str
    also_cites: list[str]
    quote: str
    concludes: list[str] = Field(description="The conclusions the rule establishes.")
    interpretation: str | None = None
    interpretation_zh: str | None = None


class DeadlineInfo(_Out):
    """A deadline rule: its duty, citation and period."""

    id: str
    duty: str
    title: str
    citation: str
    period: str = Field(description="e.g. '24 hours'")


class CoverageInfo(_Out):
    """How completely the ruleset encodes its instrument, and which rules scenarios show working."""

    article_count: int
    articles: dict[str, int]
    rules_without_scenario: list[str]
    deadlines_without_scenario: list[str]


class RulesetDetail(RulesetSummary):
    """A ruleset's rules, deadlines and coverage."""

    rules: list[RuleInfo]
    deadlines: list[DeadlineInfo]
    coverage: CoverageInfo


class DeadlineReport(_Out):
    """A case's deadlines: what is due, by when, met or not; what has not started; the violations."""

    case_id: str
    as_of: datetime
    deadlines: list[DeadlineOutcome]
    deadlines_not_started: list[DeadlineNotStarted]
    violations: list[Violation]
    holiday_data: list[str]
    warnings: list[str]

    @classmethod
    def of(cls, decision: Decision) -> DeadlineReport:
        """The deadline part of a decision."""
        return cls(case_id=decision.case_id, as_of=decision.as_of, deadlines=decision.deadlines,
                   deadlines_not_started=decision.deadlines_not_started, violations=decision.violations,
                   holiday_data=decision.holiday_data, warnings=decision.warnings)


class NoticeCalled(_Out):
    """A notice the case calls for, on which subject, and why."""

    kind: str
    subject: str
    why: str


class NoticeNotCalled(_Out):
    """A notice kind the case does not call for, and why not."""

    kind: str
    why_not: str


class NoticeListing(_Out):
    """Which notices a case calls for (render one with POST /v1/notices/{kind})."""

    case_id: str
    as_of: datetime
    called_for: list[NoticeCalled]
    not_called_for: list[NoticeNotCalled]


class ProblemItem(_Out):
    """One thing wrong with an input: where (file, line, field path), what was received and expected."""

    model_config = ConfigDict(extra="allow", frozen=True)

    location: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    received: str
    expected: str


class ProblemDetails(_Out):
    """An error (RFC 9457 problem details, `application/problem+json`) with the structured problems."""

    type: str = Field(description="urn:legalrules:problem:<kind>")
    title: str
    status: int
    detail: str
    problems: list[ProblemItem] = Field(default_factory=list)
    differences: list[str] | None = Field(default=None, description="For an evaluator disagreement.")


JsonSchema = dict[str, Any]
