"""The 1999 procuratorate rules: faithful quotes, a complete index, its window, and sound tri-state answers.

Scenarios (rulesets/procuratorate_1999/scenarios) pin the answers case by case;
these tests pin what spans them: deadline quotes, coverage of every deadline,
the effective window, Art. 56's recalculated bail, and, on random cases dated in
the window, that the evaluators agree and that learning a fact never flips a
determined answer.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalrules import CaseFacts, Engine, parse_case
from legalrules.engine.durable import AVAILABLE
from legalrules.engine.evaluate import _select
from legalrules.engine.frames import build_frames
from legalrules.interpretations import Interpretations
from legalrules.engine.native import run_native
from legalrules.engine.scenarios import load_scenarios

from ..conftest import ROOT
from ..strategies import procuratorate_1999_case_strategy

ENGINE = Engine()
RULESET = ENGINE.ruleset("procuratorate_1999")
SHARED = Path(os.environ.get("LEGALRULES_SHARED", ROOT.parent / "shared"))
IN_WINDOW = datetime.fromisoformat("2012-12-31T12:00:00+08:00")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_deadline_quote_is_verbatim_in_the_source() -> None:
    """Each deadline's quote, and each extension's and exception's, appears word for word in the translation."""
    source_path = SHARED / RULESET.instrument.source.removeprefix("shared/")
    if not source_path.is_file():
        pytest.skip(f"the shared sources are not at {source_path}; set LEGALRULES_SHARED")
    source = _flat(source_path.read_text(encoding="utf-8"))
    quotes = {}
    for deadline in RULESET.deadlines:
        quotes[f"{deadline.id} {deadline.spec.duty}"] = deadline.spec.quote
        quotes |= {f"{deadline.id} {deadline.spec.duty} extension {e.basis}": e.quote for e in deadline.spec.extensions}
        quotes |= {f"{deadline.id} {deadline.spec.duty} exception {x.title}": x.quote for x in deadline.spec.exceptions}
    assert {where: quote for where, quote in quotes.items() if _flat(quote) not in source} == {}


def test_every_deadline_runs_in_a_scenario() -> None:
    """Each (deadline, duty) has a scenario that starts its clock and checks its status."""
    shown = {(e.rule_id, e.duty) for s in load_scenarios(RULESET.directory) for e in s.scenario.expect_deadlines}
    assert sorted({(d.id, d.spec.duty) for d in RULESET.deadlines} - shown) == []


def test_the_index_covers_articles_1_to_189_and_the_articles_the_issue_names() -> None:
    """Arts. 1-189 are all accounted for; 189 is cut off in the source; the issue's articles are encoded."""
    index = RULESET.articles
    assert index is not None and index.article_count == 189
    assert all(index.status_of(n) is not None for n in range(1, 190))
    assert index.status_of(189) == "missing_from_source"
    named = [*range(32, 41), 44, 53, 54, 55, 56, 62, 63, 68, 69, 70, 75, 76, 79, 80, 81, 83, 85, *range(86, 91),
             93, 95, 96, 99, 102, 105, 106, 109, 111, 115, 116, 124, 126, 130, 131, 134, 136, 137, 138, 141, 142,
             144, 145, 146, 151, 152, 158, 161, 187]
    assert [n for n in named if index.status_of(n) != "encoded"] == []


CASE_2013 = """
case: {id: late, handling_organ: procuratorate, proceeding: criminal}
suspect: {congress_deputy: county, current_measure: detention}
circumstances: {may_destroy_evidence_or_collude: true}
measures: [{id: d1, kind: detention, decided_by: procuratorate, start: "2013-01-02T10:00:00+08:00"}]
interrogations: [{start: "2013-01-02T14:00:00+08:00", under_measure: detention}]
"""


def test_a_case_after_2012_gets_nothing_from_the_1999_rules_and_is_told_why() -> None:
    """Dated 2 January 2013: no conclusions, no deadlines, and every item says the rules ceased on 2012-12-31."""
    decision = ENGINE.evaluate(parse_case(CASE_2013, "late.yaml"), as_of=datetime.fromisoformat("2013-02-01T12:00:00+08:00"))
    assert [c for c in decision.conclusions if c.ruleset == "procuratorate_1999"] == []
    assert [d for d in decision.deadlines if d.ruleset == "procuratorate_1999"] == []
    use = next(u for u in decision.rulesets if u.id == "procuratorate_1999")
    assert use.applied_to == []
    assert {s.subject.split(" ")[0] for s in use.not_applied} == {"case", "interrogations[0]", "measures[0]"}
    for skipped in use.not_applied:
        assert "2013-01-02" in skipped.reason and "2012-12-31" in skipped.reason, skipped


