"""The sentence splitter: interpretation texts are never cut at "Art." or "para."."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from legalrules.documents.text.sentences import ABBREVIATIONS, first_sentence, sentences
from legalrules.paths import rulesets_dir


def _interpretations(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "interpretation" and isinstance(value, str):
                yield value
            else:
                yield from _interpretations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _interpretations(value)


def _every_interpretation() -> list[str]:
    found: list[str] = []
    for path in sorted(Path(rulesets_dir()).glob("*/*.yaml")):
        found += _interpretations(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


TEXTS = _every_interpretation()


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in ("()", "（）", "[]", "“”"))


def test_the_bundled_rulesets_have_interpretations_to_check() -> None:
    """The test below has something to bite on: over a hundred interpretation paragraphs."""
    assert len(TEXTS) > 100


@pytest.mark.parametrize("text", TEXTS, ids=[t[:40] for t in TEXTS])
def test_every_interpretation_splits_only_at_sentence_ends(text: str) -> None:
    """Each sentence of every interpretation ends in a stop, not after an abbreviation, brackets closed."""
    found = sentences(text)
    assert " ".join(found) == " ".join(text.split()), "nothing is lost or reordered"
    for sentence in found:
        last_word = sentence.rstrip(".!?。”\"'").rsplit(None, 1)[-1].lower().lstrip("(")
        assert last_word not in ABBREVIATIONS, sentence
        assert _balanced(sentence), sentence
    assert first_sentence(text) == found[0]


@pytest.mark.parametrize(("text", "first"), [
    ("Read as Art. 4 para. 2 says. Then more.", "Read as Art. 4 para. 2 says."),
    ("One reading (Arts. 14-15 apply). Another.", "One reading (Arts. 14-15 apply)."),
    ("Counted (see No. 3. Below it) here. Next.", "Counted (see No. 3. Below it) here."),
    ("以上包括本数。其余从略。", "以上包括本数。"),
    ("No stop at all", "No stop at all"),
])
def test_first_sentence_examples(text: str, first: str) -> None:
    """Abbreviations, brackets and Chinese full stops are handled as a reader would."""
    assert first_sentence(text) == first
