"""The command line's usage errors (a missing file, an unknown option or command, a bad value) said in
Chinese, for a run in Chinese (`--lang zh`, or a Chinese locale without `--lang`).

Typer reports these before a command runs, so the command's own `--lang` handling never sees
them: `main` asks `language.wants_chinese` of the command line and, when it does, runs the application
through `run_in_chinese`, which catches them and says them here. English runs are untouched.
The values the officer typed (an option, a value, a command) are kept as typed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Final, NoReturn

import typer

# Typer's click exceptions, found from the one it exports (Typer 0.2x vendors click under a private name).
_BASES: Final = {cls.__name__: cls for cls in typer.BadParameter.__mro__}
ClickException: Final[type[Exception]] = _BASES["ClickException"]
UsageError: Final[type[Exception]] = _BASES["UsageError"]

# The arguments of the commands, by their parameter names.
ARGUMENTS: Final = {"case_file": "案件文件", "before": "变化前的案件文件", "after": "变化后的案件文件",
                    "source": "输入（案件文件、JSON Lines、Parquet 或者目录）", "rule_id": "规则编号"}
_KINDS: Final = {"integer": "整数", "float": "数字", "boolean": "是否"}


def _value_problem(message: str) -> str:
    """A bad value's English detail said in Chinese, where its wording is one Typer uses."""
    found = re.fullmatch(r"(?:Value error, )?'(.*)' is not one of (.*)\.", message, re.DOTALL)
    if found:
        choices = "、".join(re.findall(r"'([^']*)'", found[2]))
        return f"“{found[1]}”不是可选的取值（可选：{choices}）"
    found = re.fullmatch(r"'(.*)' is not a valid (integer|float|boolean)(?: range)?\.", message, re.DOTALL)
    if found:
        return f"“{found[1]}”不是有效的{_KINDS[found[2]]}"
    found = re.fullmatch(r"(?:File|Directory|Path) '(.*)' does not exist\.", message, re.DOTALL)
    if found:
        return f"“{found[1]}”不存在"
    return f"取值无效（{message}）"


def _hint(error: Exception) -> str:
    """The parameter an error is about, as the officer would name it."""
    param = getattr(error, "param", None)
    name = getattr(param, "name", None)
    if name in ARGUMENTS:
        return f"“{ARGUMENTS[name]}”"
    options = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    return f"选项 {options[0]}" if options else f"参数 {name}"


def usage_error_zh(error: Exception) -> str:
    """The usage error `error` (one of Typer's) said in Chinese, with what was typed."""
    kind = type(error).__name__
    message = str(getattr(error, "message", "")).strip()
    if kind == "MissingParameter":
        return f"缺少{_hint(error)}。"
    if kind == "BadParameter":
        return f"{_hint(error)}：{_value_problem(message)}。"
    if kind == "NoSuchOption":
        possible = sorted(getattr(error, "possibilities", None) or [])
        also = f"（您是否想用：{'、'.join(possible)}）" if possible else ""
        return f"没有这个选项：{getattr(error, 'option_name', '')}{also}。"
    if kind == "BadOptionUsage":
        found = re.fullmatch(r"Option '(.*)' requires (an argument|\d+ arguments)\.", message)
        if found:
            return f"选项 {found[1]} 后面需要写上取值。"
    found = re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", message)
    if found:
        return f"多出了参数：{found[1]}。"
    found = re.fullmatch(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?", message)
    if found:
        guess = f"（您是否想用 {found[2]}）" if found[2] else ""
        return f"没有这个命令：{found[1]}{guess}。"
    return f"命令行有误（{message}）。"


def _help_line(error: Exception, command: str | None) -> str:
    """Where to look: the help of the command the error is in (an option's value error has no context)."""
    context = getattr(error, "ctx", None)
    path = getattr(context, "command_path", None) or " ".join(["legalrules", *([command] if command else [])])
    return f"运行“{path} --help”查看用法。"


def run_in_chinese(app: typer.Typer, command: str | None) -> NoReturn:
    """Run the application (`command` is the one named), saying its usage errors in Chinese; exit with its code."""
    from .common import say  # noqa: PLC0415 - what was typed is shown, never sent raw (an escape sequence)

    try:
        code = app(prog_name="legalrules", standalone_mode=False)
    except UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # the help itself, as Typer shows it
            say(str(getattr(error, "message", "")), err=True)
        else:
            say(f"错误: {usage_error_zh(error)}\n{_help_line(error, command)}", err=True)
        sys.exit(getattr(error, "exit_code", 2))
    except ClickException as error:  # not a usage error (none is raised today): as Typer says it
        error.show()  # type: ignore[attr-defined]
        sys.exit(getattr(error, "exit_code", 1))
    except typer.Abort:
        say("已中止。", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
