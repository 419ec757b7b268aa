"""Reading case files: every bad input is a CaseFileError that says where, what and why."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from legalrules import CaseFacts, CaseFileError, InputError, load_case, parse_case
from legalrules.case.io import MAX_CASE_BYTES, naive_warnings

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def _write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> CaseFileError:
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    return info.value


def test_case_file_error_is_an_input_error(tmp_path: Path) -> None:
    """A bad case file raises CaseFileError, which callers can catch as InputError."""
    with pytest.raises(InputError):
        load_case(_write(tmp_path, "[1, 2]\n"))


def test_malformed_yaml(tmp_path: Path) -> None:
    """Malformed YAML names the file and line, says it is malformed and what was expected."""
    path = _write(tmp_path, "case: {id: M1\ninterrogations: []\n")
    err = _error(path)
    msg = str(err)
    assert f"{path}:2" in msg
    assert "malformed YAML/JSON" in msg
    assert "expected a YAML or JSON mapping" in msg
    assert err.source == str(path)
    assert len(err.problems) == 1


def test_malformed_fixture_file() -> None:
    """The malformed fixture file is rejected with its own path in the message."""
    path = CASES / "malformed.yaml"
    assert f"{path}:2" in str(_error(path))


def test_duplicate_key_in_case(tmp_path: Path) -> None:
    """A repeated key in a case file is an error naming the line and the key."""
    path = _write(tmp_path, "case: {id: A}\nsuspect: {blind: true}\nsuspect: {blind: false}\n")
    msg = str(_error(path))
    assert f"{path}:3" in msg
    assert "duplicate key 'suspect'" in msg


def test_top_level_list(tmp_path: Path) -> None:
    """A top-level list is rejected: the message shows what was received and asks for a mapping."""
    path = _write(tmp_path, "- a\n- b\n")
    err = _error(path)
    problem = err.problems[0]
    assert problem.location == str(path)
    assert "['a', 'b']" in problem.received
    assert "a mapping with a 'case' key" in problem.expected
    assert str(path) in str(err)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- a\n- b\n", "list"),
        ("case: {id: X}\nsuspect: [1]\n", "list"),
        ("case: {id: X}\nsuspect: {blind: {x: 1}}\n", "dict"),
    ],
    ids=["top-level-list", "list-for-a-mapping", "mapping-for-a-bool"],
)
def test_received_containers_named_by_plain_type(tmp_path: Path, text: str, kind: str) -> None:
    """A list or mapping received where it does not belong is described as `list`/`dict`, not an internal class."""
    received = _error(_write(tmp_path, text)).problems[0].received
    assert received.endswith(f"({kind})"), received


def test_top_level_scalar_and_empty(tmp_path: Path) -> None:
    """A bare scalar or an empty file is rejected as not being a mapping."""
    for text, shown in (("42\n", "42 (int)"), ("", "None")):
        err = _error(_write(tmp_path, text))
        assert shown in err.problems[0].received
        assert "mapping" in err.problems[0].expected


def test_unknown_key_misspelt_fact(tmp_path: Path) -> None:
    """A misspelt fact is an error at its line and field path, not a silently unknown fact."""
    path = _write(tmp_path, "case: {id: X}\nsuspect:\n  blind: true\n  blnd: true\n")
    err = _error(path)
    assert len(err.problems) == 1
    problem = err.problems[0]
    assert problem.location == f"{path}:4 suspect.blnd"
    assert problem.received == "unknown key 'blnd'"
    assert "only the keys the schema names" in problem.expected
    assert f"{path}:4 suspect.blnd: received unknown key 'blnd'" in str(err)


def test_unknown_key_inside_list_item(tmp_path: Path) -> None:
    """An unknown key inside a list item is located with an index path."""
    path = _write(tmp_path, "case: {id: X}\ninterrogations:\n  - recorded: true\n  - recordd: true\n")
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:4 interrogations[1].recordd"


def test_string_for_a_bool(tmp_path: Path) -> None:
    """A string where a bool is expected names field, line, the value received and 'boolean'."""
    path = _write(tmp_path, "case: {id: X}\nsuspect:\n  blind: 'maybe'\n")
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:3 suspect.blind"
    assert problem.received == "'maybe' (str)"
    assert "boolean" in problem.expected


def test_bad_enum(tmp_path: Path) -> None:
    """A value outside an enum names field path, line, the value and the allowed values."""
    path = CASES / "bad_place.yaml"
    err = _error(path)
    problem = err.problems[0]
    assert problem.location == f"{path}:4 interrogations[0].place"
    assert problem.received == "'jail' (str)"
    assert "'detention_house'" in problem.expected and "'remote_video'" in problem.expected
    assert "interrogations[0].place" in str(err)


def test_bad_enum_in_nested_list(tmp_path: Path) -> None:
    """A bad enum two lists deep is located as interrogations[i].interruptions[j].reason."""
    path = _write(
        tmp_path,
        "case: {id: X}\ninterrogations:\n  - interruptions:\n      - reason: storage_full\n"
        "      - reason: coffee_break\n",
    )
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:5 interrogations[0].interruptions[1].reason"
    assert "'coffee_break'" in problem.received
    assert "'storage_full'" in problem.expected


@pytest.mark.parametrize("value", ["2024-13-45T09:00", "not a date", "2024-03-01T25:00:00+08:00"])
def test_bad_datetime(tmp_path: Path, value: str) -> None:
    """A bad date-time names its field path and line, what was received, and 'datetime'."""
    path = _write(tmp_path, f"case: {{id: X}}\ninterrogations:\n  - place: residence\n    start: {value}\n")
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:4 interrogations[0].start"
    assert value in problem.received
    assert "datetime" in problem.expected


def test_missing_case_id(tmp_path: Path) -> None:
    """A case without case.id says the field is required and received nothing."""
    path = _write(tmp_path, "case: {proceeding: criminal}\n")
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:1 case.id"
    assert problem.received == "nothing"
    assert "required" in problem.expected


def test_missing_case_section(tmp_path: Path) -> None:
    """A document without a `case` section is rejected naming the `case` field."""
    path = _write(tmp_path, "suspect: {blind: true}\n")
    problem = _error(path).problems[0]
    assert problem.location.endswith(" case")
    assert "required" in problem.expected


def test_every_problem_is_reported(tmp_path: Path) -> None:
    """Several independent mistakes are reported together, one problem each."""
    path = _write(tmp_path, "case: {id: X}\nsuspect:\n  blind: maybe\n  deaf: 7.5\n  blnd: true\n")
    err = _error(path)
    locations = {p.location for p in err.problems}
    assert locations == {f"{path}:3 suspect.blind", f"{path}:4 suspect.deaf", f"{path}:5 suspect.blnd"}
    assert "(3 problem(s))" in str(err)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file names the path, says 'no such file' and what was expected."""
    path = tmp_path / "absent.yaml"
    err = _error(path)
    assert err.problems[0].location == str(path)
    assert err.problems[0].received == "no such file"
    assert "readable case file" in err.problems[0].expected


