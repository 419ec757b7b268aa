"""`legalrules init`: a commented case file to start from, with the fields that matter for one situation.

Each field carries a comment giving its Chinese term (and, in English, its meaning),
and each closed-vocabulary value its term, so an officer can fill it in without the
schema open. The example values are valid, so the file evaluates as written; a fact
not known is deleted, never guessed (unknown is not false).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from .chinese_terms import term
from .field_terms import field_term

Kind = Literal["detention", "summons", "arrest", "interrogation", "designated_residence_surveillance"]
KINDS: Final[tuple[Kind, ...]] = ("detention", "summons", "arrest", "interrogation",
                                  "designated_residence_surveillance")
Lang = Literal["zh", "en"]

# (YAML line, Chinese note, English note); `{t:value}` in a note becomes the value's Chinese term, `{f:path}`
# the field's (one table, `case.field_terms`, which the answers and the schema read too).
_Line = tuple[str, str, str]

_HEAD: Final[tuple[_Line, ...]] = (
    ("case:", "案件", "the case"),
    ("  id: 公刑〔2026〕0001", "{f:case.id}", "the case number"),
    ("  handling_organ: public_security", "{f:case.handling_organ}：public_security {t:public_security}，procuratorate {t:procuratorate}，"
     "state_security {t:state_security}", "the organ handling it"),
    ("  organ_name: 某某市公安局", "{f:case.organ_name}（通知书抬头）", "the organ's name, for the notices' header"),
    ("  document_number: 公刑拘字〔2026〕1号", "{f:case.document_number}", "the document number (文号) of the notice"),
    ("  proceeding: criminal", "{f:case.proceeding}：{t:criminal}", "a criminal case"),
    ("offences:", "涉嫌犯罪", "offences investigated"),
    ("  - charge: 诈骗罪", "{f:offence.charge}", "the charge"),
    ("    statutory_max: 10", "{f:offence.statutory_max}：death 死刑，life 无期徒刑，或有期徒刑的年数", "the statutory maximum"),
    ("    intentional: true", "{f:offence.intentional}", "an intentional crime"),
    ("suspect:", "犯罪嫌疑人", "the suspect"),
    ("  name: 张三", "{f:suspect.name}", "name"),
    ("  birth_date: 1990-01-01", "{f:suspect.birth_date}（年龄按每次讯问之日计算）", "birth date (age is computed, never stored)"),
    ("  deaf: false", "{f:suspect.deaf}", "deaf"),
    ("  mute: false", "{f:suspect.mute}", "mute"),
    ("  can_read: true", "{f:suspect.can_read}", "can read"),
    ("  understands_local_language: true", "{f:suspect.understands_local_language}", "understands the local language"),
)

_MEASURE: Final[dict[Kind, tuple[_Line, ...]]] = {
    "summons": (
        ("measures:", "强制措施", "coercive measures"),
        ("  - id: s1", "措施编号（输出中以此称呼）", "the id the output calls it by"),
        ("    kind: summons", "{t:summons}", "summons"),
        ("    start: 2026-11-21T08:00:00+08:00", "传唤开始（到案）时间", "when it began"),
        ("    end: 2026-11-21T18:00:00+08:00", "传唤结束时间", "when it ended"),
    ),
    "detention": (
        ("measures:", "强制措施", "coercive measures"),
        ("  - id: d1", "措施编号（输出中以此称呼）", "the id the output calls it by"),
        ("    kind: detention", "{t:detention}", "detention"),
        ("    decided_by: public_security", "{f:measure.decided_by}", "the deciding organ"),
        ("    start: 2026-11-21T10:25:00+08:00", "执行拘留的时间（期限自此起算）", "when detention began (clocks start)"),
        ("    custody_place: 某某市看守所", "{f:measure.custody_place}", "place of custody"),
    ),
    "arrest": (
        ("measures:", "强制措施", "coercive measures"),
        ("  - id: a1", "措施编号（输出中以此称呼）", "the id the output calls it by"),
        ("    kind: arrest", "{t:arrest}", "arrest"),
        ("    decided_by: procuratorate", "批准或者决定机关", "the approving or deciding organ"),
        ("    start: 2026-11-21T10:25:00+08:00", "执行逮捕的时间（期限自此起算）", "when the arrest was executed"),
        ("    custody_place: 某某市看守所", "{f:measure.custody_place}", "place of custody"),
    ),
    "designated_residence_surveillance": (
        ("measures:", "强制措施", "coercive measures"),
        ("  - id: r1", "措施编号（输出中以此称呼）", "the id the output calls it by"),
        ("    kind: designated_residence_surveillance", "{t:designated_residence_surveillance}",
         "residential surveillance at a designated residence"),
        ("    decided_by: public_security", "{f:measure.decided_by}", "the deciding organ"),
        ("    start: 2026-11-21T10:25:00+08:00", "执行的时间（期限自此起算）", "when it began"),
    ),
}

_EVENTS: Final[dict[Kind, tuple[_Line, ...]]] = {
    "summons": (
        ("events:", "事件", "events"),
        ("  - {id: e1, kind: arrived_for_questioning, at: 2026-11-21T08:00:00+08:00, measure: s1}",
         "{t:arrived_for_questioning}", "arrived for questioning"),
    ),
    "detention": (
        ("events:", "事件（删去尚未发生的）", "events (delete those that have not happened)"),
        ("  - {id: e1, kind: transferred_to_detention_house, at: 2026-11-21T16:00:00+08:00, measure: d1}",
         "{t:transferred_to_detention_house}", "delivered to the detention house"),
        ("  - {id: e2, kind: family_notified, at: 2026-11-21T18:00:00+08:00, measure: d1, recipient: 李四（妻）}",
         "{t:family_notified}；recipient {f:event.recipient}", "the family notified; recipient: who"),
    ),
    "arrest": (
        ("events:", "事件（删去尚未发生的）", "events (delete those that have not happened)"),
        ("  - {id: e1, kind: family_notified, at: 2026-11-21T18:00:00+08:00, measure: a1, recipient: 李四（妻）}",
         "{t:family_notified}；recipient 被通知人", "the family notified; recipient: who"),
    ),
    "designated_residence_surveillance": (
        ("events:", "事件（删去尚未发生的）", "events (delete those that have not happened)"),
        ("  - {id: e1, kind: family_notified, at: 2026-11-21T18:00:00+08:00, measure: r1, recipient: 李四（妻）}",
         "{t:family_notified}；recipient 被通知人", "the family notified; recipient: who"),
    ),
}

_INTERROGATION: Final[tuple[_Line, ...]] = (
    ("interrogations:", "讯问", "interrogations"),
    ("  - id: q1", "{f:interrogation.id}（输出中以此称呼）", "the id the output calls it by"),
    ("    start: 2026-11-21T11:00:00+08:00", "{f:interrogation.start}", "start"),
    ("    end: 2026-11-21T12:30:00+08:00", "{f:interrogation.end}", "end"),
    ("    place: law_enforcement_venue", "{f:interrogation.place}：law_enforcement_venue {t:law_enforcement_venue}，"
     "detention_house {t:detention_house}，residence {t:residence}，designated_place {t:designated_place}", "where"),
    ("    recorded: true", "{f:interrogation.recorded}", "recorded on audio and video"),
    ("    recording_covers_whole: true", "{f:interrogation.recording_covers_whole}", "the recording covers it whole"),
    ("    investigators_present: 2", "{f:interrogation.investigators_present}", "investigators present"),
    ("    record_checked: true", "{f:interrogation.record_checked}", "the record was given to check"),
    ("    record_signed: true", "{f:interrogation.record_signed}", "the record was signed"),
)


def _note(text: str) -> str:
    """A note with `{t:value}` as the value's Chinese term and `{f:path}` as the field's (`case.field_terms`)."""
    return _NOTE_TERM.sub(lambda m: (term(m[2]) if m[1] == "t" else field_term(m[2])) or m[2], text)


_NOTE_TERM: Final = re.compile(r"\{([tf]):([a-z_.]+)\}")


def skeleton(kind: Kind, lang: Lang) -> str:
    """The commented case file for `kind`, comments in `lang`."""
    head = ("# legalrules 案件文件：替换示例值；不知道的事实删去（未知不等于“否”，相关结论为“待定”）。\n"
            "# 时间写作 2026-11-21T10:25:00+08:00；不写时区的按北京时间读取并提示。`legalrules schema` 列出全部字段。\n"
            if lang == "zh" else
            "# A legalrules case file: replace the example values; delete any fact you do not know\n"
            "# (unknown is not false: what depends on it is undetermined). Times: 2026-11-21T10:25:00+08:00;\n"
            "# a time without an offset is read as Beijing time, with a warning. `legalrules schema` lists every field.\n")
    lines = [*_HEAD, *_MEASURE.get(kind, ()), *_EVENTS.get(kind, ()), *_INTERROGATION]
    width = max(_width(text) for text, _, _ in lines if _width(text) < _LONG) + 2
    body = []
    for text, zh, en in lines:
        note = _note(zh) if lang == "zh" else f"{en} ({_note(zh)})"
        if _width(text) >= _LONG:  # a long line gets its comment on the line above, at its indent
            indent = text[:len(text) - len(text.lstrip())]
            body += [f"{indent}# {note}", text]
        else:
            body.append(f"{text}{' ' * (width - _width(text))}# {note}")
    return head + "\n".join(body) + "\n"


_LONG: Final = 60


def _width(text: str) -> int:
    """Columns the text takes in an editor (Chinese characters two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
