"""Deadline anchors that name an event and the measure it concerns, or only measures one organ decided.

A test ruleset written to a temporary directory: a 12-hour limit counted from the
suspect's arrival for a compelled appearance the procuratorate decided, a 10-day
limit on a detention the procuratorate decided, and a 24-hour interrogation duty.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from legalrules import CaseFacts, Engine
from legalrules.errors import RulesetError

RULESET = """\
id: anchors
title: {en: Anchors, zh: 起算}
document_number: T2
issuing_body: {en: Test, zh: 测试}
issued: 2008-01-01
effective_from: 2008-01-01
source: none
quote_language: en
rule_files: [ch1.yaml]
"""
PARAMETERS = """\
parameters:
  hours: {description: twelve hours, value: 12, unit: hours, citation: {article: 1}, quote: twelve hours}
  days: {description: ten days, value: 10, unit: days, citation: {article: 2}, quote: ten days}
  day: {description: a day, value: 24, unit: hours, citation: {article: 3}, quote: a day}
"""
CHAPTER = """\
chapter: {number: 1, title: {en: Anchors, zh: 起算}}
deadlines:
  - id: anchors.art1
    title: Compelled appearance ends within 12 hours of arrival
    duty: compelled_appearance_end
    citation: {article: 1}
    quote: twelve hours
    summary: From arrival, at most twelve hours.
    anchor: {event: arrived_for_questioning, measure: compelled_appearance, decided_by: procuratorate}
    period: hours
    custody: false
    met_by: [{measure_end: true}]
  - id: anchors.art2
    title: Detention by the procuratorate ends within 10 days
    duty: detention_end
    citation: {article: 2}
    quote: ten days
    summary: At most ten days.
    anchor: {measure: detention, decided_by: procuratorate}
    period: days
    custody: true
    met_by: [{measure_end: true}]
  - id: anchors.art3
    title: Interrogate within 24 hours of detention
    duty: interrogation
    citation: {article: 3}
    quote: a day
    summary: Within a day.
    anchor: {measure: detention}
    period: day
    custody: true
    met_by: [{interrogation: true}]
"""
ARTICLES = """\
article_count: 3
articles:
  1: {status: encoded, summary: arrival, rules: [anchors.art1]}
  2: {status: encoded, summary: detention, rules: [anchors.art2]}
  3: {status: encoded, summary: interrogation, rules: [anchors.art3]}
"""


def _write(root: Path, chapter: str = CHAPTER) -> Path:
    directory = root / "anchors"
    directory.mkdir(parents=True)
    for name, text in (("ruleset.yaml", RULESET), ("parameters.yaml", PARAMETERS), ("ch1.yaml", chapter),
                       ("articles.yaml", ARTICLES)):
        (directory / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return Engine(rulesets_root=_write(tmp_path))


def _case(measures: list[dict[str, Any]], events: list[dict[str, Any]] | None = None,
          interrogations: list[dict[str, Any]] | None = None) -> CaseFacts:
    return CaseFacts.model_validate({"case": {"id": "A-1"}, "measures": measures, "events": events or [],
                                     "interrogations": interrogations or []})


def _decide(engine: Engine, case: CaseFacts) -> Any:
    return engine.evaluate(case, as_of=datetime.fromisoformat("2009-01-01T12:00:00+08:00"))


def test_an_event_anchor_with_a_measure_kind_counts_from_the_event_naming_that_measure(engine: Engine) -> None:
    """Compelled at 08:00, arrived 08:40: the 12 hours run from 08:40 and the measure's end meets them."""
    measure = {"id": "c1", "kind": "compelled_appearance", "decided_by": "procuratorate",
               "start": "2008-03-03T08:00:00+08:00", "end": "2008-03-03T20:30:00+08:00"}
    arrival = {"kind": "arrived_for_questioning", "at": "2008-03-03T08:40:00+08:00", "measure": "c1"}
    [found] = [d for d in _decide(engine, _case([measure], [arrival])).deadlines if d.duty == "compelled_appearance_end"]
    assert found.subject == "events[0]" and found.due == datetime.fromisoformat("2008-03-03T20:40:00+08:00")
    assert found.status == "met" and found.met_by == "measures[0].end"


def test_an_arrival_for_another_measure_or_naming_none_starts_no_clock(engine: Engine) -> None:
    """An arrival naming a summons, or no measure at all, does not start the compelled-appearance clock."""
    summons = {"id": "s1", "kind": "summons", "decided_by": "procuratorate", "start": "2008-03-03T08:00:00+08:00"}
    events = [{"kind": "arrived_for_questioning", "at": "2008-03-03T08:40:00+08:00", "measure": "s1"},
              {"kind": "arrived_for_questioning", "at": "2008-03-03T09:40:00+08:00"}]
    decision = _decide(engine, _case([summons], events))
    assert not [d for d in decision.deadlines if d.duty == "compelled_appearance_end"]
    [missing] = [n for n in decision.deadlines_not_started if n.duty == "compelled_appearance_end"]
    assert "naming (by `measure`) a compelled_appearance measure decided by the procuratorate" in missing.missing


def test_decided_by_keeps_only_that_organs_measures(engine: Engine) -> None:
    """A public security detention gets no procuratorate detention clock; the not-started note says why."""
    police = {"id": "d1", "kind": "detention", "decided_by": "public_security", "start": "2008-03-03T10:00:00+08:00"}
    own = {"id": "d2", "kind": "detention", "decided_by": "procuratorate", "start": "2008-04-07T10:00:00+08:00"}
    only_police = _decide(engine, _case([police]))
    assert not [d for d in only_police.deadlines if d.duty == "detention_end"]
    [note] = [n for n in only_police.deadlines_not_started if n.duty == "detention_end"]
    assert "decided_by must say it was decided by the procuratorate" in note.missing
    both = [d for d in _decide(engine, _case([police, own])).deadlines if d.duty == "detention_end"]
    assert [d.subject for d in both] == ["measures[1]"]
    # 10 days from 7 April 2008 (the day not counted): 17 April, custody, no roll.
    assert both[0].due == datetime.fromisoformat("2008-04-17T23:59:59+08:00")


def test_an_interrogation_of_a_witness_does_not_meet_the_suspects_interrogation_duty(engine: Engine) -> None:
    """Only an interrogation of the suspect meets a duty to interrogate; a witness's questioning does not."""
    detained = {"id": "d1", "kind": "detention", "start": "2008-03-03T10:00:00+08:00"}
    witness = {"person": "witness", "start": "2008-03-03T12:00:00+08:00"}
    suspect = {"person": "suspect", "start": "2008-03-04T09:00:00+08:00"}
    [duty] = [d for d in _decide(engine, _case([detained], interrogations=[witness, suspect])).deadlines
              if d.duty == "interrogation"]
    assert duty.met_by == "interrogations[1].start" and duty.status == "met"


def test_decided_by_without_a_measure_kind_is_rejected(tmp_path: Path) -> None:
    """An anchor filtering by organ must name the measure kind; the loader says so at the entry."""
    chapter = CHAPTER.replace("anchor: {measure: detention, decided_by: procuratorate}",
                              "anchor: {event: arrived_for_questioning, decided_by: procuratorate}")
    with pytest.raises(RulesetError) as info:
        Engine(rulesets_root=_write(tmp_path, chapter))
    assert "decided_by filters measures" in str(info.value) and info.value.rule_id == "anchors.art2"
