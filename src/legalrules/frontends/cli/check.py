"""`legalrules check`: validate every ruleset and run every scenario."""

from __future__ import annotations

import typer

from ...paths import rulesets_dir
from .common import RulesetsOpt, guard, load_engine, say

def check(rulesets: RulesetsOpt = None) -> None:
    """Validate every ruleset, its quotes against its source, and run every scenario; exit 1 if any fails."""
    from ...engine.scenarios import check_scenario, load_scenarios
    from ...ruleformat.sources import shared_dir, source_problems

    def run() -> int:
        loaded = load_engine(rulesets)
        failed = total = misquoted = 0
        shared = shared_dir(rulesets or rulesets_dir())
        for item in loaded.all_rulesets:
            say(f"{item.id}: loaded, {len({r.id for r in item.rules})} rule(s), "
                       f"{len(item.deadlines)} deadline(s), version {item.version}")
            if not shared.is_dir():
                say(f"  quotes not checked: no sources directory at {shared} (set LEGALRULES_SHARED)")
            else:
                wrong = source_problems(item, shared)
                misquoted += len(wrong)
                for mismatch in wrong:
                    say(f"  SOURCE {mismatch}")
            for scenario in load_scenarios(item.directory):
                total += 1
                problems = check_scenario(loaded, scenario)
                if problems:
                    failed += 1
                    say(f"  FAIL {scenario.label}")
                    for problem in problems:
                        say(f"       {problem}")
        say(f"{total - failed} passed, {failed} failed"
                   + (f"; {misquoted} quote(s) or source(s) not found" if misquoted else ""))
        return failed + misquoted
    if guard(run):
        raise typer.Exit(1)
