"""Loading deadline entries: every broken one is a RulesetError naming file, line and deadline id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from legalrules import RulesetError, load_ruleset

CLOCK = Path(__file__).resolve().parent.parent / "fixtures" / "deadline_rulesets" / "clock"


@pytest.fixture
def clock(tmp_path: Path) -> Path:
    """A fresh copy of the clock ruleset, in a directory named after its id."""
    target = tmp_path / "clock"
    shutil.copytree(CLOCK, target)
    return target


def broken(directory: Path, name: str, old: str, new: str) -> tuple[RulesetError, int]:
    """Replace `old` by `new` in one file, load, and return the error and the edited line."""
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {name}"
    before = text[: text.index(old)]
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_ruleset(directory)
    return info.value, before.count("\n") + 1


def test_the_clock_fixture_loads_with_its_deadlines(clock: Path) -> None:
    ruleset = load_ruleset(clock)
    assert [(d.id, d.spec.duty) for d in ruleset.deadlines] == [
        ("clock.art1", "family_notification"), ("clock.art2.1", "arrest_approval_request"),
        ("clock.art3", "bail_reply"), ("clock.art4", "summons_end"), ("clock.art5", "interrogation"),
        ("clock.art6", "disc_handover")]
    assert ruleset.deadlines[1].period == (3, "days")
    assert [e.adds or e.total for e in ruleset.deadlines[1].extensions] == [(4, "days"), (30, "days")]


def test_an_unknown_anchor_event_kind_is_named_with_the_kinds_the_contract_has(clock: Path) -> None:
    err, line = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}", "anchor: {event: bail_asked}")
    assert err.rule_id == "clock.art3" and err.line == line and err.file.endswith("ch1.yaml")
    assert "unknown event kind 'bail_asked'" in str(err) and "bail_applied" in str(err)


def test_an_unknown_met_by_event_is_located(clock: Path) -> None:
    err, line = broken(clock, "ch1.yaml", "met_by: [{event: family_notified}]", "met_by: [{event: family_told}]")
    assert err.rule_id == "clock.art1" and err.line == line
    assert "family_told" in str(err)


def test_a_period_that_is_not_a_parameter_is_named(clock: Path) -> None:
    err, line = broken(clock, "ch1.yaml", "period: reply_days", "period: reply_weeks")
    assert err.rule_id == "clock.art3" and err.line == line
    assert "'reply_weeks' is not in parameters.yaml" in str(err)


@pytest.mark.parametrize("value", ["7.5, unit: days", "7, unit: years", "0, unit: days"])
def test_a_period_parameter_must_be_whole_hours_days_or_months(clock: Path, value: str) -> None:
    edited = clock / "parameters.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("value: 7, unit: days", f"value: {value}"),
                      encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_ruleset(clock)
    assert info.value.rule_id == "clock.art3"
    assert "must be a whole number of hours, days, months" in str(info.value)


def test_a_deadline_id_must_match_its_citation(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", "  - id: clock.art3\n", "  - id: clock.art4\n")
    assert err.rule_id == "clock.art4"
    assert "does not match its citation (expected 'clock.art3')" in str(err)


def test_an_anchor_naming_neither_a_measure_nor_an_event_is_refused(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}", "anchor: {}")
    assert err.rule_id == "clock.art3" and "anchor: give a measure, an event" in str(err)


def test_decided_by_needs_the_measure_kind(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}",
                    "anchor: {event: bail_applied, decided_by: procuratorate}")
    assert err.rule_id == "clock.art3" and "decided_by filters measures" in str(err)


def test_joined_runs_need_a_measure_anchor_and_joined_kinds_need_joined(clock: Path) -> None:
    """A run of back-to-back measures is built from measures, so an event anchor cannot ask for one."""
    err, _ = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}",
                    "anchor: {event: bail_applied, measure: bail, joined: back_to_back}")
    assert err.rule_id == "clock.art3" and "joined runs measures together" in str(err)
    fresh = clock.parent / "fresh" / "clock"
    shutil.copytree(CLOCK, fresh)
    err, _ = broken(fresh, "ch1.yaml", "anchor: {measure: arrest}", "anchor: {measure: arrest, joined_kinds: [detention]}")
    assert "joined_kinds needs joined" in str(err)


def test_from_measure_end_needs_an_event_and_the_measure_kind_it_names(clock: Path) -> None:
    """The clock starts at the end of the measure an event names, so both must be given."""
    err, _ = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}", "anchor: {event: bail_applied, from_measure_end: true}")
    assert err.rule_id == "clock.art3" and "from_measure_end starts at the end of the measure" in str(err)


def test_measure_end_on_an_event_anchor_is_the_end_of_the_measure_the_event_names(clock: Path) -> None:
    """An event anchor may be met by measure_end: the arrival of clock.art4 loads with it."""
    ruleset = load_ruleset(clock)
    [summons] = [d for d in ruleset.deadlines if d.id == "clock.art4"]
    assert summons.spec.anchor.event == "arrived_for_questioning" and summons.spec.met_by[0].measure_end


def test_an_extension_needs_exactly_one_of_adds_and_total(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", "adds: special_extra_days,", "adds: special_extra_days, total: gang_total_days,")
    assert err.rule_id == "clock.art2.1" and "exactly one of adds and total" in str(err)


def test_a_deadline_condition_may_only_test_case_scope_facts(clock: Path) -> None:
    err, line = broken(clock, "ch1.yaml", "when: {fact: case.handling_organ, is: public_security}",
                       "when: {fact: interrogation.recorded, is: true}")
    assert err.rule_id == "clock.art3" and err.line == line
    assert "interrogation.recorded" in str(err)


def test_two_deadlines_with_one_id_and_one_duty_are_refused(clock: Path) -> None:
    path = clock / "ch1.yaml"
    text = path.read_text(encoding="utf-8")
    # Make the bail reply a second clock.art2.1 entry with the same duty as the first.
    path.write_text(text.replace("  - id: clock.art3\n", "  - id: clock.art2.1\n")
                    .replace("duty: bail_reply", "duty: arrest_approval_request")
                    .replace("citation: {article: 3}\n    quote: 七日以内答复",
                             "citation: {article: 2, paragraph: 1}\n    quote: 七日以内答复"), encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_ruleset(clock)
    assert info.value.rule_id == "clock.art2.1"
    assert "two deadlines clock.art2.1 with the same duty 'arrest_approval_request'" in str(info.value)


_REQUEST = "    met_by: [{event: arrest_approval_requested}]\n    extensions:\n"


def test_a_before_expiry_request_loads_with_its_lead_in_days(clock: Path) -> None:
    """A request due before the period it extends expires: met by the extension's requested_at."""
    path = clock / "ch1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(_REQUEST, "    met_by: [{extension_requested: true}]\n"
                                 "    before_expiry: {extension: special_circumstances, lead: request_days}\n"
                                 "    extensions:\n"), encoding="utf-8")
    deadline = next(d for d in load_ruleset(clock).deadlines if d.id == "clock.art2.1")
    assert deadline.lead == (3, "days")
    assert deadline.spec.before_expiry is not None and deadline.spec.before_expiry.extension == "special_circumstances"


