"""Where rulesets and templates live: inside the installed package, or in the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"cannot find the {name}/ directory: looked in {installed} and {checkout}"
    )


def rulesets_dir() -> Path:
    """The directory holding one sub-directory per ruleset."""
    return _data_dir("rulesets")


def templates_dir() -> Path:
    """The directory holding the Jinja templates."""
    return _data_dir("templates")


def examples_dir() -> Path:
    """The directory holding the example cases (the explorer page offers them)."""
    return _data_dir("examples")
