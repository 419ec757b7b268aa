"""Properties of the answers on random cases: the evaluators agree, and logic is sound."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules import CaseFacts, Engine
from legalrules.ruleformat.conditions import referenced_conclusions, referenced_facts
from legalrules.engine.durable import AVAILABLE, UNAVAILABLE_REASON
from legalrules.case.terms import Organ, Proceeding
from legalrules.engine.evaluate import _select
from legalrules.engine.frames import build_frames
from legalrules.interpretations import Interpretations
from legalrules.engine.native import run_native

from ..conftest import AS_OF
from ..strategies import case_documents, known_case_documents

ENGINE = Engine()
# The evaluators run the rulesets that establish conclusions (not procuratorate_1999, metadata only).
CONCLUDING = [r for r in ENGINE.rulesets if r.conclusions]
ART4_TRIGGERS: list[dict[str, Any]] = [
    {"charge": "t", "statutory_max": "life"},
    {"charge": "t", "statutory_max": "death"},
    {"charge": "t", "endangers_public_safety": True, "caused_serious_injury_or_death": True},
    {"charge": "t", "seriously_infringes_personal_rights": True, "caused_serious_injury_or_death": True},
    {"charge": "t", "organised_crime": True},
    {"charge": "t", "serious_drug_crime": True},
    {"charge": "t", "intentional": True, "statutory_max": 10},
]


# How many generated examples each property test checked: a property that ran on none
# (a filter rejecting everything, an early return) proves nothing and must fail.
EXAMPLES: Counter[str] = Counter()
RAN: set[str] = set()


def _checked() -> None:
    """Count one generated example for the calling test."""
    EXAMPLES[sys._getframe(1).f_code.co_name] += 1


@pytest.fixture(autouse=True)
def _record_run(request: pytest.FixtureRequest) -> None:
    RAN.add(request.node.originalname)


@pytest.fixture(autouse=True, scope="module")
def _every_property_checked_examples() -> Iterator[None]:
    yield
    unchecked = sorted(name for name in RAN if EXAMPLES[name] == 0)
    assert not unchecked, f"these property tests checked no generated example: {unchecked}"


def _values(case: CaseFacts) -> dict[tuple[str, str, str], bool | None]:
    return ENGINE.values(case, as_of=AS_OF)


@pytest.mark.skipif(not AVAILABLE, reason=f"durable-rules is not available ({UNAVAILABLE_REASON})")
@given(st.one_of(case_documents, known_case_documents))
def test_native_and_durable_agree_on_every_conclusion(doc: dict[str, Any]) -> None:
    """On random cases, durable-rules and the native evaluator give the same values and fired rules."""
    _checked()
    case = CaseFacts.model_validate(doc)
    frames = build_frames(case, AS_OF, Interpretations())
    adapter = ENGINE.durable()
    for ruleset in CONCLUDING:
        chosen = _select(ruleset, frames).frames
        native = run_native(ENGINE._programs[ruleset.id], chosen)
        durable = adapter.run(ruleset.id, chosen)
        assert {k: v for k, v in native.conclusions.items() if v is not None} == durable.conclusions
        assert {k: v for k, v in native.compliance.items() if v is not None} == durable.compliance
        assert {k for k, v in native.rules.items() if v is True} == durable.fired_rules


@given(case_documents, st.sampled_from(ART4_TRIGGERS))
def test_adding_an_art4_trigger_never_undoes_recording_required(doc: dict[str, Any], trigger: dict[str, Any]) -> None:
    """If recording is required, adding any Art. 4 trigger leaves it required."""
    _checked()
    before = _values(CaseFacts.model_validate(doc))
    after = _values(CaseFacts.model_validate({**doc, "offences": [*(doc.get("offences") or []), trigger]}))
    for key, value in before.items():
        if key[1] == "recording_required" and value is True:
            assert after[key] is True, key


@given(case_documents, st.sampled_from(ART4_TRIGGERS))
def test_an_art4_trigger_requires_recording_of_a_criminal_suspect(doc: dict[str, Any], trigger: dict[str, Any]) -> None:
    """Every suspect interrogation in a criminal case under av_2014 must be recorded once an Art. 4 trigger is added."""
    _checked()
    doc = {**doc, "case": {**doc["case"], "proceeding": "criminal"},
           "offences": [*(doc.get("offences") or []), trigger]}
    case = CaseFacts.model_validate(doc)
    values = _values(case)
    for index, item in enumerate(case.interrogations):
        key = ("av_2014", "recording_required", f"interrogations[{index}]")
        if item.person == "suspect" and key in values:
            assert values[key] is True, key


def _depends_on(ruleset_id: str, conclusion: str) -> set[str]:
    """The base facts a conclusion of a ruleset reads, through the conclusions it refers to."""
    by_name = {c.name: c for c in ENGINE.ruleset(ruleset_id).conclusions}
    facts: set[str] = set()
    todo, seen = [conclusion], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for rule in by_name[name].rules:
            facts |= referenced_facts(rule.condition)
            todo += referenced_conclusions(rule.condition)
    return facts


CASE_FLAGS = [f"suspect.{n}" for n, f in CaseFacts.model_fields["suspect"].annotation.model_fields.items()  # type: ignore[union-attr]
              if f.annotation == (bool | None)] + \
             [f"circumstances.{n}" for n, f in CaseFacts.model_fields["circumstances"].annotation.model_fields.items()  # type: ignore[union-attr]
              if f.annotation == (bool | None)]


@given(case_documents, st.sampled_from(CASE_FLAGS), st.sampled_from([None, True, False]))
def test_a_determined_conclusion_ignores_facts_it_does_not_depend_on(
    doc: dict[str, Any], flag: str, value: bool | None
) -> None:
    """Changing a fact outside a determined conclusion's rules never changes it."""
    _checked()
    before = _values(CaseFacts.model_validate(doc))
    group, name = flag.split(".")
    changed = {**doc, group: {**(doc.get(group) or {}), name: value}}
    after = _values(CaseFacts.model_validate(changed))
    for key, old in before.items():
        if old is not None and flag not in _depends_on(key[0], key[1]):
            assert after[key] == old, (key, flag, value)


