"""Verdicts an officer can sign (issue 11): whom a rule binds, extensions, exceptions in time, input refused.

These run the bundled rulesets through the real engine, holiday calendar and CLI; the
exact edges (met at the due instant, missed one second later, the 30-day cap, an
exception one minute either side of the due time) are scenarios in
rulesets/crim_proc/scenarios/boundaries.yaml.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from legalrules import CaseFacts, Engine
from legalrules.decision.model import Decision
from legalrules.errors import CaseFileError
from legalrules.frontends.cli.app import app
from legalrules.interpretations import Interpretations

ENGINE = Engine()


def _case(doc: dict[str, Any]) -> CaseFacts:
    return CaseFacts.model_validate(doc)


def _decide(doc: dict[str, Any], as_of: str = "2024-04-10T12:00:00+08:00", **kwargs: Any) -> Decision:
    return ENGINE.evaluate(_case(doc), as_of=datetime.fromisoformat(as_of), **kwargs)


INTERROGATION = {"start": "2020-05-10T10:00:00+08:00", "end": "2020-05-10T12:00:00+08:00", "place": "detention_house"}


def test_av_2014_gives_a_procuratorate_case_nothing_and_says_why() -> None:
    """av_2014 binds public security (Art. 2): a procuratorate's case gets no av_2014 conclusion, and the reason."""
    decision = _decide({"case": {"id": "P", "handling_organ": "procuratorate", "proceeding": "criminal"},
                        "offences": [{"charge": "bribery", "statutory_max": "life"}],
                        "interrogations": [INTERROGATION]})
    assert not [c for c in decision.conclusions if c.ruleset == "av_2014"]
    [use] = [u for u in decision.rulesets if u.id == "av_2014"]
    assert use.applied_to == [] and [n.subject for n in use.not_applied] == ["case"]
    assert "binds only public security" in use.not_applied[0].reason and "Art. 2" in use.not_applied[0].reason


def test_av_2014_still_decides_a_public_security_case_and_warns_when_the_organ_is_unknown() -> None:
    """The same interrogation by public security is judged; with no handling organ it is judged with a warning."""
    doc = {"case": {"id": "S", "handling_organ": "public_security", "proceeding": "criminal"},
           "offences": [{"charge": "murder", "statutory_max": "death"}], "interrogations": [INTERROGATION]}
    assert _decide(doc).find("recording_required", "interrogations[0]", "av_2014").value == "true"
    unknown = _decide({**doc, "case": {"id": "S", "proceeding": "criminal"}})
    assert unknown.find("recording_required", "interrogations[0]", "av_2014").value == "true"
    assert any("av_2014 binds only cases handled by public security" in w for w in unknown.warnings)


def _arrest_request(extensions: list[dict[str, Any]], at: str = "2024-04-03T12:00:00+08:00") -> dict[str, Any]:
    return {"case": {"id": "X", "handling_organ": "public_security", "proceeding": "criminal"},
            "measures": [{"id": "d1", "kind": "detention", "start": "2024-03-04T10:00:00+08:00",
                          "extensions": extensions}],
            "events": [{"kind": "arrest_approval_requested", "at": at, "measure": "d1"}]}


def test_both_art91_extensions_give_thirty_days_in_all_and_a_warning() -> None:
    """延长至三十日: the four special days fall within the thirty, never on top (34 days before issue 11).

    The CPL's deadline is checked; PSP 2020 Art. 129, which implements it, is checked by its scenarios."""
    decision = _decide(_arrest_request([{"basis": "special_circumstances", "approved": True, "days": 4},
                                        {"basis": "major_roving_serial_or_gang", "approved": True}]))
    [request] = [d for d in decision.deadlines if d.duty == "arrest_approval_request" and d.rule_id.startswith("crim_proc.")]
    assert request.due == datetime.fromisoformat("2024-04-03T23:59:59+08:00")
    assert request.period == "30 days"
    assert any("falls within the 30 days in all" in w for w in decision.warnings)


