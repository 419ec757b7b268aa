"""The cross-check setting: every case, a hash-chosen sample, or off, recorded in the decision."""

from __future__ import annotations

import pytest

from legalrules import Engine, load_case
from legalrules.engine import durable
from legalrules.engine.crosscheck import CrossCheck, case_hash
from legalrules.errors import InputError

from ..conftest import AS_OF, ROOT

EXAMPLE = ROOT / "examples" / "murder_interrogation.yaml"


def test_parse_reads_every_off_and_fractions() -> None:
    """Words and fractions become settings; 0 and 1 mean off and every."""
    assert CrossCheck.parse("every") == CrossCheck.every()
    assert CrossCheck.parse("OFF") == CrossCheck.off()
    assert CrossCheck.parse("1%") == CrossCheck.sample(0.01)
    assert CrossCheck.parse("0.25") == CrossCheck.sample(0.25)
    assert CrossCheck.parse("100%") == CrossCheck.every()
    assert CrossCheck.parse("0") == CrossCheck.off()


@pytest.mark.parametrize("text", ["sometimes", "", "1%%"])
def test_parse_refuses_other_words(text: str) -> None:
    """Anything else is an input error saying what was received and what is expected."""
    with pytest.raises(InputError, match="expected every, off, or a sample fraction"):
        CrossCheck.parse(text)


def test_a_sample_needs_a_fraction_strictly_between_0_and_1() -> None:
    """sample(1.5) and every-with-a-fraction are refused."""
    with pytest.raises(InputError, match="strictly between 0 and 1"):
        CrossCheck.sample(1.5)
    with pytest.raises(InputError, match="a fraction belongs to sample"):
        CrossCheck("every", 0.5)


def test_the_sample_is_fixed_by_the_case_content() -> None:
    """The same case hashes the same every time; a changed fact changes the hash."""
    case = load_case(EXAMPLE)
    assert case_hash(case) == case_hash(load_case(EXAMPLE))
    changed = case.model_copy(update={"case": case.case.model_copy(update={"id": "another"})})
    assert case_hash(changed) != case_hash(case)
    assert 0.0 <= case_hash(case) < 1.0


def test_a_sample_selects_about_its_fraction() -> None:
    """Over 400 distinct cases a 25% sample picks between 15% and 35% of them."""
    case = load_case(EXAMPLE)
    cases = [case.model_copy(update={"case": case.case.model_copy(update={"id": f"C-{n}"})}) for n in range(400)]
    picked = sum(CrossCheck.sample(0.25).selects(c) for c in cases)
    assert 60 <= picked <= 140


@pytest.mark.skipif(not durable.AVAILABLE, reason="durable-rules cannot be installed on this Python")
def test_the_decision_records_the_setting_and_whether_durable_ran(engine: Engine) -> None:
    """every: both ran and agreed; off: native alone; a sample: as the hash says; --engine native: off."""
    case = load_case(EXAMPLE)
    every = engine.evaluate(case, as_of=AS_OF)
    assert (every.engine.ran, every.engine.agreed, every.engine.cross_check) == (["native", "durable"], True, "every")
    off = engine.evaluate(case, as_of=AS_OF, cross_check=CrossCheck.off())
    assert (off.engine.ran, off.engine.agreed, off.engine.cross_check) == (["native"], None, "off")
    sample = CrossCheck.sample(0.5)
    sampled = engine.evaluate(case, as_of=AS_OF, cross_check=sample)
    assert sampled.engine.cross_check == "sample" and sampled.engine.cross_check_fraction == 0.5
    assert ("durable" in sampled.engine.ran) == sample.selects(case)
    native = engine.evaluate(case, as_of=AS_OF, engine="native", cross_check=CrossCheck.every())
    assert native.engine.cross_check == "off"
    assert off.conclusions == every.conclusions and off.deadlines == every.deadlines


def test_the_setting_is_in_the_json(engine: Engine) -> None:
    """The decision's JSON names the setting and the fraction."""
    text = engine.evaluate(load_case(EXAMPLE), as_of=AS_OF, cross_check=CrossCheck.sample(0.01)).model_dump_json()
    assert '"cross_check":"sample","cross_check_fraction":0.01' in text
