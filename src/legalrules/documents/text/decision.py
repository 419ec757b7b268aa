"""Plain-words text output of decisions and explanations, for an officer at a terminal."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import Any, Final

from ..deadline_words import format_due
from ...decision.model import ConclusionOutcome, Decision, Reading, RuleOutcome
from ...case.instants import format_local
from ..engine_zh import name_deadlines
from .governing import governing_lines
from ..subjects import SubjectNames
from .sentences import first_sentence

_WORD = {"true": "YES", "false": "NO", "undetermined": "UNDETERMINED"}
# A false conclusion means no ground the law gives for it holds: said by kind, in an officer's words.
_FALSE_WORD = {"obligation": "NOT REQUIRED", "prohibition": "NOT FORBIDDEN", "permission": "NOT PERMITTED",
               "finding": "NO"}
_FALSE_WHY = "none of the grounds the law gives for it holds on these facts"


def _word(item: ConclusionOutcome) -> str:
    return _FALSE_WORD[item.kind] if item.value == "false" else _WORD[item.value]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_PARAMETER: Final = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+ \(([^()]*)\)")
_CONCLUSION: Final = re.compile(r"\bconclusion[ :]([a-z][a-z0-9_]*)")


def plain_condition(text: str, titles: Mapping[str, str]) -> str:
    """A condition with no internal name: a parameter by its value (`>= 10`), a conclusion by its title."""
    text = _PARAMETER.sub(r"\1", text)
    return _CONCLUSION.sub(lambda m: f"“{titles.get(m[1], m[1].replace('_', ' '))}”", text)


def reading_text(reading: Reading, titles: Mapping[str, str] | None = None) -> str:
    """`interrogation.place is one of [...]` — read 'residence'."""
    titles = titles or {}
    if reading.fact is None:
        return plain_condition(reading.condition, titles)
    shown = _value(reading.value) if reading.known else "unknown"
    return plain_condition(f"{reading.condition}  [{reading.fact} = {shown}]", titles)


def _quote(text: str, indent: str) -> list[str]:
    return textwrap.wrap(f"“{text}”", width=96, initial_indent=indent, subsequent_indent=indent)


def rule_lines(rule: RuleOutcome, indent: str = "      ", quote: bool = True,
               titles: Mapping[str, str] | None = None) -> list[str]:
    """A rule's citation, quoted clause, and the readings that decided it."""
    lines = [f"{indent}{rule.citation} ({rule.rule_id}): {rule.title}"]
    if quote:
        lines += _quote(rule.quote, indent + "  ")
    if rule.value == "true":
        lines.append(f"{indent}  reason: {rule.reason}")
        lines += [f"{indent}  met: {reading_text(r, titles)}" for r in rule.satisfied_by]
    elif rule.why_not is not None:
        word = "unknown" if rule.value == "undetermined" else "failed"
        lines.append(f"{indent}  {word}: {reading_text(rule.why_not, titles)}")
    for param in rule.parameters:
        lines.append(f"{indent}  parameter: {param.value} {param.unit} ({param.citation})")
    if rule.interpretation:
        # The first sentence names the reading; `legalrules explain` prints it whole.
        first = first_sentence(rule.interpretation)
        lines += textwrap.wrap(f"interpretation: {first}", width=96,
                               initial_indent=indent + "  ", subsequent_indent=indent + "    ")
    return lines


def _conclusion_lines(item: ConclusionOutcome, titles: Mapping[str, str]) -> list[str]:
    head = f"  {_word(item):<13}{item.title}  [{item.kind}]"
    lines = [head]
    if item.value == "true":
        for rule in item.established_by:
            lines += rule_lines(rule, titles=titles)
        if item.compliance is not None:
            condition = plain_condition(item.compliance.condition, titles)
            lines.append(f"      compliance: {item.compliance.status.upper()} ({condition})")
    elif item.value == "false":
        lines.append(f"      {_FALSE_WORD[item.kind].lower()}: {_FALSE_WHY}:")
        for rule in item.not_established_by:
            lines += rule_lines(rule, "        ", quote=False, titles=titles)
    else:
        lines.append("      would be decided by: " + ", ".join(item.deciding_facts or ["(nothing known)"]))
        for rule in item.not_established_by:
            if rule.value == "undetermined":
                lines += rule_lines(rule, "        ", quote=False, titles=titles)
    return lines


_KIND_ORDER = {"obligation": 0, "prohibition": 1, "permission": 2, "finding": 3}
_VALUE_ORDER = {"true": 0, "undetermined": 1, "false": 2}


def _order(item: ConclusionOutcome) -> tuple[int, int]:
    # What the officer must or must not do comes before the findings it rests on.
    return _KIND_ORDER[item.kind], _VALUE_ORDER[item.value]


