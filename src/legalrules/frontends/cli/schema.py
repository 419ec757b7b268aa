"""`legalrules schema` and `legalrules facts`: the case and decision JSON Schemas, and the facts rules test."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from ...case.json_schema import case_json_schema
from ...decision.model import Decision
from ...ruleformat.catalog import CATALOG
from .common import run_and_print

def schema(
    decision: Annotated[bool, typer.Option("--decision", help="The schema of the decision (output) instead.")] = False,
) -> None:
    """Print the JSON Schema of case files (or, with --decision, of decisions)."""
    document: Any = Decision.model_json_schema() if decision else case_json_schema()
    run_and_print(lambda: json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def facts() -> None:
    """List the base facts rule conditions may test, by scope."""
    def run() -> str:
        lines = []
        for spec in CATALOG.values():
            values = f" one of {list(spec.values)}" if spec.values else ""
            lines.append(f"{spec.scope:<14} {spec.name:<58} {spec.type}{values}\n")
        return "".join(lines)
    run_and_print(run)
