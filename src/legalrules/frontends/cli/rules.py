"""`legalrules rules`: the loaded rulesets, their rules and deadlines with citations, or their coverage."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .common import RulesetsOpt, load_engine, run_and_print
from .language import LangOpt, chosen_lang


class CoverageFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


def rules(
    ruleset: Annotated[str | None, typer.Option("--ruleset", help="Only this ruleset.")] = None,
    coverage: Annotated[bool, typer.Option(
        "--coverage", help="Each article's status (encoded / informational / out of scope) and reason, "
        "and rules without a scenario.")] = False,
    fmt: Annotated[CoverageFormat, typer.Option(
        "--format", help="With --coverage: text, Markdown (the README's ruleset table, then every article) "
        "or JSON.")] = CoverageFormat.text,
    summary: Annotated[bool, typer.Option(
        "--summary", help="With --coverage --format md: the summary table alone (the README's).")] = False,
    rulesets: RulesetsOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the loaded rulesets and their rules and deadlines, with citations (or their coverage)."""
    def run() -> str:
        from ...engine.coverage import coverage as measure  # noqa: PLC0415 - reads the scenario files
        from ...documents.text.coverage import coverage_json, coverage_markdown, coverage_text  # noqa: PLC0415
        from ...documents.text.rules import ruleset_listing  # noqa: PLC0415

        loaded = load_engine(rulesets)
        chosen = [loaded.ruleset(ruleset)] if ruleset else list(loaded.all_rulesets)
        if not coverage:
            return "".join("\n".join(ruleset_listing(item, chosen_lang(lang))) + "\n\n" for item in chosen)
        found = [measure(item) for item in chosen]
        if fmt is CoverageFormat.json:
            return coverage_json(found)
        if fmt is CoverageFormat.md:
            return "\n".join(coverage_markdown(chosen, found, summary_only=summary)) + "\n"
        return "".join("\n".join(coverage_text(item)) + "\n\n" for item in found)
    run_and_print(run)
