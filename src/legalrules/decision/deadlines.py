"""The decision's deadlines: what is due, by when, on what basis, and whether it was met."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .output import _Out
from .tristate import TriName

# not_recorded: the due time has passed and the case does not record the duty done, nor
# says its record is complete (case.record_complete): unknown, not a violation.
DeadlineStatus = Literal["met", "missed", "pending", "excepted", "undetermined", "not_recorded"]


class ExtensionUse(_Out):
    """An extension option of a deadline: whether the case says it was approved, and its due time."""

    basis: str
    title: str
    citation: str
    quote: str
    approved: bool | None = Field(description="From the case's measure extensions; null when not stated.")
    due: datetime | None = Field(description="The extended due time (shown whether or not approved).")
    steps: list[str] = Field(default_factory=list, description="How the extended due time was counted.")


class DeadlineOutcome(_Out):
    """One deadline on one subject: anchor, due time and its computation, status."""

    ruleset: str
    rule_id: str
    duty: str
    title: str
    citation: str
    quote: str
    summary: str
    subject: str = Field(description="The case item whose anchor starts the clock, e.g. measures[0].")
    anchor: str = Field(description="What started the clock, e.g. 'measures[0] detention started'.")
    anchor_at: datetime
    period: str = Field(description="The period in words, e.g. '24 hours'.")
    custody: bool
    applies: TriName = Field(description="Whether the deadline's condition holds for this case.")
    deciding_facts: list[str] = Field(
        default_factory=list, description="For applies=undetermined: the unknown facts that would decide it."
    )
    base_due: datetime = Field(description="Due time without any extension.")
    due: datetime = Field(description="Due time in force: extended when the case says an extension was approved.")
    holiday_rule: str = Field(description="Which Art. 105 holiday rule applied, and why.")
    steps: list[str] = Field(description="The computation, step by step.")
    hour_reading: str | None = Field(default=None, description="For periods in hours: the reading used.")
    alternative_due: datetime | None = Field(default=None, description="Due time under the other hour reading.")
    extensions: list[ExtensionUse] = Field(default_factory=list)
    status: DeadlineStatus
    status_text: str = Field(description="The status in plain words, with how late or how long is left.")
    met_at: datetime | None = None
    met_by: str | None = Field(default=None, description="What in the case met it, e.g. 'events[2] family_notified'.")
    late_by_seconds: int | None = None
    time_left_seconds: int | None = None
    exception: str | None = Field(default=None, description="For status excepted: which exception and why.")
    if_missed: str | None = None
    if_missed_zh: str | None = Field(default=None, description="`if_missed` in Chinese.")
    interpretation: str | None = None
    interpretation_zh: str | None = Field(default=None, description="The interpretation in Chinese.")
    caveats: list[str] = Field(
        default_factory=list, description="Why this due time may be wrong, e.g. a year without official holiday data.")


class DeadlineNotStarted(_Out):
    """A deadline rule the case gives no anchor for: what is missing to start its clock."""

    ruleset: str
    rule_id: str
    duty: str
    title: str
    missing: str


class Violation(_Out):
    """A missed deadline, with its citation."""

    ruleset: str
    rule_id: str
    duty: str
    subject: str
    citation: str
    due: datetime
    late_by_seconds: int | None = Field(description="How late it was met; null when still not met.")
    text: str
