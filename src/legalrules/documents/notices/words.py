"""How values read in a notice, in Chinese or English: instants, durations, citations, names.

The templates (`templates/notices/zh`, `templates/notices/en`) hold the sentences;
this module turns the decision's values into the words those sentences take, in
the conventions of each language: `2026年11月22日 10时25分` and `第八十五条第二款` in
Chinese, `22 November 2026, 10:25` and `Art. 85 para. 2` in English. Seconds are
shown only when they are not :00, so a day period's end reads as the decision's own
instant (`23时59分59秒`, `23:59:59`). Nothing here depends on the process locale.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Final, Literal

from ..deadline_words import MONTHS
from ...patterns import on_first_use
from ...case.instants import local
from ...legaltime.wording import duration_text

# After a clause quoted from an English translation in Chinese text: the sources hold no Chinese text of it.
TRANSLATION_MARK: Final = "（英文译本；资料中无中文原文）"

Lang = Literal["zh", "en"]
LANGS: Final[tuple[Lang, ...]] = ("zh", "en")

_DIGITS: Final = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """An article or paragraph number as a statute writes it: 10 十, 85 八十五, 105 一百零五, 119 一百一十九."""
    if not 0 < n < 10000:
        raise ValueError(f"a statute number must be 1-9999; got {n}")
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                parts.append("零")
            parts.append(_DIGITS[digit] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    # 十 alone at the head reads "十五", not "一十五" (but 一百一十九 keeps its 一).
    return text[1:] if text.startswith("一十") else text


def instant(moment: datetime, lang: Lang) -> str:
    """A local instant: `2026年11月22日 10时25分` or `22 November 2026, 10:25`."""
    shown = local(moment)
    if lang == "zh":
        clock = f"{shown.hour}时{shown.minute:02d}分" + (f"{shown.second:02d}秒" if shown.second else "")
        return f"{shown.year}年{shown.month}月{shown.day}日 {clock}"
    clock = shown.strftime("%H:%M:%S" if shown.second else "%H:%M")
    return f"{shown.day} {MONTHS[shown.month - 1]} {shown.year}, {clock}"


def duration(seconds: int, lang: Lang) -> str:
    """A duration to the minute: `1天6小时30分钟` or `1 day 6 h 30 min`."""
    if lang == "en":
        return duration_text(timedelta(seconds=seconds))
    minutes = seconds // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((days, "天"), (hours, "小时"), (minutes, "分钟")) if n)
    return text or f"{seconds}秒"


_PERIOD = on_first_use(r"^(\d+) (hour|day|month)s?$")
_PERIOD_PART = on_first_use(r"(\d+) (hour|day|month)s?\b")
_PERIOD_UNITS: Final = {"hour": "小时", "day": "日", "month": "个月"}
# How the engine joins the parts of an extended period (`2 months + 1 month (extension)`) and
# of a request due before it expires (`..., less 7 days`), in Chinese.
_PERIOD_JOINS: Final = ((" (extension)", "（延长）"), (" + ", "＋"), (", less ", "，提前"))


def period(text: str, lang: Lang) -> str:
    """A period as the decision states it (`24 hours`, `2 months + 1 month (extension)`), in the language.

    In Chinese `24小时`, `2个月＋1个月（延长）`; a text of another shape is kept as it is.
    """
    if lang == "en":
        return text
    match = _PERIOD().match(text)
    if match is not None:
        return f"{match.group(1)}{_PERIOD_UNITS[match.group(2)]}"
    said = _PERIOD_PART().sub(lambda m: f"{m[1]}{_PERIOD_UNITS[m[2]]}", text)
    for english, chinese in _PERIOD_JOINS:
        said = said.replace(english, chinese)
    return text if re.search(r"[A-Za-z]", said) else said


_CITATION = on_first_use(r"^(?P<ruleset>\S+) Art\. (?P<art>\d+)(?: para\. (?P<para>\d+))?(?: item \((?P<item>\d+)\))?$")


def citation(text: str, lang: Lang, instrument: str) -> str:
    """A decision citation (`crim_proc Art. 85 para. 2`) under the instrument's title in the language.

    `instrument` is the ruleset's title in that language (from the decision's rulesets).
    A citation in another shape is kept as the decision gives it, after the title.
    """
    match = _CITATION().match(text)
    if match is None:
        return f"《{instrument}》{text}" if lang == "zh" else f"{instrument}, {text}"
    art, para, item = match.group("art", "para", "item")
    if lang == "zh":
        where = f"第{chinese_number(int(art))}条"
        where += f"第{chinese_number(int(para))}款" if para else ""
        where += f"第（{chinese_number(int(item))}）项" if item else ""
        return f"《{instrument}》{where}"
    where = f"Art. {art}" + (f" para. {para}" if para else "") + (f" item ({item})" if item else "")
    return f"{instrument}, {where}"


def citation_ruleset(text: str) -> str:
    """The ruleset id a decision citation starts with (`crim_proc Art. 85` -> `crim_proc`)."""
    return text.split(" ", 1)[0]


def is_chinese(text: str) -> bool:
    """Whether a quote is in Chinese (crim_proc quotes the original; av_2014 an English translation)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def yes_no(value: bool | None, lang: Lang) -> str | None:
    """A yes/no fact in words, or None when the case leaves it out."""
    if value is None:
        return None
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


