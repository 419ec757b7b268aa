"""How completely a ruleset encodes its instrument, and which of its rules scenarios show working."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ._compiled import CompiledRuleset
from ._scenarios import load_scenarios

ARTICLE_STATUSES = ("encoded", "informational", "out_of_scope", "missing_from_source")


@dataclass(frozen=True)
class Coverage:
    """One ruleset's article counts by status and its rules and deadlines with and without scenarios."""

    ruleset: str
    article_count: int
    articles: dict[str, int]
    rules_shown: tuple[str, ...]
    rules_not_shown: tuple[str, ...]
    deadlines_shown: tuple[str, ...]
    deadlines_not_shown: tuple[str, ...]


def rules_shown_firing(ruleset: CompiledRuleset) -> set[str]:
    """Rule ids some scenario of the ruleset expects to establish a conclusion."""
    return {rule_id for s in load_scenarios(ruleset.directory) for e in s.scenario.expect
            for rule_id in (e.established_by or [])}


def deadlines_shown_running(ruleset: CompiledRuleset) -> set[str]:
    """`<id> <duty>` of each deadline some scenario of the ruleset expects a status for."""
    return {f"{e.rule_id} {e.duty}" for s in load_scenarios(ruleset.directory) for e in s.scenario.expect_deadlines}


def coverage(ruleset: CompiledRuleset) -> Coverage:
    """Count the article index by status and split rules and deadlines by whether a scenario shows them."""
    index = ruleset.articles
    count = index.article_count if index is not None else 0
    statuses = Counter(index.status_of(n) for n in range(1, count + 1)) if index is not None else Counter()
    rule_ids = sorted({rule.id for rule in ruleset.rules})
    deadline_ids = sorted({f"{d.id} {d.spec.duty}" for d in ruleset.deadlines})
    fired, running = rules_shown_firing(ruleset), deadlines_shown_running(ruleset)
    return Coverage(
        ruleset=ruleset.id, article_count=count,
        articles={status: statuses.get(status, 0) for status in ARTICLE_STATUSES},
        rules_shown=tuple(r for r in rule_ids if r in fired),
        rules_not_shown=tuple(r for r in rule_ids if r not in fired),
        deadlines_shown=tuple(d for d in deadline_ids if d in running),
        deadlines_not_shown=tuple(d for d in deadline_ids if d not in running),
    )
