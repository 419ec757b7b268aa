"""Case errors suggest what was meant; Chinese terms are accepted where they name one value."""

from __future__ import annotations

import pytest

from legalrules.case.chinese_terms import ALIASES, TERMS
from legalrules.case.io import parse_case
from legalrules.errors import CaseFileError


def _problems(text: str) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, "c.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_misspelt_key_gets_the_nearest_key() -> None:
    """`birth_dat` under suspect: did you mean `birth_date`?"""
    [problem] = _problems("case: {id: X}\nsuspect: {birth_dat: 1990-01-01}\n")
    assert problem.startswith("c.yaml:2 suspect.birth_dat: received unknown key 'birth_dat'")
    assert problem.endswith("did you mean `birth_date`?")


def test_a_misspelt_value_gets_the_nearest_value_with_its_chinese_term() -> None:
    """`detension` is near `detention` (拘留)."""
    [problem] = _problems("case: {id: X}\nmeasures: [{kind: detension}]\n")
    assert "did you mean `detention` (拘留)?" in problem


def test_a_shortened_chinese_term_suggests_the_one_value_it_is_part_of() -> None:
    """`公安` is refused (it is not the term), with `public_security` (公安机关) suggested; `监视` is part of
    two terms (监视居住, 指定居所监视居住), so it suggests neither."""
    [problem] = _problems("case: {id: X, handling_organ: 公安}\n")
    assert problem.endswith("did you mean `public_security` (公安机关)?")
    [problem] = _problems("case: {id: X}\nmeasures: [{kind: 监视}]\n")
    assert "did you mean" not in problem


def test_a_chinese_term_is_read_as_the_value_it_names() -> None:
    """`kind: 拘留` reads as detention; `handling_organ: 公安机关` as public_security."""
    case = parse_case("case: {id: X, handling_organ: 公安机关}\nmeasures: [{kind: 拘留}]\n", "c.yaml")
    assert case.measures[0].kind == "detention"
    assert case.case.handling_organ == "public_security"


def test_a_chinese_term_of_another_field_is_not_taken() -> None:
    """拘留 is a measure, not an organ: as handling_organ it is an error, not a guess."""
    [problem] = _problems("case: {id: X, handling_organ: 拘留}\n")
    assert "case.handling_organ" in problem


def test_a_malformed_time_says_the_form_expected() -> None:
    """`2026/11/21 10:25` is refused with the form to write."""
    [problem] = _problems("case: {id: X}\nmeasures: [{kind: detention, start: 2026/11/21 10:25}]\n")
    assert "write it as 2025-10-01T09:30:00+08:00" in problem


def test_problems_come_in_line_order() -> None:
    """Problems are listed as the file reads, top to bottom."""
    text = ("case: {id: X}\nmeasures:\n  - {kind: detension}\nsuspect:\n  birth_dat: 1990-01-01\n"
            "interrogations:\n  - {place: jail}\n")
    lines = [int(p.split(":", 2)[1].split()[0]) for p in _problems(text)]
    assert lines == sorted(lines) and len(lines) == 3


def test_every_term_is_chinese_and_every_alias_names_a_value() -> None:
    """The term table only holds Chinese terms of known values."""
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in zh) for zh in TERMS.values())
    assert all(values and all(v in TERMS for v in values) for values in ALIASES.values())