def test_directory_instead_of_file(tmp_path: Path) -> None:
    """A directory given as the case file is a CaseFileError, not an OSError."""
    err = _error(tmp_path)
    assert str(tmp_path) in str(err)


def test_non_utf8_bytes(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 name the file and say UTF-8 was expected."""
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"case: {id: caf\xe9}\n")
    err = _error(path)
    assert err.problems[0].location == str(path)
    assert "not UTF-8" in err.problems[0].received
    assert err.problems[0].expected == "UTF-8 text"


def test_oversized_file(tmp_path: Path) -> None:
    """A file over 1,000,000 bytes is refused, saying its size and the limit."""
    assert MAX_CASE_BYTES == 1_000_000
    text = "case: {id: X}\n# " + "x" * MAX_CASE_BYTES + "\n"
    path = _write(tmp_path, text)
    size = len(text.encode("utf-8"))
    err = _error(path)
    assert err.problems[0].location == str(path)
    assert err.problems[0].received == f"{size} bytes"
    assert err.problems[0].expected == ("at most 1000000 bytes "
                                        "(set LEGALRULES_MAX_CASE_BYTES above 1,000,000 to accept it)")


def test_size_limit_counts_bytes_not_characters(tmp_path: Path) -> None:
    """The limit is on UTF-8 bytes: 400,000 three-byte characters are over it."""
    text = "case: {id: X}\n# " + "案" * 400_000 + "\n"
    assert len(text) < MAX_CASE_BYTES < len(text.encode("utf-8"))
    err = _error(_write(tmp_path, text))
    assert "at most 1000000 bytes" in str(err)


def test_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    """A file of exactly 1,000,000 bytes is accepted."""
    head = "case: {id: X}\n# "
    text = head + "x" * (MAX_CASE_BYTES - len(head) - 1) + "\n"
    assert len(text.encode("utf-8")) == MAX_CASE_BYTES
    assert load_case(_write(tmp_path, text)).case.id == "X"


def test_naive_datetime_is_read_as_shanghai(tmp_path: Path) -> None:
    """A date-time without an offset is read as Asia/Shanghai local time (+08:00)."""
    case = load_case(CASES / "naive.yaml")
    start = case.interrogations[0].start
    assert start is not None
    assert start.utcoffset() == timedelta(hours=8)
    assert start == datetime(2024, 3, 1, 1, 0, tzinfo=timezone.utc)


def test_naive_warnings_name_the_field_path() -> None:
    """naive_warnings names each naive instant's field path and only those."""
    case = load_case(CASES / "naive.yaml")
    warnings = naive_warnings(case)
    assert len(warnings) == 1
    assert warnings[0].startswith("interrogations[0].start: ")
    assert "Asia/Shanghai" in warnings[0] and "+08:00" in warnings[0]


def test_naive_warnings_deep_paths() -> None:
    """A naive instant inside an interruption is named with its full path."""
    case = parse_case(
        "case: {id: X}\ninterrogations:\n  - interruptions:\n      - {start: '2024-03-01T09:00:00+08:00'}\n"
        "      - {start: '2024-03-01T10:00:00'}\nevents:\n  - {kind: case_filed, at: '2024-01-01T08:00'}\n",
        "x.yaml",
    )
    paths = [w.split(":")[0] for w in naive_warnings(case)]
    assert paths == ["interrogations[0].interruptions[1].start", "events[0].at"]


def test_aware_datetime_keeps_its_instant(tmp_path: Path) -> None:
    """An instant with another offset keeps that offset and instant, and is not warned about."""
    path = _write(tmp_path, "case: {id: X}\ninterrogations:\n  - start: 2024-03-01T09:00:00-05:00\n")
    case = load_case(path)
    start = case.interrogations[0].start
    assert start is not None
    assert start.utcoffset() == timedelta(hours=-5)
    assert start == datetime(2024, 3, 1, 14, 0, tzinfo=timezone.utc)
    assert naive_warnings(case) == []


def test_explicit_plus_eight_is_not_naive() -> None:
    """An instant given with +08:00 explicitly produces no naive warning."""
    case = load_case(CASES / "valid.yaml")
    assert naive_warnings(case) == []


def test_json_reads_the_same_as_yaml() -> None:
    """The JSON fixture and the YAML fixture give identical CaseFacts."""
    from_yaml = load_case(CASES / "valid.yaml")
    from_json = load_case(CASES / "valid.json")
    assert isinstance(from_json, CaseFacts)
    assert from_json == from_yaml
    assert from_json.interrogations[0].interruptions is not None
    assert from_json.interrogations[0].interruptions[0].reason == "storage_full"


def test_json_errors_are_located_like_yaml(tmp_path: Path) -> None:
    """A bad value in JSON is reported with its line and field path."""
    path = _write(
        tmp_path,
        '{\n  "case": {"id": "J"},\n  "interrogations": [\n    {"place": "jail"}\n  ]\n}\n',
        "case.json",
    )
    problem = _error(path).problems[0]
    assert problem.location == f"{path}:4 interrogations[0].place"
    assert problem.received == "'jail' (str)"


def test_malformed_json(tmp_path: Path) -> None:
    """Malformed JSON is reported as malformed with the file and a line."""
    path = _write(tmp_path, '{"case": {"id": "J"},\n "x": [1, 2\n}\n', "case.json")
    msg = str(_error(path))
    assert f"{path}:3" in msg
    assert "malformed YAML/JSON" in msg


def test_omitted_facts_are_unknown() -> None:
    """Facts left out are None (unknown), never False, and lists default sensibly."""
    case = parse_case("case: {id: X}\n", "min.yaml")
    assert case.case.id == "X"
    assert case.offences is None
    assert case.suspect.blind is None
    assert case.suspect.birth_date is None
    assert case.circumstances.unstable_confession is None
    assert case.interrogations == []
    interrogation = parse_case("case: {id: X}\ninterrogations: [{}]\n", "i.yaml").interrogations[0]
    assert interrogation.recorded is None
    assert interrogation.place is None
    assert interrogation.person == "suspect"


def test_explicit_false_is_not_unknown() -> None:
    """A fact given as false is False, distinct from omitted."""
    case = parse_case("case: {id: X}\nsuspect: {blind: false}\n", "f.yaml")
    assert case.suspect.blind is False
    assert case.suspect.deaf is None


def test_parse_case_uses_source_in_messages() -> None:
    """parse_case names errors by the `source` it is given."""
    with pytest.raises(CaseFileError) as info:
        parse_case("case: {id: X}\nsuspect: {blnd: 1}\n", "<stdin>")
    assert info.value.source == "<stdin>"
    assert "<stdin>:2 suspect.blnd" in str(info.value)


def test_case_facts_are_frozen() -> None:
    """A loaded case cannot be changed after validation."""
    case = load_case(CASES / "valid.yaml")
    with pytest.raises(ValidationError):
        case.case.id = "other"  # type: ignore[misc]
    assert case.case.id == "T1"
