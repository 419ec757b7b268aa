"""The answer an officer came for, on one screen: what went wrong, what is due, what binds, what is open.

`legalrules evaluate` prints this by default (`--full` prints every conclusion with
its grounds, `decision.py`). Order is by urgency: violations (missed deadlines and
duties the case shows were not done), then deadlines still running with their
extension options, then the yes/no answers that bind the officer (obligations and
prohibitions, one line for every subject they hold on; a duty already among the
violations is not said again), then what is not required and why, then what is
undetermined and the facts that would decide it, then the warnings. The screen is
`SCREEN` lines: violations are always said in full, running deadlines as many as
fit (all, but for a case read long before its events), the other sections take turns
for the rest, each cut one saying how many more `--full` gives. Permissions and findings, the grounds behind each answer and the full
interpretation texts are left to `--full`. Items are named
by the case's own ids (`SubjectNames`), citations in the reader's words (`Vocabulary`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from ...decision.deadlines import DeadlineOutcome
from ...patterns import on_first_use
from ...decision.model import ConclusionOutcome, Decision
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from ..deadline_lang import due_text, extension_text, status_in
from ..notices.words import is_chinese
from ..engine_zh import in_chinese, instrument_named, name_deadlines
from ..fact_words import fact_said, facts_said, value_said
from ...interpretations import said_zh
from .phrases import phrase
from .wrapping import hanging

WIDTH: Final = 100
SCREEN: Final = 60  # lines: what a terminal shows without scrolling, near enough
_BINDING: Final = ("obligation", "prohibition")
_IDENTIFIER: Final = on_first_use(r"\(([a-z]+(?:_[a-z]+)+)\)")
_COMPLIANCE_ORDER: Final = {"violated": 0, "unknown": 1, None: 2, "complied": 3}


@dataclass(frozen=True)
class _Group:
    """One conclusion with one value (and compliance) on every subject it has it on."""

    first: ConclusionOutcome
    subjects: tuple[str, ...]
    members: tuple[ConclusionOutcome, ...] = ()


def _groups(items: Sequence[ConclusionOutcome]) -> list[_Group]:
    found: dict[tuple[str, str, str, str | None], list[ConclusionOutcome]] = {}
    for item in items:
        status = item.compliance.status if item.compliance else None
        found.setdefault((item.ruleset, item.conclusion, item.value, status), []).append(item)
    # One conclusion name means one thing in every ruleset (the glossary): where two instruments
    # conclude it alike on the same subjects (CPL 2018 and PSP 2020 for public security), one line
    # cites both.
    merged: dict[tuple[object, ...], list[ConclusionOutcome]] = {}
    for (_, name, value, compliance), same in found.items():
        merged.setdefault((name, value, compliance, tuple(i.subject for i in same)), []).extend(same)
    return [_Group(same[0], key[3], tuple(same)) for key, same in merged.items()]  # type: ignore[arg-type]


class Screen:
    """Builds the answer's lines for one decision in one language (the explorer's words use its phrasing too).

    Violations, running deadlines, warnings and the footer are always said in full; what
    binds, what is undetermined and what is not required share the rest of the screen
    (`SCREEN` lines), each cut with a line saying how many more `--full` gives.
    """

    def __init__(self, decision: Decision, words: Vocabulary, names: SubjectNames) -> None:
        self.decision, self.words, self.names = decision, words, names
        groups = _groups(decision.conclusions)
        binding = [g for g in groups if g.first.kind in _BINDING]
        # A duty the case shows undone is already among the violations: said once.
        self.holding = sorted((g for g in binding if g.first.value == "true" and _status(g) != "violated"),
                              key=lambda g: _COMPLIANCE_ORDER[_status(g)])
        self.lifted = [g for g in binding if g.first.value == "false"]
        self.open_groups = [g for g in binding if g.first.value == "undetermined"]
        self.open_deadlines = [o for o in decision.deadlines if o.applies == "undetermined"]
        # A deadline whose time has passed and the case does not record done is still open to the officer.
        self.running = [o for o in decision.deadlines if o.status in ("pending", "undetermined", "not_recorded")]
        # Two instruments setting one duty warn alike about it: said once.
        self.said_warnings = list(dict.fromkeys(self.plain(warning) for warning in decision.warnings))

    def t(self, key: str, **values: object) -> str:
        return phrase(key, self.words.lang, **values)

    def entry(self, text: str, mark: str = "  ", indent: int = 4) -> list[str]:
        """One wrapped entry: its mark, then continuation lines indented under its text."""
        return hanging(text, mark, " " * indent, WIDTH)

    def heading(self, key: str, **values: object) -> list[str]:
        return ["", self.t(key, **values)]

    def subjects(self, group: _Group) -> str:
        return self.t("list_sep").join(self.names.name(s) for s in group.subjects)

    def title(self, item: ConclusionOutcome) -> str:
        if self.words.lang == "en":
            return item.title
        # In Chinese, a conclusion without a Chinese title is said in its statute's own words.
        said = next((r.quote.rstrip("。；：") for r in (*item.established_by, *item.not_established_by)
                     if is_chinese(r.quote)), item.title)
        return self.words.conclusion_title(item.ruleset, item.conclusion, said)

    def cites(self, group: _Group) -> str:
        rules = [rule for item in group.members or (group.first,)
                 for rule in (item.established_by or item.not_established_by)]
        found = dict.fromkeys(self.words.citation(rule.citation) for rule in rules)
        return self.t("list_sep").join(found)

    def same_duty(self, outcomes: Sequence[DeadlineOutcome]) -> list[tuple[DeadlineOutcome, str]]:
        """One line per duty on a subject with one due time and status, citing every instrument that sets it
        (CPL 2018 and PSP 2020 set the same duties for public security), the first one's words kept."""
        found: dict[tuple[object, ...], list[DeadlineOutcome]] = {}
        for outcome in outcomes:
            key = (outcome.duty, outcome.subject, outcome.due, outcome.status, outcome.met_at)
            found.setdefault(key, []).append(outcome)
        return [(same[0], self.t("list_sep").join(dict.fromkeys(self.words.citation(o.citation) for o in same)))
                for same in found.values()]

    def deadline_title(self, outcome: DeadlineOutcome) -> str:
        return self.words.deadline_title(outcome.rule_id, outcome.duty, outcome.title, outcome.period)

    # --- sections said in full ----------------------------------------------------
    def violation_texts(self) -> list[str]:
        """Each violation in a sentence: the missed deadlines, then the duties the case shows undone."""
        done_wrong = [g for g in _groups(self.decision.conclusions)
                      if g.first.kind in _BINDING and g.first.compliance and g.first.compliance.status == "violated"]
        missed = [o for o in self.decision.deadlines if o.status == "missed"]
        texts = [self.t("missed_line", title=self.deadline_title(outcome), subject=self.names.name(outcome.subject),
                        due=due_text(outcome.due, self.words.lang), status=status_in(outcome, self.words.lang),
                        cite=cites)
                 for outcome, cites in self.same_duty(missed)]
        return texts + [self.t("not_done_line", title=self.title(group.first), subjects=self.subjects(group),
                               cite=self.cites(group)) for group in done_wrong]

    def violations(self) -> list[str]:
        texts = self.violation_texts()
        if not texts:
            return self.heading("no_violations")
        lines = self.heading("violations")
        for text in texts:
            lines += self.entry(text, "! ")
        return lines

    def deadlines(self, shown: int | None = None) -> list[str]:
        """The running deadlines, soonest first (the first `shown` of them), then a count of the others."""
        running = self.same_duty(self.running)
        shown = len(running) if shown is None else shown
        lines = self.heading("running") if running else []
        for outcome, cites in running[:shown]:
            lines += self.entry(self.t("running_line", due=due_text(outcome.due, self.words.lang),
                                       title=self.deadline_title(outcome), subject=self.names.name(outcome.subject),
                                       status=status_in(outcome, self.words.lang), cite=cites), "- ")
            for option in outcome.extensions:
                line = extension_text(option, self.words.lang, self.words.citation(option.citation))
                lines += self.entry(line, "    + ", 6)
        if shown < len(running):
            lines += self.entry(self.t("running_more", count=len(running) - shown), "  ", 4)
        closed = [o for o in self.decision.deadlines if o.status in ("met", "excepted")]
        if closed or self.decision.deadlines_not_started:
            lines += self.entry(self.t("closed_count", met=sum(o.status == "met" for o in closed),
                                       excepted=sum(o.status == "excepted" for o in closed),
                                       not_started=len(self.decision.deadlines_not_started)), "")
        return lines

    def warnings(self, shown: int) -> list[str]:
        lines = self.heading("warnings") if self.said_warnings else []
        for warning in self.said_warnings[:shown]:
            lines += self.entry(warning, "! ")
        if shown < len(self.said_warnings):
            lines += self.entry(self.t("warnings_more", count=len(self.said_warnings) - shown), "  ", 4)
        return lines

    def footer(self) -> list[str]:
        others = sum(1 for item in self.decision.conclusions if item.kind not in _BINDING)
        if self.words.lang == "zh":
            readings = "；".join(said_zh(i.name, i.value)[1] for i in self.decision.interpretations)
        else:
            # Each reading as the option that switches it (`--age-counting from_birthday`).
            readings = ", ".join(f"--{i.name.replace('_', '-')} {i.value}" for i in self.decision.interpretations)
        return ["", *self.entry(self.t("footer", others=others, readings=readings), "")]

    # --- sections cut to the screen -------------------------------------------------
    def blocks(self, groups: Sequence[_Group], line: Callable[[_Group], tuple[str, str]]) -> list[str]:
        """Groups by the subjects they hold on: a sub-heading per set of subjects, then one line each."""
        by_subjects: dict[tuple[str, ...], list[_Group]] = {}
        for group in groups:
            by_subjects.setdefault(group.subjects, []).append(group)
        lines: list[str] = []
        for subjects, members in by_subjects.items():
            shown = self.t("list_sep").join(self.names.name(s) for s in subjects)
            lines += self.entry(self.t("on_subjects", subjects=shown), " ", 3)
            for group in members:
                mark, text = line(group)
                lines += self.entry(text, f"   {mark} " if mark else "   ", 5)
        return lines

    def binding(self, shown: int) -> list[str]:
        """The first `shown` duties that hold: those the case does not say first, those done last."""
        if not self.holding:
            return []
        lines = self.heading("binding") + self.blocks(self.holding[:shown], lambda g: (
            self.t(f"done_{_status(g)}"), self.t("binding_line", title=self.title(g.first), cite=self.cites(g))))
        if shown < len(self.holding):
            done = sum(_status(g) == "complied" for g in self.holding[shown:])
            lines += self.entry(self.t("binding_more", count=len(self.holding) - shown, done=done), "  ", 4)
        return lines

    def not_required(self, shown: int) -> list[str]:
        if not self.lifted:
            return []
        if not shown:
            return ["", *self.entry(self.t("lifted_none_shown", count=len(self.lifted)), "")]
        lines = self.heading("not_required") + self.blocks(self.lifted[:shown], lambda g: (
            "", self.t("not_required_line", title=self.title(g.first), why=self.why_not(g.first))))
        if shown < len(self.lifted):
            lines += self.entry(self.t("lifted_more", count=len(self.lifted) - shown), "  ", 4)
        return lines

    def undetermined(self, shown: int) -> list[str]:
        total = len(self.open_groups) + len(self.open_deadlines)
        if not total:
            return []
        lang = self.words.lang
        groups = self.open_groups[:shown]
        deadlines = self.open_deadlines[:max(0, shown - len(groups))]
        lines = self.heading("open") + self.blocks(groups, lambda g: ("", self.t(
            "open_line", title=self.title(g.first), facts=facts_said(g.first.deciding_facts, lang),
            more=_more(g.first.deciding_facts, lang))))
        for outcome in deadlines:
            lines += self.entry(self.t("open_deadline", title=self.deadline_title(outcome),
                                       subject=self.names.name(outcome.subject), facts=facts_said(outcome.deciding_facts, lang),
                                       more=_more(outcome.deciding_facts, lang)), "  ", 4)
        if shown < total:
            lines += self.entry(self.t("open_more", count=total - shown), "  ", 4)
        return lines

    def why_not(self, item: ConclusionOutcome) -> str:
        """Why no ground holds, in the case's own facts: `suspect.deaf: false`, or another conclusion's answer."""
        readings = [r.why_not for r in item.not_established_by if r.why_not is not None and r.why_not.fact]
        shown = dict.fromkeys(self.reading(r.fact or "", r.value, item.subject) for r in readings)
        return self.t("list_sep").join(list(shown)[:3]) + (" …" if len(shown) > 3 else "")

    def reading(self, fact: str, value: object, subject: str) -> str:
        """A fact and its value as read: a case key, or another conclusion by its title."""
        if not fact.startswith("conclusion:"):
            return f"{fact_said(fact, self.words.lang)}{self.t('is')}{value_said(value, self.words.lang)}"
        name = fact.removeprefix("conclusion:")
        for other in self.decision.conclusions:
            if other.conclusion == name and subject.startswith(other.subject):
                return f"“{self.title(other)}”{self.t('is')}{value_said(value, self.words.lang)}"
        return f"{name}{self.t('is')}{value_said(value, self.words.lang)}"

    def plain(self, text: str) -> str:
        """An engine message without internal identifiers: items by name, deadlines by title."""
        text = self.words.cite_in(name_deadlines(self.names.relabel(text), self.decision, self.deadline_title))
        if self.words.lang == "zh":
            text = instrument_named(in_chinese(text), self.words)
        return _IDENTIFIER().sub(lambda m: f"({m.group(1).replace('_', ' ')})", text)

    def fitted(self, room: int) -> list[str]:
        """The running deadlines, what binds, what is not required, what is undetermined and the warnings,
        in `room` lines.

        Two warnings first (a time read without an offset changes every due time); then
        the running deadlines, soonest first, as many as fit (all of them, unless the case is
        read long before its events); then the other sections take turns, one item at a
        time, so none crowds the others out, what is not required and further warnings (the
        least an officer must act on) getting one turn to the others' two.
        """
        cuts: list[tuple[Callable[[int], list[str]], int]] = [
            (self.binding, len(self.holding)), (self.undetermined, len(self.open_groups) + len(self.open_deadlines)),
            (self.not_required, len(self.lifted)), (self.warnings, len(self.said_warnings)),
            (self.deadlines, len(self.same_duty(self.running)))]
        shown = [0, 0, 0, 0, 0]
        heights: dict[tuple[int, int], int] = {}  # (section, items shown) -> its lines: each rendered once

        def height(index: int, count: int) -> int:
            found = heights.get((index, count))
            if found is None:
                found = heights[(index, count)] = len(cuts[index][0](count))
            return found

        def grow(index: int) -> bool:
            if shown[index] >= cuts[index][1]:
                return False
            shown[index] += 1
            if sum(height(section, count) for section, count in enumerate(shown)) <= room:
                return True
            shown[index] -= 1
            return False
        for _ in range(2):
            grow(3)
        while grow(4):
            pass
        while any([grow(index) for index in (0, 1, 0, 1, 2, 3)]):
            pass
        # Said in the order: what is due, the yes and no answers, then what is undetermined.
        return [*self.deadlines(shown[4]), *self.binding(shown[0]), *self.not_required(shown[2]),
                *self.undetermined(shown[1]), *self.warnings(shown[3])]


def _status(group: _Group) -> str | None:
    return group.first.compliance.status if group.first.compliance else None


def _more(facts: Sequence[str], lang: str) -> str:
    if len(facts) <= 3:
        return ""
    return f"等{len(facts)}项" if lang == "zh" else f" (+{len(facts) - 3} more)"


def render_answer(decision: Decision, words: Vocabulary, names: SubjectNames, screen_lines: int = SCREEN) -> str:
    """The one-screen answer to a decision, in `words.lang`: at most `screen_lines` lines unless the
    violations alone take more (they are never cut)."""
    screen = Screen(decision, words, names)
    header = [phrase("header", words.lang, case=decision.case_id, as_of=due_text(decision.as_of, words.lang))]
    urgent = header + screen.violations()
    closing = screen.footer()
    middle = screen.fitted(screen_lines - len(urgent) - len(closing))
    return "\n".join(urgent + middle + closing) + "\n"
