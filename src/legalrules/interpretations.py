"""Readings the law leaves open: each is named, documented, switchable, and reported."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

HourReading = Literal["from_the_instant", "from_next_full_hour"]

HOUR_READING_TEXT: dict[str, str] = {
    "from_the_instant": "a period counted in hours runs from the exact instant it starts: 24 hours "
    "from 10:25 ends at 10:25 the next day (the stricter reading for the authority)",
    "from_next_full_hour": "the hour a period starts in is not counted (期间开始的时不算在期间以内), so "
    "counting begins at the next full hour: 24 hours from 10:25 ends at 11:00 the next day",
}

WeekendReading = Literal["rest_days", "working_days"]

WEEKEND_READING_TEXT: dict[str, str] = {
    "rest_days": "ordinary Saturdays and Sundays are 节假日 (rest days), unless the State Council "
    "adjusted them to working days (调休); a period whose last day falls on a weekend ends on "
    "the next working day",
    "working_days": "only the State Council's holidays (and the days off moved into them) are "
    "节假日; an ordinary Saturday or Sunday is treated as a working day, so a period whose last "
    "day falls on a weekend still ends that day",
}


HolidaysBefore2013 = Literal["custody_not_extended", "suspect_custody_extended"]

HOLIDAYS_BEFORE_2013_TEXT: dict[str, str] = {
    "custody_not_extended": "for a period begun before 2013, when no article of the Law said what a last day on "
    "a holiday does (CPL 1996 Art. 78 has no such paragraph; the 2012 amendment added it), SPC 1998 "
    "Interpretation Art. 103 is applied, its exception for 被告人或者罪犯的在押期间 read as covering a "
    "suspect held in custody too, as the later CPL Art. 105 para. 4 says: a custody period never moves "
    "past a holiday (the stricter reading for the authority)",
    "suspect_custody_extended": "for a period begun before 2013, SPC 1998 Interpretation Art. 103 as worded: "
    "only a defendant's or offender's custody is not extended, so a suspect's custody period during the "
    "investigation moves past a holiday like any other period",
}

MinorSuspect = Literal["under_18_in_proceedings", "also_under_18_at_offence"]

MINOR_SUSPECT_TEXT: dict[str, str] = {
    "under_18_in_proceedings": "a 未成年犯罪嫌疑人 (minor suspect), whom the minors' duties of CPL Arts. 278, 280 "
    "and 281 and PSP 2020 Arts. 320 and 323-325 protect, is a suspect under eighteen on the day of the act (the "
    "interrogation, the arrest request), as SPP 2019 Art. 489 para. 2 defines the term for the procuratorate's "
    "like duties and SPC 2021 interpretation Art. 564 counts legal aid from the age at trial; a suspect under "
    "eighteen then was under eighteen at the offence, which came before, so the case is a minors' case too",
    "also_under_18_at_offence": "a minor suspect is also one who committed the offence under eighteen "
    "(suspect.age_at_offence, from the earliest offences[].committed_on) and is eighteen or older by the act: "
    "the minors' case of SPP 2019 Art. 489 para. 1 and SPC 2021 interpretation Art. 550, which para. 2 of "
    "Art. 489 lets the procuratorate treat so (可以); an undated offence leaves an adult's case undetermined",
}

DaysBeforeExpiry = Literal["on_or_before_nth_day", "before_nth_day"]

DAYS_BEFORE_EXPIRY_TEXT: dict[str, str] = {
    "on_or_before_nth_day": "在期限届满七日前 (seven days before the period expires) is counted back from the "
    "period's end: for a period ending at the end of 10 May the request is due by the end of 3 May, leaving "
    "4-10 May, seven whole days, before it expires (PSP 2020 Arts. 148-150)",
    "before_nth_day": "the stricter reading of 在期限届满七日前: the request must come before the seventh day "
    "before the last day, so by the end of 2 May for a period ending on 10 May",
}


class Interpretations(BaseModel):
    """The readings an evaluation uses where the sources do not settle a question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_counting: Literal["from_day_after_birthday", "from_birthday"] = Field(
        default="from_day_after_birthday",
        description=(
            "When a person reaches an age of N completed years (周岁). None of the sources "
            "here defines it; Chinese judicial practice counts it from the day after the "
            "birthday, so a suspect interrogated on their 18th birthday is still a minor. "
            "'from_birthday' counts the birthday itself."
        ),
    )
    hour_reading: HourReading = Field(
        default="from_the_instant",
        description=(
            "Where a period counted in hours starts (CPL Art. 105: 期间开始的时不算在期间以内). "
            "The default counts from the exact instant: common practice for the 24-hour "
            "notification and interrogation limits, and the stricter reading for the authority. "
            "The other reading's due time is always shown beside it."
        ),
    )
    holidays_before_2013: HolidaysBefore2013 = Field(
        default="custody_not_extended",
        description=(
            "For periods begun before 2013-01-01: whether a suspect's custody period moved past a holiday. "
            "No text of the Law then said (CPL Art. 105 para. 4 was added in 2012); SPC 1998 Interpretation "
            "Art. 103 spared only a defendant's or offender's custody."
        ),
    )
    weekends: WeekendReading = Field(
        default="rest_days",
        description=(
            "Whether an ordinary Saturday or Sunday is a 节假日 for CPL Art. 105 (no text here "
            "says). The default follows the State Council calendar: weekends are rest days "
            "unless adjusted to working days."
        ),
    )
    minor_suspect: MinorSuspect = Field(
        default="under_18_in_proceedings",
        description=(
            "Who is a 未成年犯罪嫌疑人 (minor suspect) for the minors' duties (CPL Arts. 278, 280-281, PSP 2020 "
            "Arts. 320, 323-325): under eighteen on the day of the act (default; SPP 2019 Art. 489 para. 2), or "
            "also one under eighteen when the offence was committed (offences[].committed_on; Art. 489 para. 1)."
        ),
    )

    days_before_expiry: DaysBeforeExpiry = Field(
        default="on_or_before_nth_day",
        description=(
            "How a request due N days before a period expires (在期限届满七日前, PSP 2020 Arts. 148-150) is "
            "counted: back from the period's end, so N whole days remain after the day it is due (default), or "
            "the stricter reading, a day earlier. No text here says which."
        ),
    )


