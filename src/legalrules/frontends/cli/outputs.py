"""Writing output files whole or not at all: every target checked, then written beside itself and renamed.

A command renders every output it was asked for before this module is called; then
every target is checked (a writable folder, not a directory or device, not one of the
command's inputs, not already there unless `--force`), each file is written to a
temporary file in its target's folder, and only when all of them are written are they
renamed into place. A failure at any step leaves every target as it was: no output
half-written, no good file truncated, no calendar written while another failed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ...errors import InputError


def _same_file(target: Path, other: Path) -> bool:
    try:
        return target.exists() and other.exists() and os.path.samefile(target, other)
    except OSError:
        return False


def check_target(target: Path, inputs: Sequence[Path], force: bool) -> None:
    """Refuse, as bad input, a target that cannot or must not be written."""
    parent = target.parent
    if any(_same_file(target, given) for given in inputs):
        problem = "it is an input of this command; write the output elsewhere"
    elif target.is_dir():
        problem = "it is a directory"
    elif target.exists() and not target.is_file():
        problem = "it exists and is not a regular file"
    elif not parent.is_dir():
        problem = "its directory does not exist"
    elif not os.access(parent, os.W_OK):
        problem = "its directory is not writable"
    elif target.exists() and not force:
        problem = "it already exists; give --force to replace it"
    else:
        return
    raise InputError(f"{target}: cannot write ({problem}); expected a new file path in a writable directory")


def _temporary(target: Path, data: bytes) -> Path:
    """`data` in a new file beside `target`, flushed to disk, with the mode a new file would get."""
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    path = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(path, 0o666 & ~umask)
    except OSError:
        path.unlink(missing_ok=True)
        raise
    return path


def write_outputs(outputs: Sequence[tuple[Path, bytes]], inputs: Sequence[Path], force: bool = False) -> None:
    """Write every (target, bytes) whole, or none of them; InputError naming the target otherwise."""
    seen: set[Path] = set()
    for target, _ in outputs:
        resolved = target.resolve()
        if resolved in seen:
            raise InputError(f"{target}: cannot write (two outputs name this file); expected a file per output")
        seen.add(resolved)
        check_target(target, inputs, force)
    written: list[tuple[Path, Path]] = []
    try:
        for target, data in outputs:
            try:
                written.append((_temporary(target, data), target))
            except OSError as exc:
                raise InputError(f"{target}: cannot write ({exc.strerror}); nothing was written") from None
        for temporary, target in written:
            os.replace(temporary, target)
    finally:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
