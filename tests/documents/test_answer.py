"""The one-screen answer `legalrules evaluate` prints by default, on the bundled examples."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from legalrules import Engine
from legalrules.case.io import load_case
from legalrules.documents.subjects import SubjectNames
from legalrules.documents.text.answer import SCREEN, render_answer
from legalrules.documents.text.decision import render_decision
from legalrules.documents.text.wrapping import display_width
from legalrules.documents.vocabulary import Vocabulary

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = datetime.fromisoformat("2025-10-09T12:00:00+08:00")
LATER = datetime.fromisoformat("2026-12-01T12:00:00+08:00")  # after every example's events
CASES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))


def _answer(engine: Engine, name: str, as_of: datetime = AS_OF) -> str:
    case = load_case(EXAMPLES / name)
    decision = engine.evaluate(case, as_of=as_of)
    return render_answer(decision, Vocabulary.of(engine.all_rulesets), SubjectNames(case))


# Before, during and after the examples' events (2010 and 2016: long before the 2025-26 cases).
MOMENTS = [datetime.fromisoformat(moment) for moment in (
    "2010-06-01T12:00:00+08:00", "2016-10-10T12:00:00+08:00", "2025-10-09T12:00:00+08:00",
    "2026-03-22T09:00:00+08:00", "2026-12-01T12:00:00+08:00")]


@pytest.mark.parametrize("as_of", MOMENTS, ids=lambda moment: moment.date().isoformat())
@pytest.mark.parametrize("name", CASES)
def test_the_answer_fits_a_screen_and_hides_internal_identifiers(engine: Engine, name: str, as_of: datetime) -> None:
    """At most 60 lines of at most 100 columns, in both languages and before or after every event;
    no rule ids, duty identifiers or `conclusion:` reads."""
    case = load_case(EXAMPLES / name)
    decision = engine.evaluate(case, as_of=as_of)
    zh = render_answer(decision, Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh"))
    assert len(zh.splitlines()) <= SCREEN, zh
    assert max(display_width(line) for line in zh.splitlines()) <= 100
    text = _answer(engine, name, as_of)
    lines = text.splitlines()
    assert len(lines) <= SCREEN, text
    assert max(display_width(line) for line in lines) <= 100
    assert not re.search(r"\b[a-z_0-9]+\.art\d", text), "rule ids are for --full and `explain`"
    assert "conclusion:" not in text
    for duty in {outcome.duty for outcome in decision.deadlines if "_" in outcome.duty}:
        assert duty not in text


def test_items_are_named_by_the_case_ids_not_positions(engine: Engine) -> None:
    """Every measure and interrogation of the murder example has an id, so no position shows."""
    text = _answer(engine, "murder_summons_to_arrest.yaml")
    assert "measures[" not in text and "interrogations[" not in text
    assert "at-the-venue, after-detention, after-arrest:" in text
    assert "(a1): pending" in text


def test_sections_come_in_order_of_urgency(engine: Engine) -> None:
    """Violations, then running deadlines, then what binds, then what is undetermined."""
    text = _answer(engine, "murder_summons_to_arrest.yaml", datetime.fromisoformat("2025-10-20T12:00:00+08:00"))
    heads = ["Violations", "Deadlines running:", "What the law requires", "Not required here", "Undetermined"]
    positions = [text.index(head) for head in heads]
    assert positions == sorted(positions)


def test_a_missed_deadline_leads_the_answer(engine: Engine) -> None:
    """The 1999 bribery case's late lawyer meeting is the first thing said after the header."""
    text = _answer(engine, "bribery_procuratorate_1999.yaml", datetime.fromisoformat("2010-06-01T12:00:00+08:00"))
    lines = text.splitlines()
    assert lines[2] == "Violations:"
    assert lines[3].startswith("! ") and "missed by 6 h" in text
    assert "[SPP Rules 1999 Art. 151]" in text


def test_running_deadlines_show_their_extension_options(engine: Engine) -> None:
    """Art. 156's two months show the Art. 156, 158 and 159 extensions, each with its due time."""
    text = _answer(engine, "murder_summons_to_arrest.yaml")
    assert "+ extension: complex case that cannot be concluded in time: due 2026-01-08 Thu 23:59:59" in text
    assert "[CPL Art. 158]" in text and "[CPL Art. 159]" in text


def test_a_duty_not_required_says_why_in_the_case_facts(engine: Engine) -> None:
    """No sign-language interpreter is required because the case says the suspect is not deaf.

    On a taller screen: which not-required duties the 60 lines keep depends on how many other
    rules a case meets (the minors' arrest review, CPL Art. 280, now comes before it)."""
    case = load_case(EXAMPLES / "murder_summons_to_arrest.yaml")
    text = render_answer(engine.evaluate(case, as_of=LATER), Vocabulary.of(engine.all_rulesets), SubjectNames(case),
                         screen_lines=2 * SCREEN)
    assert "A person versed in sign language must take part, and the record must say so: since\n" in text
    assert "suspect.deaf: no" in text


def test_full_listing_says_not_required_in_words(engine: Engine) -> None:
    """`--full` says NOT REQUIRED and why, never the bare "no rule establishes it"."""
    case = load_case(EXAMPLES / "murder_summons_to_arrest.yaml")
    text = render_decision(engine.evaluate(case, as_of=AS_OF), SubjectNames(case))
    assert "no rule establishes it" not in text
    assert "NOT REQUIRED A person versed in sign language" in text
    assert "\nat-the-venue:\n" in text


def test_a_cut_section_says_how_many_more_full_gives(engine: Engine) -> None:
    """The robbery case has more duties, open questions and lifted duties than a screen holds: each
    cut section counts what it leaves to `--full`, the done duties among them; no duty already
    among the violations is said twice."""
    text = _answer(engine, "robbery_minor_psp_2020.yaml", LATER)
    assert re.search(r"\d+ more duties not shown \(\d+ of them done\): see `--full`\.", text)
    assert re.search(r"\d+ more undetermined: see `--full`\.", text)
    assert text.count("A female staff member must be present") == 1
    full = _answer(engine, "robbery_minor_psp_2020.yaml", LATER).count("\n")
    assert full <= SCREEN
