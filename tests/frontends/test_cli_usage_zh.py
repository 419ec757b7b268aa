"""A command line Typer refuses (a missing file, an unknown option or command, a bad value) is
refused in Chinese for a Chinese run, through the real console entry point; English stays Typer's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from legalrules.frontends.cli.language import wants_chinese

from .test_cli_errors_zh import ENGLISH_RUN, MURDER

CASES = [  # (arguments, what the Chinese says, where to look for help)
    (["evaluate"], "错误: 缺少“案件文件”。", "legalrules evaluate --help"),
    (["diff", MURDER], "错误: 缺少“变化后的案件文件”。", "legalrules diff --help"),
    (["evaluate", MURDER, "--bogus"], "错误: 没有这个选项：--bogus。", "legalrules evaluate --help"),
    (["evaluate", MURDER, "--weekends", "nope"],
     "错误: 选项 --weekends：“nope”不是可选的取值（可选：rest_days、working_days）。", "legalrules evaluate --help"),
    (["deadlines", MURDER, "--as-of"], "错误: 选项 --as-of 后面需要写上取值。", "legalrules deadlines --help"),
    (["evaluate", MURDER, "extra"], "错误: 多出了参数：extra。", "legalrules evaluate --help"),
    (["evalu"], "错误: 没有这个命令：evalu（您是否想用 evaluate）。", "legalrules --help"),
]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LC_MESSAGES", "LANG"}}
    return subprocess.run([sys.executable, "-m", "legalrules", *args], capture_output=True, text=True,
                          env={**clean, **env}, timeout=60)


@pytest.mark.parametrize(("args", "said", "help_for"), CASES, ids=[" ".join(c[0][:1] + c[0][2:]) for c in CASES])
def test_a_refused_command_line_is_refused_in_chinese(args: list[str], said: str, help_for: str) -> None:
    result = _run([args[0], "--lang", "zh", *args[1:]])  # first: `--as-of` would take it as its value
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"{said}\n运行“{help_for}”查看用法。\n"
    assert not ENGLISH_RUN.search(result.stderr) and result.stdout == ""


def test_a_chinese_locale_without_lang_is_a_chinese_run_and_lang_en_overrides_it() -> None:
    assert _run(["evaluate"], LANG="zh_CN.UTF-8").stderr.startswith("错误: 缺少“案件文件”。")
    english = _run(["evaluate", "--lang", "en"], LANG="zh_CN.UTF-8")
    assert english.returncode == 2 and "Missing argument" in english.stderr and "错误" not in english.stderr


def test_what_was_typed_is_shown_never_sent_raw() -> None:
    result = _run(["evaluate", MURDER, "--bo\x1b[31mgus", "--lang", "zh"])
    assert result.returncode == 2 and "\x1b" not in result.stderr and "--bo␛[31mgus" in result.stderr


def test_the_language_is_the_last_lang_given_else_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert wants_chinese(["evaluate", "--lang", "zh"]) and wants_chinese(["--lang=zh", "x"])
    assert not wants_chinese(["evaluate", "--lang", "zh", "--lang", "en"]) and not wants_chinese(["evaluate"])
    assert not wants_chinese(["evaluate", "--", "--lang", "zh"])  # after "--" it is an argument
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert wants_chinese(["evaluate"]) and not wants_chinese(["evaluate", "--lang", "en"])


def test_a_chinese_run_that_succeeds_or_asks_for_help_exits_as_before() -> None:
    shown = _run(["evaluate", MURDER, "--lang", "zh", "--as-of", "2026-12-01T12:00:00+08:00"])
    assert shown.returncode == 0 and "错误" not in shown.stderr and shown.stdout
    helped = _run(["evaluate", "--help", "--lang", "zh"])
    assert helped.returncode == 0 and "--lang" in helped.stdout
