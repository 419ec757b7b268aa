"""Which notices a decision calls for, and the refusals that name what is missing."""

from __future__ import annotations

import pytest

from legalrules.documents.notices.calls import KINDS, choose, notice_calls, refusal
from legalrules.errors import InputError, NoticeRefused

from ..notice_fixtures import decide


def _calls(example: str, as_of: str) -> list[tuple[str, str]]:
    return [(c.kind, c.subject) for c in notice_calls(decide(example, as_of)[0])]


def test_a_detention_the_same_morning_calls_for_its_notice_the_memo_and_the_summons_record() -> None:
    """Detained at 10:25, as of 15:00: family notice pending, four deadlines pending, summons ended."""
    assert _calls("fraud_detention_pending", "2026-11-21T15:00:00+08:00") == [
        ("detention_family_notice", "measures[1]"), ("recording_memo", "interrogations[0]"),
        ("deadline_memo", "case"), ("summons_time_record", "events[0]")]


def test_late_and_impossible_notices_each_call_for_a_record() -> None:
    """The designated-residence notice (impossible, excepted) and the arrest notice (2 h 30 min late)."""
    calls = _calls("designated_residence_late_notice", "2026-03-22T09:00:00+08:00")
    assert ("late_notice_record", "measures[0]") in calls and ("late_notice_record", "measures[1]") in calls
    assert ("designated_residence_family_notice", "measures[0]") in calls
    assert ("arrest_family_notice", "measures[1]") in calls
    why = {c.subject: c.why for c in notice_calls(decide("designated_residence_late_notice",
                                                           "2026-03-22T09:00:00+08:00")[0])
           if c.kind == "late_notice_record"}
    assert "lifted by an exception" in why["measures[0]"] and "given late" in why["measures[1]"]


def test_an_arrest_notice_for_a_case_without_an_arrest_is_refused_naming_the_missing_measure() -> None:
    """The refusal quotes the decision's own 'not started' reason and says what would start it."""
    decision, _ = decide("murder_interrogation", "2026-11-22T10:00:00+08:00")
    with pytest.raises(NoticeRefused) as refused:
        choose(decision, "arrest_family_notice")
    message = str(refused.value)
    assert "crim_proc.art93.2" in message and "no arrest measure with a start time in measures[]" in message
    assert isinstance(refused.value, InputError)


def test_a_recording_memo_before_the_provisions_is_refused_with_the_decisions_reason() -> None:
    """In 2013 av_2014 was not in force; the refusal says so, with the date."""
    decision, _ = decide("interrogation_2013", "2026-11-22T10:00:00+08:00")
    with pytest.raises(NoticeRefused, match="before av_2014 came into force"):
        choose(decision, "recording_memo")


def test_a_deadline_memo_with_nothing_pending_is_refused_with_the_count_by_status() -> None:
    """Every deadline of the summons-to-arrest case (CPL 2018 and PSP 2020 alike) is met by December."""
    decision, _ = decide("murder_summons_to_arrest", "2025-12-10T09:00:00+08:00")
    with pytest.raises(NoticeRefused, match=r"no deadline is pending as of 2025-12-10 Wed 09:00 \(21 met\)"):
        choose(decision, "deadline_memo")


def test_several_candidates_need_a_subject_and_a_wrong_subject_is_named() -> None:
    """Three interrogations: choose one; a subject the case has none on lists those it has."""
    decision, _ = decide("murder_summons_to_arrest", "2025-12-10T09:00:00+08:00")
    with pytest.raises(NoticeRefused, match="3 recording_memo notices .*choose one with --subject"):
        choose(decision, "recording_memo")
    assert choose(decision, "recording_memo", "interrogations[2]").subject == "interrogations[2]"
    with pytest.raises(NoticeRefused, match=r"no recording_memo on interrogations\[7\]; .*interrogations\[0\]"):
        choose(decision, "recording_memo", "interrogations[7]")


def test_an_unknown_kind_is_refused_listing_the_kinds() -> None:
    """A misspelt kind names every kind there is."""
    decision, _ = decide("murder_interrogation", "2026-11-22T10:00:00+08:00")
    with pytest.raises(NoticeRefused, match="expected one of detention_family_notice, .*summons_time_record"):
        choose(decision, "arrest_notice")  # type: ignore[arg-type]


def test_every_kind_is_either_called_for_or_refused_with_a_reason() -> None:
    """For each example, a kind absent from the calls has a refusal, and choose() raises exactly it."""
    decision, _ = decide("theft_unknowns", "2026-11-22T10:00:00+08:00")
    called = {c.kind for c in notice_calls(decision)}
    for kind in KINDS:
        if kind not in called:
            with pytest.raises(NoticeRefused) as refused:
                choose(decision, kind)
            assert str(refused.value) == refusal(decision, kind)


def test_the_procuratorates_own_case_calls_for_its_own_notices_beside_the_cpls() -> None:
    """2026: SPP 2019 Arts. 123 and 301 call for the procuratorate's detention and arrest notices; CPL Arts. 85, 93 theirs."""
    calls = _calls("judicial_officer_procuratorate_2026", "2026-03-20T09:00:00+08:00")
    assert ("procuratorate_detention_family_notice", "measures[0]") in calls
    assert ("procuratorate_arrest_family_notice", "measures[1]") in calls
    assert ("detention_family_notice", "measures[0]") in calls and ("arrest_family_notice", "measures[1]") in calls


def test_a_public_security_case_calls_for_no_procuratorate_notice_and_says_what_it_would_need() -> None:
    """The refusal names the SPP 2019 deadline and that the measure must be the procuratorate's own."""
    decision, _ = decide("murder_summons_to_arrest", "2025-12-10T09:00:00+08:00")
    with pytest.raises(NoticeRefused, match=r"no spp_2019.art301 family-notification deadline.*decided_by: procuratorate"):
        choose(decision, "procuratorate_arrest_family_notice")


def test_a_2016_procuratorate_case_calls_for_its_notices_under_the_2012_trial_rules() -> None:
    """2016: spp_2012 Arts. 133 and 336 call for the procuratorate's notices; the CPL then in force is not encoded."""
    decision, _ = decide("bribery_procuratorate_2016", "2016-10-20T09:00:00+08:00")
    calls = {(c.kind, c.subject): c.why for c in notice_calls(decision)}
    assert calls[("procuratorate_detention_family_notice", "measures[0]")].startswith("spp_2012 Art. 133 para. 1")
    assert calls[("procuratorate_arrest_family_notice", "measures[1]")].startswith("spp_2012 Art. 336")
    assert ("detention_family_notice", "measures[0]") not in calls


def test_a_2016_public_security_case_is_refused_the_procuratorate_notice_naming_both_instruments() -> None:
    """The refusal names the SPP 2019 rule and the 2012 rules that would call for it on earlier dates."""
    decision, _ = decide("murder_summons_to_arrest", "2025-12-10T09:00:00+08:00")
    with pytest.raises(NoticeRefused, match=r"spp_2012\.art336, or spp_2012\.art347"):
        choose(decision, "procuratorate_arrest_family_notice")
