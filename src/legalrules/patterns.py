"""Regular expressions compiled when first used, not when their module is imported.

A command imports the modules of every answer it might give (Chinese sentences, notice
words, fact paths), and an English `evaluate` used 5 of the 26 patterns those modules
compiled at import: about 4 ms of every run went on the other 21.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def on_first_use(source: str) -> Callable[[], re.Pattern[str]]:
    """A function giving `re.compile(source)`, compiled on its first call and kept."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(source)

    return compiled
