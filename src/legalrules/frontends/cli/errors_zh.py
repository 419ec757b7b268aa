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
