"""The base of every part of a case: unknown keys rejected, values strict and fixed once read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Facts(BaseModel):
    """Base of every input model: unknown keys rejected, values fixed once read."""

    # Strict: a quoted "yes" or "10" is an error, not a silent true or 10.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
