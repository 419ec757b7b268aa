"""The 2020 public-security procedure rules: a complete index, its window, organ scope, and duties beside the CPL's.

Scenarios (rulesets/psp_2020/scenarios) pin the answers case by case; these tests
pin what spans them: every article of the source indexed one by one, the effective
window, that every rule and deadline binds public security only, and that a 2026
public-security case shows this ruleset's duties beside the CPL's and av_2014's,
each with its own citation.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from legalrules import CaseFacts, Engine
from legalrules.case.yaml_lines import read_yaml_file

from ..conftest import ROOT

ENGINE = Engine()
RULESET = ENGINE.ruleset("psp_2020")
DIRECTORY = ROOT / "rulesets" / "psp_2020"
SHARED = Path(os.environ.get("LEGALRULES_SHARED", ROOT.parent / "shared"))
AS_OF = datetime.fromisoformat("2026-03-20T12:00:00+08:00")
PUBLIC_SECURITY = {"fact": "case.handling_organ", "is": "public_security"}


def _case(organ: str) -> CaseFacts:
    return CaseFacts.model_validate({
        "case": {"id": f"psp-{organ}", "handling_organ": organ, "proceeding": "criminal"},
        "offences": [{"charge": "intentional homicide", "statutory_max": "death", "intentional": True}],
        "measures": [{"id": "d1", "kind": "detention", "start": datetime.fromisoformat("2026-03-10T09:00:00+08:00")}],
        "interrogations": [{"start": datetime.fromisoformat("2026-03-10T15:00:00+08:00"), "place": "detention_house"}],
    })


def test_every_article_of_the_source_is_indexed_one_by_one() -> None:
    """The index lists articles 1-388 singly (no ranges), as many as the source has 第N条 headings."""
    index = RULESET.articles
    assert index is not None and index.article_count == 388 and index.ranges == []
    assert sorted(index.articles) == list(range(1, 389))
    source = SHARED / "sources" / "statutes-zh" / "psp_2020.md"
    if not source.is_file():
        pytest.skip(f"the shared sources are not at {source}; set LEGALRULES_SHARED")
    headings = re.findall(r"^第[零一二三四五六七八九十百]+条", source.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(headings) == index.article_count


def test_the_window_opens_on_2020_09_01() -> None:
    """In force from 2020-09-01 with no end; the earlier text is named in the window note."""
    instrument = RULESET.instrument
    assert (instrument.effective_from.isoformat(), instrument.effective_until) == ("2020-09-01", None)
    assert instrument.window_note is not None and "公安部令第127号" in instrument.window_note


def _conditions_of(raw: dict[str, Any]) -> list[Any]:
    when = raw.get("when")
    return list(when["all"]) if isinstance(when, dict) and "all" in when else [when]


@pytest.mark.parametrize("name", RULESET.instrument.rule_files)
def test_every_rule_and_deadline_binds_public_security_only(name: str) -> None:
    """Each rule's and deadline's own condition requires case.handling_organ public_security."""
    raw = read_yaml_file(DIRECTORY / name)
    for item in [*raw.get("rules", []), *raw.get("deadlines", [])]:
        assert PUBLIC_SECURITY in _conditions_of(item), item["id"]


def test_a_2026_public_security_detention_shows_both_instruments_duties() -> None:
    """The family notice, transfer, interrogation and request are due under CPL 2018 and PSP 2020 alike."""
    decision = ENGINE.evaluate(_case("public_security"), as_of=AS_OF)
    applied = {(d.rule_id, d.duty) for d in decision.deadlines if d.applies == "true"}
    for cpl, psp, duty in [("crim_proc.art85.2", "psp_2020.art127.1", "family_notification"),
                           ("crim_proc.art85.2", "psp_2020.art126.1", "transfer_to_detention_house"),
                           ("crim_proc.art86", "psp_2020.art128", "interrogation"),
                           ("crim_proc.art91.1", "psp_2020.art129.1", "arrest_approval_request")]:
        assert {(cpl, duty), (psp, duty)} <= applied
    citations = {d.citation for d in decision.deadlines if d.duty == "family_notification"}
    assert citations == {"crim_proc Art. 85 para. 2", "psp_2020 Art. 127 para. 1"}


def test_recording_is_required_by_psp_2020_and_av_2014_each_with_its_citation() -> None:
    """A murder suspect's interrogation must be recorded under both; the decision shows both rules."""
    decision = ENGINE.evaluate(_case("public_security"), as_of=AS_OF)
    psp = decision.find("recording_required", "interrogations[0]", "psp_2020")
    av = decision.find("recording_required", "interrogations[0]", "av_2014")
    assert (psp.value, av.value) == ("true", "true")
    assert [r.citation for r in psp.established_by] == ["psp_2020 Art. 208 para. 1"]
    assert "av_2014 Art. 4 para. 1" in {r.citation for r in av.established_by}


def test_a_procuratorate_case_gets_no_psp_2020_duty() -> None:
    """The procuratorate's own detention starts no psp_2020 clock and establishes no psp_2020 conclusion."""
    decision = ENGINE.evaluate(_case("procuratorate"), as_of=AS_OF)
    assert [d.rule_id for d in decision.deadlines if d.rule_id.startswith("psp_2020.") and d.applies != "false"] == []
    assert [c.conclusion for c in decision.conclusions if c.ruleset == "psp_2020" and c.value != "false"] == []


def test_a_2016_public_security_case_names_the_2012_text_as_not_encoded() -> None:
    """Before 2020-09-01 the 2012 revision governed public security: the decision names it, not encoded."""
    case = CaseFacts.model_validate({
        "case": {"id": "psp-2016", "handling_organ": "public_security", "proceeding": "criminal"},
        "measures": [{"id": "d1", "kind": "detention", "start": datetime.fromisoformat("2016-05-10T10:00:00+08:00")}],
    })
    decision = ENGINE.evaluate(case, as_of=datetime.fromisoformat("2016-05-20T10:00:00+08:00"))
    found = {(g.subject, g.instrument, g.encoded) for g in decision.governing
             if g.chain == "public_security_procedure_rules"}
    assert ("measures[0]", "psp_2012", False) in found
    assert [d for d in decision.deadlines if d.rule_id.startswith("psp_2020.")] == []
