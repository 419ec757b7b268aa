"""A case fact as a Chinese reader reads it: its term, then the key the case writes (`聋（suspect.deaf）`).

The terms are the case's own (`case.field_terms` for fields, `case.chinese_terms` for
closed-vocabulary values): the same words `legalrules init --lang zh` writes beside each
field. The key stays after the term so the officer can find the line in the case file.
English keeps the key alone: it is the officer's own word there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from ..case.chinese_terms import term
from ..patterns import on_first_use
from ..case.field_terms import field_term
from ..interpretations import INTERPRETATION_ZH

# A field path as the rules and the decision write it: `suspect.deaf`, `interrogation.review.illegal_methods`,
# `offences[*].organised_crime`, `measures[d1].start`; not a rule id (`crim_proc.art122`, no term) nor a file name.
_PATH: Final = on_first_use(r"(?<![\w.`/（])((?:[a-z]+\[[^\]\s]*\]\.)?[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+)(?![\w（(])")
# A value as a condition quotes it (`'optical_disc'`), and a rule's parameter beside its value (`major_term_years (10)`).
_QUOTED: Final = on_first_use(r"'([a-z][a-z0-9_]*)'")
_PARAM: Final = on_first_use(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+ ?[（(]([^()（）]*)[)）]")
_BOOL: Final = on_first_use(r"(为|不为|[=:：]) ?(true|false|True|False)\b")
_CONCLUSION: Final = on_first_use(r"结论 ([a-z][a-z0-9_]*) 为(是|否)")
# Values the law has no term for: said plainly.
_PLAIN_ZH: Final = {"none": "无", "other": "其他", "death": "死刑", "life": "无期徒刑", "fixed_term": "有期徒刑"}


def fact_said(path: str, lang: str) -> str:
    """A fact as the reader reads it: `聋（suspect.deaf）` in Chinese, `suspect.deaf` in English."""
    chinese = field_term(path) if lang == "zh" else None
    return f"{chinese}（{path}）" if chinese else path


def facts_said(paths: Sequence[str], lang: str, shown: int = 3) -> str:
    """The first `shown` facts, joined as the language joins a list."""
    return ("、" if lang == "zh" else ", ").join(fact_said(path, lang) for path in paths[:shown]) if paths else "—"


def value_said(value: object, lang: str) -> str:
    """A fact's value: 是/否, an identifier by its Chinese term, unknown as 未知."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if value is None:
        return "未知" if lang == "zh" else "unknown"
    if lang == "zh" and isinstance(value, str):
        return _value_zh(value)
    if lang == "zh" and isinstance(value, (list, tuple)):
        return "、".join(value_said(item, lang) for item in value)
    return str(value)


def _value_zh(identifier: str) -> str:
    """An identifier value in Chinese: its term, a plain word, or the reading of an interpretation it names."""
    reading = next((answers[identifier][0] for _, answers in INTERPRETATION_ZH.values() if identifier in answers), None)
    return term(identifier) or _PLAIN_ZH.get(identifier) or reading or identifier


def condition_facts_zh(text: str, conclusion_title: Callable[[str], str] | None = None) -> str:
    """A condition already in Chinese words (`interrogation.place 属于 ['detention_house']`) with its facts,
    values, parameters and conclusions said as an officer reads them:
    `讯问地点（interrogation.place） 属于 [看守所]`, `>= 10`, `“属于重大犯罪案件”为是`."""
    text = _PARAM().sub(lambda m: m[1], text)
    text = _QUOTED().sub(lambda m: _value_zh(m[1]), text)
    text = _BOOL().sub(lambda m: f"{m[1]}{'是' if m[2].lower() == 'true' else '否'}", text)
    text = _PATH().sub(lambda m: fact_said(m[1], "zh"), text)
    if conclusion_title is not None:
        text = _CONCLUSION().sub(lambda m: f"“{conclusion_title(m[1])}”为{m[2]}", text)
    return text
