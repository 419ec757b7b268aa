"""Strict YAML reading: duplicate keys, line numbers, timestamps kept as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalrules.case.yaml_lines import LineDict, LineList, YamlSyntaxError, line_of, parse_yaml, read_yaml_file

NESTED = """\
top:
  inner:
    deep: 1
  items:
    - a
    - {k: v,
       k2: w}
    - name: x
      other: y
"""


def test_duplicate_top_level_key_rejected_with_its_line() -> None:
    """A repeated top-level key raises YamlSyntaxError carrying the second occurrence's line."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert info.value.line == 3
    assert "duplicate key 'a'" in str(info.value)
    assert "first at line 1" in str(info.value)


def test_duplicate_nested_key_rejected_with_its_line() -> None:
    """A key repeated inside a nested mapping is rejected at the line of the repeat."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
    assert info.value.line == 5
    assert "duplicate key 'c'" in str(info.value)
    assert "first at line 3" in str(info.value)


def test_duplicate_key_in_flow_mapping_inside_list_rejected() -> None:
    """A key repeated in a flow mapping that is a list item is rejected too."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("items:\n  - {x: 1, x: 2}\n")
    assert info.value.line == 2
    assert "'x'" in str(info.value)


def test_same_key_in_sibling_mappings_is_allowed() -> None:
    """The same key in two different mappings is not a duplicate."""
    data = parse_yaml("a: {x: 1}\nb: {x: 2}\n")
    assert data == {"a": {"x": 1}, "b": {"x": 2}}


def test_syntax_error_carries_a_line() -> None:
    """Malformed YAML raises YamlSyntaxError with the line where the parser stopped."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("ok: 1\nbad: {x: 1\nnext: 2\n")
    assert info.value.line == 3


def test_unsafe_tags_are_refused() -> None:
    """Python object tags are not constructed (the loader is a SafeLoader)."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("a: !!python/object/apply:os.system ['true']\n")
    assert info.value.line == 1


def test_mappings_and_lists_carry_line_types() -> None:
    """Parsed mappings are LineDicts and sequences LineLists, with start lines."""
    data = parse_yaml(NESTED)
    assert isinstance(data, LineDict)
    assert isinstance(data["top"]["items"], LineList)
    assert data["top"]["items"].start_line == 5
    assert data["top"]["items"].item_lines == [5, 6, 8]


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ((), 1),
        (("top",), 1),
        (("top", "inner"), 2),
        (("top", "inner", "deep"), 3),
        (("top", "items"), 4),
        (("top", "items", 0), 5),
        (("top", "items", 1), 6),
        (("top", "items", 1, "k2"), 7),
        (("top", "items", 2), 8),
        (("top", "items", 2, "other"), 9),
    ],
)
def test_line_of_nested_keys_and_list_items(path: tuple[str | int, ...], line: int) -> None:
    """line_of returns the 1-based line of a nested key or list item."""
    assert line_of(parse_yaml(NESTED), path) == line


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("top", "missing"), 1),
        (("top", "items", 9), 4),
        (("top", "inner", "deep", "beyond"), 3),
    ],
)
def test_line_of_falls_back_to_nearest_known(path: tuple[str | int, ...], line: int) -> None:
    """For a path that does not exist, line_of gives the line of its deepest existing ancestor."""
    assert line_of(parse_yaml(NESTED), path) == line


def test_line_of_plain_data_is_none() -> None:
    """line_of on data that did not come from the strict parser knows no line."""
    assert line_of({"a": 1}, ("a",)) is None


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-01",
        "2024-03-01T09:00:00+08:00",
        "2024-03-01T09:00:00Z",
        "2024-03-01 09:00:00",
        "2024-03-01T09:00:00.5-05:00",
    ],
)
def test_timestamps_stay_text(text: str) -> None:
    """YAML timestamps and dates are returned verbatim as strings, not converted to datetime."""
    value = parse_yaml(f"at: {text}\n")["at"]
    assert type(value) is str
    assert value == text


def test_other_scalars_keep_their_types() -> None:
    """Booleans, integers, floats and null still resolve to Python values."""
    data = parse_yaml("b: true\ni: 10\nf: 1.5\nn: null\ns: text\n")
    assert data == {"b": True, "i": 10, "f": 1.5, "n": None, "s": "text"}
    assert type(data["b"]) is bool and type(data["i"]) is int


def test_json_is_parsed_with_lines() -> None:
    """JSON text parses through the same strict loader and keeps line numbers."""
    data = parse_yaml('{\n  "a": 1,\n  "b": [\n    {"c": 2}\n  ]\n}\n')
    assert data == {"a": 1, "b": [{"c": 2}]}
    assert line_of(data, ("b", 0, "c")) == 4


def test_json_duplicate_key_rejected() -> None:
    """A JSON object with a repeated key is rejected, unlike json.loads."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml('{"a": 1,\n "a": 2}\n')
    assert info.value.line == 2


def test_read_yaml_file_reads_utf8(tmp_path: Path) -> None:
    """read_yaml_file decodes UTF-8 (Chinese text survives) and parses strictly."""
    path = tmp_path / "f.yaml"
    path.write_text("title: {zh: 总则}\n", encoding="utf-8")
    assert read_yaml_file(path) == {"title": {"zh": "总则"}}
