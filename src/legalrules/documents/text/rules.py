"""The `legalrules rules` listing: each ruleset's rules and deadlines with citations (coverage: `coverage`)."""

from __future__ import annotations

from ...ruleformat.compiled import CompiledRuleset


def article_order(rule_id: str) -> tuple[int, ...]:
    """`av_2014.art14.2` sorts as (14, 2): article, then paragraph, then item."""
    return tuple(int(part) for part in rule_id.split(".art", 1)[1].split("."))


def ruleset_listing(ruleset: CompiledRuleset) -> list[str]:
    """The ruleset's header line, its window and version, then one line per rule and per deadline."""
    inst = ruleset.instrument
    lines = [f"{ruleset.id}: {inst.title.en} / {inst.title.zh} ({inst.document_number})"]
    by_id: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        by_id.setdefault(rule.id, []).append(rule.conclusion)
    lines.append(f"  {ruleset.window_text()}; version {ruleset.version}; "
                 f"{len(by_id)} rule(s), {len(ruleset.deadlines)} deadline(s)")
    if not by_id and not ruleset.deadlines:
        lines.append("  (metadata only: no rules encoded yet)")
    first = {rule.id: rule for rule in reversed(ruleset.rules)}
    for rule_id in sorted(by_id, key=article_order):
        rule = first[rule_id]
        lines.append(f"  {rule_id:<22} {rule.citation:<32} {rule.title}  -> {', '.join(by_id[rule_id])}")
    for deadline in sorted(ruleset.deadlines, key=lambda d: (article_order(d.id), d.spec.duty)):
        lines.append(f"  {deadline.id:<22} {deadline.citation:<32} {deadline.spec.title}  "
                     f"-> deadline {deadline.spec.duty} ({deadline.period[0]} {deadline.period[1]})")
    return lines
