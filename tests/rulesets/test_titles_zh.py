"""Every conclusion of every ruleset has a Chinese title, and a Chinese citation never falls back to a ruleset id.

Under `--lang zh` an officer reads a conclusion by its `title_zh` (without one, the
English title or a stray clause stands in) and a citation as 《…》第…条, whatever the
ruleset: one with no short Chinese title is cited by its instrument's Chinese title.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from legalrules import Engine
from legalrules.case.io import load_case
from legalrules.documents.subjects import SubjectNames
from legalrules.documents.text.answer import render_answer
from legalrules.documents.text.decision_zh import render_decision_zh
from legalrules.documents.vocabulary import Vocabulary
from legalrules.documents.notices.words import is_chinese

RULESETS = [path.name for path in sorted((Path(__file__).resolve().parents[2] / "rulesets").iterdir())
            if (path / "ruleset.yaml").exists()]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("ruleset_id", RULESETS)
def test_each_conclusion_has_a_chinese_title(engine: Engine, ruleset_id: str) -> None:
    """Every conclusion carries `title_zh`, written in Chinese."""
    ruleset = engine.ruleset(ruleset_id)
    missing = [c.name for c in ruleset.conclusions if not (c.spec.title_zh and is_chinese(c.spec.title_zh))]
    assert not missing


@pytest.mark.parametrize("ruleset_id", RULESETS)
def test_a_chinese_citation_names_the_instrument_not_the_ruleset_id(engine: Engine, ruleset_id: str) -> None:
    """`<id> Art. 282 para. 2` reads 《…》第二百八十二条第二款, with the instrument's Chinese (short) title."""
    words = Vocabulary.of(engine.all_rulesets, "zh")
    instrument = engine.ruleset(ruleset_id).instrument
    title = instrument.short_title.zh if instrument.short_title else instrument.title.zh
    assert words.citation(f"{ruleset_id} Art. 282 para. 2") == f"《{title}》第二百八十二条第二款"
    assert words.cite_in(f"see {ruleset_id}.art282") == f"see 《{title}》第二百八十二条"


@pytest.mark.parametrize(("name", "moment"), [
    ("bribery_procuratorate_2016.yaml", "2016-10-10T12:00:00+08:00"),
    ("judicial_officer_procuratorate_2026.yaml", "2026-11-21T15:00:00+08:00"),
])
def test_a_procuratorate_decision_in_chinese_cites_the_rules_by_their_chinese_title(
    engine: Engine, name: str, moment: str
) -> None:
    """The answer and `--full` for a 2016 and a 2026 procuratorate case: spp_2012 and spp_2019 are cited as
    《人民检察院刑事诉讼规则（试行）》 and 《人民检察院刑事诉讼规则》, never as `spp_20xx Art.`, and their
    conclusions are named by their Chinese titles."""
    case = load_case(EXAMPLES / name)
    decision = engine.evaluate(case, as_of=datetime.fromisoformat(moment))
    words, names = Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh")
    ruleset_id = "spp_2012" if "2016" in name else "spp_2019"
    full = render_decision_zh(decision, words, names)
    for text in (render_answer(decision, words, names), full):
        assert not re.search(r"\b[a-z_]+_\d{4} Art\.", text)
    assert f"《{engine.ruleset(ruleset_id).instrument.title.zh}》第" in full
    shown = [c for c in decision.conclusions if c.ruleset == ruleset_id]
    assert shown
    unwrapped = re.sub(r"\s+", "", full)  # long lines are wrapped, Chinese included
    for conclusion in shown:
        title = words.conclusion_title(ruleset_id, conclusion.conclusion, conclusion.title)
        assert is_chinese(title)
        assert re.sub(r"\s+", "", title) in unwrapped
