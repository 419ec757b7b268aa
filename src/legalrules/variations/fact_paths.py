"""Paths to facts in a case file (`suspect.birth_date`, `measures[m1].start`) and their types.

A path names a place in the case document: keys joined by dots, list items by
index (`[0]`) or by the item's `id` (`[m1]`), and `[+]` for a new item at the
end of a list. The same path is read against the case model to know what the
place holds (a date, an instant, a bool, one of some values), so values can be
parsed, swept and asked for.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..case.model import CaseFacts
from ..patterns import on_first_use
from ..errors import InputError

Step = str | int  # a key, an index, or an id/`+` kept as text in brackets
_TOKEN = on_first_use(r"([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]+)\]|(\.)")
FactKind = Literal["bool", "enum", "date", "instant", "int", "float", "text", "model", "list"]


@dataclass(frozen=True)
class PathPart:
    """One step of a path: a key, or a list item by index, by id, or `+` (append)."""

    key: str | None = None
    index: int | None = None
    item_id: str | None = None
    append: bool = False

    def text(self) -> str:
        if self.key is not None:
            return self.key
        if self.index is not None:
            return f"[{self.index}]"
        return "[+]" if self.append else f"[{self.item_id}]"


@dataclass(frozen=True)
class FactPath:
    """A parsed path into a case document."""

    text: str
    parts: tuple[PathPart, ...]


def parse_path(text: str, where: str = "--set") -> FactPath:
    """Parse `suspect.birth_date` or `measures[m1].start`; a bad path is an InputError naming it."""
    parts: list[PathPart] = []
    position, expect_key = 0, True
    while position < len(text):
        match = _TOKEN().match(text, position)
        if match is None:
            break
        key, bracket, dot = match.groups()
        if dot is not None:
            if expect_key:
                break
            expect_key = True
        elif key is not None:
            if not expect_key:
                break
            parts.append(PathPart(key=key))
            expect_key = False
        else:
            if expect_key or not parts:
                break
            inner = bracket.strip()
            parts.append(PathPart(append=True) if inner == "+" else
                         PathPart(index=int(inner)) if inner.isdigit() else PathPart(item_id=inner))
        position = match.end()
    if position < len(text) or expect_key or not parts:
        raise InputError(f"{where} {text}: received the path {text!r}; expected keys joined by dots, "
                         "list items by index or id in brackets, e.g. suspect.birth_date or measures[m1].start")
    return FactPath(text, tuple(parts))


def model_location(path: FactPath, raw: Any) -> tuple[str | int, ...]:
    """The path as pydantic's error locations name it (ids turned into indexes), as far as it resolves."""
    loc: list[str | int] = []
    node = raw
    for part in path.parts:
        if part.key is not None:
            loc.append(part.key)
            node = node.get(part.key) if isinstance(node, dict) else None
        elif isinstance(node, list):
            index = _index_in(node, part)
            if index is None:
                break
            loc.append(index)
            node = node[index] if index < len(node) else None
        else:
            break
    return tuple(loc)


def _index_in(items: list[Any], part: PathPart) -> int | None:
    if part.append:
        return len(items)
    if part.index is not None:
        return part.index if part.index < len(items) else None
    for position, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("id")) == part.item_id:
            return position
    return None


def _describe_ids(items: list[Any]) -> str:
    ids = [str(item["id"]) for item in items if isinstance(item, dict) and item.get("id") is not None]
    shown = f"an index 0 to {len(items) - 1}" if items else "[+] to add the first item"
    return shown + (f", or an id: {', '.join(ids)}" if ids else "") + ("" if not items else ", or [+] to add one")


