"""Notices rendered through the real templates: goldens per kind and language, every example, refusals.

To accept a deliberate change of wording, rerun with LEGALRULES_UPDATE_GOLDENS=1 and
read the diff of tests/goldens/notices/ before committing it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import pytest
from jinja2 import StrictUndefined, UndefinedError

from legalrules import parse_case
from legalrules.documents.notices.calls import KINDS, NoticeKind, notice_calls
from legalrules.documents.notices.render import FORMATS, NoticeFormat, build_notice, notice_environment, render_notice
from legalrules.documents.notices.words import LANGS, Lang
from legalrules.paths import templates_dir
from legalrules.errors import InputError, NoticeRefused

from ..notice_fixtures import EXAMPLES, GOLDENS, SCENARIOS, decide, engine

UPDATE = bool(os.environ.get("LEGALRULES_UPDATE_GOLDENS"))
EVERY = [(kind, lang, fmt) for kind in KINDS for lang in LANGS for fmt in FORMATS]


@pytest.mark.parametrize(("kind", "lang", "fmt"), EVERY, ids=lambda x: str(x))
def test_each_kind_and_language_renders_as_its_golden_file(kind: NoticeKind, lang: Lang, fmt: NoticeFormat) -> None:
    """The notice of the kind's scenario is byte for byte the golden file."""
    scenario = SCENARIOS[kind]
    decision, case = scenario.decided()
    text = render_notice(decision, case, kind, lang, fmt, scenario.subject)
    golden = GOLDENS / f"{kind}.{lang}.{fmt}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with LEGALRULES_UPDATE_GOLDENS=1 to write it"
    assert text == golden.read_text(encoding="utf-8")


def test_the_goldens_show_the_officers_due_time_in_each_languages_convention() -> None:
    """Detained 21 Nov 10:25: the family notice is due 2026年11月22日 10时25分 / 22 November 2026, 10:25."""
    assert "2026年11月22日 10时25分前" in (GOLDENS / "detention_family_notice.zh.html").read_text(encoding="utf-8")
    assert "22 November 2026, 10:25" in (GOLDENS / "detention_family_notice.en.md").read_text(encoding="utf-8")


def _as_of_points(example: str) -> list[str]:
    """Instants to judge an example at: an hour, a day and a week after its first moment, and long after."""
    case = decide(example, "2030-01-01T00:00:00+08:00")[1]
    moments = [m.start for m in case.measures] + [e.at for e in case.events] + [i.start for i in case.interrogations]
    first = min(m for m in moments if m is not None)
    return [(first + delta).isoformat() for delta in (timedelta(hours=1), timedelta(days=1), timedelta(days=7))] + [
        "2030-01-01T00:00:00+08:00"]