@pytest.mark.parametrize(("before", "message"), [
    ("{extension: complex_case, lead: request_days}", "extension 'complex_case' is not among this deadline's extensions"),
    ("{extension: special_circumstances, lead: notification_hours}", "lead 'notification_hours' must be in days"),
    ("{extension: special_circumstances, lead: lead_weeks}", "'lead_weeks' is not in parameters.yaml"),
])
def test_a_before_expiry_request_names_an_extension_of_its_own_and_a_lead_in_days(
        clock: Path, before: str, message: str) -> None:
    err, _ = broken(clock, "ch1.yaml", _REQUEST, "    met_by: [{extension_requested: true}]\n"
                    f"    before_expiry: {before}\n    extensions:\n")
    assert err.rule_id == "clock.art2.1" and message in str(err)


def test_extension_requested_meets_only_a_before_expiry_deadline(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", _REQUEST, "    met_by: [{extension_requested: true}]\n    extensions:\n")
    assert err.rule_id == "clock.art2.1" and "extension_requested meets only a before_expiry deadline" in str(err)


def test_a_before_expiry_request_extends_a_measure_so_it_anchors_on_one(clock: Path) -> None:
    err, _ = broken(clock, "ch1.yaml", "anchor: {event: bail_applied}\n    period: reply_days\n",
                    "anchor: {event: bail_applied}\n    period: reply_days\n"
                    "    before_expiry: {extension: complex_case, lead: reply_days}\n")
    assert err.rule_id == "clock.art3" and "anchor on a measure kind" in str(err)



def test_a_before_expiry_request_is_not_timed_on_a_run_of_joined_measures(clock: Path) -> None:
    """A run of back-to-back measures is one clock; the request extends one measure's period, so it is refused."""
    err, _ = broken(clock, "ch1.yaml",
                    "anchor: {measure: detention}\n    period: request_days\n    custody: true\n" + _REQUEST,
                    "anchor: {measure: detention, joined: back_to_back}\n    period: request_days\n    custody: true\n"
                    "    met_by: [{extension_requested: true}]\n"
                    "    before_expiry: {extension: special_circumstances, lead: request_days}\n    extensions:\n")
    assert err.rule_id == "clock.art2.1" and "anchor on a measure kind" in str(err)
