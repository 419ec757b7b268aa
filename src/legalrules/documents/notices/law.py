"""The few clauses a notice cites that are not in the decision: what a notice form must say.

The decision carries the duty (CPL Art. 85 para. 2: notify the family within 24
hours) with its citation and quote; the notices quote those. What the *document*
must contain is set by the Public Security procedures (PSP 2020): a detention or
arrest notice states the reason and the place of custody (Arts. 127 and 145), the
deciding organ notifies under designated-residence surveillance (Art. 113), a notice
not given within 24 hours records why. The food-and-rest reminder of a summons time
record is CPL Art. 119 para. 3, which the crim_proc ruleset indexes but does not
encode as a rule. The psp_2020 ruleset times the PSP duties (its deadlines are cited
beside the CPL's), but what the document must say is no deadline or conclusion, so
these clauses live here, quoted verbatim from
the texts in `shared/sources/statutes-zh/` (a test checks every quote against them);
the English is this project's rendering, and the notices say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Instrument:
    """A legal instrument a form clause comes from, and its source text under shared/sources."""

    title_zh: str
    title_en: str
    source: str


@dataclass(frozen=True)
class FormClause:
    """One clause a notice cites for its own content, quoted verbatim, with an English rendering."""

    instrument: Instrument
    article: int
    paragraph: int | None
    quote_zh: str
    gloss_en: str


CPL_2018: Final = Instrument(
    "中华人民共和国刑事诉讼法（2018年修正）",
    "Criminal Procedure Law of the People's Republic of China (2018 revision)",
    "statutes-zh/cpl_2018.md",
)
PSP_2020: Final = Instrument(
    "公安机关办理刑事案件程序规定（2020年修正）",
    "Provisions on the Procedures for Handling Criminal Cases by Public Security Organs (2020 amendment)",
    "statutes-zh/psp_2020.md",
)

SPP_2012: Final = Instrument(
    "人民检察院刑事诉讼规则（试行）",
    "Rules of Criminal Procedure of the People's Procuratorates (Trial) (2012)",
    "statutes-zh/spp_2012.md",
)
SPP_2019: Final = Instrument(
    "人民检察院刑事诉讼规则",
    "Rules of Criminal Procedure of the People's Procuratorates (2019)",
    "statutes-zh/spp_2019.md",
)

CLAUSES: Final[dict[str, FormClause]] = {
    "detention_notice_content": FormClause(
        PSP_2020, 127, 1, "拘留通知书应当写明拘留原因和羁押处所。",
        "The detention notice states the reason for the detention and the place of custody."),
    "detention_notice_late_reason": FormClause(
        PSP_2020, 127, 5, "对于没有在二十四小时以内通知家属的，应当在拘留通知书中注明原因。",
        "Where the family was not notified within 24 hours, the detention notice records the reason."),
    "arrest_notice_content": FormClause(
        PSP_2020, 145, 1, "逮捕通知书应当写明逮捕原因和羁押处所。",
        "The arrest notice states the reason for the arrest and the place of custody."),
    "arrest_notice_late_reason": FormClause(
        PSP_2020, 145, 4, "对于没有在二十四小时以内通知家属的，应当在逮捕通知书中注明原因。",
        "Where the family was not notified within 24 hours, the arrest notice records the reason."),
    "designated_residence_notice_content": FormClause(
        PSP_2020, 113, 1,
        "指定居所监视居住的，除无法通知的以外，应当制作监视居住通知书，在执行监视居住后二十四小时以内，"
        "由决定机关通知被监视居住人的家属。",
        "For residential surveillance at a designated residence, unless notice is impossible, a "
        "residential-surveillance notice is made and the deciding organ notifies the family within 24 "
        "hours of the execution."),
    "designated_residence_notice_impossible_reason": FormClause(
        PSP_2020, 113, 4, "无法通知家属的，应当在监视居住通知书中注明原因。",
        "Where the family cannot be notified, the residential-surveillance notice records the reason."),
    "summons_no_disguised_detention_food_rest": FormClause(
        CPL_2018, 119, 3,
        "不得以连续传唤、拘传的形式变相拘禁犯罪嫌疑人。传唤、拘传犯罪嫌疑人，应当保证犯罪嫌疑人的饮食和必要的休息时间。",
        "A suspect may not be held in disguised detention by successive summonses or compelled "
        "appearances. A suspect summoned or compelled to appear is guaranteed food and the necessary rest."),
    "summons_food_rest_recorded": FormClause(
        PSP_2020, 201, None, "传唤、拘传、讯问犯罪嫌疑人，应当保证犯罪嫌疑人的饮食和必要的休息时间，并记录在案。",
        "When a suspect is summoned, compelled to appear or interrogated, food and the necessary rest are "
        "guaranteed and recorded in the file."),
    "summons_times_on_warrant": FormClause(
        PSP_2020, 199, 2,
        "犯罪嫌疑人到案后，应当由其在传唤证上填写到案时间。传唤结束时，应当由其在传唤证上填写传唤结束时间。"
        "犯罪嫌疑人拒绝填写的，侦查人员应当在传唤证上注明。",
        "After arriving, the suspect writes the arrival time on the summons; when the summons ends, the "
        "suspect writes its end time on it. If the suspect refuses, the investigator notes that on it."),
    "compelled_appearance_times_on_warrant": FormClause(
        PSP_2020, 79, 2,
        "犯罪嫌疑人到案后，应当责令其在拘传证上填写到案时间；拘传结束后，应当由其在拘传证上填写拘传结束时间。"
        "犯罪嫌疑人拒绝填写的，侦查人员应当在拘传证上注明。",
        "After arriving, the suspect is required to write the arrival time on the compelled-appearance "
        "warrant; when it ends, the suspect writes its end time on it. If the suspect refuses, the "
        "investigator notes that on it."),
    # The procuratorate's own notices (SPP 2019). Art. 123 says whom the procuratorate
    # notifies of its detention, and that it does so itself; where notice is impossible the
    # reason is written into the file and the family notified once that ends (para. 2). Art.
    # 301 says an arrest notice gives the reason and the place of custody, and a notice
    # impossible at first is given once that ends. Neither asks a late notice to say why.
    "procuratorate_detention_notice": FormClause(
        SPP_2019, 123, None, "对犯罪嫌疑人拘留后，除无法通知的以外，人民检察院应当在二十四小时以内，通知被拘留人的家属。",
        "After detaining a suspect, the people's procuratorate notifies the detained person's family within 24 "
        "hours, unless notice is impossible."),
    "procuratorate_detention_notice_impossible": FormClause(
        SPP_2019, 123, 2, "无法通知的，应当将原因写明附卷。无法通知的情形消除后，应当立即通知其家属。",
        "Where notice is impossible, the reason is written into the file; the family is notified at once when "
        "that ends."),
    "procuratorate_arrest_notice_content": FormClause(
        SPP_2019, 301, None, "除无法通知的以外，负责侦查的部门应当把逮捕的原因和羁押的处所，在二十四小时以内通知其家属。",
        "Unless notice is impossible, the investigating department tells the family, within 24 hours, the "
        "reason for the arrest and the place of custody."),
    "procuratorate_arrest_notice_once_possible": FormClause(
        SPP_2019, 301, None, "对于无法通知的，在无法通知的情形消除后，应当立即通知其家属。",
        "Where notice was impossible, the family is notified at once when that ends."),
    # The same notices under the 2012 trial rules (2013-01-01 to 2019-12-29). Art. 133 says
    # whom the procuratorate notifies of its detention; an impossible notice is reported to
    # the chief procurator with its reason written into the file, and given once possible
    # (para. 2). Arts. 336 (below the provincial level) and 347 (the Supreme and provincial
    # procuratorates) say an arrest notice gives the reason and the place of custody.
    "procuratorate_2012_detention_notice": FormClause(
        SPP_2012, 133, 1, "对犯罪嫌疑人拘留后，除无法通知的以外，人民检察院应当在二十四小时以内，通知被拘留人的家属。",
        "After detaining a suspect, the people's procuratorate notifies the detained person's family within 24 "
        "hours, unless notice is impossible."),
    "procuratorate_2012_detention_notice_impossible": FormClause(
        SPP_2012, 133, 2, "无法通知的，应当向检察长报告，并将原因写明附卷。无法通知的情形消除后，应当立即通知其家属。",
        "Where notice is impossible, the chief procurator is told and the reason is written into the file; the "
        "family is notified at once when that ends."),
    "procuratorate_2012_arrest_notice_content": FormClause(
        SPP_2012, 336, None,
        "除无法通知的以外，下级人民检察院侦查部门应当把逮捕的原因和羁押的处所，在二十四小时以内通知被逮捕人的家属。",
        "Unless notice is impossible, the investigation department of the lower procuratorate tells the arrested "
        "person's family, within 24 hours, the reason for the arrest and the place of custody."),
    "procuratorate_2012_arrest_notice_once_possible": FormClause(
        SPP_2012, 336, None, "对于无法通知的，在无法通知的情形消除后，应当立即通知其家属。",
        "Where notice was impossible, the family is notified at once when that ends."),
    "procuratorate_2012_upper_arrest_notice_content": FormClause(
        SPP_2012, 347, None, "除无法通知的以外，侦查部门应当把逮捕的原因和羁押的处所，在二十四小时以内通知被逮捕人的家属。",
        "Unless notice is impossible, the investigation department tells the arrested person's family, within 24 "
        "hours, the reason for the arrest and the place of custody."),
    "procuratorate_2012_upper_arrest_notice_once_possible": FormClause(
        SPP_2012, 347, None, "对于无法通知的，在无法通知的情形消除后，应当立即通知其家属。",
        "Where notice was impossible, the family is notified at once when that ends."),
}

# Which clauses say what each family notice must contain, and which require the reason
# for a notice not given within 24 hours (for designated residence: only when impossible).
NOTICE_CONTENT: Final[dict[str, str]] = {
    "detention": "detention_notice_content",
    "arrest": "arrest_notice_content",
    "designated_residence_surveillance": "designated_residence_notice_content",
}
# The procuratorate's notices rest on its own rules instead, by the deadline rule that called
# for them (SPP 2019 from 2019-12-30, the 2012 trial rules before); None: no clause asks why.
RULE_CONTENT: Final[dict[str, str]] = {
    "spp_2019.art123": "procuratorate_detention_notice",
    "spp_2019.art301": "procuratorate_arrest_notice_content",
    "spp_2012.art133.1": "procuratorate_2012_detention_notice",
    "spp_2012.art336": "procuratorate_2012_arrest_notice_content",
    "spp_2012.art347": "procuratorate_2012_upper_arrest_notice_content",
}
RULE_LATE: Final[dict[str, str | None]] = {
    "spp_2019.art123": "procuratorate_detention_notice_impossible",
    "spp_2019.art301": "procuratorate_arrest_notice_once_possible",
    "spp_2012.art133.1": "procuratorate_2012_detention_notice_impossible",
    "spp_2012.art336": "procuratorate_2012_arrest_notice_once_possible",
    "spp_2012.art347": "procuratorate_2012_upper_arrest_notice_once_possible",
}
LATE_REASON: Final[dict[str, str]] = {
    "detention": "detention_notice_late_reason",
    "arrest": "arrest_notice_late_reason",
    "designated_residence_surveillance": "designated_residence_notice_impossible_reason",
}
