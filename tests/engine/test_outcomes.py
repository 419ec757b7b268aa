"""Explanations on demand: a lazily explained decision is the eager one, in objects, JSON and pickles."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules import CaseFacts, Engine, load_case
from legalrules.decision.lazy import LazyList
from legalrules.documents.text.decision import render_decision

from ..conftest import AS_OF, ROOT
from ..strategies import case_documents, known_case_documents

ENGINE = Engine()
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _lists(decision: Any) -> list[LazyList[Any]]:
    return [rules for c in decision.conclusions for rules in (c.established_by, c.not_established_by)
            if isinstance(rules, LazyList)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_serializes_and_renders_the_same_lazy_or_eager(example: Path) -> None:
    """The JSON and the text of each example's lazily explained decision equal the eager one's, byte for byte."""
    case = load_case(example)
    eager = ENGINE.evaluate(case, as_of=AS_OF, explanations="eager")
    lazy = ENGINE.evaluate(case, as_of=AS_OF)
    assert not any(rules.filled for rules in _lists(lazy))
    assert lazy.model_dump_json(indent=2) == eager.model_dump_json(indent=2)
    assert render_decision(ENGINE.evaluate(case, as_of=AS_OF)) == render_decision(eager)
    assert ENGINE.evaluate(case, as_of=AS_OF) == eager


@given(st.one_of(case_documents, known_case_documents))
def test_random_cases_serialize_the_same_lazy_or_eager(doc: dict[str, Any]) -> None:
    """On generated cases the lazily explained decision's JSON equals the eager one's."""
    case = CaseFacts.model_validate(doc)
    eager = ENGINE.evaluate(case, as_of=AS_OF, engine="native", explanations="eager")
    assert ENGINE.evaluate(case, as_of=AS_OF, engine="native").model_dump_json() == eager.model_dump_json()


def test_a_pickled_decision_travels_without_its_explanations_and_builds_them_after() -> None:
    """Pickling keeps the recipe, not the objects; unpickled, the decision explains itself the same."""
    case = load_case(ROOT / "examples" / "drug_deaf_suspect.yaml")
    decision = ENGINE.evaluate(case, as_of=AS_OF)
    again = pickle.loads(pickle.dumps(decision))
    assert not any(rules.filled for rules in _lists(again))
    assert again.model_dump_json() == decision.model_dump_json()
    assert copy.deepcopy(decision) == decision


def test_reading_one_list_builds_only_its_conclusion() -> None:
    """Reading established_by of one conclusion leaves every other conclusion's explanations unbuilt."""
    decision = ENGINE.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF)
    first = decision.conclusions[0]
    assert len(first.established_by) + len(first.not_established_by) > 0
    built = [rules.filled for rules in _lists(decision)]
    assert built[:2] == [True, True] and not any(built[2:])


def test_a_lazy_list_behaves_as_the_list_it_becomes() -> None:
    """Length, indexing, iteration, membership, equality, concatenation and repr match a plain list."""
    calls: list[int] = []

    def fill() -> list[int]:
        calls.append(1)
        return [3, 1, 2]

    lazy = LazyList(fill)
    assert calls == []
    assert len(lazy) == 3 and lazy[0] == 3 and lazy[-1] == 2 and lazy[1:] == [1, 2]
    assert list(lazy) == [3, 1, 2] and 1 in lazy and lazy.index(2) == 2 and lazy.count(3) == 1
    assert lazy == [3, 1, 2] and [3, 1, 2] == lazy and lazy != [1]
    assert [0] + lazy == [0, 3, 1, 2] and lazy + [4] == [3, 1, 2, 4]
    assert repr(lazy) == "[3, 1, 2]" and sorted(lazy) == [1, 2, 3] and bool(LazyList(list)) is False
    assert calls == [1]
