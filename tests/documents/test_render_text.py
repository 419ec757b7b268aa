"""The plain-words rendering an officer reads at the terminal."""

from __future__ import annotations

from legalrules import Engine, load_case
from legalrules.documents.text.decision import render_decision

from ..conftest import AS_OF, ROOT


def test_the_summary_answers_first_with_the_article_and_compliance(engine: Engine) -> None:
    """The summary names the duty, its article and whether the case shows it met, before any detail."""
    text = render_decision(engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF))
    summary, details = text.split("Details:")
    assert ("YES          The interrogation must be recorded on audio and video  "
            "(av_2014 Art. 4 para. 1; case shows it complied)") in summary
    assert "“The interrogation process shall be audio and video recorded" in details


def test_undetermined_answers_name_the_facts_that_would_decide_them(engine: Engine) -> None:
    """An undetermined duty says how many facts are missing and names them."""
    text = render_decision(engine.evaluate(load_case(ROOT / "examples" / "theft_unknowns.yaml"), as_of=AS_OF))
    line = next(l for l in text.splitlines() if "must be recorded on audio and video" in l)
    assert line.strip().startswith("UNDETERMINED") and "unknown facts:" in line


def test_local_times_carry_weekday_and_offset(engine: Engine) -> None:
    """The evaluation time is printed in Asia/Shanghai with the weekday and +08:00."""
    text = render_decision(engine.evaluate(load_case(ROOT / "examples" / "murder_interrogation.yaml"), as_of=AS_OF))
    assert text.splitlines()[0].endswith("evaluated as of 2026-11-22 Sun 10:00 (+08:00)")


def test_a_ruleset_that_does_not_apply_says_why(engine: Engine) -> None:
    """The 2013 interrogation prints the dates that keep av_2014 from applying, and no duty holds.

    The 2012 procuratorate rules were in force, but their interrogation duties bind the
    procuratorate: for this public security interrogation none holds (whether an arrest
    is owed stays undetermined, the case giving no facts on it).
    """
    text = render_decision(engine.evaluate(load_case(ROOT / "examples" / "interrogation_2013.yaml"), as_of=AS_OF))
    assert "not applied: interrogations[0] is dated 2013-08-20" in text
    assert not [line for line in text.splitlines() if line.strip().startswith("YES")]
