"""Engine.evaluate_many: worker processes give each case the decision `evaluate` gives, in order."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from legalrules import CaseFacts, Decision, Engine, load_case
from legalrules.engine.crosscheck import CrossCheck
from legalrules.engine.scenarios import load_scenarios
from legalrules.errors import (
    CaseFileError, EngineDisagreement, HolidayFileError, InputError, LegalRulesError, Problem, RulesetError,
)

from ..conftest import AS_OF, ROOT


def _cases() -> list[CaseFacts]:
    """Every example and every scenario case of the bundled rulesets: varied, dated 1999-2026."""
    found = [load_case(path) for path in sorted((ROOT / "examples").glob("*.yaml"))]
    for directory in sorted((ROOT / "rulesets").iterdir()):
        found += [loaded.case for loaded in load_scenarios(directory)]
    return found


CASES = _cases()


@pytest.fixture(scope="module")
def pooled() -> Iterator[Engine]:
    """An engine whose two worker processes the tests of this module share."""
    engine = Engine()
    yield engine
    engine.close()


def test_two_workers_give_the_decisions_of_evaluate_in_input_order(pooled: Engine) -> None:
    """Every fourth case through two processes serialises byte for byte as its in-process decision, in order."""
    # A fourth of the 522 keeps every ruleset's scenarios and examples in the sample (all of them took 15 s).
    cases = CASES[::4]
    expected = [pooled.evaluate(case, as_of=AS_OF, engine="native").model_dump_json() for case in cases]
    got = pooled.evaluate_many(iter(cases), workers=2, as_of=AS_OF, engine="native", chunk_size=3)
    assert [decision.model_dump_json() for decision in got] == expected
    assert len(expected) > 20


def test_the_cross_check_runs_in_the_workers_and_is_recorded(pooled: Engine) -> None:
    """With the default setting every decision from a worker says both evaluators ran and agreed."""
    decisions = list(pooled.evaluate_many(CASES[:6], workers=2, as_of=AS_OF))
    assert all(isinstance(d, Decision) for d in decisions)
    assert {(tuple(d.engine.ran), d.engine.agreed, d.engine.cross_check) for d in decisions} <= {
        (("native", "durable"), True, "every"), (("native",), None, "every")}  # the latter without durable-rules


def test_the_pool_is_started_once_and_kept(pooled: Engine) -> None:
    """A second batch on the same number of workers reuses the processes."""
    first = pooled.worker_pool(2)
    list(pooled.evaluate_many(CASES[:2], workers=2, as_of=AS_OF, engine="native"))
    assert pooled.worker_pool(2) is first


def test_one_worker_runs_in_this_process_and_streams() -> None:
    """workers=1 evaluates lazily, in order, the same decisions as evaluate."""
    engine = Engine()
    stream = engine.evaluate_many(CASES[:3], workers=1, as_of=AS_OF, engine="native")
    assert [d.case_id for d in stream] == [c.case.id for c in CASES[:3]]
    assert engine._pools is None


def test_errors_come_back_in_place_or_are_raised(pooled: Engine, tmp_path: Path) -> None:
    """A bad holiday file fails each case: returned as the error in its place, or raised at the first."""
    bad = tmp_path / "holidays.yaml"
    bad.write_text("holidays: [not-a-date]\n", encoding="utf-8")
    outcomes = list(pooled.evaluate_many(CASES[:4], workers=2, as_of=AS_OF, holiday_file=bad, errors="return"))
    assert len(outcomes) == 4 and all(isinstance(o, HolidayFileError) for o in outcomes)
    assert str(bad) in str(outcomes[0])
    with pytest.raises(HolidayFileError):
        list(pooled.evaluate_many(CASES[:4], workers=2, as_of=AS_OF, holiday_file=bad))


def test_bad_worker_counts_are_refused() -> None:
    """workers=0 is an input error naming what was received."""
    with pytest.raises(InputError, match="workers=0"):
        Engine().evaluate_many(CASES[:1], workers=0)


@pytest.mark.parametrize("error", [
    CaseFileError("c.yaml", [Problem("c.yaml:3 case.id", "nothing", "this field")]),
    HolidayFileError("h.yaml", [Problem("h.yaml:1", "x", "a date")]),
    RulesetError("r.yaml", 4, "av_2014.art5", "unknown fact"),
    EngineDisagreement(["av_2014 conclusion x on case: native true, durable-rules false"]),
], ids=lambda e: type(e).__name__)
def test_errors_cross_processes_intact(error: LegalRulesError) -> None:
    """Each error with its own constructor survives pickling with the same type and message."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)


def test_a_sampled_cross_check_in_a_batch_checks_the_cases_the_hash_picks(pooled: Engine) -> None:
    """With a 50% sample, durable-rules ran on exactly the cases CrossCheck.selects chose."""
    setting = CrossCheck.sample(0.5)
    decisions = list(pooled.evaluate_many(CASES, workers=2, as_of=AS_OF, cross_check=setting))
    ran = ["durable" in d.engine.ran for d in decisions]
    from legalrules.engine import durable  # noqa: PLC0415

    if durable.AVAILABLE:
        assert ran == [setting.selects(case) for case in CASES]
        assert 0 < sum(ran) < len(ran)


def test_as_json_gives_each_decisions_json_made_in_the_worker(pooled: Engine) -> None:
    """as_json=True yields, in order, the compact JSON of the decision evaluate gives."""
    expected = [pooled.evaluate(case, as_of=AS_OF, engine="native").model_dump_json() for case in CASES[:8]]
    got = list(pooled.evaluate_many(CASES[:8], workers=2, as_of=AS_OF, engine="native", as_json=True))
    assert got == expected
    assert list(Engine().evaluate_many(CASES[:2], workers=1, as_of=AS_OF, engine="native", as_json=True)) == expected[:2]