INTERPRETATION_TEXT: dict[str, dict[str, str]] = {
    "age_counting": {
        "from_day_after_birthday": "age in completed years counts from the day after the birthday "
        "(周岁从生日的第二天起算): on the 18th birthday the suspect is still a minor",
        "from_birthday": "age in completed years counts from the birthday itself",
    },
    "hour_reading": HOUR_READING_TEXT,
    "holidays_before_2013": HOLIDAYS_BEFORE_2013_TEXT,
    "minor_suspect": MINOR_SUSPECT_TEXT,
    "weekends": WEEKEND_READING_TEXT,
    "days_before_expiry": DAYS_BEFORE_EXPIRY_TEXT,
}


def describe(interpretations: Interpretations) -> list[tuple[str, str, str]]:
    """(name, chosen value, plain description) for each interpretation in force."""
    out = []
    for name in type(interpretations).model_fields:
        value = getattr(interpretations, name)
        out.append((name, str(value), INTERPRETATION_TEXT[name][value]))
    return out


# Each reading in Chinese: (the question, {value: (the short answer, said alone in the one-screen footer; the whole
# text `--full` gives)}). The citations are said as a Chinese reader cites them; the statute's words are kept.
INTERPRETATION_ZH: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "age_counting": ("周岁的计算", {
        "from_day_after_birthday": ("周岁从生日的第二天起算",
                                    "周岁从生日的第二天起算：犯罪嫌疑人在十八周岁生日当天仍是未成年人"),
        "from_birthday": ("周岁从生日当天起算", "周岁从生日当天起算"),
    }),
    "hour_reading": ("以小时计算的期间从何时起算", {
        "from_the_instant": ("以小时计算的期间从开始的时刻起算",
                             "以小时计算的期间从开始的时刻起算：10时25分开始的二十四小时，于次日10时25分届满"
                             "（对办案机关较严的读法）"),
        "from_next_full_hour": ("以小时计算的期间从下一个整点起算",
                                "期间开始的时不算在期间以内，从下一个整点起算：10时25分开始的二十四小时，"
                                "于次日11时届满"),
    }),
    "holidays_before_2013": ("2013年以前开始的期间遇节假日", {
        "custody_not_extended": ("2013年以前开始的羁押期间不因节假日延长",
                                 "2013年以前开始的期间，法律没有规定期间的最后一日为节假日时如何处理（1996年《刑事诉讼法》"
                                 "第七十八条无此款，2012年修正时增加），适用最高人民法院1998年解释第一百零三条，并将其中"
                                 "“被告人或者罪犯的在押期间”的例外读作也包括在押的犯罪嫌疑人，与后来《刑事诉讼法》"
                                 "第一百零五条第四款的规定一致：羁押期间不因节假日而延长（对办案机关较严的读法）"),
        "suspect_custody_extended": ("2013年以前开始的犯罪嫌疑人羁押期间因节假日顺延",
                                     "2013年以前开始的期间，按最高人民法院1998年解释第一百零三条的字面适用：只有被告人或者"
                                     "罪犯的在押期间不延长，侦查阶段犯罪嫌疑人的羁押期间与其他期间一样因节假日顺延"),
    }),
    "minor_suspect": ("未成年犯罪嫌疑人的认定", {
        "under_18_in_proceedings": ("未成年犯罪嫌疑人按行为之日的年龄认定",
                                    "受《刑事诉讼法》第二百七十八条、第二百八十条、第二百八十一条和《公安机关办理刑事案件"
                                    "程序规定》第三百二十条、第三百二十三条至第三百二十五条保护的未成年犯罪嫌疑人，是在该"
                                    "行为（讯问、提请批准逮捕）之日未满十八周岁的犯罪嫌疑人，与《人民检察院刑事诉讼规则》"
                                    "（2019年）第四百八十九条第二款对检察机关同类义务的界定一致，最高人民法院2021年解释"
                                    "第五百六十四条也按审判时的年龄决定法律援助；行为之日未满十八周岁的，犯罪时也未满"
                                    "十八周岁，案件也是未成年人刑事案件"),
        "also_under_18_at_offence": ("犯罪时未满十八周岁的也按未成年犯罪嫌疑人对待",
                                     "实施犯罪时未满十八周岁（suspect.age_at_offence，按最早的 offences[].committed_on "
                                     "计算）、行为之日已满十八周岁的犯罪嫌疑人，也按未成年犯罪嫌疑人对待：即《人民检察院"
                                     "刑事诉讼规则》（2019年）第四百八十九条第一款和最高人民法院2021年解释第五百五十条"
                                     "所说的未成年人刑事案件，第四百八十九条第二款允许检察机关这样处理（“可以”）；"
                                     "犯罪日期不明的，成年人的案件尚无法确定"),
    }),
    "weekends": ("普通的周六、周日是否为节假日", {
        "rest_days": ("普通的周六、周日为休息日",
                      "普通的周六、周日为节假日（休息日），国务院调休为工作日的除外；期限的最后一日为周末的，"
                      "以其后的第一个工作日为期满日期"),
        "working_days": ("普通的周六、周日按工作日对待",
                         "只有国务院规定的节假日（及调入其中的休息日）为节假日；普通的周六、周日按工作日对待，"
                         "期限的最后一日为周末的，仍于当日届满"),
    }),
    "days_before_expiry": ("“在期限届满七日前”如何计算", {
        "on_or_before_nth_day": ("自期限届满时倒数七日",
                                 "“在期限届满七日前”（《公安机关办理刑事案件程序规定》第一百四十八条至第一百五十条）"
                                 "自期限届满时倒数：期限于5月10日届满的，应于5月3日24时前提请，届满前留有整七日"),
        "before_nth_day": ("再提前一日",
                           "较严的读法：应在期限最后一日前的第七日之前提请，期限于5月10日届满的，应于5月2日24时前提请"),
    }),
}


def said_zh(name: str, value: str) -> tuple[str, str, str]:
    """(the question, the short answer, the whole text) of one reading, in Chinese."""
    question, answers = INTERPRETATION_ZH[name]
    short, whole = answers[value]
    return question, short, whole
