"""The engine's sentences in Chinese: warnings, notes and what a deadline needs to start.

The decision carries these as English sentences (the JSON contract: `warnings`,
`deadlines_not_started[].missing`, a deadline's `caveats`), each made from a fixed
template in the engine (`case.io`, `engine.deadlines`, `engine.clocks`,
`engine.deadline_exceptions`, `engine.frames`, `engine.evaluate`, `legaltime.holidays`).
For `--lang zh` each template is matched here and said in Chinese, the values it
carries (case ids, times, citations) kept; case identifiers in them (`family_notified`,
`detention`) are given their Chinese terms. A sentence no template matches is kept as
it is; the tests look for English left in the Chinese output of every example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ..case.chinese_terms import term
from ..patterns import first_template, on_first_use
from ..interpretations import said_zh
from ..decision.deadlines import DeadlineOutcome
from ..decision.model import Decision
from .deadline_words import WEEKDAYS, WEEKDAYS_ZH
from .subjects import SubjectNames
from .vocabulary import Vocabulary
from .notices.words import TRANSLATION_MARK, chinese_number, is_chinese, period

_WEEKDAY: Final = on_first_use(r"(?<!\d)(\d{4}-\d\d-\d\d) (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
# An identifier in brackets after an item (`events[3] (family_notified)`, `第4项事件 (family notified)`).
_KIND: Final = on_first_use(r" \(([a-z]+(?:[_ ][a-z]+)*)\)")
_WEEKDAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The weekend readings (interpretations.WEEKEND_READING_TEXT), in Chinese: the interpretations' own words.
WEEKEND_READING_ZH: Final = {value: said_zh("weekends", value)[2] for value in ("rest_days", "working_days")}
_ORGANS: Final = {"public security": "公安机关", "procuratorate": "人民检察院", "state security": "国家安全机关"}


def _said(identifier: str) -> str:
    """An identifier (`family_notified`, or with spaces) by its Chinese term, else as it is."""
    return term(identifier.replace(" ", "_")) or identifier


def _weekday(name: str) -> str:
    return WEEKDAYS_ZH[_WEEKDAY_NAMES.index(name)] if name in _WEEKDAY_NAMES else name


def _context(text: str | None) -> str:
    """Why only the weekend rule could say (legaltime.holidays.HolidayCalendar._weekend_rule), in Chinese."""
    if not text:
        return ""
    missing = re.match(r"^no official holiday data for (\d{4})$", text)
    if missing:
        return f"（{missing[1]}年没有官方节假日数据）"
    listed = re.match(r"^(.+) lists no holiday on this day$", text)
    return f"（{listed[1]}未将此日列为节假日）" if listed else f"（{text}）"


_PERIOD_LAW: Final = on_first_use(r"\bCPL(?: (\d{4}))? Art\. (\d+)(?: para\.? (\d+))?")
# The 1998 interpretation as `legaltime.period_law` quotes it, and how the holiday rule says a reading applied.
_SPC_1998: Final = on_first_use(r"SPC 1998 Interpretation Art\. 103 \((.+?); quoted from secondary sources, not among "
                                r"the project's sources\)")
_UNDER_READING: Final = on_first_use(r", read under the interpretation (\w+) '(\w+)'(?: as covering a suspect's custody "
                                     r"too)?: .+$")


def period_law_zh(text: str) -> str:
    """The holiday rule's basis as `legaltime.periods` writes it (`CPL Art. 105 para 4`, the 1998 interpretation,
    the reading applied), as a Chinese reader reads it: the statute cited, the reading in its Chinese words."""
    def cited(m: re.Match[str]) -> str:
        year = f"{m[1]}年" if m[1] else ""
        para = f"第{chinese_number(int(m[3]))}款" if m[3] else ""
        return f"{year}《刑事诉讼法》第{chinese_number(int(m[2]))}条{para}"
    reading = _UNDER_READING().search(text)
    if reading is not None:
        text = text[:reading.start()] + f"，按解释的读法“{said_zh(reading[1], reading[2])[1]}”"
    text = _SPC_1998().sub(lambda m: f"最高人民法院1998年解释第一百零三条（“{m[1]}”；引自二手资料，不在本项目的资料中）", text)
    return _PERIOD_LAW().sub(cited, text).replace(": ", "：")


def _basis(text: str) -> str:
    """`av_2014 Art. 2: <clause>`: the citation, then the clause quoted (marked when from an English translation)."""
    cited, _, clause = text.partition(": ")
    if not clause:
        return text
    return f"{cited}：“{clause}”" if is_chinese(clause) else f"{cited}：“{clause}{TRANSLATION_MARK}”"


def _organs(text: str) -> str:
    return "或者".join(_ORGANS.get(organ, organ) for organ in text.split(" or "))


def _measure(kind: str, by: str | None) -> str:
    decided = f"由{_ORGANS.get(by, by)}决定的" if by else ""
    return f"{decided}{_said(kind)}措施"


# Each sentence pattern with its Chinese wording; compiled on the first Chinese sentence (`first_template`),
# as an English answer never needs them and compiling them all took 15 ms of every start.
_TEMPLATE_SOURCES: Final[list[tuple[str, Callable[[re.Match[str]], str]]]] = [
    (r"^(\S+): no UTC offset given; read as Asia/Shanghai local time \(\+08:00\)$",
     lambda m: f"{m[1]}：未写时区，按北京时间（+08:00）读取"),
    (r"^(\S+): '(.+)' is `(\w+)` \(the Chinese term, read as the identifier it names\)$",
     lambda m: f"{m[1]}：“{m[2]}”即 `{m[3]}`（按中文术语所指的标识符读取）"),
    (r"^(.+?) at (.+?) is after as_of \((.+?)\); (.+) is judged as not yet done$",
     lambda m: f"{m[1]}记载的时间{m[2]}晚于评估时点（{m[3]}）；{m[4]}按尚未完成判断"),
    (r"^(.+?) at (.+?) arose after (.+) was due \((.+?)\): it does not excuse it$",
     lambda m: f"{m[1]}发生于{m[2]}，晚于{m[3]}的届满时间（{m[4]}），不能据此免除"),
    (r"^(\S+)\.start is unknown: its rules are selected, and the suspect's age computed, as of (\S+) "
                r"\(--as-of\)$",
     lambda m: f"{m[1]}的开始时间未载明：按{m[2]}（--as-of）选择适用的规则、计算犯罪嫌疑人的年龄"),
    (r"^no official holiday data for (\d{4}): weekends only, statutory holidays not applied; "
                r"give a holiday file with --holidays$",
     lambda m: f"{m[1]}年没有官方节假日数据：只按周末计算，未适用法定节假日；可用 --holidays 提供节假日文件"),
    (r"^this due time may be wrong: (.+)$", lambda m: f"此届满时间可能有误：{in_chinese(m[1])}"),
    (r"^(\S+) binds only cases handled by (.+?) \((.+)\); case\.handling_organ is not given, so its "
                r"conclusions and deadlines hold only if .+ handles the case$",
     lambda m: f"{m[1]}只约束{_organs(m[2])}办理的案件（{_basis(m[3])}）；案件未载明 case.handling_organ，"
               f"其结论和期限只在由{_organs(m[2])}办理时成立"),
    (r"^(\S+): the (\w+) extension of (\d+) days exceeds the (\d+) days (.+) allows; \d+ are used$",
     lambda m: f"{m[1]}：“{_said(m[2])}”延长{m[3]}日，超过{m[5]}允许的{m[4]}日；按{m[4]}日计算"),
    (r"^(\S+): (.+?): the (\w+) extension \((.+)\) runs on only after the (\w+) extension, which the "
                r"case does not record approved; it is not applied$",
     lambda m: f"{m[1]}：{m[2]}：“{_said(m[3])}”延长（{m[4]}）须在“{_said(m[5])}”延长之后，"
               "而案件未载明该延长已获批准，故不适用"),
    (r"^(\S+): (.+?): the approved (.+) extension falls within the (\d+ \w+) in all that (.+) allows "
                r"\(延长至: to that total\), so the period is \d+ \w+ from the anchor, not more$",
     lambda m: f"{m[1]}：{m[2]}：已批准的“{'、'.join(_said(b) for b in m[3].split(', '))}”延长包含在{m[5]}"
               f"规定的共{period(m[4], 'zh')}之内（延长至：为总期限），期限自起算时起共{period(m[4], 'zh')}"),
    # How a due time treated holidays (legaltime.periods: a deadline's holiday_rule).
    (r"^hour period: ends at an instant and is never extended for holidays \((.+?) moves only a last day that "
     r"is a holiday\)(; the suspect is in custody, so no holiday extension would apply in any case)?$",
     lambda m: f"按小时计算的期间：届满于一个时刻，不因节假日延长（{period_law_zh(m[1])}只顺延最后一日为节假日的期间）"
               + ("；犯罪嫌疑人在押，本来也不因节假日延长" if m[2] else "")),
    (r"^custody period: never extended for holidays \((.+)\)$",
     lambda m: f"在押期间：不因节假日而延长（{period_law_zh(m[1])}）"),
    (r"^last day (\S+) is not a holiday \((.+?)\): no extension \((.+)\)$",
     lambda m: f"最后一日{m[1]}不是节假日（{in_chinese(m[2])}）：不顺延（{period_law_zh(m[3])}）"),
    (r"^last day (\S+) is (.+?); expiry moves to the first working day after, (\S+) \((.+)\)$",
     lambda m: f"最后一日{m[1]}是{in_chinese(m[2])}：以节假日后的第一日{m[3]}为期满日期（{period_law_zh(m[4])}）"),
    # What a day is (legaltime.holidays.DayStatus.reason), as the calendar notes it.
    # chinesecalendar's English name goes (`Mid-autumn Festival 中秋`: hyphens too); its Chinese one stays.
    (r"^a statutory holiday \((?:[A-Za-z' -]+ )?(.+)\)$", lambda m: f"法定节假日（{m[1]}）"),
    (r"^an adjusted working day \(调休 for (?:[A-Za-z' -]+ )?(.+)\)$", lambda m: f"调休上班日（{m[1]}调休）"),
    (r"^a (holiday|working day) in (.+)$", lambda m: f"{m[2]}所列的{'节假日' if m[1] == 'holiday' else '工作日'}"),
    (r"^a working day(?: \((.+)\))?$", lambda m: f"工作日{_context(m[1])}"),
    (r"^a weekend rest day \((\w+)\)(?: \((.+)\))?$",
     lambda m: f"周末休息日（{_weekday(m[1])}）{_context(m[2])}"),
    (r"^an? (\w+), read as a working day under the weekend reading 'working_days'(?: \((.+)\))?$",
     lambda m: f"{_weekday(m[1])}，按周末读法“working_days”视为工作日{_context(m[2])}"),
    # The holiday data a decision names (legaltime.holidays.HolidayCalendar.data_sources).
    (r"^chinesecalendar (\S+) \(State Council holidays and adjusted working days, (\d{4})-(\d{4})\)$",
     lambda m: f"chinesecalendar {m[1]}（国务院公布的节假日和调休上班日，{m[2]}—{m[3]}年）"),
    (r"^holiday file (.+) \(content sha256:(\w+); years (.+)\), taking precedence$",
     lambda m: f"节假日文件 {m[1]}（内容 sha256:{m[2]}；年份 {m[3]}），优先适用"),
    # A deadline's exception (engine.deadline_exceptions.find_exception).
    (r"^excepted: (\S+ Art\. [^:]+): (.+?)(?:; the duty returns when (\w+) happens)?$",
     lambda m: f"依法免除：{m[1]}：{m[2]}" + (f"；“{_said(m[3])}”发生后，义务恢复" if m[3] else "")),
    (r"^undetermined: the exception (.+) applies only if it arose by the due time, and (\S+) gives no time$",
     lambda m: f"尚无法确定：例外情形{m[1]}只有在届满前发生才适用，而{m[2]}未载明时间"),
    (r"^undetermined: the exception (.+) applies if (.+) say so$",
     lambda m: f"尚无法确定：例外情形{m[1]}是否适用，取决于{m[2]}"),
    (r"^(.+); it ended with (.+) at (.+), so the duty is due immediately from then$",
     lambda m: f"{m[1]}；该情形已于{m[3]}随{m[2]}消失，自那时起应当立即履行"),
    # What a deadline needs to start (engine.clocks.clock_starts).
    (r"^no (\w+) event with a time in events\[\] naming \(by `measure`\) an? (\w+) measure"
                r"(?: decided by the ([a-z ]+))?$",
     lambda m: f"案件中没有载明时间、并以所涉措施（measure）指明{_measure(m[2], m[3])}的“{_said(m[1])}”事件（events[]）"),
    (r"^no (\w+) event with a time in events\[\] naming \(by `measure`\) an? (\w+) measure that has "
                r"ended \(measures\[\]\.end: the release executing it\)$",
     lambda m: f"案件中没有载明时间、并以所涉措施（measure）指明已结束的{_said(m[2])}措施的“{_said(m[1])}”事件"
               "（events[]；措施结束的时间（measures[].end）即执行该决定的释放）"),
    # A run of back-to-back measures (engine.clocks._joined_starts).
    (r"^no two ((?:\w+)(?: or \w+)*) measures(?: decided by the ([a-z ]+))? in measures\[\] where one "
                r"began by the end of the other$",
     lambda m: "案件中没有前后相接（后一措施在前一措施结束时或者之前开始）的两个"
               + (f"由{_ORGANS.get(m[2], m[2])}决定的" if m[2] else "")
               + "或者".join(_said(kind) for kind in m[1].split(" or ")) + "措施（measures[]）"),
    (r"^no (\w+) event with a time in events\[\]$",
     lambda m: f"案件中没有载明时间的“{_said(m[1])}”事件（events[]）"),
    (r"^no (\w+) measure(?: decided by the ([a-z ]+))? with a start time in measures\[\]"
                r"(?: \(a measure's decided_by must say it was decided by the ([a-z ]+)\))?$",
     lambda m: f"案件中没有载明开始时间的{_measure(m[1], m[2])}（measures[]）"
               + (f"（措施的 decided_by 须写明由{_ORGANS.get(m[3], m[3])}决定）" if m[3] else "")),
    (r"^no (\w+) measure(?: decided by the ([a-z ]+))? with a start time in measures\[\] whose "
     r"extensions\[\] list an? (\w+) extension$",
     lambda m: f"案件中没有载明开始时间、且 extensions[] 列有“{_said(m[3])}”延长的{_measure(m[1], m[2])}（measures[]）"),
    (r"^the (\w+) extension runs on only after the (\w+) extension, which the case does not record "
     r"approved; no request for it is due$",
     lambda m: f"“{_said(m[1])}”延长须在“{_said(m[2])}”延长之后，而案件未载明该延长已获批准，无需提请"),
    (r"^the (\w+) measure(?: decided by the ([a-z ]+))? in measures\[\] has no start time$",
     lambda m: f"measures[] 中的{_measure(m[1], m[2])}没有载明开始时间"),
    # Why a ruleset is not applied to a subject (engine.evaluate._select, _organ_scope; engine.deadlines).
    (r"^(.+?) is dated (\S+) \(from (.+?)\), (before|after) (\S+) (?:came into force|ceased to apply) "
     r"\((\S+)\); \S+ is in force (?:from (\S+)|(\S+) to (\S+)), so it gives no conclusions here$",
     lambda m: f"{'本案' if m[1] == 'case' else m[1]}的日期为{m[2]}（据{m[3]}），{'早于' if m[4] == 'before' else '晚于'}{m[5]}"
               f"{'施行' if m[4] == 'before' else '失效'}之日（{m[6]}）；{m[5]}{_window(m[7], m[8], m[9])}，"
               "故对其不作结论"),
    (r"^(\S+) decides per interrogation and the case lists none; to ask whether an interrogation must be "
     r"recorded, add it under `interrogations:` with its place \(a planned one may leave out `start` and is "
     r"judged as of --as-of\)$",
     lambda m: f"{m[1]}按每次讯问作出结论，而案件未列出讯问；要判断某次讯问是否应当录音录像，在 interrogations "
               "下写明该次讯问及其地点（计划中的讯问可以不写 start，按 --as-of 判断）"),
    (r"^the case is handled by the (.+?) \(case\.handling_organ\), and (\S+) binds only (.+?) \((\S+ Art\. \d+)"
     r"(?: para\. \d+)?: (.+)\), so it gives no conclusions or deadlines here$",
     lambda m: f"本案的办案机关（case.handling_organ）为{_organs(m[1])}，而{m[2]}只约束{_organs(m[3])}办理的案件"
               f"（{m[4]}{'：' + m[5] if is_chinese(m[5]) else ''}），故对本案不作结论、不计期限"),
    (r"^(.+?)( started)? on (\S+), when (\S+) was not in force \(in force (?:from (\S+)|(\S+) to (\S+))\)$",
     lambda m: f"{m[1]}{'开始' if m[2] else '发生'}于{m[3]}，其时{m[4]}不在施行期间（{m[4]}{_window(m[5], m[6], m[7])}）"),
    (r"^(\S+) times only an? (.+?) while the suspect is held in (\w+): (.+?)(?:; (.+))?$",
     lambda m: f"{m[1]}：只对犯罪嫌疑人被{_said(m[3])}期间的“{_said(m[2])}”事件计算期限；{_held(m[4])}"
               + (f"；{m[5]}" if m[5] else "")),
]


def _window(since: str | None, start: str | None, until: str | None) -> str:
    """An instrument's window (`in force from 2018-10-26`, `in force 2013-01-01 to 2019-12-29`) in Chinese."""
    return f"自{since}起施行" if since else f"施行期间为{start}至{until}"


