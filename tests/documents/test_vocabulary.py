"""The reader's words for what the rulesets name: citations inside Chinese sentences."""

from __future__ import annotations

from legalrules import Engine
from legalrules.documents.vocabulary import Vocabulary


def test_a_citation_touching_chinese_characters_is_cited_in_chinese(engine: Engine) -> None:
    """`超过crim_proc Art. 91 para. 1允许的`: Chinese characters are word characters, so `\\b` found no edge
    there and the deadline table and memo kept the English citation."""
    words = Vocabulary.of(engine.all_rulesets, "zh")
    said = words.cite_in("超过crim_proc Art. 91 para. 1允许的4日；见crim_proc.art91.1。")
    assert said == "超过《刑事诉讼法》第九十一条第一款允许的4日；见《刑事诉讼法》第九十一条第一款。", said


def test_a_ruleset_name_inside_another_word_is_not_a_citation(engine: Engine) -> None:
    words = Vocabulary.of(engine.all_rulesets, "zh")
    assert words.cite_in("xcrim_proc Art. 91") == "xcrim_proc Art. 91"
    assert words.cite_in("crim_proc.art91x") == "crim_proc.art91x"
