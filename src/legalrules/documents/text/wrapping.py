"""Terminal text by display width: Chinese characters take two columns, combining marks none.

`len()` counts code points, so a column of Chinese titles padded with it would
overrun its neighbours; these helpers measure and wrap by the columns a
terminal actually draws (Unicode East Asian Width: W and F are double).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# A run of spaces; one character from U+1100 on, where every wide character lies (a line
# may break on either side of it, as Chinese text has no spaces); or a run of other
# non-space characters (a word, cut only if longer than a line). A key in full-width brackets after
# its Chinese term (`（suspect.deaf）`) is one word: a line never ends on the bracket alone.
# The classes are spelt by what lies below U+1100 (the non-space characters there listed, \s
# being those 12): `[\u1100-\U0010ffff]` means the same but takes `re` 5 ms to compile, at every start.
_WORD = r"[\x00-\x08\x0e-\x1b!-\x84\x86-\x9f\xa1-\u10ff]"
# Punctuation a Chinese line never begins with (a line ending on an opening bracket is prevented by `_TOKEN`).
_NO_LINE_START = frozenset("、，。；：！？）」』”》")
# Latin closing punctuation after a Chinese character (`逮捕的), which`) is kept on its line the same way.
_NO_LINE_START_LATIN = frozenset(")]},.;:!?")
_TOKEN = re.compile(rf"\s+|（{_WORD}+）|[^\x00-\u10ff]|{_WORD}+")


@cache  # an answer screen measures the same few hundred characters tens of thousands of times
def char_width(char: str) -> int:
    """Columns one character takes in a terminal: 0, 1 or 2."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal."""
    if text.isascii():  # no ASCII character is wide, combining or a format character
        return len(text)
    return sum(map(char_width, text))


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` columns (unchanged if already as wide)."""
    return text + " " * max(0, width - display_width(text))


def _hard_split(word: str, width: int) -> list[str]:
    """A word longer than a line, cut into pieces of at most `width` columns."""
    pieces, current = [], ""
    for char in word:
        if current and display_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current] if current else pieces


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces or beside a wide character."""
    if width < 2:
        raise ValueError(f"a wrap width of at least 2 columns; got {width}")
    lines: list[str] = []
    line, used, space = "", 0, False
    for token in _TOKEN.findall(text):
        if token.isspace():
            space = bool(line)
            continue
        # Latin words are separated by the space the text had; wide characters join directly.
        gap = 1 if space else 0
        size = display_width(token)
        if line and used + gap + size <= width:
            line, used = line + " " * gap + token, used + gap + size
        else:
            if ((token in _NO_LINE_START or token[0] in _NO_LINE_START_LATIN)
                    and len(line) > 1 and char_width(line[-1]) == 2 and not gap):
                # Chinese punctuation never begins a line: the character before it goes down with it.
                line, token = line[:-1], line[-1] + token
                size = display_width(token)
            if line:
                lines.append(line)
            pieces = _hard_split(token, width) if size > width else [token]
            lines += pieces[:-1]
            line, used = pieces[-1], display_width(pieces[-1])
        space = False
    return lines + [line] if line or not lines else lines


def hanging(text: str, first: str, rest: str, total: int) -> list[str]:
    """`text` as an entry of at most `total` columns: its first line after `first`, the others after `rest`.

    The text is wrapped to the columns left after `rest` (a run of spaces at least as wide
    as `first`), so every line of the entry ends within `total`.
    """
    head, *tail = wrap(text, total - display_width(rest))
    return [first + head, *(rest + line for line in tail)]
