"""Case text made safe to show: control characters are displayed, never obeyed.

Free text in a case (its id, a name, a note) ends up in calendars, Markdown notices and
the terminal. A line break there would start a new ICS property (a forged VEVENT), a
new Markdown block (a forged heading), or a new table row; an escape sequence would
drive the terminal (an OSC sequence sets its title). Every such character is replaced
by a visible stand-in, so the text still shows that it was there.
"""

from __future__ import annotations

import re

from ..case.identifiers import CONTROL_CHARACTERS

# C0 controls (tab and line feed are kept where `newlines` allows), DEL, C1 controls
# (0x9b is a one-byte CSI), the Unicode line and paragraph separators, and the
# bidirectional overrides and isolates that reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_WITH_BREAKS = CONTROL_CHARACTERS


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␊ for a line feed, ␛ for escape
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every control character shown as a symbol; line feeds and tabs kept if `newlines`."""
    return (_CONTROL if newlines else _CONTROL_WITH_BREAKS).sub(_shown, text)


def one_line(text: str) -> str:
    """`text` as a single line: line breaks and tabs are shown too (for ICS values and table cells)."""
    return visible(text, newlines=False)


def json_safe(text: str) -> str:
    """JSON text with every control character written as a `\\uXXXX` escape (same data, nothing a terminal obeys)."""
    return _CONTROL_WITH_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _has_raw(text) else text


def _has_raw(text: str) -> bool:
    # JSON already escapes C0 controls; only DEL, C1 and the Unicode ones can appear raw.
    return _CONTROL.search(text) is not None