def _summary_line(item: ConclusionOutcome) -> str:
    if item.value == "true":
        basis = ", ".join(rule.citation for rule in item.established_by)
        if item.compliance is not None:
            basis += ("; the case does not show whether it was done" if item.compliance.status == "unknown"
                      else f"; case shows it {item.compliance.status}")
    elif item.value == "undetermined":
        count = len(item.deciding_facts)
        basis = f"needs {count} unknown fact{'s' if count != 1 else ''}: " + ", ".join(item.deciding_facts[:3])
        basis += ", ..." if count > 3 else ""
    else:
        basis = _FALSE_WHY
    return f"    {_word(item):<13}{item.title}  ({basis})"


def deadline_lines(decision: Decision, list_not_started: bool = False) -> list[str]:
    """The deadlines section: each due time with its basis and status, violations, what has not started."""
    lines: list[str] = []
    if decision.deadlines:
        lines += ["", "Deadlines (by due time, Asia/Shanghai local time; `legalrules deadlines --json` "
                  "shows the computation):"]
        for item in decision.deadlines:
            lines.append(f"  {format_due(item.due)}  {item.title} ({item.subject}) [{item.citation}]")
            lines += textwrap.wrap(item.status_text, width=96, initial_indent="      ", subsequent_indent="        ")
        lines += [f"  holiday data: {source}" for source in decision.holiday_data]
    if decision.violations:
        lines += ["", "Violations (missed deadlines):"]
        lines += [f"  ! {v.text}" for v in decision.violations]
    if decision.deadlines_not_started and list_not_started:
        lines += ["", "Deadlines not started (the case gives no anchor):"]
        lines += [f"  {n.rule_id} {n.title}: {n.missing}" for n in decision.deadlines_not_started]
    elif decision.deadlines_not_started:
        count = len(decision.deadlines_not_started)
        lines += ["", f"{count} deadline rule{'s' if count != 1 else ''} not started: the case gives no "
                  "measure or event that starts them (`legalrules deadlines` lists what each needs)."]
    return lines


def render_decision(decision: Decision, names: SubjectNames | None = None) -> str:
    """The whole decision as text: rulesets, warnings, then conclusions by subject (named as the case names them)."""
    names = names or SubjectNames(None)
    lines = [f"Case {decision.case_id} — evaluated as of {format_local(decision.as_of)}", ""]
    lines.append("Rulesets:")
    for use in decision.rulesets:
        until = use.effective_until.isoformat() if use.effective_until else "in force"
        lines.append(f"  {use.id}: {use.title_en} / {use.title_zh} ({use.document_number}), "
                     f"{use.effective_from.isoformat()} – {until}, version {use.version}")
        # One line per reason: several deadlines on one measure share the same reason.
        for reason in dict.fromkeys(skip.reason for skip in use.not_applied):
            lines += textwrap.wrap(f"not applied: {reason}", width=96,
                                   initial_indent="    ", subsequent_indent="      ")
    if decision.governing:
        lines += ["Instruments in force on the case's dates (by chain):", *governing_lines(decision)]
    engine = decision.engine
    ran = " and ".join("durable-rules" if name == "durable" else "native evaluator" for name in engine.ran)
    agreed = ", and they agreed on every conclusion" if engine.agreed else ""
    lines.append(f"Engines: {ran}{agreed}.")
    if engine.note:
        lines.append(f"  note: {engine.note}")
    if decision.warnings:
        # A deadline named by its title, not its duty identifier (`crim_proc.art85.2 (family_notification, d1)`).
        lines += ["", "Warnings:"] + [f"  ! {name_deadlines(names.relabel(w), decision, lambda o: o.title)}"
                                      for w in decision.warnings]
    subjects: dict[str, list[ConclusionOutcome]] = {}
    for item in decision.conclusions:
        subjects.setdefault(item.subject, []).append(item)
    if subjects:
        lines += ["", "Summary:"]
        for subject, items in subjects.items():
            lines.append(f"  {names.name(subject)}:")
            lines += [_summary_line(item) for item in sorted(items, key=_order)]
        lines += ["", "Details:"]
    titles = {item.conclusion: item.title for item in decision.conclusions}
    for subject, items in subjects.items():
        lines += ["", f"{names.name(subject)}:"]
        for item in sorted(items, key=_order):
            lines += _conclusion_lines(item, titles)
    lines += deadline_lines(decision)
    if not decision.conclusions and not decision.deadlines:
        lines += ["", "No conclusions: no ruleset covers anything in this case yet (the reasons are above)."]
    lines += ["", "Interpretations used (each as the option that switches it):"]
    lines += [f"  --{i.name.replace('_', '-')} {i.value}: {i.text}" for i in decision.interpretations]
    return "\n".join(lines) + "\n"
