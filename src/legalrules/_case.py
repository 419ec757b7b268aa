"""The input contract: the facts of one case, as an officer or a service gives them.

Every fact is optional. A fact left out is *unknown*, never false: conclusions
that depend on it come out undetermined and name it. Unknown keys are rejected
so that a misspelt fact is an error, not a silently unknown one.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ._instants import Instant

Organ = Literal["public_security", "procuratorate", "state_security"]
Proceeding = Literal["criminal", "administrative"]
CongressLevel = Literal["none", "township", "county", "city", "province", "national"]
InterrogationPlace = Literal[
    "law_enforcement_venue",
    "designated_place",
    "residence",
    "scene_emergency",
    "detention_house",
    "remote_video",
]
PersonQuestioned = Literal["suspect", "victim", "witness"]
InterruptionReason = Literal[
    "storage_full", "technical_failure", "other_objective_reason", "other"
]
RecordingStorage = Literal["optical_disc", "hard_drive"]
MeasureKind = Literal[
    "summons",
    "compelled_appearance",
    "detention",
    "arrest",
    "bail",
    "residential_surveillance",
    "designated_residence_surveillance",
]
EventKind = Literal[
    "arrived_for_questioning",
    "transferred_to_detention_house",
    "family_notified",
    "family_notification_impossible",
    "notice_may_hinder_investigation",
    "investigation_obstacle_ended",
    "interrogated",
    "arrest_approval_requested",
    "arrest_approved",
    "arrest_not_approved",
    "arrest_decided",
    "bail_applied",
    "bail_decided",
    "lawyer_meeting_requested",
    "lawyer_meeting_arranged",
    "recording_disc_burned",
    "recording_disc_handed_to_keeper",
    "recording_requested_by_court_or_procuratorate",
    "recording_disc_transferred",
    "case_accepted",
    "case_filed",
    # 移送审查起诉 (CPL Arts. 162, 172): the investigation is concluded and the case sent to
    # the procuratorate for review for prosecution; it ends the investigation custody period.
    "transferred_for_prosecution_review",
    # CPL Art. 157: the NPC Standing Committee approved, on the Supreme People's
    # Procuratorate's request, delaying the trial of an especially major, complex case.
    "npc_standing_committee_delay_approved",
]
ExtensionBasis = Literal[
    "special_circumstances",
    "major_roving_serial_or_gang",
    "complex_case",
    "major_complex_case",
    "ten_years_or_more",
    "other",
]
# CPL Arts. 67 and 81: the penalty the suspect may be sentenced to, on the facts found.
LikelySentence = Literal[
    "public_surveillance", "criminal_detention", "supplementary_penalty_only", "fixed_term_or_more",
]
YearsOfFixedTerm = Annotated[int, Field(ge=0, le=25)]


class _Facts(BaseModel):
    """Base of every input model: unknown keys rejected, values fixed once read."""

    # Strict: a quoted "yes" or "10" is an error, not a silent true or 10.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class CaseInfo(_Facts):
    """Who handles the case and in which kind of proceeding."""

    id: str = Field(min_length=1, description="The case number or any stable identifier.")
    handling_organ: Organ | None = None
    proceeding: Proceeding | None = None


class Offence(_Facts):
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


class Suspect(_Facts):
    """The person whose case it is. Age is computed at each event, never stored."""

    name: str | None = None
    birth_date: Annotated[date, Field(strict=False)] | None = None
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
        "(不讲真实姓名、住址，身份不明: CPL Arts. 81 para. 3, 160 para. 2).",
    )
    congress_deputy: CongressLevel | None = Field(
        default=None, description="Level of people's congress the suspect is a deputy to, or 'none'."
    )


class Circumstances(_Facts):
    """Case circumstances the law names (av_2014 Art. 6 items 2-8, CPL Arts. 91 and 119)."""

    strong_anti_investigation_capability: bool | None = None
    unstable_confession: bool | None = None
    likely_to_recant: bool | None = None
    suspect_pleads_not_guilty: bool | None = None
    defence_may_plead_not_guilty: bool | None = None
    major_discrepancies_between_accounts: bool | None = Field(
        default=None,
        description="Significant discrepancies between suspect, victim and witness about the "
        "facts and evidence.",
    )
    joint_crime_responsibility_unclear: bool | None = None
    high_risk_of_petitions_or_media_hype: bool | None = None
    major_social_impact_and_media_attention: bool | None = None
    other_major_difficult_complex: bool | None = None
    # --- crim_proc (CPL 2018): arrest and bail (Arts. 67, 81), arrest review (Art. 88),
    # recording (Art. 123), recounting the custody period (Art. 160).
    evidence_of_criminal_facts: bool | None = Field(
        default=None,
        description="There is evidence proving criminal facts (有证据证明有犯罪事实, CPL Art. 81): evidence that a "
        "crime occurred, that the suspect committed it, and evidence of that verified (SPP 2019 Art. 128, "
        "PSP 2020 Art. 134).",
    )
    likely_sentence: LikelySentence | None = Field(
        default=None,
        description="The penalty the suspect may be sentenced to on the facts found (可能判处): public "
        "surveillance (管制), criminal detention (拘役, the penalty), a supplementary penalty alone, or "
        "fixed-term imprisonment or more (有期徒刑以上) (CPL Arts. 67, 81).",
    )
    likely_ten_years_or_more: bool | None = Field(
        default=None,
        description="The suspect may be sentenced to ten years' fixed-term imprisonment or more "
        "(可能判处十年有期徒刑以上刑罚, CPL Art. 81 para. 3; 以上 includes ten).",
    )
    bail_sufficient_against_social_danger: bool | None = Field(
        default=None,
        description="Bail would prevent the social dangers CPL Art. 81 para. 1 lists (a new crime; a real danger "
        "to state security, public safety or social order; destroying or falsifying evidence, interfering "
        "with witnesses or colluding; retaliation; suicide or flight): true, bail 'would not lead to social "
        "danger' (Art. 67 items 2-3); false, bail 'is not enough to prevent' one of them (Art. 81 para. 1).",
    )
    custody_period_expired_case_pending: bool | None = Field(
        default=None,
        description="The custody period has expired and the case is not yet concluded "
        "(羁押期限届满，案件尚未办结, CPL Art. 67 item 4).",
    )
    serious_violation_of_bail_or_surveillance: bool | None = Field(
        default=None,
        description="On bail or under residential surveillance, the suspect violated its conditions, seriously "
        "(情节严重, CPL Art. 81 para. 4).",
    )
    arrest_conditions_in_doubt: bool | None = Field(
        default=None,
        description="Reviewing the arrest request, the procuratorate doubts whether the arrest conditions are "
        "met (CPL Art. 88 item 1).",
    )
    suspect_asks_to_see_procurators: bool | None = Field(
        default=None,
        description="The suspect asks to state their case to the procurators in person (CPL Art. 88 item 2).",
    )
    investigation_may_be_seriously_unlawful: bool | None = Field(
        default=None,
        description="The investigation may involve a major violation of law (侦查活动可能有重大违法行为, CPL Art. 88 "
        "item 3).",
    )
    defence_lawyer_asks_to_be_heard: bool | None = Field(
        default=None,
        description="In the arrest review, the defence lawyer asks to be heard (CPL Art. 88 para. 2).",
    )
    other_major_crime: bool | None = Field(
        default=None,
        description="One of the 'other major crime cases' (其他重大犯罪案件) of CPL Art. 123 para. 1, which the Law "
        "does not define (for public security, PSP 2020 Art. 208 para. 2 names serious public-safety or "
        "personal-rights crimes causing serious injury or death, organised crime, serious drug crimes and "
        "other major intentional crimes).",
    )
    another_important_crime_discovered: bool | None = Field(
        default=None,
        description="During the investigation, another important crime of the suspect was discovered "
        "(另有重要罪行, CPL Art. 160 para. 1).",
    )
    especially_major_and_complex: bool | None = Field(
        default=None, description="案情特别重大、复杂 (CPL Art. 119)."
    )
    detention_or_arrest_needed: bool | None = Field(
        default=None,
        description="Detention or arrest needs to be taken against the suspect (需要采取拘留、逮捕措施, "
        "CPL Art. 119 para. 2).",
    )
    major_suspect_roving_serial_or_gang: bool | None = Field(
        default=None, description="流窜作案、多次作案、结伙作案的重大嫌疑分子 (CPL Art. 91)."
    )
    involves_state_secret: bool | None = None


class Interruption(_Facts):
    """A stretch of an interrogation during which recording stopped (av_2014 Arts. 14-15)."""

    start: Instant | None = None
    end: Instant | None = None
    reason: InterruptionReason | None = None
    interrogation_suspended: bool | None = Field(
        default=None, description="The interrogation itself was suspended while not recording."
    )
    urgent_or_too_long_to_fix: bool | None = Field(
        default=None,
        description="The interrogation could not be suspended because of urgency, or removing "
        "the cause would take too long (av_2014 Art. 14 para. 2).",
    )
    stated_in_record: bool | None = None
    suspect_signed_statement: bool | None = None
    explained_on_resumption: bool | None = Field(
        default=None,
        description="On resuming, the investigator stated aloud on the recording the reason and "
        "the start and end times of the interruption (av_2014 Art. 15).",
    )


class Review(_Facts):
    """What a review department found on an interrogation (av_2014 Arts. 22-23)."""

    illegal_methods: bool | None = Field(
        default=None, description="Evidence collected by illegal means such as torture."
    )
    not_in_interrogation_room: bool | None = None
    food_or_rest_not_guaranteed: bool | None = None
    record_times_inconsistent: bool | None = None
    record_content_seriously_inconsistent: bool | None = None
    corrected_or_explained: bool | None = None
    legality_proved: bool | None = Field(
        default=None,
        description="After correction or explanation, the legality of the interrogation was "
        "effectively proved.",
    )


class Interrogation(_Facts):
    """One interrogation (or, for a victim or witness, inquiry) session."""

    id: str | None = None
    person: PersonQuestioned = Field(
        default="suspect",
        description="Who was questioned; the list is of interrogations, so 'suspect' unless said.",
    )
    start: Instant | None = None
    end: Instant | None = None
    place: InterrogationPlace | None = None
    recorded: bool | None = Field(default=None, description="Audio and video were recorded.")
    recording_covers_whole: bool | None = Field(
        default=None,
        description="Recording began at the start and ended after the record was checked and "
        "signed, without selective recording, editing or alteration (av_2014 Arts. 3, 10).",
    )
    record_times_match_recording: bool | None = None
    # --- crim_proc (CPL 2018 Arts. 34, 118, 120-122)
    investigators_present: int | None = Field(
        default=None, ge=0, description="How many investigators conducted it (CPL Art. 118 para. 1: at least two)."
    )
    suspect_held_in_detention_house: bool | None = Field(
        default=None,
        description="When it took place, the suspect had been delivered to a detention house and was held "
        "there (送交看守所羁押以后, CPL Art. 118 para. 2).",
    )
    first_interrogation: bool | None = Field(default=None, description="The suspect's first interrogation in the case.")
    defender_right_told: bool | None = Field(
        default=None,
        description="By this interrogation the suspect had been told of the right to entrust a defender "
        "(CPL Art. 34 para. 2).",
    )
    asked_first_about_crime: bool | None = Field(
        default=None,
        description="The investigators first asked whether the suspect committed a crime and let them state "
        "their guilt or innocence, then asked questions (CPL Art. 120 para. 1).",
    )
    rights_and_leniency_explained: bool | None = Field(
        default=None,
        description="The suspect was told of their procedural rights and of the law on leniency for a truthful "
        "confession and for admitting guilt and accepting punishment (CPL Art. 120 para. 2).",
    )
    sign_language_interpreter_present: bool | None = Field(
        default=None, description="A person versed in deaf or mute sign language took part (CPL Art. 121)."
    )
    interpreter_noted_in_record: bool | None = Field(
        default=None, description="The interrogation record notes that such a person took part (CPL Art. 121)."
    )
    record_checked: bool | None = Field(
        default=None, description="The interrogation record was given to the suspect to check (CPL Art. 122)."
    )
    record_read_aloud: bool | None = Field(
        default=None, description="The interrogation record was read aloud to the suspect (CPL Art. 122)."
    )
    record_signed: bool | None = Field(
        default=None,
        description="The suspect signed or sealed the interrogation record, and the investigators signed it "
        "(CPL Art. 122).",
    )
    recording_storage: RecordingStorage | None = None
    interruptions: list[Interruption] | None = None
    review: Review | None = None


class Extension(_Facts):
    """An extension of a period the law allows, and whether it was approved."""

    basis: ExtensionBasis = Field(
        description="The legal ground: special_circumstances (CPL Art. 91 para. 1: +1 to 4 days to "
        "request arrest approval), major_roving_serial_or_gang (Art. 91 para. 2: to 30 days), "
        "complex_case (Art. 156: investigation custody +1 month, approved by the procuratorate "
        "one level up), major_complex_case (Art. 158: +2 months for the kinds of case it lists), "
        "ten_years_or_more (Art. 159: +2 more months where ten years' imprisonment or more is "
        "possible), or other.",
    )
    approved: bool | None = None
    days: int | None = Field(default=None, ge=1)


class Measure(_Facts):
    """A coercive measure applied to the suspect."""

    id: str | None = None
    kind: MeasureKind
    start: Instant | None = None
    end: Instant | None = None
    decided_by: Organ | None = None
    travel_hours: float | None = Field(
        default=None, ge=0, description="Travel time excluded from the period (CPL Art. 105)."
    )
    extensions: list[Extension] | None = None


class Event(_Facts):
    """Something that happened at a known moment (notification, request, handover, ...)."""

    kind: EventKind
    at: Instant | None = None
    measure: str | None = Field(default=None, description="The id of the measure it concerns.")
    interrogation: str | None = Field(
        default=None, description="The id of the interrogation it concerns."
    )
    note: str | None = None


class CaseFacts(_Facts):
    """One case: the whole input of an evaluation."""

    case: CaseInfo
    offences: list[Offence] | None = None
    suspect: Suspect = Field(default_factory=Suspect)
    circumstances: Circumstances = Field(default_factory=Circumstances)
    interrogations: list[Interrogation] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
