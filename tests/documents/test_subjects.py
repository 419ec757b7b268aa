"""Case items named by the case's own ids, and `--subject` typed as an id or a position."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalrules.case.io import parse_case
from legalrules.documents.subjects import SubjectNames
from legalrules.errors import InputError

CASE = parse_case("""
case: {id: S1}
measures:
  - {id: s1, kind: summons}
  - {kind: detention}
events:
  - {id: e1, kind: family_notified}
  - {kind: arrest_approved}
interrogations:
  - {id: q1}
  - {id: q2, interruptions: [{reason: storage_full}]}
""", "subjects.yaml")


def test_items_are_named_by_their_ids_or_their_number() -> None:
    """An item with an id reads as the id; one without, by its list and number from one."""
    names = SubjectNames(CASE)
    assert names.name("measures[0]") == "s1"
    assert names.name("measures[1]") == "measure 2"
    assert names.name("events[1]") == "event 2"
    assert names.name("interrogations[1].interruptions[0]") == "q2 interruption 1"
    assert names.name("case") == "the case"
    assert SubjectNames(CASE, "zh").name("measures[1]") == "第2项措施"


def test_positions_inside_sentences_are_relabelled() -> None:
    """A warning naming `measures[0].end` and `events[0]` reads with the ids."""
    text = SubjectNames(CASE).relabel("measures[0].end at 10:00 is after events[0] (family_notified)")
    assert text == "s1.end at 10:00 is after e1 (family_notified)"


@pytest.mark.parametrize(("typed", "path"), [
    ("q2", "interrogations[1]"), ("s1", "measures[0]"), ("e1", "events[0]"),
    ("measures[1]", "measures[1]"), ("case", "case"),
])
def test_resolve_takes_ids_and_positions(typed: str, path: str) -> None:
    """`--subject q2` means interrogations[1]; a position is taken as it is."""
    assert SubjectNames(CASE).resolve(typed) == path


def test_resolve_refuses_an_unknown_id_listing_the_known_ones() -> None:
    """An id the case does not give is bad input, and the error lists the ids it does give."""
    with pytest.raises(InputError) as caught:
        SubjectNames(CASE).resolve("q9")
    assert "'q9'" in str(caught.value) and "['e1', 'q1', 'q2', 's1']" in str(caught.value)


def test_a_position_after_a_chinese_character_is_named_too() -> None:
    """`显示measures[1]`: Chinese characters are word characters, so `\\b` saw no edge and left the position."""
    from legalrules import load_case  # noqa: PLC0415

    names = SubjectNames(load_case(Path(__file__).resolve().parents[2] / "examples" / "detention_national_day_eve.yaml"),
                         "zh")
    assert names.relabel("案件显示measures[1]已结束") == "案件显示d1已结束"
    assert names.relabel("xmeasures[1]") == "xmeasures[1]"  # inside another word: not a position
