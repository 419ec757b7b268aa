"""`legalrules check`: validate every ruleset and run every scenario."""

from __future__ import annotations

import typer

from .common import RulesetsOpt, load_engine, guard

def check(rulesets: RulesetsOpt = None) -> None:
    """Validate every ruleset and run every scenario; exit 1 if a scenario fails."""
    from ...engine.scenarios import check_scenario, load_scenarios

    def run() -> int:
        loaded = load_engine(rulesets)
        failed = total = 0
        for item in loaded.all_rulesets:
            typer.echo(f"{item.id}: loaded, {len({r.id for r in item.rules})} rule(s), "
                       f"{len(item.deadlines)} deadline(s), version {item.version}")
            for scenario in load_scenarios(item.directory):
                total += 1
                problems = check_scenario(loaded, scenario)
                if problems:
                    failed += 1
                    typer.echo(f"  FAIL {scenario.label}")
                    for problem in problems:
                        typer.echo(f"       {problem}")
        typer.echo(f"{total - failed} passed, {failed} failed")
        return failed
    if guard(run):
        raise typer.Exit(1)
