"""The Chinese term for each field of a case file: the one table `init`, the schema and the answers read.

Keyed by the path `legalrules facts` names a fact by (`suspect.deaf`,
`interrogation.review.illegal_methods`, `offence.intentional`), and for the fields that
are not facts by the same form (`measure.start`, `event.at`). The terms are the statutes'
words where a statute names the fact (生活不能自理, 有逮捕必要), else a plain Chinese
phrase in the glossary's legal terms. `legalrules init --lang zh` writes each beside its
field, `legalrules schema` puts it in the field's description, and a Chinese answer says
a fact as `聋（suspect.deaf）`, the term first and the key the case writes after it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

FIELD_TERMS: Final[dict[str, str]] = {
    # --- the case
    "case.id": "案号", "case.handling_organ": "办案机关", "case.organ_name": "办案机关名称",
    "case.document_number": "文号", "case.proceeding": "案件类别", "case.handling_level": "办案检察院的级别",
    "case.record_complete": "案件记录完整",
    "case.recording_requested_by_court_or_procuratorate": "人民法院、人民检察院调取录音录像",
    # --- the offences
    "offence.charge": "涉嫌罪名", "offence.statutory_max": "法定最高刑", "offence.max_penalty": "法定最高刑种",
    "offence.max_fixed_term_years": "法定最高有期徒刑年数", "offence.intentional": "故意犯罪",
    "offence.endangers_public_safety": "严重危害公共安全犯罪",
    "offence.seriously_infringes_personal_rights": "严重侵犯公民人身权利犯罪",
    "offence.caused_serious_injury_or_death": "致人重伤、死亡", "offence.organised_crime": "黑社会性质组织犯罪",
    "offence.serious_drug_crime": "严重毒品犯罪", "offence.endangering_state_security": "危害国家安全犯罪",
    "offence.terrorism": "恐怖活动犯罪", "offence.committed_on": "实施犯罪行为的日期",
    # --- the suspect
    "suspect.name": "姓名", "suspect.birth_date": "出生日期", "suspect.blind": "盲", "suspect.deaf": "聋",
    "suspect.mute": "哑",
    "suspect.mentally_ill_not_fully_incapacitated": "尚未完全丧失辨认或者控制自己行为能力的精神病人",
    "suspect.understands_local_language": "通晓当地通用的语言文字", "suspect.can_read": "有阅读能力",
    "suspect.has_defender": "已有辩护人", "suspect.pregnant": "怀孕", "suspect.breastfeeding": "正在哺乳自己的婴儿",
    "suspect.seriously_ill": "患有严重疾病", "suspect.unable_to_care_for_self": "生活不能自理",
    "suspect.previous_intentional_crime": "曾经故意犯罪", "suspect.identity_unknown": "身份不明",
    "suspect.congress_deputy": "人民代表大会代表的级别", "suspect.female": "女性",
    "suspect.current_measure": "正在采取的强制措施",
    "suspect.work_unit_domicile_residence_same_city_or_county": "工作单位、户籍地、居住地在同一市县",
    "suspect.holds_valid_exit_document": "持有有效护照或者其他有效出境证件",
    "suspect.age_at_interrogation": "讯问时的周岁年龄", "suspect.age_at_offence": "实施犯罪时的周岁年龄",
    "suspect.age_at_arrest_request": "提请批准逮捕时的周岁年龄",
    # --- the circumstances
    "circumstances.strong_anti_investigation_capability": "犯罪嫌疑人反侦查能力较强",
    "circumstances.unstable_confession": "供述不稳定", "circumstances.likely_to_recant": "可能翻供",
    "circumstances.suspect_pleads_not_guilty": "犯罪嫌疑人作无罪辩解",
    "circumstances.defence_may_plead_not_guilty": "辩护人可能作无罪辩护",
    "circumstances.major_discrepancies_between_accounts": "犯罪嫌疑人、被害人、证人对案件事实、证据存在较大分歧",
    "circumstances.joint_crime_responsibility_unclear": "共同犯罪中难以区分犯罪嫌疑人相关责任",
    "circumstances.high_risk_of_petitions_or_media_hype": "引发信访、舆论炒作风险较大",
    "circumstances.major_social_impact_and_media_attention": "社会影响重大、舆论关注度高",
    "circumstances.other_major_difficult_complex": "其他重大、疑难、复杂情形",
    "circumstances.evidence_of_criminal_facts": "有证据证明有犯罪事实",
    "circumstances.likely_sentence": "可能判处的刑罚",
    "circumstances.likely_ten_years_or_more": "可能判处十年有期徒刑以上刑罚",
    "circumstances.bail_sufficient_against_social_danger": "采取取保候审不致发生社会危险性",
    "circumstances.custody_period_expired_case_pending": "羁押期限届满，案件尚未办结",
    "circumstances.serious_violation_of_bail_or_surveillance": "违反取保候审、监视居住规定，情节严重",
    "circumstances.arrest_conditions_in_doubt": "对是否符合逮捕条件有疑问",
    "circumstances.suspect_asks_to_see_procurators": "犯罪嫌疑人要求向检察人员当面陈述",
    "circumstances.investigation_may_be_seriously_unlawful": "侦查活动可能有重大违法行为",
    "circumstances.defence_lawyer_asks_to_be_heard": "辩护律师提出要求听取意见",
    "circumstances.other_major_crime": "其他重大犯罪案件",
    "circumstances.another_important_crime_discovered": "发现犯罪嫌疑人另有重要罪行",
    "circumstances.likely_life_imprisonment_or_death": "可能被判处无期徒刑、死刑",
    "circumstances.legal_aid_agency_notified": "已通知法律援助机构指派律师",
    "circumstances.fast_track_eligible": "认罪认罚，符合速裁程序适用条件",
    "circumstances.especially_major_and_complex": "案情特别重大、复杂",
    "circumstances.detention_or_arrest_needed": "需要采取拘留、逮捕措施",
    "circumstances.major_suspect_roving_serial_or_gang": "流窜作案、多次作案、结伙作案的重大嫌疑分子",
    "circumstances.involves_state_secret": "涉及国家秘密",
    "circumstances.no_social_danger_without_arrest": "不予逮捕不致发生社会危险性",
    "circumstances.custody_time_limit_insufficient": "羁押、拘留或者审查起诉期限内不能办结，需要继续侦查或者审查",
    "circumstances.may_leave_country_to_evade": "可能出境逃避侦查",
    "circumstances.seriously_endangers_public_order": "严重危害社会治安",
    "circumstances.egregious_and_serious": "犯罪性质恶劣、情节严重",
    "circumstances.bail_guarantee": "取保候审的保证方式", "circumstances.bail_deposit_yuan": "保证金数额",
    "circumstances.committed_new_intentional_crime": "取保候审、监视居住期间故意实施新的犯罪",
    "circumstances.attempted_suicide_flight_or_evasion": "企图自杀、逃跑或者逃避侦查、审查起诉",
    "circumstances.obstructed_evidence_or_witnesses": "毁灭、伪造证据，串供或者干扰证人作证，足以影响诉讼",
    "circumstances.unapproved_departure_serious_consequences": "未经批准擅自离开所居住的市县或者住处，造成严重后果",
    "circumstances.unapproved_departures": "未经批准擅自离开的次数",
    "circumstances.unapproved_meeting_serious_consequences": "未经批准擅自会见他人，造成严重后果",
    "circumstances.unapproved_meetings": "未经批准擅自会见他人的次数",
    "circumstances.failure_to_appear_serious_consequences": "经传讯不到案，造成严重后果",
    "circumstances.failures_to_appear": "经传讯不到案的次数",
    "circumstances.measure_violation_serious": "违反监视居住规定，情节严重",
    "circumstances.suicide_or_flight_after_crime": "犯罪后企图自杀、逃跑或者在逃",
    "circumstances.may_destroy_evidence_or_collude": "有毁灭、伪造证据或者串供可能",
    "circumstances.caught_in_the_act": "现行犯", "circumstances.deputy_of_other_region": "其他地区的人民代表大会代表",
    "circumstances.chief_procurator_approved_notice_delay": "检察长批准不在二十四小时内通知",
    "circumstances.chief_procurator_told_notice_impossible": "无法通知的情形已报告检察长",
    "circumstances.notice_exception_reasons_on_file": "未在二十四小时内通知的原因已在案卷中注明",
    "circumstances.evidence_crime_occurred": "有证据证明发生了犯罪事实",
    "circumstances.evidence_suspect_committed": "有证据证明犯罪事实是犯罪嫌疑人实施的",
    "circumstances.evidence_verified": "证明犯罪嫌疑人实施犯罪行为的证据已经查证属实",
    "circumstances.measures_insufficient_to_prevent_danger": "采取取保候审、监视居住不足以防止发生社会危险性",
    "circumstances.arrest_necessary": "有逮捕必要", "circumstances.multiple_criminal_acts": "涉嫌多个犯罪行为",
    "circumstances.joint_crime": "共同犯罪",
    "circumstances.cpl_art15_circumstance": "有1996年《刑事诉讼法》第十五条规定的不追究刑事责任的情形",
    "circumstances.foreign_related": "涉外案件", "circumstances.major_and_complex": "重大、复杂案件",
    "circumstances.major_case_clue": "要案线索", "circumstances.record_filing_subject": "报送备案的事项",
    "circumstances.record_review_objection": "上级检察院审查备案材料认为有错误或者不当",
    "circumstances.extended_questioning_approved": "传唤、拘传持续时间延长至二十四小时已获批准",
    "circumstances.bail_barred_category": "累犯、犯罪集团主犯、以自伤自残办法逃避侦查或者严重暴力犯罪等",
    "circumstances.evidence_insufficient_after_exclusion": "排除非法证据后证据不足",
    "circumstances.victim_complaint": "被害人控告的案件", "circumstances.especially_major_bribery": "特别重大贿赂犯罪案件",
    # --- the interrogations (the case writes them under interrogations[])
    "interrogation.id": "讯问编号", "interrogation.person": "被讯问、询问的人", "interrogation.start": "讯问开始时间",
    "interrogation.end": "讯问结束时间", "interrogation.place": "讯问地点", "interrogation.recorded": "全程录音录像",
    "interrogation.recording_covers_whole": "录音录像完整、未剪接删改",
    "interrogation.record_times_match_recording": "讯问笔录记载的起止时间与录音录像一致",
    "interrogation.investigators_present": "侦查人员人数",
    "interrogation.suspect_held_in_detention_house": "犯罪嫌疑人已送交看守所羁押",
    "interrogation.first_interrogation": "第一次讯问", "interrogation.defender_right_told": "已告知有权委托辩护人",
    "interrogation.asked_first_about_crime": "首先讯问是否有犯罪行为",
    "interrogation.rights_and_leniency_explained": "告知诉讼权利和认罪认罚从宽的法律规定",
    "interrogation.interpreter_present": "有翻译人员参加", "interrogation.sign_language_interpreter_present": "有通晓聋、哑手势的人参加",
    "interrogation.interpreter_noted_in_record": "笔录中注明翻译人员参加", "interrogation.record_checked": "笔录交犯罪嫌疑人核对",
    "interrogation.record_read_aloud": "笔录向犯罪嫌疑人宣读", "interrogation.record_signed": "犯罪嫌疑人签名、侦查人员签名",
    "interrogation.language_interpreter_present": "有翻译人员为不通晓当地语言文字的犯罪嫌疑人翻译",
    "interrogation.legal_representative_present": "法定代理人到场",
    "interrogation.legal_representative_unavailable": "法定代理人无法通知、不能到场或者是共犯",
    "interrogation.other_appropriate_adult_present": "其他合适成年人到场",
    "interrogation.female_staff_present": "有女工作人员在场", "interrogation.recording_storage": "录音录像存储方式",
    "interrogation.under_measure": "讯问时所处的强制措施",
    "interrogation.in_suspects_city_or_county": "讯问地点在犯罪嫌疑人所在市县",
    "interrogation.in_work_unit_city_or_county": "讯问地点在犯罪嫌疑人工作单位所在市县",
    "interrogation.in_domicile_or_residence_city_or_county": "讯问地点在犯罪嫌疑人户籍地或者居住地所在市县",
    "interrogation.place_special_circumstances": "有特殊情况在户籍地、居住地讯问",
    "interrogation.chief_procurator_approved": "传唤、拘传经检察长批准",
    "interrogation.taken_out_for_investigation_needs": "因侦查需要提押出所讯问",
    "interrogation.judicial_police_escorts": "押解的司法警察人数", "interrogation.procurators_present": "检察人员人数",
    "interrogation.lawyer_rights_notified": "已告知有权聘请律师并记明笔录",
    "interrogation.person_birth_date": "被询问人出生日期", "interrogation.person_age": "被询问人的周岁年龄",
    "interrogation.interrupted": "录音录像中断",
    "interrogation.review.illegal_methods": "采用刑讯逼供等非法方法收集证据",
    "interrogation.review.not_in_interrogation_room": "未在讯问室讯问",
    "interrogation.review.food_or_rest_not_guaranteed": "未保证犯罪嫌疑人的饮食和必要的休息时间",
    "interrogation.review.record_times_inconsistent": "讯问笔录记载的起止时间与录音录像不符",
    "interrogation.review.record_content_seriously_inconsistent": "讯问笔录与讯问过程录音录像内容严重不符",
    "interrogation.review.corrected_or_explained": "已补正或者作出合理解释",
    "interrogation.review.legality_proved": "补正或者解释后能够有效证明讯问合法",
    "interruption.reason": "中断原因", "interruption.interrogation_suspended": "中断期间停止讯问",
    "interruption.urgent_or_too_long_to_fix": "情况紧急或者排除中断事由所需时间较长，不能停止讯问",
    "interruption.stated_in_record": "在讯问笔录中写明", "interruption.suspect_signed_statement": "犯罪嫌疑人签字确认",
    "interruption.explained_on_resumption": "重新开始录音录像时口头说明中断原因和起止时间",
    # --- measures and events (measures[], events[])
    "measure.id": "措施编号", "measure.kind": "措施种类", "measure.start": "开始执行的时间", "measure.end": "结束的时间",
    "measure.decided_by": "决定机关", "measure.custody_place": "羁押处所", "measure.travel_hours": "路途所需小时数",
    "event.id": "事件编号", "event.kind": "事件种类", "event.at": "发生时间", "event.measure": "所涉措施",
    "event.recipient": "被通知人",
    # --- an interpretation a rule may read
    "interpretation.minor_suspect": "未成年犯罪嫌疑人认定的解释",
}


# `offences[*].intentional`, `interrogations[q1].place`, `measures[d1].start`: a list item, by its scope's path.
@cache
def _item() -> re.Pattern[str]:
    """An item's path prefix (`measures[2].`), compiled on first use: only Chinese answers ask for terms."""
    return re.compile(r"^(offences|interrogations|interruptions|measures|events)\[[^\]]*\]\.")


_SCOPE: Final = {"offences": "offence.", "interrogations": "interrogation.", "interruptions": "interruption.",
                 "measures": "measure.", "events": "event."}


def field_term(path: str) -> str | None:
    """The Chinese term of a field, given as `legalrules facts` names it or as the case writes it
    (`offences[*].intentional`, `measures[d1].start`); None if it has none."""
    return FIELD_TERMS.get(_item().sub(lambda m: _SCOPE[m[1]], path))
