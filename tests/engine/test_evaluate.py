"""Evaluation: engine modes, effective dates, determinism, the decision contract."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from legalrules import CaseFacts, Decision, Engine, InputError, load_case, parse_case
from legalrules.engine import durable as _durable

from ..conftest import AS_OF, ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _values(decision: Decision) -> dict[tuple[str, str, str], tuple[str, str | None]]:
    return {(c.ruleset, c.conclusion, c.subject): (c.value, c.compliance.status if c.compliance else None)
            for c in decision.conclusions}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_engine_mode_gives_the_same_answer(engine: Engine, example: Path) -> None:
    """native, durable and both agree on every conclusion and compliance status of each example."""
    case = load_case(example)
    both = engine.evaluate(case, as_of=AS_OF)
    assert both.engine.ran == (["native", "durable"] if _durable.AVAILABLE else ["native"])
    assert _values(engine.evaluate(case, as_of=AS_OF, engine="native")) == _values(both)
    if _durable.AVAILABLE:
        durable = engine.evaluate(case, as_of=AS_OF, engine="durable")
        assert durable.engine.ran == ["durable"]
        assert _values(durable) == _values(both)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_same_facts_give_byte_identical_json(engine: Engine, example: Path) -> None:
    """Two evaluations of the same case, as-of and rulesets serialise identically."""
    first = engine.evaluate(load_case(example), as_of=AS_OF).model_dump_json()
    second = Engine().evaluate(load_case(example), as_of=AS_OF).model_dump_json()
    assert first == second


def test_an_interrogation_before_2014_10_01_gets_no_av_2014_conclusions(engine: Engine) -> None:
    """The 2013 example is outside av_2014's window: no conclusions, and the reason names the dates."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "interrogation_2013.yaml"), as_of=AS_OF)
    assert [c for c in decision.conclusions if c.ruleset == "av_2014"] == []
    use = next(u for u in decision.rulesets if u.id == "av_2014")
    assert use.applied_to == []
    [skip] = use.not_applied
    assert skip.subject == "interrogations[0]"
    assert "2013-08-20" in skip.reason and "2014-10-01" in skip.reason


def test_the_cut_off_is_local_midnight(engine: Engine) -> None:
    """30 September 16:30 UTC is 1 October 00:30 in Beijing: av_2014 applies."""
    case = parse_case('case: {id: M}\ninterrogations: [{start: "2014-09-30T16:30:00+00:00"}]\n', "m.yaml")
    use = next(u for u in engine.evaluate(case, as_of=AS_OF).rulesets if u.id == "av_2014")
    assert use.applied_to == ["interrogations[0]"]


def test_naive_times_are_read_as_shanghai_and_warned_about(engine: Engine) -> None:
    """A start with no offset gets a warning naming the field, and +08:00."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "theft_unknowns.yaml"), as_of=AS_OF)
    assert any(w.startswith("interrogations[0].start") and "Asia/Shanghai" in w for w in decision.warnings)


def test_undetermined_conclusions_name_the_deciding_facts(engine: Engine) -> None:
    """With the suspect's disabilities unknown, recording is undetermined and they are named."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "theft_unknowns.yaml"), as_of=AS_OF)
    outcome = decision.find("recording_required", "interrogations[0]", "av_2014")
    assert outcome.value == "undetermined"
    assert "suspect.blind" in outcome.deciding_facts
    assert "offences[*].organised_crime" in outcome.deciding_facts