@given(case_documents, st.data())
def test_filling_in_unknown_facts_never_changes_a_determined_conclusion(doc: dict[str, Any], data: st.DataObject) -> None:
    """Unknown is not false: learning more can decide the undetermined, never flip the determined."""
    _checked()
    before = _values(CaseFacts.model_validate(doc))
    filled = {group: dict(doc.get(group) or {}) for group in ("suspect", "circumstances")}
    for flag in CASE_FLAGS:
        group, name = flag.split(".")
        if filled[group].get(name) is None:
            filled[group][name] = data.draw(st.booleans())
    after = _values(CaseFacts.model_validate({**doc, **filled}))
    for key, old in before.items():
        if old is not None:
            assert after[key] == old, key


@given(st.one_of(case_documents, known_case_documents))
def test_generated_code_and_closures_give_the_same_values(doc: dict[str, Any]) -> None:
    """The fast generated functions and the closure form explanations walk agree on every value."""
    _checked()
    from legalrules.engine.native import run_closures

    frames = build_frames(CaseFacts.model_validate(doc), AS_OF, Interpretations())
    for ruleset in CONCLUDING:
        chosen = _select(ruleset, frames).frames
        program = ENGINE._programs[ruleset.id]
        fast, reference = run_native(program, chosen), run_closures(program, chosen)
        assert fast.conclusions == reference.conclusions
        assert fast.rules == reference.rules
        assert fast.compliance == reference.compliance


def _frames_values(case: CaseFacts, readings: Interpretations) -> dict[tuple[str, str, str], bool | None]:
    frames = build_frames(case, AS_OF, readings)
    expected = {}
    for ruleset in CONCLUDING:
        assert ruleset.id not in ENGINE._bulk.unsupported, f"{ruleset.id} has no bulk function: this test would prove nothing"
        native = run_native(ENGINE._programs[ruleset.id], _select(ruleset, frames).frames, with_rules=False)
        expected.update({(ruleset.id, name, frame): value for (name, frame), value in native.conclusions.items()})
    return expected


@given(st.one_of(case_documents, known_case_documents),
       st.sampled_from([None, *get_args(Organ)]), st.sampled_from([None, *get_args(Proceeding)]))
def test_the_bulk_function_of_each_organ_and_proceeding_gives_the_frames_values(
        doc: dict[str, Any], organ: str | None, proceeding: str | None) -> None:
    """The bulk function is specialised on the handling organ and proceeding: each variant, unknown ones too, equals frames."""
    _checked()
    facts = {key: value for key, value in doc["case"].items() if key not in ("handling_organ", "proceeding")}
    facts.update({key: value for key, value in (("handling_organ", organ), ("proceeding", proceeding)) if value})
    case = CaseFacts.model_validate({**doc, "case": facts})
    assert ENGINE.values(case, as_of=AS_OF) == _frames_values(case, Interpretations())


@given(st.one_of(case_documents, known_case_documents),
       st.sampled_from(["from_day_after_birthday", "from_birthday"]))
def test_the_bulk_path_gives_the_values_the_frames_path_gives(doc: dict[str, Any], age_counting: str) -> None:
    """`Engine.values` (models read directly) equals the frames evaluation `evaluate` explains."""
    _checked()
    case = CaseFacts.model_validate(doc)
    readings = Interpretations.model_validate({"age_counting": age_counting})
    assert ENGINE.values(case, as_of=AS_OF, interpretations=readings) == _frames_values(case, readings)
