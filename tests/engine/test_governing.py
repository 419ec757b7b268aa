"""Each dated subject names, for every chain, the instrument in force on its date and whether it is encoded.

Issue 11 section 6: a 2015 detention must not read as "no deadline has started"; it
names the CPL 2012 amendment and says it is not encoded.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from legalrules import CaseFacts, Decision, Engine
from legalrules.documents.text.deadlines import deadline_table
from legalrules.documents.text.decision import render_decision

ENGINE = Engine()


def _decide(organ: str, start: str, as_of: str = "2026-12-01T12:00:00+08:00") -> Decision:
    case = CaseFacts.model_validate({"case": {"id": "g", "handling_organ": organ}, "measures": [
        {"id": "d1", "kind": "detention", "decided_by": organ, "start": start}]})
    return ENGINE.evaluate(case, as_of=datetime.fromisoformat(as_of))


def _on(decision: Decision, chain: str, subject: str = "measures[0]") -> Any:
    return next(g for g in decision.governing if g.chain == chain and g.subject == subject)


def test_a_2015_detention_names_the_cpl_2012_amendment_as_not_encoded() -> None:
    """The CPL then was the 2012 amendment; the decision says so, and the deadline table lists it, not "nothing started"."""
    decision = _decide("public_security", "2015-03-02T10:00:00+08:00", "2015-03-05T10:00:00+08:00")
    cpl = _on(decision, "criminal_procedure_law")
    assert (cpl.instrument, cpl.encoded, str(cpl.effective_from), str(cpl.effective_until)) == \
        ("cpl_2012", False, "2013-01-01", "2018-10-25")
    assert "中华人民共和国刑事诉讼法（2012年修正）" in cpl.text and "NOT ENCODED" in cpl.text
    table = deadline_table(decision)
    assert "the case gives no measure or event that starts one" not in table
    assert "Not encoded (in force on these dates" in table and "Criminal Procedure Law (2012" in table


def test_a_2016_procuratorate_detention_is_under_spp_2012_and_the_cpl_2012_amendment() -> None:
    """The procuratorate's rules then were the 2012 trial rules (encoded); the CPL, the 2012 amendment (not)."""
    decision = _decide("procuratorate", "2016-05-10T10:00:00+08:00")
    rules = _on(decision, "procuratorate_rules")
    assert (rules.instrument, rules.encoded) == ("spp_2012", True)
    assert (_on(decision, "criminal_procedure_law").instrument, _on(decision, "criminal_procedure_law").encoded) == \
        ("cpl_2012", False)
    assert {d.ruleset for d in decision.deadlines} == {"spp_2012"}


def test_a_2026_procuratorate_detention_is_under_spp_2019_and_crim_proc_both_encoded() -> None:
    """Today both lines are encoded: nothing is listed as not encoded, and the text names both."""
    decision = _decide("procuratorate", "2026-03-02T10:00:00+08:00")
    assert (_on(decision, "procuratorate_rules").instrument, _on(decision, "criminal_procedure_law").instrument) == \
        ("spp_2019", "crim_proc")
    assert not [g for g in decision.governing if not g.encoded and g.chain != "interrogation_recording_provisions"]
    text = render_decision(decision)
    assert "Instruments in force on the case's dates (by chain):" in text and "encoded as spp_2019" in text


def test_a_subject_before_every_recorded_instrument_says_none_is_recorded() -> None:
    """A 1996 detention precedes the 1996 amendment's effect and the 1999 rules: nothing recorded, not encoded."""
    decision = _decide("procuratorate", "1996-06-01T10:00:00+08:00", "1996-06-05T10:00:00+08:00")
    for chain in ("criminal_procedure_law", "procuratorate_rules"):
        item = _on(decision, chain)
        assert (item.instrument, item.encoded) == (None, False)
        assert "no instrument is recorded before" in item.text


def test_the_decision_json_lists_governing_for_every_dated_subject_and_chain() -> None:
    """The case and each measure with a start, once per chain, in the JSON."""
    decision = _decide("public_security", "2015-03-02T10:00:00+08:00", "2015-03-05T10:00:00+08:00")
    chains = {g.chain for g in decision.governing}
    assert {"criminal_procedure_law", "procuratorate_rules", "interrogation_recording_provisions"} <= chains
    pairs = {(g.chain, g.subject) for g in decision.governing}
    assert pairs == {(c, s) for c in chains for s in ("case", "measures[0]")}
    assert '"governing"' in decision.model_dump_json()


def test_the_deadline_table_names_each_instrument_not_encoded_once_with_its_subjects() -> None:
    """Two measures in 2015 share one line for the CPL 2012 amendment, listing both with their dates."""
    case = CaseFacts.model_validate({"case": {"id": "g2", "handling_organ": "public_security"}, "measures": [
        {"id": "d1", "kind": "detention", "decided_by": "public_security", "start": "2015-03-02T10:00:00+08:00"},
        {"id": "a1", "kind": "arrest", "decided_by": "procuratorate", "start": "2015-03-09T10:00:00+08:00"}]})
    table = deadline_table(ENGINE.evaluate(case, as_of=datetime.fromisoformat("2015-03-20T10:00:00+08:00")))
    gaps = " ".join(table.split("Not encoded", 1)[1].split())
    assert gaps.count("Criminal Procedure Law (2012 amendment)") == 1
    assert "measures[0] (2015-03-02)" in gaps and "measures[1] (2015-03-09)" in gaps
