"""The suspect and the offences: who is questioned or held, and for what."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .instants import CaseDate
from .base import Facts
from .terms import CongressLevel, MeasureOrNone, YearsOfFixedTerm


class Offence(Facts):
    """One offence the suspect is investigated for."""

    charge: str = Field(min_length=1, description="The charge, in any language.")
    statutory_max: Literal["death", "life"] | YearsOfFixedTerm | None = Field(
        default=None,
        description=(
            "The most severe penalty in the statutory sentencing range that applies to the "
            "facts: 'death', 'life', or the longest fixed term in years. av_2014 Art. 4 "
            "para. 3: 'may result in' means the applicable range includes that penalty."
        ),
    )
    intentional: bool | None = None
    endangers_public_safety: bool | None = Field(
        default=None, description="A serious crime endangering public safety (严重危害公共安全犯罪)."
    )
    seriously_infringes_personal_rights: bool | None = Field(
        default=None, description="A serious crime infringing citizens' personal rights."
    )
    caused_serious_injury_or_death: bool | None = Field(
        default=None, description="The crime caused serious injury or death (致人重伤、死亡)."
    )
    organised_crime: bool | None = Field(
        default=None,
        description="Crime of a criminal-syndicate organisation: organising, leading, joining, "
        "sheltering or conniving (黑社会性质组织犯罪).",
    )
    serious_drug_crime: bool | None = Field(
        default=None,
        description="Serious drug crime: smuggling, trafficking, transporting, manufacturing, "
        "possessing a large quantity, sheltering such offenders, large-quantity precursors.",
    )
    endangering_state_security: bool | None = None
    terrorism: bool | None = None
    committed_on: CaseDate | None = Field(
        default=None,
        description="The day the suspect committed the offence (实施犯罪行为时); for an offence spanning days, its "
        "first. The suspect's age on it (suspect.age_at_offence) decides whether the case is a minors' case "
        "(未成年人刑事案件: under eighteen when the offence was committed, SPP 2019 Art. 489, SPC 2021 "
        "interpretation Art. 550, PSP 2020 Art. 321).",
    )


class Suspect(Facts):
    """The person whose case it is. Age is computed at each event, never stored."""

    name: str | None = None
    birth_date: CaseDate | None = None
    blind: bool | None = None
    deaf: bool | None = None
    mute: bool | None = None
    mentally_ill_not_fully_incapacitated: bool | None = Field(
        default=None,
        description="Mentally ill but has not completely lost the ability to recognise or "
        "control their own conduct.",
    )
    understands_local_language: bool | None = Field(
        default=None, description="Understands the language and script commonly used locally."
    )
    can_read: bool | None = None
    has_defender: bool | None = Field(
        default=None,
        description="The suspect has a defender, entrusted or assigned (委托辩护人; CPL Art. 35).",
    )
    pregnant: bool | None = None
    breastfeeding: bool | None = None
    seriously_ill: bool | None = None
    # --- crim_proc (CPL 2018)
    unable_to_care_for_self: bool | None = Field(
        default=None, description="Cannot look after themselves in daily life (生活不能自理, CPL Art. 67 item 3)."
    )
    previous_intentional_crime: bool | None = Field(
        default=None, description="Has committed an intentional crime before (曾经故意犯罪, CPL Art. 81 para. 3)."
    )
    identity_unknown: bool | None = Field(
        default=None,
        description="Does not give a true name and address, and their identity is unknown "
        "(不讲真实姓名、住址，身份不明: CPL Arts. 81 para. 3, 160 para. 2; procuratorate_1999 Art. 88).",
    )
    congress_deputy: CongressLevel | None = Field(
        default=None, description="Level of people's congress the suspect is a deputy to, or 'none'."
    )
    female: bool | None = Field(default=None, description="The suspect is female (PSP 2020 Art. 324 para. 2).")
    # --- procuratorate_1999
    current_measure: MeasureOrNone | None = Field(
        default=None,
        description="The coercive measure the suspect is under when the question is asked (a bail "
        "application, an arrest request, a violation): detention or arrest means in custody (在押).",
    )
    work_unit_domicile_residence_same_city_or_county: bool | None = Field(
        default=None,
        description="The suspect's work unit, household registration (户籍地) and residence are in one "
        "city or county (procuratorate_1999 Art. 35 para. 2).",
    )
    holds_valid_exit_document: bool | None = Field(
        default=None,
        description="Holds a valid passport or other valid exit document (procuratorate_1999 Art. 37 item 7).",
    )
