"""The command line's own errors said in Chinese, for `--lang zh`: a bad option, a subject, a rule, a file to write.

Each message is made from a fixed template (`common.parse_as_of`, `subjects.resolve`,
`explain_rule.find_rule`, `notice`, `outputs`, `overrides`, `evaluate`); here each template
is matched and said in Chinese, the values it carries (what was typed, ids, paths) kept.
A message no template matches is kept as it is (`--json` problem documents stay English:
they are a contract). A case file's problems have their own module (`problems_zh`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

_WRITE_PROBLEMS: Final = {
    "it is an input of this command; write the output elsewhere": "它是本命令的输入文件，请写到别处",
    "it is a directory": "它是一个目录", "it exists and is not a regular file": "它已存在且不是普通文件",
    "its directory does not exist": "所在目录不存在", "its directory is not writable": "所在目录不可写",
    "it already exists; give --force to replace it": "文件已存在；如需覆盖，请加 --force",
    "two outputs name this file": "两项输出指向同一文件",
}

_KINDS: Final = {"bool": "是否", "enum": "枚举", "date": "日期", "instant": "时刻", "int": "整数", "float": "数字",
                 "text": "文字", "model": "对象", "list": "列表"}
# The trainer's --vary (variations.ranges): what was received, and what is expected, each said in Chinese.
_VARY_RECEIVED: Final[list[tuple[str, Callable[[re.Match[str]], str]]]] = [
    (r"^no '='$", lambda m: "没有“=”"), (r"^no values$", lambda m: "没有值"), (r"^(\d+) points$", lambda m: f"{m[1]}个点"),
    (r"^'\*' for a (\w+)$", lambda m: f"对{_KINDS.get(m[1], m[1])}字段用“*”"),
    (r"^a range for a (\w+) field$", lambda m: f"对{_KINDS.get(m[1], m[1])}字段给出范围"),
    (r"^the step (.+) for dates$", lambda m: f"日期的步长 {m[1]}"), (r"^the step (.+)$", lambda m: f"步长 {m[1]}"),
    (r"^a step of 0 years$", lambda m: "步长为0年"), (r"^(\S+) before (\S+)$", lambda m: f"{m[1]}，早于 {m[2]}"),
]
_VARY_EXPECTED: Final = {
    "PATH=FROM..TO[:STEP], PATH=a,b,c or PATH=*": "PATH=FROM..TO[:STEP]、PATH=a,b,c 或者 PATH=*",
    "at least one value": "至少一个值",
    "'*' only for a bool or an enum; give FROM..TO[:STEP]": "“*”只用于是否或者枚举字段；请写 FROM..TO[:STEP]",
    "a range only for dates, instants and numbers; for a bool or an enum list the values or give '*'":
        "范围只用于日期、时刻和数字；是否或者枚举字段请列出取值或者写“*”",
    "a whole positive number of minutes, hours or days, e.g. 1h, 30m, 2d": "正整数的分钟、小时或者天数，例如 1h、30m、2d",
    "TO no earlier than FROM": "TO 不早于 FROM", "whole days or years, e.g. 1d, 7 or 1y": "整天或者整年，例如 1d、7 或者 1y",
    "a whole positive number of years, e.g. 1y": "正整数的年数，例如 1y",
    "numbers, e.g. 8..12 or 0..2:0.5": "数字，例如 8..12 或者 0..2:0.5",
    "a positive step and TO no smaller than FROM": "正的步长，且 TO 不小于 FROM",
    "whole numbers: the field holds an integer": "整数：该字段为整数",
}
_VARY_EXPECTED_FORMS: Final[list[tuple[str, Callable[[re.Match[str]], str]]]] = [
    (r"^at most (\d+): widen the step or narrow the range$", lambda m: f"至多{m[1]}个点：请加大步长或者缩小范围"),
    (r"^an ISO 8601 date-time such as (\S+)$", lambda m: f"ISO 8601 日期时间，例如 {m[1]}"),
    (r"^ISO dates such as (\S+)$", lambda m: f"ISO 日期，例如 {m[1]}"),
]


def _first(text: str, forms: list[tuple[str, Callable[[re.Match[str]], str]]]) -> str:
    for pattern, said in forms:
        match = re.match(pattern, text)
        if match:
            return said(match)
    return text


def _vary(m: re.Match[str]) -> str:
    expected = _VARY_EXPECTED.get(m[3]) or _first(m[3], _VARY_EXPECTED_FORMS)
    return f"--vary {m[1]}：收到 {_first(m[2], _VARY_RECEIVED)}；应为 {expected}"


def _kind_of(text: str) -> str:
    """A place in a case document as `variations.fact_paths` names it: a mapping, a list, absent, a str."""
    said = {"a mapping": "映射", "a list": "列表", "absent": "空", "a str": "文字", "an int": "整数", "a float": "数字",
            "a bool": "是否值", "a date": "日期", "a datetime": "时刻"}
    return said.get(text, text)


def _items(text: str) -> str:
    """What a list item may be called (`variations.fact_paths._describe_ids`)."""
    for english, chinese in (("[+] to add the first item", "用 [+] 添加第一项"), (", or [+] to add one", "，或者用 [+] 添加一项"),
                             (", or an id: ", "，或者 id："), ("an index 0 to ", "序号 0 至 ")):
        text = text.replace(english, chinese)
    return text


_TEMPLATES: Final[list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]] = [
    (re.compile(r"^--as-of: received the date (.+) without a time; expected .*$"),
     lambda m: f"--as-of：收到的日期 {m[1]} 没有时刻；应写日期和时刻，例如 2026-10-05T10:25:00+08:00"
               "（只写日期不能说明当天何时发生，而期限计算到秒）"),
    (re.compile(r"^--as-of: received (.+?); expected an ISO 8601 date-time such as (\S+)$"),
     lambda m: f"--as-of：收到 {m[1]}；应为 ISO 8601 日期时间，例如 {m[2]}"),
    (re.compile(r"^--as-of: received (.+?); expected (.+)$"), lambda m: f"--as-of：收到 {m[1]}；不支持的时间（{m[2]}）"),
    (re.compile(r"^--subject: received (.+?), which names (.+?); expected an id .*$"),
     lambda m: f"--subject：收到 {m[1]}，它指向多项（{m[2]}）；应写只指一项的编号，或者 measures[1] 这样的位置"),
    (re.compile(r"^--subject: received (.+?); expected one of the case's ids (.+?) or a position such as (\S+)$"),
     lambda m: f"--subject：收到 {m[1]}；应为案件中的编号之一 {m[2]}，或者 {m[3]} 这样的位置"),
    (re.compile(r"^unknown rule id (.+?); did you mean one of (.+)\?$"),
     lambda m: f"未知的规则编号 {m[1]}；是否应为 {m[2]} 之一？"),
    (re.compile(r"^unknown rule id (.+?); see `legalrules rules` \((\d+) rules\)$"),
     lambda m: f"未知的规则编号 {m[1]}；见 `legalrules rules`（共{m[2]}条规则）"),
    (re.compile(r"^unknown ruleset (.+?); loaded: (.+)$"), lambda m: f"未知的规则集 {m[1]}；已载入：{m[2]}"),
    (re.compile(r"^notice: give either --kind KIND or --list \(received (both|neither)\)$"),
     lambda m: "notice：请给出 --kind 文书类别 或者 --list 二者之一（收到的是"
               + ("两者都有" if m[1] == "both" else "两者都没有") + "）"),
    (re.compile(r"^notice --format pdf: received no -o/--output; expected a file to write the PDF to$"),
     lambda m: "notice --format pdf：没有给出 -o/--output；请给出写入 PDF 的文件"),
    (re.compile(r"^--kind: received (.+?); expected one of (.+)$"),
     lambda m: f"--kind：收到 {m[1]}；应为以下之一：{m[2]}"),
    (re.compile(r"^case (.+?) calls for no (\w+) on (.+?); it calls for one on (.+)$"),
     lambda m: f"案件 {m[1]} 不需要就 {m[3]} 制作 {m[2]}；需要制作的对象是 {m[4]}"),
    (re.compile(r"^case (.+?) calls for (\d+) (\w+) notices \((.+)\); choose one with --subject$"),
     lambda m: f"案件 {m[1]} 需要制作{m[2]}份 {m[3]}（{m[4]}）；请用 --subject 选择其中一份"),
    (re.compile(r"^(.+?): cannot write \((.+?)\); (?:expected a new file path in a writable directory|expected a file "
                r"per output|nothing was written)$"),
     lambda m: f"{m[1]}：无法写入（{_WRITE_PROBLEMS.get(m[2], m[2])}）；未写入任何文件"),
    (re.compile(r"^--set (.+?): received no '='; expected PATH=VALUE.*$"),
     lambda m: f"--set {m[1]}：没有“=”；应写作 路径=值，例如 suspect.birth_date=2009-03-11（值为 null 表示该事实未知）"),
    (re.compile(r"^--set (.+?): received the value (.+?), which is not YAML \((.+)\); expected .*$"),
     lambda m: f"--set {m[1]}：值 {m[2]} 不是有效的 YAML（{m[3]}）；应按案件文件的写法给出值"),
    # The trainer's commands (what-if, sweep, ask) and the paths they take.
    (re.compile(r"^what-if: received no --set; expected at least one --set PATH=VALUE$"),
     lambda m: "what-if：没有给出 --set；至少需要一个 --set 路径=值"),
    (re.compile(r"^--vary (.+?): received (.+?); expected (.+)$"), _vary),
    (re.compile(r"^--show (.+?): received a name no answer in the sweep has; expected .*$"),
     lambda m: f"--show {m[1]}：扫描的答案中没有这个名称；应为结论名称（如 recording_required）、期限的规则编号或者义务，"
               "可加 @对象"),
    (re.compile(r"^--about (.*?): received no name; expected .*$"),
     lambda m: f"--about {m[1]}：没有给出名称；应为结论或者期限，例如 recording_required@interrogations[0] 或者 crim_proc.art85.2"),
    (re.compile(r"^--about (.+?): the decision has no such conclusion or deadline; expected .*$"),
     lambda m: f"--about {m[1]}：本案的结论和期限中没有这一项；应为结论名称（见 `legalrules evaluate --json`）、期限的规则编号"
               "或者义务，可加 @对象，如 interrogations[0] 或者 measures[0]"),
    (re.compile(r"^(\S+) (.+?): received the path (.+?); expected keys joined by dots.*$"),
     lambda m: f"{m[1]} {m[2]}：路径 {m[3]} 无效；应为以点连接的字段名，列表项在方括号中写序号或者 id，"
               "例如 suspect.birth_date 或者 measures[m1].start"),
    (re.compile(r"^(\S+) (.+?): (.+?) is (a mapping|a list|absent|an? \w+), not a mapping; expected a path whose part (.+) "
                r"names a key of a mapping$"),
     lambda m: f"{m[1]} {m[2]}：{m[3]} 是{_kind_of(m[4])}，不是映射；路径中的 {m[5]} 应为映射的字段名"),
    (re.compile(r"^(\S+) (.+?): (.+?) is (a mapping|a list|absent|an? \w+), not a list; expected (.+) only after a list "
                r"such as measures or interrogations$"),
     lambda m: f"{m[1]} {m[2]}：{m[3]} 是{_kind_of(m[4])}，不是列表；{m[5]} 只能写在 measures、interrogations 等列表之后"),
    (re.compile(r"^(\S+) (.+?): received (\S+) for (.+?) \((\d+) item\(s\)\); expected (.+)$"),
     lambda m: f"{m[1]} {m[2]}：{m[4]}（共{m[5]}项）中没有 {m[3]}；应为{_items(m[6])}"),
    (re.compile(r"^(.+?): received (\S+); expected it only after a list$"),
     lambda m: f"{m[1]}：{m[2]} 只能写在列表之后"),
    (re.compile(r"^(\S+): received the key (.+?); expected one of: (.+)$"),
     lambda m: f"{m[1]}：字段 {m[2]} 不存在；应为以下之一：{m[3]}"),
]


def input_error_zh(message: str) -> str:
    """An input error of the command line in Chinese (kept as it is if no template matches)."""
    for pattern, said in _TEMPLATES:
        match = pattern.match(message)
        if match:
            return said(match)
    return message
