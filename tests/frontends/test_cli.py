"""The `legalrules` command line, run against the mini fixture ruleset."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from legalrules import Decision, Engine
from legalrules.frontends.cli.app import app

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
RULESETS = FIXTURES / "rulesets"
CASES = FIXTURES / "cases"
VALID = CASES / "valid.yaml"
AS_OF = "2026-01-01T12:00:00+08:00"
R = ["--rulesets", str(RULESETS)]

# Nothing known about offences or the suspect: recording_required is undetermined.
UNKNOWN_CASE = "case: {id: U1}\ninterrogations:\n  - {start: '2024-03-01T09:00:00+08:00'}\n"


def run(*args: str) -> Result:
    """Invoke the app in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args))


def assert_clean_input_error(result: Result) -> None:
    """Exit 2, `Error:` on stderr, nothing on stdout, and no traceback anywhere."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stderr.startswith("Error: ")
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- evaluate ----------------------------------------------------------------------------------


def test_evaluate_text_names_citations_and_answers() -> None:
    """`--full` gives YES/NO per conclusion with the rule id and its citation."""
    result = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--full")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Case T1" in out
    assert "YES" in out and "NO" in out
    assert "mini Art. 1 para. 1 item (2) (mini.art1.1.2)" in out
    assert "mini Art. 1 para. 1 (mini.art1.1)" in out
    assert "compliance: VIOLATED" in out


def test_evaluate_text_says_undetermined(tmp_path: Path) -> None:
    """With the deciding facts unknown, `--full` says UNDETERMINED and names those facts."""
    case = tmp_path / "unknown.yaml"
    case.write_text(UNKNOWN_CASE, encoding="utf-8")
    result = run("evaluate", str(case), *R, "--as-of", AS_OF, "--full")
    assert result.exit_code == 0, result.output
    assert "UNDETERMINED" in result.stdout
    assert "would be decided by:" in result.stdout
    assert "suspect.blind" in result.stdout


def test_evaluate_json_is_a_valid_decision() -> None:
    """`--json` prints a Decision that validates, with the expected values."""
    result = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    decision = Decision.model_validate_json(result.stdout)
    assert decision.case_id == "T1"
    assert decision.as_of.isoformat() == AS_OF
    assert decision.find("major_case", "interrogations[0]").value == "true"
    assert decision.find("recording_required", "interrogations[0]").value == "true"
    assert decision.find("suspension_required", "interrogations[0].interruptions[0]").value == "false"
    assert [u.id for u in decision.rulesets] == ["mini"]


def test_evaluate_json_is_byte_identical_for_same_as_of() -> None:
    """Two runs with the same --as-of print byte-identical JSON."""
    first = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json")
    second = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes
    assert len(first.stdout_bytes) > 100


def test_naive_as_of_is_shanghai() -> None:
    """A naive --as-of is read as Asia/Shanghai time."""
    result = run("evaluate", str(VALID), *R, "--as-of", "2026-01-01T12:00:00", "--json")
    assert result.exit_code == 0, result.output
    assert Decision.model_validate_json(result.stdout).as_of.isoformat() == AS_OF


def test_naive_case_instant_is_warned_about() -> None:
    """A naive instant in the case shows up as a warning naming its field path."""
    result = run("evaluate", str(CASES / "naive.yaml"), *R, "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    warnings = Decision.model_validate_json(result.stdout).warnings
    assert any(w.startswith("interrogations[0].start:") for w in warnings)


def test_json_case_file_evaluates_like_yaml() -> None:
    """The JSON fixture gives the same decision as the YAML one."""
    yaml_out = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json")
    json_out = run("evaluate", str(CASES / "valid.json"), *R, "--as-of", AS_OF, "--json")
    assert yaml_out.exit_code == json_out.exit_code == 0
    assert yaml_out.stdout == json_out.stdout


@pytest.mark.parametrize(
    ("engine", "ran", "agreed"),
    [("native", ["native"], None), ("durable", ["durable"], None), ("both", ["native", "durable"], True)],
)
def test_engine_choice(engine: str, ran: list[str], agreed: bool | None) -> None:
    """`--engine` selects which evaluator runs, as reported in engine.ran."""
    result = run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json", "--engine", engine)
    assert result.exit_code == 0, result.output
    decision = Decision.model_validate_json(result.stdout)
    assert decision.engine.requested == engine
    assert decision.engine.ran == ran
    assert decision.engine.agreed is agreed
    assert decision.find("recording_required", "interrogations[0]").value == "true"


def test_engines_give_the_same_conclusions() -> None:
    """The native and durable-rules evaluators give the same conclusions JSON."""
    native = Decision.model_validate_json(
        run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json", "--engine", "native").stdout)
    durable = Decision.model_validate_json(
        run("evaluate", str(VALID), *R, "--as-of", AS_OF, "--json", "--engine", "durable").stdout)
    assert native.conclusions == durable.conclusions


def test_bad_engine_name_is_a_usage_error() -> None:
    """An unknown --engine value is rejected by the option parser with exit 2."""
    result = run("evaluate", str(VALID), *R, "--engine", "quantum")
    assert result.exit_code == 2
    assert "quantum" in result.output
    assert "Traceback" not in result.output


# --- input errors ------------------------------------------------------------------------------


def test_bad_case_exits_2_naming_file_and_field() -> None:
    """A case with a bad value exits 2 with `Error:` on stderr naming file, line and field."""
    path = CASES / "bad_place.yaml"
    result = run("evaluate", str(path), *R, "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert f"{path}:4 interrogations[0].place" in result.stderr
    assert "'jail'" in result.stderr


def test_malformed_case_exits_2() -> None:
    """Malformed YAML exits 2 naming the file and line."""
    path = CASES / "malformed.yaml"
    result = run("evaluate", str(path), *R, "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert f"{path}:2" in result.stderr


def test_missing_case_file_exits_2(tmp_path: Path) -> None:
    """A case file that does not exist exits 2 naming it."""
    path = tmp_path / "absent.yaml"
    result = run("evaluate", str(path), *R, "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert str(path) in result.stderr
    assert "no such file" in result.stderr


@pytest.mark.parametrize("as_of", ["yesterday", "2026-13-01", ""])
def test_bad_as_of_exits_2(as_of: str) -> None:
    """An --as-of that is not ISO 8601 exits 2 saying what was expected."""
    result = run("evaluate", str(VALID), *R, "--as-of", as_of)
    assert_clean_input_error(result)
    assert "--as-of" in result.stderr
    assert "ISO 8601" in result.stderr


def test_broken_ruleset_dir_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    """A ruleset with an unknown fact, given via --rulesets, exits 2 naming file, line and rule."""
    root = tmp_path / "rulesets"
    shutil.copytree(RULESETS / "mini", root / "mini")
    rule_file = root / "mini" / "ch1.yaml"
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(text.replace("suspect.blind", "suspect.blnd"), encoding="utf-8")
    line = next(n for n, ln in enumerate(rule_file.read_text().splitlines(), 1) if "suspect.blnd" in ln)
    result = run("evaluate", str(VALID), "--rulesets", str(root), "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert f"{rule_file}:{line} (rule mini.art1.1)" in result.stderr
    assert "unknown fact 'suspect.blnd'" in result.stderr


def test_nonexistent_rulesets_dir_exits_2(tmp_path: Path) -> None:
    """A --rulesets directory that does not exist is an input error (exit 2) naming it."""
    missing = tmp_path / "nowhere"
    result = run("rules", "--rulesets", str(missing))
    assert_clean_input_error(result)
    assert str(missing) in result.stderr


# --- explain -----------------------------------------------------------------------------------


def test_explain_prints_the_tree_with_marks() -> None:
    """`explain` prints the rule's citation and its condition tree marked [yes]/[no]."""
    result = run("explain", str(VALID), "mini.art1.1", *R, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("mini.art1.1: rec\n")
    assert "mini Art. 1 para. 1" in out
    assert "On interrogation 1: the rule holds" in out  # the case gives it no id: named by its number
    assert "[yes] any of:" in out
    assert "[yes] conclusion “Major” is true" in out and "major_case" not in out
    assert "[no]  suspect.blind is true  (case: False)" in out


def test_explain_marks_unknown_with_question_mark(tmp_path: Path) -> None:
    """With the facts unknown, `explain` marks the nodes [?] and says the rule is undetermined."""
    case = tmp_path / "unknown.yaml"
    case.write_text(UNKNOWN_CASE, encoding="utf-8")
    result = run("explain", str(case), "mini.art1.1", *R, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "the rule is undetermined" in result.stdout
    assert "[?]   any of:" in result.stdout
    assert "[?]   suspect.blind is true  (case: unknown)" in result.stdout


def test_explain_quantifier_lists_offences() -> None:
    """`explain` on a rule over offences shows each offence's subtree."""
    result = run("explain", str(VALID), "mini.art1.1.2", *R, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "[yes] some offence satisfies:" in result.stdout
    assert "offences[0]:" in result.stdout
    assert "parameter: 10 years" in result.stdout and "major_term_years" not in result.stdout


def test_explain_unknown_rule_exits_2() -> None:
    """`explain` with an unknown rule id exits 2 and suggests near ids."""
    result = run("explain", str(VALID), "mini.art9", *R, "--as-of", AS_OF)
    assert_clean_input_error(result)
    assert "unknown rule id 'mini.art9'" in result.stderr
    assert "mini.art2" in result.stderr


# --- rules, check, schema, facts ---------------------------------------------------------------


def test_rules_lists_ids_and_citations() -> None:
    """`rules` lists every rule id with its citation and the ruleset's version."""
    result = run("rules", *R)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("mini: Mini / 迷你 (X1)")
    assert "version sha256:" in out and "4 rule(s)" in out
    for rule_id, citation in [
        ("mini.art1.1.1", "mini Art. 1 para. 1 item (1)"),
        ("mini.art1.1.2", "mini Art. 1 para. 1 item (2)"),
        ("mini.art1.1 ", "mini Art. 1 para. 1 "),
        ("mini.art2", "mini Art. 2"),
    ]:
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(rule_id.strip() + " "))
        assert citation.strip() in line


def test_rules_unknown_ruleset_exits_2() -> None:
    """`rules --ruleset` with an unknown id exits 2 listing the loaded ones."""
    result = run("rules", "--ruleset", "nope", *R)
    assert_clean_input_error(result)
    assert "unknown ruleset 'nope'" in result.stderr
    assert "mini" in result.stderr


def test_check_runs_fixture_scenarios() -> None:
    """`check` loads the fixture ruleset, runs its scenarios, and all pass."""
    result = run("check", *R)
    assert result.exit_code == 0, result.output
    assert "mini: loaded, 4 rule(s)" in result.stdout
    assert result.stdout.rstrip().endswith("3 passed, 0 failed")


def test_check_reports_a_failing_scenario(tmp_path: Path) -> None:
    """A scenario whose expectation is wrong is reported as FAIL and `check` exits 1."""
    root = tmp_path / "rulesets"
    shutil.copytree(RULESETS / "mini", root / "mini")
    scenario = root / "mini" / "scenarios" / "mini.yaml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("value: undetermined", "value: true"), encoding="utf-8")
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 1
    assert "FAIL mini.yaml:" in result.stdout
    assert "expected true, got undetermined" in result.stdout
    assert result.stdout.rstrip().endswith("2 passed, 1 failed")


def test_schema_is_case_json_schema() -> None:
    """`schema` prints a JSON Schema of case files."""
    result = run("schema")
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "CaseFacts"
    assert {"case", "offences", "suspect", "interrogations", "measures", "events"} <= set(schema["properties"])
    assert schema["required"] == ["case"]
    assert schema["additionalProperties"] is False


def test_schema_decision() -> None:
    """`schema --decision` prints the JSON Schema of decisions."""
    result = run("schema", "--decision")
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "Decision"
    assert {"schema_version", "case_id", "as_of", "conclusions", "engine"} <= set(schema["properties"])


def test_facts_lists_catalogue() -> None:
    """`facts` lists base facts with their scope and type."""
    result = run("facts")
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.stdout.splitlines() if " suspect.blind " in ln)
    assert line.split()[0] == "case" and line.split()[-1] == "bool"
    assert "interrogation.place" in result.stdout
    assert "offence.max_fixed_term_years" in result.stdout


def test_no_arguments_shows_help() -> None:
    """Running with no command shows help listing the commands."""
    result = run()
    for command in ("evaluate", "explain", "rules", "check", "schema", "facts"):
        assert command in result.output


# --- the real console entry --------------------------------------------------------------------


def test_console_entry_on_malformed_case_exits_2_without_traceback() -> None:
    """`python -m legalrules.frontends.cli.app evaluate` on a malformed case exits 2 with a clean error."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("LEGALRULES_DEBUG", None)
    path = CASES / "malformed.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "legalrules", "evaluate", str(path), *R, "--as-of", AS_OF],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("Error: ")
    assert f"{path}:2" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_rules_lists_each_rule_once_in_article_order() -> None:
    """`rules --ruleset av_2014` counts distinct rule ids and lists them by article, paragraph, item."""
    result = CliRunner().invoke(app, ["rules", "--ruleset", "av_2014"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()
           if line.startswith("  av_2014.art") and "-> deadline" not in line]
    assert len(ids) == len(set(ids)) and f"; {len(ids)} rule(s)" in result.stdout
    keys = [tuple(int(p) for p in rule_id.split(".art")[1].split(".")) for rule_id in ids]
    assert keys == sorted(keys) and ids[0] == "av_2014.art3"
    assert "av_2014.art14.2" in ids and ids.index("av_2014.art14.1") < ids.index("av_2014.art14.2")


def test_rules_lists_deadlines_with_their_periods() -> None:
    result = run("rules", "--rulesets", str(FIXTURES / "deadline_rulesets"))
    assert result.exit_code == 0, result.output
    count = sum(len(r.deadlines) for r in Engine(rulesets_root=FIXTURES / "deadline_rulesets").all_rulesets)
    assert f"0 rule(s), {count} deadline(s)" in result.stdout
    line = next(x for x in result.stdout.splitlines() if x.startswith("  clock.art2.1"))
    assert "clock Art. 2 para. 1" in line and "-> deadline arrest_approval_request (3 days)" in line


def test_rules_coverage_counts_articles_and_names_rules_without_a_scenario(tmp_path: Path) -> None:
    shown = run("rules", "--coverage", *R)
    assert shown.exit_code == 0, shown.output
    # The mini fixture's scenarios show three of its four rules firing, not mini.art1.1.1.
    assert shown.stdout.splitlines()[:3] == [
        "mini: 2 articles: 2 encoded", "  rules: 3 with a scenario, 1 without", "    without: mini.art1.1.1"]
    copy = tmp_path / "rulesets"
    shutil.copytree(RULESETS, copy)
    shutil.rmtree(copy / "mini" / "scenarios")
    bare = run("rules", "--coverage", "--rulesets", str(copy))
    assert bare.exit_code == 0, bare.output
    assert "rules: 0 with a scenario" in bare.stdout
    assert "    without: mini.art1.1" in bare.stdout


def test_rules_coverage_lists_every_article_with_its_status_and_reason() -> None:
    """Text: each article of the index, its status, and the reason (or the rules) after its summary."""
    shown = run("rules", "--coverage", "--ruleset", "spp_2019")
    assert shown.exit_code == 0, shown.output
    articles = [line for line in shown.stdout.splitlines() if line.startswith("    Art. ")]
    assert len(articles) == 684
    art282 = next(line for line in articles if line.startswith("    Art. 282 "))
    flat = " ".join(shown.stdout.split())  # wrapped lines joined
    assert "encoded" in art282 and "rules: spp_2019.art282" in flat
    assert "informational" in articles[0] and "they set no condition or time limit" in flat


def test_rules_coverage_as_markdown_and_json() -> None:
    """`--format md` starts with the summary table and lists each article; `--format json` carries the same."""
    md = run("rules", "--coverage", "--format", "md", "--ruleset", "av_2014")
    assert md.exit_code == 0, md.output
    assert md.stdout.splitlines()[1] == "| ruleset | instrument | in force | articles | rules and deadlines |"
    assert "## `av_2014`" in md.stdout and "| 27 | " in md.stdout
    data = json.loads(run("rules", "--coverage", "--format", "json", "--ruleset", "av_2014").stdout)
    (av,) = data
    assert av["article_count"] == 27 and len(av["articles"]) == 27
    assert {a["status"] for a in av["articles"]} <= {"encoded", "informational", "out_of_scope"}
    assert all(a["reason"] or a["rules"] or a["encoded_as"] or a["status"] == "informational"
               for a in av["articles"])
