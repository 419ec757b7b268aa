"""what-if, diff, sweep and ask in Chinese: titles from the rulesets, citations as statutes are cited,
facts by their Chinese terms, due times in local time, questions asked and answered in Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from legalrules import Engine
from legalrules.documents.vocabulary import Vocabulary
from legalrules.frontends.cli.app import app

from ..conftest import ROOT

EXAMPLES = ROOT / "examples"
EIGHTEEN = str(EXAMPLES / "theft_turning_eighteen.yaml")  # interrogated on 2025-11-03; born 2007-11-02
EVE = str(EXAMPLES / "detention_national_day_eve.yaml")  # detained 2026-09-30 21:00 (d1)
THEFT = str(EXAMPLES / "theft_unknowns.yaml")
NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
NOTIFIED = 'events[+]={kind: family_notified, at: "2026-10-02T08:00:00+08:00", measure: d1}'


def _run(*args: str, answers: str | None = None, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), input=answers, env=env or NO_LOCALE)
    assert result.exit_code == 0, result.output
    return result


def _title_zh(engine: Engine, ruleset: str, conclusion: str) -> str:
    return Vocabulary.of(engine.all_rulesets, "zh").conclusion_titles_zh[(ruleset, conclusion)]


def test_what_if_in_chinese_names_a_flipped_conclusion_by_its_title_citation_and_facts(engine: Engine) -> None:
    """A day younger, the suspect is a minor at the interrogation: Art. 6's circumstance flips, said by its
    `title_zh` on the case's id `q1`, the CPL clause cited in Chinese, the age by its Chinese term."""
    out = _run("what-if", EIGHTEEN, "--as-of", "2025-11-04T09:00+08:00", "--set", "suspect.birth_date=2007-11-03",
               "--lang", "zh").stdout
    title = _title_zh(engine, "av_2014", "art6_circumstance")
    assert f"{title}（q1；《公安机关讯问犯罪嫌疑人录音录像工作规定》）：否 -> 是" in out
    assert "《刑事诉讼法》第二百八十一条第一款（规则 crim_proc.art281.1）：不成立 -> 成立" in out
    assert "讯问时的周岁年龄（suspect.age_at_interrogation）：18 -> 17" in out
    # A conclusion another one rests on is said by its title too, not its name.
    assert f"“{title}”：否 -> 是" in out and "art6_circumstance" not in out
    assert "变化的结论（10项）：" in out and "Conclusions" not in out


def test_what_if_in_chinese_gives_a_moved_deadline_in_local_time_and_the_violation_it_makes() -> None:
    """Notifying the family at 08:00 on 2 October: the Art. 85 deadline (due 10-01 21:00 Beijing time) is now
    missed by 11 hours, said as the deadline table says it, and the violation appears."""
    out = _run("what-if", EVE, "--as-of", "2026-10-02T12:00+08:00", "--set", NOTIFIED, "--lang", "zh").stdout
    assert "  通知家属（24小时）（d1；《刑事诉讼法》第八十五条第二款）" in out
    assert "届满 2026-10-01 周四 21:00 -> 2026-10-01 周四 21:00；期限已届满，案件材料未载明是否履行 -> 逾期11小时完成" in out
    assert ("+ 新出现：通知家属（24小时）（d1）：应于2026-10-01 周四 21:00前完成，逾期11小时完成。"
            "依据《刑事诉讼法》第八十五条第二款") in out
    assert "family_notification" not in out and "measures[" not in out


def test_diff_in_chinese_between_two_files(tmp_path: Path, engine: Engine) -> None:
    """Two files: the same flip as `what-if`, headed by the two files in Chinese."""
    changed = tmp_path / "younger.yaml"
    changed.write_text(Path(EIGHTEEN).read_text(encoding="utf-8").replace("2007-11-02", "2007-11-03"), encoding="utf-8")
    out = _run("diff", EIGHTEEN, str(changed), "--as-of", "2025-11-04T09:00+08:00", "--lang", "zh").stdout
    assert out.startswith(f"修改前：{EIGHTEEN}\n修改后：{changed}\n")
    assert f"{_title_zh(engine, 'crim_proc', 'legal_representative_presence_required')}（q1；《刑事诉讼法》）：否 -> 是" in out


