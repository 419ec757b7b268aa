"""The base of every output model, and the fast ways the engine makes and moves them.

Decisions are built by the engine from values of the right types, and moved between
processes by `Engine.evaluate_many`. Validation (about 6 µs a model), `model_construct`
(about 9 µs) and pydantic's own unpickling (several µs a model) dominated a verdict
that has a hundred models; `trusted` (every field given), `made` (defaults filled in) and
`_Out.__reduce__` set what they would set.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

_new = object.__new__
_set = object.__setattr__


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def __reduce__(self) -> tuple[Any, ...]:
        # The fields and which were given; no extras or private attributes exist (extra="forbid").
        return (_rebuild, (type(self), self.__dict__, self.__pydantic_fields_set__))


OutT = TypeVar("OutT", bound=_Out)


def _rebuild(cls: type[OutT], values: dict[str, Any], given: set[str]) -> OutT:
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", given)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def trusted(cls: type[OutT], /, **values: Any) -> OutT:
    """An output model from values the engine made itself, every field given and of its type.

    The values are not checked: only the engine's own builders call it, and tests hold
    their JSON equal to that of validated models.
    """
    return _rebuild(cls, values, set(values))


def trusted_values(cls: type[OutT], values: dict[str, Any], /) -> OutT:
    """`trusted` with the values already in a dict (in field order): no keyword arguments to pack."""
    return _rebuild(cls, values, set(values))


# Per model: each field's name and how to make its default (None: the field is required).
_FIELDS: dict[type[_Out], tuple[tuple[str, Callable[[], Any] | None], ...]] = {}


def _fields(cls: type[_Out]) -> tuple[tuple[str, Callable[[], Any] | None], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple((name, None if info.is_required() else partial(info.get_default,
                                                                                      call_default_factory=True))
                                     for name, info in cls.model_fields.items())
    return found


def made(cls: type[OutT], /, **values: Any) -> OutT:
    """An output model from values the engine made itself, each of its field's type; defaults filled in.

    What validation would make, without it: the fields in their declared order, the
    defaults of the ones not given, and the given ones as the fields set. No schema is
    built, so a command that only reads a decision (text output) never builds the
    decision models' validators. Tests revalidate every example's decision and
    generated ones and hold them equal.
    """
    filled = {}
    given = 0
    for name, default in _fields(cls):
        if name in values:
            filled[name] = values[name]
            given += 1
        elif default is None:
            raise TypeError(f"{cls.__name__}: field {name!r} not given")
        else:
            filled[name] = default()
    if given != len(values):
        raise TypeError(f"{cls.__name__}: not a field: {sorted(set(values) - set(filled))}")
    return _rebuild(cls, filled, set(values))