def test_public_security_bail_is_not_timed_by_the_procuratorate_and_its_own_bail_restarts_the_12_months() -> None:
    """Art. 56: only the procuratorate's bail measure gets Art. 55's 12 months, counted from its own start."""
    case = CaseFacts.model_validate({
        "case": {"id": "B", "handling_organ": "procuratorate"},
        "measures": [
            {"id": "b0", "kind": "bail", "decided_by": "public_security", "start": "2008-03-10T10:00:00+08:00"},
            {"id": "b1", "kind": "bail", "decided_by": "procuratorate", "start": "2008-10-06T10:00:00+08:00"},
        ],
    })
    decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2009-01-01T12:00:00+08:00"))
    bail = [d for d in decision.deadlines if d.rule_id == "procuratorate_1999.art55"]
    assert [(d.subject, d.anchor_at.date().isoformat()) for d in bail] == [("measures[1]", "2008-10-06")]


@pytest.mark.parametrize(("congress", "level", "expected"), [
    ("county", "county", "congress_contact_direct_required"),
    ("national", "province", "congress_contact_via_same_level_procuratorate_required"),
    ("city", "province", "congress_contact_direct_or_entrusted_permitted"),
    ("township", "county", "congress_contact_by_county_procuratorate_required"),
])
def test_exactly_one_channel_to_the_deputys_congress_holds(congress: str, level: str, expected: str) -> None:
    """For a deputy of this region, the levels of congress and procuratorate pick one channel of Arts. 79 and 93."""
    case = CaseFacts.model_validate({
        "case": {"id": "D", "handling_organ": "procuratorate", "handling_level": level},
        "suspect": {"congress_deputy": congress},
        "circumstances": {"deputy_of_other_region": False, "caught_in_the_act": False},
    })
    decision = ENGINE.evaluate(case, as_of=IN_WINDOW)
    channels = {c.conclusion: c.value for c in decision.conclusions
                if c.ruleset == "procuratorate_1999" and c.conclusion.startswith("congress_contact_")}
    assert {name for name, value in channels.items() if value == "true"} == {expected}
    assert set(channels.values()) == {"true", "false"}


# --- random cases dated in the window ---------------------------------------------------------

WINDOW_CASES = st.one_of(procuratorate_1999_case_strategy(st.sampled_from([None, True, False])),
                         procuratorate_1999_case_strategy(st.booleans()))
_FLAG_GROUPS = ("suspect", "circumstances")


def _flags() -> list[tuple[str, str]]:
    return [(group, name) for group in _FLAG_GROUPS
            for name, field in CaseFacts.model_fields[group].annotation.model_fields.items()  # type: ignore[union-attr]
            if field.annotation == (bool | None)]


def _values(doc: dict[str, Any], as_of: datetime = IN_WINDOW) -> dict[tuple[str, str, str], bool | None]:
    found = ENGINE.values(CaseFacts.model_validate(doc), as_of=as_of)
    return {key: value for key, value in found.items() if key[0] == "procuratorate_1999"}


@given(WINDOW_CASES, st.data())
def test_filling_in_unknown_facts_never_changes_a_determined_answer(doc: dict[str, Any], data: st.DataObject) -> None:
    """Unknown is not false: deciding the unknown flags can settle an undetermined answer, never flip one."""
    before = _values(doc)
    filled = {group: dict(doc.get(group) or {}) for group in _FLAG_GROUPS}
    for group, name in _flags():
        if filled[group].get(name) is None:
            filled[group][name] = data.draw(st.booleans())
    after = _values({**doc, **filled})
    for key, old in before.items():
        if old is not None:
            assert after[key] == old, key


@given(WINDOW_CASES)
def test_the_bulk_path_and_the_frames_path_agree_in_the_window(doc: dict[str, Any]) -> None:
    """`Engine.values` (generated over the models) equals the frames evaluation on cases dated 1999-2012."""
    case = CaseFacts.model_validate(doc)
    frames = build_frames(case, IN_WINDOW, Interpretations())
    native = run_native(ENGINE._programs[RULESET.id], _select(RULESET, frames).frames, with_rules=False)
    expected = {(RULESET.id, name, frame): value for (name, frame), value in native.conclusions.items()}
    assert _values(doc) == expected


@given(WINDOW_CASES)
def test_durable_rules_and_the_native_evaluator_agree_in_the_window(doc: dict[str, Any]) -> None:
    """On cases dated 1999-2012, durable-rules gives the same values and fired rules as the native evaluator."""
    if not AVAILABLE:
        pytest.skip("durable-rules is not installed on this Python")
    frames = build_frames(CaseFacts.model_validate(doc), IN_WINDOW, Interpretations())
    chosen = _select(RULESET, frames).frames
    native = run_native(ENGINE._programs[RULESET.id], chosen)
    durable = ENGINE.durable().run(RULESET.id, chosen)
    assert {k: v for k, v in native.conclusions.items() if v is not None} == durable.conclusions
    assert {k: v for k, v in native.compliance.items() if v is not None} == durable.compliance
    assert {k for k, v in native.rules.items() if v is True} == durable.fired_rules
