"""The state one service process holds: its settings and its one Engine, loaded once.

Routes reach it through `service_of` (a FastAPI dependency), never a module global,
so a test builds as many apps as it likes. Everything that can block (parsing a
body, evaluating, rendering) runs in a worker thread under the time limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from ...decision.model import Decision
from ...engine.coverage import Coverage, coverage
from ...engine.evaluate import Engine
from ...legaltime.holidays import HolidayCalendar
from ...ruleformat.compiled import CompiledRuleset
from .inputs import CaseRequest, CaseText, EvaluationOptions, parse_case_request
from .limits import within_time_limit
from .settings import ServiceSettings

T = TypeVar("T")


class Service:
    """One process's settings and Engine, and the blocking work routes hand off."""

    def __init__(self, settings: ServiceSettings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine if engine is not None else Engine(rulesets_root=settings.rulesets_root)
        self._coverage: dict[str, Coverage] = {}

    async def run(self, work: Callable[[], T]) -> T:
        """Run blocking work in a thread within the per-request time limit."""
        return await within_time_limit(self.settings.time_limit_seconds, work)

    def decide(self, text: CaseText, options: EvaluationOptions) -> tuple[CaseRequest, Decision]:
        """Parse a request's case document and evaluate it with the request's options (blocking)."""
        request = parse_case_request(text)
        decision = self.engine.evaluate(
            request.case, as_of=options.as_of, interpretations=options.interpretations,
            engine=options.engine.value, holiday_file=request.holidays, cross_check=options.cross_check)
        return request, decision

    @staticmethod
    def calendar(request: CaseRequest, options: EvaluationOptions) -> HolidayCalendar:
        """The holiday calendar a deadline view is drawn with: the request's data first."""
        return HolidayCalendar(weekends=options.interpretations.weekends, holiday_file=request.holidays)

    def coverage(self, ruleset: CompiledRuleset) -> Coverage:
        """A ruleset's coverage, measured once per process (it reads every scenario file)."""
        found = self._coverage.get(ruleset.id)
        if found is None:
            found = self._coverage[ruleset.id] = coverage(ruleset)
        return found


def service_of(request: Request) -> Service:
    """The dependency giving a route its process's Service."""
    service: Service = request.app.state.service
    return service


Served = Annotated[Service, Depends(service_of)]
"""A route parameter: this process's Service."""
