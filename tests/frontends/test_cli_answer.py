"""`legalrules evaluate` answers first; `--full` keeps the whole listing; items are typed and read by id."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner, Result

from legalrules.frontends.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MURDER = str(EXAMPLES / "murder_summons_to_arrest.yaml")
FRAUD = str(EXAMPLES / "fraud_detention_pending.yaml")


def run(*args: str) -> Result:
    """Invoke the app in-process."""
    return CliRunner().invoke(app, list(args))


def test_evaluate_prints_the_answer_and_full_the_listing() -> None:
    """By default the one-screen answer; with --full the rulesets, summary and details as before."""
    short = run("evaluate", MURDER, "--as-of", "2025-10-09T12:00:00+08:00")
    full = run("evaluate", MURDER, "--as-of", "2025-10-09T12:00:00+08:00", "--full")
    assert short.exit_code == 0 and full.exit_code == 0, (short.output, full.output)
    assert "the answer as of 2025-10-09 Thu 12:00" in short.stdout
    assert "Deadlines running:" in short.stdout and "Details:" not in short.stdout
    assert "Rulesets:" in full.stdout and "Details:" in full.stdout
    assert len(short.stdout.splitlines()) * 5 < len(full.stdout.splitlines())


def test_deadline_table_names_items_by_id_and_shows_extension_options() -> None:
    """The table reads `d1`, not `measures[1]` or a duty identifier, and lists Art. 91's options."""
    result = run("deadlines", FRAUD, "--as-of", "2026-11-21T15:00:00+08:00")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not re.search(r"measures\[\d|\barrest_approval_request\b", out)
    assert "CPL Art. 91 para. 1" in out
    assert "> extension: special circumstances: due 2026-11-28 Sat 23:59:59 if extended" in out


def test_agenda_and_calendar_show_extension_options(tmp_path: Path) -> None:
    """The Markdown agenda and the HTML calendar carry the extension options too."""
    agenda, calendar = tmp_path / "a.md", tmp_path / "c.html"
    result = run("deadlines", FRAUD, "--as-of", "2026-11-21T15:00:00+08:00", "--md", str(agenda),
                 "--html", str(calendar))
    assert result.exit_code == 0, result.output
    for path in (agenda, calendar):
        text = path.read_text(encoding="utf-8")
        assert "extension: major suspect in roving, serial or gang crimes: due 2026-12-21 Mon 23:59:59" in text


def test_notice_subject_takes_the_case_id() -> None:
    """`--subject d1` picks the detention the case calls d1, as `--subject measures[1]` does."""
    by_id = run("notice", MURDER, "--kind", "detention_family_notice", "--subject", "d1",
                "--as-of", "2025-10-09T12:00:00+08:00")
    by_position = run("notice", MURDER, "--kind", "detention_family_notice", "--subject", "measures[1]",
                      "--as-of", "2025-10-09T12:00:00+08:00")
    assert by_id.exit_code == 0, by_id.output
    assert by_id.stdout == by_position.stdout


def test_notice_subject_unknown_id_is_bad_input() -> None:
    """An id the case does not give exits 2 listing the ids it does."""
    result = run("notice", MURDER, "--kind", "detention_family_notice", "--subject", "d9")
    assert result.exit_code == 2
    assert "'d9'" in result.stderr and "'d1'" in result.stderr


def test_subject_narrows_evaluate_and_deadlines_to_one_item_by_its_id() -> None:
    """`--subject after-arrest` answers for that interrogation alone; `--subject a1` lists the arrest's
    deadlines alone; `--json` is cut the same way; an id the case does not give is refused by name."""
    later = ["--as-of", "2026-12-01T12:00:00+08:00"]
    one = run("evaluate", MURDER, *later, "--subject", "after-arrest")
    assert one.exit_code == 0, one.output
    assert " after-arrest:" in one.stdout and "at-the-venue" not in one.stdout
    table = run("deadlines", MURDER, *later, "--subject", "a1")
    assert table.exit_code == 0, table.output
    assert "\n                         a1\n" in table.stdout and "\n                         d1\n" not in table.stdout
    as_json = run("evaluate", MURDER, *later, "--subject", "interrogations[2]", "--json")
    assert {c["subject"] for c in json.loads(as_json.stdout)["conclusions"]} == {"interrogations[2]"}
    refused = run("evaluate", MURDER, *later, "--subject", "q9")
    assert refused.exit_code == 2 and "'q9'" in refused.stderr and "after-arrest" in refused.stderr


def test_explain_names_subjects_by_id_and_subject_keeps_one() -> None:
    """`explain --subject after-arrest` gives that interrogation's tree alone, named by its id."""
    later = ["--as-of", "2026-12-01T12:00:00+08:00"]
    one = run("explain", MURDER, "crim_proc.art118.1", *later, "--subject", "after-arrest")
    assert one.exit_code == 0, one.output
    assert "On after-arrest: the rule holds" in one.stdout
    assert "at-the-venue" not in one.stdout and "interrogations[" not in one.stdout
    every = run("explain", MURDER, "crim_proc.art118.1", *later)
    assert "On at-the-venue:" in every.stdout and "On after-arrest:" in every.stdout
