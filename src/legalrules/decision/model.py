"""The decision: the answer to one case, as a stable, versioned JSON contract."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field, field_serializer

from .output import _Out
from .deadlines import DeadlineNotStarted, DeadlineOutcome, Violation
from .tristate import TriName

SCHEMA_VERSION = "1.3"


class Reading(_Out):
    """A condition the rule read, its outcome and the fact value behind it."""

    condition: str
    status: TriName
    fact: str | None = None
    value: Any = Field(default=None, description="The value read; null when the fact is unknown.")
    known: bool = True


class ParameterUse(_Out):
    """A named parameter a rule compares with."""

    name: str
    value: int | float | str
    unit: str
    citation: str


class RuleOutcome(_Out):
    """One rule on one subject: whether it held, and why or why not."""

    rule_id: str
    title: str
    citation: str
    also_cites: list[str]
    quote: str
    reason: str
    value: TriName
    satisfied_by: list[Reading] = Field(
        default_factory=list, description="For a rule that held: the facts that satisfied it."
    )
    why_not: Reading | None = Field(
        default=None,
        description="For a rule that did not hold: the first condition that failed, or was unknown.",
    )
    unknown_facts: list[str] = Field(default_factory=list)
    parameters: list[ParameterUse] = Field(default_factory=list)
    interpretation: str | None = None
    interpretation_zh: str | None = Field(default=None, description="The interpretation in Chinese.")


class Compliance(_Out):
    """For an obligation that applies: whether the case shows it was met."""

    status: Literal["complied", "violated", "unknown"]
    condition: str


class ConclusionOutcome(_Out):
    """One conclusion on one subject (the case, an interrogation, an interruption)."""

    ruleset: str
    conclusion: str
    title: str
    kind: Literal["finding", "obligation", "permission", "prohibition"]
    subject: str
    value: TriName
    established_by: list[RuleOutcome] = Field(default_factory=list)
    not_established_by: list[RuleOutcome] = Field(default_factory=list)
    deciding_facts: list[str] = Field(
        default_factory=list,
        description="For an undetermined conclusion: the unknown facts that would decide it.",
    )
    compliance: Compliance | None = None

    @field_serializer("established_by", "not_established_by")
    def _explained(self, rules: list[RuleOutcome]) -> list[RuleOutcome]:
        # The engine hands these over as LazyLists (`decision.lazy`): built here, if not yet.
        return list(rules)


class SubjectNotCovered(_Out):
    """A subject a ruleset does not apply to, and why."""

    subject: str
    reason: str


class RulesetIdentity(_Out):
    """Which ruleset: its instrument, effective window and version (shared by every listing of rulesets)."""

    id: str
    title_en: str
    title_zh: str
    document_number: str
    version: str
    effective_from: date
    effective_until: date | None


class RulesetUse(RulesetIdentity):
    """A ruleset the evaluation consulted, with the version that answered."""

    applied_to: list[str]
    not_applied: list[SubjectNotCovered]


class EngineReport(_Out):
    """Which evaluators ran and whether they agreed."""

    requested: Literal["both", "native", "durable"]
    ran: list[Literal["native", "durable"]]
    agreed: bool | None = Field(description="True when both ran and agreed; null when one ran.")
    note: str | None = None
    cross_check: Literal["every", "sample", "off"] = Field(
        default="every",
        description="Whether durable-rules re-derives the values: on every case, on a sample chosen by a hash "
        "of the case's content (the same cases on every run), or off. `ran` says whether it ran on this case.",
    )
    cross_check_fraction: float | None = Field(default=None, description="For a sample: the fraction checked.")


class InterpretationUse(_Out):
    """A reading of an open question that this evaluation used."""

    name: str
    value: str
    text: str


class GoverningInstrument(_Out):
    """Which instrument of one chain governed one subject on its date, and whether it is encoded.

    A subject dated where no encoded instrument of the chain was in force (the CPL
    before 2018-10-26) names what governed then and says it is not encoded, so that
    silence is never read as "no duty".
    """

    chain: str = Field(description="The chain's id (criminal_procedure_law, procuratorate_rules, ...).")
    chain_title: str
    subject: str = Field(description="case, interrogations[i] or measures[i].")
    subject_date: date = Field(description="The local (Asia/Shanghai) day the subject is dated by.")
    date_source: str
    instrument: str | None = Field(description="The instrument in force then (a ruleset id when encoded); "
                                   "null when the chain records none that early.")
    title_en: str | None
    title_zh: str | None
    effective_from: date | None
    effective_until: date | None
    encoded: bool
    text: str = Field(description="One sentence saying the above.")


class Decision(_Out):
    """Everything legalrules concludes about one case, with its grounds."""

    schema_version: str = SCHEMA_VERSION
    case_id: str
    as_of: datetime
    rulesets: list[RulesetUse]
    engine: EngineReport
    interpretations: list[InterpretationUse]
    warnings: list[str]
    conclusions: list[ConclusionOutcome]
    deadlines: list[DeadlineOutcome] = Field(
        default_factory=list, description="Every deadline the case's anchors start, ordered by due time."
    )
    deadlines_not_started: list[DeadlineNotStarted] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list, description="Missed deadlines.")
    governing: list[GoverningInstrument] = Field(
        default_factory=list,
        description="For every dated subject and every chain of instruments, the instrument in force on its "
        "date, and whether it is encoded.",
    )
    holiday_data: list[str] = Field(
        default_factory=list,
        description="The holiday data the deadlines were computed with: the chinesecalendar version and "
        "any holiday file (by name and content hash). Empty when no deadline was computed.",
    )

    def find(self, conclusion: str, subject: str, ruleset: str | None = None) -> ConclusionOutcome:
        """The outcome of one conclusion on one subject (KeyError if absent, or if it is ambiguous).

        Two rulesets may conclude the same name (av_2014 and crim_proc both decide
        `recording_required`); without `ruleset` that is an error, not a silent pick.
        """
        found = [item for item in self.conclusions
                 if item.conclusion == conclusion and item.subject == subject and ruleset in (None, item.ruleset)]
        if len(found) > 1:
            raise KeyError(f"{conclusion} on {subject} is concluded by {sorted(i.ruleset for i in found)}; "
                           "name the ruleset")
        if not found:
            raise KeyError(f"{conclusion} on {subject}" + (f" in {ruleset}" if ruleset else ""))
        return found[0]
