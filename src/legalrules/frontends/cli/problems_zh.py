"""A case file's problems said in Chinese, for `--lang zh`: where, what was received, what is expected.

The problems themselves (`errors.Problem`) are English, as the JSON problem documents
and the service give them; here the fixed words of the reader's messages are said in
Chinese (unknown key, required field, the nearest key or value, the form a date or a
time takes). A validator's own description of a type (pydantic's, e.g. "a valid
integer") has no template here and is kept as it is.
"""

from __future__ import annotations

import re
from typing import Final

from ...errors import SHOWN_PROBLEMS, CaseFileError, Problem

_RECEIVED: Final[list[tuple[re.Pattern[str], str]]] = [
    (re.compile(r"^unknown key (.+)$"), r"未知字段 \1"),
    (re.compile(r"^nothing$"), "（空）"),
]
_EXPECTED: Final[list[tuple[re.Pattern[str], str]]] = [
    (re.compile(r"^only the keys the schema names \(see `legalrules schema`\)"),
     "只能使用案件格式规定的字段（见 `legalrules schema`）"),
    (re.compile(r"^this field \(it is required\)$"), "此字段（必填）"),
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


def _said(text: str, templates: list[tuple[re.Pattern[str], str]]) -> str:
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
