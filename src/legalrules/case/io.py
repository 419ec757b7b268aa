"""Reading a case file: YAML or JSON in, validated CaseFacts or a CaseFileError out."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .model import CaseFacts
from .instants import naive_instant_paths
from .yaml_lines import YamlSyntaxError, line_of, parse_yaml
from ..errors import CaseFileError, Problem

MAX_CASE_BYTES = 1_000_000


def _describe(value: Any) -> str:
    text = repr(value)
    kind = "dict" if isinstance(value, dict) else "list" if isinstance(value, list) else type(value).__name__
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({kind})"


def _field_path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def problems_from_validation(
    source: str, raw: Any, error: ValidationError, origins: Mapping[tuple[str | int, ...], str] | None = None,
) -> list[Problem]:
    """Turn pydantic's errors into located problems (file:line field.path).

    `origins` maps field paths put in from elsewhere (a `--set`) to what put them there:
    a problem at or under one is located by that, not by a line of the file.
    """
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        origin = next((label for at, label in (origins or {}).items() if loc[:len(at)] == at), None)
        line = None if origin else line_of(raw, loc)
        where = f"{source}:{line} {_field_path(loc)}" if line else f"{source} {_field_path(loc)}"
        where += f" ({origin})" if origin else ""
        if item["type"] == "extra_forbidden":
            received = f"unknown key {loc[-1]!r}"
            expected = "only the keys the schema names (see `legalrules schema`)"
        elif item["type"] == "missing":
            received = "nothing"
            expected = "this field (it is required)"
        else:
            received = _describe(item.get("input"))
            msg = item["msg"].removeprefix("Input should be ").removeprefix("Value error, ")
            expected = msg[0].lower() + msg[1:]
        problems.append(Problem(where, received, expected))
    return problems


def parse_case(text: str, source: str) -> CaseFacts:
    """Validate one case document (YAML or JSON text); `source` names it in errors."""
    return validate_case_document(parse_case_document(text, source), source)


def parse_case_document(text: str, source: str) -> dict[str, Any]:
    """Parse a case document (YAML or JSON text) into a mapping, not yet validated."""
    if len(text.encode("utf-8")) > MAX_CASE_BYTES:
        raise CaseFileError(
            source,
            [Problem(source, f"{len(text.encode('utf-8'))} bytes", f"at most {MAX_CASE_BYTES} bytes")],
        )
    try:
        raw = parse_yaml(text)
    except YamlSyntaxError as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise CaseFileError(source, [Problem(where, f"malformed YAML/JSON ({exc})", "a YAML or JSON mapping")]) from None
    if not isinstance(raw, dict):
        raise CaseFileError(source, [Problem(source, _describe(raw), "a mapping with a 'case' key")])
    return raw


def validate_case_document(raw: dict[str, Any], source: str,
                           origins: Mapping[tuple[str | int, ...], str] | None = None) -> CaseFacts:
    """Validate a parsed case document; `origins` names fields put in by a `--set` (see above)."""
    try:
        return CaseFacts.model_validate(raw)
    except ValidationError as exc:
        raise CaseFileError(source, problems_from_validation(source, raw, exc, origins)) from None


def load_case(path: Path | str) -> CaseFacts:
    """Read and validate a case file, given as a `Path` or a `str` path."""
    return validate_case_document(read_case_document(path), str(path))


def read_case_document(path: Path | str) -> dict[str, Any]:
    """Read and parse a case file into a mapping, not yet validated."""
    source = str(path)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(source, [Problem(source, "no such file", "a readable case file")]) from None
    except UnicodeDecodeError as exc:
        raise CaseFileError(source, [Problem(source, f"bytes that are not UTF-8 ({exc.reason})", "UTF-8 text")]) from None
    except OSError as exc:
        raise CaseFileError(source, [Problem(source, f"an unreadable file ({exc.strerror})", "a readable case file")]) from None
    return parse_case_document(text, source)


def naive_warnings(case: CaseFacts) -> list[str]:
    """One warning per instant that came in without an offset."""
    return [
        f"{path}: no UTC offset given; read as Asia/Shanghai local time (+08:00)"
        for path in naive_instant_paths(case)
    ]
