"""Loading rulesets: every broken ruleset is a RulesetError naming file, line and rule id."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from legalrules import RulesetError, load_ruleset, load_rulesets

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
MINI = TESTS / "fixtures" / "rulesets" / "mini"

# The condition of mini.art1.1 (recording_required), rewritten by the type tests.
ART1_1_WHEN = "when: {any: [{conclusion: major_case}, {fact: suspect.blind, is: true}]}"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini ruleset, in a directory named after its id."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def edit(directory: Path, name: str, old: str, new: str) -> Path:
    """Replace `old` (which must occur) by `new` in one file; return the file's path."""
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_containing(path: Path, needle: str) -> int:
    """The 1-based number of the only line of `path` that contains `needle`."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def load_error(directory: Path) -> RulesetError:
    with pytest.raises(RulesetError) as info:
        load_ruleset(directory)
    return info.value


def assert_located(err: RulesetError, path: Path, line: int | None, rule_id: str | None) -> None:
    """The error's file, line and rule id, both as attributes and at the start of its text."""
    assert err.file == str(path)
    assert err.line == line
    assert err.rule_id == rule_id
    where = str(path) if line is None else f"{path}:{line}"
    if rule_id:
        where += f" (rule {rule_id})"
    assert str(err).startswith(where + ": "), str(err)


# --- positive -----------------------------------------------------------------------------


def test_mini_loads() -> None:
    """The mini fixture loads with its four rules and three conclusions in dependency order."""
    ruleset = load_ruleset(MINI)
    assert ruleset.id == "mini"
    assert sorted({rule.id for rule in ruleset.rules}) == [
        "mini.art1.1", "mini.art1.1.1", "mini.art1.1.2", "mini.art2",
    ]
    order = [c.name for c in ruleset.conclusions]
    assert sorted(order) == ["major_case", "recording_required", "suspension_required"]
    assert order.index("major_case") < order.index("recording_required")
    assert order.index("major_case") < order.index("suspension_required")
    assert [c.obligation for c in ruleset.compliance] == ["recording_required"]
    assert ruleset.parameter_values == {"major_term_years": 10}
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", ruleset.version)


def test_rule_carries_file_line_and_citation() -> None:
    """A compiled rule remembers its file, its line and its citation label."""
    rule = next(r for r in load_ruleset(MINI).rules if r.id == "mini.art1.1.2")
    assert rule.file == "ch1.yaml"
    assert rule.line == line_containing(MINI / "ch1.yaml", "id: mini.art1.1.2")
    assert rule.citation == "mini Art. 1 para. 1 item (2)"
    assert rule.parameters == ("major_term_years",)


def test_version_is_stable_across_loads(mini: Path) -> None:
    """Loading the same bytes twice, from any location, gives the same version."""
    first = load_ruleset(mini).version
    assert load_ruleset(mini).version == first
    assert load_ruleset(MINI).version == first


def test_version_changes_when_a_rule_file_changes(mini: Path) -> None:
    """Changing a rule file's bytes, even only a comment, changes the version."""
    before = load_ruleset(mini).version
    path = mini / "ch1.yaml"
    path.write_bytes(path.read_bytes() + b"# a comment\n")
    after = load_ruleset(mini).version
    assert after != before


@pytest.mark.parametrize("name", ["ruleset.yaml", "parameters.yaml", "conclusions.yaml", "articles.yaml"])
def test_version_covers_every_ruleset_file(mini: Path, name: str) -> None:
    """Each of the ruleset's own files is part of the version hash."""
    before = load_ruleset(mini).version
    path = mini / name
    path.write_bytes(path.read_bytes() + b"\n# changed\n")
    assert load_ruleset(mini).version != before


def test_version_ignores_scenarios(mini: Path) -> None:
    """Scenario files are not part of the version (as documented)."""
    before = load_ruleset(mini).version
    scenario = mini / "scenarios" / "mini.yaml"
    scenario.write_bytes(scenario.read_bytes() + b"# changed\n")
    assert load_ruleset(mini).version == before


def test_load_rulesets_loads_each_subdirectory(tmp_path: Path) -> None:
    """load_rulesets loads every sub-directory with a ruleset.yaml and skips others."""
    shutil.copytree(MINI, tmp_path / "mini")
    (tmp_path / "notes").mkdir()
    loaded = load_rulesets(tmp_path)
    assert [r.id for r in loaded] == ["mini"]


