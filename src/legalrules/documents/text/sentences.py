"""Sentences of a rule's text, cut where a sentence ends and never at "Art." or "para.".

Interpretation paragraphs cite as they reason ("(Art. 4), so ...", "para. 2 item
(3)"); a split on every ". " cut 11 of 45 in one case mid-citation. A sentence
ends at `.`, `!` or `?` followed by a space (or at `。！？`, which need none), unless
the word before the full stop is an abbreviation or the stop falls inside
brackets. The test over every bundled interpretation pins it.
"""

from __future__ import annotations

import re
from typing import Final

# Lower-cased words that end in a full stop without ending a sentence.
ABBREVIATIONS: Final = frozenset({
    "art", "arts", "para", "paras", "no", "nos", "item", "items", "ch", "chap", "sec", "secs",
    "e.g", "i.e", "cf", "viz", "vol", "p", "pp", "v", "vs", "ibid", "approx",
})
_STOP: Final = re.compile(r"[.!?][\"'”’]*(?=\s)|[.!?][\"'”’]*$|[。！？][”’」』]*")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_OPEN: Final = "([（【〔《“"
_CLOSE: Final = ")]）】〕》”"


def _depth(text: str) -> int:
    """How many brackets (and curly quotes) are open at the end of `text`."""
    return sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)


def _ends_sentence(text: str, stop: re.Match[str]) -> bool:
    head = text[:stop.start()]
    if stop.group(0)[0] == "." and (word := _WORD_BEFORE.search(head)):
        if word.group(1).lower() in ABBREVIATIONS:
            return False
    return _depth(head) <= 0


def sentences(text: str) -> list[str]:
    """`text` cut into its sentences (stripped; nothing of it lost but the spaces between)."""
    out: list[str] = []
    start = 0
    for stop in _STOP.finditer(text):
        if _ends_sentence(text, stop):
            piece = text[start:stop.end()].strip()
            if piece:
                out.append(piece)
            start = stop.end()
    rest = text[start:].strip()
    return out + [rest] if rest else out


def first_sentence(text: str) -> str:
    """The first sentence of `text`, which in an interpretation names the reading chosen."""
    found = sentences(text)
    return found[0] if found else ""
