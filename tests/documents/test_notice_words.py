"""Notice wording: statute numbers, instants, durations and citations in Chinese and English."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from legalrules import Engine
from legalrules.documents.notices.words import chinese_number, citation, duration, has_word, instant, period


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (14, "十四"), (20, "二十"), (75, "七十五"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (119, "一百一十九"),
                                         (201, "二百零一"), (308, "三百零八"), (1010, "一千零一十")])
def test_statute_numbers_read_as_a_statute_writes_them(n: int, text: str) -> None:
    """十 alone heads the tens (十四), 零 marks a gap (一百零五), and 一十 stays inside (一百一十九)."""
    assert chinese_number(n) == text


def test_a_statute_number_outside_1_to_9999_is_refused() -> None:
    """Zero and five digits are not article numbers."""
    for n in (0, 10000):
        with pytest.raises(ValueError, match="1-9999"):
            chinese_number(n)


def test_instants_follow_each_languages_convention_in_beijing_time() -> None:
    """02:25 UTC is 10:25 in Beijing; seconds show only when they are not :00."""
    moment = datetime(2026, 11, 22, 2, 25, tzinfo=timezone.utc)
    assert instant(moment, "zh") == "2026年11月22日 10时25分"
    assert instant(moment, "en") == "22 November 2026, 10:25"
    end_of_day = datetime.fromisoformat("2026-11-24T23:59:59+08:00")
    assert instant(end_of_day, "zh") == "2026年11月24日 23时59分59秒"
    assert instant(end_of_day, "en") == "24 November 2026, 23:59:59"


def test_durations_and_periods_in_both_languages() -> None:
    """A day, hours and minutes; a period of hours, days or months."""
    seconds = ((24 + 6) * 60 + 30) * 60
    assert (duration(seconds, "zh"), duration(seconds, "en")) == ("1天6小时30分钟", "1 day 6 h 30 min")
    assert [period(p, "zh") for p in ("24 hours", "3 days", "2 months", "1 month")] == ["24小时", "3日", "2个月", "1个月"]
    assert period("24 hours", "en") == "24 hours"


def test_an_extended_period_reads_in_chinese_part_by_part() -> None:
    """The engine's compound periods (extensions, a request due before expiry) have no English left in Chinese."""
    assert period("2 months + 1 month (extension)", "zh") == "2个月＋1个月（延长）"
    assert period("2 months + 1 month (extension) + 2 months (extension), less 7 days", "zh") == \
        "2个月＋1个月（延长）＋2个月（延长），提前7日"
    assert period("2 months + 1 month (extension)", "en") == "2 months + 1 month (extension)"
    assert period("until released", "zh") == "until released"  # another shape is kept, not half translated


def test_citations_put_the_article_under_the_instruments_title() -> None:
    """Paragraph and item become 第…款 and 第（…）项 in Chinese; other shapes are kept as given."""
    assert citation("crim_proc Art. 85 para. 2", "zh", "刑事诉讼法") == "《刑事诉讼法》第八十五条第二款"
    assert citation("av_2014 Art. 4 para. 1 item (2)", "zh", "录音录像规定") == "《录音录像规定》第四条第一款第（二）项"
    assert citation("crim_proc Art. 86", "en", "CPL") == "CPL, Art. 86"
    assert citation("clock Annex", "en", "Clock") == "Clock, clock Annex"


def test_every_bundled_duty_has_wording_in_both_languages() -> None:
    """A deadline memo never falls back to the English title for a bundled ruleset's duty."""
    duties = {d.spec.duty for r in Engine().all_rulesets for d in r.deadlines}
    assert duties and sorted(d for d in duties if not has_word(d)) == []