def test_sweep_in_chinese_names_each_answer_and_says_why_a_due_time_jumps() -> None:
    """Detained from midnight on 1 October, the Art. 91 request is due a day later: the answer by its duty
    word and Chinese citation, the due times in local time, the custody holiday rule in Chinese."""
    out = _run("sweep", EVE, "--as-of", "2026-09-30T22:00+08:00", "--lang", "zh",
               "--vary", "measures[d1].start=2026-09-30T23:00+08:00..2026-10-01T00:00+08:00:1h").stdout
    # Only the day-counted requests change: the 24-hour clocks move with the hour.
    assert "  [1] 提请批准逮捕（3日）（d1；《刑事诉讼法》第九十一条第一款）" in out and "  [3]" not in out
    assert "▶  2026-10-01 周四 00:00  10-04 23:59 未届满" in out
    assert "  2026-10-01 周四 00:00：[1]、[2] 变化" in out
    assert "届满 2026-10-03 周六 23:59:59 -> 2026-10-04 周日 23:59:59" in out
    assert "在押期间：不因节假日而延长（《刑事诉讼法》第一百零五条第四款：在押期间，应当至期满之日为止" in out
    assert "arrest_approval_request" not in out and "pending" not in out


def test_ask_in_chinese_asks_by_the_chinese_term_and_takes_a_chinese_value(tmp_path: Path) -> None:
    """The storage question by its term, the values by theirs; `光盘` answers it (as a case file may write
    it), the answer is the conclusion's Chinese title, and the case written out holds the identifier."""
    target = tmp_path / "completed.yaml"
    out = _run("ask", THEFT, "--as-of", "2025-11-03T09:00+08:00", "--about", "disc_handover_required",
               "--lang", "zh", "-o", str(target), answers="光盘\n").stdout
    assert "问1. 录音录像存储方式（interrogations[0].recording_storage）" in out
    assert "（可答：1) 光盘 / 2) 硬盘；直接回车或者输入 ? 表示不知道）" in out
    assert "答案：\n刻录的光盘应当在二十四小时内移交保管（第1项讯问；《公安机关讯问犯罪嫌疑人录音录像工作规定》）：是" in out
    assert "recording_storage: optical_disc" in target.read_text(encoding="utf-8")


def test_ask_in_chinese_takes_yes_and_no_and_refuses_in_chinese() -> None:
    """是/否 answer a yes-or-no question; a reply that is neither is refused in Chinese and asked again."""
    out = _run("ask", THEFT, "--as-of", "2025-11-03T09:00+08:00", "--about", "av_2014:recording_required@interrogations[0]",
               "--lang", "zh", answers="也许\n否\n是\n").stdout
    assert out.count("答1> ") == 2 and "收到 '也许'" in out
    assert "答案：\n应当对讯问过程进行录音录像（第1项讯问；《公安机关讯问犯罪嫌疑人录音录像工作规定》）：是" in out
    assert "《公安机关讯问犯罪嫌疑人录音录像工作规定》第六条（规则 av_2014.art6）" in out


def test_a_chinese_locale_gives_chinese_and_json_stays_the_contract() -> None:
    """Under LANG=zh_CN the text is Chinese without --lang; --json is the same document in either language."""
    args = ["what-if", EVE, "--as-of", "2026-10-02T12:00+08:00", "--set", NOTIFIED]
    assert _run(*args, env={**NO_LOCALE, "LANG": "zh_CN.UTF-8"}).stdout.startswith("修改前：")
    assert _run(*args, "--lang", "en", env={**NO_LOCALE, "LANG": "zh_CN.UTF-8"}).stdout.startswith("Before:")
    zh, en = (json.loads(_run(*args, "--json", "--lang", lang).stdout) for lang in ("zh", "en"))
    assert zh == en and zh["after"].endswith(" with --set")


@pytest.mark.parametrize("command", [["what-if", "--set", "suspect.deaf=true"], ["sweep", "--vary", "suspect.deaf=*"]])
def test_english_names_answers_by_title_and_items_by_the_case_ids(command: list[str]) -> None:
    """English too: `q1`, not `interrogations[0]`; a title, not a conclusion's name."""
    name, *options = command
    out = _run(name, EIGHTEEN, "--as-of", "2025-11-04T09:00+08:00", *options, "--lang", "en").stdout
    assert "(q1; " in out and "interrogations[0]" not in out and "_required" not in out
