"""A case file's problems said in Chinese, for `--lang zh`: where, what was received, what is expected.

The problems themselves (`errors.Problem`) are English, as the JSON problem documents
and the service give them; here the fixed words of the reader's messages are said in
Chinese (unknown key, required field, the nearest key or value, the form a date or a
time takes). A validator's own description of a type (pydantic's, e.g. "a valid
integer") has no template here and is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ...case.chinese_terms import term
from ...errors import SHOWN_PROBLEMS, CaseFileError, Problem

Said = str | Callable[[re.Match[str]], str]


def _kind(identifier: str) -> str:
    return term(identifier) or identifier


def _ids(listed: str) -> str:
    """The case's ids as `case.consistency` lists them: `one of 'd1', 'd2'`, or that there are none."""
    if listed == "the case gives none":
        return "案件中没有"
    more = re.search(r" and (\d+) more$", listed)
    shown = re.sub(r"^one of | and \d+ more$", "", listed)
    return "可选 " + shown + (f"等，另有{more[1]}个" if more else "")


_RECEIVED: Final[list[tuple[re.Pattern[str], Said]]] = [
    (re.compile(r"^unknown key (.+)$"), r"未知字段 \1"),
    (re.compile(r"^nothing$"), "（空）"),
    (re.compile(r"^no such file$"), "文件不存在"),
    (re.compile(r"^an unreadable file \((.+)\)$"), r"无法读取的文件（\1）"),
    # The case's contradictions (case.consistency): the value received, and what it contradicts.
    (re.compile(r"^(.+?), before the start (.+)$"), r"\1，早于开始时间 \2"),
    (re.compile(r"^(.+?), before the interrogation began \((.+)\)$"), r"\1，早于讯问开始时间（\2）"),
    (re.compile(r"^(.+?), after the interrogation ended \((.+)\)$"), r"\1，晚于讯问结束时间（\2）"),
    (re.compile(r"^(.+?), after the questioning began \((.+)\)$"), r"\1，晚于询问开始时间（\2）"),
    (re.compile(r"^(.+?), before the suspect was born \((.+)\)$"), r"\1，早于犯罪嫌疑人出生（\2）"),
    (re.compile(r"^(.+?), after every interrogation and measure of the case \(the last, (.+?), (.+)\)$"),
     r"\1，晚于本案所有讯问和措施（最后一项为 \2，\3）"),
    (re.compile(r"^(.+?), already the id of (.+)$"), r"\1，已是 \2 的 id"),
    (re.compile(r"^(.+?), which no interrogation has$"), r"\1，没有讯问使用此 id"),
    (re.compile(r"^(.+?), which no measure has$"), r"\1，没有措施使用此 id"),
    (re.compile(r"^(.+?), a (\w+) measure$"), lambda m: f"{m[1]}，是{_kind(m[2])}措施"),
    (re.compile(r"^(.+?), before measure (.+?) began \((.+)\)$"), r"\1，早于措施 \2 开始（\3）"),
    (re.compile(r"^(.+?), after measure (.+?) ended \((.+)\)$"), r"\1，晚于措施 \2 结束（\3）"),
    (re.compile(r"^(.+?), after (\S+) \((.+)\)$"), r"\1，晚于 \2（\3）"),
]
_EXPECTED: Final[list[tuple[re.Pattern[str], Said]]] = [
    (re.compile(r"^an end at or after the interruption's start$"), "不早于中断开始时间的结束时间"),
    (re.compile(r"^an end at or after (\S+)$"), r"不早于 \1 的结束时间"),
    (re.compile(r"^an interruption inside its interrogation$"), "在所属讯问时间之内的中断"),
    (re.compile(r"^a birth date before every dated fact of the case$"), "早于案件中所有载明日期的事实的出生日期"),
    (re.compile(r"^a birth date before the questioning$"), "早于询问开始的出生日期"),
    (re.compile(r"^an offence committed on or after suspect\.birth_date$"), "不早于出生日期（suspect.birth_date）的犯罪日期"),
    (re.compile(r"^an offence committed on or before the last interrogation or measure of the case$"),
     "不晚于本案最后一次讯问或者措施的犯罪日期"),
    (re.compile(r"^ids unique within (\S+)$"), r"在 \1 中不重复的 id"),
    (re.compile(r"^the id of an interrogation in interrogations\[\] \((.*)\)$"),
     lambda m: f"interrogations[] 中某次讯问的 id（{_ids(m[1])}）"),
    (re.compile(r"^the id of a measure in measures\[\] \((.*)\)$"), lambda m: f"measures[] 中某项措施的 id（{_ids(m[1])}）"),
    (re.compile(r"^an? (\w+) event to name a measure of kind (.+)$"),
     lambda m: "、".join(_kind(k) for k in m[2].split(", ")) + f"措施（“{_kind(m[1])}”事件所涉的措施）"),
    (re.compile(r"^an? (\w+) event after the measure began$"), lambda m: f"在措施开始之后的“{_kind(m[1])}”事件"),
    (re.compile(r"^an? (\w+) event before the measure ended$"), lambda m: f"在措施结束之前的“{_kind(m[1])}”事件"),
    (re.compile(r"^only the keys the schema names \(see `legalrules schema`\)"),
     "只能使用案件格式规定的字段（见 `legalrules schema`）"),
    (re.compile(r"^this field \(it is required\)$"), "此字段（必填）"),
    (re.compile(r"^a readable case file$"), "可读取的案件文件"),
    # pydantic's own words for the commonest types (the rest are kept as they are).
    (re.compile(r"^a valid date or datetime, [^;]*"), "有效的日期"),
    (re.compile(r"^a valid datetime, [^;]*"), "有效的日期时间"),
    (re.compile(r"^a valid integer[^;]*"), "整数"),
    (re.compile(r"^a valid boolean[^;]*"), "true 或 false"),
    (re.compile(r"^a valid string[^;]*"), "文字"),
    (re.compile(r"; did you mean `([^`]+)` \(([^)]+)\)\?$"), r"；是否应为 `\1`（\2）？"),
    (re.compile(r"; did you mean `([^`]+)`\?$"), r"；是否应为 `\1`？"),
    (re.compile(r"; write it as (\S+) \(date, T, time, offset; without the offset it is read as Beijing time\)$"),
     r"；应写作 \1（日期、T、时间、时区；不写时区的按北京时间读取）"),
    (re.compile(r"; write it as (\S+) \(YYYY-MM-DD\)$"), r"；应写作 \1（年-月-日）"),
    (re.compile(r"; '(.+)' names (.+) here: give the identifier$"), r"；“\1”在此可指 \2：请写标识符"),
]


# A closed vocabulary's values as pydantic lists them: `'a', 'b' or 'c'`.
_CHOICES: Final = re.compile(r"^('[^']*'(?:, '[^']*')*) or ('[^']*')")


def _said(text: str, templates: list[tuple[re.Pattern[str], Said]]) -> str:
    for pattern, chinese in templates:
        text = pattern.sub(chinese, text)
    return _CHOICES.sub(lambda m: "、".join(m[1].split(", ")) + f" 或 {m[2]}", text)


def problem_zh(problem: Problem) -> str:
    """One problem in a line, in Chinese."""
    return (f"{problem.location}：收到 {_said(problem.received, _RECEIVED)}；"
            f"应为 {_said(problem.expected, _EXPECTED)}")


def case_file_error_zh(error: CaseFileError) -> str:
    """The whole message of a case file's problems, in Chinese, in line order as the English one."""
    lines = [f"{error.source}：案件文件有误（{len(error.problems)}处）"]
    lines += [f"  - {problem_zh(p)}" for p in error.problems[:SHOWN_PROBLEMS]]
    if len(error.problems) > SHOWN_PROBLEMS:
        lines.append(f"  ……另有{len(error.problems) - SHOWN_PROBLEMS}处")
    return "\n".join(lines)
