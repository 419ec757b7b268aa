"""The case JSON Schema as `legalrules schema` prints it: what the tool accepts, each value explained.

pydantic's schema says `format: date-time` for instants, which a strict validator
reads as RFC 3339 and so rejects the offset-less times the tool accepts (reading them
as Beijing time, with a warning); here an instant is a pattern that admits exactly the
forms the reader takes. Each closed-vocabulary value gets a description (the value,
its Chinese term), and each Chinese term the reader accepts for it is listed too; each
field's description opens with the field's Chinese term (`case.field_terms`).
"""

from __future__ import annotations

from typing import Any, Final

from .chinese_terms import ALIASES, term
from .field_terms import field_term
from .model import CaseFacts

# Each model's fields by the path `case.field_terms` keys them by.
_PREFIX: Final = {"CaseInfo": "case.", "Suspect": "suspect.", "Circumstances": "circumstances.",
                  "Interrogation": "interrogation.", "Interruption": "interruption.", "Review": "interrogation.review.",
                  "Offence": "offence.", "Measure": "measure.", "Event": "event."}

# Date, then optionally time (seconds and fraction optional) and an offset or Z.
INSTANT_PATTERN: Final = (r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
                          r"([Zz]|[+-]\d{2}(:?\d{2})?)?)?$")


def _value_schema(value: str, allowed: list[str]) -> list[dict[str, Any]]:
    chinese = term(value)
    described = {"const": value, "description": f"{value} ({chinese})" if chinese else value}
    aliases = [{"const": alias, "description": f"the Chinese term for {value}, read as {value}"}
               for alias, values in ALIASES.items()
               if value in values and sum(v in allowed for v in values) == 1]
    return [described, *aliases]


def _rewrite(node: Any) -> Any:
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value) for key, value in node.items()}
    if out.get("format") == "date-time":
        del out["format"]
        out["pattern"] = INSTANT_PATTERN
    enum = out.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        del out["enum"]
        out["oneOf"] = [item for value in enum for item in _value_schema(value, enum)]
    return out


def _with_terms(schema: dict[str, Any]) -> dict[str, Any]:
    """Each field's description begins with its Chinese term (the one `init --lang zh` writes beside it)."""
    for model, prefix in _PREFIX.items():
        for name, field in schema.get("$defs", {}).get(model, {}).get("properties", {}).items():
            chinese = field_term(prefix + name)
            if chinese:
                field["description"] = f"{chinese}. {field['description']}" if "description" in field else chinese
    return schema


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema of case files, matching what `load_case` accepts; each field's description opens with
    its Chinese term."""
    schema: dict[str, Any] = _with_terms(_rewrite(CaseFacts.model_json_schema()))
    return schema
