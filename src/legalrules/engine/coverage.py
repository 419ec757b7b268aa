"""How completely a ruleset encodes its instrument, and which of its rules scenarios show working."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..ruleformat.compiled import CompiledRuleset
from .scenarios import LoadedScenario, load_scenarios

ARTICLE_STATUSES = ("encoded", "informational", "out_of_scope", "missing_from_source")


@dataclass(frozen=True)
class ArticleCoverage:
    """How one article is handled: its status, what it says, and why (or by which rules)."""

    number: int
    status: str
    summary: str
    reason: str | None
    rules: tuple[str, ...]
    encoded_as: str | None


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
    each_article: tuple[ArticleCoverage, ...] = ()


def article_entries(ruleset: CompiledRuleset) -> tuple[ArticleCoverage, ...]:
    """Every indexed article in order, a range's articles each given its range's summary and reason."""
    index = ruleset.articles
    if index is None:
        return ()
    out = []
    for number in range(1, index.article_count + 1):
        single = index.articles.get(number)
        if single is not None:
            out.append(ArticleCoverage(number, single.status, single.summary, single.reason,
                                       tuple(single.rules), single.encoded_as))
            continue
        run = next((r for r in index.ranges if r.from_ <= number <= r.to), None)
        if run is not None:
            out.append(ArticleCoverage(number, run.status, run.summary, run.reason, (), None))
    return tuple(out)


def rules_shown_firing(ruleset: CompiledRuleset, scenarios: list[LoadedScenario] | None = None) -> set[str]:
    """Rule ids some scenario of the ruleset expects to establish a conclusion."""
    found = load_scenarios(ruleset.directory) if scenarios is None else scenarios
    return {rule_id for s in found for e in s.scenario.expect for rule_id in (e.established_by or [])}


def deadlines_shown_running(ruleset: CompiledRuleset, scenarios: list[LoadedScenario] | None = None) -> set[str]:
    """`<id> <duty>` of each deadline some scenario of the ruleset expects a status for."""
    found = load_scenarios(ruleset.directory) if scenarios is None else scenarios
    return {f"{e.rule_id} {e.duty}" for s in found for e in s.scenario.expect_deadlines}


def coverage(ruleset: CompiledRuleset) -> Coverage:
    """Count the article index by status and split rules and deadlines by whether a scenario shows them."""
    index = ruleset.articles
    count = index.article_count if index is not None else 0
    statuses = Counter(index.status_of(n) for n in range(1, count + 1)) if index is not None else Counter()
    rule_ids = sorted({rule.id for rule in ruleset.rules})
    deadline_ids = sorted({f"{d.id} {d.spec.duty}" for d in ruleset.deadlines})
    scenarios = load_scenarios(ruleset.directory)  # parsed once: each one validates a whole case
    fired, running = rules_shown_firing(ruleset, scenarios), deadlines_shown_running(ruleset, scenarios)
    return Coverage(
        ruleset=ruleset.id, article_count=count,
        articles={status: statuses.get(status, 0) for status in ARTICLE_STATUSES},
        rules_shown=tuple(r for r in rule_ids if r in fired),
        rules_not_shown=tuple(r for r in rule_ids if r not in fired),
        deadlines_shown=tuple(d for d in deadline_ids if d in running),
        deadlines_not_shown=tuple(d for d in deadline_ids if d not in running),
        each_article=article_entries(ruleset),
    )
