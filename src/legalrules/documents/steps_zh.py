"""A deadline's computation in Chinese: each step `legaltime.periods` writes, said from its template.

The decision carries the steps in English (`deadlines[].steps`, the JSON contract): the
anchor, the period and the day not counted (CPL Art. 105 para. 2), the months counted
under SPC Interpretation 2021 Art. 202, the last day and what the holiday rule (Art. 105
para. 4, or what governed before it) made of it, the due time. Each template is matched
here and said in Chinese, its dates, periods and citations converted; a step no template
matches is kept as it is, and the tests look for English left in every example's steps.
"""

from __future__ import annotations

import re
from typing import Final

from ..case.chinese_terms import term
from ..interpretations import said_zh
from ..patterns import Said, first_template
from .deadline_words import WEEKDAYS, WEEKDAYS_ZH
from .engine_zh import WEEKEND_READING_ZH, in_chinese, period_law_zh
from .notices.words import period as period_words

_SPC_2021: Final = "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》（2021年）第二百零二条"
_DAY_NAMES: Final = dict(zip(WEEKDAYS, WEEKDAYS_ZH))


def _dates(text: str) -> str:
    """`2026-10-03 (Sat)` and `2026-09-30 Wed 21:00:00 (+08:00)` in Chinese form."""
    text = re.sub(r"(\d{4}-\d\d-\d\d) \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)", lambda m: f"{m[1]}（{_DAY_NAMES[m[2]]}）", text)
    text = re.sub(r"(\d{4}-\d\d-\d\d) (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d\d:\d\d(?::\d\d)?) \(([+-]\d\d:\d\d)\)",
                  lambda m: f"{m[1]} {_DAY_NAMES[m[2]]} {m[3]}（{m[4]}）", text)
    return text


def _spans(text: str) -> str:
    """`2 months, extended by 1 month` -> `2个月，延长1个月`."""
    first, *more = text.split(", extended by ")
    return "，".join([period_words(first, "zh"), *(f"延长{period_words(p, 'zh')}" for p in more)])


def _reading(name: str, value: str) -> str:
    return f"按解释“{said_zh(name, value)[1]}”"


_MONTH_RULE: Final = (r"(?:the month rule of SPC Interpretation 2021 Art\. 202 \(in force from 2021-03-01; the "
                      r"interpretation in force on the period's start is not among the sources\)|"
                      r"SPC Interpretation 2021 Art\. 202): a month runs from a day of one month to the same day of "
                      r"the next; ")
_MONTH_HEAD: Final = {True: f"{_SPC_2021}的月份规则（2021-03-01起施行；期间开始时施行的解释不在本项目的资料中）",
                      False: _SPC_2021}
# Art. 202's first clause, verbatim (statutes-zh/spc_cpl_interpretation_2021.md).
_IN_MONTH: Final = "“以月计算的期间，自本月某日至下月同日为一个月”"


def _month_head(match: re.Match[str]) -> str:
    return f"{_MONTH_HEAD[match[0].startswith('the month rule')]}：{_IN_MONTH}；"


