"""`legalrules explain CASE DEADLINE_ID`: one deadline rule, how its text was read, and where it stands on a case.

A deadline rule (`crim_proc.art91.1`) may set several duties; for each: its title, the
article cited and quoted, the interpretation the ruleset records (how an open text
was read: where the clock starts, what meets the duty), then each subject of the case
whose clock it runs, with the due time, status and the notes `legalrules deadlines`
gives, and the computation step by step (`steps_zh` in Chinese), then each extension
the law allows computed as if granted; or what the case lacks to start it; or that it
does not bind this case.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ...decision.model import Decision
from ...ruleformat.compiled import CompiledDeadline
from ..deadline_lang import details_zh, due_text, extension_heading, status_in
from ..deadline_words import detail_lines
from ..engine_zh import in_chinese
from ..steps_zh import step_zh
from ..subjects import SubjectNames
from ..vocabulary import Lang, Vocabulary
from .wrapping import hanging

WIDTH: Final = 100
_WORDS: Final = {
    "en": {"interpretation": "interpretation", "on_case": "On case {case}, as of {as_of}:", "steps": "computation:",
           "due": "{subject}: due {due}, {status}", "not_started": "not started: {missing}",
           "none": "no clock of this duty runs on this case: its condition does not hold, or the instrument "
                   "does not bind this case's organ or dates (`legalrules evaluate --full` says which)",
           "none_on": "no clock of this duty runs on {subject}"},
    "zh": {"interpretation": "解释", "on_case": "案件 {case}，截至 {as_of}：", "steps": "计算：",
           "due": "{subject}：应于{due}前完成，{status}", "not_started": "尚未起算：{missing}",
           "none": "本案没有这项期限：其条件不成立，或者该文件不约束本案的办案机关或者日期（`legalrules evaluate --full` 说明原因）",
           "none_on": "{subject}没有这项期限"},
}


def _entry(text: str, indent: int) -> list[str]:
    return hanging(text, " " * indent, " " * (indent + 2), WIDTH)


def _steps(steps: Sequence[str], lang: Lang) -> list[str]:
    """A period's computation (CPL Art. 105, SPC Interpretation 2021 Art. 202), a step a line."""
    said = (step.strip() if lang == "en" else step_zh(step).strip() for step in steps)
    return [line for step in said for line in _entry(f"- {step}", 8)]


def explain_deadline(deadlines: Sequence[CompiledDeadline], decision: Decision, words: Vocabulary,
                     names: SubjectNames, only: str | None = None) -> str:
    """The deadline rule `deadlines` (its duties, one id) explained on the case `decision` decided
    (`only`: the one subject the decision was cut to, by position)."""
    lang = words.lang
    said = _WORDS[lang]
    lines: list[str] = []
    for deadline in deadlines:
        spec = deadline.spec
        title = words.deadline_title(deadline.id, spec.duty, spec.title)
        lines += [*_entry(f"{deadline.id}: {title}", 0), *_entry(words.citation(deadline.citation), 2),
                  *_entry(f"“{spec.quote.strip()}”", 2)]
        reading = spec.interpretation_zh if lang == "zh" else spec.interpretation
        if reading:
            lines += _entry(f"{said['interpretation']}{'：' if lang == 'zh' else ': '}{' '.join(reading.split())}", 2)
        lines += ["", *_entry(said["on_case"].format(case=decision.case_id, as_of=due_text(decision.as_of, lang)), 2)]
        outcomes = [o for o in decision.deadlines if (o.rule_id, o.duty) == (deadline.id, spec.duty)]
        for outcome in outcomes:
            lines += _entry(said["due"].format(subject=names.name(outcome.subject), due=due_text(outcome.due, lang),
                                               status=status_in(outcome, lang)), 4)
            notes = (detail_lines(outcome) if lang == "en"
                     else [words.exceptions_said(line) for line in details_zh(outcome, words.citation)])
            for note in notes:
                lines += _entry(f"> {words.cite_in(names.relabel(note))}", 6)
            lines += [*_entry(said["steps"], 6), *_steps(outcome.steps, lang)]
            # Each extension the law allows, computed as if granted (the one granted is the computation above).
            for option in outcome.extensions:
                if option.steps and option.steps != outcome.steps:
                    heading = extension_heading(option, lang, words.citation(option.citation))
                    lines += [*_entry(heading, 6), *_steps(option.steps, lang)]
        waiting = [n for n in decision.deadlines_not_started if (n.rule_id, n.duty) == (deadline.id, spec.duty)]
        for item in waiting:
            missing = item.missing if lang == "en" else in_chinese(item.missing)
            lines += _entry(said["not_started"].format(missing=missing), 4)
        if not outcomes and not waiting:
            lines += _entry(said["none"] if only is None else said["none_on"].format(subject=names.name(only)), 4)
        lines.append("")
    return "\n".join(lines)
