"""`legalrules ask`: an interview asking only what can still change one answer, driven from stdin and a terminal."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from legalrules import Engine, load_case
from legalrules.frontends.cli.app import app

from ..conftest import ROOT

THEFT = str(ROOT / "examples" / "theft_unknowns.yaml")  # interrogated 2025-11-02; much unknown
MURDER = str(ROOT / "examples" / "murder_interrogation.yaml")  # recording required by Art. 4
FRAUD = str(ROOT / "examples" / "fraud_detention_pending.yaml")
THEFT_AS_OF = ["--as-of", "2025-11-03T09:00:00+08:00"]
ABOUT_AV = ["--about", "av_2014:recording_required@interrogations[0]"]


def _ask(*args: str, answers: str) -> Result:
    return CliRunner().invoke(app, ["ask", *args], input=answers)


def _asked(out: str) -> list[str]:
    return [line.split(" ", 2)[1] for line in out.splitlines() if line.startswith("Q")]


def test_from_stdin_it_asks_only_deciding_facts_and_stops_once_settled(engine: Engine) -> None:
    """Two answers settle it: each question was one of the engine's deciding facts; the answer cites Art. 6."""
    deciding = engine.evaluate(load_case(THEFT), as_of=datetime.fromisoformat(THEFT_AS_OF[1])).find(
        "recording_required", "interrogations[0]", "av_2014").deciding_facts
    result = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, answers="no\nyes\nyes\nyes\n")
    assert result.exit_code == 0, result.output
    asked = _asked(result.stdout)
    assert len(asked) == 2 and all(path in deciding for path in asked)
    assert ("Answer:\nThe interrogation must be recorded on audio and video (interrogation 1; AV Provisions 2014): YES"
            in result.stdout)
    assert "AV Provisions 2014 Art. 6 (av_2014.art6)" in result.stdout
    assert "A2> yes" in result.stdout  # a script's answers are echoed into the transcript


def test_an_invalid_answer_is_refused_as_a_file_would_refuse_it_and_asked_again() -> None:
    """'maybe' is not a bool: the file's message, then the same question again."""
    result = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, answers="maybe\nno\nyes\n")
    assert result.exit_code == 0, result.output
    assert "! " in result.stdout and "received 'maybe' (str); expected a valid boolean" in result.stdout
    assert result.stdout.count("A1> ") == 2 and "Answer:" in result.stdout


def test_skipped_questions_are_not_asked_again() -> None:
    """Enter leaves a fact unknown and moves on to the next; it is never asked twice."""
    result = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, answers="\n\nyes\n")
    asked = _asked(result.stdout)
    assert len(asked) == 3 and len(set(asked)) == 3 and "Answer:" in result.stdout


def test_a_settled_answer_asks_nothing() -> None:
    """The murder case decides recording under Art. 4 already: no question."""
    result = _ask(MURDER, *ABOUT_AV, answers="")
    assert result.exit_code == 0 and _asked(result.stdout) == []
    assert "Already determined by the case:" in result.stdout and "Art. 4" in result.stdout


def test_a_deadline_target_asks_what_its_condition_needs() -> None:
    """Whether the 24-hour summons limit applies depends on one fact; one answer settles it."""
    result = _ask(FRAUD, "--as-of", "2026-11-21T15:00:00+08:00", "--set", "circumstances.especially_major_and_complex=null",
                  "--about", "summons_or_compelled_appearance_end_especially_major", answers="yes\n")
    assert result.exit_code == 0, result.output
    assert _asked(result.stdout) == ["circumstances.especially_major_and_complex"]
    assert ("Answer:\nIn an especially major and complex case needing detention or arrest, a summons or compelled "
            "appearance lasts at most 24 hours (event 1): due 2026-11-22 Sun 08:00 (+08:00)") in result.stdout
    assert "(CPL Art. 119 para. 2)" in result.stdout


def test_the_completed_case_is_written_and_decides_the_same(tmp_path: Path, engine: Engine) -> None:
    """-o writes the case with the answers in; evaluated again it gives the interview's answer."""
    target = tmp_path / "completed.yaml"
    result = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, "-o", str(target), answers="no\nyes\n")
    assert result.exit_code == 0, result.output
    decision = engine.evaluate(load_case(target), as_of=datetime.fromisoformat(THEFT_AS_OF[1]))
    assert decision.find("recording_required", "interrogations[0]", "av_2014").value == "true"


def test_the_end_of_input_stops_with_what_is_known_so_far(tmp_path: Path) -> None:
    """No more answers: the interview says so and shows the answer as it stands; exit 0."""
    result = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, answers="no\n")
    assert result.exit_code == 0
    assert "No more answers; so far:" in result.stdout and "UNDETERMINED" in result.stdout


@pytest.mark.parametrize("args", [["--about", "no_such_conclusion"], ["--about", ""],
                                  ["--about", "recording_required", "-o", "/no/such/dir/out.yaml"]])
def test_a_bad_target_or_output_is_refused_before_any_question(args: list[str]) -> None:
    """Exit 2, nothing asked, nothing on stdout."""
    result = _ask(THEFT, *THEFT_AS_OF, *args, answers="yes\n")
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output, result.output


def test_at_a_terminal_it_prompts_and_reads_answers_as_typed() -> None:
    """Through a pseudo-terminal: the question, the prompt, typed answers, the answer; nothing echoed twice."""
    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ, COLUMNS="120")
    child = pexpect.spawn(sys.executable, ["-m", "legalrules", "ask", THEFT, *THEFT_AS_OF, *ABOUT_AV],
                          env=env, encoding="utf-8", timeout=60)
    try:
        child.expect(r"Q1\. (\S+)")
        first = child.match.group(1)
        child.expect("A1> ")
        child.sendline("no")
        child.expect(r"Q2\. (\S+)")
        assert child.match.group(1) != first
        child.expect("A2> ")
        child.sendline("yes")
        child.expect("Answer:")
        child.expect(r"The interrogation must be recorded on audio and video \(interrogation 1; AV Provisions 2014\): YES")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert child.before.count("yes") <= 1  # the terminal echoes what was typed; the command adds no echo


def test_the_completed_case_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    """An existing -o target is refused before any question unless --force; the case file itself never."""
    target = tmp_path / "completed.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    refused = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, "-o", str(target), answers="no\nyes\n")
    assert refused.exit_code == 2 and "give --force" in refused.stderr and target.read_text() == "keep me\n"
    forced = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, "-o", str(target), "--force", answers="no\nyes\n")
    assert forced.exit_code == 0 and "case:" in target.read_text(encoding="utf-8")
    own = _ask(THEFT, *THEFT_AS_OF, *ABOUT_AV, "-o", THEFT, "--force", answers="no\nyes\n")
    assert own.exit_code == 2 and "it is an input of this command" in own.stderr
