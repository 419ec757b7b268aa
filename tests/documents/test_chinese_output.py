"""`--lang zh` says everything in Chinese: no English sentence is left in evaluate, deadlines (table,
agenda, calendar), rules or explain.

Identifiers, case ids, citations of ids and codes may stay Latin; a run of four or
more English words may not. The one exception is a rule's clause quoted from an English
translation (the 1999 procuratorate rules, av_2014: the sources hold no Chinese text),
which is shown as quoted and marked as such.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path

import pytest

from legalrules import Engine
from legalrules.case.io import load_case, parse_case
from legalrules.documents.calendar.render import render_calendar
from legalrules.documents.subjects import SubjectNames
from legalrules.documents.text.answer import render_answer
from legalrules.documents.text.deadlines import deadline_table
from legalrules.documents.text.decision_zh import render_decision_zh
from legalrules.documents.text.rules import rule_header_zh, ruleset_listing
from legalrules.documents.vocabulary import Vocabulary
from legalrules.engine.explain_rule import explain_rule
from legalrules.legaltime.holidays import HolidayCalendar

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
# Before, during and after the examples' events: each brings its own warnings and notes.
MOMENTS = ["2010-06-01T12:00:00+08:00", "2013-08-21T12:00:00+08:00", "2016-10-10T12:00:00+08:00",
           "2025-10-09T12:00:00+08:00", "2026-03-22T09:00:00+08:00", "2026-11-21T15:00:00+08:00",
           "2026-12-01T12:00:00+08:00"]
# Four or more English words in a row, not part of an identifier, path or code.
ENGLISH_RUN = re.compile(r"(?<![\w./`'\[-])[A-Za-z][a-z']*(?:[ ,;]+[A-Za-z][a-z']*){3,}")
# The marker may be wrapped across lines, as any Chinese text may.
QUOTED_TRANSLATION = re.compile(r"“[^”]*" + r"\s*".join("（英文译本；资料中无中文原文）") + r"\s*”")


def english_in(text: str) -> list[str]:
    """The runs of English words a Chinese reader would meet in `text`."""
    return ENGLISH_RUN.findall(QUOTED_TRANSLATION.sub("", text))


@pytest.mark.parametrize("name", CASES)
def test_evaluate_and_deadlines_in_chinese_leave_no_english_sentence(engine: Engine, name: str) -> None:
    """The one-screen answer, `--full`, the deadline table, the Markdown agenda and the HTML calendar (its
    text and titles), at moments before, during and after the events."""
    case = load_case(EXAMPLES / name)
    words, names = Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh")
    for moment in MOMENTS:
        decision = engine.evaluate(case, as_of=datetime.fromisoformat(moment))
        duties = {o.duty for o in decision.deadlines if "_" in o.duty} | {
            n.duty for n in decision.deadlines_not_started if "_" in n.duty}
        page = render_calendar(decision, "html", HolidayCalendar(), words, names).split("<body>")[1]
        for text in (render_answer(decision, words, names), deadline_table(decision, words, names),
                     render_decision_zh(decision, words, names),
                     render_calendar(decision, "md", HolidayCalendar(), words, names),
                     html.unescape(re.sub(r"<[^>]*>", " ", page) + "\n".join(re.findall(r'title="([^"]*)"', page)))):
            assert not english_in(text), (moment, english_in(text))
            # Nor an internal identifier: a deadline is named by its title, not its duty (`--full` also
            # names each conclusion by its id, as the English listing does, for looking it up).
            assert "全部结论" in text or not [duty for duty in duties if duty in text], moment


def test_rules_in_chinese_leave_no_english_sentence(engine: Engine) -> None:
    """Every ruleset's listing: a rule quoting an English translation is named by its conclusions' Chinese titles."""
    for ruleset in engine.all_rulesets:
        text = "\n".join(ruleset_listing(ruleset, "zh"))
        assert not english_in(text), (ruleset.id, english_in(text))


@pytest.mark.parametrize("name", CASES)
def test_explain_in_chinese_leaves_no_english_sentence(engine: Engine, name: str) -> None:
    """`explain --lang zh` on the rules behind the example's conclusions: heading, subjects and condition tree."""
    case = load_case(EXAMPLES / name)
    as_of = datetime.fromisoformat("2026-12-01T12:00:00+08:00")
    decision = engine.evaluate(case, as_of=as_of)
    rule_ids = list(dict.fromkeys(rule.rule_id for item in decision.conclusions
                                  for rule in (*item.established_by, *item.not_established_by)))
    assert rule_ids
    for rule_id in rule_ids[::max(1, len(rule_ids) // 8)]:
        ruleset = next(r for r in engine.all_rulesets if any(rule.id == rule_id for rule in r.rules))
        text = "\n".join(rule_header_zh(ruleset, rule_id)) + "\n" + explain_rule(
            engine, case, rule_id, as_of, lang="zh")
        assert not english_in(text), (rule_id, english_in(text))


def test_the_check_finds_english_and_spares_ids_and_marked_translations() -> None:
    """An English sentence is found; case ids, fact paths and a quoted translation (marked, even wrapped) are not."""
    assert english_in("d1：this deadline is judged as not yet done")
    assert not english_in("需要 circumstances.evidence_of_criminal_facts、suspect.identity_unknown；q1 的 start")
    assert not english_in("条文：“Cases that may result in life imprisonment（英文译本；资料中\n    无中文原文）”")


@pytest.mark.parametrize("name", ["theft_unknowns.yaml", "bribery_procuratorate_2016.yaml"])
def test_an_instrument_binding_one_organ_is_named_by_its_title_when_the_organ_is_unknown(engine: Engine,
                                                                                            name: str) -> None:
    """Without case.handling_organ each instrument binding one organ warns: in Chinese by its title, its clause
    quoted (marked when from an English translation), in the answer and in `--full`."""
    case = load_case(EXAMPLES / name)
    case = case.model_copy(update={"case": case.case.model_copy(update={"handling_organ": None})})
    words, names = Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh")
    decision = engine.evaluate(case, as_of=datetime.fromisoformat("2026-12-01T12:00:00+08:00"))
    assert any(" binds only cases handled by " in warning for warning in decision.warnings)
    for text in (render_answer(decision, words, names), render_decision_zh(decision, words, names)):
        text = re.sub(r"\n\s*!\s+", "\n", text)  # a warning's continuation marks, which may split the translation mark
        assert not english_in(text), english_in(text)
        assert re.search(r"》只约束(?:公安机关|人民检察院)办理的案件", re.sub(r"\s+!?\s*", "", text)), text
        assert not re.search(r"\b[a-z]+_\d{4}只约束", text)


def _not_applied(decision_text: str, mark: str) -> list[str]:
    return [line for line in decision_text.splitlines() if line.lstrip().startswith(mark)]


@pytest.mark.parametrize("name", CASES)
def test_each_reason_a_ruleset_is_not_applied_is_said_in_chinese(engine: Engine, name: str) -> None:
    """`--full` in Chinese gives each reason the English listing gives, in Chinese, one line each."""
    case = load_case(EXAMPLES / name)
    words, names = Vocabulary.of(engine.all_rulesets, "zh"), SubjectNames(case, "zh")
    for moment in ("2010-06-01T12:00:00+08:00", "2016-10-10T12:00:00+08:00"):
        decision = engine.evaluate(case, as_of=datetime.fromisoformat(moment))
        reasons = sum(len(dict.fromkeys(skip.reason for skip in use.not_applied)) for use in decision.rulesets)
        said = _not_applied(render_decision_zh(decision, words, names), "未适用：")
        assert len(said) == reasons
        assert all("原因见" not in line for line in said)


def test_a_request_not_timed_for_a_suspect_on_bail_says_why_in_chinese(engine: Engine) -> None:
    """CPL Art. 91 para. 3 times only a detained suspect's arrest review: said with the measure the event names,
    and what governs instead (the deadline's `otherwise_zh`)."""
    case = parse_case("""
case: {id: t1, handling_organ: public_security, proceeding: criminal}
measures:
  - {id: b1, kind: bail, start: 2026-11-02T10:00:00+08:00, decided_by: public_security}
events:
  - {kind: arrest_approval_requested, at: 2026-11-10T10:00:00+08:00, measure: b1}
""", "bail.yaml")
    decision = engine.evaluate(case, as_of=datetime.fromisoformat("2026-11-12T10:00:00+08:00"))
    text = re.sub(r"\n\s*", "", render_decision_zh(decision, Vocabulary.of(engine.all_rulesets, "zh"),
                                                    SubjectNames(case, "zh")))
    assert ("未适用：《刑事诉讼法》第九十一条第三款：只对犯罪嫌疑人被拘留期间的“提请批准逮捕”事件计算期限；"
            "该事件指明的措施b1为取保候审；对未被拘留的犯罪嫌疑人，适用人民检察院的规则") in text
    assert not english_in(text), english_in(text)  # the deadline's `otherwise`, from its otherwise_zh
