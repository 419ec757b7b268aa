"""`--lang zh|en`: the language of what an officer reads, Chinese by default under a Chinese locale."""

from __future__ import annotations

import os
from enum import Enum
from collections.abc import Sequence
from typing import Annotated, Literal

import typer


class Language(str, Enum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Language | None, typer.Option(
    "--lang", help="Language of the output: zh or en (default: zh when the locale is Chinese, else en).",
    show_default=False)]


def chosen_lang(given: Language | None) -> Literal["zh", "en"]:
    """The language asked for, else the locale's (LC_ALL, LC_MESSAGES, LANG, in POSIX order)."""
    if given is not None:
        return "zh" if given is Language.zh else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def wants_chinese(argv: Sequence[str]) -> bool:
    """Whether this command line asks for Chinese: its last `--lang`, else the locale."""
    chosen: str | None = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
    if chosen is not None:
        return chosen == "zh"
    return chosen_lang(None) == "zh"
