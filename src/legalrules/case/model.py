"""The input contract: the facts of one case, as an officer or a service gives them.

Every fact is optional. A fact left out is *unknown*, never false: conclusions
that depend on it come out undetermined and name it. Unknown keys are rejected
so that a misspelt fact is an error, not a silently unknown one.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .instants import Instant

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
    # --- procuratorate_1999 (Gao Jian Fa Shi [1999] No. 1): events its deadlines need.
    # Each comment says what the event is and the articles that time it.
    "work_unit_notified",  # the unit the detained or arrested person belongs to was notified (Arts. 80, 115)
    "release_requested_period_exceeded",  # release from (or change of) bail, surveillance, detention or arrest asked for because its statutory period was exceeded (Arts. 62, 75, 85, 96); name the measure
    "release_request_decided",  # decision or written reply on such a request (Arts. 62, 75, 85, 96)
    "arrest_review_referred",  # the procuratorate's investigation department referred the suspect to its examination and arrest department for an arrest decision (移送审查逮捕, Arts. 109, 111)
    "arrest_declined",  # the procuratorate decided not to arrest (不予逮捕) a suspect in a case it investigates itself (Art. 111)
    "execution_receipt_sent",  # public security sent the procuratorate the receipt on executing a decision not to approve arrest (Art. 102)
    "non_approval_reconsideration_requested",  # public security asked the procuratorate to reconsider (复议) not approving an arrest; the request and file received (Art. 105)
    "non_approval_reconsideration_decided",  # the procuratorate decided that reconsideration and notified public security (Art. 105)
    "non_approval_review_requested",  # public security asked the next higher procuratorate to review (复核) not approving an arrest; the opinion and file received (Art. 106)
    "non_approval_review_decided",  # the higher procuratorate decided that review and notified (Art. 106)
    "filed_for_record",  # a case, clue or decision was reported to the next higher procuratorate for the record (备案) (Arts. 126, 130)
    "record_filing_received",  # the higher procuratorate received materials submitted for the record (Arts. 95, 126, 130)
    "record_filing_answered",  # the higher procuratorate notified its opinion or the correction, or corrected directly (Arts. 95, 126, 130)
    "report_referred",  # the reporting centre passed a report to a department of its own procuratorate (Art. 124); starts Art. 131's month
    "report_transferred",  # the reporting centre transferred a report to another procuratorate or to the competent authority (Art. 124)
    "report_received_from_higher_procuratorate",  # a lower procuratorate received report materials the higher one transferred (Art. 131)
    "report_result_returned",  # the result of handling a transferred report was reported back to the reporting centre (Art. 131)
    "case_not_filed",  # the procuratorate decided not to file the case (不立案) (Arts. 130, 134)
    "non_filing_notice_served",  # the notice of not filing the case was served on the complainant (Art. 134)
    "non_filing_reconsideration_applied",  # the complainant applied for reconsideration of not filing; application received (Art. 134)
    "non_filing_reconsideration_decided",  # the reconsideration decision on not filing was made (Art. 134)
    "lawyer_hire_requested",  # a suspect in custody asked to hire a lawyer (Art. 146)
    "lawyer_hire_decided",  # the procuratorate decided whether to approve hiring the lawyer (Art. 146)
    "lawyer_meeting_decided",  # the procuratorate decided whether to approve a lawyer's meeting in a state-secret case (Art. 152)
    "evidence_request_received",  # a procuratorate received another's letter asking it to collect evidence (Art. 187)
    "evidence_request_answered",  # the results were delivered to the requesting procuratorate (Art. 187)
]
ExtensionBasis = Literal[
    "special_circumstances",
    "major_roving_serial_or_gang",
    "complex_case",
    "major_complex_case",
    "ten_years_or_more",
    "other",
]
# --- procuratorate_1999: the measure the suspect is under, or none.
MeasureOrNone = Literal[
    "none", "summons", "compelled_appearance", "detention", "arrest", "bail",
    "residential_surveillance", "designated_residence_surveillance",
]
HandlingLevel = Literal["county", "city", "province", "national"]  # procuratorate_1999
# The penalty the suspect may be sentenced to on the facts found (CPL Arts. 67, 81;
# procuratorate_1999 Arts. 37, 86): not the statutory range.
LikelySentence = Literal[
    "public_surveillance", "criminal_detention", "supplementary_penalty_only", "fixed_term_or_more",
]
BailGuarantee = Literal["surety", "deposit"]  # procuratorate_1999 Arts. 41, 44
RecordFilingSubject = Literal["arrest_case", "major_case_clue", "major_case_handling"]  # procuratorate_1999 Arts. 95, 126, 130
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
    # --- procuratorate_1999
    handling_level: HandlingLevel | None = Field(
        default=None,
        description="Level of the handling organ: for a procuratorate, county (basic), city "
        "(branch, prefecture or municipal), province, national (Supreme) (procuratorate_1999 Arts. 79, 93).",
    )


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
        "(不讲真实姓名、住址，身份不明: CPL Arts. 81 para. 3, 160 para. 2; procuratorate_1999 Art. 88).",
    )
    congress_deputy: CongressLevel | None = Field(
        default=None, description="Level of people's congress the suspect is a deputy to, or 'none'."
    )
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
        "fixed-term imprisonment or more (有期徒刑以上) (CPL Arts. 67, 81; procuratorate_1999 Arts. 37, 86).",
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
    # --- procuratorate_1999 (Gao Jian Fa Shi [1999] No. 1). Facts "as of the question asked".
    no_social_danger_without_arrest: bool | None = Field(
        default=None, description="Not arresting the suspect will not cause social danger (Art. 37 item 2)."
    )
    custody_time_limit_insufficient: bool | None = Field(
        default=None,
        description="The case cannot be concluded within the statutory time limit of investigative custody, "
        "detention or review for prosecution, and investigation or review must continue (Art. 37 item 6).",
    )
    may_leave_country_to_evade: bool | None = Field(
        default=None, description="The suspect may leave China to evade investigation (Art. 37 item 7)."
    )
    seriously_endangers_public_order: bool | None = Field(
        default=None,
        description="The suspect seriously endangers public order ('public security' in the translation of "
        "Art. 38); not the offence category endangers_public_safety.",
    )
    egregious_and_serious: bool | None = Field(
        default=None, description="The crime is egregious in nature and its circumstances serious (Art. 38)."
    )
    bail_guarantee: BailGuarantee | None = Field(
        default=None, description="How bail is guaranteed: a surety (guarantor) or a deposit (Arts. 41, 44)."
    )
    bail_deposit_yuan: int | None = Field(
        default=None, ge=0, description="The bail deposit ordered, in yuan (Art. 44)."
    )
    committed_new_intentional_crime: bool | None = Field(
        default=None,
        description="While on bail or under residential surveillance, intentionally committed a new crime "
        "(Arts. 54, 68 para. 2 item 1).",
    )
    attempted_suicide_flight_or_evasion: bool | None = Field(
        default=None,
        description="While on bail or under residential surveillance, attempted suicide, fled, or evaded "
        "investigation, examination or prosecution (Arts. 53 item 1, 68 para. 2 item 2).",
    )
    obstructed_evidence_or_witnesses: bool | None = Field(
        default=None,
        description="While on bail or under residential surveillance, destroyed or falsified evidence, "
        "colluded in testimony or interfered with witnesses, enough to affect the proceedings "
        "(Arts. 53 item 2, 68 para. 2 item 3).",
    )
    unapproved_departure_serious_consequences: bool | None = Field(
        default=None,
        description="Left without approval the area the measure confines the suspect to (bail: the city or "
        "county of residence; surveillance: the residence or designated residence), with serious "
        "consequences (Arts. 53 item 3, 68 para. 2 item 4).",
    )
    unapproved_departures: int | None = Field(
        default=None, ge=0, description="How many times the suspect left that area without approval."
    )
    unapproved_meeting_serious_consequences: bool | None = Field(
        default=None,
        description="Under residential surveillance, met others without approval, with serious consequences "
        "(Art. 68 para. 2 item 5).",
    )
    unapproved_meetings: int | None = Field(
        default=None, ge=0, description="How many times, under surveillance, the suspect met others without approval."
    )
    failure_to_appear_serious_consequences: bool | None = Field(
        default=None,
        description="Failed to appear when summoned (传讯不到案), with serious consequences "
        "(Arts. 53 item 4, 68 para. 2 item 6).",
    )
    failures_to_appear: int | None = Field(
        default=None, ge=0, description="How many times the suspect failed to appear when summoned."
    )
    measure_violation_serious: bool | None = Field(
        default=None,
        description="The suspect's violation of the conditions of residential surveillance is serious "
        "(情节严重, Art. 68 para. 1).",
    )
    suicide_or_flight_after_crime: bool | None = Field(
        default=None, description="After the crime, attempted suicide or fled, or is at large (Art. 76 item 1)."
    )
    may_destroy_evidence_or_collude: bool | None = Field(
        default=None,
        description="The suspect may destroy or falsify evidence or collude in confessions (Art. 76 item 2).",
    )
    caught_in_the_act: bool | None = Field(
        default=None,
        description="Detained as an active criminal (现行犯: 'detained for an active crime', Art. 79).",
    )
    deputy_of_other_region: bool | None = Field(
        default=None,
        description="The suspect is a deputy to the congress of a region other than the province, city or "
        "county (district) of the procuratorate handling the case (Arts. 79, 93).",
    )
    chief_procurator_approved_notice_delay: bool | None = Field(
        default=None,
        description="The chief procurator approved not notifying the family or unit within 24 hours because "
        "notice would obstruct the investigation (Arts. 80, 115).",
    )
    chief_procurator_told_notice_impossible: bool | None = Field(
        default=None,
        description="That notice was impossible was reported to the chief procurator (Arts. 80, 115).",
    )
    notice_exception_reasons_on_file: bool | None = Field(
        default=None,
        description="The reasons for not notifying within 24 hours are stated in the case file (Arts. 80, 115).",
    )
    evidence_crime_occurred: bool | None = Field(
        default=None, description="There is evidence that a crime has been committed (Art. 86 para. 2 item 1)."
    )
    evidence_suspect_committed: bool | None = Field(
        default=None,
        description="There is evidence that the suspect committed the crime (Art. 86 para. 2 item 2).",
    )
    evidence_verified: bool | None = Field(
        default=None,
        description="The evidence that the suspect committed the crime has been verified (Art. 86 para. 2 item 3).",
    )
    measures_insufficient_to_prevent_danger: bool | None = Field(
        default=None,
        description="Bail or residential surveillance is not enough to prevent social danger (Art. 86).",
    )
    arrest_necessary: bool | None = Field(
        default=None, description="Arrest is necessary (有逮捕必要, Arts. 37 items 3 and 7, 86)."
    )
    multiple_criminal_acts: bool | None = Field(
        default=None, description="The suspect is suspected of several criminal acts (Art. 87)."
    )
    joint_crime: bool | None = Field(
        default=None, description="A joint crime of two or more persons (共同犯罪, Arts. 87, 151)."
    )
    cpl_art15_circumstance: bool | None = Field(
        default=None,
        description="One of the circumstances of Art. 15 of the Criminal Procedure Law (1996 numbering) in "
        "which no criminal responsibility is pursued (Art. 89 item 2).",
    )
    foreign_related: bool | None = Field(default=None, description="A foreign-related case (Art. 95 item 1).")
    major_and_complex: bool | None = Field(
        default=None,
        description="The case is major and complex (重大、复杂; Arts. 99, 111, 151). An especially major and "
        "complex case is also major and complex.",
    )
    major_case_clue: bool | None = Field(
        default=None,
        description="A major case clue (要案线索): a crime by a cadre at or above county or department level "
        "that the procuratorate files and investigates itself (Arts. 125, 126, 130).",
    )
    record_filing_subject: RecordFilingSubject | None = Field(
        default=None,
        description="What the materials the higher procuratorate received for the record concern: an arrest "
        "case (Art. 95), a major case clue (Art. 126) or the handling of a major case (Art. 130).",
    )
    record_review_objection: bool | None = Field(
        default=None,
        description="Reviewing the materials submitted for the record, the higher procuratorate found an "
        "error, held a different opinion or found the handling improper (Arts. 95, 126, 130).",
    )
    victim_complaint: bool | None = Field(
        default=None, description="The case came from a victim's accusation (控告) (Art. 134)."
    )


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
    record_times_match_recording: bool | None = Field(
        default=None,
        description="The start and end times in the interrogation record match the recording's (av_2014 Art. 10).",
    )
    # --- crim_proc (CPL 2018 Arts. 34, 118, 120-122)
    investigators_present: int | None = Field(
        default=None, ge=0, description="How many investigators conducted it (CPL Art. 118 para. 1: at least two)."
    )
    suspect_held_in_detention_house: bool | None = Field(
        default=None,
        description="When it took place, the suspect had been delivered to a detention house and was held "
        "there (送交看守所羁押以后, CPL Art. 118 para. 2).",
    )
    first_interrogation: bool | None = Field(default=None, description="The suspect's first interrogation in the case (CPL Art. 34; procuratorate_1999 Art. 145).")
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
        default=None, description="A person versed in deaf or mute sign language took part (CPL Art. 121; procuratorate_1999 Art. 141)."
    )
    interpreter_noted_in_record: bool | None = Field(
        default=None, description="The interrogation record notes that such a person took part (CPL Art. 121; procuratorate_1999 Art. 141)."
    )
    record_checked: bool | None = Field(
        default=None, description="The record was given to the person questioned to check (CPL Art. 122; procuratorate_1999 Art. 142)."
    )
    record_read_aloud: bool | None = Field(
        default=None, description="The record was read aloud to the person questioned (CPL Art. 122; procuratorate_1999 Art. 142)."
    )
    record_signed: bool | None = Field(
        default=None,
        description="The suspect signed or sealed the interrogation record, and the investigators signed it "
        "(CPL Art. 122).",
    )
    recording_storage: RecordingStorage | None = None
    interruptions: list[Interruption] | None = None
    review: Review | None = None
    # --- procuratorate_1999
    under_measure: MeasureOrNone | None = Field(
        default=None,
        description="The measure under which the suspect was questioned: summoned or compelled to appear "
        "for it, in custody (detention, arrest), on bail or under surveillance, or none.",
    )
    in_suspects_city_or_county: bool | None = Field(
        default=None,
        description="The place of questioning is in the city or county where the suspect is (Arts. 35, 137).",
    )
    in_work_unit_city_or_county: bool | None = Field(
        default=None,
        description="The place of questioning is in the city or county of the suspect's work unit (Art. 35 para. 2).",
    )
    in_domicile_or_residence_city_or_county: bool | None = Field(
        default=None,
        description="The place of questioning is in the city or county of the suspect's household "
        "registration or residence (Art. 35 para. 2).",
    )
    place_special_circumstances: bool | None = Field(
        default=None,
        description="Special circumstances justify questioning where the suspect is registered or resides "
        "(Art. 35 para. 2).",
    )
    chief_procurator_approved: bool | None = Field(
        default=None,
        description="The summons or compelled appearance for this questioning was approved by the chief "
        "procurator (Arts. 32, 137).",
    )
    procurators_present: int | None = Field(
        default=None, ge=0, description="How many procurators conducted the questioning (Arts. 136, 158)."
    )
    lawyer_rights_notified: bool | None = Field(
        default=None,
        description="The suspect was told of the right to hire a lawyer for advice, complaints, accusations "
        "and bail, and this was written into the record (Art. 145).",
    )
    person_birth_date: Annotated[date, Field(strict=False)] | None = Field(
        default=None,
        description="Birth date of the victim or witness questioned (the suspect's is suspect.birth_date); "
        "their age is computed on the day the questioning began (Art. 161).",
    )


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
    custody_place: str | None = Field(
        default=None, min_length=1,
        description="Where the person is held (羁押处所), e.g. the detention house's name: detention and "
        "arrest notices must state it (PSP 2020 Arts. 127, 145).",
    )


class Event(_Facts):
    """Something that happened at a known moment (notification, request, handover, ...)."""

    kind: EventKind
    at: Instant | None = None
    measure: str | None = Field(default=None, description="The id of the measure it concerns.")
    interrogation: str | None = Field(
        default=None, description="The id of the interrogation it concerns."
    )
    note: str | None = None
    recipient: str | None = Field(
        default=None, min_length=1,
        description="For a notification: who was notified (e.g. the family member's name and relation).",
    )


class CaseFacts(_Facts):
    """One case: the whole input of an evaluation."""

    case: CaseInfo
    offences: list[Offence] | None = None
    suspect: Suspect = Field(default_factory=Suspect)
    circumstances: Circumstances = Field(default_factory=Circumstances)
    interrogations: list[Interrogation] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
