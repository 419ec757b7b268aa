"""Batch outputs: the JSONL of answers, written beside the target and renamed, and the Parquet violations table.

While a run goes, answers go to `<output>.partial`, one complete line at a time;
only a finished run renames it to `<output>`, so an interrupted run never leaves a
half output. `--resume` keeps the lines of an earlier `<output>` and `.partial`
(a torn last line is dropped) and skips their cases.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Final

from ...case.instants import LOCAL_ZONE
from ...errors import InputError

VIOLATION_COLUMNS: Final = ("input", "case_id", "ruleset", "rule_id", "duty", "subject", "citation", "due",
                            "late_by_seconds", "text")


def partial_path(output: Path) -> Path:
    """Where a run writes until it finishes."""
    return output.with_name(output.name + ".partial")


def earlier_lines(output: Path) -> Iterator[str]:
    """Complete answer lines of an earlier run (`<output>`, then `<output>.partial`), for `--resume`."""
    for path in (output, partial_path(output)):
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.endswith("\n"):
                    break  # torn by an interruption: that case runs again
                try:
                    json.loads(line)
                except json.JSONDecodeError:
                    continue
                yield line.rstrip("\n")


def check_output(output: Path) -> None:
    """Refuse, before any work, an output that cannot be written."""
    if output.is_dir():
        raise InputError(f"{output}: is a directory; expected a file path for the JSONL output")
    if not output.parent.is_dir():
        raise InputError(f"{output}: its directory does not exist; expected a writable file path")
    if not os.access(output.parent, os.W_OK):
        raise InputError(f"{output}: its directory is not writable; expected a writable file path")


class AnswerWriter:
    """Writes answer lines to `<output>.partial` and, on `finish`, renames it to `<output>`."""

    def __init__(self, output: Path, keep: list[str]) -> None:
        self.output = output
        self.partial = partial_path(output)
        self._handle: BinaryIO = self.partial.open("wb")
        for line in keep:
            self._handle.write(line.encode("utf-8") + b"\n")

    def write(self, lines: list[bytes]) -> None:
        """Append whole lines (UTF-8) and flush, so the partial file always ends on a line boundary."""
        self._handle.write(b"\n".join([*lines, b""]))  # one copy, each line ended
        self._handle.flush()

    def finish(self) -> None:
        """Close and rename the partial file over the output (atomic on one filesystem)."""
        self._handle.close()
        os.replace(self.partial, self.output)

    def abandon(self) -> None:
        """Close, keeping `.partial` for `--resume`."""
        self._handle.close()


def write_violations(path: Path, rows: list[dict[str, Any]]) -> None:
    """The violations table as Parquet (written beside the target and renamed)."""
    import pyarrow as pa  # noqa: PLC0415 - pyarrow only when a batch writes its table
    import pyarrow.parquet as pq  # noqa: PLC0415

    schema = pa.schema([
        ("input", pa.string()), ("case_id", pa.string()), ("ruleset", pa.string()), ("rule_id", pa.string()),
        ("duty", pa.string()), ("subject", pa.string()), ("citation", pa.string()),
        ("due", pa.timestamp("ms", tz=LOCAL_ZONE.key)), ("late_by_seconds", pa.int64()), ("text", pa.string()),
    ])
    columns = {name: [row[name] for row in rows] for name in VIOLATION_COLUMNS}
    table = pa.table(columns, schema=schema)
    temporary = path.with_name(path.name + ".partial")
    pq.write_table(table, temporary)
    os.replace(temporary, path)
