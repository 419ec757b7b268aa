"""Identifiers a case gives its parts (the case number, `m2`, `q1`): names, never commands.

An id is printed in answers, calendar names, notice headers and file names, and other
facts refer to it (`events[].measure`). A line break, escape sequence or bidirectional
override in one can only be a mistake or an attempt to forge what a reader sees, so it
is refused when the case is read, not merely shown harmlessly later.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

# C0 controls (tab and line feed included), DEL, C1 controls (0x9b is a one-byte CSI), the
# Unicode line and paragraph separators, and the bidirectional overrides and isolates that
# reorder what a reader sees. `documents.safe_text` shows the same characters visibly.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
NO_CONTROL_EXPECTED = "an identifier without control characters (no line break, tab, escape or direction override)"


def _printable(value: str) -> str:
    if CONTROL_CHARACTERS.search(value):
        raise ValueError(NO_CONTROL_EXPECTED)
    return value


# The same class of characters, for the JSON Schema (ECMA-262 `\\uXXXX` escapes), so that a
# schema-validating client refuses what the tool refuses.
_SCHEMA_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$"

Identifier = Annotated[str, AfterValidator(_printable), Field(json_schema_extra={"pattern": _SCHEMA_PATTERN})]
