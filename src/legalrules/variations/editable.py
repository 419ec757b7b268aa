"""The facts a trainer can change on a case: those the case states, and the unknown ones that decide.

Used by the explorer page: each field has its path (indexes only, so the page
can set it without knowing ids), its type and allowed values, its current
value (dates and instants also as Asia/Shanghai wall time for the browser's
inputs), and whether it decides an answer that is still undetermined.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..case.instants import LOCAL_ZONE
from ..case.model import CaseFacts
from ..decision.model import Decision
from .fact_paths import FieldType, field_type, parse_path
from .questions import asked_type, case_paths

_SECTIONS = ("case", "offences", "suspect", "circumstances", "interrogations", "measures", "events")
_NOT_EDITED = {"id", "name", "charge", "note", "recipient", "custody_place", "measure", "interrogation", "kind"}


class EditableField(BaseModel):
    """One fact the page shows as an input."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    kind: str
    values: list[Any]
    description: str
    value: Any
    local_value: str | None
    deciding: bool


def _leaves(node: Any, path: str, out: list[tuple[str, Any]]) -> None:
    if isinstance(node, dict):
        for key, child in node.items():
            _leaves(child, f"{path}.{key}" if path else str(key), out)
    elif isinstance(node, list):
        for index, child in enumerate(node):
            _leaves(child, f"{path}[{index}]", out)
    elif not path.rsplit(".", 1)[-1] in _NOT_EDITED:
        out.append((path, node))


def _local(kind: FieldType, value: Any) -> str | None:
    if value is None or kind.kind not in ("date", "instant"):
        return None
    text = str(value)
    if kind.kind == "date":
        return text[:10]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_ZONE)
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%dT%H:%M")


def _field(path: str, value: Any, deciding: bool) -> EditableField | None:
    try:
        kind = field_type(parse_path(path, "field"))
    except Exception:  # noqa: BLE001 - a key the model lacks is shown by validation, not here
        return None
    if kind.kind in ("model", "list"):
        return None
    return EditableField(path=path, kind=kind.kind, values=list(kind.values), description=kind.description,
                         value=value, local_value=_local(kind, value), deciding=deciding)


def _deciding_paths(case: CaseFacts, decision: Decision) -> list[str]:
    found: list[str] = []
    pairs = [(f, c.subject) for c in decision.conclusions for f in c.deciding_facts]
    pairs += [(f, d.subject) for d in decision.deadlines for f in d.deciding_facts]
    for fact, subject in pairs:
        for path in case_paths(fact, subject, case):
            if path not in found and asked_type(path) is not None:
                found.append(path)
    return found


def editable_fields(document: dict[str, Any], case: CaseFacts, decision: Decision) -> list[EditableField]:
    """The case's stated facts and the unknown deciding ones, section by section."""
    stated: list[tuple[str, Any]] = []
    _leaves(document, "", stated)
    deciding = _deciding_paths(case, decision)
    fields: dict[str, EditableField] = {}
    for path, value in stated:
        made = _field(path, value, path in deciding)
        if made is not None:
            fields[path] = made
    for path in deciding:
        if path not in fields:
            made = _field(path, None, True)
            if made is not None:
                fields[path] = made
    order = {path: n for n, path in enumerate(fields)}

    def section(path: str) -> int:
        head = path.split(".", 1)[0].split("[", 1)[0]
        return _SECTIONS.index(head) if head in _SECTIONS else len(_SECTIONS)

    return sorted(fields.values(), key=lambda f: (section(f.path), order[f.path]))
