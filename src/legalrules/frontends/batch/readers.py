"""Batch inputs: a JSONL file (one case a line), a folder of case files, or a Parquet file (one case a row).

Each case becomes a `CaseRecord`: a key that names it in the output (and that
`--resume` matches), the source its errors name, and its text. Reading stays in
the calling process; the records travel to the workers, so a remote cluster needs
no shared filesystem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from ...errors import InputError

CASE_SUFFIXES: Final = (".yaml", ".yml", ".json")
PARQUET_COLUMN: Final = "case"
InputKind = Literal["jsonl", "folder", "parquet"]


@dataclass(frozen=True)
class CaseRecord:
    """One case of a batch: `key` (unique in the input), where it came from, its text, and its format."""

    key: str
    file: str
    line: int | None
    text: str
    json_line: bool  # one line of a JSONL file or a Parquet cell: JSON text, positions are the record's


def input_kind(path: Path) -> InputKind:
    """What kind of input `path` is, or InputError saying what was expected."""
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; expected a .jsonl file, a folder of case files "
                         "or a .parquet file")
    if path.suffix == ".parquet":
        return "parquet"
    if path.suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise InputError(f"{path}: received a file ending {path.suffix or '(no suffix)'!r}; expected .jsonl, "
                     ".ndjson or .parquet, or a folder of .yaml/.yml/.json case files")


def count_cases(path: Path) -> int:
    """How many cases the input holds (for the progress bar)."""
    kind = input_kind(path)
    if kind == "folder":
        return len(_case_files(path))
    if kind == "parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415 - pyarrow only for Parquet

        return int(pq.ParquetFile(path).metadata.num_rows)
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def read_cases(path: Path) -> Iterator[CaseRecord]:
    """Every case of the input, in input order."""
    kind = input_kind(path)
    if kind == "folder":
        return _read_folder(path)
    if kind == "parquet":
        return _read_parquet(path)
    return _read_jsonl(path)


def _read_jsonl(path: Path) -> Iterator[CaseRecord]:
    with path.open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield CaseRecord(f"{path.name}:{number}", str(path), number, line, json_line=True)


def _case_files(folder: Path) -> list[Path]:
    # Only the folder's own files: a subfolder (e.g. examples/expected) holds something else.
    return sorted(p for p in folder.iterdir() if p.suffix in CASE_SUFFIXES and p.is_file())


def _read_folder(folder: Path) -> Iterator[CaseRecord]:
    for path in _case_files(folder):
        try:
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror}); expected a readable case file") from None
        yield CaseRecord(path.relative_to(folder).as_posix(), str(path), None, text, json_line=False)


def _read_parquet(path: Path) -> Iterator[CaseRecord]:
    import pyarrow.parquet as pq  # noqa: PLC0415 - pyarrow only for Parquet

    source = pq.ParquetFile(path)
    names = source.schema_arrow.names
    if PARQUET_COLUMN not in names:
        raise InputError(f"{path}: received columns {names}; expected a column {PARQUET_COLUMN!r} holding "
                         "each case as JSON text")
    row = 0
    for batch in source.iter_batches(columns=[PARQUET_COLUMN], batch_size=1024):
        for value in batch.column(0).to_pylist():
            row += 1
            text = (value if isinstance(value, str) else value.decode("utf-8", errors="surrogateescape")
                    if isinstance(value, bytes) else "")
            yield CaseRecord(f"{path.name}#{row}", f"{path} row {row}", None, text, json_line=True)
