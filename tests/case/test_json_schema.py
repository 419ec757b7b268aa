"""`legalrules schema` validates exactly what the tool accepts, with every value explained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from legalrules.case.io import load_case
from legalrules.case.json_schema import case_json_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VALIDATOR = jsonschema.Draft202012Validator(case_json_schema(), format_checker=jsonschema.FormatChecker())


def _document(path: Path) -> Any:
    # As JSON would carry it: YAML's dates and times become the ISO text a JSON file holds.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_validates_strictly(path: Path) -> None:
    """theft_unknowns.yaml's offset-less times included: the schema no longer says format: date-time."""
    load_case(path)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in VALIDATOR.iter_errors(_json_ready(document))]
    assert not errors


def _json_ready(node: Any) -> Any:
    """The YAML document as its JSON twin would be: dates and times as ISO text."""
    if isinstance(node, dict):
        return {key: _json_ready(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_json_ready(item) for item in node]
    if hasattr(node, "isoformat"):
        return node.isoformat()
    return node


@pytest.mark.parametrize(("value", "valid"), [
    ("2026-11-21T10:25:00+08:00", True), ("2026-11-21T10:25:00", True), ("2026-11-21 10:25", True),
    ("2026/11/21 10:25", False), ("yesterday", False),
])
def test_instants_match_the_reader(value: str, valid: bool) -> None:
    """The pattern admits the forms the reader takes (with or without an offset) and no others."""
    document = {"case": {"id": "X"}, "measures": [{"kind": "detention", "start": value}]}
    assert VALIDATOR.is_valid(document) is valid


def test_enum_values_are_described_with_their_chinese_terms_and_aliases_allowed() -> None:
    """detention reads `detention (拘留)`, and the schema admits 拘留 since the reader does."""
    text = str(case_json_schema())
    assert "'detention (拘留)'" in text
    assert VALIDATOR.is_valid({"case": {"id": "X"}, "measures": [{"kind": "拘留"}]})
    assert not VALIDATOR.is_valid({"case": {"id": "X"}, "measures": [{"kind": "detension"}]})
