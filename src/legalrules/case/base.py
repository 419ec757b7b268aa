"""The base of every part of a case: unknown keys rejected, values strict and fixed once read."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from .suggestions import with_chinese_aliases


class Facts(BaseModel):
    """Base of every input model: unknown keys rejected, values fixed once read."""

    # Strict: a quoted "yes" or "10" is an error, not a silent true or 10.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _chinese_terms(cls, data: Any) -> Any:
        """A closed-vocabulary field may be given by its Chinese term where that names one value."""
        return with_chinese_aliases(cls, data)
