"""A list whose items are built on first read: how a decision keeps its explanations compact.

Most callers of the engine read verdicts, deadlines and violations; the per-rule
explanations (which facts satisfied a rule, which condition failed) are a couple of
hundred objects a case. A decision therefore holds them as a `LazyList` with a recipe
(`fill`), and the objects are made the first time anything reads, renders, compares,
copies or serializes the list. Filled, it is an ordinary list with the same items.

The recipe is pickled in place of the items, so a decision crosses from a worker
process without them; the recipe must then be picklable (see `engine.outcomes`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, SupportsIndex, TypeVar, overload

T = TypeVar("T")
_FILLING = threading.Lock()


class LazyList(list[T]):
    """A list filled by `fill()` on first use; afterwards an ordinary list."""

    __slots__ = ("_fill",)

    def __init__(self, fill: Callable[[], list[T]]) -> None:
        # No list.__init__: a new list is already empty (a decision makes hundreds of these).
        self._fill: Callable[[], list[T]] | None = fill

    def _ready(self) -> None:
        if self._fill is not None:
            with _FILLING:  # two threads reading at once must not both fill it
                fill = self._fill
                if fill is not None:
                    super().extend(fill())
                    self._fill = None

    @property
    def filled(self) -> bool:
        """Whether the items have been built."""
        return self._fill is None

    def __len__(self) -> int:
        self._ready()
        return super().__len__()

    def __iter__(self) -> Iterator[T]:
        self._ready()
        return super().__iter__()

    def __reversed__(self) -> Iterator[T]:
        self._ready()
        return super().__reversed__()

    def __contains__(self, item: object) -> bool:
        self._ready()
        return super().__contains__(item)

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> T | list[T]:
        self._ready()
        return super().__getitem__(index)

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, list) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def __add__(self, other: list[T]) -> list[T]:  # type: ignore[override]
        return list(self) + list(other)

    def __radd__(self, other: list[T]) -> list[T]:
        return list(other) + list(self)

    def index(self, value: T, start: SupportsIndex = 0, stop: SupportsIndex = 2**63 - 1) -> int:
        self._ready()
        return super().index(value, start, stop)

    def count(self, value: T) -> int:
        self._ready()
        return super().count(value)

    def __repr__(self) -> str:
        return repr(list(self))

    def __copy__(self) -> list[T]:
        return list(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> list[T]:
        import copy  # noqa: PLC0415 - rare

        return copy.deepcopy(list(self), memo)

    def __reduce__(self) -> tuple[Any, ...]:
        if self._fill is None:
            return (list, (list(self),))
        return (LazyList, (self._fill,))