def test_without_durable_rules_the_native_evaluator_answers_and_says_so(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where durable-rules cannot be imported (Python 3.13+), the answer notes it and still comes."""
    monkeypatch.setattr(_durable, "AVAILABLE", False)
    monkeypatch.setattr(_durable, "UNAVAILABLE_REASON", "cannot import durable-rules: test")
    decision = engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF)
    assert decision.engine.ran == ["native"] and decision.engine.agreed is None
    assert decision.engine.note is not None and "not available" in decision.engine.note
    assert decision.find("recording_required", "interrogations[0]", "av_2014").value == "true"


def test_the_decision_carries_ruleset_versions_and_interpretations(engine: Engine) -> None:
    """Every decision names each ruleset's content hash and the interpretations in force."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF)
    [use] = [u for u in decision.rulesets if u.id == "av_2014"]
    assert use.version == engine.ruleset("av_2014").version and use.version.startswith("sha256:")
    assert [i.name for i in decision.interpretations] == ["age_counting", "hour_reading", "holidays_before_2013", "weekends",
                                                            "minor_suspect", "days_before_expiry"]


def test_a_disagreement_is_an_internal_error_showing_the_difference(monkeypatch: pytest.MonkeyPatch) -> None:
    """If durable-rules ever answered differently, the CLI refuses to answer, exits 1 and names the conclusion."""
    if not _durable.AVAILABLE:
        pytest.skip("durable-rules is not installed on this Python")
    from typer.testing import CliRunner

    from legalrules.frontends.cli.app import app

    real_run = _durable.DurableAdapter.run

    def flipped(self: _durable.DurableAdapter, ruleset_id: str, frames: list) -> _durable.DurableResult:  # type: ignore[type-arg]
        # A real durable-rules run, with one answer then corrupted: the only way to
        # reach the disagreement path is to make the engines differ on purpose.
        result = real_run(self, ruleset_id, frames)
        key = ("recording_required", "interrogations[0]")
        if key in result.conclusions:  # only the av_2014 run has it
            result.conclusions[key] = not result.conclusions[key]
        return result

    monkeypatch.setattr(_durable.DurableAdapter, "run", flipped)
    result = CliRunner().invoke(app, ["evaluate", str(ROOT / "examples" / "murder_interrogation.yaml")])
    assert result.exit_code == 1
    assert "disagree" in result.stderr and "recording_required on interrogations[0]" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_rule_that_held_shows_the_facts_that_satisfied_it(engine: Engine) -> None:
    """Art. 4(1)(1) on the murder example names offences[0]'s death maximum."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF)
    [rule] = [r for r in decision.find("major_case", "interrogations[0]").established_by
              if r.rule_id == "av_2014.art4.1.1"]
    assert rule.value == "true" and rule.citation == "av_2014 Art. 4 para. 1 item (1)"
    assert rule.quote.startswith("Cases that may result in life imprisonment")
    [reading] = rule.satisfied_by
    assert reading.condition.startswith("offences[0]: offence.max_penalty")
    assert (reading.fact, reading.value) == ("offence.max_penalty", "death")


def test_a_rule_that_failed_shows_the_first_condition_that_failed(engine: Engine) -> None:
    """Art. 4(1)(5) on a 3-year theft fails on the ten-year threshold, with the value read."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "theft_unknowns.yaml"), as_of=AS_OF)
    outcome = decision.find("major_case", "interrogations[0]")
    [rule] = [r for r in outcome.not_established_by if r.rule_id == "av_2014.art4.1.5"]
    assert rule.value == "false" and rule.why_not is not None
    assert rule.why_not.condition == "offences[0]: offence.max_fixed_term_years >= major_term_years (10)"
    assert (rule.why_not.status, rule.why_not.value) == ("false", 3)
    assert [p.name for p in rule.parameters] == ["major_term_years"]


def test_an_undetermined_rule_shows_the_first_unknown_condition(engine: Engine) -> None:
    """Art. 4(1)(3) on the theft example is undetermined on the unknown organised-crime flag."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "theft_unknowns.yaml"), as_of=AS_OF)
    outcome = decision.find("major_case", "interrogations[0]")
    [rule] = [r for r in outcome.not_established_by if r.rule_id == "av_2014.art4.1.3"]
    assert rule.value == "undetermined" and rule.why_not is not None
    assert (rule.why_not.fact, rule.why_not.known, rule.why_not.status) == (
        "offence.organised_crime", False, "undetermined")
    assert rule.unknown_facts == ["offences[*].organised_crime"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_decision_validates_against_its_own_schema(engine: Engine, example: Path) -> None:
    """The decision's JSON parses back into an equal, fully validated Decision."""
    decision = engine.evaluate(load_case(example), as_of=AS_OF)
    again = Decision.model_validate_json(decision.model_dump_json())
    assert again.model_dump_json() == decision.model_dump_json()


def test_a_case_without_interrogations_says_how_to_ask(engine: Engine) -> None:
    """No interrogation listed: av_2014 gives no conclusions and says to add one, with its place."""
    case = parse_case("case: {id: E}\noffences: [{charge: murder, statutory_max: death}]\n", "e.yaml")
    decision = engine.evaluate(case, as_of=AS_OF)
    assert [c for c in decision.conclusions if c.ruleset == "av_2014"] == []
    [use] = [u for u in decision.rulesets if u.id == "av_2014"]
    [skip] = use.not_applied
    assert skip.subject == "interrogations" and "add it under `interrogations:`" in skip.reason


def test_a_planned_interrogation_without_a_start_is_judged_as_of(engine: Engine) -> None:
    """An interrogation with no start is evaluated as of --as-of, and a warning says so."""
    case = parse_case("case: {id: P, proceeding: criminal}\noffences: [{charge: murder, statutory_max: death}]\n"
                      "interrogations: [{place: law_enforcement_venue}]\n", "p.yaml")
    decision = engine.evaluate(case, as_of=AS_OF)
    assert decision.find("recording_required", "interrogations[0]", "av_2014").value == "true"
    assert any("start is unknown" in w and "2026-11-22" in w for w in decision.warnings)


def test_a_naive_as_of_is_read_as_shanghai_and_warned_about(engine: Engine) -> None:
    """--as-of without an offset means Asia/Shanghai, and the decision says so."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"),
                               as_of=AS_OF.replace(tzinfo=None))
    assert decision.as_of == AS_OF
    assert "as_of: no UTC offset given; read as Asia/Shanghai local time (+08:00)" in decision.warnings


def test_finding_a_conclusion_two_rulesets_share_needs_the_ruleset(engine: Engine) -> None:
    """av_2014 and crim_proc both conclude recording_required: find() refuses to pick one silently."""
    decision = engine.evaluate(load_case(ROOT / "examples" / "murder_summons_to_arrest.yaml"), as_of=AS_OF)
    with pytest.raises(KeyError, match="name the ruleset"):
        decision.find("recording_required", "interrogations[0]")
    assert decision.find("recording_required", "interrogations[0]", "crim_proc").ruleset == "crim_proc"


def test_an_as_of_outside_the_supported_range_is_an_input_error_for_every_front_end() -> None:
    """Engine.evaluate (the API, the service, batch) refuses a year-9999 as_of as bad input, not an overflow."""
    case = CaseFacts.model_validate({"case": {"id": "x"}})
    with pytest.raises(InputError, match="as_of: received 9999-12-31T23:59:59-12:00; expected an instant between"):
        Engine().evaluate(case, as_of=datetime.fromisoformat("9999-12-31T23:59:59-12:00"))


@pytest.mark.parametrize("reading", ["under_18_in_proceedings", "also_under_18_at_offence"])
@pytest.mark.parametrize("committed_on", ["2026-03-10", "2026-03-11", None])
def test_the_bulk_path_reads_the_age_at_the_offence_and_the_minor_reading_as_frames_do(
        reading: str, committed_on: str | None) -> None:
    """Engine.values (the generated bulk function) agrees with evaluate on the minors' rules, under both readings."""
    from legalrules.interpretations import Interpretations  # noqa: PLC0415

    offence = "{charge: theft" + (f", committed_on: {committed_on}" if committed_on else "") + "}"
    case = parse_case(
        "case: {id: X, handling_organ: public_security, proceeding: criminal}\n"
        f"offences: [{offence}]\n"
        "suspect: {birth_date: 2008-03-10, female: true, has_defender: false}\n"
        "interrogations: [{start: 2026-04-01T09:00:00+08:00}]\n"
        "events: [{kind: arrest_approval_requested, at: 2026-03-30T09:00:00+08:00}]\n", "c.yaml")
    readings = Interpretations(minor_suspect=reading)  # type: ignore[arg-type]
    engine = Engine()
    fast = engine.values(case, as_of=AS_OF, interpretations=readings)
    decision = engine.evaluate(case, as_of=AS_OF, interpretations=readings)
    for name, subject in (("legal_aid_notice_required", "interrogations[0]"),
                          ("legal_representative_presence_required", "interrogations[0]"),
                          ("minor_arrest_review_interrogation_required", "case")):
        assert fast[("crim_proc", name, subject)] == {"true": True, "false": False, "undetermined": None}[
            decision.find(name, subject, "crim_proc").value], (name, reading, committed_on)
    expected = {"under_18_in_proceedings": False, "also_under_18_at_offence": {
        "2026-03-10": True, "2026-03-11": False, None: None}[committed_on]}[reading]
    assert fast[("crim_proc", "legal_representative_presence_required", "interrogations[0]")] is expected
