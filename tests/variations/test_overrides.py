"""`--set PATH=VALUE`: a fact overridden without editing the file, validated exactly as the file is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from legalrules import Engine
from legalrules.errors import CaseFileError, InputError
from legalrules.frontends.cli.app import app
from legalrules.variations.overrides import load_case_with

from ..conftest import ROOT

THEFT = ROOT / "examples" / "theft_unknowns.yaml"  # interrogated 2025-11-02; no birth date
FRAUD = ROOT / "examples" / "fraud_detention_pending.yaml"  # detention d1 = measures[1]
AS_OF = datetime.fromisoformat("2025-11-03T09:00:00+08:00")


def _art6(engine: Engine, *sets: str) -> str:
    decision = engine.evaluate(load_case_with(THEFT, sets), as_of=AS_OF)
    return decision.find("art6_circumstance", "interrogations[0]", "av_2014").value


def test_a_birth_date_set_on_the_command_line_decides_the_minor_circumstance(engine: Engine) -> None:
    """Without a birth date Art. 6 is undetermined; 17 at the interrogation makes it true; the file is untouched."""
    before = THEFT.read_bytes()
    assert _art6(engine) == "undetermined"
    assert _art6(engine, "suspect.birth_date=2008-03-11") == "true"
    assert THEFT.read_bytes() == before


def test_a_list_item_is_named_by_its_id_or_its_index(engine: Engine) -> None:
    """measures[d1].start and measures[1].start are the same place; both move the detention's deadlines."""
    by_id = load_case_with(FRAUD, ["measures[d1].start=2026-09-30T21:00:00+08:00"])
    by_index = load_case_with(FRAUD, ["measures[1].start=2026-09-30T21:00:00+08:00"])
    assert by_id == by_index
    assert by_id.measures[1].start == datetime.fromisoformat("2026-09-30T21:00:00+08:00")
    assert by_id.measures[0] == load_case_with(FRAUD).measures[0]


def test_null_makes_a_fact_unknown_and_plus_adds_an_item() -> None:
    """`null` removes the fact (unknown, not false); `[+]` appends a new list item."""
    case = load_case_with(FRAUD, ["suspect.understands_local_language=null",
                                  "events[+]={kind: family_notified, at: '2026-11-21T18:00:00+08:00', measure: d1}"])
    assert case.suspect.understands_local_language is None
    assert case.events[-1].kind == "family_notified" and len(case.events) == 2


def test_a_bad_value_gets_the_message_the_file_would_get(tmp_path: Path) -> None:
    """The same received/expected text as the same value written in the file, located by the --set."""
    written = tmp_path / "case.yaml"
    written.write_text(THEFT.read_text(encoding="utf-8") + "suspect:\n  birth_date: 2008-13-11\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as from_file:
        load_case_with(written)
    with pytest.raises(CaseFileError) as from_set:
        load_case_with(THEFT, ["suspect.birth_date=2008-13-11"])
    (file_problem,), (set_problem,) = from_file.value.problems, from_set.value.problems
    assert (set_problem.received, set_problem.expected) == (file_problem.received, file_problem.expected)
    assert file_problem.location == f"{written}:17 suspect.birth_date"
    assert set_problem.location == f"{THEFT} suspect.birth_date (--set suspect.birth_date=2008-13-11)"


def test_a_misspelt_key_is_an_unknown_key_error() -> None:
    """A key the schema lacks is rejected as in a file, not silently ignored."""
    with pytest.raises(CaseFileError) as caught:
        load_case_with(THEFT, ["suspect.birth_dat=2008-03-11"])
    (problem,) = caught.value.problems
    assert problem.received == "unknown key 'birth_dat'"
    assert "(--set suspect.birth_dat=2008-03-11)" in problem.location


@pytest.mark.parametrize(("override", "says"), [
    ("suspect.birth_date", "received no '='"),
    ("measures[d9].start=2026-01-01T00:00+08:00", "expected an index 0 to 1, or an id: s1, d1, or [+] to add one"),
    ("measures[d1]start=1", "expected keys joined by dots"),
    ("suspect[0]=1", "suspect is a mapping, not a list"),
])
def test_a_bad_path_is_refused_naming_what_was_expected(override: str, says: str) -> None:
    """Paths that do not resolve are input errors that say what would."""
    with pytest.raises(InputError) as caught:
        load_case_with(FRAUD, [override])
    assert says in str(caught.value)


@pytest.mark.parametrize("command", [["evaluate"], ["deadlines"], ["notice", "--list"]])
def test_each_command_takes_set_and_refuses_a_bad_one_cleanly(command: list[str]) -> None:
    """evaluate, deadlines and notice accept --set; a bad value exits 2 with nothing on stdout."""
    runner = CliRunner()
    good = runner.invoke(app, [*command, str(FRAUD), "--as-of", "2026-09-30T22:00:00+08:00",
                               "--set", "measures[d1].start=2026-09-30T21:00:00+08:00"])
    assert good.exit_code == 0, good.output
    assert "2026-10-01" in good.stdout or command[0] == "notice"
    bad = runner.invoke(app, [*command, str(FRAUD), "--set", "measures[d1].start=2026-09-30T25:00"])
    assert bad.exit_code == 2 and bad.stdout == "" and "Traceback" not in bad.output
    assert "measures[1].start (--set measures[d1].start=2026-09-30T25:00)" in bad.stderr
