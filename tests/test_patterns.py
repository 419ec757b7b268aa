"""The regular-expression helpers: patterns compiled on first use, and sentence templates."""

from __future__ import annotations

import re

from legalrules.patterns import first_template, on_first_use


def test_a_pattern_is_compiled_once_and_kept() -> None:
    digits = on_first_use(r"\d+")
    assert digits() is digits() and digits().fullmatch("2026")


def test_the_first_template_matching_the_whole_text_says_it() -> None:
    say = first_template([(r"due: (.+), the end of (\S+)", lambda m: f"届满：{m[1]}，即{m[2]}当日结束"),
                          (r"due: (.+)", lambda m: f"届满：{m[1]}")])
    assert say("due: 2026-10-03 23:59:59, the end of 2026-10-03") == "届满：2026-10-03 23:59:59，即2026-10-03当日结束"
    assert say("due: 21:00") == "届满：21:00"
    # A template must match the whole text: a sentence that only begins like one is not said by it.
    assert say("overdue: 21:00") is None and say("due:") is None


def test_flags_reach_the_patterns() -> None:
    say = first_template([(r"a (.+) b", lambda m: m[1])], re.DOTALL)
    assert say("a x\ny b") == "x\ny"
