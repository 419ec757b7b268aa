"""Deadline words in the reader's language: due times, statuses and extension options.

`deadline_words` words deadlines in English for every document; this module gives
the same values in Chinese as well, for `--lang zh`: `2025-10-09 周四 18:00`,
`逾期3小时`, and each extension option with its own due time, so the table, the
agenda and the calendar can show what the law allows beyond the base due time
(until now only JSON and ICS carried it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final, Literal

from ..case.instants import local
from ..decision.deadlines import DeadlineOutcome, ExtensionUse
from .deadline_words import WEEKDAYS_ZH, extension_line, format_clock, format_due, status_words
from .engine_zh import in_chinese
from .notices.words import TRANSLATION_MARK, duration, is_chinese

Lang = Literal["zh", "en"]


def due_text(moment: datetime, lang: Lang) -> str:
    """A local instant as a deadline reads: `2025-10-09 Thu 18:00` or `2025-10-09 周四 18:00`."""
    if lang == "en":
        return format_due(moment)
    shown = local(moment)
    return f"{shown.date().isoformat()} {WEEKDAYS_ZH[shown.weekday()]} {format_clock(moment)}"


def status_in(outcome: DeadlineOutcome, lang: Lang) -> str:
    """The status in a few words: `missed by 1 h 35 min` / `逾期1小时35分钟`, `pending, 2 days left` / `尚余2天`."""
    if lang == "en":
        return status_words(outcome)
    if outcome.status == "missed":
        if outcome.late_by_seconds is None:
            return "已逾期"
        late = duration(outcome.late_by_seconds, "zh")
        return f"逾期{late}完成" if outcome.met_at is not None else f"已逾期{late}，尚未完成"
    if outcome.status == "pending":
        if outcome.time_left_seconds is None:
            return "应当立即履行"
        return f"尚余{duration(outcome.time_left_seconds, 'zh')}"
    return {"met": "已按期完成", "excepted": "依法免除", "undetermined": "待定",
            "not_recorded": "期限已届满，案件材料未载明是否履行"}[outcome.status]


def _approved(option: ExtensionUse, lang: Lang) -> str:
    if option.approved is None:
        return "案件未载明是否批准" if lang == "zh" else "approval not stated in the case"
    if lang == "zh":
        return "已批准" if option.approved else "未批准"
    return "approved" if option.approved else "not approved"


def extension_text(option: ExtensionUse, lang: Lang, citation: str) -> str:
    """One extension option: what the law allows, its due time if extended, and whether approved.

    In Chinese the option is given in the statute's own words (its quote); in English by
    its title up to the parenthesis (`complex case that cannot be concluded in time`).
    Approval is said only when the case states it.
    """
    due = due_text(option.due, lang) if option.due is not None else "—"
    approval = "" if option.approved is None else _approved(option, lang)
    if lang == "zh":
        said = f"可延长：{extension_clause_zh(option)}，延长后至{due}（{citation}）"
        return f"{said}，{approval}" if approval else said
    return extension_line(option).replace(f"[{option.citation}]", f"[{citation}]")


def extension_clause_zh(option: ExtensionUse) -> str:
    """The clause allowing an extension, in the statute's words."""
    # A clause quoted from an English translation (procuratorate_1999) is marked as such, never passed off as Chinese.
    return option.quote if is_chinese(option.quote) else f"“{option.quote}{TRANSLATION_MARK}”"


def extension_heading(option: ExtensionUse, lang: Lang, citation: str) -> str:
    """The heading of an extension option's own computation: which extension, under which article."""
    if lang == "zh":
        return f"延长时的计算（{extension_clause_zh(option)}，{citation}）："
    return f"computation if extended ({option.title.split(' (', 1)[0]}, {citation}):"


def details_zh(outcome: DeadlineOutcome, cite: Callable[[str], str]) -> list[str]:
    """The notes under a deadline, in Chinese: extension options in the statute's words, what met it, what decides it."""
    lines = []
    if outcome.due != outcome.base_due:
        lines.append(f"已批准延长；不延长时应于{due_text(outcome.base_due, 'zh')}前完成")
    if outcome.status not in ("met", "excepted"):
        lines += [extension_text(option, "zh", cite(option.citation))
                  for option in outcome.extensions if not option.approved]
    if outcome.met_at is not None and outcome.status in ("met", "missed"):
        lines.append(f"完成：{in_chinese(outcome.met_by or '')}，{due_text(outcome.met_at, 'zh')}")
    if outcome.status == "excepted" and outcome.exception:
        lines.append(f"例外：{in_chinese(outcome.exception)}")
    elif outcome.status == "undetermined":
        lines.append("取决于：" + "、".join(outcome.deciding_facts))
    # Why the due time may be wrong (a year without holiday data), as the English details say it.
    return lines + [in_chinese(caveat) for caveat in outcome.caveats]