# (English step, its Chinese), most specific first.
_STEP_SOURCES: Final[list[tuple[str, Said]]] = [
    (r"anchor: (.+) in Asia/Shanghai local time(?:, given as (\S+))?",
     lambda m: f"起算时刻：{m[1]}（北京时间{f'；案件写作 {m[2]}' if m[2] else ''}）"),
    (r"the period is (.+); the day of the anchor, (\S+), is not counted \((.+?): (.+)\): counting starts on (\S+)",
     lambda m: f"期间为{_spans(m[1])}；起算当日{m[2]}不计入（{period_law_zh(m[3])}：“{m[4]}”），自{m[5]}起计算"),
    (r"the period is (.+) \((.+?): (期间开始的时和日不算在期间以内)\)",
     lambda m: f"期间为{_spans(m[1])}（{period_law_zh(m[2])}：“{m[3]}”）"),
    (r"hour reading 'from_the_instant': the hours run from the anchor instant itself",
     lambda m: f"{_reading('hour_reading', 'from_the_instant')}：自起算时刻本身计算"),
    (r"hour reading 'from_next_full_hour': the starting hour (\S+) is not counted, so counting begins at (.+)",
     lambda m: f"{_reading('hour_reading', 'from_next_full_hour')}：开始的小时{m[1]}不计入，自{m[2]}起计算"),
    (r"(\d+) hours later: (.+)", lambda m: f"{m[1]}小时后：{m[2]}"),
    (r"travel time \(路途上的时间\) of (.+?) is not part of the period \((.+?)\): added, giving (.+)",
     lambda m: f"路途上的时间{in_chinese(m[1])}不计入期间（{period_law_zh(m[2])}）：加上后为{m[3]}"),
    (r"travel time \(路途上的时间\) of (.+?) is not part of the period \((.+?)\); rounded up to (\d+) whole "
     r"day\(s\), the last day becomes (.+)",
     lambda m: f"路途上的时间{in_chinese(m[1])}不计入期间（{period_law_zh(m[2])}）；按整日向上取为{m[3]}日，最后一日为{m[4]}"),
    (r"due: (.+), the end of (\S+)", lambda m: f"届满：{m[1]}，即{m[2]}当日结束"),
    (r"due: (.+)", lambda m: f"届满：{m[1]}"),
    (r"under the other hour reading \('(\w+)'\) it would be due (.+)",
     lambda m: f"{_reading('hour_reading', m[1])}，则届满时间为{m[2]}"),
    (r"day (\d+) after (\S+) is (.+)", lambda m: f"{m[2]}之后第{m[1]}日为{m[3]}"),
    (r"the last day of the period is (.+)", lambda m: f"期间的最后一日为{m[1]}"),
    (r"the extension of (.+) runs on from the last day so far, (\S+)",
     lambda m: f"延长的{_spans(m[1])}自此前的最后一日{m[2]}起接续计算"),
    (_MONTH_RULE + r"(\S+) is the last day of its month, so (\d+) months? runs to the last day of that month: (.+)",
     lambda m: f"{_month_head(m)}{m[1]}为该月最后一日，{m[2]}个月至该月最后一日：{m[3]}"),
    (_MONTH_RULE + r"(\d+) months? from (\S+) runs to the same day: (.+)",
     lambda m: f"{_month_head(m)}自{m[2]}起{m[1]}个月至同日：{m[3]}"),
    (_MONTH_RULE + r"(\d{4})-(\d\d) has no day (\d+), so (\d+) months? runs to its last day: (.+)",
     lambda m: f"{_month_head(m)}{m[1]}年{int(m[2])}月没有{m[3]}日，{m[4]}个月至该月最后一日：{m[5]}"),
    (r"the suspect is in custody \(在押\): the period ends on its last day, (.+), even on a holiday",
     lambda m: f"犯罪嫌疑人在押：期间至最后一日{m[1]}届满，即使该日为节假日"),
    (r"the last day (\S+（\S+）) is (.+), not a 节假日: the period ends that day",
     lambda m: f"最后一日{m[1]}为{in_chinese(m[2])}，不是节假日：期间于当日届满"),
    (r"the last day (\S+（\S+）) is (.+?); (the period is not a custody period|the custody period is read as moving), "
     r"so it ends on the first day after the holidays \((.+)\)",
     lambda m: f"最后一日{m[1]}为{in_chinese(m[2])}；"
               f"{'该期间不是在押期间' if m[3].startswith('the period') else '按解释，在押期间也顺延'}，"
               f"以节假日后的第一日为期满日期（{period_law_zh(m[4])}）"),
    (r"  (\S+（\S+）) is (.+)", lambda m: f"  {m[1]}为{in_chinese(m[2])}"),
    (r"weekend reading '(\w+)': .+", lambda m: f"按解释：{WEEKEND_READING_ZH.get(m[1], m[0])}"),
    (r"the (\w+) extension is requested (\d+) days before that expiry \((在期限届满\d+日前); days_before_expiry "
     r"'(\w+)'\): due (.+)",
     lambda m: f"以“{term(m[1]) or m[1]}”为由的延长，应当{m[3]}提出（{_reading('days_before_expiry', m[4])}）："
               f"应于{m[5]}前提出"),
    (r"the exception ended at (.+): the duty is due at once \(base due time (.+) no longer applies\)",
     lambda m: f"例外情形于{m[1]}消失：应当立即履行（原届满时间{m[2]}不再适用）"),
]
_said_by_template = first_template(_STEP_SOURCES, re.DOTALL)


def step_zh(step: str) -> str:
    """One computation step (or a deadline's holiday rule) in Chinese; unchanged when no template matches.

    The holiday rule itself (`custody period: …`, `last day … is …`, `hour period: …`) is a sentence
    the decision also carries as `holiday_rule`, which `engine_zh` already says.
    """
    said = _said_by_template(_dates(step))
    if said is not None:
        return said
    chinese = in_chinese(step)
    return _dates(chinese) if chinese != step else step
