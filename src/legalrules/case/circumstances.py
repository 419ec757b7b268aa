"""Case-level circumstances the rules test: the situation around the suspect and the case."""

from __future__ import annotations

from pydantic import Field

from .base import Facts
from .terms import BailGuarantee, LikelySentence, RecordFilingSubject


class Circumstances(Facts):
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
    likely_life_imprisonment_or_death: bool | None = Field(
        default=None,
        description="The suspect may be sentenced to life imprisonment or death (可能被判处无期徒刑、死刑, "
        "CPL Art. 35 para. 3): the sentence likely on the facts found, not the offence's range.",
    )
    legal_aid_agency_notified: bool | None = Field(
        default=None,
        description="The handling organ notified the legal aid agency to assign a lawyer to defend the "
        "suspect (通知法律援助机构指派律师, CPL Art. 35 paras. 2-3).",
    )
    fast_track_eligible: bool | None = Field(
        default=None,
        description="The suspect admits guilt and accepts punishment and the case meets the conditions of "
        "the fast-track procedure (犯罪嫌疑人认罪认罚，符合速裁程序适用条件, CPL Art. 172).",
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
    # --- psp_2020
    extended_questioning_approved: bool | None = Field(
        default=None,
        description="A summons or compelled appearance of up to 24 hours was approved (PSP 2020 Art. 80: by the "
        "head of a public security organ at county level or above; Art. 200: by the head of the case-handling "
        "department).",
    )
    bail_barred_category: bool | None = Field(
        default=None,
        description="The suspect is a recidivist, a principal of a criminal group, evaded investigation by "
        "self-injury, or is suspected of a serious violent or other serious crime (PSP 2020 Art. 82).",
    )
    evidence_insufficient_after_exclusion: bool | None = Field(
        default=None,
        description="Once illegally obtained evidence is excluded, the evidence is insufficient (PSP 2020 Art. 284).",
    )
    victim_complaint: bool | None = Field(
        default=None, description="The case came from a victim's accusation (控告) (Art. 134)."
    )
    # --- spp_2012
    especially_major_bribery: bool | None = Field(
        default=None,
        description="An especially major bribery case (特别重大贿赂犯罪案件): bribery of 500,000 yuan or more with "
        "egregious circumstances, a major social impact, or major national interests involved (SPP 2012 Art. 45 "
        "para. 2); a defence lawyer's meeting during its investigation needed the procuratorate's permission.",
    )
