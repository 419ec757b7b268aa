"""The example cases the notice tests render, each at the as-of time that makes its notice worth having."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from legalrules import CaseFacts, Decision, Engine, load_case
from legalrules.documents.notices.calls import NoticeKind

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
GOLDENS = Path(__file__).resolve().parent / "goldens" / "notices"


@dataclass(frozen=True)
class Scenario:
    """One notice of one example case: which, about what, and as of when."""

    kind: NoticeKind
    example: str
    as_of: str
    subject: str | None = None

    def decided(self) -> tuple[Decision, CaseFacts]:
        return decide(self.example, self.as_of)


# One scenario per kind; the goldens and the browser test render these, in both languages.
SCENARIOS: dict[NoticeKind, Scenario] = {
    # The officer: the family must be notified by 10:25 tomorrow (22 Nov 2026).
    "detention_family_notice": Scenario("detention_family_notice", "fraud_detention_pending", "2026-11-21T15:00:00+08:00"),
    "arrest_family_notice": Scenario("arrest_family_notice", "murder_summons_to_arrest", "2025-12-10T09:00:00+08:00"),
    "designated_residence_family_notice": Scenario(
        "designated_residence_family_notice", "designated_residence_late_notice", "2026-03-22T09:00:00+08:00"),
    # The procuratorate's own case in 2026: its detention notice in time, its arrest notice an hour late.
    "procuratorate_detention_family_notice": Scenario(
        "procuratorate_detention_family_notice", "judicial_officer_procuratorate_2026", "2026-03-20T09:00:00+08:00"),
    "procuratorate_arrest_family_notice": Scenario(
        "procuratorate_arrest_family_notice", "judicial_officer_procuratorate_2026", "2026-03-20T09:00:00+08:00"),
    "late_notice_record": Scenario(
        "late_notice_record", "designated_residence_late_notice", "2026-03-22T09:00:00+08:00", "measures[1]"),
    "recording_memo": Scenario("recording_memo", "murder_interrogation", "2026-11-22T10:00:00+08:00"),
    "deadline_memo": Scenario("deadline_memo", "fraud_detention_pending", "2026-11-21T15:00:00+08:00"),
    "summons_time_record": Scenario("summons_time_record", "fraud_detention_pending", "2026-11-21T15:00:00+08:00"),
}


@cache
def engine() -> Engine:
    return Engine()


@cache
def decide(example: str, as_of: str) -> tuple[Decision, CaseFacts]:
    """An example case and its decision as of an instant (cached: decisions are immutable)."""
    case = load_case(EXAMPLES / f"{example}.yaml")
    return engine().evaluate(case, as_of=datetime.fromisoformat(as_of)), case
