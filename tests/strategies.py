"""Hypothesis strategies for whole cases: every fact may be unknown, true or false."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, get_args

from hypothesis import strategies as st

from legalrules.case.consistency import contradictions
from legalrules.case.model import (
    DEFER_CONSISTENCY,
    CaseFacts,
    Circumstances,
    HandlingLevel,
    InterrogationPlace,
    InterruptionReason,
    LikelySentence,
    MeasureOrNone,
    RecordFilingSubject,
    Review,
    Suspect,
)

SHANGHAI = timezone(timedelta(hours=8))
instants = st.datetimes(
    min_value=datetime(2013, 1, 1), max_value=datetime(2026, 12, 31),
    timezones=st.sampled_from([SHANGHAI, timezone.utc, timezone(timedelta(hours=-5))]),
)


def case_document_strategy(flag: st.SearchStrategy[bool | None], always: bool = False,
                           when: st.SearchStrategy[datetime] = instants) -> st.SearchStrategy[dict[str, Any]]:
    """Whole case documents; `flag` draws each true/false fact, `always` gives every optional key, `when` the instants."""

    def fields(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries({**required, **optional}) if always else st.fixed_dictionaries(required, optional=optional)

    def flags_of(model: Any) -> st.SearchStrategy[dict[str, Any]]:
        names = [n for n, f in model.model_fields.items() if f.annotation == (bool | None)]
        return fields({}, {name: flag for name in names})

    offences = fields(
        {"charge": st.sampled_from(["murder", "theft", "drug trafficking", "bribery"])},
        {
            "statutory_max": st.one_of(st.sampled_from(["death", "life"]), st.integers(0, 25)),
            "intentional": flag, "endangers_public_safety": flag,
            "seriously_infringes_personal_rights": flag, "caused_serious_injury_or_death": flag,
            "organised_crime": flag, "serious_drug_crime": flag,
            "endangering_state_security": flag, "terrorism": flag,
        },
    )
    interruptions = fields({}, {
        "reason": st.sampled_from(list(get_args(InterruptionReason))),
        "interrogation_suspended": flag, "urgent_or_too_long_to_fix": flag, "stated_in_record": flag,
        "suspect_signed_statement": flag, "explained_on_resumption": flag,
    })
    interrogations = fields({}, {
        "person": st.sampled_from(["suspect", "victim", "witness"]),
        "start": when,
        "place": st.sampled_from(list(get_args(InterrogationPlace))),
        "recorded": flag, "recording_covers_whole": flag, "record_times_match_recording": flag,
        "recording_storage": st.sampled_from(["optical_disc", "hard_drive"]),
        "interruptions": st.lists(interruptions, max_size=2),
        "review": flags_of(Review),
        "investigators_present": st.integers(0, 4),
        "suspect_held_in_detention_house": flag, "first_interrogation": flag, "defender_right_told": flag,
        "asked_first_about_crime": flag, "rights_and_leniency_explained": flag,
        "sign_language_interpreter_present": flag, "interpreter_noted_in_record": flag,
        "record_checked": flag, "record_read_aloud": flag, "record_signed": flag,
    })
    suspects = fields({}, {
        "birth_date": st.dates(min_value=date(1950, 1, 1), max_value=date(2012, 12, 31)),
        "congress_deputy": st.sampled_from(["none", "township", "county", "city", "province", "national"]),
    }).flatmap(lambda base: flags_of(Suspect).map(lambda more: {**base, **more}))
    circumstances = fields({}, {"likely_sentence": st.sampled_from(list(get_args(LikelySentence)))}).flatmap(
        lambda base: flags_of(Circumstances).map(lambda more: {**base, **more}))
    events = st.lists(
        st.fixed_dictionaries({"kind": st.sampled_from(["recording_requested_by_court_or_procuratorate",
                                                         "family_notified"])}, optional={"at": when}),
        max_size=2,
    )
    return fields(
        {"case": fields({"id": st.just("H-1")}, {
            "proceeding": st.sampled_from(["criminal", "administrative"]),
            "handling_organ": st.sampled_from(["public_security", "procuratorate", "state_security"]),
        })},
        {
            "offences": st.lists(offences, max_size=3),
            "suspect": suspects,
            "circumstances": circumstances,
            "interrogations": st.lists(interrogations, max_size=3),
            "events": events,
        },
    ).filter(consistent)


def consistent(doc: dict[str, Any]) -> bool:
    """Whether a generated document's facts agree with each other (a birth before every dated fact, ...).

    The engine refuses a self-contradicting case (`case.consistency`), so the property
    tests draw only consistent ones; tests of the refusal build their contradictions by hand.
    """
    return not contradictions(CaseFacts.model_validate(doc, context={DEFER_CONSISTENCY: True}))


case_documents = case_document_strategy(st.sampled_from([None, True, False]))
"""Cases where any fact may be unknown."""

known_case_documents = case_document_strategy(st.booleans(), always=True)
"""Cases where every fact is given: the evaluators must then agree on definite values."""

cases = case_documents.map(CaseFacts.model_validate)


# --- procuratorate_1999: cases dated inside its window (1999-01-18 to 2012-12-31) --------------
window_instants = st.datetimes(
    min_value=datetime(1999, 1, 19), max_value=datetime(2012, 12, 30),
    timezones=st.sampled_from([SHANGHAI, timezone.utc]),
)
_MEASURES = list(get_args(MeasureOrNone))
_PROCURATORATE_INTERROGATION_FLAGS = [
    "in_suspects_city_or_county", "in_work_unit_city_or_county", "in_domicile_or_residence_city_or_county",
    "place_special_circumstances", "chief_procurator_approved", "sign_language_interpreter_present",
    "interpreter_noted_in_record", "record_checked", "record_read_aloud", "first_interrogation",
    "lawyer_rights_notified",
]


def procuratorate_1999_case_strategy(flag: st.SearchStrategy[bool | None]) -> st.SearchStrategy[dict[str, Any]]:
    """Case documents dated in the 1999 rules' window, with the facts those rules read (enums, counts, places)."""
    counts = st.one_of(st.none(), st.integers(0, 3))
    extra_case = st.fixed_dictionaries({}, optional={
        "handling_level": st.sampled_from(list(get_args(HandlingLevel))),
        "handling_organ": st.sampled_from(["public_security", "procuratorate"]),
    })
    extra_suspect = st.fixed_dictionaries({}, optional={"current_measure": st.sampled_from(_MEASURES)})
    extra_circumstances = st.fixed_dictionaries({}, optional={
        "likely_sentence": st.sampled_from(list(get_args(LikelySentence))),
        "bail_guarantee": st.sampled_from(["surety", "deposit"]),
        "bail_deposit_yuan": st.integers(0, 3000),
        "unapproved_departures": counts, "unapproved_meetings": counts, "failures_to_appear": counts,
        "record_filing_subject": st.sampled_from(list(get_args(RecordFilingSubject))),
    })
    extra_interrogation = st.fixed_dictionaries({}, optional={
        "under_measure": st.sampled_from(_MEASURES),
        "procurators_present": st.integers(0, 3),
        "person_birth_date": st.dates(min_value=date(1980, 1, 1), max_value=date(2005, 12, 31)),
        **{name: flag for name in _PROCURATORATE_INTERROGATION_FLAGS},
    })

    def extend(doc: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        items = doc.get("interrogations") or []
        return st.tuples(extra_case, extra_suspect, extra_circumstances,
                         st.lists(extra_interrogation, min_size=len(items), max_size=len(items))).map(
            lambda more: {
                **doc,
                "case": {**doc["case"], **more[0]},
                "suspect": {**(doc.get("suspect") or {}), **more[1]},
                "circumstances": {**(doc.get("circumstances") or {}), **more[2]},
                "interrogations": [{**item, **add} for item, add in zip(items, more[3])],
            })

    return case_document_strategy(flag, when=window_instants).flatmap(extend).filter(consistent)
