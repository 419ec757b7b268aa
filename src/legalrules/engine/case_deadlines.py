"""The deadlines of one evaluation, across rulesets, with the holiday calendar they share."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..case.model import CaseFacts
from ..decision.deadlines import DeadlineNotStarted, DeadlineOutcome, Violation
from ..decision.output import made
from ..interpretations import Interpretations
from ..ruleformat.catalog import Value
from ..ruleformat.compiled import CompiledRuleset

if TYPE_CHECKING:
    from .case_index import CaseIndex
    from .deadlines import DeadlineResults
    from ..legaltime.holidays import HolidayCalendar, HolidayFile


class CaseDeadlines:
    """The deadlines of one evaluation, across rulesets; the legal-time modules load only when needed."""

    def __init__(self, case: CaseFacts, facts: dict[str, Value], as_of: datetime,
                 readings: Interpretations, holiday_file: Path | HolidayFile | None) -> None:
        self.case, self.facts, self.as_of, self.readings = case, facts, as_of, readings
        self.holiday_file = holiday_file
        self.results: list[DeadlineResults] = []
        self.calendar: HolidayCalendar | None = None
        self.index: CaseIndex | None = None  # the case's measures and events by kind, built once

    def run(self, ruleset: CompiledRuleset, list_not_started: bool = True) -> DeadlineResults | None:
        """Judge the ruleset's deadlines; `list_not_started` False drops those the case never started."""
        if not ruleset.deadlines:
            return None
        from .deadlines import evaluate_deadlines  # noqa: PLC0415 - chinesecalendar et al. only when asked
        from ..legaltime.holidays import HolidayCalendar  # noqa: PLC0415

        if self.calendar is None:
            self.calendar = (HolidayCalendar.from_file(self.holiday_file, weekends=self.readings.weekends)
                             if isinstance(self.holiday_file, Path)
                             # Holiday data already read (a service request's body, a batch's file).
                             else HolidayCalendar(weekends=self.readings.weekends, holiday_file=self.holiday_file))
        if self.index is None:
            from .case_index import CaseIndex  # noqa: PLC0415

            self.index = CaseIndex.of(self.case)
        found = evaluate_deadlines(ruleset, self.case, self.facts, self.as_of, self.calendar, self.readings,
                                   self.index)
        if not list_not_started:
            found.not_started.clear()
        self.results.append(found)
        return found

    def outcomes(self) -> list[DeadlineOutcome]:
        """Every deadline, ordered by due time, then rule and subject."""
        found = [o for r in self.results for o in r.outcomes]
        return sorted(found, key=lambda o: (o.due, o.rule_id, o.duty, o.subject))

    @property
    def not_started(self) -> list[DeadlineNotStarted]:
        return [n for r in self.results for n in r.not_started]

    def violations(self) -> list[Violation]:
        """The missed deadlines, as violations with their citations."""
        return [made(Violation, ruleset=o.ruleset, rule_id=o.rule_id, duty=o.duty, subject=o.subject,
                     citation=o.citation, due=o.due,
                     late_by_seconds=o.late_by_seconds if o.met_at is not None else None,
                     text=f"{o.title} ({o.subject}), due {o.due.isoformat()} under {o.citation}: {o.status_text}")
                for o in self.outcomes() if o.status == "missed"]

    def holiday_data(self) -> list[str]:
        """Which holiday data the due times rest on (nothing when no calendar was needed)."""
        computed = any(r.outcomes for r in self.results)
        return self.calendar.data_sources() if self.calendar is not None and computed else []

    def warnings(self) -> list[str]:
        out = [w for r in self.results for w in r.warnings]
        if self.calendar is not None:
            out += self.calendar.warnings()
        return list(dict.fromkeys(out))