@pytest.mark.parametrize("example", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_every_notice_an_example_calls_for_renders_and_every_other_kind_is_refused(example: str) -> None:
    """At several as-of times, each call renders in both languages and formats, with its key time; the rest refuse."""
    for as_of in _as_of_points(example):
        decision, case = decide(example, as_of)
        calls = notice_calls(decision)
        for call in calls:
            for lang in LANGS:
                view = build_notice(decision, case, call.kind, lang, call.subject)
                for fmt in FORMATS:
                    text = render_notice(decision, case, call.kind, lang, fmt, call.subject)
                    assert view.key_time in text.replace("\\", ""), (example, as_of, call, lang, fmt)
                    assert decision.case_id in text.replace("\\", "")
        for kind in set(KINDS) - {c.kind for c in calls}:
            with pytest.raises(NoticeRefused):
                build_notice(decision, case, kind, "zh")


def test_the_examples_between_them_call_for_every_kind() -> None:
    """No template goes untried by the example test above."""
    called = {c.kind for p in EXAMPLES.glob("*.yaml") for as_of in _as_of_points(p.stem)
              for c in notice_calls(decide(p.stem, as_of)[0])}
    assert called == set(KINDS)


def test_identical_inputs_give_byte_identical_notices() -> None:
    """A fresh evaluation of the same case and as-of renders the same bytes."""
    scenario = SCENARIOS["deadline_memo"]
    decision, case = scenario.decided()
    again = engine().evaluate(case, as_of=datetime.fromisoformat(scenario.as_of))
    for lang in LANGS:
        for fmt in FORMATS:
            assert render_notice(decision, case, "deadline_memo", lang, fmt) == render_notice(
                again, case, "deadline_memo", lang, fmt)


def test_every_notice_ends_with_the_legal_basis_and_the_ruleset_versions() -> None:
    """The last two sections are the basis (instrument and article) and each used ruleset's version hash."""
    for kind, scenario in SCENARIOS.items():
        decision, case = scenario.decided()
        for lang, basis, versions in (("zh", "## 法律依据", "## 所用规则集版本"), ("en", "## Legal basis", "## Ruleset versions used")):
            text = render_notice(decision, case, kind, lang, "md", scenario.subject)
            assert text.index(basis) < text.index(versions), kind
            tail = text[text.index(versions):]
            assert "## " not in tail[3:]
            used = [r for r in decision.rulesets if r.applied_to]
            assert used and all(r.version in tail for r in used), kind
            # A ruleset consulted but applied to nothing (out of its window) is not listed.
            assert all(r.id not in tail for r in decision.rulesets if not r.applied_to), kind


def test_missing_particulars_are_marked_blanks_never_guesses() -> None:
    """A case with no suspect name and no deciding organ: both are blanks, listed as not given."""
    decision, case = decide("fraud_detention_pending", "2026-11-21T15:00:00+08:00")
    bare = case.model_copy(update={"suspect": case.suspect.model_copy(update={"name": None}), "measures": [
        case.measures[0], case.measures[1].model_copy(update={"decided_by": None})]})
    zh = render_notice(decision, bare, "detention_family_notice", "zh", "md")
    assert "| 被拘留人 | 【待填写：犯罪嫌疑人姓名】 |" in zh and "| 决定机关 | 【待填写：决定机关】 |" in zh
    assert "- 犯罪嫌疑人姓名（suspect.name）：案件材料未载明，留空待填写" in zh
    # The place of custody left out of the measure: a blank, naming the field that would fill it.
    assert "| 羁押处所 | 【待填写：羁押处所】 |" in zh and "- 羁押处所（measures[1].custody_place）：案件材料未载明" in zh
    en = render_notice(decision, bare, "detention_family_notice", "en", "html")
    assert '<span class="blank">[to be filled in: place of custody]</span>' in en


def test_the_place_of_custody_and_the_person_notified_come_from_the_case() -> None:
    """measures[i].custody_place and the notifying event's recipient fill the notice; nothing is invented."""
    decision, case = decide("fraud_detention_pending", "2026-11-21T15:00:00+08:00")
    held = case.model_copy(update={"measures": [
        case.measures[0], case.measures[1].model_copy(update={"custody_place": "杭州市看守所"})]})
    zh = render_notice(decision, held, "detention_family_notice", "zh", "md")
    assert "| 羁押处所 | 杭州市看守所 |" in zh and "- 羁押处所（measures[1].custody_place）：杭州市看守所" in zh


def test_a_late_notice_record_reads_the_reason_from_the_event_the_decision_names() -> None:
    """Impossible notice: the note of events[0], which the decision's exception names; blank when it has none."""
    decision, case = decide("designated_residence_late_notice", "2026-03-22T09:00:00+08:00")
    text = render_notice(decision, case, "late_notice_record", "zh", "md", "measures[0]")
    assert "| 免除通知的情形 | 无法通知 |" in text and "犯罪嫌疑人不讲真实姓名" in text
    assert "（events[0].note）" in text and "第一百一十三条第四款" in text
    silent = case.model_copy(update={"events": [case.events[0].model_copy(update={"note": None}), *case.events[1:]]})
    text = render_notice(decision, silent, "late_notice_record", "en", "md", "measures[0]")
    assert "| Why the family was not notified within 24 hours | [to be filled in: why the family was not notified" in text


def test_markup_in_case_values_is_escaped_in_html_and_literal_in_markdown() -> None:
    """A case id and a name holding markup print as text, never as a tag or emphasis."""
    decision, case = decide("fraud_detention_pending", "2026-11-21T15:00:00+08:00")
    document = {**case.model_dump(mode="json", exclude_none=True),
                "case": {"id": "<script>x</script>", "handling_organ": "public_security"},
                "suspect": {"name": "*Wang* | Wu"}}
    hostile = parse_case(json.dumps(document), "hostile.json")
    decision = engine().evaluate(hostile, as_of=decision.as_of)
    html = render_notice(decision, hostile, "detention_family_notice", "en", "html")
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    md = render_notice(decision, hostile, "detention_family_notice", "en", "md")
    assert r"\*Wang\* \| Wu" in md and "\\<script\\>" in md


def test_a_case_file_other_than_the_decisions_is_refused() -> None:
    """The particulars must come from the case the decision was made from."""
    decision, _ = decide("fraud_detention_pending", "2026-11-21T15:00:00+08:00")
    _, other = decide("murder_summons_to_arrest", "2025-12-10T09:00:00+08:00")
    with pytest.raises(InputError, match="the case file is case '京公刑〔2025〕0929' but the decision is of case"):
        render_notice(decision, other, "detention_family_notice", "zh", "md")


def test_templates_are_strict_and_html_is_autoescaped() -> None:
    """A name the view lacks is an error, not a blank; HTML escapes, Markdown does not (its view is pre-escaped)."""
    for lang in LANGS:
        html, md = notice_environment(lang, "html"), notice_environment(lang, "md")
        assert html.undefined is StrictUndefined and md.undefined is StrictUndefined
        with pytest.raises(UndefinedError):
            html.from_string("{{ v.no_such_field }}").render(v=object())
        assert html.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_one_shared_layout_per_language_and_a_print_stylesheet_for_a4() -> None:
    """Each kind template extends its language's layout; the stylesheet sets A4 and print rules."""
    root = templates_dir() / "notices"
    for lang in LANGS:
        for path in sorted((root / lang).glob("*.j2")):
            if path.name.startswith(("layout.", "macros.")):
                continue
            fmt = path.name.split(".")[-2]
            assert path.read_text(encoding="utf-8").startswith(f'{{% extends "layout.{fmt}.j2" %}}'), path
    css = (root / "notice.css").read_text(encoding="utf-8")
    assert "@page { size: A4;" in css and "@media print" in css and "width: 210mm" in css


def test_a_summons_record_with_the_limit_undecided_shows_both_end_times_and_what_decides() -> None:
    """Unknown 'especially major' facts: 12 h and 24 h both shown; a compelled appearance cites PSP Art. 79."""
    _, case = decide("fraud_detention_pending", "2026-11-21T15:00:00+08:00")
    unsure = case.model_copy(update={
        "circumstances": case.circumstances.model_copy(update={"especially_major_and_complex": None}),
        "measures": [case.measures[0].model_copy(update={"kind": "compelled_appearance", "end": None})]})
    decision = engine().evaluate(unsure, as_of=datetime.fromisoformat("2026-11-21T09:00:00+08:00"))
    text = render_notice(decision, unsure, "summons_time_record", "zh", "md")
    cpl = "《中华人民共和国刑事诉讼法（2018年修正）》第一百一十九条第二款"
    assert f"上限12小时（{cpl}；是否适用：待定）：**最迟于2026年11月21日 20时00分结束**" in text
    assert f"上限24小时（{cpl}；是否适用：待定）：**最迟于2026年11月22日 8时00分结束**" in text
    # The case is public security's: PSP 2020 Art. 80's limits on a compelled appearance are shown too.
    assert "上限12小时（《公安机关办理刑事案件程序规定（2020年修正）》第八十条第一款；是否适用：待定）" in text
    assert "circumstances.especially_major_and_complex" in text and "| 措施 | 拘传 |" in text
    assert "第七十九条第二款：“犯罪嫌疑人到案后，应当责令其在拘传证上填写到案时间" in text
    assert "第一百九十九条" not in text


def test_the_procuratorate_arrest_notice_quotes_spp_2019_art_301_on_its_content() -> None:
    """SPP 2019 Art. 301 (reason and place of custody) is the form basis, not PSP 2020 Art. 145."""
    text = (GOLDENS / "procuratorate_arrest_family_notice.zh.md").read_text(encoding="utf-8")
    assert "《人民检察院刑事诉讼规则》第三百零一条：“除无法通知的以外，负责侦查的部门应当把逮捕的原因和羁押的处所" in text
    assert "公安机关办理刑事案件程序规定" not in text
    assert "上海市第一看守所" in text


@pytest.mark.parametrize("kind", KINDS)
def test_markdown_and_html_notices_carry_the_same_official_header(kind: NoticeKind) -> None:
    """Issuing organ, document title and document number (文号) head every notice in both formats,
    from case.organ_name and case.document_number, in that order, before the case number."""
    scenario = SCENARIOS[kind]
    decision, case = scenario.decided()
    named = case.model_copy(update={"case": case.case.model_copy(
        update={"organ_name": "杭州市公安局", "document_number": "杭公刑拘字〔2026〕88号"})})
    for lang in LANGS:
        for fmt in FORMATS:
            text = render_notice(decision, named, kind, lang, fmt, scenario.subject)
            organ, number = text.index("杭州市公安局"), text.index("杭公刑拘字〔2026〕88号")
            case_no = text.index("案号：" if lang == "zh" else "Case no. ")
            assert organ < number < case_no, (lang, fmt)
            title = text.index("<h1>" if fmt == "html" else "\n# ")
            assert organ < title < number, (lang, fmt)


def test_a_2016_procuratorate_arrest_notice_quotes_the_2012_trial_rules_on_its_content() -> None:
    """Under spp_2012 the form basis is its Art. 336 (reason and place of custody), not SPP 2019 Art. 301."""
    decision, case = decide("bribery_procuratorate_2016", "2016-10-20T09:00:00+08:00")
    text = render_notice(decision, case, "procuratorate_arrest_family_notice", "zh", "md", "measures[1]")
    assert "《人民检察院刑事诉讼规则（试行）》第三百三十六条：“除无法通知的以外，下级人民检察院侦查部门应当把逮捕的原因和羁押的处所" in text
    assert "第三百零一条" not in text
    detention = render_notice(decision, case, "procuratorate_detention_family_notice", "en", "md", "measures[0]")
    assert "Art. 133 para. 1" in detention and "(Trial) (2012)" in detention


def test_an_impossible_procuratorate_detention_notice_quotes_the_rule_on_the_reason_on_file() -> None:
    """SPP 2019 Art. 123 para. 2 (reason on file, notice once possible) joins the form basis of an excepted notice."""
    document = {
        "case": {"id": "spp-123-impossible", "handling_organ": "procuratorate", "proceeding": "criminal"},
        "suspect": {"name": "Sun Qi"},
        "measures": [{"id": "d1", "kind": "detention", "decided_by": "procuratorate", "start": "2024-06-10T09:00:00+08:00"}],
        "events": [{"kind": "family_notification_impossible", "at": "2024-06-10T11:00:00+08:00", "measure": "d1",
                    "note": "no family"}],
    }
    case = parse_case(json.dumps(document), "impossible.json")
    decision = engine().evaluate(case, as_of=datetime.fromisoformat("2024-06-12T09:00:00+08:00"))
    text = render_notice(decision, case, "procuratorate_detention_family_notice", "zh", "md", "measures[0]")
    assert "第一百二十三条第二款：“无法通知的，应当将原因写明附卷。无法通知的情形消除后，应当立即通知其家属。”" in text
