"""How much one input document may hold, so that work and memory follow its size in bytes.

A case file of a megabyte can still ask for unbounded work: a YAML alias bomb
expands 300 bytes into millions of values, a 30,000-deep `[[[...]]]` crashes the
C parser, a 5,000-digit integer cannot even be printed. Every case (and holiday)
document is therefore measured *before* it is parsed into Python values or
validated: bytes, bracket depth, items in one list or mapping, values in the whole
document with every alias counted where it is used, and digits in an integer.

The defaults are far above any real case (a case with a thousand interrogations is
already extraordinary). Each limit is named in the error that enforces it, with the
environment variable that raises it for a genuinely larger case.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from ..errors import InputError


@dataclass(frozen=True)
class DocumentLimits:
    """The bounds one input document must stay within (see the module docstring)."""

    max_bytes: int = 1_000_000
    max_items: int = 1_000
    max_values: int = 200_000
    max_depth: int = 32
    max_digits: int = 30

    @classmethod
    def from_environment(cls) -> DocumentLimits:
        """The defaults, each raised or lowered by its LEGALRULES_MAX_* environment variable."""
        chosen: dict[str, int] = {}
        for item in fields(cls):
            name = ENVIRONMENT[item.name]
            text = os.environ.get(name)
            if text is None:
                continue
            try:
                chosen[item.name] = int(text.replace("_", ""))
            except ValueError:
                raise InputError(f"environment variable {name}: received {text[:40]!r}; "
                                 "expected a whole number") from None
            if chosen[item.name] < 1:
                raise InputError(f"environment variable {name}: received {text[:40]!r}; expected 1 or more")
        return cls(**chosen)

    def hint(self, limit: str) -> str:
        """How to accept a document over `limit`: the variable and its current value."""
        return f"set {ENVIRONMENT[limit]} above {getattr(self, limit):,} to accept it"


ENVIRONMENT: dict[str, str] = {
    "max_bytes": "LEGALRULES_MAX_CASE_BYTES",
    "max_items": "LEGALRULES_MAX_LIST_ITEMS",
    "max_values": "LEGALRULES_MAX_CASE_VALUES",
    "max_depth": "LEGALRULES_MAX_NESTING",
    "max_digits": "LEGALRULES_MAX_DIGITS",
}
