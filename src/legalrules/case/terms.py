"""The case's closed vocabularies: organs, places, measure and event kinds, and the like."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

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
    # --- crim_proc: Arts. 34, 97, 172
    "defender_right_told",  # the suspect was told of the right to entrust a defender (CPL Art. 34 para. 2)
    "measure_change_applied",  # the suspect, legal representative, close relative or defender applied to change a coercive measure; application received (CPL Art. 97)
    "measure_change_decided",  # the organ decided on that application, or told the applicant why not (CPL Art. 97)
    "prosecution_decided",  # the procuratorate decided whether to prosecute a case transferred for review (CPL Art. 172)
    # --- psp_2020: notice that was impossible (无法通知) became possible; the family is then
    # notified at once (PSP 2020 Arts. 113 para. 3, 127 para. 4, 145 para. 3).
    "notification_impossible_ended",
    # --- psp_2020 Ch. 6 Sec. 2 (bail sanctions) and Sec. 7: what starts and meets their periods.
    "deposit_confiscation_decided",  # public security decided to confiscate (part of) a bail deposit (PSP 2020 Art. 98)
    "deposit_confiscation_announced",  # that decision was read to the suspect, or announced to the family or others Art. 98 names
    "deposit_confiscation_reconsideration_applied",  # application to reconsider (复议) the confiscation received (Art. 99 para. 1)
    "deposit_confiscation_reconsideration_decided",  # public security decided that reconsideration (Art. 99 para. 1)
    "deposit_confiscation_review_applied",  # application to the next public security organ up to review (复核) it received (Art. 99 para. 2)
    "deposit_confiscation_review_decided",  # that review decided (Art. 99 para. 2)
    "surety_fine_decided",  # public security decided to fine the surety (保证人) (PSP 2020 Art. 104 para. 1)
    "surety_fine_served",  # the fine decision was served on the surety (Art. 104 para. 1)
    "surety_fine_reconsideration_applied",  # the surety's application to reconsider the fine received (Art. 104 para. 1)
    "surety_fine_reconsideration_decided",  # that reconsideration decided (Art. 104 para. 1)
    "surety_fine_review_applied",  # the surety's application for review by the next organ up received (Art. 104 para. 2)
    "surety_fine_review_decided",  # that review decided (Art. 104 para. 2)
    "release_or_change_suggested",  # after arrest, the procuratorate suggested release or a change of measure (PSP 2020 Art. 159)
    "suggestion_handling_notified",  # public security told the procuratorate how it handled that suggestion (Art. 159 para. 2)
]
ExtensionBasis = Literal[
    "special_circumstances",
    "major_roving_serial_or_gang",
    "complex_case",
    "major_complex_case",
    "ten_years_or_more",
    # CPL Art. 172 (review for prosecution): +15 days for a major or complex case; and, in
    # the fast-track (速裁) reading, to 15 days in all where more than one year's fixed-term
    # imprisonment is possible. Apart from major_complex_case because a different organ
    # approves a different period (Art. 158 extends investigation custody).
    "prosecution_review_major_complex",
    "fast_track_over_one_year",
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
