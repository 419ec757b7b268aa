"""Every text a Chinese answer can show has a Chinese form: the interpretations in force, and each ruleset's titles,
extension options and exceptions (in the statute's words, or a clause from an English translation marked as one)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import get_args

from legalrules import Engine
from legalrules.decision.deadlines import ExtensionUse
from legalrules.documents.deadline_lang import extension_text
from legalrules.documents.engine_zh import in_chinese
from legalrules.documents.notices.words import TRANSLATION_MARK, has_word, is_chinese
from legalrules.documents.text.rules import conclusion_title_zh
from legalrules.documents.vocabulary import Vocabulary
from legalrules.interpretations import INTERPRETATION_TEXT, INTERPRETATION_ZH, Interpretations, said_zh

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_every_interpretation_reading_is_said_in_chinese() -> None:
    """Each reading of each interpretation: its question, a short answer and the whole text, all in Chinese."""
    for name, field in Interpretations.model_fields.items():
        values = get_args(field.annotation)
        assert set(values) == set(INTERPRETATION_TEXT[name]) == set(INTERPRETATION_ZH[name][1]), name
        for value in values:
            question, short, whole = said_zh(name, value)
            assert all(_CHINESE.search(text) for text in (question, short, whole)), (name, value)
            assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", whole), (name, value)  # no English sentence


def test_every_conclusion_and_deadline_has_a_chinese_title(engine: Engine) -> None:
    """A conclusion by its title_zh or a rule's Chinese words; a deadline by its title_zh or its duty's Chinese word."""
    for ruleset in engine.all_rulesets:
        for conclusion in ruleset.conclusions:
            assert _CHINESE.search(conclusion_title_zh(ruleset, conclusion.name)), (ruleset.id, conclusion.name)
        for deadline in ruleset.deadlines:
            assert deadline.spec.title_zh or has_word(deadline.spec.duty), (deadline.id, deadline.spec.duty)


def test_every_extension_and_exception_is_chinese_or_marked_as_a_translation(engine: Engine) -> None:
    """In Chinese, an extension option and an exception are the clause that allows them; a clause the sources hold
    only in English translation (procuratorate_1999) is marked so, never shown bare."""
    words = Vocabulary.of(engine.all_rulesets, "zh")
    for ruleset in engine.all_rulesets:
        for deadline in ruleset.deadlines:
            for exception in deadline.exceptions:
                said = words.exceptions_said(exception.spec.title)
                assert _CHINESE.search(said) and (is_chinese(exception.spec.quote or "") or TRANSLATION_MARK in said), \
                    (deadline.id, exception.spec.title)


def test_an_english_extension_clause_is_marked(engine: Engine) -> None:
    """procuratorate_1999 Art. 83's extension option, in Chinese, carries the translation mark."""
    option = next(x for r in engine.all_rulesets if r.id == "procuratorate_1999" for d in r.deadlines
                  if d.id == "procuratorate_1999.art83" for x in d.extensions)
    use = ExtensionUse.model_construct(basis=option.option.basis, title=option.option.title, quote=option.option.quote,
                                       citation=option.citation, due=datetime.fromisoformat("2010-05-20T12:00:00+08:00"),
                                       approved=None)
    said = extension_text(use, "zh", "《人民检察院刑事诉讼规则（1999年）》第八十三条")
    assert said.startswith("可延长：“which may be extended") and TRANSLATION_MARK in said


def test_what_a_deadline_needs_to_start_names_fields_by_their_terms() -> None:
    """The clock waiting on a release (a measure that has ended): the field by its term, then its path."""
    said = in_chinese("no arrest_not_approved event with a time in events[] naming (by `measure`) a detention "
                      "measure that has ended (measures[].end: the release executing it)")
    assert "所涉措施（measure）" in said and "措施结束的时间（measures[].end）即执行该决定的释放" in said, said
    assert not re.search(r"(?<!（)measures\[\]\.end", said)


def test_every_holiday_rule_a_deadline_gives_is_said_in_chinese(engine: Engine) -> None:
    """How each example's due times treated holidays, under both pre-2013 readings and the three texts
    (CPL 2018 Art. 105, CPL 2012 Art. 103, the 1998 interpretation): Chinese, the statute cited in Chinese."""
    from legalrules.case.io import load_case  # noqa: PLC0415

    from .test_chinese_output import EXAMPLES, english_in  # noqa: PLC0415

    rules = set()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        for moment in ("2010-12-01T12:00:00+08:00", "2013-08-21T12:00:00+08:00", "2026-12-01T12:00:00+08:00"):
            for reading in ("custody_not_extended", "suspect_custody_extended"):
                decision = engine.evaluate(load_case(path), as_of=datetime.fromisoformat(moment),
                                           interpretations=Interpretations(holidays_before_2013=reading))
                rules |= {outcome.holiday_rule for outcome in decision.deadlines}
    assert any("SPC 1998" in rule for rule in rules) and any("CPL 2012" in rule for rule in rules)
    for rule in rules:
        said = in_chinese(rule)
        assert not english_in(said) and "CPL" not in said and "Art." not in said, (rule, said)
