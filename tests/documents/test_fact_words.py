"""A Chinese reader meets a fact by its Chinese term with the case key after it, and its value in Chinese."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from legalrules import Engine
from legalrules.case.field_terms import FIELD_TERMS, field_term
from legalrules.case.io import load_case
from legalrules.case.json_schema import case_json_schema
from legalrules.case.skeleton import KINDS, skeleton
from legalrules.documents.fact_words import condition_facts_zh, fact_said, value_said
from legalrules.documents.subjects import SubjectNames
from legalrules.documents.text.answer import render_answer
from legalrules.documents.text.decision_zh import render_decision_zh
from legalrules.documents.vocabulary import Vocabulary
from legalrules.ruleformat.catalog import CATALOG

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
MOMENTS = ("2016-10-10T12:00:00+08:00", "2025-10-09T12:00:00+08:00", "2026-12-01T12:00:00+08:00")
# A key a rule may test, written as the decision writes it.
_KEY = re.compile(r"(?<![\w.])((?:offences\[\*\]\.)?[a-z_]+(?:\.[a-z_0-9]+)+)")


def test_every_fact_a_rule_may_test_has_a_chinese_term() -> None:
    """`legalrules facts` lists no fact without a term, and every term is Chinese."""
    assert [name for name in CATALOG if field_term(name) is None] == []
    assert all(re.search(r"[\u4e00-\u9fff]", chinese) for chinese in FIELD_TERMS.values())


def test_init_and_the_schema_read_the_same_terms() -> None:
    """The skeleton's note on a field and the schema's description of it both carry the table's term."""
    written = skeleton("interrogation", "zh")
    assert f"deaf: false" in written and f"# {FIELD_TERMS['suspect.deaf']}" in written
    assert f"# {FIELD_TERMS['interrogation.recorded']}" in written
    suspect = case_json_schema()["$defs"]["Suspect"]["properties"]
    assert suspect["identity_unknown"]["description"].startswith(FIELD_TERMS["suspect.identity_unknown"] + ". ")
    review = case_json_schema()["$defs"]["Review"]["properties"]
    assert review["illegal_methods"]["description"].startswith(FIELD_TERMS["interrogation.review.illegal_methods"])
    for kind in KINDS:
        assert "{f:" not in skeleton(kind, "zh") and "{t:" not in skeleton(kind, "en")


def test_a_fact_and_its_value_as_a_chinese_reader_reads_them() -> None:
    """Term then key; yes and no, identifiers by their terms; English keeps the key and the value."""
    assert fact_said("interrogation.recording_storage", "zh") == "录音录像存储方式（interrogation.recording_storage）"
    assert fact_said("offences[*].organised_crime", "zh") == "黑社会性质组织犯罪（offences[*].organised_crime）"
    assert fact_said("suspect.deaf", "en") == "suspect.deaf"
    assert [value_said(v, "zh") for v in (True, False, None, "optical_disc", "none")] == ["是", "否", "未知", "光盘", "无"]
    assert value_said("optical_disc", "en") == "optical_disc"
    said = condition_facts_zh("interrogation.place 属于 ['detention_house', 'remote_video']（案件：False）")
    assert said == "讯问地点（interrogation.place） 属于 [看守所, 远程视频讯问]（案件：否）"
    assert condition_facts_zh("offence.max_fixed_term_years >= major_term_years (10)").endswith(">= 10")
    assert condition_facts_zh("结论 major_case 为是", lambda name: "重大犯罪案件") == "“重大犯罪案件”为是"


@pytest.mark.parametrize("name", CASES)
def test_no_bare_key_in_a_chinese_answer(engine: Engine, name: str) -> None:
    """In the one-screen answer and `--full`, every key a rule tests comes after its term, in brackets (the
    interpretations' first sentences included)."""
    case = load_case(EXAMPLES / name)
    words, names = Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh")
    for moment in MOMENTS:
        decision = engine.evaluate(case, as_of=datetime.fromisoformat(moment))
        for text in (render_answer(decision, words, names), render_decision_zh(decision, words, names)):
            flat = re.sub(r"\n\s*", "", text)  # a term and its key may be wrapped apart
            for match in _KEY.finditer(flat):
                key = match[1]
                if field_term(key) is None:
                    continue  # a rule id, a file name: not a fact
                # The term may stand in quotation marks, as the rulesets' interpretations write it.
                assert flat[:match.start()].endswith((f"{field_term(key)}（", f"{field_term(key)}”（")), (moment, key)
