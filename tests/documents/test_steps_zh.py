"""A deadline's computation in Chinese: every step `legaltime.periods` writes, on the real holiday
calendar, is said from a template, with no English sentence left."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from itertools import product

import pytest

from legalrules import Engine, load_case
from legalrules.case.instants import LOCAL_ZONE
from legalrules.documents.steps_zh import step_zh
from legalrules.legaltime.holidays import HolidayCalendar
from legalrules.legaltime.periods import Period, compute_chain

from ..conftest import ROOT
from ..frontends.test_cli_errors_zh import ENGLISH_RUN

# Anchors on days where the holiday rules bite (the eves of Spring Festival, Labour Day and National
# Day, month ends, a leap day) across the four period laws (1996, 2012 and 2018 CPL, SPC 1998).
DAYS = [date(2009, 9, 30), date(2010, 2, 12), date(2012, 2, 29), date(2016, 1, 31), date(2016, 9, 28),
        date(2020, 4, 30), date(2024, 9, 30), date(2025, 12, 31), date(2026, 4, 29), date(2026, 9, 30)]
CHAINS = [(Period.hours(24),), (Period.days(3),), (Period.days(3), Period.days(4)), (Period.months(1),),
          (Period.months(2), Period.months(1)), (Period.days(7),)]


def _steps(day: date, chain: tuple[Period, ...], custody: bool, weekends: str, given_utc: bool) -> list[str]:
    anchor = datetime(day.year, day.month, day.day, 21, 30, tzinfo=LOCAL_ZONE)
    if given_utc:  # the anchor as a case might write it, in UTC: the step says how it was given
        anchor = anchor.astimezone(timezone.utc)
    calendar = HolidayCalendar(weekends=weekends)  # type: ignore[arg-type]
    hour_reading = "from_next_full_hour" if chain[0].unit == "hours" and custody else "from_the_instant"
    travel = timedelta(hours=30) if weekends == "working_days" and not custody else timedelta(0)
    found = compute_chain(anchor, chain, custody=custody, calendar=calendar, travel=travel,
                          hour_reading=hour_reading)  # type: ignore[arg-type]
    return [*found.steps, found.rule_applied]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_step_is_said_in_chinese(day: date) -> None:
    left = []
    for chain, custody, weekends in product(CHAINS, (True, False), ("rest_days", "working_days")):
        for step in _steps(day, chain, custody, weekends, given_utc=chain[0].unit == "months"):
            said = step_zh(step)
            # Nor a holiday's English name (`Mid-autumn Festival`): two words, below ENGLISH_RUN's four.
            if said == step or ENGLISH_RUN.search(said) or re.search(r"\b(?:Festival|Day|Sunday|Saturday)\b", said):
                left.append((step, said))
    assert not left, left[:3]


def test_the_chinese_keeps_the_dates_and_the_law() -> None:
    """A 3-day period from 30 September 2026, not in custody: ends after National Day, as the English says."""
    steps = _steps(date(2026, 9, 30), (Period.days(3),), False, "rest_days", given_utc=False)
    said = [step_zh(step) for step in steps]
    assert said[0] == "起算时刻：2026-09-30 周三 21:30:00（+08:00）（北京时间）"
    assert said[1].startswith("期间为3日；起算当日2026-09-30不计入（《刑事诉讼法》第一百零五条第二款：")
    assert "最后一日2026-10-03（周六）为法定节假日（国庆节）；该期间不是在押期间" in said[4]
    assert any(re.match(r"届满：2026-10-08 周四 23:59:59（\+08:00），即2026-10-08当日结束", s) for s in said), said


def test_a_step_no_template_knows_is_kept() -> None:
    assert step_zh("something new happened") == "something new happened"


@pytest.mark.parametrize(("english", "chinese"), [
    ("  2026-10-04 (Sun) is a holiday in holidays.yaml", "  2026-10-04（周日）为holidays.yaml所列的节假日"),
    ("  2025-10-06 (Mon) is a statutory holiday (Mid-autumn Festival 中秋)", "  2025-10-06（周一）为法定节假日（中秋）"),
    ("  2026-10-04 (Sun) is a working day in holidays.yaml", "  2026-10-04（周日）为holidays.yaml所列的工作日"),
    ("  2027-10-02 (Sat) is a weekend rest day (Saturday) (holidays.yaml lists no holiday on this day)",
     "  2027-10-02（周六）为周末休息日（周六）（holidays.yaml未将此日列为节假日）"),
])
def test_a_holiday_files_days_are_said_as_the_file_says_them(english: str, chinese: str) -> None:
    assert step_zh(english) == chinese


def test_every_examples_computation_is_said_in_chinese(engine: Engine) -> None:
    """Every step of every deadline of every example, at two instants, has its Chinese."""
    left = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        case = load_case(path)
        for as_of in ("2026-12-01T12:00:00+08:00", "2025-10-08T18:01:00+08:00"):
            decision = engine.evaluate(case, as_of=datetime.fromisoformat(as_of), engine="native")
            steps = [s for o in decision.deadlines for s in (*o.steps, *(x for e in o.extensions for x in e.steps))]
            left += [(path.name, s) for s in steps if step_zh(s) == s or ENGLISH_RUN.search(step_zh(s))]
    assert not left, left[:3]