# Whether the suspect was held in a measure when an event came (engine.clocks.held_in), in Chinese.
_HELD_SOURCES: Final[list[tuple[str, Callable[[re.Match[str]], str]]]] = [
    (r"^the event names measure (.+), an? (\w+)$", lambda m: f"该事件指明的措施{m[1]}为{_said(m[2])}"),
    (r"^at (.+?) the case shows the suspect under (.+), not (\w+)$",
     lambda m: f"{m[1]}时案件显示犯罪嫌疑人处于{'、'.join(_said(k) for k in m[2].split(' or '))}之下，"
               f"而非{_said(m[3])}"),
    (r"^the case shows no measure in force at (.+) and the event names none$",
     lambda m: f"案件未显示{m[1]}时有任何措施，该事件也未指明措施"),
]


_said_held = first_template(_HELD_SOURCES)
_said_by_template = first_template(_TEMPLATE_SOURCES)


def _held(text: str) -> str:
    said = _said_held(text)
    return text if said is None else said


def in_chinese(text: str) -> str:
    """An engine sentence said in Chinese (kept as it is if no template matches), weekdays and kinds too."""
    said = _said_by_template(text)
    text = text if said is None else said
    text = _WEEKDAY().sub(lambda m: f"{m[1]} {WEEKDAYS_ZH[WEEKDAYS.index(m[2])]}", text)
    return _KIND().sub(lambda m: f"（{_said(m[1])}）" if term(m[1].replace(" ", "_")) else m[0], text)



