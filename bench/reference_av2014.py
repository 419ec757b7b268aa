"""The av_2014 recording decision (Arts. 4-6) hand-coded in plain Python: the benchmark's reference.

What a programmer would write for this one decision without a rules engine: the
three conclusions `major_case`, `art6_circumstance` and `recording_required` on each
interrogation av_2014 covers, in three-valued logic (True, False, None for
undetermined), read straight from the case's models. `make bench` times it beside
the engine, and tests/test_bench_reference.py holds it equal to `Engine.values` on
every seeded case, so the comparison is between two programs giving the same answers.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from legalrules import CaseFacts
from legalrules.case.instants import LOCAL_ZONE, age_on

IN_FORCE = date(2014, 10, 1)  # av_2014 ruleset.yaml effective_from; no end date
ONE_DAY = timedelta(days=1)
ART5_PLACES = frozenset({"detention_house", "remote_video"})
Values = dict[tuple[str, str, str], "bool | None"]


def _any(*values: bool | None) -> bool | None:
    """Kleene "or": true if one is, false if all are, else undetermined."""
    if True in values:
        return True
    return None if None in values else False


def _all(*values: bool | None) -> bool | None:
    """Kleene "and": false if one is, true if all are, else undetermined."""
    if False in values:
        return False
    return None if None in values else True


def _offence_is_major(offence: Any) -> bool | None:
    """Art. 4 para. 1 items (1)-(5) on one offence."""
    maximum = offence.statutory_max
    penalty = None if maximum is None else (maximum if maximum in ("death", "life") else "fixed_term")
    years = maximum if isinstance(maximum, int) and not isinstance(maximum, bool) else None
    return _any(
        None if penalty is None else penalty in ("life", "death"),
        _all(_any(offence.endangers_public_safety, offence.seriously_infringes_personal_rights),
             offence.caused_serious_injury_or_death),
        offence.organised_crime,
        offence.serious_drug_crime,
        _all(offence.intentional, None if penalty is None else penalty == "fixed_term",
             None if years is None else years >= 10),
    )


def _major_case(offences: Any) -> bool | None:
    """Art. 4 para. 1: some offence is major (unknown when the offences are)."""
    if offences is None:
        return None
    return _any(False, *(_offence_is_major(o) for o in offences))


def _art6_case_circumstance(z: Any) -> bool | None:
    """Art. 6 items (2)-(8): the circumstances that do not depend on the interrogation's day."""
    return _any(
        z.strong_anti_investigation_capability, z.unstable_confession, z.likely_to_recant,
        _all(z.suspect_pleads_not_guilty, z.defence_may_plead_not_guilty),
        z.major_discrepancies_between_accounts, z.joint_crime_responsibility_unclear,
        z.high_risk_of_petitions_or_media_hype, z.major_social_impact_and_media_attention,
        z.other_major_difficult_complex,
    )


def recording_decision(case: CaseFacts, as_of_day: date) -> Values:
    """major_case, art6_circumstance and recording_required on each interrogation av_2014 covers."""
    out: Values = {}
    suspect, proceeding = case.suspect, case.case.proceeding
    criminal = None if proceeding is None else proceeding == "criminal"
    major = _major_case(case.offences)
    understands = suspect.understands_local_language
    person_facts = _any(suspect.blind, suspect.deaf, suspect.mute, suspect.mentally_ill_not_fully_incapacitated,
                        None if understands is None else understands is False)
    circumstances = _art6_case_circumstance(case.circumstances)
    birth = suspect.birth_date
    for index, item in enumerate(case.interrogations):
        day = as_of_day if item.start is None else item.start.astimezone(LOCAL_ZONE).date()
        if day < IN_FORCE:
            continue
        # age counted from the day after the birthday (the default age_counting reading)
        minor = None if birth is None else age_on(birth, day - ONE_DAY) < 18
        art6 = _any(person_facts, minor, circumstances)
        place = item.place
        base = _all(item.person == "suspect", criminal)
        required = _any(_all(base, major),
                        _all(base, None if place is None else place in ART5_PLACES),
                        _all(base, art6))
        subject = f"interrogations[{index}]"
        out[("av_2014", "major_case", subject)] = major
        out[("av_2014", "art6_circumstance", subject)] = art6
        out[("av_2014", "recording_required", subject)] = required
    return out
