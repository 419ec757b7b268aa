"""Hostile case documents: work is bounded by the limits, and each refusal names the limit and its variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalrules import CaseFileError, load_case, parse_case
from legalrules.case.limits import DocumentLimits
from legalrules.errors import SHOWN_PROBLEMS

# 9**7 = 4,782,969 strings from 300 bytes once the aliases are expanded.
ALIAS_BOMB = """\
case: {id: bomb}
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
suspect: {name: *g}
"""


def _problem(text: str) -> str:
    with pytest.raises(CaseFileError) as info:
        parse_case(text, "hostile.yaml")
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    """A 300-byte alias bomb inside a validated field is refused by the value count, naming the variable."""
    problem = _problem(ALIAS_BOMB)
    assert "more than 200,000 values once its aliases are expanded" in problem
    assert "LEGALRULES_MAX_CASE_VALUES" in problem


def test_a_recursive_alias_is_refused() -> None:
    """An anchor that contains itself is an input error at its line, not an endless structure."""
    problem = _problem("case: {id: X}\nsuspect: {name: &a [*a]}\n")
    assert problem.startswith("hostile.yaml:2 suspect.name[0]: received an alias that contains itself")


def test_brackets_nested_deeper_than_the_limit_never_reach_the_parser() -> None:
    """40,000 nested brackets (which crash libyaml's composer) are refused by the nesting limit."""
    problem = _problem("case: {id: X}\nsuspect: {name: " + "[" * 40_000 + "]" * 40_000 + "}\n")
    assert "brackets nested 40,001 deep" in problem
    assert "LEGALRULES_MAX_NESTING" in problem


def test_a_list_longer_than_the_limit_names_its_field_and_the_variable() -> None:
    """1,001 interrogations are over the default 1,000-item limit; the message says how to raise it."""
    items = "".join(f"  - {{id: i{n}}}\n" for n in range(1_001))
    problem = _problem("case: {id: X}\ninterrogations:\n" + items)
    assert problem.startswith("hostile.yaml:3 interrogations: received a list of 1,001 items")
    assert "set LEGALRULES_MAX_LIST_ITEMS above 1,000 to accept it" in problem


def test_the_list_limit_is_raised_by_its_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """With LEGALRULES_MAX_LIST_ITEMS=2000 the same 1,001 interrogations are read."""
    monkeypatch.setenv("LEGALRULES_MAX_LIST_ITEMS", "2000")
    items = "".join(f"  - {{id: i{n}}}\n" for n in range(1_001))
    assert len(parse_case("case: {id: X}\ninterrogations:\n" + items, "big.yaml").interrogations) == 1_001


def test_a_limit_variable_that_is_not_a_number_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt limit is refused naming the variable, not silently ignored."""
    monkeypatch.setenv("LEGALRULES_MAX_LIST_ITEMS", "lots")
    with pytest.raises(Exception, match="LEGALRULES_MAX_LIST_ITEMS: received 'lots'; expected a whole number"):
        DocumentLimits.from_environment()


def test_a_5000_digit_integer_is_an_input_error() -> None:
    """An integer too long to print (Python refuses over 4,300 digits) is refused by its digit count."""
    problem = _problem("case: {id: X}\noffences: [{charge: x, statutory_max: " + "9" * 5_000 + "}]\n")
    assert problem.startswith("hostile.yaml:2 offences[0].statutory_max: received an integer of 5,000 digits")


def test_a_bad_value_is_cut_before_it_is_shown() -> None:
    """A 200,000-character string in a wrong place is shown in under 100 characters."""
    problem = _problem("case: {id: X}\nsuspect: {blind: " + "x" * 200_000 + "}\n")
    received = problem.split("received ", 1)[1].split("; expected", 1)[0]
    assert len(received) < 100 and received.endswith("(str)")


def test_a_long_list_of_problems_is_capped_and_says_how_many_more(tmp_path: Path) -> None:
    """500 wrong values give 500 problems, but the message lists 20 and says 480 more."""
    items = "".join("  - {charge: x, intentional: maybe}\n" for _ in range(500))
    path = tmp_path / "many.yaml"
    path.write_text("case: {id: X}\noffences:\n" + items, encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert len(info.value.problems) == 500
    message = str(info.value)
    assert message.count("\n  - ") == SHOWN_PROBLEMS
    assert message.endswith(f"... and {500 - SHOWN_PROBLEMS} more problem(s)")
