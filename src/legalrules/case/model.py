"""The input contract: the facts of one case, as an officer or a service gives them.

Every fact is optional. A fact left out is *unknown*, never false: conclusions
that depend on it come out undetermined and name it. Unknown keys are rejected
so that a misspelt fact is an error, not a silently unknown one.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, model_validator

from .base import Facts
from .identifiers import Identifier
from .circumstances import Circumstances
from .interrogations import Interrogation, Interruption, Review
from .measures import Event, Extension, Measure
from .suspect import Offence, Suspect
from .terms import Organ, Proceeding, CongressLevel, InterrogationPlace, PersonQuestioned, InterruptionReason, RecordingStorage, MeasureKind, EventKind, ExtensionBasis, MeasureOrNone, HandlingLevel, LikelySentence, BailGuarantee, RecordFilingSubject, YearsOfFixedTerm

__all__ = [
    "BailGuarantee",
    "CaseFacts",
    "CaseInfo",
    "Circumstances",
    "CongressLevel",
    "Event",
    "EventKind",
    "Extension",
    "ExtensionBasis",
    "Facts",
    "HandlingLevel",
    "Interrogation",
    "InterrogationPlace",
    "Interruption",
    "InterruptionReason",
    "LikelySentence",
    "Measure",
    "MeasureKind",
    "MeasureOrNone",
    "Offence",
    "Organ",
    "PersonQuestioned",
    "Proceeding",
    "RecordFilingSubject",
    "RecordingStorage",
    "Review",
    "Suspect",
    "YearsOfFixedTerm",
]


class CaseInfo(Facts):
    """Who handles the case and in which kind of proceeding."""

    id: Identifier = Field(min_length=1, description="The case number or any stable identifier.")
    handling_organ: Organ | None = None
    organ_name: str | None = Field(
        default=None, min_length=1, description="The handling organ's name (办案机关名称), for a notice's header.")
    document_number: str | None = Field(
        default=None, min_length=1, description="The document number (文号) a notice is issued under.")
    proceeding: Proceeding | None = None
    # --- procuratorate_1999
    handling_level: HandlingLevel | None = Field(
        default=None,
        description="Level of the handling organ: for a procuratorate, county (basic), city "
        "(branch, prefecture or municipal), province, national (Supreme) (procuratorate_1999 Arts. 79, 93).",
    )
    record_complete: bool | None = Field(
        default=None,
        description="true: the case file records every act done, so a duty it does not record as done was "
        "not done (missed). Otherwise a past due time with nothing recorded is not_recorded, not a violation.",
    )



# The validation-context key by which a caller that reports contradictions itself (with
# file lines and field paths, see `case.io.check_consistent`) asks CaseFacts not to.
DEFER_CONSISTENCY = "legalrules.defer_consistency"


def _path(location: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location).lstrip(".")


class CaseFacts(Facts):
    """One case: the whole input of an evaluation."""

    case: CaseInfo
    offences: list[Offence] | None = None
    suspect: Suspect = Field(default_factory=Suspect)
    circumstances: Circumstances = Field(default_factory=Circumstances)
    interrogations: list[Interrogation] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> CaseFacts:
        """Refuse facts that contradict each other, however the case was built.

        A case read from a file is checked after validation instead (`case.io` passes
        `DEFER_CONSISTENCY`), so each contradiction becomes a problem with its own field
        path and line; a case built in Python (`CaseFacts(...)`, `model_validate`) is
        checked here, so the engine never answers a self-contradicting case.
        """
        if isinstance(info.context, dict) and info.context.get(DEFER_CONSISTENCY):
            return self
        from .consistency import contradictions  # imports this module
        found = contradictions(self)
        if found:
            listed = "; ".join(f"{_path(c.location)}: {c.received} (expected {c.expected})" for c in found)
            raise ValueError(f"the case contradicts itself: {listed}")
        return self