def test_load_rulesets_empty_root(tmp_path: Path) -> None:
    """A root with no ruleset directories is a RulesetError naming the root."""
    with pytest.raises(RulesetError) as info:
        load_rulesets(tmp_path)
    assert info.value.file == str(tmp_path)
    assert "no ruleset directories" in str(info.value)


def test_bundled_rulesets_load() -> None:
    """The bundled rulesets load, av_2014 among them with rules and a complete article index."""
    loaded = {r.id: r for r in load_rulesets(ROOT / "rulesets")}
    assert {"av_2014", "crim_proc", "procuratorate_1999"} <= set(loaded)
    av = loaded["av_2014"]
    assert av.rules, "av_2014 has no rules"
    assert av.articles is not None
    assert sorted(av.articles.articles) == list(range(1, av.articles.article_count + 1))
    for ruleset in loaded.values():
        assert re.fullmatch(r"sha256:[0-9a-f]{16}", ruleset.version)


def test_metadata_only_rulesets_load(tmp_path: Path) -> None:
    """A ruleset whose ruleset.yaml lists no rule files loads as metadata only, needing no other file."""
    target = tmp_path / "meta"
    target.mkdir()
    (target / "ruleset.yaml").write_text(
        "id: meta\ntitle: {en: Meta, zh: 元}\ndocument_number: M1\nissuing_body: {en: Test, zh: 测试}\n"
        "issued: 2018-10-26\neffective_from: 2018-10-26\nsource: none\nquote_language: zh\nrule_files: []\n",
        encoding="utf-8")
    ruleset = load_ruleset(target)
    assert ruleset.id == "meta"
    assert ruleset.instrument.rule_files == [] and ruleset.rules == () and ruleset.deadlines == ()


# --- structure and YAML -------------------------------------------------------------------


def test_duplicate_key_in_rule_file(mini: Path) -> None:
    """A key repeated inside a rule is rejected at the repeat's line."""
    path = edit(mini, "ch1.yaml", "    title: life\n", "    title: life\n    title: again\n")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "title: again"), None)
    assert "duplicate key 'title'" in str(err)


def test_malformed_yaml(mini: Path) -> None:
    """Malformed YAML in a rule file names the file and the line where parsing failed."""
    path = edit(mini, "ch1.yaml", "  - id: mini.art2\n", "  - id: [mini.art2\n")
    err = load_error(mini)
    bad = line_containing(path, "id: [mini.art2")
    assert err.file == str(path)
    assert err.line in (bad, bad + 1)
    assert f"{path}:{err.line}: malformed YAML" in str(err)


def test_unknown_key_in_rule(mini: Path) -> None:
    """An unknown key in a rule names the key, its line and the rule id."""
    path = edit(mini, "ch1.yaml", "    title: life\n", "    title: life\n    note: hi\n")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "note: hi"), "mini.art1.1.1")
    assert "unknown key 'note'" in str(err)


def test_missing_required_rule_field(mini: Path) -> None:
    """A rule without a quote is rejected naming the rule and the missing field."""
    path = edit(mini, "ch1.yaml", "    title: susp\n    citation: {article: 2}\n    quote: q\n",
                "    title: susp\n    citation: {article: 2}\n")
    err = load_error(mini)
    assert err.file == str(path)
    assert err.rule_id == "mini.art2"
    assert "quote" in str(err)


def test_rule_file_listed_but_absent(mini: Path) -> None:
    """A rule file named in ruleset.yaml but absent is reported by its path."""
    edit(mini, "ruleset.yaml", "rule_files: [ch1.yaml]", "rule_files: [ch1.yaml, ch2.yaml]")
    err = load_error(mini)
    assert_located(err, mini / "ch2.yaml", None, None)
    assert "file not found" in str(err)


def test_rule_file_not_a_mapping(mini: Path) -> None:
    """A rule file holding a list is rejected at its top level."""
    path = mini / "ch1.yaml"
    path.write_text("- a\n", encoding="utf-8")
    err = load_error(mini)
    assert err.file == str(path)
    assert "(top level)" in str(err)


