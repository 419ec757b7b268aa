"""Regular expressions compiled when first used, not when their module is imported, and the
sentence templates (`engine_zh`, `steps_zh`) that say an English sentence in other words.

A command imports the modules of every answer it might give (Chinese sentences, notice
words, fact paths), and an English `evaluate` used 5 of the 26 patterns those modules
compiled at import: about 4 ms of every run went on the other 21.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache


def on_first_use(source: str) -> Callable[[], re.Pattern[str]]:
    """A function giving `re.compile(source)`, compiled on its first call and kept."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(source)

    return compiled


Said = Callable[[re.Match[str]], str]


def first_template(sources: Sequence[tuple[str, Said]], flags: int = 0) -> Callable[[str], str | None]:
    """A function saying a text by the first of `sources` (pattern, saying) that matches it whole
    (None when none does), the patterns compiled on its first call."""

    @cache
    def compiled() -> list[tuple[re.Pattern[str], Said]]:
        return [(re.compile(source, flags), said) for source, said in sources]

    def say(text: str) -> str | None:
        for pattern, said in compiled():
            found = pattern.fullmatch(text)
            if found:
                return said(found)
        return None

    return say
