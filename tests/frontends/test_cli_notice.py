"""`legalrules notice`: a notice to stdout or a file, --list, and refusals that exit 2 naming what is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner, Result

from legalrules.frontends.cli.app import app

from ..conftest import ROOT

PENDING = [str(ROOT / "examples" / "fraud_detention_pending.yaml"), "--as-of", "2026-11-21T15:00:00+08:00"]
ARRESTED = [str(ROOT / "examples" / "murder_summons_to_arrest.yaml"), "--as-of", "2025-12-10T09:00:00+08:00"]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["notice", *args])


def assert_refused(result: Result, *needles: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == "" and result.stderr.startswith("Error: ") and "Traceback" not in result.output
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


def test_a_detention_notice_in_chinese_markdown_on_stdout() -> None:
    """The default is Chinese Markdown; the due time reads 2026年11月22日 10时25分."""
    result = run("--kind", "detention_family_notice", *PENDING)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("【待填写：办案机关名称】\n\n# 拘留通知书\n\n【待填写：文号】\n\n案号：浙公刑〔2026〕1121\n")
    assert "2026年11月22日 10时25分前" in result.stdout


def test_html_in_english_to_a_file(tmp_path: Path) -> None:
    """-o writes the file (nothing on stdout) and says so on stderr."""
    target = tmp_path / "notice.html"
    result = run("--kind", "summons_time_record", "--lang", "en", "--format", "html", "-o", str(target), *PENDING)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "ends by 21 November 2026, 20:00" in html


def test_list_says_which_notices_and_why_and_why_not_the_others() -> None:
    """Each call with its subject and reason; each absent kind with the refusal it would get."""
    result = run("--list", *ARRESTED)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.split()[:2] == ["arrest_family_notice", "measures[2]"] and "Art. 93 para. 2" in line
               for line in lines)
    assert sum(line.split()[:1] == ["recording_memo"] for line in lines) == 3
    absent = result.stdout.split("Not called for:", 1)[1]
    assert "deadline_memo" in absent and "no deadline is pending" in absent


def test_refusals_exit_2_naming_what_is_missing() -> None:
    """No arrest, several candidates, an unknown kind, neither or both of --kind and --list."""
    murder = str(ROOT / "examples" / "murder_interrogation.yaml")
    assert_refused(run(murder, "--kind", "arrest_family_notice"),
                   "calls for no arrest_family_notice", "no arrest measure with a start time in measures[]")
    assert_refused(run("--kind", "recording_memo", *ARRESTED), "choose one with --subject")
    assert_refused(run("--kind", "notice_of_arrest", *ARRESTED), "--kind: received 'notice_of_arrest'")
    assert_refused(run(*ARRESTED), "give either --kind KIND or --list (received neither)")
    assert_refused(run("--list", "--kind", "deadline_memo", *ARRESTED), "(received both)")


def test_an_unwritable_output_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    """A directory that does not exist is bad input, named."""
    target = tmp_path / "missing" / "notice.md"
    assert_refused(run("--kind", "deadline_memo", "-o", str(target), *PENDING), "its directory does not exist")
    assert not target.exists()


def test_the_installed_command_gives_byte_identical_output_twice() -> None:
    """Two processes, same case and as-of: the same bytes (no clock, no locale, no hash order)."""
    command = [sys.executable, "-m", "legalrules", "notice", "--kind", "deadline_memo", "--format", "html", *PENDING]
    first, second = (subprocess.run(command, capture_output=True, check=True,
                                    env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2"))
    assert first.stdout == second.stdout and first.stdout.startswith(b"<!DOCTYPE html>")


def test_the_readings_of_evaluate_apply_to_the_notice() -> None:
    """--hour-reading from_next_full_hour moves the 10:25 detention's notice to 11:00 the next day."""
    result = run("--kind", "detention_family_notice", "--lang", "en", "--hour-reading", "from_next_full_hour",
                 "--age-counting", "from_birthday", *PENDING)
    assert result.exit_code == 0, result.output
    assert "**22 November 2026, 11:00**" in result.stdout
