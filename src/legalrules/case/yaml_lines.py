"""Strict YAML reading: duplicate keys rejected, and every mapping remembers its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .limits import DocumentLimits


class YamlSyntaxError(Exception):
    """YAML that cannot be parsed, or that repeats a key; carries the line."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)


class YamlLimitError(YamlSyntaxError):
    """A document over one of the `DocumentLimits`; carries the line, the field path and both sizes."""

    def __init__(self, line: int | None, path: str, received: str, expected: str) -> None:
        self.path = path or "(top level)"
        self.received = received
        self.expected = expected
        super().__init__(line, f"{self.path}: received {received}; expected {expected}")


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


# YAML 1.2 reads `1e8` and `1.0e300` as numbers; PyYAML's YAML 1.1 resolver wants a dot
# and a signed exponent, and would hand such a value on as text.
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."))
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _bracket_depth(text: str) -> tuple[int, int]:
    """The deepest `[`/`{` nesting in the text and its line (brackets in strings count too: an upper bound)."""
    depth = deepest = line = deepest_line = 0
    for match in _BRACKET.finditer(text):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        else:
            depth = max(0, depth - 1)
    return deepest, deepest_line + 1


_BRACKET = re.compile(r"[\[\]{}\n]")
_INT_TAG = "tag:yaml.org,2002:int"


class _Measure:
    """Walks a composed document once, before any value is built, and enforces the limits."""

    def __init__(self, limits: DocumentLimits) -> None:
        self.limits = limits
        self.sizes: dict[int, int] = {}  # node id -> values it expands to (an alias reuses its node)
        self.open: set[int] = set()

    def fail(self, node: yaml.Node, path: str, received: str, expected: str, limit: str) -> YamlLimitError:
        return YamlLimitError(node.start_mark.line + 1, path, received,
                              f"{expected} ({self.limits.hint(limit)})")

    def size(self, node: yaml.Node, path: str, depth: int) -> int:
        known = self.sizes.get(id(node))
        if known is not None:
            return known
        if id(node) in self.open:
            raise YamlLimitError(node.start_mark.line + 1, path, "an alias that contains itself",
                                 "values that end (no recursive anchors)")
        if depth > self.limits.max_depth:
            raise self.fail(node, path, f"values nested {depth} deep", f"at most {self.limits.max_depth} levels",
                            "max_depth")
        total = 1
        if isinstance(node, yaml.ScalarNode):
            digits = len(node.value.lstrip("+-").replace("_", ""))
            if node.tag == _INT_TAG and digits > self.limits.max_digits:
                raise self.fail(node, path, f"an integer of {digits:,} digits",
                                f"at most {self.limits.max_digits} digits", "max_digits")
        else:
            self.open.add(id(node))
            children: list[Any] = node.value
            if len(children) > self.limits.max_items:
                noun = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
                raise self.fail(node, path, f"a {noun} of {len(children):,} items",
                                f"at most {self.limits.max_items:,} items in one {noun}", "max_items")
            for index, child in enumerate(children):
                if isinstance(child, tuple):  # a mapping's (key, value)
                    key, value = child
                    label = str(key.value)[:40] if isinstance(key, yaml.ScalarNode) else "?"
                    total += self.size(key, path, depth + 1)
                    total += self.size(value, f"{path}.{label}" if path else label, depth + 1)
                else:
                    total += self.size(child, f"{path}[{index}]", depth + 1)
                if total > self.limits.max_values:
                    raise self.fail(node, path, f"more than {self.limits.max_values:,} values once its aliases "
                                    "are expanded", f"at most {self.limits.max_values:,} values in one document",
                                    "max_values")
            self.open.discard(id(node))
        self.sizes[id(node)] = total
        return total


def parse_yaml(text: str, limits: DocumentLimits | None = None) -> Any:
    """Parse one YAML document strictly; raise YamlSyntaxError with the line on failure.

    With `limits`, the document is measured before any value is built, and one over a
    limit raises YamlLimitError naming the limit and how to raise it.
    """
    try:
        if limits is None:
            return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
        depth, deepest_line = _bracket_depth(text)
        if depth > limits.max_depth:  # libyaml's composer would overflow the C stack
            raise YamlLimitError(deepest_line, "", f"brackets nested {depth:,} deep",
                                 f"at most {limits.max_depth} levels ({limits.hint('max_depth')})")
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _Measure(limits).size(node, "", 0)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(line, f"{exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, str(exc)) from None


def read_yaml_file(path: Path, limits: DocumentLimits | None = None) -> Any:
    """Read and strictly parse a YAML (or JSON, a YAML subset) file, within `limits` if given."""
    return parse_yaml(path.read_text(encoding="utf-8"), limits)


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
