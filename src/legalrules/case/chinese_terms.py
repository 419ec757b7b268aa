"""The Chinese term for each value of the case's closed vocabularies, and the reverse for aliases.

`legalrules schema` describes every enum value by it, `legalrules init --lang zh` writes
it beside each field, and a case may give the Chinese term instead of the identifier
where the term names exactly one value of that field (`kind: 拘留` reads `detention`).
The identifiers are the glossary's (../shared/notes/glossary.md); the terms are the
statutes' words. "other" and "none" have no term: they are not words of the law.
"""

from __future__ import annotations

from typing import Final

TERMS: Final[dict[str, str]] = {
    # organs and proceedings
    "public_security": "公安机关", "procuratorate": "人民检察院", "state_security": "国家安全机关",
    "criminal": "刑事案件", "administrative": "行政案件",
    # levels
    "township": "乡、民族乡、镇", "county": "县级", "city": "设区的市级", "province": "省级", "national": "全国",
    # coercive measures
    "summons": "传唤", "compelled_appearance": "拘传", "detention": "拘留", "arrest": "逮捕", "bail": "取保候审",
    "residential_surveillance": "监视居住", "designated_residence_surveillance": "指定居所监视居住",
    "surety": "保证人", "deposit": "保证金",
    # places and people questioned
    "law_enforcement_venue": "执法办案场所", "designated_place": "指定地点", "residence": "住处",
    "scene_emergency": "现场（紧急情况）", "detention_house": "看守所", "remote_video": "远程视频讯问",
    "suspect": "犯罪嫌疑人", "victim": "被害人", "witness": "证人",
    # recording
    "storage_full": "存储空间已满", "technical_failure": "技术故障", "other_objective_reason": "其他客观原因",
    "optical_disc": "光盘", "hard_drive": "硬盘",
    # penalties likely
    "public_surveillance": "管制", "criminal_detention": "拘役", "supplementary_penalty_only": "独立适用附加刑",
    "fixed_term_or_more": "有期徒刑以上刑罚",
    # extension grounds
    "special_circumstances": "特殊情况", "major_roving_serial_or_gang": "流窜作案、多次作案、结伙作案的重大嫌疑分子",
    "complex_case": "案情复杂、期限届满不能终结", "major_complex_case": "重大复杂案件",
    "ten_years_or_more": "可能判处十年有期徒刑以上刑罚", "prosecution_review_major_complex": "重大、复杂案件（审查起诉）",
    "fast_track_over_one_year": "速裁案件（可能判处有期徒刑超过一年）",
    # record filing (procuratorate_1999)
    "arrest_case": "逮捕案件", "major_case_clue": "要案线索", "major_case_handling": "要案处理",
    # events
    "arrived_for_questioning": "到案", "transferred_to_detention_house": "送看守所羁押",
    "family_notified": "通知家属", "family_notification_impossible": "无法通知",
    "notification_impossible_ended": "无法通知的情形消失",
    "notice_may_hinder_investigation": "通知可能有碍侦查", "investigation_obstacle_ended": "有碍侦查的情形消失",
    "interrogated": "讯问", "arrest_approval_requested": "提请批准逮捕", "arrest_approved": "批准逮捕",
    "arrest_not_approved": "不批准逮捕", "arrest_decided": "决定逮捕", "bail_applied": "申请取保候审",
    "bail_decided": "取保候审决定", "lawyer_meeting_requested": "辩护律师要求会见",
    "lawyer_meeting_arranged": "安排律师会见", "recording_disc_burned": "刻录光盘",
    "recording_disc_handed_to_keeper": "光盘移交保管", "recording_requested_by_court_or_procuratorate": "法院、检察院调取录音录像",
    "recording_disc_transferred": "移送光盘复制件", "case_accepted": "受案", "case_filed": "立案",
    "transferred_for_prosecution_review": "移送审查起诉", "npc_standing_committee_delay_approved": "全国人大常委会批准延期审理",
    "work_unit_notified": "通知所在单位", "release_requested_period_exceeded": "要求解除超期强制措施",
    "release_request_decided": "对解除要求作出决定", "arrest_review_referred": "移送审查逮捕",
    "arrest_declined": "不予逮捕", "execution_receipt_sent": "送达执行回执",
    "non_approval_reconsideration_requested": "要求复议不批准逮捕", "non_approval_reconsideration_decided": "复议决定",
    "non_approval_review_requested": "提请复核不批准逮捕", "non_approval_review_decided": "复核决定",
    "filed_for_record": "报上一级人民检察院备案", "record_filing_received": "收到备案材料",
    "record_filing_answered": "备案审查意见", "report_referred": "举报中心交办", "report_transferred": "举报移送",
    "report_received_from_higher_procuratorate": "收到上级交办的举报材料", "report_result_returned": "报告举报处理结果",
    "case_not_filed": "不立案", "non_filing_notice_served": "送达不立案通知书",
    "non_filing_reconsideration_applied": "申请不立案复议", "non_filing_reconsideration_decided": "不立案复议决定",
    "lawyer_hire_requested": "要求聘请律师", "lawyer_hire_decided": "聘请律师的决定",
    "lawyer_meeting_decided": "律师会见的决定", "evidence_request_received": "收到调取证据函",
    "evidence_request_answered": "送交所调取的证据", "defender_right_told": "告知有权委托辩护人",
    "measure_change_applied": "申请变更强制措施", "measure_change_decided": "变更强制措施的决定",
    "prosecution_decided": "作出起诉或者不起诉决定",
    "deposit_confiscation_decided": "没收保证金的决定", "deposit_confiscation_announced": "宣读没收保证金决定书",
    "deposit_confiscation_reconsideration_applied": "申请复议没收保证金的决定",
    "deposit_confiscation_reconsideration_decided": "没收保证金的复议决定",
    "deposit_confiscation_review_applied": "申请复核没收保证金的决定",
    "deposit_confiscation_review_decided": "没收保证金的复核决定",
    "surety_fine_decided": "对保证人罚款的决定", "surety_fine_served": "送达对保证人罚款决定书",
    "surety_fine_reconsideration_applied": "申请复议对保证人罚款的决定",
    "surety_fine_reconsideration_decided": "对保证人罚款的复议决定",
    "surety_fine_review_applied": "申请复核对保证人罚款的决定", "surety_fine_review_decided": "对保证人罚款的复核决定",
    "release_or_change_suggested": "人民检察院建议予以释放或者变更强制措施",
    "suggestion_handling_notified": "将处理情况通知人民检察院",
}

ALIASES: Final[dict[str, tuple[str, ...]]] = {}
for _value, _term in TERMS.items():
    ALIASES[_term] = (*ALIASES.get(_term, ()), _value)


def term(value: str) -> str | None:
    """The Chinese term for an enum value, or None (`other`, `none`, numbers)."""
    return TERMS.get(value)


def alias_for(text: str, allowed: tuple[str, ...]) -> str | None:
    """The value among `allowed` that the Chinese term `text` names, if exactly one does."""
    found = [value for value in ALIASES.get(text.strip(), ()) if value in allowed]
    return found[0] if len(found) == 1 else None
