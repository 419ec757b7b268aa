"""what-if and diff: flipped conclusions with the rule and fact, moved deadlines, violations come and gone."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from legalrules import Engine, Interpretations
from legalrules.frontends.cli.app import app
from legalrules.variations.compare import compare
from legalrules.variations.overrides import load_case_with

from ..conftest import ROOT

THEFT = ROOT / "examples" / "theft_unknowns.yaml"  # interrogated 2025-11-02; no birth date
FRAUD = ROOT / "examples" / "fraud_detention_pending.yaml"  # detained 2026-11-21 10:25 (measures[1], id d1)
THEFT_AS_OF = "2025-11-03T09:00:00+08:00"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_flipped_conclusion_names_the_rule_and_the_fact_that_flipped_it(engine: Engine) -> None:
    """17 at the interrogation: Art. 6's minor item holds, read from the age the birth date gives."""
    as_of = datetime.fromisoformat(THEFT_AS_OF)
    before = engine.evaluate(load_case_with(THEFT), as_of=as_of)
    after = engine.evaluate(load_case_with(THEFT, ["suspect.birth_date=2008-03-11"]), as_of=as_of)
    diff = compare(before, after, "before", "after")
    (art6,) = [c for c in diff.conclusions if c.conclusion == "art6_circumstance"]
    assert (art6.before, art6.after) == ("undetermined", "true")
    (rule,) = art6.rules
    assert rule.rule_id == "av_2014.art6.1.1" and rule.citation == "av_2014 Art. 6 para. 1 item (1)"
    assert "a minor" in rule.quote
    (fact,) = rule.facts
    assert (fact.fact, fact.before, fact.after) == ("suspect.age_at_interrogation", None, 17)
    assert not diff.deadlines and not diff.violations


def test_the_18th_birthday_is_the_boundary_under_each_age_reading(engine: Engine) -> None:
    """Born 2007-11-02, interrogated 2025-11-02: still a minor by default, an adult read from the birthday."""
    as_of = datetime.fromisoformat(THEFT_AS_OF)
    values = []
    for reading in ("from_day_after_birthday", "from_birthday"):
        case = load_case_with(THEFT, ["suspect.birth_date=2007-11-02"] + [
            f"suspect.{f}=false" for f in ("blind", "deaf", "mute", "mentally_ill_not_fully_incapacitated")] + [
            "suspect.understands_local_language=true"])
        decision = engine.evaluate(case, as_of=as_of, interpretations=Interpretations(age_counting=reading))
        values.append(decision.find("art6_circumstance", "interrogations[0]", "av_2014").value)
    assert values == ["true", "undetermined"]


def test_moved_deadlines_and_new_violations_show_old_and_new_due_times() -> None:
    """Detention moved to the eve of National Day and judged later: every clock moves and is missed."""
    # The case file says its record is complete, so a notice it does not record is missed, not
    # merely not recorded (issue 11: silence is not a violation otherwise).
    code, out, _ = _cli("what-if", str(FRAUD), "--as-of", "2026-11-22T09:00:00+08:00", "--json",
                        "--set", "measures[d1].start=2026-09-30T21:00+08:00", "--set", "case.record_complete=true")
    assert code == 0
    diff = json.loads(out)
    moved = {d["rule_id"] + ":" + d["duty"]: d for d in diff["deadlines"]}
    notice = moved["crim_proc.art85.2:family_notification"]
    assert (notice["due_before"], notice["due_after"]) == ("2026-11-22T10:25:00+08:00", "2026-10-01T21:00:00+08:00")
    assert (notice["status_before"], notice["status_after"]) == ("pending", "missed")
    # Art. 91 counts days in custody: three days after 30 September end on 3 October, holiday or not.
    assert moved["crim_proc.art91.1:arrest_approval_request"]["due_after"] == "2026-10-03T23:59:59+08:00"
    appeared = {v["violation"]["duty"] for v in diff["violations"] if v["change"] == "appeared"}
    assert "family_notification" in appeared
    assert diff["changes"] == ["measures[d1].start=2026-09-30T21:00+08:00", "case.record_complete=true"]


def test_diff_of_two_files_matches_what_if_and_is_byte_identical_when_repeated(tmp_path: Path) -> None:
    """diff A B on the file and its edited copy gives what-if's answer; the JSON is deterministic."""
    edited = tmp_path / "minor.yaml"
    edited.write_text(THEFT.read_text(encoding="utf-8") + "suspect:\n  birth_date: 2008-03-11\n", encoding="utf-8")
    first = _cli("diff", str(THEFT), str(edited), "--as-of", THEFT_AS_OF, "--json")
    again = _cli("diff", str(THEFT), str(edited), "--as-of", THEFT_AS_OF, "--json")
    what_if = _cli("what-if", str(THEFT), "--as-of", THEFT_AS_OF, "--json", "--set", "suspect.birth_date=2008-03-11")
    assert first[0] == 0 and first[1] == again[1]
    assert json.loads(first[1])["conclusions"] == json.loads(what_if[1])["conclusions"]


def test_text_says_what_flipped_and_when_nothing_did() -> None:
    """The text names rule, citation and fact; setting a fact to its own value changes nothing."""
    code, out, _ = _cli("what-if", str(THEFT), "--as-of", THEFT_AS_OF, "--set", "suspect.birth_date=2008-03-11")
    assert code == 0
    assert ("The case has one of the circumstances listed in Article 6 (interrogation 1; AV Provisions 2014): "
            "UNDETERMINED -> YES") in out
    assert "suspect.age_at_interrogation: unknown -> 17" in out
    code, out, _ = _cli("what-if", str(THEFT), "--as-of", THEFT_AS_OF, "--set", "interrogations[0].recorded=false")
    assert code == 0 and "No conclusion, deadline or violation changed." in out


def test_what_if_without_a_change_or_with_a_bad_one_is_refused() -> None:
    """No --set, or an invalid one: exit 2, nothing on stdout."""
    for extra in ([], ["--set", "suspect.birth_date=tomorrow"]):
        code, out, err = _cli("what-if", str(THEFT), *extra)
        assert code == 2 and out == "" and err.startswith("Error: ")


def test_a_late_notice_changes_the_violation_rather_than_healing_it(tmp_path: Path) -> None:
    """Detained on National Day eve, family notified 11 h late: still missed, now met late; the violation changed."""
    # A copy whose record is complete: the notice it does not record was not given (issue 11).
    source = (ROOT / "examples" / "detention_national_day_eve.yaml").read_text(encoding="utf-8")
    complete = tmp_path / "eve.yaml"
    complete.write_text(source.replace("  proceeding: criminal\n", "  proceeding: criminal\n  record_complete: true\n", 1),
                        encoding="utf-8")
    eve = str(complete)
    code, out, _ = _cli("what-if", eve, "--as-of", "2026-10-02T12:00:00+08:00", "--json", "--set",
                        'events[+]={kind: family_notified, at: "2026-10-02T08:00:00+08:00", measure: d1}')
    assert code == 0
    diff = json.loads(out)
    # CPL Art. 85 and, for public security, PSP 2020 Art. 127 set the same notice: both move alike.
    assert [m["rule_id"] for m in diff["deadlines"]] == ["crim_proc.art85.2", "psp_2020.art127.1"]
    for moved in diff["deadlines"]:
        assert moved["duty"] == "family_notification" and moved["status_before"] == moved["status_after"] == "missed"
        assert "11 h late" in moved["status_text_after"]
    assert len(diff["violations"]) == 2
    for violation in diff["violations"]:
        assert violation["change"] == "changed" and violation["violation"]["late_by_seconds"] == 11 * 3600