def test_non_utf8_rule_file(mini: Path) -> None:
    """A rule file that is not UTF-8 is a RulesetError naming the file, not a UnicodeDecodeError."""
    path = mini / "ch1.yaml"
    path.write_bytes(path.read_bytes().replace(b"title: life", b"title: caf\xe9"))
    err = load_error(mini)
    assert err.file == str(path)
    assert "UTF-8" in str(err)


# --- conditions -----------------------------------------------------------------------------


def test_when_names_unknown_fact(mini: Path) -> None:
    """A `when` naming a fact not in the catalogue is rejected at the `when` line."""
    path = edit(mini, "ch1.yaml", "{fact: suspect.blind, is: true}", "{fact: suspect.blnd, is: true}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "suspect.blnd"), "mini.art1.1")
    assert "unknown fact 'suspect.blnd'" in str(err)


def test_offence_fact_outside_any_of(mini: Path) -> None:
    """An offence fact tested outside any_of/all_of: offences is rejected."""
    path = edit(mini, "ch1.yaml", "{fact: suspect.blind, is: true}", "{fact: offence.intentional, is: true}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "{fact: offence.intentional, is: true}]"), "mini.art1.1")
    assert "offence.intentional is an offence fact" in str(err)
    assert "any_of" in str(err)


def test_fact_of_a_narrower_scope(mini: Path) -> None:
    """An interrogation-scope rule cannot test an interruption fact."""
    path = edit(mini, "ch1.yaml", "{fact: suspect.blind, is: true}", "{fact: interruption.reason, is: storage_full}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "interruption.reason, is: storage_full"), "mini.art1.1")
    assert "not visible" in str(err)


def test_unknown_conclusion_in_then(mini: Path) -> None:
    """A rule establishing an undeclared conclusion is rejected at its `then` line."""
    path = edit(mini, "ch1.yaml", "then: [{conclusion: suspension_required", "then: [{conclusion: suspension_needed")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "suspension_needed"), "mini.art2")
    assert "unknown conclusion 'suspension_needed'" in str(err)


def test_unknown_conclusion_reference(mini: Path) -> None:
    """A `{conclusion: ...}` reference to an undeclared conclusion is rejected."""
    path = edit(mini, "ch1.yaml", "{not: {conclusion: major_case}}", "{not: {conclusion: minor_case}}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "minor_case"), "mini.art2")
    assert "unknown conclusion 'minor_case'" in str(err)


@pytest.mark.parametrize(
    "condition",
    [
        "{conclusion: [major_case]}",
        "{conclusion: {name: major_case}}",
        "{fact: suspect.age_at_interrogation, lt: {param: [major_term_years]}}",
    ],
    ids=["conclusion-list", "conclusion-mapping", "param-list"],
)
def test_reference_that_is_not_a_name(mini: Path, condition: str) -> None:
    """A conclusion or parameter reference that is a list or mapping is a RulesetError, not a TypeError."""
    path = edit(mini, "ch1.yaml", ART1_1_WHEN, f"when: {condition}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, f"when: {condition}"), "mini.art1.1")


def test_unknown_parameter(mini: Path) -> None:
    """A `{param: ...}` naming an undeclared parameter is rejected with the declared ones."""
    path = edit(mini, "ch1.yaml", "{param: major_term_years}", "{param: major_years}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "major_years}"), "mini.art1.1.2")
    assert "unknown parameter 'major_years'" in str(err)
    assert "major_term_years" in str(err)


@pytest.mark.parametrize(
    ("condition", "phrase"),
    [
        ("{fact: suspect.blind, is: 3}", "suspect.blind is true/false; received 3"),
        ("{fact: interrogation.place, is: jail}", "received 'jail'"),
        ("{fact: suspect.blind, lt: true}", "'lt' is not meaningful"),
        ("{fact: suspect.age_at_interrogation, lt: '18'}", "is a number; received '18'"),
        ("{fact: interrogation.place, in: []}", "non-empty list"),
        ("{fact: suspect.blind, is: true, ne: false}", "exactly one of"),
    ],
    ids=["int-for-bool", "bad-enum", "lt-on-bool", "text-for-number", "empty-in", "two-operators"],
)
def test_type_mismatch_in_condition(mini: Path, condition: str, phrase: str) -> None:
    """A comparison whose value or operator does not fit the fact's type is rejected."""
    path = edit(mini, "ch1.yaml", ART1_1_WHEN, f"when: {condition}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, f"when: {condition}"), "mini.art1.1")
    assert phrase in str(err)


# --- ids and references across files ---------------------------------------------------------


def test_rule_id_not_matching_citation(mini: Path) -> None:
    """A rule id that does not match its citation is rejected, naming the expected id."""
    path = edit(mini, "ch1.yaml", "  - id: mini.art2\n", "  - id: mini.art3\n")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "id: mini.art3"), "mini.art3")
    assert "does not match its citation" in str(err)
    assert "'mini.art2'" in str(err)


def test_rule_id_of_another_ruleset(mini: Path) -> None:
    """A rule id with another ruleset's prefix is rejected."""
    path = edit(mini, "ch1.yaml", "  - id: mini.art2\n", "  - id: av_2014.art2\n")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "id: av_2014.art2"), "av_2014.art2")


