"""Under `--lang zh` the command line's own errors and `notice --list` are said in Chinese; English stays English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from legalrules.frontends.cli.app import app
from legalrules.frontends.cli.errors_zh import input_error_zh

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MURDER = str(EXAMPLES / "murder_interrogation.yaml")
FRAUD = str(EXAMPLES / "fraud_detention_pending.yaml")
AS_OF = ("--as-of", "2026-12-01T12:00:00+08:00")
# Four English words in a row, outside identifiers, paths and code.
ENGLISH_RUN = re.compile(r"(?<![\w./`'\[-])[A-Za-z][a-z']*(?:[ ,;]+[A-Za-z][a-z']*){3,}")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""})


def test_option_errors_in_chinese() -> None:
    """--as-of without a time, an unknown --subject, an unknown rule: 错误, in Chinese, exit 2."""
    for args in (("evaluate", MURDER, "--as-of", "2026-12-01"), ("evaluate", MURDER, *AS_OF, "--subject", "zz"),
                 ("explain", MURDER, "crim_proc.art999", *AS_OF), ("deadlines", MURDER, "--as-of", "yesterday"),
                 ("notice", MURDER, "--kind", "arrest_notice", *AS_OF), ("notice", MURDER, "--list", "--kind",
                                                                           "deadline_memo", *AS_OF)):
        result = run(*args, "--lang", "zh")
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("错误: ") and not ENGLISH_RUN.search(result.stderr), result.stderr
    english = run("evaluate", MURDER, "--as-of", "2026-12-01", "--lang", "en")
    assert english.stderr.startswith("Error: --as-of: received the date '2026-12-01' without a time")


def test_a_refused_notice_in_chinese_names_what_the_case_needs() -> None:
    """An arrest notice for a case with no arrest: the Chinese refusal names the article and the measure needed."""
    result = run("notice", MURDER, "--kind", "arrest_family_notice", *AS_OF, "--lang", "zh")
    assert result.exit_code == 2
    assert "不需要制作逮捕通知书（--kind arrest_family_notice）" in result.stderr
    assert "《刑事诉讼法》第九十三条第二款" in result.stderr and "逮捕措施" in result.stderr


def test_notice_list_in_chinese() -> None:
    """`notice --list --lang zh`: each notice by its document title, why in Chinese; English by default."""
    result = run("notice", FRAUD, "--list", *AS_OF, "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "拘留通知书（--kind detention_family_notice），d1：" in out
    assert "通知家属（24小时）（《刑事诉讼法》第八十五条第二款）：应于2026-11-22 周日 10:25前完成" in out
    assert "不需要制作的文书：" in out and not ENGLISH_RUN.search(out), ENGLISH_RUN.findall(out)
    assert run("notice", FRAUD, "--list", *AS_OF).stdout.startswith("Notices for case")


def test_an_error_no_template_knows_is_kept() -> None:
    """A message without a template is kept as it is, never garbled."""
    assert input_error_zh("something new went wrong") == "something new went wrong"
    assert input_error_zh("x.md: cannot write (its directory does not exist); expected a new file path in a "
                          "writable directory") == "x.md：无法写入（所在目录不存在）；未写入任何文件"


@pytest.mark.parametrize("override", ["measures[0].start=2026-12-01T00:00+08:00", "events[0].measure=zz",
                                      "suspect.birth_date=2027-01-01", "events[0].kind=arrest_approved"])
def test_a_contradiction_a_set_makes_is_said_in_chinese(override: str) -> None:
    """A --set that contradicts the case (an end before its start, an event before its measure, an unknown
    measure id, a birth after the facts, an event naming the wrong kind of measure): refused in Chinese."""
    result = run("what-if", FRAUD, *AS_OF, "--set", override, "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert "案件文件有误" in result.stderr and not ENGLISH_RUN.search(result.stderr), result.stderr


@pytest.mark.parametrize("args", [
    ["what-if", FRAUD], ["what-if", FRAUD, "--set", "measures[9].start=1"], ["what-if", FRAUD, "--set", "a..b=1"],
    ["what-if", FRAUD, "--set", "suspect.name.x=1"], ["what-if", FRAUD, "--set", "suspect[0]=1"],
    ["sweep", FRAUD, "--vary", "suspect.deaf"], ["sweep", FRAUD, "--vary", "suspect.deaf=1..2"],
    ["sweep", FRAUD, "--vary", "suspect.birth_date=2000-01-01..1999-01-01"],
    ["sweep", FRAUD, "--vary", "suspect.deaf=*", "--show", "nothing"],
    ["ask", FRAUD, "--about", "nothing"], ["ask", FRAUD, "--about", "@q1"], ["diff", FRAUD, "/no/such/case.yaml"]])
def test_the_trainers_commands_refuse_in_chinese(args: list[str]) -> None:
    """A missing --set, a bad path, --vary, --show or --about, a missing file: 错误, in Chinese, exit 2."""
    result = run(*args, *AS_OF, "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("错误: ") and not ENGLISH_RUN.search(result.stderr), result.stderr
