"""The installed package's version, for `--version` and the service's `/version`."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def package_version() -> str:
    """The version pip installed (`pyproject.toml`'s), or `unknown` when run from unpacked sources."""
    try:
        return version("legalrules")
    except PackageNotFoundError:
        return "unknown"
