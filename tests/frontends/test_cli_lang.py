"""`--lang zh|en` on evaluate, deadlines, rules and explain; Chinese by default under a Chinese locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from legalrules.documents.text.phrases import PHRASES
from legalrules.frontends.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FRAUD = str(EXAMPLES / "fraud_detention_pending.yaml")
AS_OF = ["--as-of", "2026-11-21T15:00:00+08:00"]
NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke the app in-process with the given locale variables."""
    return CliRunner().invoke(app, list(args), env={**NO_LOCALE, **(env or {})})


def test_evaluate_in_chinese_cites_as_a_statute_is_cited() -> None:
    """The answer reads in Chinese: duties in the statute's words, citations as 《刑事诉讼法》第八十五条第二款."""
    result = run("evaluate", FRAUD, *AS_OF, "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "通知家属（24小时）（d1）：尚余19小时25分钟。依据《刑事诉讼法》第八十五条第" in out
    assert "可延长：在特殊情况下，提请审查批准的时间可以延长一日至四日" in out
    # PSP 2020 sets the same duty for public security: one line cites both.
    assert "讯问的时候，侦查人员不得少于二人（《刑事诉讼法》第一百一十八条第一款、《公安机关办理刑事案件程" in out
    assert "Violations" not in out and "What the law requires" not in out
    assert not re.search(r"crim_proc|av_2014", out)


def test_chinese_is_the_default_under_a_chinese_locale() -> None:
    """LANG=zh_CN.UTF-8 gives Chinese without --lang; --lang en still gives English."""
    chinese = run("evaluate", FRAUD, *AS_OF, env={"LANG": "zh_CN.UTF-8"})
    english = run("evaluate", FRAUD, *AS_OF, "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    default = run("evaluate", FRAUD, *AS_OF, env={"LANG": "en_US.UTF-8"})
    assert "正在计算的期限：" in chinese.stdout
    assert "Deadlines running:" in english.stdout and "Deadlines running:" in default.stdout


def test_deadline_table_in_chinese() -> None:
    """Headers, due times, statuses and extension options in Chinese; the columns still line up."""
    result = run("deadlines", FRAUD, *AS_OF, "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert re.search(r"^期限 +事项 +依据 +状态$", out, re.M)
    assert "2026-11-24 周二 23:59:59  提请批准逮捕（3日）" in out
    assert "尚余3天8小时59分钟" in out
    assert "> 可延长：对于流窜作案、多次作案、结伙作案的重大嫌疑分子" in out


def test_rules_in_chinese_quote_the_statute() -> None:
    """`rules --lang zh` lists each crim_proc rule by its Chinese citation and its own words."""
    result = run("rules", "--ruleset", "crim_proc", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "《刑事诉讼法》第一百一十八条第一款：讯问犯罪嫌疑人必须由人民检察院或者公安机关的侦查人员负责进行。" in result.stdout
    assert "《刑事诉讼法》第八十五条第二款：期限 通知家属（24 hours）" not in result.stdout
    assert "《刑事诉讼法》第八十五条第二款：期限 通知家属（24小时）" in result.stdout


def test_explain_in_chinese_heads_with_the_citation_and_the_words() -> None:
    """`explain --lang zh` starts with the Chinese citation, the statute's words and the conclusion."""
    result = run("explain", FRAUD, "crim_proc.art118.1", *AS_OF, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("《刑事诉讼法》第一百一十八条第一款（规则 crim_proc.art118.1）")
    assert "成立时得出：讯问的时候，侦查人员不得少于二人" in result.stdout


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_exists_in_both_languages_with_the_same_blanks(key: str) -> None:
    """English stays equal: each phrase has both texts and both fill the same placeholders."""
    zh, en = PHRASES[key]
    assert zh and en
    assert sorted(re.findall(r"\{(\w+)\}", zh)) == sorted(re.findall(r"\{(\w+)\}", en))


def test_agenda_and_calendar_in_chinese(tmp_path: Path) -> None:
    """`deadlines --lang zh --md --html`: headings, due times, statuses and extension options in Chinese."""
    agenda, calendar = tmp_path / "a.md", tmp_path / "c.html"
    result = run("deadlines", FRAUD, *AS_OF, "--lang", "zh", "--md", str(agenda), "--html", str(calendar))
    assert result.exit_code == 0, result.output
    md, html = agenda.read_text(encoding="utf-8"), calendar.read_text(encoding="utf-8")
    assert md.startswith("# 期限：案件 浙公刑〔2026〕1121")
    assert "- **23:59:59** 提请批准逮捕（3日） (d1): **尚余3天8小时59分钟**" in md
    assert "  - 可延长：在特殊情况下，提请审查批准的时间可以延长一日至四日" in md
    assert '<html lang="zh-CN">' in html and "<h2>2026年11月</h2>" in html and "周一" in html
    assert "family_notification" not in md and "family_notification" not in html.split("<body>")[1]


def test_full_listing_in_chinese() -> None:
    """`evaluate --full --lang zh`: the whole decision in Chinese, each conclusion with its Chinese
    citation and the statute's words, deadlines with Chinese statuses; English stays with `--lang en`."""
    result = run("evaluate", FRAUD, *AS_OF, "--full", "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("案件 浙公刑〔2026〕1121：截至 2026-11-21 周六 15:00（北京时间）的全部结论")
    assert "摘要：" in out and "详情：" in out and "《刑事诉讼法》第一百一十八条第一款（规则 crim_proc.art118.1）" in out
    assert "“讯问犯罪嫌疑人必须由人民检察院或者公安机关的侦查人员负责进行。" in out
    assert "尚余19小时25分钟" in out and "Summary:" not in out
    assert "Summary:" in run("evaluate", FRAUD, *AS_OF, "--full", "--lang", "en").stdout


def test_explain_in_chinese_gives_the_rulesets_chinese_interpretation() -> None:
    """The interpretation of an open text is the ruleset's own Chinese (`interpretation_zh`), whole."""
    murder = str(EXAMPLES / "murder_interrogation.yaml")
    result = run("explain", murder, "av_2014.art4.1.5", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "  解释：法定最高刑恰为十年的也属本项，因为中文原文（可能判处十年以上有期徒刑）中的“以上”包括本数" in result.stdout
    assert "只有英文" not in result.stdout and "interpretation:" not in result.stdout
    assert "interpretation: A statutory maximum of exactly ten years qualifies" in \
        run("explain", murder, "av_2014.art4.1.5", "--lang", "en").stdout


def test_full_listing_in_chinese_gives_each_interpretations_first_sentence() -> None:
    murder = str(EXAMPLES / "murder_interrogation.yaml")
    out = run("evaluate", murder, "--full", "--lang", "zh").stdout
    assert "解释：此处只编码第十条第二句，适用于每一次已录音录像的讯问。\n" in out
    assert "第一句（录音录像自讯问开始时开始" not in out  # the second sentence is explain's
    assert "只有英文" not in out