def set_in(raw: dict[str, Any], path: FactPath, value: Any, where: str) -> None:
    """Put `value` at `path` in a raw case document, creating mappings on the way; None removes it."""
    node: Any = raw
    trail = ""
    for number, part in enumerate(path.parts):
        last = number == len(path.parts) - 1
        following = None if last else path.parts[number + 1]
        if part.key is not None:
            if not isinstance(node, dict):
                raise InputError(f"{where} {path.text}: {trail or 'the case'} is {_kind(node)}, not a mapping; "
                                 f"expected a path whose part {part.text()!r} names a key of a mapping")
            trail = f"{trail}.{part.key}" if trail else part.key
            if last:
                if value is None:
                    node.pop(part.key, None)
                else:
                    node[part.key] = value
                return
            if node.get(part.key) is None:
                node[part.key] = [] if following is not None and following.key is None else {}
            node = node[part.key]
            continue
        if not isinstance(node, list):
            raise InputError(f"{where} {path.text}: {trail} is {_kind(node)}, not a list; "
                             f"expected {part.text()} only after a list such as measures or interrogations")
        index = _index_in(node, part)
        if index is None:
            raise InputError(f"{where} {path.text}: received {part.text()} for {trail} ({len(node)} item(s)); "
                             f"expected {_describe_ids(node)}")
        trail = f"{trail}[{index}]"
        if index == len(node):
            node.append({} if not last else value)
        if last:
            if value is None:
                del node[index]
            else:
                node[index] = value
            return
        node = node[index]


def _kind(node: Any) -> str:
    if isinstance(node, dict):
        return "a mapping"
    return "a list" if isinstance(node, list) else "absent" if node is None else f"a {type(node).__name__}"


@dataclass(frozen=True)
class FieldType:
    """What a place in the case holds: its kind, the allowed values of an enum, its description."""

    kind: FactKind
    values: tuple[Any, ...] = ()
    description: str = ""
    optional: bool = True


def field_type(path: FactPath) -> FieldType:
    """The type the case model gives the place at `path` (InputError for a path the model lacks)."""
    annotation: Any = CaseFacts
    description = ""
    for part in path.parts:
        model = _model_in(annotation)
        if part.key is not None:
            if model is None or part.key not in model.model_fields:
                known = ", ".join(model.model_fields) if model is not None else "none (not a mapping)"
                raise InputError(f"{path.text}: received the key {part.key!r}; expected one of: {known}")
            field = model.model_fields[part.key]
            annotation, description = field.annotation, field.description or part.key.replace("_", " ")
        else:
            inner = _list_item(annotation)
            if inner is None:
                raise InputError(f"{path.text}: received {part.text()}; expected it only after a list")
            annotation = inner
    return _classify(annotation, description)


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Annotated and None, and whether None was allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) != 1:
                return tuple(args), optional
            annotation = args[0]
        else:
            return annotation, optional


def _model_in(annotation: Any) -> type[BaseModel] | None:
    bare, _ = _strip(annotation)
    return bare if isinstance(bare, type) and issubclass(bare, BaseModel) else None


def _list_item(annotation: Any) -> Any:
    bare, _ = _strip(annotation)
    return get_args(bare)[0] if get_origin(bare) is list else None


def _classify(annotation: Any, description: str) -> FieldType:
    bare, optional = _strip(annotation)
    if isinstance(bare, tuple):  # e.g. statutory_max: a literal or a number of years
        values: tuple[Any, ...] = ()
        numeric = False
        for arg in bare:
            inner, _ = _strip(arg)
            values += get_args(inner) if get_origin(inner) is Literal else ()
            numeric = numeric or inner is int
        # statutory_max: 'death', 'life' or a number of years; ranges sweep the years.
        return FieldType("int" if numeric else "enum" if values else "text", values, description, optional)
    if get_origin(bare) is Literal:
        return FieldType("enum", get_args(bare), description, optional)
    if get_origin(bare) is list:
        return FieldType("list", (), description, optional)
    simple: dict[Any, FactKind] = {bool: "bool", datetime: "instant", date: "date", int: "int",
                                   float: "float", str: "text"}
    if bare in simple:
        return FieldType(simple[bare], (True, False) if bare is bool else (), description, optional)
    return FieldType("model", (), description, optional)
