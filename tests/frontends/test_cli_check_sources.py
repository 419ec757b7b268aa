"""`legalrules check` finds what only the test suite found: quotes not in the source, a missing source, a
window running backwards, and a cycle named by file, line and rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .test_cli import RULESETS, run


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini ruleset quoting a source text of its own, under tmp/shared/sources."""
    target = tmp_path / "checkout" / "rulesets"
    shutil.copytree(RULESETS / "mini", target / "mini")
    shared = tmp_path / "shared"
    (shared / "sources").mkdir(parents=True)
    (shared / "sources" / "mini.txt").write_text("Article 1: q, ten years, and more q.\n", encoding="utf-8")
    monkeypatch.setenv("LEGALRULES_SHARED", str(shared))
    meta = target / "mini" / "ruleset.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("source: none", "source: shared/sources/mini.txt"),
                    encoding="utf-8")
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_quotes_found_in_the_source_pass(root: Path) -> None:
    """Every quote of the mini ruleset is in its source: check passes."""
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 0, result.output
    assert "SOURCE" not in result.stdout


def test_a_quote_not_in_the_source_fails_naming_file_line_and_rule(root: Path) -> None:
    """A rule quoting words its source does not contain passed `check` before; now it fails with where it is."""
    rules = root / "mini" / "ch1.yaml"
    _edit(rules, "    quote: q\n    when: {any: [{conclusion: major_case}", "    quote: words the law never said\n"
          "    when: {any: [{conclusion: major_case}")
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 1
    assert (f"SOURCE {rules}:15 (rule mini.art1.1): quote 'words the law never said' is not in the source "
            "shared/sources/mini.txt") in result.stdout
    assert "1 quote(s) or source(s) not found" in result.stdout


def test_a_source_file_that_does_not_exist_fails(root: Path) -> None:
    """`source:` naming a missing file passed `check`; now it is reported with the path looked for."""
    _edit(root / "mini" / "ruleset.yaml", "shared/sources/mini.txt", "shared/sources/nowhere.txt")
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 1
    assert "source: 'shared/sources/nowhere.txt' does not exist" in result.stdout


def test_a_window_ending_before_it_begins_is_a_ruleset_error(root: Path) -> None:
    """effective_until before effective_from was loaded; now it is refused at its file and line."""
    meta = root / "mini" / "ruleset.yaml"
    _edit(meta, "effective_from: 2014-10-01", "effective_from: 2014-10-01\neffective_until: 2014-09-30")
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 2
    assert str(meta) in result.stderr
    assert "effective_until 2014-09-30 is before effective_from 2014-10-01" in result.stderr


def test_a_conclusion_cycle_names_the_file_line_and_rule_that_closes_it(root: Path) -> None:
    """A cycle named no file line or rule; now it names the rule establishing one conclusion from the other."""
    rules = root / "mini" / "ch1.yaml"
    _edit(rules, "when: {any_of: offences, where: {fact: offence.max_penalty, in: [life, death]}}",
          "when: {conclusion: recording_required}")
    result = run("check", "--rulesets", str(root))
    assert result.exit_code == 2
    assert "conclusions depend on each other in a cycle" in result.stderr
    assert f"{rules}:" in result.stderr and "(rule mini.art1." in result.stderr
