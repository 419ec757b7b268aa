"""A compile cache for rulesets: load, check and compile once per content, like a .pyc.

Loading the bundled rulesets (YAML parsing, checking, compiling conditions)
costs more than evaluating a case. The compiled result is pickled under a key
that hashes every ruleset file's path, size and modification time, the rulesets'
location and the same of this package's own source, so any change to a rule or to
the code that compiles it misses the cache. Only rulesets that loaded without error are stored: a broken
ruleset is read afresh each time and gives its error. Any failure to read or
write the cache falls back to a fresh load; the cache never changes an answer.

The generated Python of the native evaluator is cached the same way, as marshalled
code keyed by its source text and the interpreter (`compile_source`).

Every entry is sealed: a SHA-256 of its key (which hashes the sources) and its bytes is
stored before the bytes and checked before they are unpickled. A damaged entry that
would still unpickle (7 of 37 single-byte corruptions did, and silently changed
decisions that still reported the ruleset's usual version) is ignored and rebuilt.
The seal detects damage, not forgery: whoever can write the cache can write the package.

`LEGALRULES_CACHE_DIR` names the directory (default: `$XDG_CACHE_HOME/legalrules`
or `~/.cache/legalrules`); `LEGALRULES_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import pickle
import sys
from pathlib import Path
from collections.abc import Callable
from types import CodeType
from typing import TypeVar

from .compiled import CompiledRuleset

_PACKAGE = Path(__file__).resolve().parent.parent
_FORMAT = b"legalrules-ruleset-cache-2"


_SEAL = b"legalrules-sealed-1\0"


def _digest(name: str, payload: bytes) -> bytes:
    return hashlib.sha256(_SEAL + name.encode() + b"\0" + payload).digest()


def seal_entry(name: str, payload: bytes) -> bytes:
    """An entry's bytes for the file `name` (which holds its key): a marker, the digest, the payload."""
    return _SEAL + _digest(name, payload) + payload


def open_entry(name: str, data: bytes) -> bytes | None:
    """The payload of a sealed entry read from the file `name`, or None if it is damaged or not sealed."""
    head = len(_SEAL) + hashlib.sha256().digest_size
    if len(data) < head or not data.startswith(_SEAL):
        return None
    payload = data[head:]
    return payload if data[len(_SEAL):head] == _digest(name, payload) else None


def cache_dir() -> Path | None:
    """Where compiled rulesets are kept, or None when caching is off."""
    if os.environ.get("LEGALRULES_NO_CACHE"):
        return None
    chosen = os.environ.get("LEGALRULES_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "legalrules"


def _stamps(top: Path, suffix: str, skip: str | None = None) -> list[str]:
    """Path, size and modification time of each file under `top` ending in `suffix`, sorted by path,
    leaving out any directory named `skip` (plain `os` calls: a Path per file cost more than the stat)."""
    found = []
    for directory, subdirectories, names in os.walk(top):
        if skip is not None and skip in subdirectories:
            subdirectories.remove(skip)
        for name in names:
            if name.endswith(suffix):
                path = os.path.join(directory, name)
                stat = os.stat(path)
                found.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0")
    return sorted(found)


def _key(root: Path) -> str:
    """A hash of everything a compiled ruleset depends on: its files, where they are, our code.

    Each file counts by its path, size and modification time in nanoseconds (as a .pyc
    is checked against its source), not its bytes: reading and hashing them all cost
    more than a command's whole evaluation. An edit changes the time, and the size.
    """
    digest = hashlib.sha256(_FORMAT)
    digest.update(str(root.resolve()).encode())
    digest.update("".join([*_stamps(root, ".yaml", skip="scenarios"), *_stamps(_PACKAGE, ".py")]).encode())
    return digest.hexdigest()


def load_rulesets(root: Path) -> tuple[CompiledRuleset, ...]:
    """The rulesets under `root`, read, checked and compiled afresh."""
    from .loader import load_rulesets as load  # noqa: PLC0415 - YAML and validation only on a miss

    return load(root)


def _unpickled(payload: bytes) -> object:
    """`pickle.loads`, the collector paused: the compiled rulesets are some 40,000 objects, none
    of them garbage, and collecting while they are made cost a fifth of loading them."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if was_on:
            gc.enable()


def rulesets_key(root: Path) -> str | None:
    """The compile cache's key of the rulesets under `root` (None: no cache, or a file cannot be read)."""
    if cache_dir() is None or not root.is_dir():
        return None
    try:
        return _key(root)
    except OSError:
        return None


def load_rulesets_cached(root: Path, key: str | None = None) -> tuple[CompiledRuleset, ...]:
    """The rulesets under `root`, from the compile cache when their content is unchanged (`key`: their
    `rulesets_key`, if already worked out)."""
    directory = cache_dir()
    key = key or rulesets_key(root)
    if directory is None or key is None:
        return load_rulesets(root)  # no cache, or an unreadable file: let the loader report it
    path = directory / f"rulesets-{key}.pickle"
    try:
        payload = open_entry(path.name, path.read_bytes())
        found = None if payload is None else _unpickled(payload)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        found = None
    if isinstance(found, tuple) and all(isinstance(r, CompiledRuleset) for r in found):
        return found
    rulesets = load_rulesets(root)  # raises on a broken ruleset: nothing is stored
    _store(path, rulesets)
    return rulesets


T = TypeVar("T")


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """`build()`, or what it gave before under `key` (which must name everything it depends on, as
    `rulesets_key` does). Kept sealed in the cache's `kind` folder; any failure builds afresh."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / kind / f"{hashlib.sha256(key.encode()).hexdigest()}.pickle"
    try:
        payload = open_entry(path.name, path.read_bytes())
        if payload is not None:
            return pickle.loads(payload)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    made = build()
    _store_bytes(path, seal_entry(path.name, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)),
                 "*.pickle", _KEEP_CODE)
    return made


_KEEP = 16  # entries kept: one per ruleset root and code version, recent first
_KEEP_CODE = 64  # generated functions kept: a few per ruleset and version


def compile_source(source: str, filename: str) -> CodeType:
    """`compile(source, filename, "exec")`, from the cache when this interpreter compiled it before."""
    directory = cache_dir()
    if directory is None:
        return compile(source, filename, "exec")
    tag = f"{sys.implementation.cache_tag}\0{filename}\0{source}"
    path = directory / "code" / f"{hashlib.sha256(tag.encode()).hexdigest()}.marshal"
    try:
        payload = open_entry(path.name, path.read_bytes())
        found = None if payload is None else marshal.loads(payload)
        if isinstance(found, CodeType):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass
    code = compile(source, filename, "exec")
    _store_bytes(path, seal_entry(path.name, marshal.dumps(code)), "*.marshal", _KEEP_CODE)
    return code


def _store(path: Path, rulesets: tuple[CompiledRuleset, ...]) -> None:
    """Write the cache entry atomically and drop old ones; a read-only or full disk means no cache."""
    payload = pickle.dumps(rulesets, protocol=pickle.HIGHEST_PROTOCOL)
    _store_bytes(path, seal_entry(path.name, payload), "rulesets-*.pickle", _KEEP)


def _store_bytes(path: Path, data: bytes, pattern: str, keep: int) -> None:
    """Write `data` to `path` atomically, keeping the `keep` newest entries matching `pattern` beside it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # noqa: PLC0415 - only to write an entry (a run that reads the cache never does)

        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        entries = sorted(path.parent.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
