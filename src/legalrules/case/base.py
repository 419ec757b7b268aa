"""The base of every part of a case: unknown keys rejected, values strict and fixed once read."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, ModelWrapValidatorHandler, PrivateAttr, model_validator

from .suggestions import with_chinese_aliases


class Facts(BaseModel):
    """Base of every input model: unknown keys rejected, values fixed once read."""

    # Strict: a quoted "yes" or "10" is an error, not a silent true or 10.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    # The Chinese terms this part was given instead of identifiers, as (field, term, identifier):
    # the reader accepts them, and the decision tells the officer what each was read as.
    _terms_read: tuple[tuple[str, str, str], ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _chinese_terms(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """A closed-vocabulary field may be given by its Chinese term where that names one value."""
        read = with_chinese_aliases(cls, data)
        made = handler(read)
        if read is not data:
            made._terms_read = tuple((name, data[name], value) for name, value in read.items()
                                     if data.get(name) != value)
        return made

    def terms_read(self) -> tuple[tuple[str, str, str], ...]:
        """The (field, Chinese term, identifier) of each field given by its Chinese term."""
        return self._terms_read