# `crim_proc.art156 (investigation_custody_end, a1)`, as engine sentences name a deadline.
DEADLINE_REF: Final = on_first_use(r"\b([a-z][a-z0-9_]*\.art[0-9.]+) \(([a-z_]+), ([^)]+)\)")


def name_deadlines(text: str, decision: Decision, title: Callable[[DeadlineOutcome], str]) -> str:
    """`text` with each deadline an engine sentence names by rule id and duty named by its title instead:
    `“通知家属（24小时）” (d1)`, no internal identifier left."""
    def named(match: re.Match[str]) -> str:
        for outcome in decision.deadlines:
            if (outcome.rule_id, outcome.duty) == (match.group(1), match.group(2)):
                return f"“{title(outcome)}” ({match.group(3)})"
        return match.group(0)
    return DEADLINE_REF().sub(named, text)


def sentence_zh(text: str, decision: Decision, words: Vocabulary, names: SubjectNames) -> str:
    """An engine sentence as a Chinese reader gets it: items by the case's names, deadlines by title,
    citations as a statute is cited, the sentence itself in Chinese."""
    def title(outcome: DeadlineOutcome) -> str:
        return words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period)
    return instrument_named(words.cite_in(in_chinese(name_deadlines(names.relabel(words.otherwise_said(text)), decision, title))), words)


def instrument_named(said: str, words: Vocabulary) -> str:
    """A Chinese sentence that begins with an instrument (`av_2014只约束…`), the instrument by its title."""
    ruleset = said.split("只约束", 1)[0] if "只约束" in said else None
    if ruleset in words.short_titles:
        return f"《{words.short_titles[ruleset][0]}》" + said.removeprefix(ruleset)
    return said
