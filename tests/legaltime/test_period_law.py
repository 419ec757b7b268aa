"""Periods are counted and cited under the text in force on their start (issue 11, section 6).

CPL 1996 Art. 78 (1997-2012) had no holiday paragraph: the 2012 amendment added it (CPL
2012 Art. 103 para 4, now CPL 2018 Art. 105 para 4). Before 2013 the holiday rule is SPC
1998 Interpretation Art. 103, whose custody exception names only defendants and offenders:
for a suspect's custody that is the switchable interpretation `holidays_before_2013`.
Years without official holiday data (before 2004) flag every due time that rests on them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from legalrules import CaseFacts, Engine
from legalrules.legaltime.holidays import HolidayCalendar
from legalrules.legaltime.periods import Period, compute_chain

CALENDAR = HolidayCalendar()


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(("anchor", "article"), [
    ("2010-06-01T10:00:00+08:00", "CPL 1996 Art. 78 para 2"),
    ("2015-06-01T10:00:00+08:00", "CPL 2012 Art. 103 para 2"),
    ("2024-06-03T10:00:00+08:00", "CPL Art. 105 para 2"),
])
def test_a_period_cites_the_article_in_force_on_its_start(anchor: str, article: str) -> None:
    """The starting day not counted is cited from the 1996, 2012 or 2018 text by the period's start."""
    for period in (Period.days(3), Period.hours(24)):
        expiry = compute_chain(_at(anchor), (period,), custody=False, calendar=CALENDAR)
        assert any(article in step for step in expiry.steps), (period, expiry.steps)


def test_before_2013_the_holiday_rule_cited_is_the_spc_1998_interpretation_not_art_105() -> None:
    """A 2010 period ending on a holiday moves under SPC 1998 Interpretation Art. 103, never 'CPL Art. 105 para 4'."""
    # 3 days from Tue 2010-09-28: Fri 2010-10-01, National Day; 2010 holidays run to 7 October.
    expiry = compute_chain(_at("2010-09-28T10:00:00+08:00"), (Period.days(3),), custody=False, calendar=CALENDAR)
    assert expiry.due == _at("2010-10-08T23:59:59.999999+08:00")
    assert "SPC 1998 Interpretation Art. 103" in expiry.rule_applied
    assert "Art. 105" not in expiry.rule_applied and not any("Art. 105" in s for s in expiry.steps)


def test_a_suspects_custody_before_2013_follows_the_named_interpretation() -> None:
    """Default: custody never moves (as para. 4 later said); the literal SPC 1998 reading moves it."""
    anchor, periods = _at("2009-09-28T10:00:00+08:00"), (Period.days(7),)  # day 7: Mon 2009-10-05, National Day
    kept = compute_chain(anchor, periods, custody=True, calendar=CALENDAR)
    assert kept.due == _at("2009-10-05T23:59:59.999999+08:00")
    assert "custody_not_extended" in kept.rule_applied
    moved = compute_chain(anchor, periods, custody=True, calendar=CALENDAR,
                          holidays_before_2013="suspect_custody_extended")
    assert moved.due == _at("2009-10-09T23:59:59.999999+08:00")
    assert "suspect_custody_extended" in moved.rule_applied
    after_2013 = compute_chain(_at("2014-09-28T10:00:00+08:00"), periods, custody=True, calendar=CALENDAR,
                               holidays_before_2013="suspect_custody_extended")
    assert after_2013.due == _at("2014-10-05T23:59:59.999999+08:00")  # para 4 in force: the reading has no effect


def _receipt_case(at: str) -> dict[str, Any]:
    return {"case": {"id": "H", "handling_organ": "public_security", "proceeding": "criminal"},
            "events": [{"kind": "arrest_not_approved", "at": at}]}


def test_a_due_time_in_a_year_without_holiday_data_says_it_may_be_wrong() -> None:
    """2002 has no official holiday data here: the non-custody receipt deadline carries a caveat, a 2009 one none."""
    engine = Engine()
    early = engine.evaluate(CaseFacts.model_validate(_receipt_case("2002-09-26T10:00:00+08:00")),
                            as_of=_at("2002-09-27T10:00:00+08:00"))
    [receipt] = [d for d in early.deadlines if d.duty == "non_approval_execution_receipt"]
    assert receipt.caveats and "may be wrong" in receipt.caveats[0] and "2002" in receipt.caveats[0]
    later = engine.evaluate(CaseFacts.model_validate(_receipt_case("2009-09-24T10:00:00+08:00")),
                            as_of=_at("2009-09-25T10:00:00+08:00"))
    [receipt] = [d for d in later.deadlines if d.duty == "non_approval_execution_receipt"]
    assert receipt.caveats == []
