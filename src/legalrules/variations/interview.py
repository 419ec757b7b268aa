"""An interview that asks only what can still change one answer, most decisive first.

The target is a conclusion (`recording_required`, optionally `ruleset:` before
and `@subject` after) or a deadline (its rule id or duty, optionally
`@subject`). While the answer is undetermined, the questions are the case
fields behind the engine's deciding facts for it. Each is ranked by how many of
its possible values would settle the answer on their own (found by evaluating
the case with each value put in); a field whose values cannot be listed (a
date, a number) comes after those that settle it and before those that cannot
alone. An answer is validated as a `--set` of that field would be; a skipped
question is not asked again. The interview ends when the answer is determined,
or when nothing left to ask could change it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..case.chinese_terms import alias_for
from ..case.model import CaseFacts
from ..decision.deadlines import DeadlineOutcome
from ..decision.model import ConclusionOutcome, Decision
from ..errors import InputError
from .fact_paths import FieldType, parse_path
from .overrides import Override, apply_overrides, parse_override, validate_with_overrides
from .questions import asked_type, case_paths

Evaluate = Callable[[CaseFacts], Decision]
Outcome = ConclusionOutcome | DeadlineOutcome
_YES = {"y", "yes", "true", "是", "对", "有"}
_NO = {"n", "no", "false", "否", "不", "不是", "没有", "无"}
_SKIP = {"", "?", "？", "skip", "unknown", "不知道", "未知"}


@dataclass(frozen=True)
class Target:
    """What the interview is about: a conclusion or a deadline, optionally on one subject / in one ruleset."""

    text: str
    name: str
    ruleset: str | None
    subject: str | None

    def outcomes(self, decision: Decision) -> list[Outcome]:
        """The conclusions or deadlines of a decision this target names."""
        def fits(ruleset: str, subject: str) -> bool:
            return self.ruleset in (None, ruleset) and self.subject in (None, subject)

        found: list[Outcome] = [c for c in decision.conclusions
                                if c.conclusion == self.name and fits(c.ruleset, c.subject)]
        found += [d for d in decision.deadlines if self.name in (d.rule_id, d.duty) and fits(d.ruleset, d.subject)]
        return found


def parse_target(text: str) -> Target:
    """Parse `[ruleset:]NAME[@subject]`."""
    head, _, subject = text.partition("@")
    ruleset, colon, name = head.partition(":")
    if not colon:
        ruleset, name = "", head
    if not name.strip():
        raise InputError(f"--about {text}: received no name; expected a conclusion or deadline, "
                         "e.g. recording_required@interrogations[0] or crim_proc.art85.2")
    return Target(text, name.strip(), ruleset.strip() or None, subject.strip() or None)


def settled(outcome: Outcome) -> bool:
    """Whether one answer is determined."""
    if isinstance(outcome, ConclusionOutcome):
        return outcome.value != "undetermined"
    return outcome.applies != "undetermined" and outcome.status != "undetermined"


def deciding(outcome: Outcome) -> list[str]:
    return list(outcome.deciding_facts)


@dataclass(frozen=True)
class Question:
    """One case field to ask for, its type, and how many of its listed values settle the answer alone."""

    path: str
    fact: str
    field: FieldType
    settles: int | None  # None: the values cannot be listed, so it was not probed
    of: int
    rules: int = 0  # how many of the answer's undetermined rules wait on it (breaks ties)


@dataclass
class Interview:
    """The state of one interview: the case so far, what was asked, and the current decision."""

    document: dict[str, Any]
    source: str
    target: Target
    evaluate: Evaluate
    overrides: list[Override] = field(default_factory=list)
    skipped: set[str] = field(default_factory=set)
    decision: Decision | None = None

    def current(self) -> list[Outcome]:
        """The target's outcomes on the case as answered so far (InputError if the case has none)."""
        case = validate_with_overrides(self.document, self.source, self.overrides)
        self.decision = self.evaluate(case)
        found = self.target.outcomes(self.decision)
        if not found:
            raise InputError(f"--about {self.target.text}: the decision has no such conclusion or deadline; "
                             "expected a conclusion name (see `legalrules evaluate --json`), a deadline's rule id "
                             "or duty, optionally @subject such as interrogations[0] or measures[0]")
        return found

    def questions(self) -> list[Question]:
        """The fields still worth asking, most decisive first."""
        outcomes = self.current()
        case = validate_with_overrides(self.document, self.source, self.overrides)
        paths: dict[str, str] = {}
        for outcome in outcomes:
            if settled(outcome):
                continue
            for fact in deciding(outcome):
                for path in case_paths(fact, outcome.subject, case):
                    if path not in self.skipped:
                        paths.setdefault(path, fact)
        waiting = _waiting(outcomes)
        found = []
        for path, fact in paths.items():
            kind = asked_type(path)
            if kind is not None:
                found.append(replace(self._probe(path, fact, kind), rules=waiting.get(fact, 0)))
        return sorted(found, key=_rank)

    def _probe(self, path: str, fact: str, kind: FieldType) -> Question:
        if not kind.values or kind.kind == "int":
            return Question(path, fact, kind, None, 0)
        settles = 0
        parsed = parse_path(path, "ask")
        for value in kind.values:
            trial = [*self.overrides, Override(parsed, value, f"{path}={value}")]
            decision = self.evaluate(validate_with_overrides(self.document, self.source, trial))
            settles += all(settled(o) for o in self.target.outcomes(decision))
        return Question(path, fact, kind, settles, len(kind.values))

    def answer(self, question: Question, text: str) -> bool:
        """Record an answer (validated as a --set would be); False when it was a skip."""
        reply = text.strip()
        if reply.lower() in _SKIP:
            self.skipped.add(question.path)
            return False
        value = _reply_value(question.field, reply)
        override = parse_override(f"{question.path}={value}") if isinstance(value, str) else \
            Override(parse_path(question.path, "ask"), value, f"{question.path}={reply}")
        validate_with_overrides(self.document, self.source, [*self.overrides, override])
        self.overrides.append(override)
        return True

    def completed(self) -> dict[str, Any]:
        """The case document with every answer put in."""
        return apply_overrides(self.document, self.overrides)


def _waiting(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """For each unknown fact, how many undetermined rules of the answer wait on it."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        if isinstance(outcome, ConclusionOutcome):
            for rule in outcome.not_established_by:
                if rule.value == "undetermined":
                    for fact in rule.unknown_facts:
                        counts[fact] = counts.get(fact, 0) + 1
    return counts


def _rank(question: Question) -> tuple[int, float, int, str]:
    """Those whose values most often settle the answer alone, then those more rules wait on."""
    if question.settles is None:
        return (1, 0.0, -question.rules, question.path)
    if question.settles == 0:
        return (2, 0.0, -question.rules, question.path)
    return (0, -question.settles / question.of, -question.rules, question.path)


def _reply_value(kind: FieldType, reply: str) -> Any:
    """A reply in the field's terms: yes/no for a bool, a value, its number or its Chinese term for an enum
    (`看守所` is `detention_house`, as a case file may write it), else as typed."""
    lowered = reply.lower()
    if kind.kind == "bool" and lowered in _YES | _NO:
        return lowered in _YES
    if kind.kind == "enum":
        alias = alias_for(reply, tuple(str(value) for value in kind.values))
        if alias is not None:
            return alias
    if kind.values and kind.kind in ("enum", "int") and reply.isdigit() and kind.kind == "enum":
        number = int(reply)
        if 1 <= number <= len(kind.values):
            return kind.values[number - 1]
    return reply
