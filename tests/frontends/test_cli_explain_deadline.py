"""`legalrules explain CASE DEADLINE_ID`: a deadline's text, how it was read, and where it stands on the case,
in English and Chinese alike."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner, Result

from legalrules.frontends.cli.app import app

from .test_cli_errors_zh import ENGLISH_RUN

ROOT = Path(__file__).resolve().parents[2]
DETENTION = str(ROOT / "examples" / "detention_national_day_eve.yaml")
BRIBERY = str(ROOT / "examples" / "bribery_procuratorate_2016.yaml")
AS_OF = ("--as-of", "2026-10-02T12:00:00+08:00")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["explain", *args], env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""})


def _spec(rule_id: str) -> dict[str, str]:
    """The deadline as its ruleset file writes it."""
    for path in sorted((ROOT / "rulesets").glob("*/*.yaml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("deadlines") or []:
            if item["id"] == rule_id:
                return {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in item.items()}
    raise AssertionError(rule_id)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_deadline_is_explained_with_its_reading_and_its_due_time_on_the_case() -> None:
    """CPL Art. 91 para. 1 on a detention of 30 September: the quote, the whole interpretation, due
    3 October (a custody period: not moved past the holiday), pending, and the extension options."""
    spec = _spec("crim_proc.art91.1")
    english = run(DETENTION, "crim_proc.art91.1", *AS_OF, "--lang", "en")
    assert english.exit_code == 0, english.output
    assert _flat(spec["quote"]) in _flat(english.stdout) and _flat(spec["interpretation"]) in _flat(english.stdout)
    assert "d1: due 2026-10-03 Sat 23:59:59, pending, 1 day 11 h 59 min left" in english.stdout
    assert "> extension: special circumstances: due 2026-10-07 Wed 23:59:59" in english.stdout
    chinese = run(DETENTION, "crim_proc.art91.1", *AS_OF, "--lang", "zh")
    assert chinese.exit_code == 0, chinese.output
    assert _flat(spec["interpretation_zh"]) in _flat(chinese.stdout)
    assert "d1：应于2026-10-03 周六 23:59:59前完成，尚余1天11小时59分钟" in chinese.stdout
    assert "《刑事诉讼法》第九十一条第一款" in chinese.stdout and not ENGLISH_RUN.search(chinese.stdout)
    # The computation (CPL Art. 105): a custody period ends on its last day, holiday or not.
    assert "- the suspect is in custody (在押): the period ends on its last day, 2026-10-03 (Sat)" in english.stdout
    assert "- 犯罪嫌疑人在押：期间至最后一日2026-10-03（周六）届满，即使该日为节假日" in chinese.stdout


def test_each_extension_the_law_allows_is_computed_as_if_granted(tmp_path: Path) -> None:
    """Art. 91: 4 more days run on from 3 October to the 7th; para. 2's "延长至三十日" is 30 days in all,
    to 30 October. Once the case records an extension approved, that computation is the due time's and
    is not repeated as an option."""
    english = run(DETENTION, "crim_proc.art91.1", *AS_OF, "--lang", "en").stdout
    assert "computation if extended (special circumstances, CPL Art. 91 para. 1):" in english
    assert "- day 4 after 2026-10-03 is 2026-10-07 (Wed)" in english
    assert "- day 30 after 2026-09-30 is 2026-10-30 (Fri)" in english
    chinese = run(DETENTION, "crim_proc.art91.1", *AS_OF, "--lang", "zh").stdout
    assert "延长时的计算（在特殊情况下，提请审查批准的时间可以延长一日至四日，《刑事诉讼法》第九十一条第" in chinese
    assert "- 2026-10-03之后第4日为2026-10-07（周三）" in chinese and not ENGLISH_RUN.search(chinese)
    case = yaml.safe_load(Path(DETENTION).read_text(encoding="utf-8"))
    case["measures"][1]["extensions"] = [{"basis": "special_circumstances", "approved": True, "days": 4}]
    approved = tmp_path / "approved.yaml"
    approved.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    granted = run(str(approved), "crim_proc.art91.1", *AS_OF, "--lang", "en").stdout
    assert "d1: due 2026-10-07 Wed 23:59:59" in granted
    assert "computation if extended (special circumstances" not in granted
    assert "computation if extended (major suspect in roving, serial or gang crimes" in granted


def test_a_deadline_not_started_or_not_binding_says_so() -> None:
    """No disc-burned event: what would start the clock; a public-security rule on a procuratorate case: none."""
    waiting = run(DETENTION, "av_2014.art17.2", *AS_OF, "--lang", "en")
    assert "not started: no recording_disc_burned event with a time in events[]" in waiting.stdout
    assert "尚未起算：" in run(DETENTION, "av_2014.art17.2", *AS_OF, "--lang", "zh").stdout
    other = run(BRIBERY, "psp_2020.art128", *AS_OF, "--lang", "en")
    assert other.exit_code == 0 and "no clock of this duty runs on this case" in other.stdout
    assert "d1" not in other.stdout


def test_one_subject_and_a_deadline_with_two_duties() -> None:
    """--subject cuts to one measure; psp_2020 Art. 126 para. 1 with two duties explains each."""
    cut = run(DETENTION, "crim_proc.art91.1", *AS_OF, "--lang", "en", "--subject", "s1")
    assert cut.exit_code == 0 and "no clock of this duty runs on s1" in cut.stdout and "d1:" not in cut.stdout
    ids = [line for line in run(DETENTION, "crim_proc.art85.2", *AS_OF, "--lang", "en").stdout.splitlines()
           if line.startswith("crim_proc.art85.2: ")]
    assert len(ids) >= 2, ids  # the family notice and the transfer to the detention house


def test_the_readings_switch_the_due_time() -> None:
    """--hour-reading from_next_full_hour moves a 24-hour deadline to the next full hour's count."""
    instant = run(DETENTION, "crim_proc.art86", *AS_OF, "--lang", "en").stdout
    next_hour = run(DETENTION, "crim_proc.art86", *AS_OF, "--lang", "en", "--hour-reading", "from_next_full_hour").stdout
    assert "due 2026-10-01 Thu 21:00" in instant and "due 2026-10-01 Thu 22:00" in next_hour, next_hour


def test_a_rule_is_explained_under_the_readings_asked_for(tmp_path: Path) -> None:
    """The readings reach a rule's explanation as they reach a deadline's: interrogated on his 18th birthday,
    the suspect is a minor by default (av_2014 Art. 6 para. 1 item (1) holds) and not under from_birthday."""
    case = (ROOT / "examples" / "theft_turning_eighteen.yaml").read_text(encoding="utf-8")
    birthday = tmp_path / "birthday.yaml"
    birthday.write_text(case.replace("birth_date: 2007-11-02", "birth_date: 2007-11-03"), encoding="utf-8")
    default = run(str(birthday), "av_2014.art6.1.1", *AS_OF, "--lang", "en").stdout
    counted = run(str(birthday), "av_2014.art6.1.1", *AS_OF, "--lang", "en", "--age-counting", "from_birthday").stdout
    assert "On q1: the rule holds" in default
    assert "On q1: the rule does not hold" in counted
