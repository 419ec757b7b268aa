"""`legalrules notice --list --lang zh`: which notices the case calls for, and why, in Chinese.

The same calls and refusals as `render.notice_listing` (`calls.notice_calls`, `calls.refusal`),
each said from the decision's outcomes: a notice by the title its template gives it
(`zh/macros.j2`), a deadline by its Chinese title, due time and status, a conclusion by its
Chinese title, a fact by its term and key. The `--kind` value stays beside each title: it is
what the officer types to render it.
"""

from __future__ import annotations

from typing import Final

from ...case.chinese_terms import term
from ...decision.model import Decision
from ...errors import NoticeRefused
from ..deadline_lang import due_text, status_in
from ..fact_words import facts_said
from ..subjects import SubjectNames
from ..text.wrapping import hanging
from ..vocabulary import Vocabulary
from .calls import (FAMILY_RULES, KINDS, RECORDING, SUMMONS_RULE, NoticeCall, NoticeKind, family_outcomes,
                    notice_calls, pending_outcomes, recording_conclusions, summons_outcomes)

WIDTH: Final = 100
# What the procuratorate's family notices need besides the measure (calls.FAMILY_RULES' `needs`), in Chinese.
_PROCURATORATE_NEEDS: Final = ("，由人民检察院决定（decided_by: procuratorate），案件由人民检察院办理，且在2019年12月30日"
                               "以后（此前为《人民检察院刑事诉讼规则（试行）》的相应条文）")


def _titles() -> dict[str, str]:
    """Each kind's document title, as the Chinese templates head it (one source: `zh/macros.j2`)."""
    from .render import notice_environment  # noqa: PLC0415 - jinja2 only when a listing is asked for

    titles: dict[str, str] = notice_environment("zh", "md").get_template("macros.j2").module.kinds  # type: ignore[attr-defined]
    return titles


class _Listing:
    def __init__(self, decision: Decision, words: Vocabulary, names: SubjectNames) -> None:
        self.decision, self.words, self.names = decision, words, names

    def deadline(self, kind: NoticeKind, subject: str) -> str:
        said = [f"{self.words.deadline_title(o.rule_id, o.duty, o.title, o.period)}（{self.words.citation(o.citation)}）："
                f"应于{due_text(o.due, 'zh')}前完成，{status_in(o, 'zh')}"
                for o in family_outcomes(self.decision, kind) if o.subject == subject]
        return "；".join(said)

    def why(self, call: NoticeCall) -> str:
        """Why the decision calls for this notice, from the outcome behind it."""
        if call.kind in FAMILY_RULES:
            return self.deadline(call.kind, call.subject)
        if call.kind == "late_notice_record":
            return "；".join(self.deadline(kind, call.subject) for kind in FAMILY_RULES
                            if self.deadline(kind, call.subject))
        if call.kind == "recording_memo":
            found = [c for c in recording_conclusions(self.decision) if c.subject == call.subject]
            value = {"true": "是", "false": "否", "undetermined": "尚无法确定"}[found[0].value] if found else "是"
            title = self.words.conclusion_title(RECORDING[0], RECORDING[1], "应当对讯问过程进行录音录像")
            return f"“{title}”：{value}"
        if call.kind == "deadline_memo":
            pending = pending_outcomes(self.decision)
            return f"{len(pending)}项期限尚未届满，最早的应于{due_text(pending[0].due, 'zh')}前完成"
        limits = summons_outcomes(self.decision, call.subject)
        return "；".join(f"{self.words.deadline_title(o.rule_id, o.duty, o.title, o.period)}"
                        f"（{self.words.citation(o.citation)}）：应于{due_text(o.due, 'zh')}前结束" for o in limits)

    def refusal(self, kind: NoticeKind) -> str:
        """Why the decision calls for no notice of this kind, and what the case would need."""
        decision = self.decision
        if kind in FAMILY_RULES:
            rule = FAMILY_RULES[kind]
            found = [o for o in decision.deadlines if o.rule_id in rule.rule_ids and o.duty == "family_notification"]
            if found:
                facts = sorted({f for o in found for f in o.deciding_facts})
                return f"通知家属的期限是否适用尚无法确定，取决于{facts_said(facts, 'zh', len(facts))}"
            needs = _PROCURATORATE_NEEDS if rule.needs else ""
            return (f"本案没有{self.words.cite_in(rule.rule_id)}规定的通知家属期限：需要在 measures[] 中载明开始时间的"
                    f"{term(rule.measure)}措施{needs}")
        if kind == "late_notice_record":
            given = [o for k in FAMILY_RULES for o in family_outcomes(decision, k)]
            if not given:
                return "本案没有通知家属的期限（measures[] 中没有载明开始时间的拘留、逮捕或者指定居所监视居住）"
            return "各项通知家属均按期完成或者尚在期限内：" + "；".join(
                f"{self.names.name(o.subject)} {self.words.citation(o.citation)} {status_in(o, 'zh')}" for o in given)
        if kind == "recording_memo":
            return "本案没有《公安机关讯问犯罪嫌疑人录音录像工作规定》关于讯问是否应当录音录像的结论（该规定不适用于本案，" \
                   "或者案件未列出讯问）"
        if kind == "deadline_memo":
            return f"截至{due_text(decision.as_of, 'zh')}，没有尚未届满的期限"
        return (f"本案没有适用的传唤、拘传持续时间限制（{self.words.cite_in(SUMMONS_RULE)}）：需要在 events[] 中载明时间的"
                f"“{term('arrived_for_questioning')}”（arrived_for_questioning）事件")


def _indented(text: str) -> list[str]:
    return hanging(text, "    ", "    ", WIDTH)


def notice_listing_zh(decision: Decision, words: Vocabulary, names: SubjectNames) -> str:
    """Which notices the decision calls for, and why; then each kind it does not call for, and why not."""
    titles, listing = _titles(), _Listing(decision, words, names)
    calls = notice_calls(decision)
    lines = [f"案件 {decision.case_id} 截至 {due_text(decision.as_of, 'zh')}（北京时间）需要制作的文书："]
    for call in calls:
        lines += [f"  {titles[call.kind]}（--kind {call.kind}），{names.name(call.subject)}：",
                  *_indented(listing.why(call))]
    if not calls:
        lines.append("  无")
    absent = [kind for kind in KINDS if kind not in {c.kind for c in calls}]
    if absent:
        lines += ["", "不需要制作的文书："]
        for kind in absent:
            lines += [f"  {titles[kind]}（--kind {kind}）：", *_indented(listing.refusal(kind))]
    lines += ["", "制作文书：legalrules notice 案件文件 --kind 文书类别 [--subject 编号] [--lang zh|en] [--format md|html|pdf]"]
    return "\n".join(lines) + "\n"


def refused_zh(decision: Decision, kind: NoticeKind, words: Vocabulary, names: SubjectNames) -> None:
    """NoticeRefused, in Chinese, when the decision calls for no notice of this kind: why, and what it needs."""
    if not any(call.kind == kind for call in notice_calls(decision)):
        title = _titles()[kind]
        raise NoticeRefused(f"案件 {decision.case_id} 不需要制作{title}（--kind {kind}）："
                            + _Listing(decision, words, names).refusal(kind))
