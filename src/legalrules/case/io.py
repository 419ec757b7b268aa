"""Reading a case file: YAML or JSON in, validated CaseFacts or a CaseFileError out."""

from __future__ import annotations

import reprlib
import sys
from functools import cache
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from .base import Facts
from .consistency import contradictions
from .model import DEFER_CONSISTENCY, CaseFacts
from .suggestions import DATE_FORM, DATE_TIME_FORM, key_hint, value_hint
from .instants import naive_instant_paths
from .limits import DocumentLimits
from .yaml_lines import YamlLimitError, YamlSyntaxError, line_of, parse_yaml
from ..errors import CaseFileError, Problem

MAX_CASE_BYTES = DocumentLimits().max_bytes
STDIN_SOURCE = "<stdin>"

# Cuts a value *before* formatting it: a list of a million items or a 10,000-character
# string costs as much to show as a short one.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxtuple = 2, 4, 4, 4
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlong = 60, 60, 40


def short_repr(value: Any) -> str:
    """`repr(value)` cut while it is built: at most a few items per level and 60 characters per string."""
    return _SHORT.repr(value)


def _describe(value: Any) -> str:
    text = short_repr(value)
    kind = "dict" if isinstance(value, dict) else "list" if isinstance(value, list) else type(value).__name__
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({kind})"


def _field_path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _located(source: str, raw: Any, loc: tuple[str | int, ...],
             origins: Mapping[tuple[str | int, ...], str] | None = None) -> str:
    """`file:line field.path`, or `file field.path (--set ...)` for a field a `--set` put in."""
    origin = _origin(loc, origins)
    line = None if origin else line_of(raw, loc)
    where = f"{source}:{line} {_field_path(loc)}" if line else f"{source} {_field_path(loc)}"
    return where + (f" ({origin})" if origin else "")


def _origin(loc: tuple[str | int, ...], origins: Mapping[tuple[str | int, ...], str] | None) -> str | None:
    return next((label for at, label in (origins or {}).items() if loc[:len(at)] == at), None)


def _problem(source: str, raw: Any, loc: tuple[str | int, ...], received: str, expected: str,
             origins: Mapping[tuple[str | int, ...], str] | None = None) -> Problem:
    """A problem at a field: the place in words, and file, line and field path apart."""
    line = None if _origin(loc, origins) else line_of(raw, loc)
    return Problem(_located(source, raw, loc, origins), received, expected, file=source, line=line,
                   field=_field_path(loc))


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
        if item["type"] == "extra_forbidden":
            received = f"unknown key {loc[-1]!r}"
            expected = "only the keys the schema names (see `legalrules schema`)" + key_hint(CaseFacts, loc)
        elif item["type"] == "missing":
            received = "nothing"
            expected = "this field (it is required)"
        else:
            received = _describe(item.get("input"))
            msg = item["msg"].removeprefix("Input should be ").removeprefix("Value error, ")
            expected = msg[0].lower() + msg[1:] + _hint(item["type"], loc, item.get("input"))
        problems.append(_problem(source, raw, loc, received, expected, origins))
    # In the order of the file, as an author reads it (problems without a line last, as pydantic gave them).
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


def _hint(kind: str, loc: tuple[str | int, ...], value: Any) -> str:
    """What the author probably meant: the nearest value, or the form a date or time takes."""
    if kind in ("literal_error", "enum"):
        return value_hint(CaseFacts, loc, value)
    if kind.startswith("datetime"):
        return f"; write it as {DATE_TIME_FORM}"
    if kind.startswith("date"):
        return f"; write it as {DATE_FORM}"
    return ""


def parse_case(text: str, source: str) -> CaseFacts:
    """Validate one case document (YAML or JSON text); `source` names it in errors."""
    return validate_case_document(parse_case_document(text, source), source)