def test_the_art159_extension_is_not_applied_without_the_art158_one() -> None:
    """Art. 159 runs on 'after the Art. 158 extension expires': approved alone, it adds nothing and the decision warns."""
    doc = {"case": {"id": "Y", "handling_organ": "public_security", "proceeding": "criminal"},
           "measures": [{"id": "a1", "kind": "arrest", "start": "2024-03-04T10:00:00+08:00",
                         "extensions": [{"basis": "ten_years_or_more", "approved": True}]}]}
    decision = _decide(doc, as_of="2024-03-10T12:00:00+08:00")
    [custody] = [d for d in decision.deadlines if d.duty == "investigation_custody_end" and d.rule_id.startswith("crim_proc.")]
    assert custody.due == custody.base_due == datetime.fromisoformat("2024-05-04T23:59:59+08:00")
    assert any("runs on only after the major_complex_case extension" in w for w in decision.warnings)


def test_an_exception_naming_no_measure_in_a_case_with_two_it_could_excuse_is_refused() -> None:
    """Which detention an impossible notice excuses must be said: exit 2 naming the field and the candidates."""
    doc = {"case": {"id": "Z", "handling_organ": "public_security", "proceeding": "criminal"},
           "measures": [{"id": "d1", "kind": "detention", "start": "2024-03-04T10:00:00+08:00",
                         "end": "2024-03-05T10:00:00+08:00"},
                        {"id": "a1", "kind": "arrest", "start": "2024-03-05T10:00:00+08:00"}],
           "events": [{"kind": "family_notification_impossible", "at": "2024-03-04T12:00:00+08:00"}]}
    with pytest.raises(CaseFileError) as caught:
        _decide(doc)
    [problem] = caught.value.problems
    assert problem.location == "events[0].measure" and "one of: d1, a1" in problem.expected
    single = {**doc, "measures": doc["measures"][:1]}
    [notice] = [d for d in _decide(single).deadlines if d.duty == "family_notification" and d.rule_id.startswith("crim_proc.")]
    assert notice.status == "excepted"


@pytest.mark.parametrize(("reading", "due", "met_at", "status"), [
    ("from_the_instant", "2024-03-05T10:00:00+08:00", "2024-03-05T10:00:00+08:00", "met"),
    ("from_the_instant", "2024-03-05T10:00:00+08:00", "2024-03-05T10:00:01+08:00", "missed"),
    ("from_next_full_hour", "2024-03-05T11:00:00+08:00", "2024-03-05T11:00:00+08:00", "met"),
    ("from_next_full_hour", "2024-03-05T11:00:00+08:00", "2024-03-05T11:00:01+08:00", "missed"),
])
def test_an_hour_deadline_is_met_at_its_due_instant_and_missed_a_second_later(
        reading: str, due: str, met_at: str, status: str) -> None:
    """Both hour readings: done at exactly the due instant is met; one second later is missed."""
    doc = {"case": {"id": "H", "handling_organ": "public_security", "proceeding": "criminal"},
           "measures": [{"id": "d1", "kind": "detention", "start": "2024-03-04T10:00:00+08:00"}],
           "events": [{"kind": "transferred_to_detention_house", "at": met_at, "measure": "d1"}]}
    readings = Interpretations.model_validate({"hour_reading": reading})
    [transfer] = [d for d in _decide(doc, interpretations=readings).deadlines if d.duty == "transfer_to_detention_house" and d.rule_id.startswith("crim_proc.")]
    assert (transfer.due, transfer.status) == (datetime.fromisoformat(due), status)


def test_a_date_without_a_time_is_refused_in_the_case_and_in_as_of(tmp_path: Path) -> None:
    """A bare date is not midnight: the case field and --as-of are refused (exit 2) showing the form expected."""
    case = tmp_path / "c.yaml"
    case.write_text("case: {id: D, handling_organ: public_security}\n"
                    "measures: [{id: d1, kind: detention, start: '2026-10-04T10:00:00+08:00'}]\n"
                    "events: [{kind: family_notified, at: 2026-10-05, measure: d1}]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["deadlines", str(case)])
    assert result.exit_code == 2 and "events[0].at" in result.stderr and "2026-10-05T10:25:00+08:00" in result.stderr
    good = tmp_path / "g.yaml"
    good.write_text(case.read_text(encoding="utf-8").replace("at: 2026-10-05,", "at: '2026-10-05T09:00:00+08:00',"),
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["deadlines", str(good), "--as-of", "2026-10-05"])
    assert result.exit_code == 2 and "--as-of" in result.stderr and "without a time" in result.stderr
    assert "Traceback" not in result.output