def test_duplicate_rule_id(mini: Path) -> None:
    """Two rules with the same id are rejected at the second, pointing to the first."""
    path = edit(
        mini, "ch1.yaml",
        "  - id: mini.art1.1.2\n    title: ten\n    citation: {article: 1, paragraph: 1, item: 2}",
        "  - id: mini.art1.1.1\n    title: ten\n    citation: {article: 1, paragraph: 1, item: 1}",
    )
    err = load_error(mini)
    second = line_containing(path, "title: ten") - 1
    assert_located(err, path, second, "mini.art1.1.1")
    assert "duplicate rule id 'mini.art1.1.1'" in str(err)
    assert f"ch1.yaml:{line_containing(path, 'title: life') - 1}" in str(err)


def test_cycle_between_conclusions(mini: Path) -> None:
    """Two conclusions that reference each other are a cycle, naming both."""
    edit(mini, "ch1.yaml", "when: {any_of: offences, where: {fact: offence.max_penalty, in: [life, death]}}",
         "when: {conclusion: recording_required}")
    err = load_error(mini)
    # The rule that closes the cycle, at its line (it used to name only conclusions.yaml).
    assert err.file == str(mini / "ch1.yaml") and err.line is not None and err.rule_id is not None
    assert "cycle" in str(err)
    assert "major_case" in str(err) and "recording_required" in str(err)


def test_self_reference_is_a_cycle(mini: Path) -> None:
    """A conclusion whose own rule references it is a cycle too."""
    edit(mini, "ch1.yaml", "{not: {conclusion: major_case}}", "{not: {conclusion: suspension_required}}")
    err = load_error(mini)
    # The rule that closes the cycle, at its line (it used to name only conclusions.yaml).
    assert err.file == str(mini / "ch1.yaml") and err.line is not None and err.rule_id is not None
    assert "cycle" in str(err) and "suspension_required" in str(err)


def test_conclusion_declared_but_never_established(mini: Path) -> None:
    """A declared conclusion that no rule establishes is rejected at its declaration."""
    path = edit(mini, "conclusions.yaml", "  suspension_required:",
                "  orphan: {scope: case, kind: finding, title: O}\n  suspension_required:")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "orphan:"), None)
    assert "'orphan' is declared but no rule establishes it" in str(err)


def test_complied_when_on_a_finding(mini: Path) -> None:
    """complied_when is only allowed on obligations."""
    path = edit(mini, "conclusions.yaml", "major_case: {scope: interrogation, kind: finding, title: Major}",
                "major_case: {scope: interrogation, kind: finding, title: Major, "
                "complied_when: {fact: interrogation.recorded, is: true}}")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "major_case:"), None)
    assert "only for obligations" in str(err)


def test_article_index_missing_an_article(mini: Path) -> None:
    """An index that does not list every article 1..N is rejected naming the missing one."""
    path = edit(mini, "articles.yaml", "article_count: 2", "article_count: 3")
    err = load_error(mini)
    assert err.file == str(path)
    assert "missing [3]" in str(err)


