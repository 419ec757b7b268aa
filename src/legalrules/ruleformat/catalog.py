"""The base facts rules may test: their names, scopes, types, and where each comes from.

A rule condition names facts like `suspect.blind` or `interrogation.place`. The
loader rejects any name not listed here, and checks each comparison against the
fact's type, so a ruleset cannot test a fact the input contract does not carry.

Scopes form a tree: `case` > `interrogation` > `interruption`. A frame of a
scope sees its own facts and its ancestors'. `offence` facts are read only
inside an `any_of: offences` / `all_of: offences` quantifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from ..interpretations import MinorSuspect
from ..case.model import (
    BailGuarantee,
    Circumstances,
    HandlingLevel,
    Interrogation,
    InterrogationPlace,
    InterruptionReason,
    LikelySentence,
    MeasureOrNone,
    Organ,
    PersonQuestioned,
    Proceeding,
    RecordFilingSubject,
    RecordingStorage,
    CongressLevel,
    Review,
    Suspect,
)

Scope = Literal["case", "interrogation", "interruption"]
SCOPES: tuple[Scope, ...] = ("case", "interrogation", "interruption")
PARENT: dict[Scope, Scope | None] = {"case": None, "interrogation": "case", "interruption": "interrogation"}
COLLECTIONS = ("offences",)

FactType = Literal["bool", "enum", "number", "text"]
Value = bool | int | float | str


@dataclass(frozen=True)
class FactSpec:
    """One base fact: its name, the scope it lives in, its type and allowed values."""

    name: str
    scope: Scope | Literal["offence"]
    type: FactType
    description: str
    values: tuple[str, ...] = ()


def visible_scopes(scope: Scope) -> list[Scope]:
    """The scope itself and its ancestors, nearest first."""
    out: list[Scope] = []
    current: Scope | None = scope
    while current is not None:
        out.append(current)
        current = PARENT[current]
    return out


def _bools_of(model: type[Any], prefix: str, scope: Scope) -> list[FactSpec]:
    specs = []
    for name, field in model.model_fields.items():
        if field.annotation == (bool | None):
            specs.append(FactSpec(f"{prefix}.{name}", scope, "bool", field.description or name.replace("_", " ")))
    return specs


def _enum(name: str, scope: Scope | Literal["offence"], literal: Any, description: str) -> FactSpec:
    return FactSpec(name, scope, "enum", description, tuple(get_args(literal)))


_SPECS: list[FactSpec] = [
    _enum("case.handling_organ", "case", Organ, "The organ handling the case."),
    _enum("case.proceeding", "case", Proceeding, "Criminal or administrative proceeding."),
    _enum("suspect.congress_deputy", "case", CongressLevel, "People's congress deputy level, or none."),
    *_bools_of(Suspect, "suspect", "case"),
    *_bools_of(Circumstances, "circumstances", "case"),
    FactSpec(
        "case.recording_requested_by_court_or_procuratorate",
        "case",
        "bool",
        "A court or procuratorate asked for the recording: true when the case has an event "
        "`recording_requested_by_court_or_procuratorate`, otherwise unknown.",
    ),
    FactSpec(
        "suspect.age_at_interrogation",
        "interrogation",
        "number",
        "The suspect's age in completed years on the day the interrogation began "
        "(see the interpretation `age_counting`).",
    ),
    FactSpec(
        "suspect.age_at_offence",
        "case",
        "number",
        "The suspect's age in completed years on the day of the earliest offence (offences[].committed_on); "
        "unknown unless every offence is dated (see the interpretations `age_counting` and `minor_suspect`).",
    ),
    FactSpec(
        "suspect.age_at_arrest_request",
        "case",
        "number",
        "The suspect's age in completed years on the day of the first arrest_approval_requested event "
        "(see the interpretation `age_counting`); with no such event with a time, on the day of as_of (the "
        "review is still to come).",
    ),
    _enum("interpretation.minor_suspect", "case", MinorSuspect,
          "The interpretation `minor_suspect` in force (always known): whether a suspect under eighteen at the "
          "offence but not at the act counts as a minor suspect (also_under_18_at_offence) or not "
          "(under_18_in_proceedings)."),
    _enum("interrogation.person", "interrogation", PersonQuestioned, "Who was questioned."),
    _enum("interrogation.place", "interrogation", InterrogationPlace, "Where the interrogation took place."),
    _enum("interrogation.recording_storage", "interrogation", RecordingStorage, "How the recording is stored."),
    *_bools_of(Interrogation, "interrogation", "interrogation"),
    FactSpec("interrogation.interrupted", "interrogation", "bool", "Recording was interrupted at least once."),
    # --- crim_proc (CPL 2018); the suspect and circumstance bools come in above via _bools_of
    _enum("circumstances.likely_sentence", "case", LikelySentence,
          "The penalty the suspect may be sentenced to on the facts found (CPL Arts. 67, 81; "
          "procuratorate_1999 Arts. 37, 86)."),
    FactSpec("interrogation.investigators_present", "interrogation", "number", "How many investigators conducted it."),
    *_bools_of(Review, "interrogation.review", "interrogation"),
    _enum("interruption.reason", "interruption", InterruptionReason, "Why recording stopped."),
    FactSpec("interruption.interrogation_suspended", "interruption", "bool", "The interrogation was suspended."),
    FactSpec("interruption.urgent_or_too_long_to_fix", "interruption", "bool", "Urgent, or too long to fix."),
    FactSpec("interruption.stated_in_record", "interruption", "bool", "Circumstances stated in the record."),
    FactSpec("interruption.suspect_signed_statement", "interruption", "bool", "The suspect signed that statement."),
    FactSpec("interruption.explained_on_resumption", "interruption", "bool", "Explained aloud on resuming."),
    _enum("offence.max_penalty", "offence", Literal["death", "life", "fixed_term"], "Most severe penalty in the applicable range."),
    FactSpec("offence.max_fixed_term_years", "offence", "number", "Longest fixed term in the range, when the range tops out at a fixed term."),
    FactSpec("offence.intentional", "offence", "bool", "Intentional crime."),
    FactSpec("offence.endangers_public_safety", "offence", "bool", "Serious crime endangering public safety."),
    FactSpec("offence.seriously_infringes_personal_rights", "offence", "bool", "Serious crime infringing personal rights."),
    FactSpec("offence.caused_serious_injury_or_death", "offence", "bool", "Caused serious injury or death."),
    FactSpec("offence.organised_crime", "offence", "bool", "Criminal-syndicate organisation crime."),
    FactSpec("offence.serious_drug_crime", "offence", "bool", "Serious drug crime."),
    FactSpec("offence.endangering_state_security", "offence", "bool", "Crime endangering state security."),
    FactSpec("offence.terrorism", "offence", "bool", "Terrorist-activity crime."),
    # --- procuratorate_1999 (the case, suspect and circumstance bools come in above via _bools_of)
    _enum("case.handling_level", "case", HandlingLevel, "Level of the handling organ (a procuratorate's level)."),
    _enum("suspect.current_measure", "case", MeasureOrNone,
          "The coercive measure the suspect is under when the question is asked (detention, arrest: in custody)."),
    _enum("circumstances.bail_guarantee", "case", BailGuarantee, "Bail guaranteed by a surety or a deposit."),
    FactSpec("circumstances.bail_deposit_yuan", "case", "number", "The bail deposit ordered, in yuan."),
    FactSpec("circumstances.unapproved_departures", "case", "number",
             "Times the suspect left the area the measure confines them to without approval."),
    FactSpec("circumstances.unapproved_meetings", "case", "number",
             "Times, under surveillance, the suspect met others without approval."),
    FactSpec("circumstances.failures_to_appear", "case", "number", "Times the suspect failed to appear when summoned."),
    _enum("circumstances.record_filing_subject", "case", RecordFilingSubject,
          "What the materials received for the record concern."),
    _enum("interrogation.under_measure", "interrogation", MeasureOrNone,
          "The measure under which the suspect was questioned."),
    FactSpec("interrogation.procurators_present", "interrogation", "number", "How many procurators questioned."),
    FactSpec("interrogation.judicial_police_escorts", "interrogation", "number",
             "How many judicial police escorted a suspect taken out for questioning."),
    FactSpec("interrogation.person_age", "interrogation", "number",
             "The questioned victim's or witness's age in completed years on the day the questioning began "
             "(from interrogation.person_birth_date; see the interpretation `age_counting`)."),
]

CATALOG: dict[str, FactSpec] = {spec.name: spec for spec in _SPECS}


def fact_spec(name: str) -> FactSpec | None:
    """The spec of a base fact, or None if no such fact exists."""
    return CATALOG.get(name)


