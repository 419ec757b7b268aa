"""Display width and wrapping: Chinese characters count two columns, lines never overrun."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from legalrules.documents.text.wrapping import display_width, hanging, pad, wrap


def test_chinese_characters_take_two_columns_and_latin_one() -> None:
    """`通知家属` is 8 columns; `ab` is 2; a combining accent takes none."""
    assert display_width("通知家属ab") == 10
    assert display_width("e\u0301") == 1
    assert pad("通知", 6) == "通知  "


def test_latin_text_breaks_at_spaces_and_chinese_between_characters() -> None:
    """Words stay whole when they fit; Chinese text, which has no spaces, breaks anywhere."""
    assert wrap("Family notified after detention", 16) == ["Family notified", "after detention"]
    assert wrap("二十四小时以内通知家属", 10) == ["二十四小时", "以内通知家", "属"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    """An identifier wider than the column is cut at the column, not left to overrun it."""
    assert wrap("family_notification_impossible", 12) == ["family_notif", "ication_impo", "ssible"]


def test_empty_text_is_one_empty_line() -> None:
    """An empty cell still occupies one line of the table."""
    assert wrap("", 5) == [""]


mixed_text = st.text(
    alphabet=st.sampled_from(list("abc xyz_[]()·“”，") + list("通知家属期间节假日")), max_size=80)


@given(mixed_text, st.integers(min_value=2, max_value=40))
def test_no_wrapped_line_is_wider_than_asked_and_nothing_is_lost(text: str, width: int) -> None:
    """Every line fits the width, and the non-space characters come out in order."""
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_the_token_pattern_reads_every_character_as_the_plain_spelling_does() -> None:
    """`_TOKEN` spells its classes by what lies below U+1100 (cheaper to compile): the same tokens for every
    character below U+3100, every space character, and a sample of the rest, alone and between words."""
    import re
    import sys

    from legalrules.documents.text.wrapping import _TOKEN

    plain = re.compile(r"\s+|（[^\s（）\u1100-\U0010ffff]+）|[\u1100-\U0010ffff]|[^\s\u1100-\U0010ffff]+")
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    chars = [*map(chr, range(0x3100)), *spaces, *map(chr, range(0x3100, sys.maxunicode + 1, 97))]
    for char in chars:
        for text in (char, f"ab{char}cd {char}{char}\u4e2d", f"（a{char}b）（{char}）"):
            assert _TOKEN.findall(text) == plain.findall(text), repr(char)


def test_no_chinese_line_begins_with_punctuation_or_ends_on_a_bracket() -> None:
    """A 、 that would open a line takes the character before it down; a key in brackets is never split from them."""
    assert wrap("甲乙丙丁、戊己", 8) == ["甲乙丙", "丁、戊己"]
    assert wrap("甲乙丙丁（suspect.deaf）", 20) == ["甲乙丙丁", "（suspect.deaf）"]
    assert wrap("abc defg、x", 8) == ["abc defg", "、x"]  # after a Latin word, nothing to carry


def test_latin_closing_punctuation_after_chinese_does_not_open_a_line() -> None:
    """`(认为需要逮捕的), which` never leaves `),` alone at the start of the next line."""
    assert wrap("通知家属), then", 8) == ["通知家", "属),", "then"]
    assert wrap("通知家属 ), then", 8) == ["通知家属", "), then"]  # after a space, the break is the text's own


def test_an_entry_hangs_its_further_lines_under_its_text() -> None:
    """The first line follows its mark; the others follow the indent, and none passes the width."""
    lines = hanging("二十四小时以内通知家属", "- ", "  ", 12)
    assert lines == ["- 二十四小时", "  以内通知家", "  属"]
    assert hanging("Family notified after detention", "> ", "    ", 20) == ["> Family notified", "    after detention"]


@given(mixed_text, st.integers(min_value=0, max_value=6), st.integers(min_value=10, max_value=40))
def test_no_hanging_line_is_wider_than_asked(text: str, indent: int, total: int) -> None:
    """Whatever the text, an entry under an indent of spaces never overruns its total width."""
    lines = hanging(text, "*" * indent, " " * indent, total)
    assert all(display_width(line) <= total for line in lines)
    assert lines[0].startswith("*" * indent) and all(line.startswith(" " * indent) for line in lines[1:])
