"""`legalrules rules`: the loaded rulesets, their rules and deadlines with citations, or their coverage."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import RulesetsOpt, load_engine, run_and_print

def rules(
    ruleset: Annotated[str | None, typer.Option("--ruleset", help="Only this ruleset.")] = None,
    coverage: Annotated[bool, typer.Option(
        "--coverage", help="Articles encoded / informational / out of scope, and rules without a scenario.")] = False,
    rulesets: RulesetsOpt = None,
) -> None:
    """List the loaded rulesets and their rules and deadlines, with citations (or their coverage)."""
    def run() -> str:
        from ...engine.coverage import coverage as measure  # noqa: PLC0415 - reads the scenario files
        from ...documents.text.rules import coverage_listing, ruleset_listing  # noqa: PLC0415

        loaded = load_engine(rulesets)
        chosen = [loaded.ruleset(ruleset)] if ruleset else list(loaded.all_rulesets)
        lines: list[str] = []
        for item in chosen:
            lines += coverage_listing(measure(item)) if coverage else ruleset_listing(item)
            lines.append("")
        return "\n".join(lines)
    run_and_print(run)
