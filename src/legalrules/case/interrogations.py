"""Interrogations: where, when and how each was held, recorded and reviewed."""

from __future__ import annotations

from pydantic import Field

from .base import Facts
from .identifiers import Identifier
from .instants import CaseDate, Instant
from .terms import InterrogationPlace, InterruptionReason, MeasureOrNone, PersonQuestioned, RecordingStorage


class Interruption(Facts):
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


class Review(Facts):
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


class Interrogation(Facts):
    """One interrogation (or, for a victim or witness, inquiry) session."""

    id: Identifier | None = None
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
    interpreter_present: bool | None = Field(
        default=None,
        description="An interpreter of a language the suspect understands took part (为他们翻译; CPL Art. 9).",
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
    # --- psp_2020 (Arts. 204, 323-324)
    language_interpreter_present: bool | None = Field(
        default=None,
        description="An interpreter took part for a suspect who does not understand the local language (PSP 2020 Art. 204).",
    )
    legal_representative_present: bool | None = Field(
        default=None, description="The legal representative of the minor questioned (suspect, victim or witness) was "
        "present (法定代理人到场, CPL Art. 281, PSP 2020 Arts. 323, 326)."
    )
    legal_representative_unavailable: bool | None = Field(
        default=None,
        description="The legal representative could not be notified, could not come, or is an accomplice (PSP 2020 Art. 323).",
    )
    other_appropriate_adult_present: bool | None = Field(
        default=None,
        description="Another adult relative, or a representative of the school, work unit, grass-roots organisation "
        "or minors' protection organisation, was present (PSP 2020 Art. 323).",
    )
    female_staff_present: bool | None = Field(
        default=None, description="A female staff member was present (PSP 2020 Art. 324 para. 2)."
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
    taken_out_for_investigation_needs: bool | None = Field(
        default=None,
        description="A suspect in custody was taken out of the detention house to a procuratorate for "
        "questioning because the investigation needed it: to identify accomplices or evidence, or to "
        "recover property (procuratorate_1999 Art. 139).",
    )
    judicial_police_escorts: int | None = Field(
        default=None, ge=0,
        description="How many judicial police escorted a suspect taken out for questioning (procuratorate_1999 Art. 139).",
    )
    procurators_present: int | None = Field(
        default=None, ge=0, description="How many procurators conducted the questioning (Arts. 136, 158)."
    )
    lawyer_rights_notified: bool | None = Field(
        default=None,
        description="The suspect was told of the right to hire a lawyer for advice, complaints, accusations "
        "and bail, and this was written into the record (Art. 145).",
    )
    person_birth_date: CaseDate | None = Field(
        default=None,
        description="Birth date of the victim or witness questioned (the suspect's is suspect.birth_date); "
        "their age is computed on the day the questioning began (Art. 161).",
    )
