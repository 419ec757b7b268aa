"""Strict YAML reading: duplicate keys rejected, and every mapping remembers its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class YamlSyntaxError(Exception):
    """YAML that cannot be parsed, or that repeats a key; carries the line."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)


class LineDict(dict[str, Any]):
    """A mapping that knows the line of each of its keys (1-based)."""

    start_line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that knows the line of each of its items (1-based)."""

    start_line: int
    item_lines: list[int]


# libyaml's parser is about nine times faster here (8 ms instead of 75 ms for the
# bundled rulesets, most of the CLI's start-up); the constructors below are the same.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader that rejects duplicate keys and records line numbers."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.start_line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise YamlSyntaxError(
                key_node.start_mark.line + 1,
                f"duplicate key {key!r} (first at line {result.key_lines[key]})",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.start_line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _StrictLoader, node: yaml.ScalarNode) -> str:
    # Dates and times stay text so that the models parse them once, with their
    # own rules for offsets (PyYAML would silently convert offsets to UTC).
    return str(loader.construct_scalar(node))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document strictly; raise YamlSyntaxError with the line on failure."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(line, f"{exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, str(exc)) from None


def read_yaml_file(path: Path) -> Any:
    """Read and strictly parse a YAML (or JSON, a YAML subset) file."""
    return parse_yaml(path.read_text(encoding="utf-8"))


def line_of(data: Any, path: tuple[str | int, ...]) -> int | None:
    """The line where the value at `path` (keys and indexes) starts, or the nearest known."""
    line: int | None = getattr(data, "start_line", None)
    node = data
    for part in path:
        if isinstance(node, LineDict) and str(part) in node:
            line = node.key_lines.get(str(part), line)
            node = node[str(part)]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
