"""Writing output files: checked before anything is written, failing as bad input."""

from __future__ import annotations

import os
from pathlib import Path

from ...errors import InputError


def check_writable(target: Path) -> None:
    """Refuse, as bad input, an output path that cannot be written."""
    parent = target.parent
    problem = ("is a directory" if target.is_dir() else "its directory does not exist" if not parent.is_dir()
               else "its directory is not writable" if not os.access(parent, os.W_OK) else None)
    if problem:
        raise InputError(f"{target}: cannot write ({problem}); expected a writable file path")


def write(target: Path, data: bytes) -> None:
    """Write an output file, or fail as bad input naming it."""
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror}); expected a writable file path") from None