def parse_case_document(text: str, source: str) -> dict[str, Any]:
    """Parse a case document (YAML or JSON text) into a mapping, not yet validated."""
    limits = DocumentLimits.from_environment()
    size = len(text.encode("utf-8"))
    if size > limits.max_bytes:
        raise CaseFileError(source, [Problem(
            source, f"{size} bytes", f"at most {limits.max_bytes} bytes ({limits.hint('max_bytes')})", file=source)])
    try:
        raw = parse_yaml(text, limits)
    except YamlLimitError as exc:
        where = f"{source}:{exc.line} {exc.path}" if exc.line else f"{source} {exc.path}"
        raise CaseFileError(source, [Problem(where, exc.received, exc.expected, file=source, line=exc.line,
                                             field=exc.path)]) from None
    except YamlSyntaxError as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise CaseFileError(source, [Problem(where, f"malformed YAML/JSON ({exc})", "a YAML or JSON mapping",
                                             file=source, line=exc.line)]) from None
    if not isinstance(raw, dict):
        raise CaseFileError(source, [Problem(source, _describe(raw), "a mapping with a 'case' key", file=source)])
    return raw


def validate_case_document(raw: dict[str, Any], source: str,
                           origins: Mapping[tuple[str | int, ...], str] | None = None) -> CaseFacts:
    """Validate a parsed case document; `origins` names fields put in by a `--set` (see above)."""
    try:
        case = CaseFacts.model_validate(raw, context={DEFER_CONSISTENCY: True})
    except ValidationError as exc:
        raise CaseFileError(source, problems_from_validation(source, raw, exc, origins)) from None
    return check_consistent(case, source, raw, origins)


def check_consistent(case: CaseFacts, source: str, raw: Any = None,
                     origins: Mapping[tuple[str | int, ...], str] | None = None) -> CaseFacts:
    """`case` if its facts agree with each other; CaseFileError naming every contradiction otherwise."""
    found = contradictions(case)
    if found:
        raise CaseFileError(source, [_problem(source, raw, c.location, c.received, c.expected, origins)
                                     for c in found])
    return case


def load_case(path: Path | str) -> CaseFacts:
    """Read and validate a case file, given as a `Path` or a `str` path."""
    return validate_case_document(read_case_document(path), case_source(path))


@cache
def _read_once(stream: BinaryIO) -> str:
    """A stream read once, kept per stream: a command that reads its case twice (what-if) gets it both times."""
    return stream.read().decode("utf-8")


def case_source(path: Path | str) -> str:
    """How errors name a case file: its path, or `<stdin>` for `-`."""
    return STDIN_SOURCE if str(path) == "-" else str(path)


def read_case_document(path: Path | str) -> dict[str, Any]:
    """Read and parse a case file into a mapping, not yet validated; `-` reads standard input."""
    source = case_source(path)
    path = Path(path)
    try:
        # `-` is the command-line convention for standard input (`cat case.yaml | legalrules evaluate -`).
        text = _read_once(sys.stdin.buffer) if source == STDIN_SOURCE else path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(source, [Problem(source, "no such file", "a readable case file", file=source)]) from None
    except UnicodeDecodeError as exc:
        raise CaseFileError(source, [Problem(source, f"bytes that are not UTF-8 ({exc.reason})", "UTF-8 text",
                                             file=source)]) from None
    except OSError as exc:
        raise CaseFileError(source, [Problem(source, f"an unreadable file ({exc.strerror})", "a readable case file",
                                             file=source)]) from None
    return parse_case_document(text, source)


def naive_warnings(case: CaseFacts) -> list[str]:
    """One warning per instant that came in without an offset."""
    return [
        f"{path}: no UTC offset given; read as Asia/Shanghai local time (+08:00)"
        for path in naive_instant_paths(case)
    ]


def chinese_term_notes(case: CaseFacts) -> list[str]:
    """One note per field given by its Chinese term: accepted, and the officer told what it was read as."""
    return [f"{path}: '{said}' is `{value}` (the Chinese term, read as the identifier it names)"
            for path, said, value in _terms_read(case, "")]


def _terms_read(value: Any, path: str) -> list[tuple[str, str, str]]:
    if isinstance(value, Facts):
        found = [(f"{path}.{name}" if path else name, said, read) for name, said, read in value.terms_read()]
        for name in type(value).model_fields:
            child = getattr(value, name)
            if isinstance(child, (Facts, list, tuple)):
                found += _terms_read(child, f"{path}.{name}" if path else name)
        return found
    if isinstance(value, (list, tuple)):
        return [note for index, item in enumerate(value) for note in _terms_read(item, f"{path}[{index}]")]
    return []
