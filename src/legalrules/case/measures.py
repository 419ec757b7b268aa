"""Compulsory measures, their extensions, and the events of the case's timeline."""

from __future__ import annotations

from pydantic import Field

from .base import Facts
from .identifiers import Identifier
from .instants import Instant
from .terms import EventKind, ExtensionBasis, MeasureKind, Organ


class Extension(Facts):
    """An extension of a period the law allows, and whether it was approved."""

    basis: ExtensionBasis = Field(
        description="The legal ground: special_circumstances (CPL Art. 91 para. 1: +1 to 4 days to "
        "request arrest approval), major_roving_serial_or_gang (Art. 91 para. 2: to 30 days), "
        "complex_case (Art. 156: investigation custody +1 month, approved by the procuratorate "
        "one level up), major_complex_case (Art. 158: +2 months for the kinds of case it lists), "
        "ten_years_or_more (Art. 159: +2 more months where ten years' imprisonment or more is "
        "possible), prosecution_review_major_complex (Art. 172: review for prosecution +15 days), "
        "fast_track_over_one_year (Art. 172: fast-track review to 15 days in all), or other.",
    )
    approved: bool | None = None
    days: int | None = Field(default=None, ge=1, le=366)
    requested_at: Instant | None = Field(
        default=None, description="When the request for this extension was sent to the organ that approves it "
        "(PSP 2020 Arts. 148-150: seven days before the period it would extend expires).")


class Measure(Facts):
    """A coercive measure applied to the suspect."""

    id: Identifier | None = None
    kind: MeasureKind
    start: Instant | None = None
    end: Instant | None = None
    decided_by: Organ | None = None
    travel_hours: float | None = Field(
        default=None, ge=0, le=720, allow_inf_nan=False,
        description="Travel time excluded from the period (CPL Art. 105), in hours (at most 720).",
    )
    extensions: list[Extension] | None = None
    custody_place: str | None = Field(
        default=None, min_length=1,
        description="Where the person is held (羁押处所), e.g. the detention house's name: detention and "
        "arrest notices must state it (PSP 2020 Arts. 127, 145).",
    )


class Event(Facts):
    """Something that happened at a known moment (notification, request, handover, ...)."""

    id: Identifier | None = Field(default=None, description="The case's own name for the event (e.g. e3), which "
                           "what an officer reads uses instead of its position.")
    kind: EventKind
    at: Instant | None = None
    measure: Identifier | None = Field(default=None, description="The id of the measure it concerns.")
    interrogation: Identifier | None = Field(
        default=None, description="The id of the interrogation it concerns."
    )
    note: str | None = None
    recipient: str | None = Field(
        default=None, min_length=1,
        description="For a notification: who was notified (e.g. the family member's name and relation).",
    )