def test_article_index_lists_absent_rule(mini: Path) -> None:
    """An index entry naming a rule that does not exist is rejected at that entry's line."""
    path = edit(mini, "articles.yaml", "rules: [mini.art2]", "rules: [mini.art2, mini.art2.1]")
    err = load_error(mini)
    assert "article 2 lists a rule that does not exist" in str(err)
    assert_located(err, path, line_containing(path, "mini.art2.1"), "mini.art2.1")


def test_article_index_lists_rule_under_wrong_article(mini: Path) -> None:
    """An index entry listing a rule of another article is rejected."""
    path = edit(mini, "articles.yaml", "rules: [mini.art2]", "rules: [mini.art2, mini.art1.1]")
    err = load_error(mini)
    assert err.file == str(path)
    assert err.rule_id == "mini.art1.1"
    assert "rule cites article 1, not 2" in str(err)


def test_rule_missing_from_index(mini: Path) -> None:
    """A rule not listed in the article index is rejected, naming it."""
    path = edit(mini, "articles.yaml", "rules: [mini.art1.1.1, mini.art1.1.2, mini.art1.1]",
                "rules: [mini.art1.1.1, mini.art1.1]")
    err = load_error(mini)
    assert_located(err, path, None, "mini.art1.1.2")
    assert "missing from the article index" in str(err)


def test_ruleset_id_not_matching_directory(mini: Path) -> None:
    """ruleset.yaml whose id differs from its directory name is rejected at the id line."""
    path = edit(mini, "ruleset.yaml", "id: mini", "id: maxi")
    err = load_error(mini)
    assert "'maxi'" in str(err) and "'mini'" in str(err)
    assert_located(err, path, line_containing(path, "id: maxi"), None)


# --- a conclusion's own extra condition ----------------------------------------------------


def test_a_then_entry_condition_narrows_only_its_conclusion(mini: Path) -> None:
    """`then[i].when` is joined to the rule's condition for that conclusion alone."""
    edit(mini, "ch1.yaml", "then: [{conclusion: recording_required, reason: r}]",
         "then: [{conclusion: recording_required, reason: r, when: {fact: suspect.deaf, is: true}}]")
    ruleset = load_ruleset(mini)
    [rule] = [r for r in ruleset.rules if r.id == "mini.art1.1"]
    assert "suspect.deaf is true" in rule.condition.text()


def test_a_then_entry_condition_naming_an_unknown_fact_is_located(mini: Path) -> None:
    """A bad fact inside `then[i].when` is reported with the file, the line and the rule id."""
    path = edit(mini, "ch1.yaml", "then: [{conclusion: recording_required, reason: r}]",
                "then: [{conclusion: recording_required, reason: r, when: {fact: suspect.wings, is: true}}]")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "suspect.wings"), "mini.art1.1")
    assert "then[0].when" in str(err) and "suspect.wings" in str(err)


def test_an_exception_to_a_rule_that_does_not_exist_is_located(mini: Path) -> None:
    """`exception_to` must name an existing rule; otherwise file, line and rule id are given."""
    path = edit(mini, "ch1.yaml", "  - id: mini.art2\n", "  - id: mini.art2\n    exception_to: [mini.art9]\n")
    err = load_error(mini)
    assert_located(err, path, line_containing(path, "mini.art9"), "mini.art2")
    assert "mini.art9" in str(err)


def test_article_index_ranges_cover_articles(mini: Path) -> None:
    """A range entry accounts for the articles it spans, so the index may list them together."""
    edit(mini, "articles.yaml", "article_count: 2", "article_count: 5\nranges:\n"
         "  - {from: 3, to: 5, status: out_of_scope, summary: later chapters, reason: not about interrogation}")
    ruleset = load_ruleset(mini)
    assert ruleset.articles is not None
    assert [ruleset.articles.status_of(n) for n in (2, 3, 5, 6)] == ["encoded", "out_of_scope", "out_of_scope", None]


def test_article_index_range_overlapping_an_article(mini: Path) -> None:
    """An article listed both singly and in a range is rejected, naming it."""
    path = edit(mini, "articles.yaml", "article_count: 2", "article_count: 3\nranges:\n"
                "  - {from: 2, to: 3, status: out_of_scope, summary: later, reason: not about interrogation}")
    err = load_error(mini)
    assert err.file == str(path)
    assert "listed twice [2]" in str(err)
