"""Facts overridden on the command line (`--set PATH=VALUE`), validated as if the file said them.

The case file is read as a document, each override is put at its path, and the
result goes through the same validation as any case file: a bad value gets the
same message a file would, located at the field path and marked `(--set ...)`
instead of a line number. The file on disk is never changed.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..case.io import case_source, read_case_document, validate_case_document
from ..case.model import CaseFacts
from ..case.yaml_lines import YamlSyntaxError, parse_yaml
from ..errors import InputError
from .fact_paths import FactPath, model_location, parse_path, set_in


@dataclass(frozen=True)
class Override:
    """One `--set PATH=VALUE`: the path, and the value as YAML read it (None: make the fact unknown)."""

    path: FactPath
    value: Any
    text: str

    @property
    def label(self) -> str:
        return f"--set {self.text}"


def parse_override(text: str) -> Override:
    """Parse `PATH=VALUE`; VALUE is read as a YAML scalar or flow value, as a case file would read it."""
    path_text, equals, value_text = text.partition("=")
    if not equals:
        raise InputError(f"--set {text}: received no '='; expected PATH=VALUE, e.g. suspect.birth_date=2009-03-11 "
                         "(VALUE null makes the fact unknown)")
    path = parse_path(path_text.strip(), "--set")
    try:
        value = parse_yaml(value_text) if value_text.strip() else ""
    except YamlSyntaxError as exc:
        raise InputError(f"--set {text}: received the value {value_text!r}, which is not YAML ({exc}); "
                         "expected a value as a case file would write it") from None
    return Override(path, plain(value), text)


def plain(value: Any) -> Any:
    """The parsed value without line bookkeeping (it has no line in the file)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def apply_overrides(document: dict[str, Any], overrides: Sequence[Override]) -> dict[str, Any]:
    """A copy of a case document with each override put at its path, in order."""
    changed = copy.deepcopy(document)
    for override in overrides:
        set_in(changed, override.path, override.value, "--set")
    return changed


def validate_with_overrides(document: dict[str, Any], source: str, overrides: Sequence[Override]) -> CaseFacts:
    """Apply overrides to a document and validate it; problems at an overridden path name the --set."""
    changed = apply_overrides(document, overrides)
    origins = {model_location(o.path, changed): o.label for o in overrides}
    return validate_case_document(changed, source, origins)


def load_case_with(path: Path, overrides: Sequence[str] | Sequence[Override] = ()) -> CaseFacts:
    """Read a case file and validate it with `--set` overrides applied (none: the file as it is)."""
    parsed = [o if isinstance(o, Override) else parse_override(o) for o in overrides]
    return validate_with_overrides(read_document(path), case_source(path), parsed)


def read_document(path: Path) -> dict[str, Any]:
    """A case file as a document to put overrides in (read and parsed, not yet validated)."""
    return read_case_document(path)


def document_yaml(document: dict[str, Any]) -> str:
    """A case document as YAML, keys in their order, for writing a completed case out."""
    import yaml  # noqa: PLC0415 - only when a case is written

    text: str = yaml.safe_dump(plain(document), allow_unicode=True, sort_keys=False, width=100)
    return text
