"""Three-valued (Kleene) logic: True, False, and None for undetermined."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Tri = bool | None
TriName = Literal["true", "false", "undetermined"]


def tri_and(values: Iterable[Tri]) -> Tri:
    """False if any is false; else undetermined if any is; else true."""
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def tri_or(values: Iterable[Tri]) -> Tri:
    """True if any is true; else undetermined if any is; else false."""
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def tri_name(value: Tri) -> TriName:
    """The JSON name of a tri-state value."""
    return "undetermined" if value is None else ("true" if value else "false")