# The vocabulary of values: one entry per identifier (glossary names), in both languages.
_WORDS: Final[dict[str, tuple[str, str]]] = {
    # organs
    "public_security": ("公安机关", "public security organ"),
    "procuratorate": ("人民检察院", "people's procuratorate"),
    "state_security": ("国家安全机关", "state security organ"),
    "court": ("人民法院", "people's court"),
    # measures
    "summons": ("传唤", "summons"),
    "compelled_appearance": ("拘传", "compelled appearance"),
    "detention": ("拘留", "detention"),
    "arrest": ("逮捕", "arrest"),
    "bail": ("取保候审", "bail"),
    "residential_surveillance": ("监视居住", "residential surveillance"),
    "designated_residence_surveillance": ("指定居所监视居住", "residential surveillance at a designated residence"),
    # deadline statuses
    "met": ("已按期履行", "met"),
    "missed": ("已逾期", "missed"),
    "pending": ("尚未履行，期限未届满", "pending"),
    "excepted": ("依法免除", "excepted"),
    "undetermined": ("待定", "undetermined"),
    "not_recorded": ("期限已届满，案件材料未载明是否履行", "due time passed; the case does not record it done"),
    # conclusion values and compliance
    "true": ("是", "yes"),
    "false": ("否", "no"),
    "complied": ("案件材料显示已遵守", "the case shows it was complied with"),
    "violated": ("案件材料显示未遵守", "the case shows it was not complied with"),
    "unknown": ("案件材料未载明是否遵守", "the case does not show whether it was complied with"),
    # exceptions to a family notice (event kinds)
    "family_notification_impossible": ("无法通知", "notice was impossible"),
    "notice_may_hinder_investigation": ("通知可能有碍侦查", "notice may hinder the investigation"),
    # interrogation places
    "law_enforcement_venue": ("执法办案场所", "law-enforcement case-handling venue"),
    "designated_place": ("指定地点", "designated place"),
    "residence": ("住处", "residence"),
    "scene_emergency": ("现场（紧急情况）", "at the scene (emergency)"),
    "detention_house": ("看守所", "detention house"),
    "remote_video": ("远程视频讯问", "remote video link"),
    # interruption reasons
    "storage_full": ("存储空间已满", "storage full"),
    "technical_failure": ("技术故障", "technical failure"),
    "other_objective_reason": ("其他客观原因", "other objective reason"),
    "other": ("其他原因", "other reason"),
    # duties (deadline rules' `duty`)
    "family_notification": ("通知家属", "notify the family"),
    "transfer_to_detention_house": ("送看守所羁押", "deliver to the detention house"),
    "interrogation": ("讯问", "interrogate"),
    "arrest_approval_request": ("提请批准逮捕", "request approval of arrest"),
    "arrest_review_decision": ("作出批准或者不批准逮捕的决定", "decide whether to approve the arrest"),
    "investigation_custody_end": ("侦查羁押期限届满", "end of investigation custody"),
    "summons_or_compelled_appearance_end": ("传唤、拘传结束（十二小时）", "end of summons or compelled appearance (12 h)"),
    "summons_or_compelled_appearance_end_especially_major": (
        "传唤、拘传结束（二十四小时）", "end of summons or compelled appearance (24 h)"),
    "lawyer_meeting_arrangement": ("安排律师会见", "arrange the defence lawyer's meeting"),
    "bail_end": ("取保候审期限届满", "end of bail"),
    "residential_surveillance_end": ("监视居住期限届满", "end of residential surveillance"),
    "designated_residence_surveillance_end": ("指定居所监视居住期限届满", "end of designated-residence surveillance"),
    "disc_handover": ("光盘移交保管", "hand the discs to the keeper"),
    "arrest_decision_after_detention": ("对被拘留的人作出是否逮捕的决定（十四日）", "decide whether to arrest the detained person (14 days)"),
    "measure_change_decision": ("对在押犯罪嫌疑人变更强制措施的申请作出决定", "decide on a suspect in custody's application to change the coercive measure"),
    "measure_change_decision_not_in_custody": ("对未在押犯罪嫌疑人变更强制措施的申请作出决定", "decide on a suspect not in custody's application to change the coercive measure"),
    "custody_extension_request": ("提请批准延长侦查羁押期限（期限届满七日前）", "request an extension of investigation custody (7 days before expiry)"),
    "deposit_confiscation_announcement": ("宣读没收保证金决定书（三日）", "read out the deposit confiscation decision (3 days)"),
    "deposit_confiscation_reconsideration": ("对没收保证金的复议申请作出决定（七日）", "decide the reconsideration of a deposit confiscation (7 days)"),
    "deposit_confiscation_review": ("上一级公安机关对没收保证金的复核申请作出决定（七日）", "the next organ up decides the review of a deposit confiscation (7 days)"),
    "surety_fine_service": ("送达对保证人罚款决定书（三日）", "serve the surety's fine decision (3 days)"),
    "surety_fine_reconsideration": ("对保证人罚款的复议申请作出决定（七日）", "decide the reconsideration of a surety's fine (7 days)"),
    "surety_fine_review": ("上一级公安机关对保证人罚款的复核申请作出决定（七日）", "the next organ up decides the review of a surety's fine (7 days)"),
    "suggestion_handling_notice": ("将处理情况通知人民检察院（十日）", "tell the procuratorate how its suggestion was handled (10 days)"),
    "bail_application_decision": ("对在押犯罪嫌疑人的取保候审申请作出决定", "decide on a bail application by a suspect in custody"),
    "bail_application_decision_not_in_custody": ("对未在押犯罪嫌疑人的取保候审申请作出决定", "decide on a bail application by a suspect not in custody"),
    "defender_right_notice_at_review": ("审查起诉时告知在押犯罪嫌疑人有权委托辩护人", "tell a suspect in custody of the right to a defender at review for prosecution"),
    "defender_right_notice_at_review_not_in_custody": ("审查起诉时告知未在押犯罪嫌疑人有权委托辩护人", "tell a suspect not in custody of the right to a defender at review for prosecution"),
    "prosecution_decision": ("对在押犯罪嫌疑人作出是否起诉的决定（一个月）", "decide whether to prosecute a suspect in custody (one month)"),
    "prosecution_decision_not_in_custody": ("对未在押犯罪嫌疑人作出是否起诉的决定（一个月）", "decide whether to prosecute a suspect not in custody (one month)"),
    "fast_track_prosecution_decision": ("速裁案件对在押犯罪嫌疑人作出是否起诉的决定（十日）", "decide whether to prosecute a suspect in custody in a fast-track case (10 days)"),
    "fast_track_prosecution_decision_not_in_custody": ("速裁案件对未在押犯罪嫌疑人作出是否起诉的决定（十日）", "decide whether to prosecute a suspect not in custody in a fast-track case (10 days)"),
    "duplicate_disc_transfer": ("移送光盘复制件", "transfer the duplicate disc"),
    # duties of the 1999 procuratorate rules (procuratorate_1999)
    "arrest_approval_decision": ("对在押犯罪嫌疑人作出是否批准逮捕的决定（七日）", "decide whether to approve arrest of a suspect in custody (7 days)"),
    "arrest_approval_decision_not_in_custody": ("对未在押犯罪嫌疑人作出是否批准逮捕的决定（十五日）", "decide whether to approve arrest of a suspect not in custody (15 days)"),
    "arrest_approval_decision_major_complex": ("重大、复杂案件作出是否批准逮捕的决定（二十日）", "decide whether to approve arrest in a major, complex case (20 days)"),
    "arrest_decision": ("对在押犯罪嫌疑人作出是否逮捕的决定（七日）", "decide whether to arrest a suspect in custody (7 days)"),
    "arrest_decision_not_in_custody": ("对未在押犯罪嫌疑人作出是否逮捕的决定（十五日）", "decide whether to arrest a suspect not in custody (15 days)"),
    "arrest_decision_major_complex": ("重大、复杂案件作出是否逮捕的决定（二十日）", "decide whether to arrest in a major, complex case (20 days)"),
    # duties of the 2012 and 2019 procuratorate rules (spp_2012, spp_2019)
    "arrest_approval_decision_not_detained": ("对未被拘留的犯罪嫌疑人作出是否批准逮捕的决定（十五日）", "decide whether to approve arrest of a suspect not detained (15 days)"),
    "arrest_decision_not_detained": ("对未被拘留的犯罪嫌疑人作出是否逮捕的决定（十五日）", "decide whether to arrest a suspect not detained (15 days)"),
    "release_request_decision": ("对强制措施期限届满的申请作出决定（三日）", "decide a request to end a measure whose period has run out (3 days)"),
    "arrest_release_review": ("审查解除超期逮捕的要求", "review a request to release an arrestee held beyond the limit"),
    "arrest_review_referral": ("移送审查逮捕", "refer the detained suspect for an arrest decision"),
    "bail_release_review": ("审查解除超期取保候审的要求", "decide a request to end bail held beyond the limit"),
    "bail_reply": ("答复取保候审申请", "reply to the bail application"),
    "clue_record_filing": ("重大案件线索报上一级人民检察院备案", "file the major case clue for the record"),
    "clue_record_opinion": ("上一级人民检察院通知对备案线索的不同意见", "notify a different opinion on the filed clue"),
    "compelled_appearance_end": ("拘传结束（十二小时）", "end of compelled appearance (12 h)"),
    "designated_residence_surveillance_release_review": ("审查解除超期指定居所监视居住的要求", "decide a request to end designated-residence surveillance held beyond the limit"),
    "detention_end": ("拘留期限届满", "end of detention"),
    "detention_release_review": ("审查释放超期被拘留人的要求", "examine a request to release a detainee held beyond the limit"),
    "evidence_request_reply": ("函请调取证据的答复", "deliver the evidence requested by letter"),
    "filing_decision_record_filing": ("立案的重大案件报上一级人民检察院备案", "file the decision to open a major case for the record"),
    "handling_record_correction": ("上一级人民检察院通知纠正不当处理", "notify a correction of improper handling"),
    "interrogation_after_arrest": ("逮捕后讯问", "interrogate after arrest"),
    "interrogation_after_detention": ("拘留后讯问", "interrogate after detention"),
    "lawyer_hire_decision": ("决定是否批准聘请律师", "decide whether to approve hiring a lawyer"),
    "lawyer_meeting_arrangement_major_joint_case": ("重大复杂的共同犯罪案件安排律师会见（五日）", "arrange the lawyer's meeting in a major, complex joint crime (5 days)"),
    "lawyer_meeting_decision": ("决定是否批准律师会见", "decide whether to approve the lawyer's meeting"),
    "lawyer_meeting_decision_under_surveillance": ("决定是否许可律师会见被监视居住的犯罪嫌疑人",
                                                   "decide whether to permit the lawyer to meet a suspect under residential surveillance"),
    "lower_procuratorate_report_result": ("下级人民检察院报告举报材料处理结果", "report back on report materials from the higher procuratorate"),
    "non_approval_execution_receipt": ("公安机关送达不批准逮捕决定执行回执", "return the receipt on executing a non-approval"),
    "non_approval_reconsideration": ("对不批准逮捕的复议作出决定", "decide the reconsideration of a non-approval"),
    "non_approval_review": ("上一级人民检察院对不批准逮捕的复核作出决定", "decide the review of a non-approval"),
    "non_filing_decision_record_filing": ("不立案的重大案件报上一级人民检察院备案", "file the decision not to open a major case for the record"),
    "non_filing_notice": ("送达不立案通知书", "serve the notice of not filing the case"),
    "non_filing_reconsideration": ("对不立案的复议作出决定", "decide the reconsideration of not filing"),
    "record_filing_correction": ("上一级人民检察院纠正备案的逮捕案件", "correct an arrest case filed for the record"),
    "report_disposal": ("举报中心处理举报", "dispose of the report"),
    "report_result": ("侦查部门报告交办举报的处理结果", "report back on the referred report"),
    "summons_end": ("传唤结束（十二小时）", "end of summons (12 h)"),
    "surveillance_release_review": ("审查解除超期监视居住的要求", "decide a request to end surveillance held beyond the limit"),
    # duties of the public-security procedure rules (psp_2020) not named above
    "compelled_appearance_end_especially_major": ("拘传结束（经批准二十四小时）", "end of compelled appearance (24 h, approved)"),
    "summons_end_especially_major": ("传唤结束（经批准二十四小时）", "end of summons (24 h, approved)"),
    "consecutive_summons_end": (
        "连续传唤、拘传合计结束（十二小时）", "end of back-to-back summonses or compelled appearances (12 h together)"),
    "consecutive_summons_end_especially_major": (
        "连续传唤、拘传合计结束（二十四小时）", "end of back-to-back summonses or compelled appearances (24 h together)"),
    "consecutive_compelled_appearance_end": (
        "连续拘传合计结束（十二小时）", "end of back-to-back compelled appearances (12 h together)"),
    "consecutive_compelled_appearance_end_especially_major": (
        "连续拘传合计结束（经批准二十四小时）", "end of back-to-back compelled appearances (24 h together, approved)"),
    "execution_receipt": ("送达逮捕执行回执", "deliver the arrest execution receipt"),
    # particulars a notice takes from the case file
    "suspect_name": ("犯罪嫌疑人姓名", "suspect's name"),
    "charges": ("涉嫌罪名", "suspected offences"),
    "deciding_organ": ("决定机关", "deciding organ"),
    "place_of_custody": ("羁押处所", "place of custody"),
    "family_addressee": ("被通知家属姓名", "name of the family member notified"),
    "late_reason": ("未在二十四小时以内通知的原因", "why the family was not notified within 24 hours"),
    "arrival_measure": ("到案所依据的措施", "measure the suspect arrived under"),
    "interrogation_id": ("讯问编号", "interrogation id"),
    "interrogation_start": ("讯问开始时间", "interrogation start"),
    "interrogation_end": ("讯问结束时间", "interrogation end"),
    "interrogation_place": ("讯问地点", "interrogation place"),
    "interruption_start": ("中断开始时间", "interruption start"),
    "interruption_end": ("中断结束时间", "interruption end"),
    "interruption_reason": ("中断原因", "interruption reason"),
    "interrogation_suspended": ("中断期间是否暂停讯问", "interrogation suspended meanwhile"),
    # recording conclusions (av_2014)
    "recording_required": ("应当对讯问过程进行录音录像", "the interrogation must be recorded on audio and video"),
    "suspension_required": ("应当暂停讯问", "the interrogation must be suspended"),
    "continuation_permitted": ("可以继续讯问", "the interrogation may continue"),
    "continuation_statement_required": (
        "继续讯问的，应当在讯问笔录中写明并由犯罪嫌疑人签字确认",
        "continuing must be stated in the record and signed by the suspect"),
    "resumption_explanation_required": (
        "恢复录音录像后，应当口头说明中断原因和起止时间，记入讯问笔录并由犯罪嫌疑人签字确认",
        "on resuming, the interruption must be explained on the recording, stated in the record "
        "and signed by the suspect"),
}


def word(identifier: str, lang: Lang, fallback: str | None = None) -> str:
    """An identifier in the language's words; `fallback` (e.g. a rule's English title) if it has none."""
    pair = _WORDS.get(identifier)
    if pair is None:
        if fallback is None:
            raise KeyError(f"no notice wording for {identifier!r}")
        return fallback
    return pair[0] if lang == "zh" else pair[1]


def has_word(identifier: str) -> bool:
    """Whether the identifier has wording in both languages."""
    return identifier in _WORDS
