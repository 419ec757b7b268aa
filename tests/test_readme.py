"""The README's ruleset table is the one `legalrules rules --coverage --format md --summary` generates."""

from __future__ import annotations

from legalrules import Engine
from legalrules.documents.text.coverage import SUMMARY_END, SUMMARY_START, summary_table
from legalrules.engine.coverage import coverage

from .conftest import ROOT


def test_the_readme_ruleset_table_matches_the_bundled_rulesets() -> None:
    """Regenerate with `legalrules rules --coverage --format md --summary` and paste it between the markers."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SUMMARY_START in readme and SUMMARY_END in readme, "README lost its coverage-table markers"
    in_readme = readme.split(SUMMARY_START, 1)[1].split(SUMMARY_END, 1)[0].strip().splitlines()
    rulesets = list(Engine().all_rulesets)
    generated = summary_table(rulesets, [coverage(r) for r in rulesets])
    assert in_readme == generated, (
        "README.md's ruleset table differs from the rulesets; run "
        "`legalrules rules --coverage --format md --summary` and paste its table between the markers")
